"""The directive tree: numbered series (and series the source lost the numbers of) into units."""

from __future__ import annotations

import re

from ..numbering import Ordinal, find_ordinal, style_rank, styles_at
from ..textnorm import SENTENCE_END, SENTENCE_END_RE, first_sentence
from .model import Unit


def first_sentence_heading(text: str, limit: int = 30) -> str:
    """A stand-in heading for a unit whose heading the source lost: the first sentence of
    its lead paragraph, cut at the last clause boundary within ``limit`` characters."""
    sentence = first_sentence(text)
    if len(sentence) <= limit:
        return sentence.strip()
    head = sentence[:limit]
    cut = max(head.rfind("，"), head.rfind("；"), head.rfind("："))
    return (head[:cut] if cut > 4 else head).strip()


def _heading_and_body(para: str, ordinal: Ordinal) -> tuple[str, str]:
    rest = para[ordinal.end:].strip()
    m = SENTENCE_END_RE.search(rest)
    if m is None:
        return rest.rstrip("；;：:"), ""
    if m.end() >= len(rest):  # one sentence: a heading on its own line
        return rest[: m.start()], ""
    head = rest[: m.start()]
    if len(head) > 60:  # no short lead sentence: cut like a stand-in
        return first_sentence_heading(rest), rest
    return head, rest[m.end():].strip()


_DI_UNIT = re.compile(r"个问题|个方面|方面|句话|点|条")


def series_key(o: Ordinal) -> str:
    """第一个问题 … and 第一， … share a style but are different series: a speech says
    第一个问题 at the top and 第一， inside it."""
    if o.style == "第一，":
        unit = _DI_UNIT.search(o.text)
        if unit:
            return "第一" + unit.group(0)
    return o.style


def in_series(o: Ordinal | None, key: str) -> bool:
    return o is not None and (o.style == key or series_key(o) == key)


def _key_rank(key: str) -> tuple[int, int]:
    base = "第一，" if key.startswith("第一") else key
    return (style_rank(base), 0 if key != base else 1)


def _clean(indexes: list[int]) -> bool:
    return len(indexes) >= 2 and indexes == list(range(1, len(indexes) + 1))


def _series_styles(paragraphs: list[str], count: int | None = None) -> list[str]:
    """Series (items 1 and 2) among these paragraphs, best rank first. A style whose list
    restarts gives way to a variant that counts through (第一个问题 … over the 第一， inside
    each); with an announced count, a series of exactly that many items comes first."""
    base: dict[str, list[int]] = {}
    variant: dict[str, list[int]] = {}
    for para in paragraphs:
        o = find_ordinal(para)
        if o:
            base.setdefault(o.style, []).append(o.index)
            if series_key(o) != o.style:
                variant.setdefault(series_key(o), []).append(o.index)
    keys: list[str] = []
    for style in sorted((k for k, v in base.items() if {1, 2} <= set(v)), key=_key_rank):
        if base[style].count(1) > 1:
            through = [k for k, v in variant.items() if k.startswith(style[:2]) and _clean(v)]
            keys.extend(sorted(through, key=lambda k: -len(variant[k])))
        keys.append(style)
    if count:
        every = {**base, **variant}
        fits = [k for k in list(keys) + sorted(variant, key=_key_rank)
                if every[k] == list(range(1, count + 1)) or (k == "首先" and len(every[k]) == count)]
        keys = list(dict.fromkeys(fits + keys))
    return keys


def build_units(paragraphs: list[str], depth: int = 1, announced: bool = False,
                count: int | None = None, cut: bool = False) -> tuple[list[str], list[Unit]]:
    """Split paragraphs into (lead paragraphs, units) by the best series found. After a
    transition (``announced``), or in a speech the source cut short (``cut``), a lone item 1
    is a series too: the source may have been cut after it."""
    styles = _series_styles(paragraphs, count if depth == 1 else None)
    if depth == 1:
        above = _lone_item_above(paragraphs, styles[0] if styles else None)
        if above:
            styles = [above]
    if not styles and (announced or cut) and depth == 1:
        lone = [find_ordinal(p) for p in paragraphs]
        heading_level = styles_at(1, 2) + (("首先",) if cut else ())
        styles = [series_key(o) for k, o in enumerate(lone) if o and o.index == 1
                  and (o.style in heading_level or (k == 0 and announced))
                  and (o.style != "首先" or len(paragraphs[k]) <= 40 or paragraphs[k].endswith(("：", ":")))][:1]
    if not styles or depth > 4:
        return paragraphs, []
    style = styles[0]
    ordinals = [find_ordinal(p) for p in paragraphs]
    positions = [i for i, o in enumerate(ordinals) if in_series(o, style)]
    if style == "首先":
        positions = _continued_series(paragraphs, ordinals, positions)
    restarts = sum(1 for o in ordinals if in_series(o, style) and o is not None and o.index == 1)
    first = positions[0]
    introduced = first > 0 and ordinals[first - 1] is None and paragraphs[first - 1].endswith(("：", ":"))
    if depth == 1 and (restarts > 1 or introduced):
        return _inferred_units(paragraphs, ordinals, style)
    lead = paragraphs[:first]
    units: list[Unit] = []
    bounds = positions + [len(paragraphs)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        ordinal = ordinals[start]
        assert ordinal is not None
        heading, rest = _heading_and_body(paragraphs[start], ordinal)
        inner = ([rest] if rest else []) + paragraphs[start + 1:end]
        body, children = build_units(inner, depth + 1)
        units.append(Unit(ordinal=ordinal.text.strip(), heading=heading, body=body,
                          children=children, style=ordinal.style))
    return lead, units


def _lone_item_above(paragraphs: list[str], series: str | None) -> str | None:
    """A lone item 1 in a heading style that outranks the series found, standing before that
    series (一、 then 第一，… 第二，… under it, the source cut after its first point): the series
    nests under it. Also a heading-style item 1 that opens the body before any other paragraph
    with no series at all (同志们： 一、要认清形势…): the speaker's first point, the rest cut."""
    ordinals = [find_ordinal(p) for p in paragraphs]
    if series is None:
        first = ordinals[0] if ordinals else None
        if first is not None and first.index == 1 and first.style in styles_at(1, 2) and (
                sum(1 for o in ordinals if o is not None and o.style == first.style) == 1):
            return first.style
        return None
    start = next((k for k, o in enumerate(ordinals) if in_series(o, series)), None)
    if start is None:
        return None
    rank = _key_rank(series)[0]
    for k, o in enumerate(ordinals[:start]):
        if o is None or o.index != 1 or o.style not in styles_at(1, 2) or style_rank(o.style) >= rank:
            continue
        if any(p is not None and p.style == o.style for p in ordinals[k + 1:]):
            return None  # the style goes on (一、 … 三、 with no 二、): not a lone item
        return o.style
    return None


# Words that carry a 首先/其次 series on when the speaker has no 再次 (同时，我们要… / 此外，要…)
_GOES_ON_WITH = re.compile(r"(?:同时|此外|另外|再者|还有)[，,]")


def _continued_series(paragraphs: list[str], ordinals: list[Ordinal | None], positions: list[int]) -> list[int]:
    """首先，我们要… 其次，我们要… 同时，我们要…: a paragraph after the last item that opens with a
    word carrying the series on, in the items' own words (我们要), is the next item (``ordinals``
    gets it). Not after 最后, and only when every item so far opens alike."""
    found = [o for o in (ordinals[i] for i in positions) if o is not None]
    if len(found) < 2 or found[-1].index == 99:
        return positions
    openings = {paragraphs[i][o.end:o.end + 3] for i, o in zip(positions, found, strict=True)}
    if len(openings) != 1:
        return positions
    opening = openings.pop()
    added = list(positions)
    for k in range(positions[-1] + 1, len(paragraphs)):
        m = _GOES_ON_WITH.match(paragraphs[k])
        if ordinals[k] is None and m and paragraphs[k].startswith(opening, m.end()):
            ordinals[k] = Ordinal(style="首先", index=len(added) + 1, text=m.group(0), end=m.end())
            added.append(k)
    return added


def _inferred_units(paragraphs: list[str], ordinals: list[Ordinal | None],
                    style: str) -> tuple[list[str], list[Unit]]:
    """The source lost its top level: each list that restarts after a lead paragraph (in
    whatever ordinal style) is one unit, named by its lead sentence."""
    starts: list[int] = []
    in_item_body = False  # after a heading-only item, its body (and nested lists) follow
    last_item = -1
    for i, o in enumerate(ordinals):
        previous_heading_only = in_item_body
        previous_item = last_item
        if o is not None and in_series(o, style):
            rest = paragraphs[i][o.end:]
            in_item_body = not re.search(f"[{SENTENCE_END}].", rest) and len(rest) <= 40
            last_item = i
        if o is None or o.index != 1:
            continue
        lead_before = i > 0 and ordinals[i - 1] is None
        if not in_series(o, style) and (not lead_before or in_item_body):
            continue
        start = i - 1 if lead_before else i
        if lead_before and in_series(o, style) and previous_heading_only:
            # A run of plain paragraphs after a heading-only item and before a restart: the
            # item's body comes first; a new unit usually opens with two lead paragraphs (a
            # topic sentence, then the situation).
            j = i - 1
            while j > 0 and ordinals[j - 1] is None:
                j -= 1
            if i - j >= 3 and j - 1 == previous_item:
                start = i - 2
        if not starts or start > starts[-1]:
            starts.append(start)
    lead = paragraphs[: starts[0]]
    units = []
    bounds = starts + [len(paragraphs)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        first = paragraphs[start]
        ordinal = ordinals[start]
        body, children = build_units(paragraphs[start:end], 2)
        units.append(Unit(ordinal="", heading=first_sentence_heading(
            first[ordinal.end:] if ordinal else first), body=body,
            children=children, style="推断"))
    return lead, units
