"""`drafter mine`: one pass over the inputs, then what was asked for: the outline of one
speech, the phrasebank, house-style templates and the report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .commands import Writer

if TYPE_CHECKING:
    from .corpus.house_style import HouseStyle
    from .corpus.inputs import Input
    from .corpus.model import Speech
    from .corpus.phrases import PhraseCollector
    from .corpus.report import Report


def run_mine(paths: list[str], *, output: Path | None, speech_number: int | None, as_json: bool,
             report: bool, phrasebank_path: Path | None, templates_dir: Path | None, jobs: int,
             force: bool, out: Writer, err: Writer, min_count: int = 2,
             units: tuple[str, ...] = (), template_dirs: list[Path] | None = None) -> int:
    """Mine inputs; exit 0 with what could be mined, 2 when nothing could be read. The meeting
    types (the built-in ones, the config folder's, template_dirs') classify the speeches."""
    from .corpus.inputs import collect_inputs
    from .errors import CorpusError
    from .templating import template_dirs as search_dirs

    _check_mine_targets(output, phrasebank_path, templates_dir, force=force)
    dirs = search_dirs(template_dirs)
    inputs = collect_inputs(paths)
    if jobs > 1:
        from .corpus.runner import plan_jobs

        used, why = plan_jobs(jobs, inputs)
        if why:
            err(f"提示：--jobs {jobs}：{why}")
    mined = _mine_all(inputs, jobs=jobs, as_json=as_json, keep_first=output is not None,
                      phrases=phrasebank_path is not None or templates_dir is not None,
                      templates=dirs if templates_dir is not None else None, units=units, out=out)
    for source, why in mined.summary.skipped:
        err(f"跳过 {source}：{why}")
    if mined.summary.readable == 0:
        raise CorpusError("没有读到任何可用的文本",
                          hint="请检查路径；支持 .txt .md .docx .doc .wps .html .htm .pdf，文本编码可为 UTF-8、GBK 或 Big5")
    if output is not None:
        _write_mined_outline(mined.chosen, output, speech_number, force=force, err=err)
    if mined.collector is not None and phrasebank_path is not None:
        _write_phrasebank(mined.collector, phrasebank_path, min_count, force=force, err=err)
    if templates_dir is not None:
        from .corpus.house_style import emit_templates

        written = emit_templates(mined.styles, templates_dir, force=force, dirs=dirs)
        if written:
            err(f"已生成 {len(written)} 个模板：{'、'.join(p.stem for p in written)}（{templates_dir}）")
        else:
            err("没有生成模板：没有哪类会议的讲话达到 2 篇且有反复出现的写法")
    if report or not (as_json or output or phrasebank_path or templates_dir):
        from .mine_view import build_report
        from .views import as_text

        out(as_text(build_report(mined.summary)))
    return 0


def _check_mine_targets(output: Path | None, phrasebank_path: Path | None, templates_dir: Path | None, *,
                        force: bool) -> None:
    """Every target is checked before anything (the phrasebank too) is written."""
    from .errors import CorpusError
    from .output import check_target

    for target in (output, phrasebank_path):
        if target is not None:
            check_target(target, force=force)
    if templates_dir is not None:
        if templates_dir.exists() and not templates_dir.is_dir():
            raise CorpusError("--emit-templates 要的是文件夹，这里是一个已有的文件，为避免覆盖已停止",
                              file=str(templates_dir), hint="换一个文件夹名")
        if templates_dir.is_dir() and any(templates_dir.iterdir()) and not force:
            raise CorpusError("模板文件夹已存在且不是空的，为避免覆盖已停止", file=str(templates_dir),
                              hint="换一个文件夹，或加 --force")


class _Mined:
    """What one pass over the inputs gathers."""

    def __init__(self, summary: Report) -> None:
        self.summary = summary
        self.collector: PhraseCollector | None = None
        self.styles: dict[str, HouseStyle] = {}
        self.chosen: tuple[str, list[Speech]] | None = None  # the first file with a speech (for -o)


def _mine_all(inputs: list[Input], *, jobs: int, as_json: bool, keep_first: bool, phrases: bool,
              templates: list[Path] | None, units: tuple[str, ...], out: Writer) -> _Mined:
    """Mine every input once, feeding the report, the phrase collector and, when templates names
    the meeting types' folders, the house styles."""
    import json

    from .corpus.house_style import HouseStyle, meeting_classifier
    from .corpus.report import Report
    from .corpus.runner import mine_inputs
    from .mine_view import progress_bar

    mined = _Mined(Report())
    meeting_type = meeting_classifier(templates) if templates is not None else None
    if phrases:
        from .corpus.phrases import PhraseCollector

        mined.collector = PhraseCollector(units=units)
    bar = None if as_json else progress_bar(len(inputs))
    try:
        for result in mine_inputs(inputs, jobs=jobs, progress=bar.advance if bar else None):
            mined.summary.add(result)
            if as_json:
                out(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            for speech in result.speeches:
                if mined.collector is not None:
                    mined.collector.add(speech, result.source)
                    if meeting_type is not None:
                        mined.styles.setdefault(meeting_type(speech), HouseStyle()).add(
                            speech, mined.collector.safe_frame, result.source)
            if keep_first and result.speeches and mined.chosen is None:
                mined.chosen = (result.source, result.speeches)
    finally:
        if bar:
            bar.stop()
    return mined


def _write_mined_outline(chosen: tuple[str, list[Speech]] | None, output: Path, speech_number: int | None,
                         *, force: bool, err: Writer) -> None:
    from .corpus.to_outline import outline_yaml
    from .errors import CorpusError
    from .output import write_atomic

    if chosen is None:
        raise CorpusError("没有找到讲话稿，无法生成大纲")
    source, speeches = chosen
    if len(speeches) > 1 and speech_number is None:
        raise CorpusError(f"{source} 中有 {len(speeches)} 篇讲话，请用 --speech 选择（1–{len(speeches)}）")
    index = (speech_number or 1) - 1
    if index >= len(speeches):
        raise CorpusError(f"{source} 中只有 {len(speeches)} 篇讲话")
    write_atomic(output, outline_yaml(speeches[index], source), force=force)
    which = f"第 {index + 1} 篇" if len(speeches) > 1 else ""
    err(f"已写入 {output}（取自 {source}{which}）")


def _write_phrasebank(collector: PhraseCollector, path: Path, min_count: int, *, force: bool,
                      err: Writer) -> None:
    from .corpus.phrases import dump
    from .output import write_atomic

    book = collector.result(min_count=min_count)
    write_atomic(path, dump(book), force=force)
    kept = sum(len(frames) for frames in book["parts"].values())
    dropped = "，".join(f"{why} {n} 句" for why, n in book["dropped"].items())
    err(f"已写入短语库 {path}：{kept} 条句式，均在至少 {min_count} 篇讲话中出现"
        + (f"；已略去{dropped}" if dropped else ""))
