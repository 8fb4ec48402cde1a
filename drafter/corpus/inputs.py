"""Collecting the miner's inputs (files, folders, standard input) and mining one of them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorpusError, DrafterError
from .readers import SUFFIXES

if TYPE_CHECKING:
    from .mine import FileResult

MAX_FILE = 50 * 1024 * 1024


@dataclass
class Input:
    name: str
    path: Path | None = None  # None: standard input
    problem: str | None = None


def collect_inputs(paths: list[str]) -> list[Input]:
    from ..reading import LONG_NAME, name_too_long, shown

    inputs: list[Input] = []
    for raw in paths:
        if raw == "-":
            inputs.append(Input("<标准输入>"))
            continue
        path = Path(raw)
        if name_too_long(path):
            inputs.append(Input(shown(str(path)), problem=LONG_NAME))
            continue
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and is_speech_file(p))
            if not found:
                inputs.append(Input(shown(str(path)), problem="文件夹里没有讲话稿文件（" + " ".join(SUFFIXES) + "）"))
            inputs.extend(Input(shown(str(p)), p) for p in found)
        elif os.path.lexists(path):
            inputs.append(Input(shown(str(path)), path))  # the reader says what is wrong with it
        else:
            inputs.append(Input(shown(str(path)), problem="找不到这个文件或文件夹"))
    return inputs


def read_input(path: Path | None) -> bytes:
    from ..reading import STDIN, read_limited

    return read_limited(path or STDIN, limit=MAX_FILE, what="讲话稿文件", error=CorpusError,
                        hint="这么大的文件不像讲话稿")


def is_speech_file(path: Path) -> bool:
    """A kind the miner reads, not Word's lock file (~$…) nor a saved page's assets (…_files/)."""
    return (path.suffix.lower() in SUFFIXES and not path.name.startswith("~$")
            and not any(part.endswith(("_files", ".files", "_文件")) for part in path.parts[:-1]))


def mine_input(item: Input, stdin_data: bytes | None = None) -> FileResult:
    from .mine import FileResult, mine_bytes

    if item.problem:
        return FileResult(source=item.name, skipped=item.problem)
    try:
        data = stdin_data if item.path is None and stdin_data is not None else \
            read_input(item.path)
    except DrafterError as exc:
        return FileResult(source=item.name, skipped=exc.problems[0].message)
    try:
        return mine_bytes(data, item.name)
    except RecursionError:
        return FileResult(source=item.name, skipped="结构嵌套过深，无法分析")
