"""Chinese numerals, ordinals and count phrases (GB/T 15835, GB/T 9704).

Counts before a measure word use 两 for 2 (两点意见); ordinals use 二 (二、（二）第二 二是).
"""

from __future__ import annotations

import re
from enum import StrEnum

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
        return self in (OrdinalStyle.YI_SHI, OrdinalStyle.YI_YAO, OrdinalStyle.SHOU_XIAN,
                        OrdinalStyle.FANG_MIAN)


# Aliases a writer may type (half-width brackets, Arabic ordinals, bare words).
STYLE_ALIASES: dict[str, OrdinalStyle] = {
    "一、": OrdinalStyle.LEVEL1, "一": OrdinalStyle.LEVEL1,
    "（一）": OrdinalStyle.LEVEL2, "(一)": OrdinalStyle.LEVEL2,
    "1.": OrdinalStyle.LEVEL3, "1．": OrdinalStyle.LEVEL3, "1、": OrdinalStyle.LEVEL3,
    "（1）": OrdinalStyle.LEVEL4, "(1)": OrdinalStyle.LEVEL4,
    "第一，": OrdinalStyle.DI, "第一": OrdinalStyle.DI, "第一,": OrdinalStyle.DI,
    "一是": OrdinalStyle.YI_SHI,
    "一要": OrdinalStyle.YI_YAO,
    "首先": OrdinalStyle.SHOU_XIAN, "首先，": OrdinalStyle.SHOU_XIAN,
    "一方面": OrdinalStyle.FANG_MIAN,
}

# Transition styles: how the count of directives is announced.
TRANSITION_STYLES = ("讲几点意见", "讲几个方面", "讲几句话", "强调几点", "讲几个问题")
TRANSITION_ALIASES = {
    "意见": "讲几点意见", "讲几点意见": "讲几点意见", "几点意见": "讲几点意见",
    "方面": "讲几个方面", "讲几个方面": "讲几个方面", "几个方面": "讲几个方面",
    "句话": "讲几句话", "讲几句话": "讲几句话", "讲三句话": "讲几句话", "几句话": "讲几句话",
    "强调": "强调几点", "强调几点": "强调几点",
    "问题": "讲几个问题", "讲几个问题": "讲几个问题", "几个问题": "讲几个问题",
}


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


def series_limits(style: OrdinalStyle) -> tuple[int, int | None]:
    """How many items a series may have (min, max). Every list needs at least two items
    to be a series, but a single heading is tolerated by the renderer; only the closed
    series (首先…最后, 一方面…另一方面) have hard limits."""
    if style is OrdinalStyle.SHOU_XIAN:
        return (2, 4)
    if style is OrdinalStyle.FANG_MIAN:
        return (2, 2)
    return (1, None)


_SHOU_XIAN = {2: ["首先", "其次"], 3: ["首先", "其次", "最后"], 4: ["首先", "其次", "再次", "最后"]}


def ordinal(style: OrdinalStyle, index: int, total: int) -> str:
    """The ordinal text for item ``index`` (1-based) of ``total``, with its punctuation.

    Heading styles return the full prefix (一、 （一） 1. （1） 第一，); inline styles return
    the lead word (一是 一要 首先， 一方面，).
    """
    if index < 1:
        raise ValueError("index is 1-based")
    n = cn_numeral(index)
    if style is OrdinalStyle.LEVEL1:
        return f"{n}、"
    if style is OrdinalStyle.LEVEL2:
        return f"（{n}）"
    if style is OrdinalStyle.LEVEL3:
        return f"{index}."
    if style is OrdinalStyle.LEVEL4:
        return f"（{index}）"
    if style is OrdinalStyle.DI:
        return f"第{n}，"
    if style is OrdinalStyle.YI_SHI:
        return f"{n}是"
    if style is OrdinalStyle.YI_YAO:
        return f"{n}要"
    if style is OrdinalStyle.SHOU_XIAN:
        words = _SHOU_XIAN.get(total)
        if words is None:
            raise ValueError("首先…最后 takes 2 to 4 items")
        return words[index - 1] + "，"
    if style is OrdinalStyle.FANG_MIAN:
        if total != 2:
            raise ValueError("一方面…另一方面 takes exactly 2 items")
        return ("一方面，", "另一方面，")[index - 1]
    raise AssertionError(style)  # pragma: no cover


def attach_ordinal(number: str, text: str) -> str:
    """一要 + 要安全生产 → 一要安全生产: the writer's own 要/是 is not doubled."""
    if number.endswith(("要", "是")) and text.startswith(number[-1]):
        return number + text[1:]
    return number + text


# --- ordinals a writer typed into a heading or item ------------------------------------------

_CN = "一二三四五六七八九十百零〇两"


def _typed_pattern(style: OrdinalStyle) -> str:
    """The pattern of every ordinal of a style, built from the style's own spelling (and
    the half-width spellings STYLE_ALIASES accepts)."""
    if style is OrdinalStyle.SHOU_XIAN:
        return r"(?:首先|其次|再次|最后)(?:[，,：:]|(?=[要是]))"
    if style is OrdinalStyle.FANG_MIAN:
        return r"(?:一方面|另一方面)[，,：:]?"
    spellings = {alias for alias, s in STYLE_ALIASES.items() if s is style} | {style.value}
    out = []
    for spelling in sorted(spellings, key=len, reverse=True):
        digit = "1" if "1" in spelling else "一"
        head, _, tail = spelling.partition(digit)
        number = r"\d{1,2}" if digit == "1" else f"[{_CN}]{{1,3}}"
        closing = re.escape(tail)
        if style is OrdinalStyle.DI:
            # 第一， 第一点， 第一条： 第一个方面，
            closing = r"(?:点|条|个方面|方面|个问题)?(?:是|就是)?[，,、：:]"
        elif not tail:  # 一、 typed as a bare word would be too loose
            continue
        out.append(re.escape(head) + number + closing)
    return "|".join(dict.fromkeys(out))


_TYPED = [(style, re.compile(rf"^\s*(?:{_typed_pattern(style)})(?!\d)\s*"))
          for style in (OrdinalStyle.LEVEL2, OrdinalStyle.LEVEL4, OrdinalStyle.DI,
                        OrdinalStyle.LEVEL1, OrdinalStyle.LEVEL3, OrdinalStyle.YI_SHI,
                        OrdinalStyle.YI_YAO, OrdinalStyle.SHOU_XIAN, OrdinalStyle.FANG_MIAN)]


def typed_ordinal(text: str) -> tuple[str, str] | None:
    """(the ordinal as typed, the text without it) when a heading or item opens with an
    ordinal of any style (一、 （二） 3. 第一， 一是 二要 首先， 一方面，); else None. Repeated
    ordinals (一、一、) are all removed. 一方面…另一方面 inside one item is its own pair."""
    found = ""
    rest = text
    for _ in range(3):
        for style, pattern in _TYPED:
            m = pattern.match(rest)
            if not m or m.end() == len(rest):
                continue
            if style is OrdinalStyle.FANG_MIAN and "另一方面" in rest[m.end():]:
                continue
            if style in (OrdinalStyle.YI_SHI, OrdinalStyle.YI_YAO) and \
                    rest[m.end():].startswith(("否", "求", "不是", "是")):
                continue
            found += m.group(0).strip()
            rest = rest[m.end():]
            break
        else:
            break
    return (found, rest) if found else None
