"""A mined speech becomes an Outline (the same model the renderer reads), template `verbatim`."""

from __future__ import annotations

import re
from typing import Any

from ..numbering import STYLES, find_ordinal, transition_style
from .model import Speech, Unit


def _outline_style(style: str) -> str | None:
    """A mined unit's style as an outline writes it (None for a unit the miner inferred)."""
    return style if style in STYLES else None


def _strip_ordinal(text: str) -> str:
    o = find_ordinal(text)
    return text[o.end:].strip() if o else text


def _unit(unit: Unit) -> dict[str, Any]:
    item: dict[str, Any] = {"heading": unit.heading or None}
    if unit.body:
        item["body"] = list(unit.body)
    if unit.children:
        item["points"] = [_unit(c) for c in unit.children]
        style = _outline_style(unit.children[0].style)
        if style:
            item["points_style"] = style
    return item


def speech_to_outline(speech: Speech) -> dict[str, Any]:
    outline: dict[str, Any] = {"template": "verbatim"}
    if speech.title:
        outline["title"] = speech.title
    if speech.speaker:
        outline["speaker"] = speech.speaker
    if speech.date:
        outline["date"] = speech.date
    if speech.salutation:
        outline["salutation"] = speech.salutation
    if speech.opening:
        outline["opening"] = list(speech.opening)
    review = speech.review + speech.problems
    if review:
        outline["review"] = {"paragraphs": review}
    if speech.other:
        outline.setdefault("opening", []).extend(speech.other)
    if speech.transition:
        text = speech.transition["text"]
        style = transition_style(text)
        outline["transition"] = {"style": style}
        if speech.transition.get("count") != len(speech.directives):
            outline["transition"]["numbered"] = False  # 几点, or a count the source got wrong
    if speech.directives:
        top = _outline_style(speech.directives[0].style)
        if top and top != "一、":
            outline["numbering"] = [top]
        outline["directives"] = [_unit(u) for u in speech.directives]
    if speech.reminders:
        intro, *items = speech.reminders
        outline["reminders"] = {"intro": intro}
        if items:
            outline["reminders"]["items"] = [_strip_ordinal(i) for i in items]
    if speech.closing:
        outline["closing"] = {"paragraphs": list(speech.closing)}
    return outline


def outline_yaml(speech: Speech, source: str) -> str:
    import yaml

    from ..reading import shown

    source = shown(source)  # a newline in a file name must not end the comment
    header = [
        "# yaml-language-server: $schema=./drafter-outline.schema.json",
        f"# 由 drafter mine 从 {source} 提取的讲话结构。",
        "# 会议类型 verbatim 按原文段落复现；改成 deploy 等类型即可套用该类型的开场和结尾。",
    ]
    if any(u.style == "无序号" for u in speech.directives):
        header.append("# 原文的各点没有序号，这里每段作为一点；生成时会按第一层样式加序号。")
    if any(u.style == "标题样式" for u in speech.directives):
        header.append("# 原文的标题由 Word 标题样式标出、没有序号；生成时会按第一层样式加序号。")
    if any(u.style == "推断" for u in speech.directives):
        header.append("# 原文缺少第一层标题，这里用各部分首句代替，请改写为标题。")
    for note in speech.notes:
        header.append(f"# 提示：{note}")
    body = yaml.safe_dump(speech_to_outline(speech), allow_unicode=True, sort_keys=False,
                          width=1000, default_flow_style=False)
    return "\n".join(header) + "\n" + re.sub(r"\n(?=[a-z])", "\n\n", body)
