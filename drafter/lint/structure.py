"""Rules over a draft's structure: numbering (D103), parallel headings (D110), empty sections
(D113) and the count a transition sentence promises (D102). Outlines get theirs from
outline_checks.py; their rendered numbering is the renderer's."""

from __future__ import annotations

import re
from typing import Any

from ..numbering import heading_styles, inline_ordinal, styles_at
from ..textnorm import hanzi_count
from .registry import Context, Paragraph, Speech, checks


def check_structure(paras: list[Paragraph], ctx: Context) -> None:
    """Every structure rule, in registry order."""
    speech = Speech(paras)
    for check in checks("speech", ("structure",)):
        check(speech, ctx)


def _ordinals(paras: list[Paragraph]) -> list[tuple[Paragraph, Any]]:
    from ..numbering import find_ordinal

    return [(p, find_ordinal(p.text)) for p in paras]


def numbering(speech: Speech, ctx: Context) -> None:  # D103
    if speech.rendered:
        return
    paras = speech.paras
    items = _ordinals(paras)
    last: dict[str, int] = {}
    last_para: dict[str, Paragraph] = {}
    previous_top: tuple[str, int] | None = None
    for para, o in items:
        if o is not None and o.style == "首先":
            last["首先"] = o.index
        if o is None or o.style in styles_at(0):
            continue  # in-paragraph series are checked by _inline_series
        expected = last.get(o.style, 0) + 1
        if o.index not in (1, expected):
            if expected == 1:
                mixed = "（前面用的是“首先”，“首先”和“第二”不能混用）" if last.get("首先") else ""
                ctx.add("D103", para, f"“{o.text.strip()}”前面没有第一项{mixed}",
                        fix="同一组用同一种序号：首先、其次、最后，或第一、第二、第三")
            else:
                kind = "重复" if o.index < expected else "跳号"
                ctx.add("D103", para, f"序号{kind}：“{o.text.strip()}”前面是第{expected - 1}项",
                        fix="检查序号是否连续，不要手工编号出错")
        if o.style in styles_at(1) and previous_top and previous_top[0] != o.style and \
                o.index == previous_top[1] + 1:
            ctx.add("D103", para, f"同一层序号混用：前面用“{previous_top[0]}”式，这里用“{o.style}”式",
                    fix="同一层只用一种序号")
        if o.style in styles_at(1):
            previous_top = (o.style, o.index)
        last[o.style] = o.index
        last_para[o.style] = para
    _inline_series(paras, ctx)




def _inline_series(paras: list[Paragraph], ctx: Context) -> None:
    """一是……二是……三是 inside paragraphs (and across the paragraphs of one list): no number
    twice, none skipped; a list may restart at 一."""
    from ..numbering import cn_to_int, find_ordinal

    last = {"是": 0, "要": 0}
    for para in paras:
        o = find_ordinal(para.text)
        if o is not None and o.style in heading_styles():
            last = {"是": 0, "要": 0}  # a new heading: lists below it start afresh
        for m in inline_ordinal().finditer(para.text):
            n, word = cn_to_int(m.group(1)), m.group(2)
            if n is None:
                continue
            if last[word] and n not in (1, last[word] + 1):
                kind = "重复" if n <= last[word] else "跳号"
                ctx.add("D103", para, f"“{m.group(1)}{word}”{kind}：前一项是“{'一二三四五六七八九十'[last[word] - 1] if 0 < last[word] <= 10 else last[word]}{word}”",
                        column=m.start(1) + 1, fix="检查“一是、二是……”的顺序")
            last[word] = n


def _heading_of(para: Paragraph, o: Any) -> str:
    rest = para.text[o.end:]
    return re.split(r"[。！？]", rest, maxsplit=1)[0]


def parallel(speech: Speech, ctx: Context) -> None:  # D110
    if speech.rendered:
        return
    items = _ordinals(speech.paras)
    series: list[list[tuple[Paragraph, str]]] = []
    current: dict[str, list[tuple[Paragraph, str]]] = {}
    for para, o in items:
        if o is None or o.style not in heading_styles() + ("一要",):
            continue
        if o.index == 1:
            if o.style in current and len(current[o.style]) > 1:
                series.append(current[o.style])
            current[o.style] = []
        current.setdefault(o.style, []).append((para, _heading_of(para, o)))
    series.extend(s for s in current.values() if len(s) > 1)
    for siblings in series:
        for index, problem in unbalanced([h for _, h in siblings]):
            ctx.add("D110", siblings[index][0], problem, fix="调整字数和句式，使几条标题长短相当、结构一致")


def _clauses(heading: str) -> int:
    return len([c for c in re.split(r"[，,；;]", heading) if c.strip()])


def unbalanced(headings: list[str]) -> list[tuple[int, str]]:
    """Parallel headings (排比) share a length (±2 characters, genre practice) and a shape
    (the same number of clauses: 统一思想，提高认识 / 狠抓落实，务求实效)."""
    if len(headings) < 2:
        return []
    lengths = sorted(hanzi_count(h) for h in headings)
    median = lengths[len(lengths) // 2]
    if median > 20:
        return []  # run-in sentences, not parallel headings
    shapes = [_clauses(h) for h in headings]
    usual = max(set(shapes), key=shapes.count)
    problems = []
    for i, heading in enumerate(headings):
        if abs(hanzi_count(heading) - median) > 2:
            problems.append((i, f"并列标题“{heading}”有 {hanzi_count(heading)} 个字，同组多为 {median} 个字"))
        elif shapes[i] != usual and shapes.count(usual) > 1:
            problems.append((i, f"并列标题“{heading}”是 {shapes[i]} 个分句，同组多为 {usual} 个，句式不一"))
    return problems


def empty_sections(speech: Speech, ctx: Context) -> None:  # D113
    """A standalone level-1 heading followed at once by its next sibling (or the end)."""
    if speech.rendered:
        return
    items = _ordinals(speech.paras)
    for k, (para, o) in enumerate(items):
        if o is None or o.style not in styles_at(1):
            continue
        standalone = not re.search(r"[。！？].", para.text[o.end:])
        nxt = items[k + 1][1] if k + 1 < len(items) else None
        last = k + 1 == len(items)
        if standalone and (last or (nxt is not None and nxt.style == o.style and nxt.index == o.index + 1)):
            ctx.add("D113", para, f"“{para.text[:20]}”下面没有内容", fix="补上这一部分的内容，或删去这个标题")


def counts(speech: Speech, ctx: Context) -> None:  # D102
    if speech.rendered:
        return
    _counts(speech.paras, ctx)


def _counts(paras: list[Paragraph], ctx: Context) -> None:
    from ..corpus.mine import mine_text

    text = "\n".join(p.text for p in paras)
    for speech in mine_text(text, ctx.file).speeches:
        count = (speech.transition or {}).get("count")
        cut_by_source = speech.truncated and not speech.truncation_inferred
        if count is None or not speech.directives or cut_by_source or count == len(speech.directives):
            continue
        sentence = speech.transition["text"]  # type: ignore[index]
        para = next((p for p in paras if sentence[:10] in p.text), None)
        ctx.add("D102", para, f"过渡句说{count}点，后面实际有{len(speech.directives)}点",
                fix="改正过渡句中的数目，或补齐/删减意见")


