"""Rule data parsed once and kept in the user cache folder (the 提法 files): reading their YAML
with positions costs more than the rest of a 提法 check.

An entry is keyed by the text it was parsed from, the drafter version and the size and time of
the module that defines the parsed types, so an edited rule file or module is parsed afresh.
It is stored with marshal (builtins only, no import to pay): the caller turns its value into
tuples and back. The cache is only ever a shortcut: a file that cannot be read or written, or
holds anything unexpected, means parsing again.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
FORMAT = 2  # bump when what a parse returns changes outside the keyed module (lazyre.required_literals)


def cache_dir() -> Path:
    from ..userdirs import cache_path

    return cache_path("rules")


def _key(kind: str, text: str, module: str) -> str:
    from .. import __version__

    stat = os.stat(module)
    data = f"{kind}\n{FORMAT}\n{__version__}\n{stat.st_size}:{stat.st_mtime_ns}\n{text}".encode(
        "utf-8", "surrogatepass")
    return f"{len(data):x}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def parsed(kind: str, text: str, module: str, parse: Callable[[], T], *,
           plain: Callable[[T], object], typed: Callable[[object], T]) -> T:
    """parse(), or what it returned for the same text before. ``module`` is the file that
    defines what parse returns; ``plain`` turns that into builtins and ``typed`` back."""
    path = cache_dir() / f"{kind}-{_key(kind, text, module)}.marshal"
    with suppress(Exception):
        return typed(marshal.loads(path.read_bytes()))
    value = parse()  # errors in the text are raised here, every time
    _store(path, plain(value))
    return value


KEEP = 16  # entries of one kind (the shipped file, the writer's own, --tifa files, older versions)


def _store(path: Path, value: Any) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, path)
    except Exception:  # a read-only or full disk: parse again next time
        with suppress(OSError):
            temporary.unlink()
        return
    kind = path.name.split("-", 1)[0]
    with suppress(OSError):  # the oldest go when a new one comes
        stored = sorted(path.parent.glob(f"{kind}-*.marshal"), key=lambda p: p.stat().st_mtime_ns)
        for old in [p for p in stored if p != path][:max(0, len(stored) - KEEP)]:
            old.unlink()
