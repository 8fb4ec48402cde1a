"""Regular expressions compiled on first use, and skipped on text that cannot match.

Compiling a character class over the CJK block costs about a millisecond (re builds a bitmap of
every code point in it, in Python), and a lint rule's pattern often holds several. A command pays
that at every start for every module-level pattern it imports, used or not. A `LazyRegex` is
compiled the first time text reaches it; with ``needs`` (characters every match holds at least one
of), text without any of them is answered at once, so a clean draft never compiles the pattern
that looks for, say, half-width commas. `tests/test_lazyre.py` checks every ``needs`` against its
pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]  # loaded by re already
from re import _parser  # type: ignore[attr-defined]  # (private, but the pattern read exactly as re reads it)

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
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def may_match(self, text: str) -> bool:
        """False when no match can be in the text (it holds none of ``needs``)."""
        return not self.needs or any(ch in text for ch in self.needs)

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
