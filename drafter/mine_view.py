"""What `drafter mine` draws on the terminal (rich): the progress bar and the report.
The corpus package computes; it does not import rich."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus.report import PART_LABELS, Report

if TYPE_CHECKING:
    from rich.console import Group


class ProgressBar:
    """A transient bar on standard error; ``advance`` is the miner's progress callback."""

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


def progress_bar(total: int) -> ProgressBar | None:
    """A bar only where someone watches (standard error is a terminal)."""
    return ProgressBar(total) if sys.stderr.isatty() else None


def build_report(report: Report) -> Group:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    blocks: list[Any] = [Text(f"共 {report.files} 个文件，读取 {report.readable} 个，"
                              f"找到讲话 {len(report.speeches)} 篇", style="bold")]
    if report.encodings:
        blocks.append(Text("格式和编码：" + "，".join(f"{k}（{v} 个文件）"
                                              for k, v in report.encodings.most_common())))
    blocks.append(_speeches(report))
    if report.styles:
        blocks.append(_counted("序号样式", "样式", report.styles.most_common(), width=None))
    if report.transitions:
        blocks.append(_counted("过渡句", "写法", report.transitions.most_common(15), width=50))
    if report.lengths:
        lengths = Table(title="各部分长度（字）")
        for column in ("部分", "篇数", "平均", "最短", "最长"):
            lengths.add_column(column)
        for key, values in report.lengths.items():
            lengths.add_row(*_plain(PART_LABELS.get(key, key), str(len(values)),
                            str(sum(values) // len(values)), str(min(values)), str(max(values))))
        blocks.append(lengths)
    if report.skipped or report.notes:
        skipped = Table(title="跳过的文件和提示")
        skipped.add_column("文件", overflow="fold")
        skipped.add_column("原因", overflow="fold")
        for source, why in report.skipped + report.notes:
            skipped.add_row(*_plain(source, why))
        blocks.append(skipped)
    return Group(*blocks)


def _speeches(report: Report) -> Any:
    from rich.table import Table

    table = Table(title="各篇讲话", show_lines=False)
    for column in ("文件", "篇", "标题", "找到的部分", "意见", "备注"):
        table.add_column(column, overflow="fold")  # wrap a long cell, never cut it
    for s in report.speeches:
        note = "；".join((["不完整"] if s["truncated"] else []) + s["notes"][-2:])
        table.add_row(*_plain(Path(s["source"]).name, str(s["n"]), _clip(s["title"] or "—", 24),
                      "、".join(s["parts"]), str(s["directives"]), _clip(note, 60)))
    return table


def _clip(text: str, width: int) -> str:
    """A cell kept short says so (……的讲… not ……的讲, which reads as a miner's cut title)."""
    return text if len(text) <= width else text[:width - 1] + "…"


def _counted(title: str, what: str, rows: list[tuple[str, int]], *, width: int | None) -> Any:
    from rich.table import Table

    table = Table(title=title)
    if width is None:
        table.add_column(what)
    else:
        table.add_column(what, overflow="fold")
    table.add_column("次数", justify="right")
    for value, n in rows:
        table.add_row(*_plain(_clip(value, width) if width else value, str(n)))
    return table


def _plain(*cells: str) -> list[Any]:
    """Table cells as plain text: "[/url]" in a mined sentence or a file name is not markup."""
    from rich.text import Text

    return [Text(cell) for cell in cells]
