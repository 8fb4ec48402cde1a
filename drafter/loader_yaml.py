"""YAML for outlines: parsed safely with positions (file:line:column for every outline path),
duplicate keys and alias bombs refused, Chinese input-method slips explained."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import OutlineError, Problem
from .lazyre import compiled

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


_KEY_FULLWIDTH_COLON = compiled(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*：")
_KEY_NO_SPACE = compiled(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):(?=[^\s:/])")
_FULLWIDTH_FLOW = compiled(r"(?::\s+|^\s*-\s+|^\s*[A-Za-z_]\w*：\s*)([［【｛])")
_FULLWIDTH_DASH = compiled(r"^\s*([－—–])\s*\S")
_FULLWIDTH_SPACE = compiled(r"^\s*\u3000")


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


def parse_yaml(text: str, name: str) -> tuple[object, Positions, list[Problem]]:
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
            # in file order: an input-method slip above the error is usually its cause
            found = sorted([problem, *ime_hints(text, name)], key=lambda p: (p.line or 0, p.column or 0))
            raise OutlineError(problems=found) from None
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
