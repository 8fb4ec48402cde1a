"""Announced lists the speaker-verb transition rules miss, and the points they announce.

Writers announce points in more ways than 讲三点意见: a list introduced by a colon (主要基于三个
方面的考虑：一是…), a count of things shared (和大家分享三个故事 / 三幅群像 …, then 第一个故事…),
and points whose ordinal follows a short lead-in (我想说的第二句话，是… / 在我记忆中，第一幅…).
Each is accepted only when what follows confirms it: item 1 right after the colon, or the first
item of the same measure word within the next paragraphs.
"""

from __future__ import annotations

import re

from ..numbering import NUM, cn_to_int, find_ordinal
from ..textnorm import HANZI, SENTENCE
from .model import Unit
from .units import build_units, first_sentence_heading

_N = rf"[{NUM}两\d]{{1,3}}"
# 主要基于三个方面的考虑： / 有以下四点要求： — a count, then at most a short noun phrase, then the colon
_COLON_LIST = re.compile(rf"({_N})(?:个方面|方面|点|条|个问题|项)[^。！？!?：:，,]{{0,8}}[：:]$")
# 提出以下要求： / 强调如下几点： — no count, the series that follows gives it
_AS_FOLLOWS = re.compile(r"(?:提出|强调|讲|谈|明确|提)(?:以下|如下)(?:几点|几个方面|几条)?"
                         r"(?:要求|意见|建议|希望|措施)?[：:]$")
_NOT_POINTS = re.compile(r"表现在|体现在|包括|分别是|分为")  # a review or a definition lists things too
# 我…分享/讲/说…三幅群像 / 三个故事 / 三句话 — the measure word (幅 个 句) names the series
_SHARED = re.compile(rf"(?:分享|讲|谈|说|送|提|讲述|介绍|交流)[^。！？!?]{{0,24}}?({_N})"
                     r"(句话|点|幅|个|件|则|段|种|堂|层|份|条)")
_LEAD_IN = 16  # characters of lead-in before an ordinal (我想说的 / 在我记忆中，)
_MAX_SENTENCE = 400


def _count(text: str) -> int | None:
    value = cn_to_int(text)
    return value if value and value < 100 else None


def _leads(paragraph: str, measure: str, index: int) -> re.Match[str] | None:
    """第<index><measure> within the paragraph's first characters, not after a sentence end."""
    numeral = "".join(k for k in NUM if cn_to_int(k) == index) if index < 10 else ""
    if index == 10:
        numeral = "十"
    if not numeral:
        return None
    m = re.search(rf"第{numeral}{re.escape(measure)}", paragraph[: _LEAD_IN + 8])
    if m is None or m.start() > _LEAD_IN or re.search(r"[。！？!?]", paragraph[: m.start()]):
        return None
    return m


_WORDS_GIVEN = re.compile(r"个(?:字|词|关键词)[”\"]?[：:][^。！？!?]{1,16}[。！？!?]")


def words_given(para: str, sentence: str) -> bool:
    """讲两个字：力争。 names the words right after the count, in the same sentence."""
    if not re.search(r"个(?:字|词|关键词)", sentence):
        return False
    pos = para.find(sentence)
    return bool(_WORDS_GIVEN.search(sentence + (para[pos + len(sentence):] if pos >= 0 else "")))


def item_one_follows(body: list[str], j: int, sentence: str) -> bool:
    """Item 1 of any style (一是…, 首先…) opens the text right after the transition sentence:
    in its own paragraph or the next one."""
    para = body[j]
    pos = para.find(sentence)
    rest = para[pos + len(sentence):].strip() if pos >= 0 else ""
    nxt = rest or (body[j + 1] if j + 1 < len(body) else "")
    o = find_ordinal(nxt)
    return o is not None and o.index == 1


def announced_list(body: list[str], j: int) -> tuple[str, int | None] | None:
    """A sentence of ``body[j]`` announcing N points that the text after it confirms:
    a colon list followed by item 1, or N things shared followed by 第一<measure>."""
    para = body[j]
    after = body[j + 1: j + 3]
    for piece in SENTENCE.finditer(para):
        sentence = piece.group(0).strip().lstrip("，,；; ")
        if not sentence or len(sentence) > _MAX_SENTENCE:
            continue
        tail = para[piece.end():].strip()
        colon = _COLON_LIST.search(sentence) if not tail else None
        if colon and not _NOT_POINTS.search(sentence):
            nxt = find_ordinal(after[0]) if after else None
            count = _count(colon.group(1))
            if nxt is not None and nxt.index == 1 and count:
                return sentence, count
        if not tail and _AS_FOLLOWS.search(sentence) and after:
            nxt = find_ordinal(after[0])
            if nxt is not None and nxt.index == 1:
                return sentence, None
        shared = _SHARED.search(sentence)
        measure = measure_of(sentence)
        if shared and measure and "我" in sentence[: shared.start()] + shared.group(0):
            count = _count(shared.group(1))
            if count and any(_leads(p, measure, 1) for p in [tail, *after] if p):
                return sentence, count
    return None


def measure_of(transition: str) -> str | None:
    """The measure word a transition counts in (三句话 → 句话, 三幅 → 幅), if it is one of the shared
    kind; a general measure takes its noun along (三个故事 → 个故事), so 第一个 alone is no point."""
    m = _SHARED.search(transition)
    if m is None:
        return None
    if m.group(2) in ("个", "件", "种", "份", "段", "则", "条"):
        # the noun up to a mark or 的 (三个关键词。 三个方面的考虑 三个故事，): else its first two characters
        noun = (re.match(r"[" + HANZI + r"]{1,4}?(?=的|[^" + HANZI + r"]|$)", transition[m.end():])
                or re.match(r"[" + HANZI + r"]{2}", transition[m.end():]))
        return m.group(2) + noun.group(0) if noun else None
    return m.group(2)


def lead_in_units(region: list[str], measure: str, count: int | None) -> tuple[list[str], list[Unit]]:
    """Points numbered 第一<measure> … 第N<measure>, each possibly after a short lead-in
    (我想说的第二句话，是… / 在我记忆中，第一幅…). Returns (lead, units); no units when item 1 is missing."""
    starts: list[tuple[int, re.Match[str]]] = []
    for k, para in enumerate(region):
        m = _leads(para, measure, len(starts) + 1)
        if m is not None and (count is None or len(starts) < count):
            starts.append((k, m))
    if not starts:
        return region, []
    units = []
    bounds = [k for k, _ in starts] + [len(region)]
    for (start, m), end in zip(starts, bounds[1:], strict=False):
        para = region[start]
        rest = para[m.end():]
        spoken = re.match(r"\s*[" + HANZI + r"]{0,4}?(?:是|就是)?[，,：:]\s*", rest)  # 第二个故事，是…
        if spoken and (m.start() == 0 or para[: m.start()].startswith("我")):
            text = rest[spoken.end():]  # 我想说的第二句话，是要…: the point is what follows
        elif m.start() == 0:
            text = rest  # 第一个关键词是“担当”: the ordinal is not part of the heading
        else:
            text = para  # 在我记忆中，第一幅人物群像的名字是…: the whole sentence names the point
        heading = first_sentence_heading(text)
        body_text = text[len(heading):].lstrip("。！？!?；;，, ")
        body, children = build_units(([body_text] if body_text else []) + region[start + 1:end], 2)
        units.append(Unit(ordinal=m.group(0), heading=heading, body=body, children=children, style="第一，"))
    return region[: starts[0][0]], units
