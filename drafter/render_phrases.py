"""Phrases the renderer says one way everywhere: dates, plain numbers, short document titles,
the background clause and growth figures."""

from __future__ import annotations

import datetime as dt
import re

from .lazyre import compiled
from .model import clean_text


def format_date(value: dt.date | str | None) -> str | None:
    """2025-02-05 → 2025年2月5日 (GB/T 9704: full year, no zero padding)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    text = clean_text(value)
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
    if m:
        return f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日"
    return text


def plain_number(value: float) -> str:
    """A number as a speech prints it: 1250000, 5.8, 0.3 — never 1.25e+06 or 0.30000000000000004."""
    if isinstance(value, int):
        return str(value)
    from decimal import Decimal

    text = format(Decimal(f"{value:.15g}").normalize(), "f")
    return text[:-2] if text.endswith(".0") else text


_KINDS = ("决定", "意见", "方案", "规划", "纲要", "报告", "条例", "办法", "规定", "通知", "建议",
          "决议", "细则", "计划", "要点", "清单", "规则", "制度")


def short_title(title: str) -> str:
    """《中共云川县委关于……的决定》 → 《决定》; a short title stays as it is."""
    m = re.fullmatch(r"《([^《》]+)》", title.strip())
    if not m or len(m.group(1)) <= 12:
        return title
    for kind in sorted(_KINDS, key=len, reverse=True):
        if m.group(1).endswith(kind):
            return f"《{kind}》"
    return title


_TIME_PHRASE = compiled(r"(时期|之年|阶段|关头|时刻|节点|之际|时候|关键期|窗口期|攻坚期|起步期|机遇期)$")
_HAS_VERB = compiled(r"正处|处在|处于|正值|正是|进入|迎来|到了|是")


def as_clause(text: str) -> str:
    """background is a clause: a bare time phrase (……的关键时期) becomes 正值……的关键时期."""
    text = re.sub(r"^(在|当前[，,]?|目前[，,]?|眼下[，,]?)", "", text.strip())
    if _TIME_PHRASE.search(text) and not _HAS_VERB.search(text):
        return "正值" + text
    return text


_CHANGE = compiled(r"^(增长|下降|提高|减少|降低|回落|上升|增加|下滑|持平)")
_COMPARED = compiled(r"^(同比|环比|比上年|较上年|与上年|比去年|较去年|比上年同期|较上年同期)")


def growth_phrase(value: str) -> str:
    """A growth figure said one way everywhere: 5.8 → 同比增长5.8%, -3 → 同比下降3%,
    0 → 与上年持平; typed words keep the writer's comparison or get 同比."""
    text = value.strip()
    m = re.fullmatch(r"([+-]?\d+(?:\.\d+)?)\s*%?", text)
    if m:
        num = float(m.group(1))
        if num == 0:
            return "与上年持平"
        digits = m.group(1).lstrip("+-")  # as written: never 1e+20
        return f"同比{'下降' if num < 0 else '增长'}{digits}%"
    if _COMPARED.match(text) or text.startswith("〔"):
        return text
    if text == "持平":
        return "与上年持平"
    if _CHANGE.match(text):
        return "同比" + text
    return f"同比增长{text}"
