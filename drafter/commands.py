"""Command bodies shared by the Typer app and the start-up fast path.

They take plain arguments, write through the given callbacks and return an exit code;
user-caused problems raise DrafterError (the caller prints it and exits 2).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Writer = Callable[[str], None]

# Tables (mine report, lint findings) fit 100 columns: long cells wrap, never get cut.
REPORT_WIDTH = 100


def run_render(outline: Path, *, output: Path | None, force: bool, final: bool,
               template_dirs: list[Path], out: Writer, err: Writer,
               font_profile: str = "gbt9704", host: bool = False, reading_copy: bool = False,
               pinyin: bool = True, pauses: bool = False) -> int:
    from .errors import OutputError
    from .export import export, is_supported, supported_suffixes
    from .output import check_target, write_atomic
    from .render import render_file

    if reading_copy:
        from .export.reading import READING_SUFFIXES

        if output is None or output.suffix.lower() not in READING_SUFFIXES:
            got = f"“{output.suffix or '（无后缀）'}”" if output is not None else "屏幕输出"
            raise OutputError(f"念稿只能写成 .docx 或 .html 文件，不支持{got}",
                              file=str(output) if output is not None else None,
                              hint="例如：drafter render 大纲.yaml --reading-copy -o 念稿.docx")
    if output is not None:
        if not is_supported(output.suffix):
            suffix = output.suffix or "（无后缀）"
            raise OutputError(f"不支持的输出格式“{suffix}”，支持：{supported_suffixes()}",
                              file=str(output))
        check_target(output, force=force)
    if host:
        from .host import render_host_file

        result = render_host_file(outline, extra_template_dirs=template_dirs)
    else:
        result = render_file(outline, extra_template_dirs=template_dirs)
    if result.markers:
        err(f"还有 {len(result.markers)} 处待补内容：")
        for marker in result.markers:
            err(f"  {marker.path}：{marker.marker}")
        if final:
            err("定稿检查未通过：请补全以上内容后再生成（未输出任何内容）。")
            return 1
    if output is None:
        from .export.text import export as to_text

        out(to_text(result.document))
    else:
        data: str | bytes
        if reading_copy:
            from .export.reading import export_docx, export_html

            data = (export_docx(result.document, font_profile=font_profile, author=result.speaker,
                                pinyin=pinyin, pauses=pauses)
                    if output.suffix.lower() == ".docx"
                    else export_html(result.document, pinyin=pinyin, pauses=pauses))
        else:
            data = export(result.document, output.suffix, font_profile=font_profile,
                          author=result.speaker)
        write_atomic(output, data, force=force)
        err(f"已写入 {output}")
    return 0


def run_mine(paths: list[str], *, output: Path | None, speech_number: int | None, as_json: bool,
             report: bool, phrasebank_path: Path | None, templates_dir: Path | None, jobs: int,
             force: bool, out: Writer, err: Writer) -> int:
    """Mine inputs; exit 0 with what could be mined, 2 when nothing could be read."""
    import json

    from .corpus.runner import (
        HouseStyle,
        Report,
        build_report,
        collect_inputs,
        emit_templates,
        meeting_type,
        mine_inputs,
    )
    from .errors import CorpusError
    from .output import check_target, write_atomic

    for target in (output, phrasebank_path):
        if target is not None:
            check_target(target, force=force)
    if templates_dir is not None and templates_dir.exists() and any(templates_dir.iterdir()) and not force:
        raise CorpusError("模板文件夹已存在且不是空的，为避免覆盖已停止", file=str(templates_dir),
                          hint="换一个文件夹，或加 --force")
    inputs = collect_inputs(paths)
    collector = None
    styles: dict[str, HouseStyle] = {}
    if phrasebank_path is not None or templates_dir is not None:
        from .corpus.phrases import PhraseCollector

        collector = PhraseCollector()
    summary = Report()
    chosen = None
    show_progress = not as_json
    for result in mine_inputs(inputs, jobs=jobs, progress=show_progress):
        summary.add(result)
        if as_json:
            out(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
        for speech in result.speeches:
            if collector is not None:
                collector.add(speech, result.source)
                if templates_dir is not None:
                    from .corpus.phrases import frame_of

                    styles.setdefault(meeting_type(speech), HouseStyle()).add(
                        speech, lambda text: frame_of(text, collector.tokenizer))
        if output is not None and result.speeches and chosen is None:
            chosen = (result.source, result.speeches)
    for source, why in summary.skipped:
        err(f"跳过 {source}：{why}")
    if summary.readable == 0:
        raise CorpusError("没有读到任何可用的文本", hint="请检查路径；支持 .txt 和 .md，编码可为 UTF-8、GBK 或 Big5")
    if output is not None:
        from .corpus.to_outline import outline_yaml

        if chosen is None:
            raise CorpusError("没有找到讲话稿，无法生成大纲")
        source, speeches = chosen
        if len(speeches) > 1 and speech_number is None:
            raise CorpusError(f"{source} 中有 {len(speeches)} 篇讲话，请用 --speech 选择（1–{len(speeches)}）")
        index = (speech_number or 1) - 1
        if index >= len(speeches):
            raise CorpusError(f"{source} 中只有 {len(speeches)} 篇讲话")
        write_atomic(output, outline_yaml(speeches[index], source), force=force)
        err(f"已写入 {output}")
    if collector is not None and phrasebank_path is not None:
        from .corpus.phrases import dump

        write_atomic(phrasebank_path, dump(collector.result()), force=force)
        err(f"已写入短语库 {phrasebank_path}")
    if templates_dir is not None:
        written = emit_templates(styles, templates_dir)
        err(f"已生成 {len(written)} 个模板：{'、'.join(p.stem for p in written)}（{templates_dir}）")
    if report or not (as_json or output or phrasebank_path or templates_dir):
        from io import StringIO

        from rich.console import Console

        buffer = StringIO()
        Console(file=buffer, width=REPORT_WIDTH, highlight=False).print(build_report(summary))
        out(buffer.getvalue())
    return 0


def run_phrases(part: str, *, topic: str | None, phrasebank_path: Path | None, limit: int,
                out: Writer) -> None:
    import json

    from .corpus.phrases import PART_NAMES, PARTS, matching_frames
    from .errors import CorpusError
    from .loader import read_text

    key = PART_NAMES.get(part, part)
    if key not in PARTS:
        raise CorpusError(f"未知的部分“{part}”，可选：{'、'.join(PARTS)}")
    path = phrasebank_path or Path(__file__).with_name("corpus") / "data" / "phrasebank.json"
    try:
        book = json.loads(read_text(path, what="短语库"))
    except json.JSONDecodeError as exc:
        raise CorpusError(f"短语库不是有效的 JSON（第 {exc.lineno} 行）", file=str(path)) from None
    frames = matching_frames(book, key, topic)
    if not frames:
        out(f"没有找到{('与“' + topic + '”有关的') if topic else ''}{part}用语。\n")
        return
    lines = []
    for frame in frames[:limit]:
        example = frame["examples"][0] if frame["examples"] else None
        lines.append(f"{frame['count']:>3}×  {frame['frame']}")
        if example:
            lines.append(f"       例：{example['text']}（{Path(example['source']).name}）")
    out("\n".join(lines) + "\n")


def run_lint(paths: list[str], *, output_format: str, ignore: list[str], names: list[str],
             list_rules: bool, out: Writer) -> int:
    """Exit 0 when clean (or only warnings and notes), 1 with error-level findings."""
    import json
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    from .errors import DrafterError
    from .lint import RULES, lint_paths

    labels = {"error": "错误", "warning": "警告", "info": "提示"}
    if list_rules:
        lines = [f"{r.code}  {labels[r.severity]}  {r.name}" for r in RULES.values()]
        out("\n".join(lines) + "\n")
        return 0
    if not paths:
        raise DrafterError("请给出要检查的文件或文件夹", hint="例如：drafter lint 讲话稿.docx")
    findings = lint_paths(paths, ignore=ignore, own=names)
    if output_format == "json":
        out(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=1) + "\n")
    elif not findings:
        out("没有发现问题。\n")
    else:
        table = Table(show_lines=False)
        for column in ("位置", "代码", "级别", "问题", "建议"):
            table.add_column(column, overflow="fold")
        for f in findings:  # in lint_paths' order: file, line, column
            place = f.file + (f":{f.line}" if f.line else "") + (f":{f.column}" if f.column and f.line else "")
            if f.where:
                place += f" {f.where}"
            style = {"error": "red", "warning": "yellow", "info": "dim"}[f.severity]
            table.add_row(place, f.code, f"[{style}]{labels[f.severity]}[/{style}]", f.message, f.fix or "")
        buffer = StringIO()
        console = Console(file=buffer, width=REPORT_WIDTH, highlight=False)
        console.print(table)
        counts = {s: sum(f.severity == s for f in findings) for s in labels}
        console.print("，".join(f"{labels[s]} {n} 处" for s, n in counts.items() if n))
        out(buffer.getvalue())
    return 1 if any(f.severity == "error" for f in findings) else 0
