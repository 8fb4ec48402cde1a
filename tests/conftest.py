from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTLINES = sorted((ROOT / "outlines").glob("*.yaml"))
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden from the current renderer (read every diff!)")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user template folder or cache from this machine leaks into a test."""
    home = tmp_path_factory.getbasetemp() / "home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("VISUAL", raising=False)
    os.environ.setdefault("COLUMNS", "100")


@pytest.fixture
def write(tmp_path: Path):
    """Write a small file into tmp_path and return its path: inputs stay visible in tests."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes: to prove a failed command changed nothing."""
    return {str(p.relative_to(directory)): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


# A small outline of our own for tests that plant text in an outline: tests must not depend
# on the wording of the shipped examples, which are rewritten as the product grows.
PLANT_OUTLINE = """\
template: deploy
title: 在全市重点项目建设推进会上的讲话
speaker: 市委书记 王某某
date: 2025-04-18
meeting:
  name: 全市重点项目建设推进会
  purpose: 通报一季度重点项目建设情况，部署下一阶段工作
directives:
  - heading: 抓项目，稳增长
    body:
      - 项目是经济发展的生命线，抓项目就是抓发展。各地各部门要把项目建设摆在突出位置，确保全年目标如期完成。
  - heading: 优服务，强保障
    body:
      - 要强化要素保障，推动用地、资金、用能等向重点项目倾斜。
"""


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    """A plain .docx draft, one paragraph per item (the lint tests read it back)."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path
