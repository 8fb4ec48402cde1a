"""preview --watch under hostile conditions: the outline swapped for a FIFO, its folder
deleted and recreated. The preview shows a message and recovers; it never freezes."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

from drafter.watch import file_changes, watch_updates

from .conftest import ROOT

DEPLOY = ROOT / "outlines" / "deploy.yaml"


def test_an_outline_swapped_for_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    outline = tmp_path / "o.yaml"
    shutil.copy(DEPLOY, outline)

    def changes():
        outline.unlink()
        os.mkfifo(outline)
        yield {(2, str(outline))}

    start = time.monotonic()
    updates = list(watch_updates(outline, [], 220, changes()))
    assert time.monotonic() - start < 10
    assert updates[0].error is None and updates[0].document is not None
    assert "不是普通文件" in (updates[1].error or "") and updates[1].document is not None


def test_the_watch_recovers_after_its_folder_is_deleted_and_recreated(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    stop = threading.Event()
    seen: list[set[str]] = []

    def collect() -> None:
        for batch in file_changes([folder], stop):
            seen.append({path for _, path in batch})

    thread = threading.Thread(target=collect, daemon=True)
    thread.start()
    try:
        time.sleep(0.5)
        shutil.rmtree(folder)
        time.sleep(0.5)
        folder.mkdir()
        time.sleep(0.6)
        (folder / "o.yaml").write_text("title: 讲话\n", encoding="utf-8")
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and not any(str(folder / "o.yaml") in s for s in seen):
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(timeout=5)
    assert any(str(folder / "o.yaml") in s for s in seen), seen
