"""Length and shape of a draft: 字数, speaking time, directives and points."""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import BlockKind, Document
from .textnorm import word_count

DEFAULT_RATE = 220  # 字/分钟, a measured speaking pace for read speeches
_SPOKEN = frozenset({BlockKind.SALUTATION, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CLOSING})


@dataclass
class DirectiveLength:
    number: str
    heading: str
    chars: int


@dataclass
class Stats:
    chars: int  # word-processor 字数 of the whole document
    spoken_chars: int  # what is read aloud: salutation to closing
    minutes: float
    directives: int
    points: int
    open_markers: int
    rate: int = DEFAULT_RATE
    per_directive: list[DirectiveLength] = field(default_factory=list)

    @property
    def minutes_text(self) -> str:
        whole = int(self.minutes + 0.5)
        return "不到1分钟" if whole < 1 else f"约{whole}分钟"


def compute_stats(document: Document, *, rate: int = DEFAULT_RATE) -> Stats:
    if rate <= 0:
        raise ValueError("rate must be positive")
    chars = sum(word_count(b.plain) for b in document.blocks)
    spoken = sum(word_count(b.plain) for b in document.blocks if b.kind in _SPOKEN)
    top = [b for b in document.blocks if b.part == "directives" and b.level == 1]
    points = [b for b in document.blocks if b.part == "directives" and b.level >= 2]
    per: list[DirectiveLength] = []
    current: DirectiveLength | None = None
    for block in document.blocks:
        if block.part != "directives":
            continue
        if block.level == 1:
            current = DirectiveLength(block.number, block.runin or block.text, 0)
            per.append(current)
        if current is not None:
            current.chars += word_count(block.plain)
    text = document.body_text()
    return Stats(chars=chars, spoken_chars=spoken, minutes=spoken / rate,
                 directives=len(top), points=len(points),
                 open_markers=text.count("〔待补"), rate=rate, per_directive=per)
