"""The README's set-up commands and CI agree, in both language sections."""

from __future__ import annotations

import re

from .conftest import ROOT


def _bash_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, flags=re.S)]


def _ci_commands() -> list[str]:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith(("#", "set ", "cd "))]


def test_ci_runs_exactly_the_readme_test_command_then_ruff_and_mypy() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    zh, en = readme.split("\n# drafter in English\n")
    ci = _ci_commands()
    for half in (zh, en):
        blocks = _bash_blocks(half)
        install, test = blocks[0], blocks[1]
        assert install.startswith("python3 -m venv .venv && .venv/bin/pip install . && ")
        assert test == ci[0]  # the README's test command comes first, exactly
    assert "3.11" in zh and "Python ≥ 3.11" in en
    # then the linters, from the extra that pins them, on what `make lint` checks
    checks = ci[1:]
    assert checks[0] == '.venv/bin/pip install ".[lint]"'
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = re.search(r"^lint:\n\t(.*)$", makefile, flags=re.M)
    assert lint is not None
    assert checks[1:] == [c.strip().replace("$(PY)", ".venv/bin/python") for c in lint.group(1).split("&&")]


def test_readme_is_chinese_first() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    zh = readme.split("\n# drafter in English\n")[0]
    cjk = sum(1 for c in zh if "\u4e00" <= c <= "\u9fff")
    latin = sum(1 for c in zh if c.isascii() and c.isalpha())
    assert cjk > latin  # the first half reads as Chinese
