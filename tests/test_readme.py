"""The README's set-up commands and CI agree, in both language sections."""

from __future__ import annotations

import re

from .conftest import ROOT


def _bash_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, flags=re.S)]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    zh, en = readme.split("\n# drafter in English\n")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    for half in (zh, en):
        blocks = _bash_blocks(half)
        install, test = blocks[0], blocks[1]
        assert install.startswith("python3 -m venv .venv && .venv/bin/pip install . && ")
        assert test == ci
    assert "3.11" in zh and "Python ≥ 3.11" in en


def test_readme_is_chinese_first() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    zh = readme.split("\n# drafter in English\n")[0]
    cjk = sum(1 for c in zh if "\u4e00" <= c <= "\u9fff")
    latin = sum(1 for c in zh if c.isascii() and c.isalpha())
    assert cjk > latin  # the first half reads as Chinese
