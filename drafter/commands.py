"""Command bodies shared by the Typer app and the start-up fast path.

They take plain arguments, write through the given callbacks and return an exit code;
user-caused problems raise DrafterError (the caller prints it and exits 2).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Writer = Callable[[str], None]


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
    for warning in result.warnings:
        err(f"提醒：{warning}")
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
             force: bool, out: Writer, err: Writer, min_count: int = 2,
             units: tuple[str, ...] = ()) -> int:
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
    if templates_dir is not None:  # checked before anything (the phrasebank too) is written
        if templates_dir.exists() and not templates_dir.is_dir():
            raise CorpusError("--emit-templates 要的是文件夹，这里是一个已有的文件，为避免覆盖已停止",
                              file=str(templates_dir), hint="换一个文件夹名")
        if templates_dir.is_dir() and any(templates_dir.iterdir()) and not force:
            raise CorpusError("模板文件夹已存在且不是空的，为避免覆盖已停止", file=str(templates_dir),
                              hint="换一个文件夹，或加 --force")
    inputs = collect_inputs(paths)
    if jobs > 1:
        from .corpus.runner import plan_jobs

        used, why = plan_jobs(jobs, inputs)
        if why:
            err(f"提示：--jobs {jobs}：{why}")
    collector = None
    styles: dict[str, HouseStyle] = {}
    if phrasebank_path is not None or templates_dir is not None:
        from .corpus.phrases import PhraseCollector

        collector = PhraseCollector(units=units)
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
                    styles.setdefault(meeting_type(speech), HouseStyle()).add(
                        speech, collector.safe_frame, result.source)
        if output is not None and result.speeches and chosen is None:
            chosen = (result.source, result.speeches)
    for source, why in summary.skipped:
        err(f"跳过 {source}：{why}")
    if summary.readable == 0:
        raise CorpusError("没有读到任何可用的文本",
                          hint="请检查路径；支持 .txt .md .docx .doc .wps .html .htm .pdf，文本编码可为 UTF-8、GBK 或 Big5")
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

        book = collector.result(min_count=min_count)
        write_atomic(phrasebank_path, dump(book), force=force)
        kept = sum(len(frames) for frames in book["parts"].values())
        dropped = "，".join(f"{why} {n} 句" for why, n in book["dropped"].items())
        err(f"已写入短语库 {phrasebank_path}：{kept} 条句式，均在至少 {min_count} 篇讲话中出现"
            + (f"；已略去{dropped}" if dropped else ""))
    if templates_dir is not None:
        written = emit_templates(styles, templates_dir, force=force)
        if written:
            err(f"已生成 {len(written)} 个模板：{'、'.join(p.stem for p in written)}（{templates_dir}）")
        else:
            err("没有生成模板：没有哪类会议的讲话达到 2 篇且有反复出现的写法")
    if report or not (as_json or output or phrasebank_path or templates_dir):
        from io import StringIO

        from rich.console import Console

        buffer = StringIO()
        Console(file=buffer, width=110, highlight=False).print(build_report(summary))
        out(buffer.getvalue())
    return 0


def run_phrases(part: str, *, topic: str | None, phrasebank_path: Path | None, limit: int,
                out: Writer, date: str | None = None, outline: Path | None = None,
                meeting: str | None = None, register: str | None = None,
                as_json: bool = False) -> None:
    """Frames of one part, for a speech of a given date (default: today's)."""
    import datetime as dt
    import json

    from .errors import CorpusError
    from .phrasebook import (
        PART_ALIASES,
        PARTS,
        REGISTERS,
        describe,
        load_library,
        select,
        slot_legend,
        speech_year,
    )

    key = PART_ALIASES.get(part)
    if key is None:
        raise CorpusError(f"未知的部分“{part}”，可选：{'、'.join(PARTS.values())}")
    if register is not None and register not in REGISTERS:
        raise CorpusError(f"未知的语体“{register}”，可选：{'、'.join(REGISTERS)}")
    year = speech_year(date) if date else None
    fill: dict[str, str] = {}
    if outline is not None:
        from .loader import load_outline
        from .unit import resolve_unit

        data = load_outline(outline).data
        if year is None and data.get("date") is not None:
            year = speech_year(data["date"])
        meeting = meeting or data.get("template")
        register = register or "会议讲话"  # every outline template is a meeting speech
        unit = resolve_unit(data)
        if unit["name"] != unit["self"]:  # a real name (云川县), not 本县
            fill["地"] = unit["name"]
    if year is None:
        year = dt.date.today().year
    if meeting:
        from .templating import resolve_template, template_dirs

        meeting = resolve_template(meeting, template_dirs()).id
    library = load_library(phrasebank_path)
    meeting_names: dict[str, str] = {}
    if not as_json and not library.mined:
        from .templating import catalogue, template_dirs

        meeting_names = {k: v.name for k, v in catalogue(template_dirs()).items()}
    chosen = select(library, key, topic=topic, year=year, meeting=meeting, register=register)
    frames = chosen.frames[:limit]
    if as_json:
        rows = [{**f.to_json(), **({"filled": f.filled(fill)} if outline else {})} for f in frames]
        out(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    lines = list(chosen.notes)
    if not frames:
        lines.append(f"短语库里没有{PARTS[key]}用语。")
        out("\n".join(lines) + "\n")
        return
    more = f"，显示前 {limit} 条（用 --limit 看更多）" if len(chosen.frames) > limit else ""
    lines.append(f"{PARTS[key]}用语，{year} 年适用，共 {len(chosen.frames)} 条{more}：")
    for frame in frames:
        if frame.count is not None:
            lines.append(f"{frame.count:>3}×  {frame.text}")
            places = "；".join(s.place() for s in frame.sources)
            if places:
                lines.append(f"       出处：{places}")
        else:
            lines.append(f"  {frame.filled(fill)}")
            labels = describe(frame, meeting_names)
            if labels:
                lines.append(f"      〔{labels}〕")
    legend = slot_legend(frames)
    if legend:
        lines.append(legend)
    out("\n".join(lines) + "\n")


def run_lint(paths: list[str], *, output_format: str, ignore: list[str], names: list[str],
             list_rules: bool, out: Writer, tifa: list[str] | None = None,
             against: list[str] | None = None, usage: list[str] | None = None) -> int:
    """Exit 0 when clean (or only warnings and notes), 1 with error-level findings."""
    import json
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    from .errors import DrafterError
    from .lint import RULES, SEVERITY_ORDER, lint_paths

    labels = {"error": "错误", "warning": "警告", "info": "提示"}
    if list_rules:
        from .lint_tifa import user_tifa_file
        from .lint_typo import user_usage_file

        lines = [f"{r.code}  {labels[r.severity]}  {r.name}" for r in RULES.values()]
        lines.append(f"自己的提法规则可写在：{user_tifa_file()}（格式同内置的 drafter/data/tifa.yaml）")
        lines.append(f"自己的用词表可写在：{user_usage_file()}（格式同内置的用词表）")
        out("\n".join(lines) + "\n")
        return 0
    if not paths:
        raise DrafterError("请给出要检查的文件或文件夹", hint="例如：drafter lint 讲话稿.docx")
    findings = lint_paths(paths, ignore=ignore, own=names, tifa=tifa or [], against=against or [],
                          usage=usage or [])
    if output_format == "json":
        out(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=1) + "\n")
    elif not findings:
        out("没有发现问题。\n")
    else:
        table = Table(show_lines=False)
        for column in ("位置", "代码", "级别", "问题", "建议"):
            table.add_column(column, overflow="fold")
        for f in sorted(findings, key=lambda f: (f.file, f.line or 0, SEVERITY_ORDER[f.severity])):
            place = f.file + (f":{f.line}" if f.line else "") + (f":{f.column}" if f.column and f.line else "")
            if f.where:
                place += f" {f.where}"
            style = {"error": "red", "warning": "yellow", "info": "dim"}[f.severity]
            table.add_row(place, f.code, f"[{style}]{labels[f.severity]}[/{style}]", f.message, f.fix or "")
        buffer = StringIO()
        console = Console(file=buffer, width=140, highlight=False)
        console.print(table)
        counts = {s: sum(f.severity == s for f in findings) for s in labels}
        console.print("，".join(f"{labels[s]} {n} 处" for s, n in counts.items() if n))
        out(buffer.getvalue())
    return 1 if any(f.severity == "error" for f in findings) else 0
