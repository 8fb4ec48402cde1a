"""Read an outline file: bytes → YAML (safe, positioned, duplicate-free) → validated Outline.

Every problem is reported at once with file:line:column and the outline path, in Chinese.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import OutlineError, Problem

MAX_BYTES = 2 * 1024 * 1024  # an outline is a page or two; 2 MB is far beyond any real one
MAX_DEPTH = 40  # nesting of YAML collections
MAX_NODES = 100_000  # after alias expansion: refuses alias bombs before they are built

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Pos = tuple[int, int]
PathKey = tuple[str | int, ...]


@dataclass
class Positions:
    """Where each outline path stands in the YAML text (1-based line and column)."""

    values: dict[PathKey, Pos] = field(default_factory=dict)
    keys: dict[PathKey, Pos] = field(default_factory=dict)

    def of_value(self, path: PathKey) -> Pos | None:
        return self._nearest(self.values, path)

    def of_key(self, path: PathKey) -> Pos | None:
        return self.keys.get(path) or self._nearest(self.values, path)

    @staticmethod
    def _nearest(table: dict[PathKey, Pos], path: PathKey) -> Pos | None:
        while True:
            if path in table:
                return table[path]
            if not path:
                return None
            path = path[:-1]


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def split_path(path: str) -> PathKey:
    """The inverse of format_path: directives[1].points[0] → ("directives", 1, "points", 0)."""
    out: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        out.append(int(index) if index else name)
    return tuple(out)


def read_text(path: Path | str, *, what: str = "大纲文件", limit: int = MAX_BYTES) -> str:
    """Read a user's UTF-8 text file with Chinese errors for every way it can fail."""
    from .reading import read_limited, shown

    hint = "大纲只需写要点，长文请放在单独的段落文件中" if what == "大纲文件" else None
    data = read_limited(path, limit=limit, what=what, hint=hint)
    name = "<标准输入>" if str(path) == "-" else shown(str(path))
    return decode_text(data, name=name, what=what)


def decode_text(data: bytes, *, name: str, what: str = "大纲文件") -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise OutlineError(f"{what}的 UTF-16 编码已损坏", file=name) from None
    else:
        if b"\x00" in data:
            if _looks_utf16(data):
                raise OutlineError(f"{what}是没有 BOM 的 UTF-16 编码", file=name,
                                   hint="请在编辑器中选择“另存为”，编码选 UTF-8")
            raise OutlineError(f"{what}看起来是二进制文件，不是文本", file=name,
                               hint="大纲应是 .yaml 文本文件")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise OutlineError(
                f"{what}不是 UTF-8 编码", file=name, line=line,
                hint="请在编辑器中选择“另存为”，编码选 UTF-8（GBK/GB2312 文件常见于旧版记事本）",
            ) from None
    if not text.strip():
        raise OutlineError(f"{what}是空的", file=name,
                           hint="可用 drafter new 会议类型 生成一份带注释的大纲")
    return text


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of the ASCII part is zero."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return False
    for start in (0, 1):
        zeros = head[start::2].count(0)
        if zeros >= 0.3 * (len(head) // 2) and head[1 - start::2].count(0) == 0:
            try:
                data.decode("utf-16-le" if start else "utf-16-be")
            except UnicodeDecodeError:
                continue
            return True
    return False


# --- YAML -------------------------------------------------------------------------------

_YAML_MESSAGES = [
    ("while scanning a quoted scalar", "引号没有闭合"),
    ("mapping values are not allowed",
     "此处不能出现“键: 值”：可能是缩进不对，或文字中含有“: ”（请给整段文字加半角引号）"),
    ("could not find expected ':'", "缺少“键: 值”中的冒号，或上一行的缩进不对"),
    ("did not find expected key", "缩进不一致：同一层的键要对齐"),
    ("did not find expected '-' indicator", "列表项缩进不一致：同一列表的“- ”要对齐"),
    ("expected <block end>", "缩进不一致：这一行与上面的层级对不齐"),
    ("found character '\\t' that cannot start any token", "YAML 不能用制表符（Tab）缩进，请改用空格"),
    ("found undefined alias", "引用了未定义的别名（*名称）"),
    ("found unexpected end of stream", "文件意外结束：可能有未闭合的引号或括号"),
    ("found unknown escape character", "双引号内有无效的转义字符（\\），可改用单引号"),
    ("but found another document", "文件中有多个 YAML 文档（---），一份大纲只能有一个"),
    ("found unhashable key", "键不能是列表或映射"),
    ("expected a comment or a line break", "引号闭合后还有多余的文字"),
    ("while parsing a flow", "方括号或花括号没有闭合"),
    ("found character that cannot start any token", "这里有 YAML 不允许出现在开头的字符（如 @、`），请给整段文字加引号"),
]


def _yaml_message(exc: yaml.MarkedYAMLError, source: str = "") -> str:
    mark = exc.problem_mark
    if mark is not None and source:
        lines = source.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return "YAML 不能用制表符（Tab）缩进，请改用空格"
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, message in _YAML_MESSAGES:
        if needle in text:
            return message
    return f"YAML 语法错误（{(exc.problem or exc.context or '').strip()}）"


_KEY_FULLWIDTH_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*：")
_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):(?=[^\s:/])")
_FULLWIDTH_FLOW = re.compile(r"(?::\s+|^\s*-\s+|^\s*[A-Za-z_]\w*：\s*)([［【｛])")
_FULLWIDTH_DASH = re.compile(r"^\s*([－—–])\s*\S")
_FULLWIDTH_SPACE = re.compile(r"^\s*\u3000")


def ime_hints(text: str, name: str) -> list[Problem]:
    """Chinese input-method slips that turn YAML syntax into plain text."""
    hints: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("#"):
            continue
        if m := _KEY_FULLWIDTH_COLON.match(line):
            hints.append(Problem(
                f"键“{m.group(1)}”后面是全角冒号“：”，YAML 只认半角冒号，请改为“{m.group(1)}: ”",
                file=name, line=number, column=line.index("：") + 1))
        elif m := _KEY_NO_SPACE.match(line):
            hints.append(Problem(f"键“{m.group(1)}”的冒号后缺少空格，请改为“{m.group(1)}: ”",
                                 file=name, line=number, column=m.end(1) + 1))
        if m := _FULLWIDTH_FLOW.search(line):
            hints.append(Problem(
                f"“{m.group(1)}”是全角括号；如果想写列表或映射，请用半角的 [ ] 或 {{ }}",
                file=name, line=number, column=m.start(1) + 1))
        if m := _FULLWIDTH_DASH.match(line):
            hints.append(Problem(f"“{m.group(1)}”不是列表符号，列表项请以半角“- ”开头",
                                 file=name, line=number, column=m.start(1) + 1))
        if _FULLWIDTH_SPACE.match(line):
            hints.append(Problem("行首有全角空格，YAML 缩进只能用半角空格",
                                 file=name, line=number, column=1))
    return hints


def parse_yaml(text: str, name: str) -> tuple[Any, Positions, list[Problem]]:
    """Parse one YAML document safely; record positions; reject bombs. Duplicate keys are
    returned as problems so that validation can report its own alongside them."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            # An unclosed quote is best shown where it opens.
            quoted = "quoted scalar" in (exc.context or "")
            mark = (exc.context_mark if quoted else None) or exc.problem_mark or exc.context_mark
            hint = None
            lines = text.splitlines()
            if mark is not None and mark.line < len(lines) and any(
                    q in lines[mark.line] for q in "“”‘’「」"):
                hint = "中文引号不是 YAML 的引号；文字中含有“: ”或“#”时，请用半角引号 \" \" 把整段括起来"
            problem = Problem(_yaml_message(exc, text), file=name,
                              line=mark.line + 1 if mark else None,
                              column=mark.column + 1 if mark else None, hint=hint)
            raise OutlineError(problems=[problem, *ime_hints(text, name)]) from None
        except yaml.YAMLError as exc:
            raise OutlineError(f"YAML 无法解析（{exc}）", file=name) from None
        if node is None:
            raise OutlineError("大纲里只有注释，没有内容", file=name,
                               hint="可用 drafter new 会议类型 生成一份带注释的大纲")
        positions = Positions()
        problems: list[Problem] = []
        _walk(node, (), 0, positions, problems, name, [0])
        _check_typed_scalars(node, (), loader, problems, name)
        try:
            data = loader.construct_document(node)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise OutlineError(_yaml_message(exc), file=name,
                               line=mark.line + 1 if mark else None,
                               column=mark.column + 1 if mark else None) from None
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise _value_error(loader, node, exc, name) from None
    finally:
        loader.dispose()
    return data, positions, problems


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SET = "tag:yaml.org,2002:set"


def _value_error(loader: Any, root: yaml.Node, exc: Exception, name: str) -> OutlineError:
    """A value YAML recognised but could not build (2025-13-01): find it and say so."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in reversed(node.value) for v in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif node.tag == _TIMESTAMP:
            try:
                loader.construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                return OutlineError(
                    f"日期“{node.value}”不存在（月份应为 1 至 12，日应在当月天数以内）", file=name,
                    line=node.start_mark.line + 1, column=node.start_mark.column + 1,
                    hint="请改正日期；如果这里不是日期而是文字，请给它加上引号")
    return OutlineError("YAML 中有无法解析的取值，请检查数字和日期的写法", file=name)


def _check_typed_scalars(node: yaml.Node, path: PathKey, loader: Any, problems: list[Problem],
                         name: str) -> None:
    """Dates YAML recognises but cannot build (2026-13-45, 2026-02-30): each becomes a located
    problem, and the value is read as text so that every other problem is found too
    (_value_error stays the fallback for anything else construction may refuse)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _TIMESTAMP:
            try:
                loader.construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                problems.append(Problem(
                    f"日期“{node.value}”不存在（月份应为 1 至 12，日应在当月天数以内）", file=name,
                    line=node.start_mark.line + 1, column=node.start_mark.column + 1,
                    path=format_path(path) or None,
                    hint="请改正日期，写成 2026-12-01 这样的年-月-日；如果这里不是日期而是文字，请给它加上引号"))
                node.tag = "tag:yaml.org,2002:str"
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            _check_typed_scalars(value_node, (*path, key), loader, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check_typed_scalars(item, (*path, index), loader, problems, name)


def _walk(node: yaml.Node, path: PathKey, depth: int, positions: Positions,
          problems: list[Problem], name: str, count: list[int]) -> None:
    count[0] += 1
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if count[0] > MAX_NODES:
        raise OutlineError(
            f"大纲展开后超过 {MAX_NODES} 个节点（可能是 YAML 别名炸弹），已拒绝读取",
            file=name, line=line, column=col)
    if depth > MAX_DEPTH:
        raise OutlineError(f"大纲嵌套超过 {MAX_DEPTH} 层，已拒绝读取", file=name,
                           line=line, column=col, path=format_path(path) or None)
    positions.values.setdefault(path, (line, col))
    if node.tag == _SET:
        problems.append(Problem("YAML 集合（!!set）没有先后顺序，讲话稿的内容必须有顺序，请改用列表（每项以“- ”开头）",
                                file=name, line=line, column=col, path=format_path(path) or None))
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem("键必须是文字", file=name,
                                        line=key_node.start_mark.line + 1,
                                        column=key_node.start_mark.column + 1,
                                        path=format_path(path) or None))
                continue
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key_node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:merge"):
                problems.append(Problem(
                    f"键“{key}”不是字段名：字段名是英文单词（如 title），YAML 把它读成了数字、日期、真假值或空值",
                    file=name, line=key_line, column=key_node.start_mark.column + 1,
                    path=format_path(path) or None))
                continue
            if key in seen:
                problems.append(Problem(
                    f"重复的键“{key}”（第 {seen[key]} 行已写过），YAML 只会保留后一个，请删去或合并其中一个",
                    file=name, line=key_line, column=key_node.start_mark.column + 1,
                    path=format_path((*path, key))))
                continue
            seen[key] = key_line
            child: PathKey = (*path, key)
            positions.keys.setdefault(child, (key_line, key_node.start_mark.column + 1))
            _walk(value_node, child, depth + 1, positions, problems, name, count)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), depth + 1, positions, problems, name, count)


# --- validation -------------------------------------------------------------------------

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


def translate_validation(exc: Any, model: type, positions: Positions, name: str) -> list[Problem]:
    """Turn a pydantic ValidationError into located Chinese problems, one per path."""
    grouped: dict[PathKey, list[dict[str, Any]]] = {}
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


def _problem_for(path: PathKey, errs: list[dict[str, Any]], positions: Positions,
                 name: str) -> Problem:
    types_ = [e["type"] for e in errs]
    first = errs[0]
    value = first.get("input")
    if "missing" in types_:
        pos = positions.of_value(path[:-1])
        field_name = path[-1] if path else ""
        return Problem(f"缺少必填字段“{field_name}”", file=name,
                       line=pos[0] if pos else None, column=pos[1] if pos else None,
                       path=format_path(path))
    pos = positions.of_value(path)
    line, col = (pos[0], pos[1]) if pos else (None, None)
    where = format_path(path) or None
    if "finite_number" in types_:
        return Problem("应为普通的数，不能是 nan（非数）或 inf（无穷大）", file=name, line=line,
                       column=col, path=where)
    custom = [e for e in errs if e["type"] == "drafter"]
    if custom:
        return Problem(custom[0]["msg"], file=name, line=line, column=col, path=where)
    if "enum" in types_:
        from .numbering import STYLE_ALIASES

        styles = " / ".join(dict.fromkeys(s.value for s in STYLE_ALIASES.values()))
        return Problem(f"未知的序号样式“{value}”，可选：{styles}", file=name, line=line,
                       column=col, path=where)
    bounds = [e for e in errs if e["type"] in ("greater_than_equal", "less_than_equal")]
    if bounds:
        ctx = bounds[0].get("ctx", {})
        limit = ctx.get("ge", ctx.get("le"))
        word = "不小于" if "ge" in ctx else "不大于"
        return Problem(f"取值应{word} {limit}，实际是 {value}", file=name, line=line,
                       column=col, path=where)
    expected: list[str] = []
    for t in types_:
        kind = t.split("_")[0]
        if t in ("model_type", "model_attributes_type", "dict_type"):
            kind = "model"
        label = _KIND_NAMES.get(kind)
        if label and label not in expected:
            expected.append(label)
    hint = None
    if isinstance(value, (int, float)) and "文本" in expected:
        hint = "如果这里就是要写数字，请加引号，如 \"2025\""
    if isinstance(value, (dt.date, dt.datetime)) and "文本" in expected:
        hint = "YAML 把它当成了日期时间；如果这里要写文字，请加引号，如 \"2025-02-05 10:00\""
    if isinstance(value, str) and "映射（键: 值）" in expected and "：" in value:
        hint = "键后面的冒号要用半角“: ”"
    if expected:
        return Problem(f"应为{'或'.join(expected)}，实际是{_actual(value)}", file=name,
                       line=line, column=col, path=where, hint=hint)
    return Problem(f"取值无效：{first['msg']}", file=name, line=line, column=col, path=where)


def load_outline(path: Path | str) -> Any:
    """Read, parse and validate an outline file. Returns a LoadedOutline."""
    path = Path(path)
    text = read_text(path)
    return load_outline_text(text, "<标准输入>" if str(path) == "-" else str(path))


@dataclass
class LoadedOutline:
    """A valid outline as plain data (only the keys the writer wrote), with positions."""

    data: dict[str, Any]
    positions: Positions
    source: str


def load_outline_text(text: str, name: str = "<大纲>") -> LoadedOutline:
    data, positions, problems = parse_yaml(text, name)
    if not isinstance(data, dict):
        kind = "列表" if isinstance(data, list) else "一段文字"
        problems += [Problem(f"大纲的最外层应是“键: 值”映射，这里却是{kind}", file=name, line=1,
                             column=1, hint="每行写“字段名: 内容”，如“title: 在全市……上的讲话”")]
        raise OutlineError(problems=problems + ime_hints(text, name))
    if not problems:
        from .schema_check import conforms

        if conforms(data):  # fast path: certainly valid, pydantic need not be imported
            return LoadedOutline(data=data, positions=positions, source=name)
    return LoadedOutline(data=validate_with_model(data, positions, name, problems, text),
                         positions=positions, source=name)


def validate_with_model(data: dict[str, Any], positions: Positions, name: str,
                        problems: list[Problem], text: str) -> dict[str, Any]:
    """The pydantic model decides: coerce what it accepts, explain what it rejects."""
    from pydantic import ValidationError

    from .outline import Outline

    try:
        outline = Outline.model_validate(data)
    except ValidationError as exc:
        problems = problems + translate_validation(exc, Outline, positions, name)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise OutlineError(problems=problems + ime_hints(text, name))
    return outline.model_dump(exclude_unset=True)
