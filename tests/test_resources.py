"""Any command on generated hostile input finishes within a time and a memory bound, with an
exit code of 0, 1 or 2 and no traceback. Inputs are built from atoms known to hurt: long runs
without sentence punctuation, announcements of points, rich markup, Jinja syntax, YAML tags
and anchors, control characters, impossible numbers and dates."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Verbosity, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app

runner = CliRunner()
SECONDS = 6.0  # per command; the slowest honest case takes well under one second
PEAK_BYTES = 200 * 1024 * 1024

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
    tracemalloc.start()
    start = time.process_time()  # CPU time: the machine running the tests may be shared
    try:
        result = runner.invoke(app, args)
        elapsed = time.process_time() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)[:300]
    assert result.exit_code in (0, 1, 2), result.output[-300:]
    assert "Traceback" not in result.output
    assert elapsed < SECONDS, f"{command} took {elapsed:.1f} s on {len(text)} characters"
    assert peak < PEAK_BYTES, f"{command} peaked at {peak // 2**20} MB"


def test_files_written_by_hostile_runs_stay_inside_the_folder(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A template cannot write: the sandbox has no file access at all (a quick guard)."""
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "mine.j2").write_text("@p {{ o.__class__ }}\n", encoding="utf-8")
    (tmp_path / "t.yaml").write_text("template: mine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", "t.yaml", "-t", "tpl"])
    assert result.exit_code == 2 and "沙箱" in result.stderr
