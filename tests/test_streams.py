"""Output streams in every state (full, closed, broken, not UTF-8) and names from outside:
each run ends in one message and a clear exit code, never a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import Interrupted, OutputError

from .conftest import ROOT

runner = CliRunner()
DEPLOY = ROOT / "outlines" / "deploy.yaml"
SPEECH = "同志们：\n下面，我讲两点意见。\n一、抓项目\n要抓项目。\n二、抓落实\n要抓落实。\n"


def drafter(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "drafter", *args], timeout=60, **kwargs)  # type: ignore[call-overload,no-any-return]


@pytest.mark.parametrize("command", [["render"], ["preview"], ["lint"]])
def test_a_full_disk_on_stdout(command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = drafter(*command, str(DEPLOY), stdout=full, stderr=subprocess.PIPE)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "磁盘已满" in stderr and "Traceback" not in stderr


def test_a_broken_pipe() -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = drafter("render", str(DEPLOY), stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "管道" in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("command", ["render", "lint", "preview"])
def test_closed_stdout(command: str) -> None:
    done = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m drafter {command} "{DEPLOY}" >&-'],
                          capture_output=True, timeout=60)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "标准输出已关闭" in stderr and "Traceback" not in stderr


def test_closed_stderr_keeps_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "o.yaml"
    bad.write_text("titel: 讲话\n", encoding="utf-8")
    for fast in (True, False):  # the start-up fast path and the Typer app
        extra = "" if fast else " --final"
        done = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m drafter render "{bad}"{extra} 2>&-'],
                              capture_output=True, timeout=60)
        assert done.returncode == 2 and done.stdout == b""


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_preview_on_a_stream_that_cannot_take_chinese(encoding: str) -> None:
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    done = drafter("preview", str(DEPLOY), capture_output=True, env=env)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    text = done.stdout.decode("ascii")  # ASCII-safe: every byte is ASCII
    assert "\\u540c\\u5fd7\\u4eec" in text  # 同志们, escaped, not an encode error


def test_messages_stay_readable_on_an_ascii_stream(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    for args in (["render", str(tmp_path / "nope.yaml")], ["validate", str(tmp_path / "nope.yaml")]):
        done = drafter(*args, capture_output=True, env=env)
        stderr = done.stderr.decode("utf-8")
        assert done.returncode == 2 and "找不到大纲文件" in stderr and "\\u" not in stderr


def test_a_legal_250_byte_output_name_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("长" * 82 + ".txt")
    assert len(os.fsencode(target.name)) == 250
    result = runner.invoke(app, ["render", str(DEPLOY), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "同志们" in target.read_text(encoding="utf-8")
    result = runner.invoke(app, ["render", str(DEPLOY), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("raw", [os.fsdecode("工作会议".encode("gbk")), "第一篇\n讲话"])
def test_mine_o_from_an_odd_name_writes_a_valid_outline(tmp_path: Path, raw: str) -> None:
    source = tmp_path / (raw + ".txt")
    source.write_text(SPEECH, encoding="utf-8")
    target = tmp_path / "o.yaml"
    result = runner.invoke(app, ["mine", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["validate", str(target)]).exit_code == 0
    assert "\\x" in target.read_text(encoding="utf-8") or "\\n" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("failure, code, needle", [
    (KeyboardInterrupt(), 130, "已中断，原有文件不受影响。"),
    (Interrupted("您输入的内容保存在 .a.yaml.drafter-edit"), 130,
     "已中断，原有文件不受影响；您输入的内容保存在 .a.yaml.drafter-edit。"),
    (BrokenPipeError(errno.EPIPE, "Broken pipe"), 2, "错误：输出管道已被关闭"),
    (OSError(errno.ENOSPC, "No space left on device"), 2, "错误：磁盘已满"),
    (OutputError("没有写入权限", file="a.docx"), 2, "错误：a.docx：没有写入权限"),
])
def test_one_reporter_one_message_on_both_paths(failure: BaseException, code: int, needle: str,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """Ctrl-C, a broken pipe, a full disk and a user's error print the same single line on the
    start-up fast path and on the Typer path (--final sends render to Typer)."""
    from drafter import commands
    from drafter.entry import main

    def fail(*args: object, **kwargs: object) -> int:
        raise failure

    monkeypatch.setattr(commands, "run_render", fail)
    seen = []
    for argv in (["render", str(DEPLOY)], ["render", str(DEPLOY), "--final"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        out, err = capsysbinary.readouterr()
        seen.append((info.value.code, err.decode("utf-8")))
    assert seen[0] == seen[1]
    assert seen[0][0] == code and seen[0][1].startswith(needle) and seen[0][1].count("\n") == 1


def test_a_bug_is_not_dressed_up_as_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter import commands
    from drafter.entry import main

    def fail(*args: object, **kwargs: object) -> int:
        raise ValueError("a bug")

    monkeypatch.setattr(commands, "run_render", fail)
    for argv in (["render", str(DEPLOY)], ["render", str(DEPLOY), "--final"]):
        with pytest.raises(ValueError, match="a bug"):
            main(argv)
