"""`preview --watch`, `edit` with scripted fake editors, and `new --from`: nothing the writer
typed is ever lost."""

from __future__ import annotations

import shutil
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.edit import backup_path, draft_path
from drafter.watch import file_changes, run_watch, watch_paths, watch_updates

from .conftest import ROOT

runner = CliRunner()
DEPLOY = ROOT / "outlines" / "deploy.yaml"


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    path = tmp_path / "speech.yaml"
    shutil.copy(DEPLOY, path)
    return path


# --- watch ---------------------------------------------------------------------------------

def test_watch_keeps_the_last_good_render_and_shows_the_error(outline: Path) -> None:
    def changes():
        outline.write_text("titel: 讲话\n", encoding="utf-8")
        yield [(2, str(outline))]
        yield [(2, str(outline.with_name("other.txt")))]  # not ours: no update
        outline.unlink()
        yield [(3, str(outline))]
        shutil.copy(ROOT / "outlines" / "symposium.yaml", outline)
        yield [(1, str(outline))]

    updates = list(watch_updates(outline, [], 220, changes()))
    assert [u.document.title if u.document else None for u in updates] == [
        "在滨河街道2026年城市更新和老旧小区改造工作推进会上的讲话", "在滨河街道2026年城市更新和老旧小区改造工作推进会上的讲话",
        "在滨河街道2026年城市更新和老旧小区改造工作推进会上的讲话", "在全市制造业民营企业家座谈会上的讲话"]
    assert updates[1].error and "未知字段“titel”" in updates[1].error
    assert updates[2].waiting and "暂时不存在" in updates[2].error
    assert updates[3].error is None


def test_watch_rerenders_when_a_template_changes(outline: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    template = folder / "deploy.j2"
    template.write_text('{% extends "base.j2" %}\n{% block opening %}\n@p 第一版开场。\n{% endblock %}\n',
                        encoding="utf-8")

    def changes():
        template.write_text(template.read_text(encoding="utf-8").replace("第一版", "第二版"), encoding="utf-8")
        yield [(2, str(template))]

    texts = [u.document.body_text() for u in watch_updates(outline, [folder], 220, changes())]
    assert "第一版开场" in texts[0] and "第二版开场" in texts[1]


def test_watch_with_the_real_file_watcher(outline: Path) -> None:
    shown: list[object] = []
    event = threading.Event()
    stop = threading.Event()

    def show(screen: object) -> None:
        shown.append(screen)
        event.set()

    thread = threading.Thread(target=run_watch, daemon=True, args=(
        outline, [], 220, show, file_changes(watch_paths(outline, []), stop)))
    thread.start()
    assert event.wait(10)
    time.sleep(0.5)
    event.clear()
    outline.write_text(outline.read_text(encoding="utf-8").replace("许某某", "许某某同志"), encoding="utf-8")
    assert event.wait(5), "no re-render after a save"
    stop.set()
    thread.join(5)
    assert len(shown) >= 2


def test_preview_watch_of_a_missing_file() -> None:
    result = runner.invoke(app, ["preview", "--watch", "no-such.yaml"])
    assert result.exit_code == 2 and "找不到大纲文件" in result.output


# --- edit with fake editors ------------------------------------------------------------------

def fake_editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / f"editor_{abs(hash(body))}.py"
    script.write_text("import sys, pathlib\npath = pathlib.Path(sys.argv[1])\n" + textwrap.dedent(body),
                      encoding="utf-8")
    return f"{sys.executable} {script}"


def edit(outline: Path, editor: str, monkeypatch: pytest.MonkeyPatch, answers: str = ""):
    monkeypatch.setenv("VISUAL", editor)
    return runner.invoke(app, ["edit", str(outline)], input=answers)


def test_valid_edit_is_saved_with_a_backup_and_comments_kept(outline, tmp_path, monkeypatch) -> None:
    original = outline.read_text(encoding="utf-8")
    editor = fake_editor(tmp_path, """
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("许某某", "许某某同志") + "# 我加的注释\\n", encoding="utf-8")
    """)
    result = edit(outline, editor, monkeypatch)
    assert result.exit_code == 0, result.output
    text = outline.read_text(encoding="utf-8")
    assert "许某某同志" in text and "# 我加的注释" in text and text.startswith("# yaml-language-server")
    assert backup_path(outline).read_text(encoding="utf-8") == original
    assert not draft_path(outline).exists()


def test_no_change_leaves_everything_alone(outline, tmp_path, monkeypatch) -> None:
    result = edit(outline, fake_editor(tmp_path, "pass\n"), monkeypatch)
    assert result.exit_code == 0 and "没有修改" in result.output
    assert not backup_path(outline).exists() and not draft_path(outline).exists()


def test_editor_crash_keeps_what_was_typed(outline, tmp_path, monkeypatch) -> None:
    original = outline.read_bytes()
    crash = fake_editor(tmp_path, """
        path.write_text(path.read_text(encoding="utf-8") + "# 写了一半\\n", encoding="utf-8")
        sys.exit(3)
    """)
    result = edit(outline, crash, monkeypatch)
    assert result.exit_code == 2 and "编辑器异常退出" in result.output and "Traceback" not in result.output
    assert outline.read_bytes() == original
    assert "# 写了一半" in draft_path(outline).read_text(encoding="utf-8")
    # the next edit picks the draft up
    finish = fake_editor(tmp_path, """
        path.write_text(path.read_text(encoding="utf-8") + "# 写完了\\n", encoding="utf-8")
    """)
    result = edit(outline, finish, monkeypatch, answers="y\n")
    assert result.exit_code == 0, result.output
    text = outline.read_text(encoding="utf-8")
    assert "# 写了一半" in text and "# 写完了" in text


def break_outline() -> str:
    return """
        path.write_text(path.read_text(encoding="utf-8").replace("speaker:", "speakr:"), encoding="utf-8")
    """


def test_invalid_edit_discard(outline, tmp_path, monkeypatch) -> None:
    original = outline.read_bytes()
    result = edit(outline, fake_editor(tmp_path, break_outline()), monkeypatch, answers="d\n")
    assert result.exit_code == 0 and "未知字段“speakr”" in result.output and "已放弃" in result.output
    assert outline.read_bytes() == original and not draft_path(outline).exists()


def test_invalid_edit_keep_anyway(outline, tmp_path, monkeypatch) -> None:
    result = edit(outline, fake_editor(tmp_path, break_outline()), monkeypatch, answers="k\n")
    assert result.exit_code == 0
    assert "speakr:" in outline.read_text(encoding="utf-8") and backup_path(outline).exists()


def test_invalid_edit_reopen_then_fix(outline, tmp_path, monkeypatch) -> None:
    counter = tmp_path / "runs"
    editor = fake_editor(tmp_path, f"""
        runs = pathlib.Path({str(counter)!r})
        n = int(runs.read_text()) + 1 if runs.exists() else 1
        runs.write_text(str(n))
        text = path.read_text(encoding="utf-8")
        if n == 1:
            text = text.replace("speaker:", "speakr:")
        else:
            text = text.replace("speakr:", "speaker:").replace("许某某", "许某某同志")
        path.write_text(text, encoding="utf-8")
    """)
    result = edit(outline, editor, monkeypatch, answers="r\n")
    assert result.exit_code == 0, result.output
    assert counter.read_text() == "2" and "许某某同志" in outline.read_text(encoding="utf-8")


def test_invalid_edit_without_a_terminal_keeps_the_draft(outline, tmp_path, monkeypatch) -> None:
    original = outline.read_bytes()
    result = edit(outline, fake_editor(tmp_path, break_outline()), monkeypatch, answers="")
    assert result.exit_code == 2 and "修改保存在" in result.output
    assert outline.read_bytes() == original and draft_path(outline).exists()


def test_disk_full_while_saving_keeps_the_draft(outline, tmp_path, monkeypatch) -> None:
    import drafter.output
    from drafter.edit import edit_outline
    from drafter.errors import DrafterError, OutputError

    original = outline.read_bytes()
    real = drafter.output.write_atomic

    def full(path, data, *, force=False):
        if path == outline:
            raise OutputError("磁盘空间不足，文件未写入（原有文件未受影响）", file=str(path))
        return real(path, data, force=force)

    monkeypatch.setattr(drafter.output, "write_atomic", full)
    monkeypatch.setenv("VISUAL", fake_editor(tmp_path, """
        path.write_text(path.read_text(encoding="utf-8") + "# 新内容\\n", encoding="utf-8")
    """))
    with pytest.raises(DrafterError, match="磁盘空间不足.*修改保存在"):
        edit_outline(outline, ask=lambda _: "", err=lambda _: None)
    assert outline.read_bytes() == original
    assert "# 新内容" in draft_path(outline).read_text(encoding="utf-8")


def test_ctrl_c_in_the_editor_keeps_the_draft(outline, monkeypatch) -> None:
    import subprocess

    from drafter.edit import edit_outline
    from drafter.errors import DrafterError

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setenv("VISUAL", "true")
    monkeypatch.setattr(subprocess, "run", interrupted)
    with pytest.raises(DrafterError, match="已中断"):
        edit_outline(outline, ask=lambda _: "", err=lambda _: None)
    assert draft_path(outline).exists()


def test_edit_missing_file(tmp_path, monkeypatch) -> None:
    result = edit(tmp_path / "none.yaml", "true", monkeypatch)
    assert result.exit_code == 2 and "drafter new" in result.output


# --- new --from ----------------------------------------------------------------------------

def test_new_from_a_speech_keeps_comments_and_key_order(tmp_path: Path) -> None:
    from .test_corpus import SPEECH

    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    target = tmp_path / "o.yaml"
    result = runner.invoke(app, ["new", "deploy", "--from", str(speech), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server")
    assert "# 讲话人，如：市委书记 李明" in text  # the scaffold's comments survive
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys.index("template") < keys.index("title") < keys.index("meeting") < keys.index("directives")
    assert "提高站位，增强抓项目的责任感" in text
    rendered = runner.invoke(app, ["render", str(target)])
    assert rendered.exit_code == 0 and "一、提高站位，增强抓项目的责任感" in rendered.stdout
