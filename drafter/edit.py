"""`drafter edit`: open an outline in the writer's editor, validate on save, never lose text.

The editor works on a draft copy beside the outline (``.NAME.drafter-edit``). The outline is
replaced only atomically, after the previous version is kept as ``NAME~``. Whatever goes wrong
(an editor that crashes, Ctrl-C, an invalid outline, a full disk) the draft copy stays, and the
next `drafter edit` offers to pick it up.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import socket
import stat
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from .errors import DrafterError, Interrupted


def draft_path(outline: Path) -> Path:
    return outline.with_name(f".{outline.name}.drafter-edit")


def backup_path(outline: Path) -> Path:
    return outline.with_name(outline.name + "~")


def editor_command() -> list[str]:
    """$VISUAL, then $EDITOR, then a sensible default for the platform."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            try:
                words = shlex.split(value, posix=os.name != "nt")
            except ValueError:
                words = []
            if not words:
                raise DrafterError(f"环境变量 {var} 的写法有误（引号没有配对？）",
                                   hint="例如：export EDITOR=nano")
            return words
    if os.name == "nt":
        return ["notepad"]
    for candidate in ("nano", "vim", "vi"):
        if shutil.which(candidate):
            return [candidate]
    raise DrafterError("找不到可用的编辑器", hint="请设置环境变量 VISUAL 或 EDITOR，例如 export EDITOR=nano")


@dataclass
class EditResult:
    saved: bool
    message: str


# Shows a prompt and returns the answer; None when nobody can answer (no terminal, stdin
# closed or at its end).
Ask = Callable[[str], "str | None"]


def lock_path(outline: Path) -> Path:
    return outline.with_name(f".{outline.name}.drafter-lock")


def conflict_path(outline: Path, when: float | None = None) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(when))
    return outline.with_name(f"{outline.stem}.冲突-{stamp}{outline.suffix}")


@dataclass
class _Seen:
    """What the outline was when we read it: to tell whether someone changed it since."""

    digest: str
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, data: bytes, path: Path) -> _Seen:
        info = os.stat(path)
        return cls(hashlib.sha256(data).hexdigest(), info.st_mtime_ns, info.st_size)


def edit_outline(outline: Path, *, ask: Ask, err: Callable[[str], None],
                 validate: Callable[[str, str], str | None] | None = None) -> EditResult:
    """The whole flow; ``validate(text, name)`` returns a problem message or None.

    A symlinked outline is edited where it points (the link stays a link). A lock beside the
    real file keeps a second `drafter edit` out. Before the outline is replaced it is read
    again; if another program changed it meanwhile, both versions are kept."""
    from .loader import MAX_BYTES
    from .reading import read_limited, shown

    shown_name = shown(str(outline))
    try:
        exists = os.path.lexists(outline)
    except (OSError, ValueError):
        exists = False
    if not exists:
        raise DrafterError("找不到大纲文件", file=shown_name,
                           hint="新建大纲请用 drafter new 会议类型 -o 文件名")
    editor_command()  # a missing or malformed editor setting fails before any file is made
    real = Path(os.path.realpath(outline))
    original = read_limited(real, limit=MAX_BYTES, what="大纲文件")
    mode = stat.S_IMODE(os.stat(real).st_mode)
    seen = _Seen.of(original, real)
    with _locked(real, shown_name):
        return _edit_locked(outline, real, original, seen, mode, ask=ask, err=err,
                            validate=validate or _validate)


def _edit_locked(outline: Path, real: Path, original: bytes, seen: _Seen, mode: int, *,
                 ask: Ask, err: Callable[[str], None],
                 validate: Callable[[str, str], str | None]) -> EditResult:
    draft = _prepare_draft(outline, real, original, mode, ask)
    while True:
        _run_editor(draft, err)
        text_bytes = _read_draft(draft)
        if text_bytes == original:
            draft.unlink()
            return EditResult(False, "没有修改，原文件保持不变。")
        verdict = _review(text_bytes, str(outline), draft, ask=ask, err=err, validate=validate)
        if isinstance(verdict, EditResult):
            return verdict
        if verdict:
            return _save(outline, real, draft, text_bytes, seen, mode, ask=ask)


def _prepare_draft(outline: Path, real: Path, original: bytes, mode: int, ask: Ask) -> Path:
    """The draft copy to edit: the one left by an unfinished edit if the writer wants it,
    else a fresh copy of the outline."""
    from .output import write_atomic

    draft = draft_path(real)
    if draft.is_symlink() or (draft.exists() and not draft.is_file()):
        raise DrafterError(f"修改稿 {draft} 不是普通文件，请先移走它", file=str(outline))
    if draft.exists():
        answer = ask(f"发现上次没有保存完的修改（{draft.name}）。继续编辑它吗？[y 继续 / n 丢弃它，从原文件开始] ")
        if answer is not None and answer.strip().lower() not in ("y", "yes", "是", "继续", ""):
            draft.unlink()
    if not draft.exists():
        write_atomic(draft, original, force=True, mode=mode)
    return draft


def _review(text_bytes: bytes, name: str, draft: Path, *, ask: Ask, err: Callable[[str], None],
            validate: Callable[[str, str], str | None]) -> EditResult | bool:
    """Check the edited draft. True: save it; False: back to the editor; an EditResult: the
    writer gave up this edit."""
    text, hard = _decode_draft(text_bytes, name)
    problem = hard or validate(text, name)
    if problem is None:
        return True
    err(problem)
    choices = "[r 回到编辑器修改 / d 放弃这次修改]" if hard else \
        "[r 回到编辑器修改 / k 仍然保存 / d 放弃这次修改]"
    answer = ask(f"大纲有问题。{choices} ")
    if answer is None:
        raise DrafterError(f"大纲有问题，修改保存在 {draft}，原文件未改动",
                           hint="修正后再运行 drafter edit，会接着这份修改继续")
    answer = answer.strip().lower()
    if answer == "k" and not hard:
        return True
    if answer == "d":
        draft.unlink()
        return EditResult(False, "已放弃这次修改，原文件保持不变。")
    if answer == "k":
        err("这份修改无法保存（见上面的问题），请选 r 或 d。")
    return False  # r, nothing, or anything else: back to the editor


def _save(outline: Path, real: Path, draft: Path, text_bytes: bytes, seen: _Seen, mode: int,
          *, ask: Ask) -> EditResult:
    from .loader import MAX_BYTES
    from .output import write_atomic
    from .reading import read_limited

    try:
        current = read_limited(real, limit=MAX_BYTES, what="大纲文件")
    except DrafterError:
        current = None  # gone, replaced by a folder or grown past the cap: not ours to replace
    changed = current is None or hashlib.sha256(current).hexdigest() != seen.digest
    if changed:
        keep = conflict_path(real)
        try:
            write_atomic(keep, text_bytes, mode=mode)
        except DrafterError as exc:
            raise DrafterError(f"{exc.problems[0].message}；您的修改保存在 {draft}，原文件未改动") from None
        draft.unlink()
        what = "被删除或移走" if current is None else "被其他程序修改"
        message = (f"您编辑期间，大纲 {outline} {what}了。为不丢失任何一方的内容，"
                   f"您的修改另存为 {keep.name}，原文件保持对方的版本")
        if current is None:
            raise DrafterError(message, hint="请比较两份内容后自行合并")
        answer = ask(f"{message}。[m 用我的修改替换它（对方的版本留作 {backup_path(real).name}）"
                     " / k 两份都保留，稍后自己合并] ")
        if answer is None or answer.strip().lower() != "m":
            if answer is None:
                raise DrafterError(message, hint="请比较两份内容后自行合并")
            return EditResult(False, f"{message}。请比较两份内容后自行合并。")
        draft = keep
        original = current
    else:
        original = current or b""
    try:
        write_atomic(backup_path(real), original, force=True, mode=mode)
        write_atomic(real, text_bytes, force=True, mode=mode)
    except DrafterError as exc:
        raise DrafterError(f"{exc.problems[0].message}；您的修改保存在 {draft}，原文件未改动") from None
    draft.unlink()
    return EditResult(True, f"已保存 {outline}（上一版保留在 {backup_path(real).name}）")


def _read_draft(draft: Path) -> bytes:
    from .loader import MAX_BYTES
    from .reading import read_limited

    if not os.path.lexists(draft):
        raise DrafterError(f"编辑器删除了修改稿 {draft.name}，原文件未改动",
                           hint="再次运行 drafter edit 重新编辑")
    try:
        # A little beyond the cap, so that an oversized draft is explained, not lost.
        return read_limited(draft, limit=4 * MAX_BYTES, what="修改稿")
    except DrafterError as exc:
        raise DrafterError(f"{exc.problems[0].message}；原文件未改动", file=str(draft)) from None


def _decode_draft(data: bytes, name: str) -> tuple[str, str | None]:
    """The text to validate, or a problem that no answer can keep (size, encoding)."""
    from .loader import MAX_BYTES, decode_text

    if len(data) > MAX_BYTES:
        return "", (f"{name}：修改后的大纲过大（{len(data) // 1024} KB），上限为 "
                    f"{MAX_BYTES // 1024 // 1024} MB，保存后将无法使用")
    try:
        return decode_text(data, name=name), None
    except DrafterError as exc:
        return "", exc.render()


@contextmanager
def _locked(real: Path, name: str) -> Iterator[None]:
    """One `drafter edit` per outline: a lock file beside it naming the process that holds it.
    A lock left by a process that is gone (a crash, a closed terminal) is taken over."""
    lock = lock_path(real)
    stamp = f"{os.getpid()} {socket.gethostname()}\n".encode()
    for _attempt in range(2):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            holder = _holder(lock)
            if holder is not None:
                raise DrafterError(f"这份大纲正在另一个 drafter edit 中编辑（进程 {holder}）", file=name,
                                   hint="请先在那个窗口保存并关闭编辑器；若确认没有在编辑，删除 "
                                        f"{lock.name} 后重试") from None
            with suppress(OSError):
                lock.unlink()
            continue
        except OSError as exc:
            raise DrafterError(f"无法在大纲所在的文件夹里创建编辑锁：{exc.strerror or exc}",
                               file=name) from None
        break
    else:  # pragma: no cover - two stale locks in a row
        raise DrafterError("无法取得编辑锁，请稍后重试", file=name)
    try:
        os.write(fd, stamp)
        os.close(fd)
        yield
    finally:
        with suppress(OSError):
            lock.unlink()


def _holder(lock: Path) -> str | None:
    """The live process holding the lock, or None when the lock is stale."""
    try:
        pid_text, _, host = lock.read_text(encoding="utf-8", errors="replace").strip().partition(" ")
        pid = int(pid_text)
    except (OSError, ValueError):
        # Unreadable or half written: a lock taken this very moment counts as held.
        try:
            return "未知" if time.time() - lock.stat().st_mtime < 60 else None
        except OSError:
            return None
    if host and host != socket.gethostname():
        return f"{pid}，在 {host} 上"
    if pid == os.getpid():
        return str(pid)
    if os.name == "nt":
        # os.kill would terminate the process on Windows: judge by the lock's age instead.
        try:
            return str(pid) if time.time() - lock.stat().st_mtime < 12 * 3600 else None
        except OSError:
            return None
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return None
    except OSError:  # exists but belongs to someone else
        return str(pid)
    return str(pid)


def _run_editor(path: Path, err: Callable[[str], None]) -> None:
    command = editor_command() + [str(path)]
    try:
        completed = subprocess.run(command, check=False)
    except KeyboardInterrupt:
        raise Interrupted(f"您输入的内容保存在 {path}",
                          hint="再次运行 drafter edit 可以接着编辑") from None
    except (FileNotFoundError, PermissionError, NotADirectoryError):
        raise DrafterError(f"无法启动编辑器“{command[0]}”；修改保存在 {path}",
                           hint="请检查 VISUAL / EDITOR 环境变量") from None
    except OSError as exc:
        raise DrafterError(f"无法启动编辑器“{command[0]}”（{exc.strerror or exc}）；修改保存在 {path}",
                           hint="请检查 VISUAL / EDITOR 环境变量") from None
    if completed.returncode != 0:
        raise DrafterError(f"编辑器异常退出（退出码 {completed.returncode}）；您输入的内容保存在 {path}，原文件未改动",
                           hint="再次运行 drafter edit 可以接着编辑")


def _validate(text: str, name: str) -> str | None:
    from .loader import load_outline_text
    from .render import render_outline

    try:
        render_outline(load_outline_text(text, name))
    except DrafterError as exc:
        return exc.render()
    return None
