"""The Document: typed blocks that every exporter, the preview and the linter read.

Templates express blocks with one light line markup (the only mechanism):

    @part opening            following blocks belong to this part of the speech
    @title TEXT              @subtitle TEXT    @meta TEXT    @salutation TEXT
    @p TEXT                  a body paragraph
    @closing TEXT            a closing paragraph
    @h LEVEL NUMBER TEXT     a heading on its own line (一、统一思想)
    @hr LEVEL NUMBER TEXT    a run-in heading: it opens the next @p (（一）聚焦……。实施……)
    @np NUMBER TEXT          a paragraph opened by an ordinal word (一是……, 一要……)

NUMBER ~ stands for none: a lone item is said without an ordinal.

Blank lines are ignored. User text never contains a line break (the context builder folds
it), so a user cannot forge a block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from .textnorm import is_cjk, normalize_zh

_SENTENCE_END = "。！？!?…"

# Separates a title's lines inside one @title markup line. A control character: the context
# builder strips control characters from user text, so only it can write one.
TITLE_BREAK = "\x1f"


class BlockKind(StrEnum):
    """What a block is; every exporter, the preview and the statistics dispatch on it."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    META = "meta"  # the speaker's line, the date line
    SALUTATION = "salutation"
    HEADING = "heading"
    PARAGRAPH = "paragraph"  # a body paragraph, perhaps opened by a number or run-in heading
    CLOSING = "closing"


# The title group at the head of a speech, set apart from the body by one blank line.
HEAD_KINDS = frozenset({BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.META})


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    part: str = ""
    level: int = 0  # heading depth (1 = 一、); for a run-in paragraph, its heading's depth
    number: str = ""  # ordinal text: 一、 （一） 1. 第一， 一是
    runin: str = ""  # run-in heading sentence that opens a paragraph, with its 。

    @property
    def plain(self) -> str:
        """The block as it reads: number, run-in heading and text."""
        return f"{self.number}{self.runin}{self.text}"

    @property
    def lines(self) -> list[str]:
        """A title's lines as the writer set them (one line unless broken explicitly)."""
        return self.text.split("\n")


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The title on one line (explicit line breaks removed), for metadata."""
        return next((b.text.replace("\n", "") for b in self.blocks if b.kind == BlockKind.TITLE), "")

    def of_kind(self, kind: BlockKind | str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def body_text(self) -> str:
        return "\n".join(b.plain for b in self.blocks)


class MarkupError(ValueError):
    """A template emitted a line that is not block markup (a template bug)."""

    def __init__(self, line_number: int, line: str) -> None:
        super().__init__(f"line {line_number}: {line[:60]!r}")
        self.line_number = line_number
        self.line = line


def _heading_text(text: str) -> str:
    # Standalone headings carry no closing punctuation (GB/T 9704 practice).
    return text.rstrip("。；;，,：:")


def _paragraph_text(text: str) -> str:
    """A body paragraph ends like a sentence; a lead-in ending in ： or a closing mark stays."""
    if text and (is_cjk(text[-1]) or text[-1].isalnum() or text[-1] in "”’）》%"):
        return text + "。"
    return text


def _runin_text(text: str) -> str:
    text = text.rstrip("；;，,：: ")
    return text if text and text[-1] in _SENTENCE_END else text + "。"


NO_NUMBER = "~"  # in @h / @hr / @np: a lone item, said without an ordinal


def _meta_text(rest: str) -> str:
    # "市委书记 李明": the space between title and name is meant; keep it full-width.
    return "\u3000".join(normalize_zh(w) for w in rest.split())


def _title_text(rest: str) -> str:
    return "\n".join(t for t in (normalize_zh(x) for x in rest.split(TITLE_BREAK)) if t)


def _subtitle_text(rest: str) -> str:
    # Two phrases set apart by a full-width space (凝心聚力抓项目　真抓实干促发展) keep it.
    return "\u3000".join(t for t in (normalize_zh(x) for x in re.split(r"\u3000+|\s{2,}", rest)) if t)


def _closing_text(rest: str) -> str:
    return _paragraph_text(normalize_zh(rest))


# Tags that make one block of their kind from their text (dropped when the text is empty).
_ONE_LINE: dict[str, tuple[BlockKind, Callable[[str], str]]] = {
    "meta": (BlockKind.META, _meta_text),
    "title": (BlockKind.TITLE, _title_text),
    "subtitle": (BlockKind.SUBTITLE, _subtitle_text),
    "salutation": (BlockKind.SALUTATION, normalize_zh),
    "closing": (BlockKind.CLOSING, _closing_text),
}


class _Reader:
    """The blocks so far, the current part, and a run-in heading waiting for its paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.part = ""
        self.pending: Block | None = None

    def flush(self) -> None:
        if self.pending is not None:
            self.blocks.append(self.pending)
            self.pending = None

    def take(self, tag: str, rest: str) -> bool:
        """Read one markup line; False when it is not markup."""
        if tag == "p":
            self._paragraph(rest)
            return True
        self.flush()
        if tag == "part":
            self.part = rest
        elif tag in _ONE_LINE:
            kind, text_of = _ONE_LINE[tag]
            text = text_of(rest)
            if text:
                self.blocks.append(Block(kind, text, self.part))
        elif tag == "np":
            ordinal, _, words = rest.partition(" ")
            text = _paragraph_text(normalize_zh(words))
            if text:
                self.blocks.append(Block(BlockKind.PARAGRAPH, text, self.part, 0, _number(ordinal)))
        elif tag in ("h", "hr"):
            return self._heading(tag, rest)
        else:
            return False
        return True

    def _paragraph(self, rest: str) -> None:
        text = _paragraph_text(normalize_zh(rest))
        if self.pending is not None:
            self.blocks.append(replace(self.pending, text=text))
            self.pending = None
        elif text:
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, self.part))

    def _heading(self, tag: str, rest: str) -> bool:
        fields = rest.split(" ", 2)
        if len(fields) < 3 or not fields[0].isdigit():
            return False
        level, ordinal, text = int(fields[0]), _number(fields[1]), normalize_zh(fields[2])
        if tag == "h":
            self.blocks.append(Block(BlockKind.HEADING, _heading_text(text), self.part, level, ordinal))
        else:
            self.pending = Block(BlockKind.PARAGRAPH, "", self.part, level, ordinal, _runin_text(text))
        return True


def _number(ordinal: str) -> str:
    return "" if ordinal == NO_NUMBER else ordinal


def parse_markup(markup: str) -> Document:
    reader = _Reader()
    for number, raw in enumerate(markup.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        tag, _, rest = line.partition(" ")
        if not tag.startswith("@") or not reader.take(tag[1:], rest.strip()):
            raise MarkupError(number, raw)
    reader.flush()
    return Document(reader.blocks)
