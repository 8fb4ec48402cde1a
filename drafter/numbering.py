"""Chinese numerals, ordinals and count phrases (GB/T 15835, GB/T 9704).

Counts before a measure word use 两 for 2 (两点意见); ordinals use 二 (二、（二）第二 二是).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .lazyre import compiled
from .textnorm import HANZI

_DIGITS = "〇一二三四五六七八九"
_UNITS = ["", "十", "百", "千"]


def _below_10000(n: int) -> str:
    """Chinese numeral for 1..9999, with 一十 shortened to 十 only at the start."""
    text = ""
    zero_pending = False
    for power in (3, 2, 1, 0):
        digit = (n // 10**power) % 10
        if digit == 0:
            if text:
                zero_pending = True
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += _DIGITS[digit] + _UNITS[power]
    return text


def cn_numeral(n: int) -> str:
    """Cardinal numeral as written in running text: 1→一, 10→十, 11→十一, 20→二十, 105→一百零五."""
    if n < 0:
        raise ValueError("negative numbers have no ordinal form here")
    if n == 0:
        return "零"
    if n >= 100_000_000:
        raise ValueError("number too large")
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        text = _below_10000(high) + "万"
        if low:
            text += ("零" if low < 1000 else "") + _below_10000(low)
        return _shorten_ten(text)
    return _shorten_ten(_below_10000(n))


def _shorten_ten(text: str) -> str:
    # 一十 → 十 only at the very start (十一, but 一百一十).
    return text[1:] if text.startswith("一十") else text


def cn_count(n: int) -> str:
    """Numeral for a count before a measure word: 2→两 (两点), 12→十二, 22→二十二."""
    return "两" if n == 2 else cn_numeral(n)


class OrdinalStyle(StrEnum):
    """Ordinal series usable in an outline. Values are what a writer types."""

    # Each value is a key of STYLES below, which says everything else about the style.
    LEVEL1 = "一、"
    LEVEL2 = "（一）"
    LEVEL3 = "1."
    LEVEL4 = "（1）"
    DI = "第一，"
    YI_SHI = "一是"
    YI_YAO = "一要"
    SHOU_XIAN = "首先"
    FANG_MIAN = "一方面"

    @property
    def inline(self) -> bool:
        """Inline styles open a paragraph (一是……); the others make heading lines."""
        return STYLES[self].level == 0


# Numerals an archive's ordinals use (一、 第十二， 三是); _CN also takes what a writer may type.
NUM = "一二三四五六七八九十"
_CN = "一二三四五六七八九十百零〇两"
_NOT_AFTER_SHI = ("否", "求", "不是", "是")  # 一是否 二要求 are words, not ordinals


@dataclass(frozen=True)
class StyleSpec:
    """One ordinal style: how it is written, what a writer may type, how it is found."""

    form: str  # item ``index``: {n} its Chinese numeral, {i} its Arabic one; "" for closed series
    aliases: tuple[str, ...] = ()  # other spellings a writer may type in an outline
    level: int = 0  # heading level (GB/T 9704: 1 一、 or 第一， … 4 （1）); 0 opens a paragraph
    words: Mapping[int, tuple[str, ...]] | None = None  # closed series: its words per length
    typed: str = ""  # a typed ordinal of the style; "" = built from the style's spellings
    found: str | None = None  # one opening an archive paragraph, a group holds its number
    not_before: tuple[str, ...] = ()  # typed: no ordinal when one of these follows
    not_paired: str = ""  # typed: not this style when the item holds this too (一方面…另一方面)


# Every ordinal style, in rank order (a series of an earlier style sits above a later one).
# Adding a style is one entry here plus its OrdinalStyle member (and the generated schema).
STYLES: dict[str, StyleSpec] = {
    "一、": StyleSpec("{n}、", ("一",), level=1, found=rf"^([{NUM}]+)[、．.](?!\d)"),
    "第一，": StyleSpec(
        "第{n}，", ("第一", "第一,"), level=1,
        typed=rf"第[{_CN}]{{1,3}}(?:点|条|个方面|方面|个问题)?(?:是|就是)?[，,、：:]",
        found=rf"^(?:这是)?第([{NUM}]+)(?:点希望|点意见|点要求|点建议|句话|点|个问题|条|个方面|方面)?(?:是|就是)?[，,、：:]|"
              rf"^第([{NUM}]+)(?:点|个问题|条|个方面)(?:是|就是)?(?=[{NUM}{HANZI}])|"
              rf"^第([{NUM}]+)是(?=[{HANZI}])"),
    "（一）": StyleSpec("（{n}）", ("(一)",), level=2, found=rf"^[（(]([{NUM}]+)[）)]"),
    "1.": StyleSpec("{i}.", ("1．", "1、"), level=3, found=r"^(\d{1,2})(?:[.．、](?!\d)|\s)"),
    "（1）": StyleSpec("（{i}）", ("(1)",), level=4, found=r"^[（(](\d{1,2})[）)]"),
    "一要": StyleSpec("{n}要", found=rf"^([{NUM}]+)要(?!求)", not_before=_NOT_AFTER_SHI),
    "一是": StyleSpec("{n}是", found=rf"^([{NUM}]+)是", not_before=_NOT_AFTER_SHI),
    "首先": StyleSpec(
        "", ("首先，",),
        words={2: ("首先，", "其次，"), 3: ("首先，", "其次，", "最后，"),
               4: ("首先，", "其次，", "再次，", "最后，")},
        typed=r"(?:首先|其次|再次|最后)(?:[，,：:]|(?=[要是]))",
        found=r"^(首先|其次|再次|最后)(?:是|要)?[，,：:]?"),
    "一方面": StyleSpec("", words={2: ("一方面，", "另一方面，")},
                     typed=r"(?:一方面|另一方面)[，,：:]?", not_paired="另一方面"),
}

# Every spelling a writer may type (half-width brackets, Arabic ordinals, bare words).
STYLE_ALIASES: dict[str, OrdinalStyle] = {
    spelling: style for style in OrdinalStyle for spelling in (style.value, *STYLES[style].aliases)}


def styles_at(*levels: int) -> tuple[str, ...]:
    """The styles at these levels in rank order: styles_at(1) → 一、 第一，; level 0 holds
    the styles that open a paragraph (一要 一是 首先 一方面)."""
    return tuple(key for key, spec in STYLES.items() if spec.level in levels)


def heading_styles() -> tuple[str, ...]:
    """The styles that make heading lines, in rank order."""
    return tuple(key for key, spec in STYLES.items() if spec.level > 0)


def style_rank(style: str) -> int:
    """A style's place in rank order among those found in archives (0 = 一、); 99 for others."""
    found = [key for key, spec in STYLES.items() if spec.found is not None]
    return found.index(style) if style in found else 99


# --- transition styles: how the count of directives is announced ------------------------------
# The one table: each style with the spellings an outline may use. How each is said is the
# transition macro's (templates/partials/_macros.j2); the first style is the default.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "讲几点意见": ("意见", "几点意见"),
    "讲几个方面": ("方面", "几个方面"),
    "讲几句话": ("句话", "讲三句话", "几句话"),
    "强调几点": ("强调",),
    "讲几个问题": ("问题", "几个问题"),
}
TRANSITION_STYLES = tuple(TRANSITIONS)
TRANSITION_ALIASES = {spelling: style for style, aliases in TRANSITIONS.items()
                      for spelling in (style, *aliases)}
# Words that give away a mined transition sentence's style, tried in this order
# (我讲三个方面的问题 is 讲几个方面; 我讲三个问题 is 讲几个问题).
TRANSITION_SIGNALS = (("句话", "讲几句话"), ("个问题", "讲几个问题"), ("方面", "讲几个方面"),
                      ("问题", "讲几个问题"), ("强调", "强调几点"))


def transition_style(sentence: str) -> str:
    """The transition style a speech's own transition sentence uses."""
    return next((style for word, style in TRANSITION_SIGNALS if word in sentence), TRANSITION_STYLES[0])


def style_of(value: object) -> OrdinalStyle | None:
    """An ordinal style from what an outline holds: an enum member or any accepted spelling."""
    if value is None:
        return None
    if isinstance(value, OrdinalStyle):
        return value
    return STYLE_ALIASES.get(str(value).strip())


# Default style per depth (1-based): GB/T 9704's four levels, then in-paragraph 一是.
DEFAULT_STYLES = [OrdinalStyle.LEVEL1, OrdinalStyle.LEVEL2, OrdinalStyle.LEVEL3,
                  OrdinalStyle.LEVEL4]


def default_style(depth: int) -> OrdinalStyle:
    return DEFAULT_STYLES[depth - 1] if depth <= len(DEFAULT_STYLES) else OrdinalStyle.YI_SHI


def series_limits(style: str) -> tuple[int, int | None]:
    """How many items a series may have (min, max). Every list needs at least two items
    to be a series, but a single heading is tolerated by the renderer; only the closed
    series (首先…最后, 一方面…另一方面) have hard limits."""
    words = STYLES[style].words
    return (min(words), max(words)) if words else (1, None)


def ordinal(style: str, index: int, total: int) -> str:
    """The ordinal text for item ``index`` (1-based) of ``total``, with its punctuation.

    Heading styles return the full prefix (一、 （一） 1. （1） 第一，); inline styles return
    the lead word (一是 一要 首先， 一方面，).
    """
    if index < 1:
        raise ValueError("index is 1-based")
    spec = STYLES[style]
    if spec.words is None:
        return spec.form.format(n=cn_numeral(index), i=index)
    words = spec.words.get(total)
    if words is None:
        low, high = min(spec.words), max(spec.words)
        span = f"{low} to {high} items" if low != high else f"exactly {low} items"
        first, last = spec.words[high][0].rstrip("，"), spec.words[high][-1].rstrip("，")
        raise ValueError(f"{first}…{last} takes {span}")
    return words[index - 1]


def attach_ordinal(number: str, text: str) -> str:
    """一要 + 要安全生产 → 一要安全生产: the writer's own 要/是 is not doubled."""
    if number.endswith(("要", "是")) and text.startswith(number[-1]):
        return number + text[1:]
    return number + text


# --- numerals read back -----------------------------------------------------------------------

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 4 → 4; None when it is not a small number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
        return value + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text) if len(text) == 1 else None


def inline_ordinal(after: str = "。；;：:！？") -> re.Pattern[str]:
    """一是 二要 … inside a paragraph, at its start or after one of the marks ``after``: group 1
    the numeral, group 2 the word of the style (是, 要). 要求 and 是否 are words, not ordinals."""
    words = "|".join(s.form.replace("{n}", "") for s in STYLES.values()
                     if s.level == 0 and s.form.startswith("{n}"))
    return compiled(rf"(?:^|(?<=[{after}]))\s*([{NUM}]+)({words})(?![求否])")


# --- the patterns, compiled once per set of styles ---------------------------------------------

def _typed_pattern(key: str, spec: StyleSpec) -> str:
    """The pattern of every ordinal of a style a writer may type, built from the style's own
    spellings unless the style gives one."""
    if spec.typed:
        return spec.typed
    out = []
    for spelling in sorted({key, *spec.aliases}, key=lambda s: (-len(s), s)):  # a set: ties in a fixed order
        digit = "1" if "1" in spelling else "一"
        head, _, tail = spelling.partition(digit)
        if not tail:  # 一、 typed as a bare word would be too loose
            continue
        number = r"\d{1,2}" if digit == "1" else f"[{_CN}]{{1,3}}"
        out.append(re.escape(head) + number + re.escape(tail))
    return "|".join(dict.fromkeys(out))


_COMPILED: dict[tuple[str, tuple[tuple[str, int], ...]], list[tuple[str, re.Pattern[str]]]] = {}


def _compiled(which: str) -> list[tuple[str, re.Pattern[str]]]:
    """Each style's ``typed`` patterns (a writer's headings) or ``found`` ones (an archive's
    paragraphs), compiled once per set of styles; the renderer needs only the first."""
    key = (which, tuple((k, id(spec)) for k, spec in STYLES.items()))
    got = _COMPILED.get(key)
    if got is None:
        if which == "typed":
            got = [(k, compiled(rf"^\s*(?:{_typed_pattern(k, s)})(?!\d)\s*")) for k, s in STYLES.items()]
        else:
            got = [(k, compiled(s.found)) for k, s in STYLES.items() if s.found is not None]
        _COMPILED[key] = got
    return got


# --- ordinals a writer typed into a heading or item ------------------------------------------

def _typed_here(key: str, rest: str, end: int) -> bool:
    spec = STYLES[key]
    if spec.not_paired and spec.not_paired in rest[end:]:
        return False
    return not rest[end:].startswith(spec.not_before) if spec.not_before else True


def typed_ordinal(text: str) -> tuple[str, str] | None:
    """(the ordinal as typed, the text without it) when a heading or item opens with an
    ordinal of any style (一、 （二） 3. 第一， 一是 二要 首先， 一方面，); else None. Repeated
    ordinals (一、一、) are all removed. 一方面…另一方面 inside one item is its own pair."""
    found = ""
    rest = text
    for _ in range(3):
        for key, pattern in _compiled("typed"):
            m = pattern.match(rest)
            if m and m.end() < len(rest) and _typed_here(key, rest, m.end()):
                found += m.group(0).strip()
                rest = rest[m.end():]
                break
        else:
            break
    return (found, rest) if found else None


# --- ordinals at the start of an archive's paragraph ---------------------------------------

@dataclass(frozen=True)
class Ordinal:
    style: str  # a key of STYLES
    index: int  # 1-based; 99 for a closed series' last word (最后)
    text: str  # as found, e.g. "第三个问题，"
    end: int  # where the heading text starts


def _word_index(words: Mapping[int, tuple[str, ...]], word: str) -> int:
    """首先 → 1, 其次 → 2, 再次 → 3, 最后 → 99 (the last, whatever the length)."""
    longest = [w.rstrip("，") for w in words[max(words)]]
    if word == longest[-1]:
        return 99
    return longest.index(word) + 1 if word in longest else 0


def find_ordinal(paragraph: str) -> Ordinal | None:
    """The ordinal opening a paragraph of an archive, of the first style in rank order."""
    for key, pattern in _compiled("found"):
        m = pattern.match(paragraph)
        if not m:
            continue
        raw = next(g for g in m.groups() if g)
        words = STYLES[key].words
        index = _word_index(words, raw) if words else cn_to_int(raw)
        if not index:
            continue
        return Ordinal(key, index, m.group(0), m.end())
    return None
