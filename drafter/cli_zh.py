"""Chinese for the command line's own words: help layout, defaults and usage errors.

Typer (0.29+) vendors Click without its gettext calls, so there is no message catalogue to
install: the English arises in three places, and each is translated there.

- The help page is written through Click's ``HelpFormatter``. ``ChineseHelpFormatter`` writes
  the usage prefix, section headings, the ``[default: …; required]`` suffix, number ranges,
  the help option's text and the type metavars (``<path>``, ``<int range>``) in Chinese.
  ``ChineseGroup`` gives every command's context that formatter, subcommands included.
- Usage errors are Click exceptions carrying the parameter, option name or pydantic error
  they arose from; ``usage_message`` builds the Chinese sentence from those facts, never
  wrapping the English text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from typer._click import Command, Context, HelpFormatter
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

HEADINGS = {"Usage": "用法", "Arguments": "参数", "Options": "选项", "Commands": "命令"}
HELP_OPTION_TEXT = "显示本帮助并退出。"

# Type metavars Typer derives from annotations, as a writer would name them.
_METAVARS = {
    "path": "路径", "list[Path]": "路径", "Path": "路径", "file": "文件",
    "int": "整数", "int range": "整数", "list[int]": "整数", "integer": "整数",
    "float": "数值", "float range": "数值", "text": "文字", "str": "文字", "list[str]": "文字",
    "bool": "是或否", "boolean": "是或否",
}
_METAVAR = re.compile(r"<([^<>]+)>")
_EXTRA = re.compile(r"\s*\[([^\[\]]*)\]$")
_RANGE = re.compile(r"^(?:(-?[\d.]+)(<=?))?x(?:(<=?)(-?[\d.]+))?$")


def _metavar(match: re.Match[str]) -> str:
    inner = match.group(1)
    return f"<{_METAVARS.get(inner, inner)}>"


_BOUND = re.compile(r"^x(>=|>|<=|<)(-?[\d.]+)$")
_BOUND_WORDS = {">=": "不小于", ">": "大于", "<=": "不大于", "<": "小于"}


def _range(text: str) -> str | None:
    """Click's number range (``60<=x<=600``, ``x>=1``) in words."""
    bound = _BOUND.match(text.replace(" ", ""))
    if bound:
        return f"{_BOUND_WORDS[bound.group(1)]} {bound.group(2)}"
    m = _RANGE.match(text.replace(" ", ""))
    if not m or not (m.group(1) or m.group(4)):
        return None
    low, low_op, high_op, high = m.groups()
    if low and high:
        return f"取值 {low}～{high}"
    if low:
        return f"不小于 {low}" if low_op == "<=" else f"大于 {low}"
    return f"不大于 {high}" if high_op == "<=" else f"小于 {high}"


def _extra(inner: str) -> str:
    parts = []
    for part in inner.split("; "):
        if part.startswith("default: "):
            parts.append(f"默认：{part[len('default: '):]}")
        elif part == "required":
            parts.append("必填")
        elif part.startswith("env var: "):
            parts.append(f"环境变量：{part[len('env var: '):]}")
        else:
            parts.append(_range(part) or part)
    return "[" + "；".join(parts) + "]"


def translate_help(text: str) -> str:
    """One help-column text: Click's bracketed suffix and the help option, in Chinese."""
    if text == "Show this message and exit.":
        return HELP_OPTION_TEXT
    m = _EXTRA.search(text)
    if m:
        text = text[:m.start()] + ("  " if m.start() else "") + _extra(m.group(1))
    return text


def _flag_default(term: str, help: str) -> str:
    """An on/off flag's default reads as on or off, not as the flag's English name."""
    flag = re.search(r"--([\w-]+) / --no-\1", term)
    if flag:
        help = help.replace(f"默认：{flag.group(1)}", "默认：开启").replace(f"默认：no-{flag.group(1)}", "默认：关闭")
    return help


def translate_usage_args(args: str) -> str:
    args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]...", "命令 [参数]...")
    return re.sub(r"\{([^{}]+)\}", r"\1", args)  # a required argument: shown bare


def display_width(text: str) -> int:
    """Terminal columns: CJK characters and full-width punctuation take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# A short [默认：…] and a font name like 仿宋_GB2312 stay whole.
_TOKEN = re.compile(r"\[[^\[\]\n]{1,24}\]|[\u4e00-\u9fff]{1,6}_[\x21-\x7e]+|[\x21-\x7e]+| +|.")
_NO_LINE_START = set("，。、；：？！）》」』】〕”’…—")
_NO_LINE_END = set("（《「『【〔“‘")


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrapping by display width: breaks between CJK characters or at spaces, never
    inside an ASCII word (an option name, a suffix), never before closing punctuation."""
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKEN.findall(text):
        w = display_width(token)
        if line and used + w > width and not token.isspace() and token[0] not in _NO_LINE_START:
            carry = ""
            while line and line[-1] in _NO_LINE_END:  # an opening mark goes down with its text
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line.rstrip())
            line, used = carry, display_width(carry)
        if not line and token.isspace():
            continue
        line += token
        used += w
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


class ChineseHelpFormatter(HelpFormatter):
    """Click's plain help layout with Chinese headings, suffixes and metavars, aligned and
    wrapped by display width (Click counts characters, so CJK text ran past the margin)."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 20)
        paragraphs = re.split(r"\n\s*\n", text.strip())
        for number, paragraph in enumerate(paragraphs):
            if number:
                self.write("\n")
            for line in wrap(" ".join(paragraph.split()) if paragraph.isascii() else
                             "".join(paragraph.splitlines()), width):
                self.write(f"{indent}{line}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, translate_usage_args(args), prefix="用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_METAVAR.sub(_metavar, term), _flag_default(term, translate_help(help)))
                 for term, help in rows]
        first = min(max((display_width(term) for term, _ in rows), default=0), col_max)
        hang = " " * (self.current_indent + first + col_spacing)
        text_width = max(self.width - len(hang), 20)
        for term, help in rows:
            self.write(" " * self.current_indent + term)
            if not help:
                self.write("\n")
                continue
            used = display_width(term)
            self.write(" " * (first - used + col_spacing) if used <= first else "\n" + hang)
            for number, line in enumerate(wrap(help, text_width)):
                self.write((hang if number else "") + line + "\n")


class ChineseContext(Context):
    formatter_class = ChineseHelpFormatter


def _chinese(command: Command | None) -> Command | None:
    """Give a command, and every command under it, the Chinese context."""
    if command is None:
        return None
    if not issubclass(command.context_class, ChineseContext):
        command.context_class = ChineseContext
    for sub in getattr(command, "commands", {}).values():
        _chinese(sub)
    return command


class ChineseGroup(TyperGroup):
    """The root group: its own and all subcommands' help come out in Chinese."""

    context_class = ChineseContext

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        return _chinese(super().get_command(ctx, cmd_name))


# --- usage errors ------------------------------------------------------------------------

def _param_name(exc: click_exceptions.BadParameter) -> str:
    param = exc.param
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "argument":
        return str(getattr(param, "metavar", None) or (param.name or "").upper())
    opts = list(getattr(param, "opts", []) or [])
    return max(opts, key=len) if opts else (param.name or "")


_PYDANTIC = {
    "greater_than_equal": "不能小于 {ge}",
    "greater_than": "必须大于 {gt}",
    "less_than_equal": "不能大于 {le}",
    "less_than": "必须小于 {lt}",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "bool_parsing": "应为是或否",
    "missing": "不能为空",
    "string_too_short": "不能为空",
}


def _reason(exc: click_exceptions.BadParameter) -> str:
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        for error in errors():
            kind = str(error.get("type", ""))
            ctx = error.get("ctx") or {}
            if kind in _PYDANTIC:
                return _PYDANTIC[kind].format(**ctx)
            choices = re.findall(r"'([^']*)'", str(error.get("msg", "")))
            if "is not one of" in str(error.get("msg", "")) and len(choices) > 1:
                return "只能是 " + "、".join(choices[1:]) + " 之一"
    choices = re.findall(r"'([^']*)'", exc.message)
    if "is not one of" in exc.message and len(choices) > 1:
        return "只能是 " + "、".join(choices[1:]) + " 之一"
    if re.search(r"[A-Za-z]{3,}", exc.message):
        return "取值不合要求"
    return exc.message


def _missing(exc: click_exceptions.MissingParameter) -> str:
    name = _param_name(exc)
    kind = exc.param_type or getattr(exc.param, "param_type_name", "")
    return f"缺少{'选项' if kind == 'option' else '参数'} {name}".rstrip()


def _no_such_option(exc: click_exceptions.NoSuchOption) -> str:
    text = f"没有这个选项：{exc.option_name}"
    if exc.possibilities:
        text += "，是否想写 " + "、".join(exc.possibilities) + "？"
    return text


def _bad_option_usage(exc: click_exceptions.BadOptionUsage) -> str:
    if "does not take a value" in exc.message:
        return f"选项 {exc.option_name} 不接受取值"
    return f"选项 {exc.option_name} 后面缺少取值"


def _bad_parameter(exc: click_exceptions.BadParameter) -> str:
    return f"参数取值无效：{_param_name(exc)} {_reason(exc)}"


def _bad_argument_usage(exc: click_exceptions.BadArgumentUsage) -> str:
    m = re.search(r"Argument '([^']+)' takes (\d+) values", exc.message)
    return f"参数 {m.group(1).upper()} 需要 {m.group(2)} 个取值" if m else "参数个数不对"


# Most specific first: MissingParameter is a BadParameter.
_BY_TYPE: tuple[tuple[type[Any], Callable[[Any], str]], ...] = (
    (click_exceptions.MissingParameter, _missing),
    (click_exceptions.NoSuchOption, _no_such_option),
    (click_exceptions.BadOptionUsage, _bad_option_usage),
    (click_exceptions.BadParameter, _bad_parameter),
    (click_exceptions.BadArgumentUsage, _bad_argument_usage),
)


def usage_message(exc: click_exceptions.UsageError) -> str:
    """A Chinese sentence for a Click usage error, from the facts the exception carries."""
    for kind, message_for in _BY_TYPE:
        if isinstance(exc, kind):
            return message_for(exc)
    return _from_text(exc.message)


def _from_text(message: str) -> str:
    """Usage errors Click raises as plain UsageError: recognised by their English text."""
    m = re.match(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?$", message, flags=re.S)
    if m:
        text = f"没有这个命令：{m.group(1)}"
        if m.group(2):
            text += "，是否想写 " + "、".join(re.findall(r"'([^']*)'", m.group(2))) + "？"
        return text
    m = re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", message)
    if m:
        return f"多余的参数：{m.group(1)}"
    if message.startswith("Missing command"):
        return "缺少命令"
    if re.search(r"[A-Za-z]{3,}", message):
        return "命令行用法有误"
    return message
