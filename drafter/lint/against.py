"""D133's place in a lint run: 查重 works only with `--against`, so its module (the archive index,
numpy) is imported only then, not at every start."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .registry import Finding, Run


def open_once(run: Run) -> None:
    """The archive (--against) is opened once per run, before any file is read."""
    if run.against and "D133" not in run.ignore:
        from .chachong import open_archive

        run.shared["chachong"] = open_archive(list(run.against))


def check_file(path: Path, run: Run) -> list[Finding]:  # D133
    if "chachong" not in run.shared:
        return []
    from .chachong import Archive, lint_file

    archive = run.shared["chachong"]
    return lint_file(path, run.ignore, archive) if isinstance(archive, Archive) else []
