"""The miner's report: what was read and found, aggregated without keeping every speech.
Drawing it is drafter/mine_view.py's job (the corpus package does not import rich)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..parts import MINED_LABELS
from .mine import FileResult
from .model import Speech, Unit

PART_LABELS = MINED_LABELS  # the one table: drafter/parts.py




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
        parts = [label for key, label in PART_LABELS.items() if _has(speech, key)]
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
