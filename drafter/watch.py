"""`preview --watch`: re-render when the outline or a template changes; keep the last good
draft on screen when an edit breaks the outline, and show the problem beneath it.

The loop is a plain function over an injectable change source, so tests and the latency
benchmark drive it without a terminal.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DrafterError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .document import Document
    from .stats import Stats

# One batch of file changes: (kind of change, path) pairs, as watchfiles reports them.
Batch = Iterable[tuple[object, str]]


@dataclass
class Update:
    """What the screen should show after one change."""

    document: Document | None  # the last good Document (None before the first good render)
    stats: Stats | None
    error: str | None  # the current problem, shown under the last good draft
    waiting: bool = False  # the outline file is missing (an editor replacing it)


def render_once(outline: Path, dirs: list[Path], rate: int) -> tuple[Document, Stats]:
    from .render import render_file
    from .stats import compute_stats

    result = render_file(outline, extra_template_dirs=dirs)
    return result.document, compute_stats(result.document, rate=rate)


def watch_paths(outline: Path, dirs: list[Path]) -> list[Path]:
    """The outline's folder (editors save by replacing the file) and every template folder."""
    from .templating import template_dirs

    paths = [outline.resolve().parent]
    for d in template_dirs(dirs):
        if d.resolve() not in paths:
            paths.append(d.resolve())
    return paths


def relevant(changes: Batch, outline: Path, template_roots: list[Path]) -> bool:
    target = outline.resolve()
    for _, raw in changes:
        path = Path(raw).resolve()
        if path == target:
            return True
        if any(root in path.parents for root in template_roots) and path.suffix in (".j2", ".jinja"):
            return True
    return False


def watch_updates(outline: Path, dirs: list[Path], rate: int,
                  changes: Iterator[Batch]) -> Iterator[Update]:
    """First render, then one Update per relevant change. Never raises a DrafterError."""
    last: tuple[Document, Stats] | None = None

    def attempt() -> Update:
        nonlocal last
        document, stats = last or (None, None)
        if not outline.exists():
            return Update(document, stats, f"大纲文件 {outline} 暂时不存在，等它重新出现……", waiting=True)
        try:
            last = render_once(outline, dirs, rate)
            return Update(last[0], last[1], None)
        except DrafterError as exc:
            return Update(document, stats, exc.render())

    yield attempt()
    roots = watch_paths(outline, dirs)[1:]
    for batch in changes:
        if relevant(batch, outline, roots):
            yield attempt()


def file_changes(paths: list[Path], stop: threading.Event) -> Iterator[Batch]:
    """Changes under these folders, batched; a short debounce keeps re-renders within ~100 ms.

    A folder that is deleted takes its watch with it (the outline's folder replaced by a sync
    client, a checkout): the watch is then restarted once the folders are back, with every file
    in them reported as changed, so the preview recovers instead of freezing."""
    import logging

    from watchfiles import Change, watch

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # its own English notes on Ctrl-C
    while not stop.is_set():
        present = [p for p in paths if p.is_dir()]
        if len(present) < len(paths):
            stop.wait(0.2)  # a folder is gone: wait for it to come back
            continue
        for batch in watch(*present, stop_event=stop, debounce=30, step=20, rust_timeout=200,
                           yield_on_timeout=True, raise_interrupt=False):
            if batch:
                yield batch
            if not all(p.is_dir() for p in present):
                break  # its watch is dead; start again when it is back
        else:
            return
        while not stop.is_set() and not all(p.is_dir() for p in paths):
            stop.wait(0.2)
        with contextlib.suppress(OSError):
            yield {(Change.added, str(f)) for p in paths for f in p.iterdir()}


def build_screen(update: Update, outline: Path) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from .preview import build_preview

    parts: list[RenderableType] = []
    if update.document is not None and update.stats is not None:
        parts.append(build_preview(update.document, update.stats))
    else:
        parts.append(Text("（还没有可以显示的讲话稿）", style="dim"))
    if update.error:
        parts.append(Panel(Text(update.error), title="等待修改" if update.waiting else "大纲有问题（上面是最后一次正确的版本）",
                           border_style="yellow" if update.waiting else "red"))
    parts.append(Text(f"正在监视 {outline} 及模板的修改，按 Ctrl-C 退出。", style="dim"))
    return Group(*parts)


def run_watch(outline: Path, dirs: list[Path], rate: int, show: Callable[[RenderableType], None],
              changes: Iterator[Batch] | None = None) -> None:
    stop = threading.Event()
    source = changes if changes is not None else file_changes(watch_paths(outline, dirs), stop)
    try:
        for update in watch_updates(outline, dirs, rate, source):
            show(build_screen(update, outline))
    finally:
        stop.set()
