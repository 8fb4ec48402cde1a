"""Ordinals at the start of a paragraph (一、 （一） 第一， 一是 首先 …) and Chinese numerals."""

from __future__ import annotations

import re
from dataclasses import dataclass

NUM = "一二三四五六七八九十"
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)}
_CN_DIGITS["两"] = 2


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


# --- ordinals at the start of a paragraph ----------------------------------------------------

@dataclass(frozen=True)
class Ordinal:
    style: str
    index: int
    text: str  # as found, e.g. "第三个问题，"
    end: int  # where the heading text starts


_ORDINALS: list[tuple[str, re.Pattern[str]]] = [
    ("一、", re.compile(rf"^([{NUM}]+)[、．.](?!\d)")),
    ("第一，", re.compile(rf"^(?:这是)?第([{NUM}]+)(?:点希望|点意见|点要求|点建议|句话|点|个问题|条|个方面|方面)?(?:是|就是)?[，,、：:]|"
                         rf"^第([{NUM}]+)(?:点|个问题|条|个方面)(?:是|就是)?(?=[{NUM}\u4e00-\u9fff])|"
                         rf"^第([{NUM}]+)是(?=[\u4e00-\u9fff])")),
    ("（一）", re.compile(rf"^[（(]([{NUM}]+)[）)]")),
    ("1.", re.compile(r"^(\d{1,2})(?:[.．、](?!\d)|\s)")),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)]")),
    ("一要", re.compile(rf"^([{NUM}]+)要(?!求)")),
    ("一是", re.compile(rf"^([{NUM}]+)是")),
    ("首先", re.compile(r"^(首先|其次|再次|最后)(?:是|要)?[，,：:]?")),
]
STYLE_RANK = [style for style, _ in _ORDINALS]
_SHOU_XIAN = {"首先": 1, "其次": 2, "再次": 3}


def find_ordinal(paragraph: str) -> Ordinal | None:
    for style, pattern in _ORDINALS:
        m = pattern.match(paragraph)
        if not m:
            continue
        if style == "首先":
            word = m.group(1)
            index = _SHOU_XIAN.get(word, 99 if word == "最后" else 0)
        else:
            raw = next(g for g in m.groups() if g)
            value = cn_to_int(raw)
            if value is None or value == 0:
                continue
            index = value
        if style == "一是" and index == 1 and not paragraph.startswith("一是"):
            continue
        return Ordinal(style, index, m.group(0), m.end())
    return None
