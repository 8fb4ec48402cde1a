"""`drafter edit`: open an outline in the writer's editor, validate on save, never lose text.

The editor works on a draft copy beside the outline (``.NAME.drafter-edit``). The outline is
replaced only atomically, after the previous version is kept as ``NAME~``. Whatever goes wrong
(an editor that crashes, Ctrl-C, an invalid outline, a full disk) the draft copy stays, and the
next `drafter edit` offers to pick it up.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import DrafterError, OutputError


def draft_path(outline: Path) -> Path:
    return outline.with_name(f".{outline.name}.drafter-edit")


def backup_path(outline: Path) -> Path:
    return outline.with_name(outline.name + "~")


def editor_command() -> list[str]:
    """$VISUAL, then $EDITOR, then a sensible default for the platform."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            return shlex.split(value, posix=os.name != "nt")
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


Ask = Callable[[str], str]  # shows a prompt, returns the answer ("" when there is no terminal)


def edit_outline(outline: Path, *, ask: Ask, err: Callable[[str], None],
                 validate: Callable[[str, str], str | None] | None = None) -> EditResult:
    """The whole flow; ``validate(text, name)`` returns a problem message or None."""
    from .output import write_atomic

    if not outline.exists():
        raise DrafterError("找不到大纲文件", file=str(outline),
                           hint="新建大纲请用 drafter new 会议类型 -o 文件名")
    validate = validate or _validate
    draft = draft_path(outline)
    original = outline.read_bytes()
    if draft.exists():
        answer = ask(f"发现上次没有保存完的修改（{draft.name}）。继续编辑它吗？[y 继续 / n 丢弃它，从原文件开始] ")
        if answer.strip().lower() not in ("y", "yes", "是", "继续", ""):
            draft.unlink()
    if not draft.exists():
        write_atomic(draft, original, force=True)
    while True:
        _run_editor(draft, err)
        text_bytes = draft.read_bytes()
        if text_bytes == original:
            draft.unlink()
            return EditResult(False, "没有修改，原文件保持不变。")
        problem = validate(text_bytes.decode("utf-8", errors="replace"), str(outline))
        if problem is None:
            break
        err(problem)
        answer = ask("大纲有问题。[r 回到编辑器修改 / k 仍然保存 / d 放弃这次修改] ").strip().lower()
        if answer in ("r", ""):
            if answer == "" and not sys.stdin.isatty():
                raise DrafterError(f"大纲有问题，修改保存在 {draft}，原文件未改动",
                                   hint="修正后再运行 drafter edit，会接着这份修改继续")
            continue
        if answer == "k":
            break
        if answer == "d":
            draft.unlink()
            return EditResult(False, "已放弃这次修改，原文件保持不变。")
    try:
        write_atomic(backup_path(outline), original, force=True)
        write_atomic(outline, text_bytes, force=True)
    except OutputError as exc:
        raise DrafterError(f"{exc.problems[0].message}；您的修改保存在 {draft}，原文件未改动") from None
    draft.unlink()
    return EditResult(True, f"已保存 {outline}（上一版保留在 {backup_path(outline).name}）")


def _run_editor(path: Path, err: Callable[[str], None]) -> None:
    command = editor_command() + [str(path)]
    try:
        completed = subprocess.run(command, check=False)
    except KeyboardInterrupt:
        raise DrafterError(f"已中断；您输入的内容保存在 {path}，原文件未改动",
                           hint="再次运行 drafter edit 可以接着编辑") from None
    except FileNotFoundError:
        raise DrafterError(f"无法启动编辑器“{command[0]}”；修改保存在 {path}",
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
