"""A mined speech becomes an Outline (the same model the renderer reads), template `verbatim`."""

from __future__ import annotations

import re
from typing import Any

from ..model import Closing, Directive, Outline, Reminders, Review, Transition, make
from ..numbering import find_ordinal, style_of, transition_style
from .model import Speech, Unit


def _strip_ordinal(text: str) -> str:
    o = find_ordinal(text)
    return text[o.end:].strip() if o else text


def _directive(unit: Unit) -> Directive:
    values: dict[str, Any] = {"heading": unit.heading or None}
    if unit.body:
        values["body"] = unit.body
    if unit.children:
        values["points"] = [_directive(c) for c in unit.children]
        style = style_of(unit.children[0].style)
        if style:
            values["points_style"] = style
    return make(Directive, **values)


def _transition(speech: Speech) -> Transition:
    assert speech.transition is not None
    text = speech.transition["text"]
    style = transition_style(text)
    if speech.transition.get("count") != len(speech.directives):
        return make(Transition, style=style, numbered=False)  # 几点, or a count the source got wrong
    return make(Transition, style=style)


def _directives(speech: Speech) -> dict[str, Any]:
    top = style_of(speech.directives[0].style)
    numbering = {"numbering": [top]} if top and top.value != "一、" else {}
    return {**numbering, "directives": [_directive(u) for u in speech.directives]}


def _reminders(lines: list[str]) -> Reminders:
    intro, *items = lines
    if items:
        return make(Reminders, intro=intro, items=[_strip_ordinal(i) for i in items])
    return make(Reminders, intro=intro)


def mined_outline(speech: Speech) -> Outline:
    """The outline of a mined speech (template `verbatim`), built through drafter.model like
    every outline: the same texts normalised the same way, valid by construction."""
    values: dict[str, Any] = {"template": "verbatim"}
    values.update({k: getattr(speech, k) for k in ("title", "speaker", "date", "salutation")
                   if getattr(speech, k)})
    if speech.opening:
        values["opening"] = speech.opening
    if speech.review or speech.problems:
        values["review"] = make(Review, paragraphs=speech.review + speech.problems)
    if speech.other:
        values["opening"] = [*values.get("opening", []), *speech.other]
    if speech.transition:
        values["transition"] = _transition(speech)
    if speech.directives:
        values.update(_directives(speech))
    if speech.reminders:
        values["reminders"] = _reminders(speech.reminders)
    if speech.closing:
        values["closing"] = make(Closing, paragraphs=speech.closing)
    return make(Outline, **values)


def speech_to_outline(speech: Speech) -> dict[str, object]:
    """The mined outline as YAML-ready plain data."""
    return mined_outline(speech).plain()


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
