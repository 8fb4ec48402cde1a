"""Running the miner over many inputs: collect files, mine them (in parallel processes if
asked), stream results in input order, and aggregate a report without keeping every speech."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .mine import FileResult, mine_bytes
from .model import Speech, Unit
from .readers import SUFFIXES

MAX_FILE = 50 * 1024 * 1024


@dataclass
class Input:
    name: str
    path: Path | None = None  # None: standard input
    problem: str | None = None


def collect_inputs(paths: list[str]) -> list[Input]:
    inputs: list[Input] = []
    for raw in paths:
        if raw == "-":
            inputs.append(Input("<标准输入>"))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and is_speech_file(p))
            if not found:
                inputs.append(Input(str(path), problem="文件夹里没有讲话稿文件（" + " ".join(SUFFIXES) + "）"))
            inputs.extend(Input(str(p), p) for p in found)
        elif path.is_file():
            inputs.append(Input(str(path), path))
        else:
            inputs.append(Input(str(path), problem="找不到这个文件或文件夹"))
    return inputs


def is_speech_file(path: Path) -> bool:
    """A kind the miner reads, not Word's lock file (~$…) nor a saved page's assets (…_files/)."""
    return (path.suffix.lower() in SUFFIXES and not path.name.startswith("~$")
            and not any(part.endswith(("_files", ".files", "_文件")) for part in path.parts[:-1]))


def _mine_input(item: Input, stdin_data: bytes | None = None) -> FileResult:
    if item.problem:
        return FileResult(source=item.name, skipped=item.problem)
    try:
        if item.path is None:
            data = stdin_data if stdin_data is not None else sys.stdin.buffer.read()
        else:
            if item.path.stat().st_size > MAX_FILE:
                return FileResult(source=item.name, skipped="文件超过 50 MB，不像讲话稿，已跳过")
            data = item.path.read_bytes()
    except OSError as exc:
        return FileResult(source=item.name, skipped=f"无法读取：{exc.strerror or exc}")
    try:
        return mine_bytes(data, item.name)
    except RecursionError:
        return FileResult(source=item.name, skipped="结构嵌套过深，无法分析")


POOL_MIN_BYTES = 4 * 1024 * 1024  # below this, starting workers costs more than it saves


def plan_jobs(requested: int, inputs: list[Input]) -> tuple[int, str | None]:
    """How many processes to use, and why fewer than asked. A pool pays off only with idle
    cores and enough text: on a busy machine the second process finds no free core and only
    adds start-up, pickling and scheduling costs (that is why --jobs 2 ran at 0.55× there)."""
    if requested <= 1 or len(inputs) < 2:
        return 1, None
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    try:
        idle = cpus - os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows has no load average
        idle = float(cpus)
    size = 0
    for item in inputs:
        if item.path is not None and not item.problem:
            with contextlib.suppress(OSError):
                size += item.path.stat().st_size
    if size < POOL_MIN_BYTES:
        return 1, f"文本不到 {POOL_MIN_BYTES // 2**20} MB，单进程更快"
    usable = min(requested, cpus, max(1, int(idle + 0.5)))
    if usable <= 1:
        return 1, f"本机 {cpus} 个核心都在忙（负载 {cpus - idle:.1f}），多进程不会更快，已改用单进程"
    return usable, None if usable == requested else f"只有 {usable} 个空闲核心，用 {usable} 个进程"


def _warm() -> None:
    """Load what every file needs once, before the workers fork, so they share it."""
    from .clean import t2s_converter

    t2s_converter()


def mine_inputs(inputs: list[Input], *, jobs: int = 1, progress: bool = False) -> Iterator[FileResult]:
    """Results in input order. Standard input is read here, in the parent process. ``jobs`` is
    what was asked for; see plan_jobs for what is used."""
    stdin_data = sys.stdin.buffer.read() if any(i.path is None and not i.problem for i in inputs) else None
    bar = _progress(len(inputs)) if progress else None
    jobs, _why = plan_jobs(jobs, inputs)
    try:
        if jobs > 1:
            import multiprocessing

            _warm()
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                items = [(i, stdin_data if i.path is None else None) for i in inputs]
                for result in pool.map(_mine_pair, items, chunksize=max(1, len(items) // (jobs * 8))):
                    if bar:
                        bar.advance()
                    yield result
        else:
            for item in inputs:
                result = _mine_input(item, stdin_data)
                if bar:
                    bar.advance()
                yield result
    finally:
        if bar:
            bar.stop()


def _mine_pair(pair: tuple[Input, bytes | None]) -> FileResult:
    return _mine_input(pair[0], pair[1])


class _Bar:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(TextColumn("提取中"), BarColumn(), MofNCompleteColumn(),
                                  TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task("mine", total=total)
        self._progress.start()

    def advance(self) -> None:
        self._progress.advance(self._task)

    def stop(self) -> None:
        self._progress.stop()


def _progress(total: int) -> _Bar | None:
    return _Bar(total) if sys.stderr.isatty() else None


# --- report ----------------------------------------------------------------------------------

_PART_LABELS = {"title": "标题", "salutation": "称呼", "opening": "开场", "review": "回顾",
                "problems": "问题", "transition": "过渡句", "directives": "意见", "reminders": "提醒",
                "closing": "结尾"}


@dataclass
class Report:
    files: int = 0
    encodings: Counter[str] = field(default_factory=Counter)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    speeches: list[dict[str, Any]] = field(default_factory=list)
    styles: Counter[str] = field(default_factory=Counter)
    transitions: Counter[str] = field(default_factory=Counter)
    lengths: dict[str, list[int]] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.skipped:
            self.skipped.append((result.source, result.skipped))
            return
        if result.encoding:
            self.encodings[result.encoding] += 1
        for note in result.notes:
            self.notes.append((result.source, note))
        for n, speech in enumerate(result.speeches, 1):
            self._add_speech(result.source, n, speech)

    def _add_speech(self, source: str, n: int, speech: Speech) -> None:
        parts = [label for key, label in _PART_LABELS.items() if _has(speech, key)]
        self.speeches.append({"source": source, "n": n, "title": speech.title, "parts": parts,
                              "directives": len(speech.directives), "truncated": speech.truncated,
                              "notes": list(speech.notes)})
        for unit in _walk(speech.directives):
            self.styles[unit.style or "？"] += 1
        if speech.transition:
            self.transitions[_transition_variant(speech.transition["text"])] += 1
        for key in ("opening", "review", "problems", "closing", "reminders"):
            size = sum(len(p) for p in getattr(speech, key))
            if size:
                self.lengths.setdefault(key, []).append(size)
        size = sum(len(u.heading) + sum(len(b) for b in u.body) for u in _walk(speech.directives))
        if size:
            self.lengths.setdefault("directives", []).append(size)

    @property
    def readable(self) -> int:
        return self.files - len(self.skipped)


def _has(speech: Speech, key: str) -> bool:
    value = getattr(speech, key)
    return bool(value)


def _walk(units: list[Unit]) -> Iterable[Unit]:
    for unit in units:
        yield unit
        yield from _walk(unit.children)


def _transition_variant(text: str) -> str:
    """下面，我就……讲五个方面的意见。 → 下面，我就……讲{数}个方面的意见。"""
    text = re.sub(r"[一二两三四五六七八九十\d]+(?=点|个|方面|句|条|项)", "{数}", text)
    return re.sub(r"(?<=就)[^，,]{4,}(?=[，,])", "……", text)


def build_report(report: Report) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    blocks: list[Any] = [Text(f"共 {report.files} 个文件，读取 {report.readable} 个，"
                              f"找到讲话 {len(report.speeches)} 篇", style="bold")]
    if report.encodings:
        blocks.append(Text("编码：" + "，".join(f"{k} {v}" for k, v in report.encodings.most_common())))
    table = Table(title="各篇讲话", show_lines=False)
    for column in ("文件", "篇", "标题", "找到的部分", "意见", "备注"):
        table.add_column(column)
    for s in report.speeches:
        note = "；".join((["不完整"] if s["truncated"] else []) + s["notes"][-2:])
        table.add_row(Path(s["source"]).name, str(s["n"]), (s["title"] or "—")[:24],
                      "、".join(s["parts"]), str(s["directives"]), note[:60])
    blocks.append(table)
    if report.styles:
        styles = Table(title="序号样式")
        styles.add_column("样式")
        styles.add_column("次数", justify="right")
        for style, n in report.styles.most_common():
            styles.add_row(style, str(n))
        blocks.append(styles)
    if report.transitions:
        variants = Table(title="过渡句")
        variants.add_column("写法")
        variants.add_column("次数", justify="right")
        for variant, n in report.transitions.most_common(15):
            variants.add_row(variant[:50], str(n))
        blocks.append(variants)
    if report.lengths:
        lengths = Table(title="各部分长度（字）")
        for column in ("部分", "篇数", "平均", "最短", "最长"):
            lengths.add_column(column)
        for key, values in report.lengths.items():
            lengths.add_row(_PART_LABELS.get(key, key), str(len(values)),
                            str(sum(values) // len(values)), str(min(values)), str(max(values)))
        blocks.append(lengths)
    if report.skipped or report.notes:
        skipped = Table(title="跳过的文件和提示")
        skipped.add_column("文件")
        skipped.add_column("原因")
        for source, why in report.skipped + report.notes:
            skipped.add_row(source, why)
        blocks.append(skipped)
    return Group(*blocks)


# --- meeting types and emitted templates: drafter/corpus/house_style.py ----------------------

from .house_style import HouseStyle as HouseStyle  # noqa: E402
from .house_style import emit_templates as emit_templates  # noqa: E402
from .house_style import meeting_type as meeting_type  # noqa: E402
