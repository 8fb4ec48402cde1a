"""Any command on generated hostile input finishes within a time and a memory bound, with an
exit code of 0, 1 or 2 and no traceback. Inputs are built from atoms known to hurt: long runs
without sentence punctuation, announcements of points, rich markup, Jinja syntax, YAML tags
and anchors, control characters, impossible numbers and dates."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Verbosity, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app

runner = CliRunner()
SECONDS = 6.0  # CPU seconds per command; the slowest honest case takes about two
EXTRA_BYTES = 1024 * 1024 * 1024  # address space a command may add (the old failures took 4–7 GB)


@contextlib.contextmanager
def memory_bound(extra: int) -> Iterator[None]:
    """Cap the process's address space at its current size plus ``extra`` (Linux): going past
    it is a MemoryError inside the command, which the test reports. No tracing overhead."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        yield  # not Linux: the time bound still holds
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + extra if hard == resource.RLIM_INFINITY else min(size + extra, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

ATOMS = ["我们要讲好", "下面，我讲三点意见", "：", "。", "，", "问题", "一、", "第一，", "（一）", "[/url]",
         "[red]", "{{ o.title }}", "{% for i in range(99999) %}", "{{ 'a' * 99999 }}", "&a [", "*a",
         "- ", "  ", "\t", "\x00", "\b", "…", ".nan", "1e999", "2025-13-01", "!!set ", "!!python/object:os.system ",
         "'", '"', "\n", "title: ", "directives:\n  - ", "x" * 50, "\udcb9"]

hostile = st.lists(st.tuples(st.sampled_from(ATOMS), st.integers(1, 3000)), min_size=1, max_size=5).map(
    lambda parts: "".join(atom * count for atom, count in parts))

COMMANDS = {
    "render": (["render", "o.yaml"], "o.yaml"),
    "validate": (["validate", "o.yaml"], "o.yaml"),
    "lint outline": (["lint", "o.yaml"], "o.yaml"),
    "lint draft": (["lint", "d.txt"], "d.txt"),
    "mine": (["mine", "d.txt"], "d.txt"),
    "mine json": (["mine", "--json", "d.txt"], "d.txt"),
    "new --from": (["new", "deploy", "--from", "d.txt"], "d.txt"),
    "template": (["render", "t.yaml", "-t", "tpl"], "tpl/mine.j2"),
    "phrases": (["phrases", "opening", "--phrasebank", "b.json"], "b.json"),
}


@pytest.fixture(scope="module", autouse=True)
def _warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Imports (jieba's dictionary, opencc, python-docx) are paid once, before any timing."""
    folder = tmp_path_factory.mktemp("warm")
    (folder / "d.txt").write_text("同志们：\n下面，我讲两点意见。\n一、甲\n要甲。\n二、乙\n要乙。\n", encoding="utf-8")
    (folder / "o.yaml").write_text("title: 讲话\n", encoding="utf-8")
    for args in (["mine", str(folder / "d.txt")], ["lint", str(folder / "d.txt")],
                 ["lint", str(folder / "o.yaml")], ["render", str(folder / "o.yaml")]):
        runner.invoke(app, args)


@settings(max_examples=10, deadline=None, database=None, print_blob=False, verbosity=Verbosity.quiet,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(sorted(COMMANDS)), text=hostile)
@example(command="mine", text="我们要讲好" * 40000)  # the transition regex was quadratic here
@example(command="lint draft", text="我们要讲好" * 40000)
@example(command="lint draft", text="".join(f"第{i}项工作要抓紧推进、落实到位。" for i in range(6000)))  # D109 was n²
@example(command="template", text="{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}")
@example(command="template", text="@p {{ 'a' * 10**9 }}")
@example(command="render", text="a: &a [" + ",".join(["x"] * 50) + "]\nb: [*a, *a, *a, *a, *a, *a]\n")
def test_any_command_on_hostile_input_is_bounded(tmp_path_factory: pytest.TempPathFactory,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 command: str, text: str) -> None:
    args, target = COMMANDS[command]
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / target
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ("@p " + text) if command == "template" and not text.startswith("@p") else text
    path.write_bytes(body.encode("utf-8", "surrogateescape"))
    (folder / "t.yaml").write_text("template: mine\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    start = time.process_time()  # CPU time: the machine running the tests may be shared
    with memory_bound(EXTRA_BYTES):
        result = runner.invoke(app, args)
    elapsed = time.process_time() - start
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)[:300]
    assert result.exit_code in (0, 1, 2), result.output[-300:]
    assert "Traceback" not in result.output
    assert elapsed < SECONDS, f"{command} took {elapsed:.1f} s on {len(text)} characters"


def test_files_written_by_hostile_runs_stay_inside_the_folder(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A template cannot write: the sandbox has no file access at all (a quick guard)."""
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "mine.j2").write_text("@p {{ o.__class__ }}\n", encoding="utf-8")
    (tmp_path / "t.yaml").write_text("template: mine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", "t.yaml", "-t", "tpl"])
    assert result.exit_code == 2 and "沙箱" in result.stderr
