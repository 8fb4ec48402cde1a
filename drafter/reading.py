"""One way to read a file the writer names: a regular file, read with a byte limit.

Every reader (outline, speech, draft, template, phrasebank, .docx) goes through
``read_limited``. It refuses folders, FIFOs, devices and sockets before reading a byte
(a FIFO is opened non-blocking, so it never hangs), and it counts the bytes it actually
reads, so ``/dev/zero`` behind a symlink or a 30 MB pipe on standard input stops at the
cap instead of filling memory. ``-`` is standard input, with the same cap.

Names from outside (file names in any encoding, text shown in a terminal) are turned into
printable data by ``shown``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from pathlib import Path

from .errors import DrafterError, OutlineError
from .lazyre import compiled

STDIN = "-"
_CHUNK = 1 << 16


def _size_text(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MB"
    return f"{max(1, limit // 1024)} KB"


NAME_MAX = 255  # bytes in one file name on every common file system
LONG_NAME = "文件名过长（超过系统允许的 255 字节，约 85 个汉字），请改短文件名"


def name_too_long(path: Path | str) -> bool:
    return any(len(os.fsencode(part)) > NAME_MAX for part in Path(path).parts)


def read_limited(path: Path | str, *, limit: int, what: str,
                 error: type[DrafterError] = OutlineError, hint: str | None = None) -> bytes:
    """The bytes of a regular file (or standard input for "-"), at most ``limit`` of them."""
    name = "<标准输入>" if str(path) == STDIN else shown(str(path))
    if str(path) == STDIN:
        data = _read_stdin(limit, what, error)
    else:
        if name_too_long(path):
            raise error(LONG_NAME, file=name)
        try:
            data = _read_regular(_open(path, what, error, name), limit, what, error, name, hint)
        except DrafterError:
            raise
        except OSError as exc:
            raise error(_os_message(exc, what), file=name) from None
    if data is None:
        raise error(f"{what}过大，上限为 {_size_text(limit)}", file=name, hint=hint)
    return data


def _read_stdin(limit: int, what: str, error: type[DrafterError]) -> bytes | None:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise error(f"无法从标准输入读取{what}（标准输入已关闭）", file="<标准输入>")
    return _read_stream(stream.read, limit)


def _open(path: Path | str, what: str, error: type[DrafterError], name: str) -> int:
    """A descriptor, opened non-blocking (a FIFO never hangs); a folder is refused first."""
    if os.path.isdir(path):
        raise error(f"这是一个文件夹，不是{what}", file=name)
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))


def _read_regular(fd: int, limit: int, what: str, error: type[DrafterError], name: str,
                  hint: str | None) -> bytes | None:
    """Read from ``fd`` (and close it) if it is a regular file within the limit."""
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"这是一个文件夹，不是{what}", file=name)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"这不是普通文件（是设备、管道或套接字），不能作为{what}读取", file=name,
                        hint="请给出保存在磁盘上的文件")
        if info.st_size > limit:
            raise error(f"{what}过大（{_size_text(info.st_size)}），上限为 {_size_text(limit)}",
                        file=name, hint=hint)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return _read_stream(handle.read, limit)
    finally:
        if fd >= 0:
            os.close(fd)


def _read_stream(read: object, limit: int) -> bytes | None:
    """Read at most limit bytes; None when there are more."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(_CHUNK, limit + 1 - total))  # type: ignore[operator]
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None


def _os_message(exc: OSError, what: str) -> str:
    code = exc.errno
    if code == errno.ENOENT:
        return f"找不到{what}，请检查路径是否正确"
    if code in (errno.EACCES, errno.EPERM):
        return f"没有读取{what}的权限"
    if code == errno.ENAMETOOLONG:
        return LONG_NAME
    if code == errno.ELOOP:
        return "符号链接循环指向自己，无法读取"
    if code == errno.ENOTDIR:
        return f"路径中的某一级不是文件夹，找不到{what}"
    if code == errno.EISDIR:
        return f"这是一个文件夹，不是{what}"
    return f"无法读取{what}：{exc.strerror or exc}"


def inside(path: str, folder: str) -> bool:
    """Whether path's real location lies inside folder's real location."""
    real, real_folder = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, real_folder]) == real_folder
    except ValueError:  # different drives on Windows
        return False


# --- .docx (a zip of XML parts) ------------------------------------------------------------

DOCX_MAX_MEMBER = 64 * 1024 * 1024  # one part, unpacked
DOCX_MAX_TOTAL = 128 * 1024 * 1024  # all parts, unpacked
DOCX_MAX_RATIO = 200  # unpacked / packed, for parts over 1 MB: a zip bomb is thousands
DOCX_MAX_MEMBERS = 5000


def check_zip(data: bytes, name: str, *, error: type[DrafterError] = DrafterError) -> None:
    """Refuse zip bombs before anything unpacks them: sizes and ratios from the directory.
    (zipfile never inflates a member past its declared size, so the declared sizes bound it.)"""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise error("无法读取这个 .docx 文件（可能已损坏，或不是 Word 文档）", file=shown(name)) from None
    if len(members) > DOCX_MAX_MEMBERS:
        raise error(f".docx 文件里的部件过多（{len(members)} 个），不像正常的 Word 文档，已拒绝读取",
                    file=shown(name))
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if (member.file_size > DOCX_MAX_MEMBER or total > DOCX_MAX_TOTAL
                or (member.file_size > 1024 * 1024 and ratio > DOCX_MAX_RATIO)):
            raise error(".docx 文件解压后异常巨大（可能是“压缩炸弹”），已拒绝读取", file=shown(name),
                        hint="请用 Word 或 WPS 打开后另存一份再检查")


# --- showing names and text from outside ---------------------------------------------------

_UNSAFE = compiled(r"[\ud800-\udfff\x00-\x08\x0a-\x1f\x7f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code == 0x0A:
        return "\\n"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def shown(text: str) -> str:
    """Text safe to print on one line: undecodable bytes as \\xNN, control characters escaped."""
    return _UNSAFE.sub(_escape, text)


def printable(text: str) -> str:
    """Like ``shown`` but keeps line breaks (for whole messages)."""
    return "\n".join(shown(line) for line in text.split("\n"))
