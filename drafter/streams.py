"""Writing to standard output and standard error whatever state they are in.

Bytes go out as UTF-8 whatever the locale (the same outline gives the same bytes; a message
stays readable on a terminal whose locale is misreported as ASCII or Latin-1). Names and
text from outside are made printable first (undecodable bytes as \\xNN).

A broken pipe, a full disk or a closed stdout becomes an OutputError (one message on
standard error, exit 2); a failing standard error is given up on silently (nothing can be
said), and the exit code stays what it was.

``report_failure`` is the one reporter for what ends a run early (a user's error, Ctrl-C, a
broken or full output): the Typer app and the start-up fast path both call it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from .errors import DrafterError, Interrupted, OutputError

if TYPE_CHECKING:
    from rich.console import Console


def write_out(text: str) -> None:
    stream = sys.stdout
    if stream is None:
        raise OutputError("标准输出已关闭，无法写出结果", hint="请把结果用 -o 写入文件")
    try:
        _write(stream, text)
    except OSError as exc:
        _silence(stream)
        raise OutputError(_message(exc)) from None


def write_err(text: str) -> None:
    stream = sys.stderr
    if stream is None:
        return
    try:
        _write(stream, text + "\n")
    except (OSError, ValueError):
        _silence(stream)


def _write(stream: TextIO, text: str) -> None:
    from .reading import printable

    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a replaced stream (tests, IDEs): it takes text
        stream.write(printable(text))
        stream.flush()
        return
    stream.flush()
    buffer.write(printable(text).encode("utf-8"))
    buffer.flush()


def _message(exc: OSError) -> str:
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        return "输出管道已被关闭（接收的程序已退出），结果没有完整写出"
    if exc.errno == errno.ENOSPC:
        return "磁盘已满，结果没有完整写出"
    if exc.errno == errno.EBADF:
        return "标准输出已关闭，无法写出结果"
    return f"无法写出结果：{exc.strerror or exc}"


def _silence(stream: Any) -> None:
    """Point the broken stream at the null device, so that the interpreter's final flush
    does not print a traceback of its own."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def is_utf8(stream: object) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def open_problem(exc: BaseException) -> OutputError | None:
    """An OSError from writing to a terminal stream (rich prints directly), as a message."""
    if isinstance(exc, OSError) and (isinstance(exc, BrokenPipeError) or exc.errno in (
            errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO)):
        if sys.stdout is not None:
            _silence(sys.stdout)
        return OutputError(_message(exc))
    return None


def report_failure(exc: BaseException) -> int | None:
    """Print the one message for what ended the run and return its exit code; None when
    ``exc`` is a bug (the caller re-raises it, traceback and all)."""
    if isinstance(exc, KeyboardInterrupt):
        exc = Interrupted()
    if isinstance(exc, Interrupted):  # not the user's error: no 错误： prefix
        write_err(f"{exc.render()}。")
        return exc.exit_code
    if isinstance(exc, DrafterError):
        write_err(f"错误：{exc.render()}")
        return exc.exit_code
    problem = open_problem(exc)  # rich printing straight to a broken or full stdout
    if problem is None:
        return None
    write_err(f"错误：{problem.render()}")
    return problem.exit_code


def preview_console(width: int | None) -> Console:
    """A rich Console for the preview. On a stream that cannot take UTF-8 (PYTHONIOENCODING=
    latin-1, the C locale) the preview degrades to ASCII-safe output: ASCII boxes, and any
    character the stream cannot encode written as an escape, never an encode error."""
    import io

    from rich.console import Console

    stream = sys.stdout
    if stream is None:
        raise OutputError("标准输出已关闭，无法显示预览")
    if is_utf8(stream) or getattr(stream, "buffer", None) is None:
        return Console(width=width, highlight=False)
    encoding = getattr(stream, "encoding", None) or "ascii"
    wrapper = io.TextIOWrapper(stream.buffer, encoding=encoding, errors="backslashreplace",
                               line_buffering=True)
    return Console(file=wrapper, width=width or 80, highlight=False, color_system=None)
