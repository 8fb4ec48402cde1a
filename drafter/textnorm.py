"""Chinese text normalisation and counting, shared by the renderer, miner and linter.

Rules (GB/T 15834 via gbt9704.md §4): ASCII , : ; ? ! ( ) become full-width only next to
Chinese text; decimals (98.4), thousands (1,000), times (13:50), URLs and Latin names stay.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache

from .lazyre import compiled

# --- the one CJK and sentence toolkit: every module takes its ranges and splitting from here ---

# Ideographs for regex character classes. HANZI is the unified block, the characters of running
# text (what lint and the phrase miner look at); CJK adds Extension A and the compatibility
# ideographs (what decoding and cleaning must recognise in old or broken files).
HANZI = "\u4e00-\u9fff"
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = CJK
# Marks that end a sentence: full-width as Chinese writes them, ASCII as web copies carry them.
SENTENCE_END = "。！？!?"
SENTENCE = compiled(f"[^{SENTENCE_END}]+[{SENTENCE_END}]?")
SENTENCE_END_RE = compiled(f"[{SENTENCE_END}]")
# Clauses also end at ；.
CLAUSE = compiled(f"[^{SENTENCE_END}；]+[{SENTENCE_END}；]?")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each with its closing mark (the last may have none)."""
    return SENTENCE.findall(text)


def first_sentence(text: str) -> str:
    """The text before the first sentence-ending mark (the whole text when there is none)."""
    return SENTENCE_END_RE.split(text, maxsplit=1)[0]


def is_hanzi(ch: str) -> bool:
    """One character of the unified ideograph block (the characters of running text)."""
    return "\u4e00" <= ch <= "\u9fff"


# Full-width punctuation and brackets that behave like Chinese text for spacing.
_FW_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
_ZH = f"{_CJK}{_FW_PUNCT}"


def _class_ranges(chars: str) -> tuple[tuple[str, str], ...]:
    """A character class body (a-z ranges and single characters) as (low, high) pairs."""
    pairs, i = [], 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            pairs.append((chars[i], chars[i + 2]))
            i += 3
        else:
            pairs.append((chars[i], chars[i]))
            i += 1
    return tuple(pairs)


def _edges(chars: str) -> tuple[str, ...]:
    """A class body as the sorted edges of its merged ranges: low, high+1, low, high+1 … A
    character is in the class when an odd number of edges is at or below it (bisect)."""
    merged: list[list[int]] = []
    for low, high in sorted((ord(a), ord(b)) for a, b in _class_ranges(chars)):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return tuple(chr(n) for low, high in merged for n in (low, high + 1))


# Membership by comparison, not by regex: compiling a class over the CJK block costs about
# a millisecond each, paid at every start; these predicates cost nothing until called.
_CJK_EDGES = _edges(_CJK)
_ZH_EDGES = _edges(_ZH)


def has_cjk(text: str) -> bool:
    """Whether the text holds a CJK ideograph (what ``CJK_RE.search`` finds)."""
    return any(bisect_right(_CJK_EDGES, ch) & 1 for ch in text)


_SPACES = " \t\u00a0"
_LATIN_SIDE = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%")


def _drop_runs(text: str, spaces: str, left: Callable[[str], bool], right: Callable[[str], bool]) -> str:
    """``re.sub(f"(?<=[L])[{spaces}]+(?=[R])", "", text)``, without compiling a class over the
    CJK block: at each space with a left-side character before it, the longest run of spaces
    that a right-side character follows goes. Only the runs of spaces are visited."""
    out: list[str] = []
    last, n = 0, len(text)
    for run in _space_runs(spaces).finditer(text):
        p, q = run.span()
        while p < q:
            if p > 0 and left(text[p - 1]):
                end = next((e for e in range(q, p, -1) if e < n and right(text[e])), None)
                if end is not None:
                    out.append(text[last:p])
                    last = p = end
                    continue
            p += 1
    out.append(text[last:])
    return "".join(out)


@cache
def _space_runs(spaces: str) -> re.Pattern[str]:
    return compiled(f"[{spaces}]+")


def _remove_spacing(text: str) -> str:
    """Spaces between Chinese text, after it before Latin, and before it after Latin."""
    text = _drop_runs(text, _SPACES + "\u3000", _is_zh, _is_zh)
    text = _drop_runs(text, _SPACES, _is_zh, _LATIN_SIDE.__contains__)
    return _drop_runs(text, _SPACES, lambda ch: ch in _LATIN_SIDE or ch == ".", _is_zh)


@cache
def _class_re(chars: str) -> re.Pattern[str]:
    """A character class, compiled on the first call that counts or finds over a whole text
    (faster than the predicates on long texts, and no cost at start-up)."""
    return compiled(f"[{chars}]")


def __getattr__(name: str) -> re.Pattern[str]:
    """CJK_RE, compiled on first use (module-level names looked up lazily, PEP 562)."""
    if name == "CJK_RE":
        return _class_re(_CJK)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_MULTISPACE = compiled(r"[ \t\u00a0]{2,}")

_SIMPLE_PUNCT = {",": "，", ";": "；", "!": "！", "?": "？", ":": "："}
_ELLIPSIS = compiled(r"\.{3,}|。{3,}|…+")


def is_cjk(ch: str) -> bool:
    """Whether the text starts with a CJK ideograph (one character, as callers pass it)."""
    return bool(ch) and bool(bisect_right(_CJK_EDGES, ch[0]) & 1)


def _is_zh(ch: str) -> bool:
    return bool(ch) and bool(bisect_right(_ZH_EDGES, ch[0]) & 1)


def _neighbours(text: str, i: int) -> tuple[str, str]:
    """Nearest non-space characters before and after position i."""
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = i + 1
    while k < len(text) and text[k] == " ":
        k += 1
    return (text[j] if j >= 0 else "", text[k] if k < len(text) else "")


_JUDGED = compiled(r"[,;!?:.]")


def _last_shown(out: list[str]) -> str:
    """The last non-space character written so far."""
    for piece in reversed(out):
        stripped = piece.rstrip(" ")
        if stripped:
            return stripped[-1]
    return ""


def normalize_zh(text: str) -> str:
    """Normalise one paragraph of Chinese text for output. Idempotent."""
    if not text:
        return text
    text = text.replace("\r", "").replace("\n", "")
    text = _MULTISPACE.sub(" ", text.strip())
    if not has_cjk(text):
        return text
    text = re.sub(r"[\t\u00a0]", " ", text)
    # Quotes first: the marks around them are then judged next to “ ”, as a second pass would.
    text = _pair_straight_quotes(text)
    text = _PAREN_PAIR.sub(_paren_pair, text)
    # Only the marks below are judged; the text between them is copied in slices, so a long
    # line costs its marks, not its characters.
    out: list[str] = []
    last = 0
    for m in _JUDGED.finditer(text):
        i = m.start()
        ch = text[i]
        out.append(text[last:i])
        last = i + 1
        _, after = _neighbours(text, i)
        # Look back at what was already converted, so a run of marks converts as one.
        before = _last_shown(out)
        if ch in _SIMPLE_PUNCT:
            digit_sides = before.isdigit() and after.isdigit()
            if not digit_sides and (_is_zh(before) or is_cjk(after)):
                out.append(_SIMPLE_PUNCT[ch])
                continue
        elif ch == "." and before and "." not in _neighbours(text, i) and (
                not after  # the paragraph's last mark: 增长5.8%. → 增长5.8%。
                or ((_is_zh(after) or after in _SIMPLE_PUNCT or after in "()\"")
                    and not before.isdigit())):  # but 1.发展 is an ordinal, left alone
            out.append("。")
            continue
        out.append(ch)
    out.append(text[last:])
    text = "".join(out)
    if " " in text or "\u3000" in text:  # tabs and no-break spaces are spaces by now
        text = _remove_spacing(text)
    text = _ELLIPSIS.sub(lambda m: "……" if _context_is_zh(text, m.start(), m.end()) else m.group(0),
                         text)
    return text


def _context_is_zh(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return _is_zh(before) or _is_zh(after)


_PAREN_PAIR = compiled(r"\(([^()（）]*)\)")


def _paren_pair(m: re.Match[str]) -> str:
    """(…) → （…） when the pair stands in Chinese: Chinese inside, or next to it."""
    text = m.string
    j = m.start() - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = m.end()
    while k < len(text) and text[k] == " ":
        k += 1
    before = text[j] if j >= 0 else ""
    after = text[k] if k < len(text) else ""
    if has_cjk(m.group(1)) or is_cjk(before) or is_cjk(after):
        return f"（{m.group(1)}）"
    return m.group(0)


def _pair_straight_quotes(text: str) -> str:
    """Turn ASCII double quotes into “ ” by position, in Chinese context only."""
    if '"' not in text:
        return text
    out = []
    opening = True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


_ASCII_WORD = compiled(r"[A-Za-z0-9][A-Za-z0-9.%\-+/]*")


# Counting by regex needs its class compiled (about two milliseconds, at first use); counting
# character by character costs twice as much per character (0.13 against 0.07 µs). Short texts
# are counted by hand until this many characters have been, so a command that counts a speech's
# headings and sentences never compiles the classes, and a long draft compiles them once.
_BY_HAND = [15000]


def _by_hand(text: str) -> bool:
    if len(text) > 300 or _BY_HAND[0] <= 0:
        return False
    _BY_HAND[0] -= len(text)
    return True


def word_count(text: str) -> int:
    """Count like a word processor's Chinese 字数: each CJK character or full-width mark is
    one, each run of Latin letters or digits (a "word", 12.5% or GDP) is one."""
    zh = (sum(bisect_right(_ZH_EDGES, ch) & 1 for ch in text) if _by_hand(text)
          else len(_class_re(_ZH).findall(text)))
    return zh + len(_ASCII_WORD.findall(text))


def hanzi_count(text: str) -> int:
    """CJK ideographs only (no punctuation): the length measure for parallel headings."""
    if _by_hand(text):
        return sum(bisect_right(_CJK_EDGES, ch) & 1 for ch in text)
    return len(_class_re(_CJK).findall(text))


def one_line(text: str) -> str:
    """Collapse a user string onto one line: YAML block scalars keep newlines, but a
    paragraph is one paragraph. Chinese lines join without a space, Latin ones with one."""
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    if not parts:
        return ""
    joined = parts[0]
    for part in parts[1:]:
        sep = "" if (_is_zh(joined[-1]) or _is_zh(part[0])) else " "
        joined += sep + part
    return joined
