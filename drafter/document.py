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
from dataclasses import dataclass, field, replace

from .textnorm import is_cjk, normalize_zh

_SENTENCE_END = "。！？!?…"

# Separates a title's lines inside one @title markup line. A control character: the context
# builder strips control characters from user text, so only it can write one.
TITLE_BREAK = "\x1f"


@dataclass(frozen=True)
class Block:
    kind: str
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
        return next((b.text.replace("\n", "") for b in self.blocks if b.kind == "title"), "")

    def of_kind(self, kind: str) -> list[Block]:
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


def parse_markup(markup: str) -> Document:
    blocks: list[Block] = []
    part = ""
    pending: Block | None = None  # a run-in heading waiting for its paragraph

    def flush_pending() -> None:
        nonlocal pending
        if pending is not None:
            blocks.append(pending)
            pending = None

    for number, raw in enumerate(markup.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("@"):
            raise MarkupError(number, raw)
        tag, _, rest = line.partition(" ")
        tag = tag[1:]
        rest = rest.strip()
        if tag == "part":
            flush_pending()
            part = rest
        elif tag == "meta":
            flush_pending()
            # "市委书记 李明": the space between title and name is meant; keep it full-width.
            text = "\u3000".join(normalize_zh(w) for w in rest.split())
            if text:
                blocks.append(Block(tag, text, part))
        elif tag == "title":
            flush_pending()
            text = "\n".join(t for t in (normalize_zh(x) for x in rest.split(TITLE_BREAK)) if t)
            if text:
                blocks.append(Block(tag, text, part))
        elif tag == "subtitle":
            flush_pending()
            # Two phrases set apart by a full-width space (凝心聚力抓项目　真抓实干促发展) keep it.
            text = "\u3000".join(t for t in (normalize_zh(x) for x in re.split(r"\u3000+|\s{2,}", rest)) if t)
            if text:
                blocks.append(Block(tag, text, part))
        elif tag == "salutation":
            flush_pending()
            text = normalize_zh(rest)
            if text:
                blocks.append(Block(tag, text, part))
        elif tag == "closing":
            flush_pending()
            text = _paragraph_text(normalize_zh(rest))
            if text:
                blocks.append(Block(tag, text, part))
        elif tag == "np":
            flush_pending()
            ordinal, _, text = rest.partition(" ")
            text = _paragraph_text(normalize_zh(text))
            ordinal = "" if ordinal == NO_NUMBER else ordinal
            if text:
                blocks.append(Block("paragraph", text, part, 0, ordinal))
        elif tag == "p":
            text = _paragraph_text(normalize_zh(rest))
            if pending is not None:
                blocks.append(replace(pending, text=text))
                pending = None
            elif text:
                blocks.append(Block("paragraph", text, part))
        elif tag in ("h", "hr"):
            flush_pending()
            fields = rest.split(" ", 2)
            if len(fields) < 3 or not fields[0].isdigit():
                raise MarkupError(number, raw)
            level, ordinal, text = int(fields[0]), fields[1], normalize_zh(fields[2])
            ordinal = "" if ordinal == NO_NUMBER else ordinal
            if tag == "h":
                blocks.append(Block("heading", _heading_text(text), part, level, ordinal))
            else:
                pending = Block("paragraph", "", part, level, ordinal, _runin_text(text))
        else:
            raise MarkupError(number, raw)
    flush_pending()
    return Document(blocks)
