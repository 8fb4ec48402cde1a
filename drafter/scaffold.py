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
# the parts a type opens beyond _OPEN or leaves closed, are the type's own facts: they live in its
# template header as new.FIELD / new.open / new.closed (templating.TemplateInfo.scaffold_hints).
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

    extra = info.scaffold_hints
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
