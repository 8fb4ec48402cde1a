"""Command bodies shared by the Typer app and the start-up fast path.

They take plain arguments, write through the given callbacks and return an exit code;
user-caused problems raise DrafterError (the caller prints it and exits 2).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

TYPE_CHECKING = False  # typing is not imported on the start-up path
if TYPE_CHECKING:
    from .edit import Ask
    from .phrasebook import Frame
    from .templating import TemplateInfo

Writer = Callable[[str], None]


def run_render(outline: Path, *, output: Path | None, force: bool, final: bool,
               template_dirs: list[Path], out: Writer, err: Writer,
               font_profile: str = "gbt9704", host: bool = False, reading_copy: bool = False,
               pinyin: bool = True, pauses: bool = False) -> int:
    from .errors import OutputError
    from .export import export
    from .output import check_output, write_atomic
    from .render import render_file

    if output is not None:
        check_output(output, force=force, reading_copy=reading_copy)
    elif reading_copy:
        raise OutputError("念稿只能写成 .docx 或 .html 文件，不支持屏幕输出",
                          hint="例如：drafter render 大纲.yaml --reading-copy -o 念稿.docx")
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


def run_validate(outline: Path, *, template_dirs: list[Path], err: Writer) -> None:
    from .render import render_file

    result = render_file(outline, extra_template_dirs=template_dirs)
    for warning in result.warnings:
        err(f"提醒：{warning}")
    note = f"，还有 {len(result.markers)} 处待补" if result.markers else ""
    err(f"{outline}：大纲有效{note}。")


def run_preview(outline: Path, *, rate: int, width: int | None, host: bool,
                template_dirs: list[Path], watch: bool = False, err: Writer | None = None) -> None:
    """The draft (or with ``host`` the host's script) and its statistics, on the terminal;
    with ``watch``, shown again whenever the outline or a template is saved, until Ctrl-C."""
    if watch:
        _watch_preview(outline, rate=rate, width=width, template_dirs=template_dirs, err=err)
        return
    from .preview import build_preview
    from .render import render_file
    from .stats import compute_stats
    from .streams import preview_console

    console = preview_console(width)
    result = render_file(outline, extra_template_dirs=template_dirs)
    stats = compute_stats(result.document, rate=rate)
    if host:
        from .host import render_host_file

        script = render_host_file(outline, extra_template_dirs=template_dirs)
        console.print(build_preview(script.document, compute_stats(script.document, rate=rate),
                                    speech=stats))
        return
    console.print(build_preview(result.document, stats))


def _watch_preview(outline: Path, *, rate: int, width: int | None, template_dirs: list[Path],
                   err: Writer | None) -> None:
    from contextlib import suppress

    from .errors import OutlineError
    from .streams import preview_console
    from .watch import run_watch

    console = preview_console(width)
    if not outline.exists():
        raise OutlineError("找不到大纲文件，请检查路径是否正确", file=str(outline))

    def show(screen: object) -> None:
        console.clear()
        console.print(screen)

    with suppress(KeyboardInterrupt):  # Ctrl-C is how one leaves the preview
        run_watch(outline, template_dirs, rate, show)
    if err is not None:
        err("已退出预览。")


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
        year, meeting, register, fill = _phrases_from_outline(outline, year, meeting, register)
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
        lines += _frame_lines(frame, fill, meeting_names)
    legend = slot_legend(frames, fill)
    if legend:
        lines.append(legend)
    out("\n".join(lines) + "\n")


def _phrases_from_outline(outline: Path, year: int | None, meeting: str | None, register: str | None,
                          ) -> tuple[int | None, str | None, str, dict[str, str]]:
    """What an outline tells `drafter phrases`: its year, meeting type, register and place name."""
    from .loader import load_outline
    from .phrasebook import speech_year
    from .unit import resolve_unit

    given = load_outline(outline).outline
    if year is None and given.date is not None:
        year = speech_year(given.date)
    meeting = meeting or (given.template if "template" in given.written else None)
    register = register or "会议讲话"  # every outline template is a meeting speech
    unit = resolve_unit(given.plain())
    fill = {"地": unit["name"]} if unit["name"] != unit["self"] else {}  # a real name (云川县), not 本县
    return year, meeting, register, fill


def _frame_lines(frame: Frame, fill: dict[str, str], meeting_names: dict[str, str]) -> list[str]:
    from .phrasebook import describe

    if frame.count is not None:
        places = "；".join(s.place() for s in frame.sources)
        return [f"{frame.count:>3}×  {frame.text}"] + ([f"       出处：{places}"] if places else [])
    labels = describe(frame, meeting_names)
    return [f"  {frame.filled(fill)}"] + ([f"      〔{labels}〕"] if labels else [])


def run_lint(paths: list[str], *, output_format: str, ignore: list[str], names: list[str],
             list_rules: bool, out: Writer, tifa: list[str] | None = None,
             against: list[str] | None = None, usage: list[str] | None = None) -> int:
    """Exit 0 when clean (or only warnings and notes), 1 with error-level findings."""
    import json

    from .errors import DrafterError
    from .lint import lint_paths

    if list_rules:
        out(_rules_listing())
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
        from .views import findings_report

        out(findings_report(findings))  # in lint_paths' order: file, line, column
    return 1 if any(f.severity == "error" for f in findings) else 0


def _rules_listing() -> str:
    from .lint import RULES
    from .lint.tifa import user_tifa_file
    from .lint.typo import user_usage_file
    from .views import SEVERITY_LABELS

    lines = [f"{r.code}  {SEVERITY_LABELS[r.severity]}  {r.name}" for r in RULES.values()]
    lines.append(f"自己的提法规则可写在：{user_tifa_file()}（格式同内置的 drafter/data/tifa.yaml）")
    lines.append(f"自己的用词表可写在：{user_usage_file()}（格式同内置的用词表）")
    return "\n".join(lines) + "\n"


def run_new(meeting_type: str, *, output: Path | None, force: bool, from_speech: Path | None,
            template_dirs: list[Path], out: Writer, err: Writer) -> None:
    """An annotated outline of one meeting type, optionally filled from an existing speech;
    written to ``output`` (with the editor's schema beside it) or printed."""
    from .scaffold import scaffold
    from .templating import resolve_template
    from .templating import template_dirs as all_dirs

    info = resolve_template(meeting_type, all_dirs(template_dirs))
    if output is not None:
        from .output import check_target

        check_target(output, force=force)
    text = scaffold(info) if from_speech is None else _scaffold_from(info, from_speech)
    if output is None:
        out(text)
        return
    _write_outline(output, text, force=force, err=err)


def _scaffold_from(info: TemplateInfo, speech: Path) -> str:
    """Through the corpus readers: any encoding mine reads, .docx/.html/.pdf too."""
    from .corpus.lint_read import read_speech_bytes
    from .corpus.mine import mine_bytes
    from .errors import CorpusError
    from .scaffold import scaffold_from_speech

    mined = mine_bytes(read_speech_bytes(speech), str(speech))
    if mined.skipped or not mined.speeches:
        raise CorpusError(mined.skipped or "没有找到讲话稿", file=str(speech))
    return scaffold_from_speech(info, mined.speeches[0])


def _write_outline(output: Path, text: str, *, force: bool, err: Writer) -> None:
    from .outline import schema_text
    from .output import write_atomic
    from .scaffold import SCHEMA_FILENAME

    write_atomic(output, text, force=force)
    schema_path = output.parent / SCHEMA_FILENAME
    if schema_path.exists():
        err(f"已写入 {output}")
        return
    write_atomic(schema_path, schema_text())
    err(f"已写入 {output}（以及编辑器用的结构说明 {schema_path}）")


def run_schema(*, output: Path | None, force: bool, out: Writer, err: Writer) -> None:
    """The outline's JSON Schema, printed or written."""
    from .outline import schema_text

    text = schema_text()
    if output is None:
        out(text)
        return
    from .output import write_atomic

    write_atomic(output, text, force=force)
    err(f"已写入 {output}")


def run_templates(*, template_dirs: list[Path], out: Writer) -> None:
    """One line per meeting type, built-in and the writer's own."""
    from .templating import catalogue
    from .templating import template_dirs as all_dirs

    cat = catalogue(all_dirs(template_dirs))
    width = max(len(i.id) for i in cat.values())
    lines = []
    for info in cat.values():
        origin = "" if info.builtin else f"  [自定义：{info.path.parent}]"
        lines.append(f"{info.id.ljust(width)}  {info.name}　{info.description}{origin}")
    out("\n".join(lines) + "\n")


def run_templates_show(name: str, *, template_dirs: list[Path], out: Writer) -> None:
    """What one meeting type is made of and which outline fields it reads."""
    from .templating import PART_LABELS, describe_template, resolve_template
    from .templating import template_dirs as all_dirs

    dirs = all_dirs(template_dirs)
    info = resolve_template(name, dirs)
    d = describe_template(info, dirs)
    lines = [
        f"{info.id}（{info.name}）",
        f"说明：{info.description}",
        f"别名：{'、'.join(info.aliases) or '无'}",
        f"挖掘时归入本类的讲话：{_signals(info)}",
        *([f"各层序号样式：{' '.join(s.value for s in info.numbering())}"] if info.numbering() else []),
        f"文件：{info.path}",
        f"本类型改写的部分：{'、'.join(d.overrides) or '无（全部沿用基础骨架）'}",
        f"讲话结构：{' → '.join(PART_LABELS[p] for p in d.parts)}",
        "用到的大纲字段：",
        *[f"  {f}" for f in d.fields],
        f"模板文件：{'、'.join(d.sources)}",
    ]
    out("\n".join(lines) + "\n")


def _signals(info: TemplateInfo) -> str:
    """The header's mining signals as a writer reads them."""
    import re

    from .templating import DEFAULT_TYPE

    pattern = info.meta.get("mine", "")
    if pattern and re.fullmatch(r"[^()\[\]\\.*+?{}^$]+", pattern):  # plain words: 全会|闭幕
        return "标题或开头含“" + "”“".join(pattern.split("|")) + "”"
    if pattern:
        return f"标题或开头符合正则表达式“{pattern}”"
    return "其余讲话（默认类型）" if info.id == DEFAULT_TYPE else "无（模板头部没写 mine）"


def run_edit(outline: Path, *, err: Writer, ask: Ask | None = None) -> None:
    """Edit the outline in the writer's editor (drafter.edit); ``ask`` defaults to the terminal."""
    from .edit import edit_outline

    def terminal(prompt: str) -> str | None:
        err(prompt)
        try:
            return input()
        except (EOFError, OSError, RuntimeError, ValueError):
            return None  # no terminal, or standard input closed

    result = edit_outline(outline, ask=ask or terminal, err=err)
    err(result.message)
