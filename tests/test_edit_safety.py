"""`drafter edit` under hostile conditions: another program changing the outline, a second
edit, symlinks, private files, editors that save the wrong bytes, closed standard input."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.edit import backup_path, draft_path, lock_path

from .conftest import ROOT
from .test_watch_edit import fake_editor

runner = CliRunner()
DEPLOY = ROOT / "outlines" / "deploy.yaml"
APPEND = """
    path.write_text(path.read_text(encoding="utf-8") + "# 我的修改\\n", encoding="utf-8")
"""


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    path = tmp_path / "speech.yaml"
    shutil.copy(DEPLOY, path)
    return path


def edit(outline: Path, editor: str, monkeypatch: pytest.MonkeyPatch, answers: str = ""):
    monkeypatch.setenv("VISUAL", editor)
    return runner.invoke(app, ["edit", str(outline)], input=answers)


def other_program_edits(outline: Path) -> str:
    """An editor during whose session a sync client rewrites the outline."""
    return f"""
    other = pathlib.Path({str(outline)!r})
    other.write_text(other.read_text(encoding="utf-8") + "# 同步来的修改\\n", encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + "# 我的修改\\n", encoding="utf-8")
    """


def conflict_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("speech.冲突-*.yaml"))


def test_a_change_by_another_program_is_never_overwritten(outline, tmp_path, monkeypatch) -> None:
    result = edit(outline, fake_editor(tmp_path, other_program_edits(outline)), monkeypatch)
    assert result.exit_code == 2, result.output
    assert "被其他程序修改" in result.output and "Traceback" not in result.output
    assert "# 同步来的修改" in outline.read_text(encoding="utf-8")  # theirs stays in place
    [mine] = conflict_files(tmp_path)
    assert "# 我的修改" in mine.read_text(encoding="utf-8")  # ours is kept beside it
    assert "# 同步来的修改" not in mine.read_text(encoding="utf-8")
    assert not lock_path(outline).exists()


def test_on_a_conflict_the_writer_may_take_their_version(outline, tmp_path, monkeypatch) -> None:
    result = edit(outline, fake_editor(tmp_path, other_program_edits(outline)), monkeypatch, "m\n")
    assert result.exit_code == 0, result.output
    text = outline.read_text(encoding="utf-8")
    assert "# 我的修改" in text and "# 同步来的修改" not in text
    assert "# 同步来的修改" in backup_path(outline).read_text(encoding="utf-8")  # theirs is the backup
    assert conflict_files(tmp_path) == [] and not draft_path(outline).exists()


def test_on_a_conflict_keeping_both_changes_nothing(outline, tmp_path, monkeypatch) -> None:
    result = edit(outline, fake_editor(tmp_path, other_program_edits(outline)), monkeypatch, "k\n")
    assert result.exit_code == 0 and "自行合并" in result.output
    assert "# 同步来的修改" in outline.read_text(encoding="utf-8")
    assert len(conflict_files(tmp_path)) == 1


def test_a_second_edit_of_the_same_outline_refuses(outline, tmp_path, monkeypatch) -> None:
    # The editor of the first session starts a second `drafter edit` of the same file.
    nested = f"""
    import subprocess, os
    env = dict(os.environ, VISUAL={sys.executable!r} + " -c pass")
    done = subprocess.run([{sys.executable!r}, "-m", "drafter", "edit", {str(outline)!r}],
                          capture_output=True, env=env, stdin=subprocess.DEVNULL)
    pathlib.Path({str(tmp_path / "second.txt")!r}).write_bytes(
        str(done.returncode).encode() + b" " + done.stderr)
    path.write_text(path.read_text(encoding="utf-8") + "# 第一个窗口\\n", encoding="utf-8")
    """
    result = edit(outline, fake_editor(tmp_path, nested), monkeypatch)
    assert result.exit_code == 0, result.output
    second = (tmp_path / "second.txt").read_bytes().decode("utf-8")
    assert second.startswith("2 ") and "正在另一个 drafter edit 中编辑" in second
    assert "# 第一个窗口" in outline.read_text(encoding="utf-8")
    assert not lock_path(outline).exists()


def test_a_stale_lock_is_taken_over(outline, tmp_path, monkeypatch) -> None:
    import socket

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    lock_path(outline).write_text(f"{dead} {socket.gethostname()}\n", encoding="utf-8")
    result = edit(outline, fake_editor(tmp_path, APPEND), monkeypatch)
    assert result.exit_code == 0, result.output
    assert not lock_path(outline).exists()


def test_a_symlinked_outline_edits_its_target_and_stays_a_link(outline, tmp_path, monkeypatch) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(outline.name)
    result = edit(link, fake_editor(tmp_path, APPEND), monkeypatch)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == outline.name
    assert "# 我的修改" in outline.read_text(encoding="utf-8")
    assert backup_path(outline).exists() and not backup_path(link).exists()


def test_private_modes_are_kept_on_outline_backup_and_draft(outline, tmp_path, monkeypatch) -> None:
    outline.chmod(0o600)
    seen = tmp_path / "draft-mode"
    editor = fake_editor(tmp_path, f"""
    import os, stat
    pathlib.Path({str(seen)!r}).write_text(oct(stat.S_IMODE(os.stat(path).st_mode)))
    """ + APPEND)
    result = edit(outline, editor, monkeypatch)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(outline.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_path(outline).stat().st_mode) == 0o600
    assert seen.read_text() == "0o600"


def test_render_force_keeps_the_mode_of_the_file_it_replaces(outline, tmp_path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("旧稿", encoding="utf-8")
    target.chmod(0o600)
    result = runner.invoke(app, ["render", str(outline), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and "旧稿" not in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("body", "needle"), [
    ("path.write_bytes(path.read_text(encoding='utf-8').encode('gbk', 'replace'))", "不是 UTF-8"),
    ("path.write_bytes(path.read_bytes() + b'# ' + b'x' * 3_000_000 + b'\\n')", "过大"),
])
def test_what_is_validated_is_what_is_saved(outline, tmp_path, monkeypatch, body, needle) -> None:
    original = outline.read_bytes()
    result = edit(outline, fake_editor(tmp_path, body), monkeypatch, answers="k\n")
    assert result.exit_code == 2, result.output
    assert needle in result.output and "k 仍然保存" not in result.output
    assert outline.read_bytes() == original and draft_path(outline).exists()


def test_closed_stdin_at_the_prompt_keeps_the_draft(outline, tmp_path) -> None:
    editor = fake_editor(tmp_path, "path.write_text(path.read_text(encoding='utf-8').replace('speaker:', 'speakr:'), encoding='utf-8')\n")
    env = dict(os.environ, VISUAL=editor)
    done = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m drafter edit "{outline}" <&-'],
                          capture_output=True, env=env, timeout=60)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2, stderr
    assert "Traceback" not in stderr and "修改保存在" in stderr
    assert draft_path(outline).exists()
