"""Writing results without ever losing what is already on disk.

Writes go to a temporary file in the target folder and are then moved into place in one
step, so a crash leaves either the old file or the new one, never half of either. Without
``force`` an existing file is never replaced, not even by a race: the final step is a hard
link, which fails if the name was taken meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError

NAME_MAX = 255  # bytes in one file name on every common file system


def check_target(path: Path, *, force: bool) -> None:
    """Fail early, before any work, when the target cannot be written."""
    from .reading import shown

    name = shown(str(path))
    if len(os.fsencode(path.name)) > NAME_MAX:
        raise OutputError(f"文件名过长（{len(os.fsencode(path.name))} 字节，上限 {NAME_MAX} 字节，约 85 个汉字）",
                          file=name, hint="请改用短一些的文件名")
    if path.is_dir():
        raise OutputError("输出路径是一个文件夹，请写上文件名", file=name)
    if path.exists() and not force:
        raise OutputError("文件已存在，为避免覆盖已停止", file=name,
                          hint="确认要覆盖请加 --force，或换一个文件名")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"输出目录“{shown(str(parent))}”不存在", file=name, hint="请先创建该目录，或换一个路径")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"没有写入目录“{shown(str(parent))}”的权限", file=name)


def check_output(output: Path, *, force: bool, reading_copy: bool) -> None:
    """Refuse an output that cannot be written, before any rendering."""
    from .export import is_supported, supported_suffixes
    from .reading import shown

    try:
        folder = output.is_dir()
    except OSError:  # a name too long to look up: check_target below says so in Chinese
        folder = False
    if folder:  # named as a folder, whatever its suffix
        raise OutputError("输出路径是一个文件夹，请写上文件名", file=shown(str(output)),
                          hint=f"例如：-o {shown(str(output / '讲话稿.docx'))}")
    if reading_copy:
        from .export.reading import READING_SUFFIXES

        if output.suffix.lower() not in READING_SUFFIXES:
            raise OutputError(f"念稿只能写成 .docx 或 .html 文件，不支持“{output.suffix or '（无后缀）'}”",
                              file=str(output),
                              hint="例如：drafter render 大纲.yaml --reading-copy -o 念稿.docx")
    if not is_supported(output.suffix):
        suffix = output.suffix or "（无后缀）"
        raise OutputError(f"不支持的输出格式“{suffix}”，支持：{supported_suffixes()}", file=str(output))
    check_target(output, force=force)


def _temp_prefix(path: Path) -> str:
    """A temporary name beside the target that stays within NAME_MAX whatever the target's."""
    prefix = f".{path.name}."
    if len(os.fsencode(prefix)) + 16 > NAME_MAX:
        return ".drafter-"
    return prefix


def write_atomic(path: Path, data: str | bytes, *, force: bool = False,
                 mode: int | None = None) -> None:
    """Write all or nothing. Replacing a file (force) keeps its permission bits, so a 0600
    outline stays private; ``mode`` sets them for a new file (default: 0666 less the umask)."""
    from .reading import shown

    check_target(path, force=force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    parent = path.parent if str(path.parent) else Path(".")
    name = shown(str(path))
    if mode is None and force:
        mode = _existing_mode(path)
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(dir=parent, prefix=_temp_prefix(path), suffix=".tmp")
        _fill(fd, tmp_name, payload, mode)
        _move_into_place(tmp_name, path, name, force=force)
    except OSError as exc:
        raise _write_problem(exc, name) from None
    finally:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)


def _existing_mode(path: Path) -> int | None:
    """The permission bits of the regular file about to be replaced, if there is one."""
    with contextlib.suppress(OSError):
        existing = os.stat(path)
        if stat.S_ISREG(existing.st_mode):
            return stat.S_IMODE(existing.st_mode)
    return None


def _fill(fd: int, tmp_name: str, payload: bytes, mode: int | None) -> None:
    """The temporary file gets its permission bits and every byte, flushed to the disk."""
    with contextlib.suppress(OSError):
        os.chmod(tmp_name, 0o666 & ~_umask() if mode is None else mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def _move_into_place(tmp_name: str, path: Path, name: str, *, force: bool) -> None:
    """One step: replace (force), else a hard link that fails if the name was taken."""
    if force:
        os.replace(tmp_name, path)
        return
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        raise OutputError("文件已存在，为避免覆盖已停止", file=name,
                          hint="确认要覆盖请加 --force") from None
    except OSError:
        # File systems without hard links: fall back to a checked rename.
        if path.exists():
            raise OutputError("文件已存在，为避免覆盖已停止", file=name) from None
        os.replace(tmp_name, path)


_WRITE_PROBLEMS = {
    errno.ENOSPC: "磁盘已满，文件未写入（原有文件未受影响）",
    errno.ENAMETOOLONG: "文件名或路径过长，请改短一些",
    errno.EROFS: "这个位置是只读的，无法写入",
}


def _write_problem(exc: OSError, name: str) -> OutputError:
    if isinstance(exc, PermissionError):
        return OutputError("没有写入权限", file=name)
    message = _WRITE_PROBLEMS.get(exc.errno or 0, f"写入失败：{exc.strerror or exc}")
    return OutputError(message, file=name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
