"""Running the miner over many inputs: collect files, mine them (in parallel processes if
asked), stream results in input order, and aggregate a report without keeping every speech."""

from __future__ import annotations

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

SUFFIXES = (".txt", ".md")
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
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                inputs.append(Input(str(path), problem="文件夹里没有 .txt 或 .md 文件"))
            inputs.extend(Input(str(p), p) for p in found)
        elif path.is_file():
            inputs.append(Input(str(path), path))
        else:
            inputs.append(Input(str(path), problem="找不到这个文件或文件夹"))
    return inputs


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


def mine_inputs(inputs: list[Input], *, jobs: int = 1, progress: bool = False) -> Iterator[FileResult]:
    """Results in input order. Standard input is read here, in the parent process."""
    stdin_data = sys.stdin.buffer.read() if any(i.path is None and not i.problem for i in inputs) else None
    bar = _progress(len(inputs)) if progress else None
    try:
        if jobs > 1 and len(inputs) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
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
        blocks.append(Text("编码：" + "，".join(f"{k}（{v} 个文件）"
                                              for k, v in report.encodings.most_common())))
    table = Table(title="各篇讲话", show_lines=False)
    for column in ("文件", "篇", "标题", "找到的部分", "意见", "备注"):
        table.add_column(column, overflow="fold")  # wrap a long cell, never cut it
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
        variants.add_column("写法", overflow="fold")
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
        skipped.add_column("文件", overflow="fold")
        skipped.add_column("原因", overflow="fold")
        for source, why in report.skipped + report.notes:
            skipped.add_row(source, why)
        blocks.append(skipped)
    return Group(*blocks)


# --- meeting types and emitted templates -----------------------------------------------------

_TYPE_SIGNALS = [
    ("plenum-closing", r"全会|闭幕|胜利闭幕"), ("review-comment", r"述职|评议|点评"),
    ("mobilize", r"动员|誓师"), ("commendation", r"表彰|表扬|先进集体"),
    ("symposium", r"座谈|调研|听取大家"), ("new-year", r"三级干部|新春|节后|开年|新年"),
]


def meeting_type(speech: Speech) -> str:
    head = " ".join([speech.title or ""] + speech.opening[:2])
    for name, pattern in _TYPE_SIGNALS:
        if re.search(pattern, head):
            return name
    return "deploy"


_SLOTS = {"{数}": "{{ o.count|cn_count }}", "{待补}": "{{ todo('meeting.name', '会议名称') }}"}


def frame_to_jinja(frame: str) -> str:
    """A corpus frame with slots → template text: slots become outline values or open markers."""
    out = frame.replace("{{", "").replace("}}", "")
    for slot, expr in _SLOTS.items():
        out = out.replace(slot, expr)
    out = re.sub(r"\{(地|单位|人)\}", lambda m: "{{ todo('meeting.name', '" + {"地": "地名", "单位": "单位", "人": "人名"}[m.group(1)] + "') }}", out)
    return out.replace("……", "")


@dataclass
class HouseStyle:
    """What one meeting type's speeches in a corpus say at fixed places."""

    openings: Counter[str] = field(default_factory=Counter)  # first sentence of the opening
    calls: Counter[str] = field(default_factory=Counter)  # last sentence of the closing
    transitions: Counter[str] = field(default_factory=Counter)
    reminders: Counter[str] = field(default_factory=Counter)  # first sentence of reminders
    speeches: int = 0

    def add(self, speech: Speech, frame: Any) -> None:
        self.speeches += 1
        if speech.opening:
            self.openings[frame(_sentences(speech.opening[0])[0])] += 1
        if speech.closing:
            self.calls[frame(_sentences(speech.closing[-1])[-1])] += 1
        if speech.transition:
            self.transitions[_transition_style(speech.transition["text"])] += 1
        if speech.reminders:
            self.reminders[frame(_sentences(speech.reminders[0])[0])] += 1


def _sentences(text: str) -> list[str]:
    return re.findall(r"[^。！？!?]+[。！？!?]?", text) or [text]


def _transition_style(text: str) -> str:
    for word, name in (("句话", "讲几句话"), ("方面", "讲几个方面"), ("问题", "讲几个问题"),
                       ("强调", "强调几点")):
        if word in text:
            return name
    return "讲几点意见"


def _usable(frame: str) -> bool:
    # a frame the template can say about any meeting: no names, places or open slots
    return not re.search(r"\{(地|单位|人|待补)\}", frame) and 6 <= len(frame) <= 80


def _best(counter: Counter[str], speeches: int) -> str | None:
    """The most frequent usable frame, if it recurs (or the corpus has a single speech)."""
    for frame, n in counter.most_common():
        if _usable(frame) and (n >= 2 or speeches == 1):
            return frame
    return None


def emit_templates(styles: dict[str, HouseStyle], directory: Path) -> list[Path]:
    """One template per meeting type found, in the built-ins' shape (extends base.j2): its
    opening, transition, closing and reminder frames are the corpus's most frequent ones;
    where the corpus has no recurring frame, the built-in wording stays."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for type_name, style in sorted(styles.items()):
        lines = [
            "{#- drafter",
            f"name: {type_name}（本单位）",
            f"description: 由 drafter mine 从本单位 {style.speeches} 篇讲话提取：过渡句、开场、结尾和提醒用语取自其中最常见的写法。",
            "-#}",
            '{% extends "base.j2" %}',
        ]
        if style.transitions:
            lines.append("{% block default_transition_style %}" +
                         style.transitions.most_common(1)[0][0] + "{% endblock %}")
        opening = _best(style.openings, style.speeches)
        if opening:
            lines += ["{% block opening %}", "@p " + frame_to_jinja(opening),
                      '{% include "partials/_opening.j2" %}', "{% endblock %}"]
        call = _best(style.calls, style.speeches)
        if call:
            lines.append("{% block default_call %}" + frame_to_jinja(call) + "{% endblock %}")
        path = directory / f"{type_name}.j2"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written
