"""What the miner finds in one speech: the `--json` shape, and the Outline it becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..jsontypes import JSON


@dataclass
class Unit:
    """One directive: its ordinal as found, its heading (without ordinal), body and children."""

    ordinal: str
    heading: str
    body: list[str] = field(default_factory=list)
    children: list[Unit] = field(default_factory=list)
    style: str = ""  # 一、 （一） 1. （1） 第一， 一是 一要 首先, or 推断 for an inferred unit

    def to_json(self) -> JSON:
        return {"ordinal": self.ordinal, "heading": self.heading, "body": list(self.body),
                "children": [c.to_json() for c in self.children]}


@dataclass
class Speech:
    title: str | None = None
    date: str | None = None
    speaker: str | None = None
    salutation: str | None = None
    opening: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    transition: dict[str, Any] | None = None  # {"text": str, "count": int | None}
    directives: list[Unit] = field(default_factory=list)
    implementation: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    reminders: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    truncated: bool = False
    truncation_inferred: bool = False  # only guessed from a short count, not seen in the source
    notes: list[str] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)  # (part, paragraph) in order

    def to_json(self) -> JSON:
        return {
            "title": self.title, "date": self.date, "salutation": self.salutation,
            "opening": list(self.opening), "review": list(self.review),
            "problems": list(self.problems), "transition": self.transition,
            "directives": [u.to_json() for u in self.directives],
            "closing": list(self.closing), "reminders": list(self.reminders),
            "truncated": self.truncated, "notes": list(self.notes),
            # additions beyond the stable shape
            "speaker": self.speaker, "implementation": list(self.implementation),
            "paragraphs": [{"part": p, "text": t} for p, t in self.labels],
        }

    def skeleton(self) -> list[object]:
        """The structure without wording: what a round trip must preserve."""
        def tree(units: list[Unit]) -> list[Any]:
            return [(u.heading, tree(u.children)) for u in units]
        # An announced count that disagrees with the directives found is a defect of the
        # source (noted); the renderer computes counts, so only an agreeing count is structure.
        count = (self.transition or {}).get("count")
        count = count if count == len(self.directives) else None
        return [self.salutation, count, tree(self.directives), bool(self.closing)]
