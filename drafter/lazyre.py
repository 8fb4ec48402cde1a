"""Regular expressions compiled on first use, skipped on text that cannot match, and kept
compiled across runs.

Compiling a character class over the CJK block costs about a millisecond (re builds a bitmap of
every code point in it, in Python), and a lint rule's pattern often holds several. A command pays
that at every start for every module-level pattern it imports, used or not. A `LazyRegex` is
compiled the first time text reaches it; with ``needs`` (characters every match holds at least one
of), text without any of them is answered at once, so a clean draft never compiles the pattern
that looks for, say, half-width commas. `tests/test_lazyre.py` checks every ``needs`` against its
pattern.

`compiled()` is re.compile with a store of compiled patterns in the user cache folder, as Python
keeps .pyc files and Jinja its template bytecode: a pattern full of Chinese character classes
takes a millisecond to compile and a fraction of that to load. The store is keyed by the exact
Python build (its version and re's engine magic); anything unexpected in it means compiling
afresh, and what a miss returns is always re.compile's own pattern.
"""

from __future__ import annotations

import _sre  # re's engine, loaded by re already
import atexit
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

# re's own parser and compiler (private, loaded by re already): patterns read exactly as re reads them
_compiler = re._compiler  # type: ignore[attr-defined]
_parser = re._parser  # type: ignore[attr-defined]
sre = re._constants  # type: ignore[attr-defined]

EVERY: list[LazyRegex] = []  # every instance, for the test that holds ``needs`` to its pattern


class LazyRegex:
    __slots__ = ("pattern", "flags", "needs", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, *, needs: str = "") -> None:
        self.pattern = pattern
        self.flags = flags
        self.needs = needs
        self._compiled: re.Pattern[str] | None = None
        EVERY.append(self)

    @property
    def regex(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compiled(self.pattern, self.flags)
        return self._compiled

    def may_match(self, text: str) -> bool:
        """False when no match can be in the text (it holds none of ``needs``)."""
        return holds_any(text, self.needs)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.search(text, pos) if self.may_match(text) else None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.match(text, pos) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(text) else iter(())

    def findall(self, text: str) -> list[str]:
        return self.regex.findall(text) if self.may_match(text) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.regex.sub(repl, text, count) if self.may_match(text) else text


def holds_any(text: str, needs: str | tuple[str, ...]) -> bool:
    """Whether the text holds one of ``needs`` (characters, or literals from required_literals);
    nothing needed means anything may match."""
    return not needs or any(need in text for need in needs)


def required_literals(pattern: str) -> tuple[str, ...]:
    """Literal strings of which every match of ``pattern`` holds at least one, read from the
    pattern as re itself parses it; () when none can be told (the caller then always runs the
    pattern). Text holding none of them cannot match, so the pattern need not be compiled.
    The 提法 rules keep these in the rule cache: a change here bumps lint/cache.FORMAT."""
    try:
        tree = _parser.parse(pattern)
    except re.error:
        return ()
    if tree.state.flags & re.IGNORECASE:
        return ()
    return tuple(_required(list(tree)) or ())


def _required(items: list[tuple[object, object]]) -> list[str] | None:
    """One part of a parsed pattern: the best set of literals one of which every match holds."""
    candidates: list[list[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and isinstance(av, int):
            run.append(chr(av))
            continue
        if run:
            candidates.append(["".join(run)])
            run = []
        found = _required_of(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append(["".join(run)])
    # the most selective: the set whose shortest literal is longest, then the smallest set
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _required_of(op: object, av: object) -> list[str] | None:
    if op is sre.SUBPATTERN and isinstance(av, tuple):
        _group, add_flags, _del_flags, body = av
        return None if add_flags & re.IGNORECASE else _required(list(body))
    if op is sre.BRANCH and isinstance(av, tuple):
        alternatives = [_required(list(branch)) for branch in av[1]]
        if any(not found for found in alternatives):
            return None
        return [literal for found in alternatives for literal in found or ()]
    if op in _REPEATS and isinstance(av, tuple):
        low, _high, body = av
        return _required(list(body)) if low >= 1 else None
    return None  # classes, any character, look-arounds, anchors, back references


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


# --- compiled patterns kept across runs ---------------------------------------------------------

Kept = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # _sre.compile's arguments
_STORE: dict[tuple[str, int], Kept] | None = None
_ADDED: list[tuple[str, int]] = []
_MOST = 4000  # patterns kept; a store grown past it starts again from this run's


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, loaded from the store when this Python compiled it before."""
    flags = int(flags)
    store = _store()
    kept = store.get((pattern, flags))
    if kept is not None:
        try:
            return _sre.compile(pattern, *kept)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001  (not what this engine reads: compiled afresh below)
            del store[(pattern, flags)]
    compiled = re.compile(pattern, flags)
    with suppress(Exception):  # re's internals moved: the pattern is simply not kept
        kept = _arguments(pattern, flags)
        if _sre.compile(pattern, *kept).groupindex == compiled.groupindex:
            store[(pattern, flags)] = kept
            if not _ADDED:
                atexit.register(_save)
            _ADDED.append((pattern, flags))
    return compiled


def _arguments(pattern: str, flags: int) -> Kept:
    """What re.compile hands the engine for this pattern (re/_compiler.py: compile)."""
    tree = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(tree, flags)]
    groupindex = {str(name): int(index) for name, index in tree.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, tuple(indexgroup)


def _store_path() -> Path:
    from .userdirs import cache_path

    build = f"{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return cache_path("regex", f"patterns-{build}.marshal")


def _store() -> dict[tuple[str, int], Kept]:
    global _STORE
    if _STORE is None:
        _STORE = {}
        with suppress(Exception):  # none yet, unreadable or not ours: start empty
            loaded = marshal.loads(_store_path().read_bytes())
            if isinstance(loaded, dict):
                _STORE = loaded
    return _STORE


def _save() -> None:
    """Write the store once at exit, atomically; a read-only or full disk keeps the old one."""
    store = _store()
    if len(store) > _MOST:
        store = {key: store[key] for key in _ADDED if key in store}
    path = _store_path()
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(store))
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001
        with suppress(OSError):
            temporary.unlink()
