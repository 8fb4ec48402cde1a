"""Jinja filters and globals for speech templates, registered in one place."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .numbering import OrdinalStyle, attach_ordinal, cn_count, cn_numeral, ordinal

_END = "。！？…"
_TRAILING = "。；;，,：:、 "


def sentence(text: object) -> str:
    """End a sentence with 。 unless it already ends with 。！？…"""
    s = str(text or "").strip()
    if not s:
        return ""
    s = s.rstrip("；;，,：:、 ")
    return s if s[-1] in _END or s.endswith("〕") and s[-2:-1] in _END else s + "。"


def clause(text: object) -> str:
    """A clause to embed in a sentence: no closing punctuation."""
    return str(text or "").strip().rstrip(_TRAILING + "！？!?")


def join_cn(items: Iterable[object], last: str = "和") -> str:
    """A、B和C — a Chinese enumeration of clauses."""
    parts = [clause(i) for i in items if clause(i)]
    if len(parts) <= 1:
        return "".join(parts)
    return "、".join(parts[:-1]) + last + parts[-1]


def join_clauses(items: Iterable[object], sep: str = "，") -> str:
    return sep.join(clause(i) for i in items if clause(i))


def series(items: Iterable[object], style: str = "一是", sep: str = "；") -> str:
    """一是A；二是B；三是C。 — an in-paragraph series with computed ordinals. A long series is
    cut into sentences (一是A。二是B。) so that no sentence runs past what a listener follows."""
    from .textnorm import hanzi_count

    parts = [clause(i) for i in items if clause(i)]
    if len(parts) == 1:
        return sentence(parts[0])  # a series of one is no series: no 一是
    # An item that holds a full stop (……。特别是……) cannot be followed by ；.
    if sum(hanzi_count(p) for p in parts) > 100 or any(re.search("[。！？]", p) for p in parts):
        sep = "。"
    st = OrdinalStyle(style)
    text = sep.join(attach_ordinal(ordinal(st, n, len(parts)), p)
                    for n, p in enumerate(parts, 1))
    return sentence(text) if text else ""


def numbered(items: Iterable[object], style: str = "一是") -> list[dict[str, str]]:
    """[{number: 一是, text: …}] for templates that put each item in its own paragraph."""
    parts = [str(i).strip() for i in items if clause(i)]
    st = OrdinalStyle(style)
    out = []
    for n, part in enumerate(parts, 1):
        if len(parts) == 1:
            return [{"number": "", "text": part}]
        number = ordinal(st, n, len(parts))
        joined = attach_ordinal(number, part)
        out.append({"number": number, "text": joined[len(number):]})
    return out


FILTERS: dict[str, Callable[..., object]] = {
    "cn": cn_numeral,
    "cn_count": cn_count,
    "sentence": sentence,
    "clause": clause,
    "join_cn": join_cn,
    "join_clauses": join_clauses,
    "series": series,
    "numbered": numbered,
}
GLOBALS: dict[str, object] = {}
