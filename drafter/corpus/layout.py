"""Text laid out for a page or a screen → the writer's paragraphs.

- Hard wraps: fixed-width copies and PDFs break lines at the page width, in mid-sentence. A
  file whose lines mostly share one length (±1) was wrapped at that width: a full-width line
  runs on into the next; a shorter line, or one that ends a sentence at the margin before an
  indented line, ends its paragraph.
- Full-width digits and Latin letters become ASCII (２０２６ → 2026).
- Letter-spaced lines (在 全 市 … 的 讲 话) lose the spaces between Chinese characters.
"""

from __future__ import annotations

import re
from collections import Counter

from ..textnorm import CJK

_CJK = CJK
_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)}
_FULLWIDTH.update({0xFF21 + i: 0x41 + i for i in range(26)})
_FULLWIDTH.update({0xFF41 + i: 0x61 + i for i in range(26)})
_SPACED = re.compile(rf"^(?:[{_CJK}][ \u3000]{{1,2}}){{3,}}[{_CJK}][ \u3000]?$")
_SENTENCE_END = ("。", "！", "？", "：", "!", "?", ":", "”", "…")


def fullwidth_to_ascii(text: str) -> str:
    text = text.translate(_FULLWIDTH)
    return re.sub(r"(?<=\d)[．·](?=\d)", ".", text)  # ２０．５ → 20.5


def unspace_line(line: str) -> str:
    stripped = line.strip()
    if len(stripped) <= 120 and _SPACED.match(stripped):
        return re.sub(r"[ \u3000]", "", stripped)
    return line


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was wrapped at, or None when its lines are of free length."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 6:
        return None
    counts = Counter(lengths)
    width, _ = max(counts.items(), key=lambda kv: (kv[1] + counts.get(kv[0] - 1, 0), kv[0]))
    near = sum(n for length, n in counts.items() if width - 1 <= length <= width)
    if width < 16 or near < 0.4 * len(lengths) or near < 4:
        return None
    # a wrapped text has (almost) no line beyond its width: short head lines that happen to
    # share a length (breadcrumb, title, speaker, salutation) above long paragraphs are no wrap
    if sum(length > width + 1 for length in lengths) > max(1, len(lengths) // 10):
        return None
    # lines cut at the margin mostly stop in mid-sentence; lines that merely share a length
    # (a list of equal items) end theirs
    full = [line.rstrip() for line in lines if width - 1 <= len(line.rstrip()) <= width]
    if sum(line.endswith(_SENTENCE_END) for line in full) > len(full) / 2:
        return None
    return width


def _opens_paragraph(line: str) -> bool:
    """A numbered line, or one holding a salutation with its colon near its start (同志们： /
    …的讲话【篇一】 同志们：), opens a paragraph when what stands before it has ended."""
    from ..numbering import find_ordinal
    from .starts import SAL_START, find_salutation, split_glued

    line = line.strip()
    if SAL_START.match(line) and (find_salutation(line) is not None or (
            # the first groups of a salutation set over lines: 各位代表、 / 同志们：
            len(line) <= 30 and line.endswith(("、", "，", ",")) and find_salutation(line + "同志们：") is not None)):
        return True
    return find_ordinal(line) is not None or len(split_glued(line)) > 1


def _unpunctuated(current: list[str]) -> bool:
    """One line without a clause mark so far: a title or a heading line, which a numbered line
    does not continue."""
    return len(current) == 1 and not re.search(r"[，,。！？!?；;、]", current[0])


def rejoin(text: str, *, force: bool = False) -> str:
    """Join lines broken at a fixed width. ``force``: the text is known to be wrapped (a PDF:
    the first line of a paragraph is indented, so up to two characters short; a blank line is a
    text-box break, which ends a paragraph unless it falls in mid-sentence)."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        if not force:
            return text
        width = max((len(line.rstrip()) for line in lines), default=0)
    slack = 3 if force else 1
    out: list[str] = []
    current: list[str] = []  # pieces of the paragraph being joined
    last_full = False

    def flush() -> None:
        if current:
            out.append("".join(current))
        current.clear()

    for raw in lines:
        line = raw.rstrip()
        ends_sentence = bool(current) and current[-1].endswith(_SENTENCE_END)
        if not line.strip():
            if not (force and last_full and not ends_sentence):
                flush()
            continue
        # one space after a full line cut in mid-sentence is the source's own space, no indent
        indented = line.startswith(("\u3000", "  ")) or (len(line) > 1 and line[0] == " " and (
            not current or ends_sentence or not last_full))
        if current and (indented or ((ends_sentence or _unpunctuated(current)) and _opens_paragraph(line[:40]))):
            flush()  # an indented line, or a numbered one or a salutation after a full stop or a title, opens a paragraph
        current.append(line.strip() if current else line.strip("\u3000 "))
        last_full = len(line) >= width - slack
        if not last_full:
            flush()
    flush()
    return "\n".join(out)


def lay_out(text: str, *, wrapped: bool = False) -> str:
    """Before cleaning: letter-spaced lines closed up, hard wraps joined."""
    text = "\n".join(unspace_line(line) for line in text.split("\n"))
    return rejoin(text, force=wrapped)
