"""The template sandbox: what a template (the writer's own, or one from a colleague) may do.

Jinja's immutable sandbox already blocks attribute escapes. On top of it:

- **Files stay inside the template folders.** ``FolderLoader`` resolves real paths and
  refuses any template, include or folder whose real path lies outside them (a symlink to
  ``~/secret`` or ``tpl/etc -> /etc``). It reads through the byte-limited reader, so a FIFO
  or a huge file is refused, and a template that is not UTF-8 gets a message, not a crash.
- **Bounded work.** Sizes of strings and sequences built by operators (``*``, ``+``, ``**``)
  and by filters and method calls are capped before they are built; integers are capped in
  bits; every loop iteration and every call draws from one budget per render, with a time
  limit; the output is capped as it is produced. ``lipsum`` is gone.

Every refusal is a ``LimitError`` (a Jinja SecurityError): the renderer names the template
and line.
"""

from __future__ import annotations

import functools
import math
import operator
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from jinja2 import BaseLoader, TemplateNotFound, nodes
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .lazyre import compiled

if TYPE_CHECKING:
    from jinja2 import Environment, Template
    from jinja2.runtime import Context

MAX_SIZE = 1_000_000  # characters in one string, items in one sequence (a speech is ~10 000)
MAX_OUTPUT = 4_000_000  # characters a template may produce
MAX_INT_BITS = 4096  # about 1 200 decimal digits
MAX_STEPS = 200_000  # loop iterations and calls in one render (a speech needs a few thousand)
TIME_LIMIT = 5.0  # seconds of template work in one render
MAX_TEMPLATE_BYTES = 1024 * 1024
_WIDE_FORMAT = compiled(r"[%:][^%{}]*?\d{7,}")
_NESTED_WIDTH = compiled(r"\{[^{}]*:[^{}]*\{")


class LimitError(SecurityError):
    """A template went past what the sandbox allows (Chinese message)."""


class _Budget(threading.local):
    steps = 0
    deadline = math.inf

    def start(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + TIME_LIMIT

    def tick(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > MAX_STEPS:
            raise LimitError(f"模板的循环和调用超过 {MAX_STEPS} 次，已停止（可能是多层循环或递归的宏）")
        if self.steps & 0x3FF == 0 and time.monotonic() > self.deadline:
            raise LimitError(f"模板运行超过 {TIME_LIMIT:g} 秒，已停止")


BUDGET = _Budget()


def _too_big(what: str) -> LimitError:
    return LimitError(f"模板要生成的{what}过大（上限 {MAX_SIZE} 个字符或元素），已拦截")


def _size(value: Any) -> int | None:
    if isinstance(value, (str, bytes, list, tuple)):
        return len(value)
    return None


def _check_int(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise LimitError(f"模板中的整数过大（超过 {MAX_INT_BITS} 位二进制），已拦截")


def _check_ints(args: Iterable[Any]) -> None:
    """Widths and counts that would make a callee build something huge."""
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_SIZE:
            raise LimitError(f"模板传入的宽度或次数 {arg} 过大（上限 {MAX_SIZE}），已拦截")


def _check_format(text: Any) -> None:
    if isinstance(text, str) and (_WIDE_FORMAT.search(text) or _NESTED_WIDTH.search(text)):
        raise _too_big("格式化文字")


def _check_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = text.count(old) if old else len(text) + 1
        if len(text) + count * len(new) > MAX_SIZE:
            raise _too_big("文字")


# Methods and filters whose integer arguments are sizes of what they build.
_SIZING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "indent"})


def _check_call(name: str, owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if name in _SIZING:
        _check_ints(args)
        _check_ints(kwargs.values())
    elif name in ("format", "format_map"):
        _check_format(owner)
    elif name == "replace" and len(args) >= 2:
        _check_replace(owner, args[0], args[1])


def _check_result(value: Any) -> Any:
    size = _size(value)
    if size is not None and size > MAX_SIZE:
        raise _too_big("文字或列表")
    _check_int(value)
    return value


def _bounded_binop(op: str, left: Any, right: Any) -> Any:
    BUDGET.tick()
    ls, rs = _size(left), _size(right)
    if op == "*":
        count = right if ls is not None else left if rs is not None else None
        if isinstance(count, int) and (ls or rs or 0) * max(count, 0) > MAX_SIZE:
            raise _too_big("文字或列表")
        if isinstance(left, int) and isinstance(right, int) and \
                left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise LimitError("模板中的整数过大，已拦截")
    elif op == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and \
                abs(left) > 1 and right * math.log2(abs(left)) > MAX_INT_BITS:
            raise LimitError("模板中的乘方结果过大，已拦截")
        if isinstance(left, float) or isinstance(right, float):
            pass  # floats overflow to an error, not to memory
    elif op == "+":
        if ls is not None and rs is not None and ls + rs > MAX_SIZE:
            raise _too_big("文字或列表")
    elif op == "%":
        _check_format(left)
    return _check_result(_BINOPS[op](left, right))


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "**": operator.pow, "%": operator.mod,
}


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    skip = 1 + (getattr(func, "jinja_pass_arg", None) is not None)  # the value (and context)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        BUDGET.tick()
        value = args[skip - 1] if len(args) >= skip else None
        _check_call(name, value, args[skip:], kwargs)
        return _check_result(func(*args, **kwargs))

    return wrapper


def _sized(value: Any) -> Any:
    """An operand of `~`: a string past the cap is refused before it is joined again."""
    return _check_result(value)


def _budget_iter(value: Any) -> Iterator[Any]:
    for item in value:
        BUDGET.tick()
        yield item


class BoundedSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(_BINOPS)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for name in ("lipsum",):
            self.globals.pop(name, None)
        for name, func in list(self.filters.items()):
            self.filters[name] = _bounded_filter(name, func)
        self.filters["_budget"] = _budget_iter
        self.filters["_sized"] = _sized

    def add_filters(self, table: Mapping[str, Callable[..., object]]) -> None:
        for name, func in table.items():
            self.filters[name] = _bounded_filter(name, func)

    def call_binop(self, context: Context, operator: str, left: object, right: object) -> object:
        return _bounded_binop(operator, left, right)

    def call(__self, __context: Context, __obj: object, *args: object, **kwargs: object,  # noqa: N805
             ) -> object:
        BUDGET.tick()
        target = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        owner = getattr(target, "__self__", None)
        if isinstance(owner, (str, list, tuple)):
            _check_call(getattr(target, "__name__", ""), owner, args, kwargs)
        return _check_result(super().call(__context, __obj, *args, **kwargs))

    def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
        """Every loop draws from the render's budget: `for x in xs` runs over `xs|_budget`."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_budget", [], [], None, None, lineno=loop.lineno)
        for concat in tree.find_all(nodes.Concat):
            concat.nodes = [nodes.Filter(n, "_sized", [], [], None, None, lineno=concat.lineno)
                            for n in concat.nodes]
        return tree


def render_bounded(template: Template, context: Mapping[str, object]) -> str:
    """Render with a fresh budget and a cap on the output."""
    BUDGET.start()
    pieces: list[str] = []
    total = 0
    for piece in template.generate(**context):
        total += len(piece)
        if total > MAX_OUTPUT:
            raise LimitError(f"模板输出超过 {MAX_OUTPUT} 个字符，已停止")
        pieces.append(piece)
    return "".join(pieces)


class FolderLoader(BaseLoader):
    """Templates from the given folders only, by real path; read with a byte limit."""

    def __init__(self, folders: list[str]) -> None:
        self.folders = folders

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        from .errors import DrafterError, TemplateError
        from .reading import inside, read_limited, shown

        pieces = split_template_path(template)
        for folder in self.folders:
            real_folder = os.path.realpath(folder)  # now: a relative folder follows the cwd
            path = os.path.join(folder, *pieces)
            if not os.path.lexists(path):
                continue
            real = os.path.realpath(path)
            if not inside(real, real_folder):
                raise LimitError(f"模板“{shown(template)}”通过符号链接指向模板文件夹之外，已拒绝读取")
            try:
                data = read_limited(real, limit=MAX_TEMPLATE_BYTES, what="模板文件",
                                    error=TemplateError)
            except DrafterError as exc:
                raise LimitError(f"模板“{shown(template)}”：{exc.problems[0].message}") from None
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                raise LimitError(f"模板“{shown(template)}”不是 UTF-8 编码（第 {line} 行），"
                                 "请在编辑器中另存为 UTF-8") from None
            mtime = os.path.getmtime(real)

            def uptodate(path: str = path, real: str = real, mtime: float = mtime) -> bool:
                try:
                    return os.path.realpath(path) == real and os.path.getmtime(real) == mtime
                except OSError:
                    return False

            return text, os.path.normpath(path), uptodate
        raise TemplateNotFound(template)

