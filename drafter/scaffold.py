"""`drafter new`: a commented outline for one meeting type, valid and renderable as it stands.

Empty fields are left open on purpose: they render as 〔待补：…〕 so the writer sees what to
fill in. The first line points the YAML language server at the outline's JSON Schema.
"""

from __future__ import annotations

import re
from typing import Any

from .templating import TemplateInfo

SCHEMA_FILENAME = "drafter-outline.schema.json"

_HEAD = """\
# yaml-language-server: $schema=./{schema}
# 讲话稿大纲 · 会议类型：{name}（{id}）
# {description}
# 填写方法：在冒号后填内容；留空的字段会在讲话稿中显示为“〔待补：…〕”；不需要的部分可整段删除。
# 行首带“# ”的是可选字段：需要时去掉“# ”再填写。
# 预览：drafter preview 本文件    成稿：drafter render 本文件 -o 讲话稿.docx
template: {id}
"""

# The fields a scaffold opens for writing (empty ones render as 〔待补〕); every other field
# of the model is listed too, commented out, with its description as the comment.
_OPEN = {"title", "speaker", "date", "salutation", "meeting", "meeting.name", "meeting.organizer",
         "meeting.purpose", "meeting.heard", "meeting.speakers", "review", "review.period",
         "review.summary", "review.achievements", "review.credit", "review.thanks",
         "review.problems", "transition", "transition.style", "directives", "closing",
         "closing.paragraphs"}
_COMMENT_COLUMN = 27

# Per-type values and examples (an example replaces the one in the field's description), and
# the parts a type opens beyond _OPEN or leaves closed.
_TYPES: dict[str, dict[str, str]] = {
    "deploy": {"meeting.name": "全市重点项目建设推进会",
               "meeting.purpose": "通报进展情况，部署下一阶段工作", "review.period": "今年以来"},
    "mobilize": {"meeting.name": "全市优化营商环境攻坚行动动员大会",
                 "meeting.purpose": "动员全市上下打好优化营商环境攻坚战", "review.period": "近年来"},
    "new-year": {"meeting.name": "全市2027年三级干部大会", "meeting.purpose": "总结去年工作，部署今年任务",
                 "review.period": "过去的一年", "transition.style": "讲几句话"},
    "review-comment": {"meeting.name": "全县2026年度基层党建工作述职评议会",
                       "meeting.purpose": "听取述职、点评工作、部署任务", "review.period": "总体来看",
                       "transition.style": "讲几个方面"},
    "plenum-closing": {"meeting.name": "中共××市委十三届八次全会", "meeting.purpose": "审议通过《建议》",
                       "review.period": "会议期间",
                       "open": "reminders reminders.occasion reminders.items meeting.adopted"},
    "symposium": {"meeting.name": "民营企业家座谈会",
                  "meeting.purpose": "听取企业家对优化营商环境的意见建议", "review.period": "近年来",
                  "closed": "review"},
    "commendation": {"meeting.name": "全市2026年度安全生产工作总结表彰大会",
                     "meeting.purpose": "总结工作、表彰先进", "review.period": "过去的一年",
                     "open": "meeting.honoured"},
    "party-lecture": {"meeting.name": "市交通运输局“七一”专题党课",
                      "meeting.purpose": "重温党的光辉历程，对照党章党规查找差距",
                      "review.period": "去年以来", "transition.style": "讲几个方面",
                      "meeting.theme": "锤炼过硬作风，当好发展先行官", "open": "meeting.theme"},
    "warning-education": {"meeting.name": "2026年全县警示教育大会",
                          "meeting.purpose": "通报典型案例，以案说纪、以案说法、以案说责",
                          "review.period": "近年来",
                          "open": "reminders reminders.occasion reminders.items"},
    "training-opening": {"meeting.name": "全市2026年秋季中青年干部培训班",
                         "meeting.purpose": "帮助中青年干部提升政治能力和专业素养",
                         "review.period": "近年来"},
    "appointment": {"meeting.name": "临江区领导干部大会",
                    "meeting.purpose": "宣布市委关于临江区委主要负责同志职务调整的决定",
                    "review.period": "近年来", "open": "meeting.post meeting.predecessor"},
    "address": {"meeting.name": "2026云川数字经济发展论坛（或：××项目签约仪式、××博览会开幕式）",
                "meeting.purpose": "搭建交流合作平台，共商发展大计", "review.period": "近年来",
                "closed": "review transition", "plain_body": "yes", "meeting.theme": "数智赋能产业，创新引领未来",
                "open": "meeting.theme meeting.guests",
                "salutation": "尊敬的各位领导、各位嘉宾，女士们、先生们，朋友们"},
    "work-safety": {"meeting.name": "全县中秋国庆节前安全生产工作会议",
                    "meeting.purpose": "通报安全生产形势，部署节日期间安全防范工作",
                    "review.period": "今年以来",
                    "open": "reminders reminders.occasion reminders.items"},
}
_VALUES = ("salutation", "review.period", "transition.style")  # set as values; the rest are examples


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _line(indent: str, key: str, value: str, comment: str | None, *, closed: bool) -> str:
    text = f"{indent}{'# ' if closed else ''}{key}:{' ' + value if value else ''}"
    if comment:
        text += " " * max(1, _COMMENT_COLUMN - _width(text)) + "# " + comment
    return text


def _model_fields(model: type) -> list[tuple[str, Any]]:
    return list(model.model_fields.items())  # type: ignore[attr-defined]


def _inner(annotation: Any) -> type | None:
    from .loader_problems import _inner_model

    return _inner_model(annotation)


def _is_list(annotation: Any) -> bool:
    """A list, or an optional list (a field that also takes text, like title, is text)."""
    import typing

    if typing.get_origin(annotation) is list:
        return True
    options = [a for a in typing.get_args(annotation) if a is not type(None)]
    return bool(options) and all(typing.get_origin(a) is list for a in options)


def _with_example(description: str | None, example: str | None) -> str | None:
    """The field's description, its example swapped for the meeting type's own."""
    if not description or not example:
        return description
    swapped, count = re.subn(r"如(“[^”]*”)+", f"如“{example}”", description, count=1)
    return swapped if count else f"{description}，如“{example}”"


def _fields(model: type, path: str, indent: str, values: dict[str, str], opened: set[str],
            parent_closed: bool, extra: dict[str, str] | None = None) -> list[str]:
    extra = extra or {}
    lines: list[str] = []
    for name, info in _model_fields(model):
        if not path and name == "template":
            continue
        full = f"{path}.{name}" if path else name
        closed = parent_closed or full not in opened
        comment = info.description if full in _VALUES else _with_example(info.description, extra.get(full))
        inner = _inner(info.annotation)
        if name == "directives" and not path:
            lines += _directives(indent, comment, closed, plain=bool(extra.get("plain_body")))
        elif inner is not None and _is_list(info.annotation):
            # a list of parts (agenda items, figures): one commented example item
            example = "[]" if full not in ("review.achievements",) else ""
            lines.append(_line(indent, name, example if closed or example else "", comment, closed=closed))
            if full == "review.achievements" and not closed:
                lines += [f"{indent}  -", f"{indent}  -"]
            sub = _fields(inner, full, indent + "    ", values, opened, True)
            if sub:
                first = sub[0].replace(f"{indent}    # ", f"{indent}  # - ", 1)
                lines += [first, *sub[1:]]
        elif inner is not None:
            lines.append(_line(indent, name, "", comment, closed=closed))
            lines += _fields(inner, full, indent + "  ", values, opened, closed, extra)
        elif _is_list(info.annotation):
            if full in ("review.problems",) and not closed:
                lines.append(_line(indent, name, "", comment, closed=False))
                lines += [f"{indent}  -", f"{indent}  -"]
            else:
                lines.append(_line(indent, name, "[]", comment, closed=closed))
        else:
            lines.append(_line(indent, name, "" if closed else values.get(full, ""), comment,
                               closed=closed))
    return lines


def _directives(indent: str, comment: str | None, closed: bool, *, plain: bool) -> list[str]:
    from .outline import Directive

    fields = dict(_model_fields(Directive))
    lead = ("# 致辞的主体：每段以 heading（一句话）开头，body 接在后面；不编序号，也不说“讲几点意见”。" if plain
            else "# 几点意见：条数决定“讲几点意见”中的数字，不必手写；序号自动按 一、（一）1.（1）编排。")
    lines = ["", lead, _line(indent, "directives", "", comment, closed=closed)]
    for number in range(2 if plain else 3):
        for name, info in fields.items():
            first = name == "heading"
            key = f"  - {name}" if first else f"    {name}"
            described = info.description if number == 0 else None
            if name == "body":
                lines.append(_line(indent, key, "", described, closed=False))
                lines.append(f"{indent}      -")
            elif name in ("points", "points_style"):
                if number == 0:
                    lines.append(_line(indent + "    ", name, "", described, closed=True))
            else:
                lines.append(_line(indent, key, "", described, closed=False))
    return lines


def scaffold(info: TemplateInfo) -> str:
    """Every field of the outline model a writer may fill, with its description (an example
    included) as the comment: the common ones open, the rest commented out."""
    from .outline import Outline

    extra = _TYPES.get(info.id, {})
    opened = (_OPEN | set(extra.get("open", "").split())) - set(extra.get("closed", "").split())
    opened -= {f for f in opened for c in extra.get("closed", "").split() if f.startswith(c + ".")}
    values = {"salutation": extra.get("salutation", "同志们"),
              "review.period": extra.get("review.period", "今年以来"),
              "transition.style": extra.get("transition.style", "讲几点意见")}
    head = _HEAD.format(schema=SCHEMA_FILENAME, name=info.name, id=info.id,
                        description=info.description)
    body = _fields(Outline, "", "", values, opened, False, extra)
    out: list[str] = []
    for line in body:  # a blank line before each open top-level part
        if line.split(":")[0] in ("meeting", "review", "transition", "closing") and out and out[-1]:
            out.append("")
        out.append(line)
    return head + "\n".join(out) + "\n"


def scaffold_from_speech(info: TemplateInfo, speech: object) -> str:
    """The commented scaffold for a meeting type, filled from a mined speech. Round-trip YAML
    keeps the scaffold's comments and key order; lists are replaced, new keys appended."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    from .corpus.to_outline import speech_to_outline

    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    document = yaml.load(scaffold(info))
    values = speech_to_outline(speech)  # type: ignore[arg-type]
    values["template"] = info.id

    def merge(target: CommentedMap, source: dict[str, object]) -> None:
        for key, value in source.items():
            if isinstance(value, dict) and isinstance(target.get(key), CommentedMap):
                merge(target[key], value)
            else:
                target[key] = value

    merge(document, values)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()
