"""pydantic's validation errors, told to the writer: located Chinese problems, one per path."""

from __future__ import annotations

import datetime as dt
import difflib
import typing
from typing import TYPE_CHECKING, Any

from .errors import Problem
from .loader_yaml import PathKey, Positions, format_path

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

# Chinese names writers may type for keys (a hint, never silently accepted).
CHINESE_KEYS = {
    "模板": "template", "会议类型": "template", "标题": "title", "副标题": "subtitle",
    "讲话人": "speaker", "日期": "date", "称呼": "salutation", "问候": "greeting",
    "会议": "meeting", "开场": "opening", "回顾": "review", "成绩": "achievements",
    "问题": "problems", "过渡": "transition", "意见": "directives", "要点": "points",
    "正文": "body", "落实": "implementation", "提醒": "reminders", "结尾": "closing",
    "名称": "name", "目的": "purpose",
}

_KIND_NAMES = {
    "string": "文本", "model": "映射（键: 值）", "dict": "映射（键: 值）", "list": "列表",
    "int": "整数", "float": "数字", "date": "日期", "bool": "真假值", "enum": "序号样式",
}


def _actual(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, str):
        return f"文本“{value[:20]}{'…' if len(value) > 20 else ''}”"
    if isinstance(value, dt.datetime):
        return f"日期时间 {value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return f"日期 {value:%Y-%m-%d}"
    return "其他类型的值"


def _inner_model(annotation: Any) -> type | None:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, str):  # forward reference ("Directive")
        from . import outline

        found = getattr(outline, annotation, None)
        return found if isinstance(found, type) else None
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _clean_loc(model: type, loc: tuple[Any, ...]) -> PathKey:
    """Drop pydantic's union tags ("str", "Figure", "function-after[…]") from an error
    location, keeping field names and list indices."""
    current: type | None = model
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, int):
            out.append(part)
        elif current is not None and part in current.model_fields:  # type: ignore[attr-defined]
            out.append(part)
            current = _inner_model(current.model_fields[part].annotation)  # type: ignore[attr-defined]
    return tuple(out)


def _model_at(model: type, path: PathKey) -> type | None:
    current: type | None = model
    for part in path:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        current = _inner_model(current.model_fields[part].annotation)  # type: ignore[attr-defined]
    return current


def _suggest(key: str, allowed: list[str]) -> str:
    if key in CHINESE_KEYS and CHINESE_KEYS[key] in allowed:
        return f"字段名请用英文：是否想写“{CHINESE_KEYS[key]}”？"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"是否想写“{close[0]}”？"
    return "这里可用的字段：" + "、".join(allowed)


def translate_validation(exc: ValidationError, model: type, positions: Positions,
                         name: str) -> list[Problem]:
    """Turn a pydantic ValidationError into located Chinese problems, one per path."""
    grouped: dict[PathKey, list[ErrorDetails]] = {}
    extras: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if err["type"] == "invalid_key":
            continue  # reported by parse_yaml, with the key as written and where it stands
        if err["type"] == "extra_forbidden":
            path = _clean_loc(model, loc[:-1])
            key = str(loc[-1])
            holder = _model_at(model, path)
            allowed = list(holder.model_fields) if holder else []  # type: ignore[attr-defined]
            pos = positions.of_key((*path, key))
            extras.append(Problem(f"未知字段“{key}”，{_suggest(key, allowed)}", file=name,
                                  line=pos[0] if pos else None, column=pos[1] if pos else None,
                                  path=format_path((*path, key))))
            continue
        path = _clean_loc(model, loc)
        grouped.setdefault(path, []).append(err)
    problems = list(extras)
    deeper = {p for p in grouped} | {_clean_loc(model, tuple(e["loc"])[:-1]) + (str(e["loc"][-1]),)
                                     for e in exc.errors(include_url=False)
                                     if e["type"] == "extra_forbidden"}
    for path, errs in grouped.items():
        # A union member that got further (a Figure with a bad key) explains the value
        # better than "expected text" from the member that failed at once.
        if any(len(d) > len(path) and d[: len(path)] == path for d in deeper):
            continue
        problems.append(_problem_for(path, errs, positions, name))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems


def _problem_for(path: PathKey, errs: list[ErrorDetails], positions: Positions,
                 name: str) -> Problem:
    types_ = [e["type"] for e in errs]
    if "missing" in types_:
        pos = positions.of_value(path[:-1])
        field_name = path[-1] if path else ""
        return Problem(f"缺少必填字段“{field_name}”", file=name,
                       line=pos[0] if pos else None, column=pos[1] if pos else None,
                       path=format_path(path))
    pos = positions.of_value(path)
    message, hint = _message(errs, types_)
    return Problem(message, file=name, line=pos[0] if pos else None,
                   column=pos[1] if pos else None, path=format_path(path) or None, hint=hint)


def _message(errs: list[ErrorDetails], types_: list[str]) -> tuple[str, str | None]:
    """What is wrong with one value, and what to do (the hint), from pydantic's errors on it."""
    value = errs[0].get("input")
    if "finite_number" in types_:
        return "应为普通的数，不能是 nan（非数）或 inf（无穷大）", None
    custom = [e for e in errs if e["type"] == "drafter"]
    if custom:
        return custom[0]["msg"], None
    if "enum" in types_:
        from .numbering import STYLE_ALIASES

        styles = " / ".join(dict.fromkeys(s.value for s in STYLE_ALIASES.values()))
        return f"未知的序号样式“{value}”，可选：{styles}", None
    bounds = [e for e in errs if e["type"] in ("greater_than_equal", "less_than_equal")]
    if bounds:
        ctx = bounds[0].get("ctx", {})
        limit = ctx.get("ge", ctx.get("le"))
        word = "不小于" if "ge" in ctx else "不大于"
        return f"取值应{word} {limit}，实际是 {value}", None
    expected = _expected(types_)
    if expected:
        return f"应为{'或'.join(expected)}，实际是{_actual(value)}", _type_hint(value, expected)
    return f"取值无效：{errs[0]['msg']}", None


def _expected(types_: list[str]) -> list[str]:
    """The kinds of value the field takes (文本, 列表, …), from pydantic's error types."""
    expected: list[str] = []
    for t in types_:
        kind = "model" if t in ("model_type", "model_attributes_type", "dict_type") else t.split("_")[0]
        label = _KIND_NAMES.get(kind)
        if label and label not in expected:
            expected.append(label)
    return expected


def _type_hint(value: Any, expected: list[str]) -> str | None:
    hint = None
    if isinstance(value, (int, float)) and "文本" in expected:
        hint = "如果这里就是要写数字，请加引号，如 \"2025\""
    if isinstance(value, (dt.date, dt.datetime)) and "文本" in expected:
        hint = "YAML 把它当成了日期时间；如果这里要写文字，请加引号，如 \"2025-02-05 10:00\""
    if isinstance(value, str) and "映射（键: 值）" in expected and "：" in value:
        hint = "键后面的冒号要用半角“: ”"
    return hint
