"""Seasonal occasions a reminder names (元旦 春节 国庆 汛期 …) and whether they fit a date.

Used by the renderer (a reminder never says a past festival 即将来临) and by lint (D125).
Lunar festivals come from a small table of their Gregorian dates; outside it they are not
judged.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .lazyre import compiled

_SPRING = {2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
           2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
           2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19),
           2035: (2, 8)}
_MID_AUTUMN = {2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29), 2024: (9, 17),
               2025: (10, 6), 2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22),
               2030: (9, 12)}
_DRAGON_BOAT = {2020: (6, 25), 2021: (6, 14), 2022: (6, 3), 2023: (6, 22), 2024: (6, 10),
                2025: (5, 31), 2026: (6, 19), 2027: (6, 9), 2028: (5, 28), 2029: (6, 16),
                2030: (6, 5)}
_FIXED = {"元旦": (1, 1), "清明": (4, 4), "五一": (5, 1), "劳动节": (5, 1), "国庆": (10, 1)}
_LUNAR = {"春节": _SPRING, "中秋": _MID_AUTUMN, "端午": _DRAGON_BOAT}
# Seasons: the months in which one may say the season is near or under way.
_SEASONS = {"汛期": range(3, 10), "主汛期": range(5, 9), "防汛": range(3, 10),
            "森林防火期": [*range(10, 13), *range(1, 6)], "冬春": [*range(10, 13), *range(1, 4)],
            "夏季": range(5, 9), "冬季": [11, 12, 1, 2], "暑期": range(6, 9), "寒假": [12, 1, 2]}
# How far ahead a festival may be called 即将来临 (days).
AHEAD = 45

_WORD = compiled("|".join(sorted([*_FIXED, *_LUNAR, *_SEASONS, "五一", "国庆中秋", "中秋国庆"],
                                   key=len, reverse=True)))


# Two festivals said together (元旦春节, 国庆中秋): the later one may be this far ahead when
# the earlier one is near.
PAIRED_AHEAD = 90


class Fit(NamedTuple):  # NamedTuple: created at every start, a fifth of a frozen dataclass's cost
    word: str
    fits: bool
    why: str  # Chinese, for lint messages
    ahead: int | None = None  # days until the festival, when it is still to come


def _festival_day(word: str, year: int) -> dt.date | None:
    if word in _FIXED:
        month, day = _FIXED[word]
        return dt.date(year, month, day)
    table = _LUNAR[word]
    if year not in table:
        return None
    month, day = table[year]
    return dt.date(year, month, day)


def fit(word: str, date: dt.date) -> Fit | None:
    """Whether a reminder may say ``word`` 即将来临 (or under way) on ``date``; None when the
    word is not known or its date is outside the table."""
    if word in _SEASONS:
        ok = date.month in _SEASONS[word]
        return Fit(word, ok, "" if ok else f"{date.month}月不是{word}")
    if word in _FIXED or word in _LUNAR:
        days = []
        for year in (date.year - 1, date.year, date.year + 1):
            day = _festival_day(word, year)
            if day is not None:
                days.append((day - date).days)
        ahead = [d for d in days if d >= 0]
        if not days:
            return None
        if ahead and min(ahead) <= AHEAD:
            return Fit(word, True, "", min(ahead))
        past = [d for d in days if d < 0]
        if past and max(past) >= -60:
            return Fit(word, False, f"{word}已经过去")
        if ahead:
            return Fit(word, False, f"离{word}还有{min(ahead)}天", min(ahead))
        return None
    return None


def fits_together(words: list[str], date: dt.date) -> list[Fit | None]:
    """fit() for each of several festivals said together: once one of them is near, a later
    one within PAIRED_AHEAD days fits too (元旦春节即将来临 in December)."""
    fits = [fit(w, date) for w in words]
    if any(f is not None and f.fits for f in fits):
        fits = [Fit(f.word, True, "", f.ahead) if f is not None and not f.fits and f.ahead is not None
                and f.ahead <= PAIRED_AHEAD else f for f in fits]
    return fits


def occasion_words(occasion: str) -> list[str]:
    """元旦春节 → [元旦, 春节]; 国庆中秋 → [国庆, 中秋]."""
    words = []
    for m in _WORD.finditer(occasion):
        word = m.group(0)
        if word in ("国庆中秋", "中秋国庆"):
            words += [word[:2], word[2:]]
        else:
            words.append("五一" if word == "劳动节" else word)
    return words


def fitting_occasion(occasion: str, date: dt.date | None) -> str | None:
    """The occasion as a reminder may say it on ``date``: festivals already past or too far
    ahead are left out (元旦春节 on 8 January → 春节); None when none of them fits."""
    if date is None:
        return occasion
    words = occasion_words(occasion)
    if not words or "".join(words) != re.sub(r"[、和及与，,\s]", "", occasion):
        return occasion  # not a plain list of known occasions: the writer's words stand
    fits = fits_together(words, date)
    kept = [w for w, f in zip(words, fits, strict=True) if f is None or f.fits]
    if len(kept) == len(words):
        return occasion
    return "".join(kept) or None


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None
