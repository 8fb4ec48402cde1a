"""The miner on the real corpus in ../shared (skipped when it is absent): accuracy against the
hand annotations, and the round trip speech → outline → rendered speech → same skeleton."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "dev" / "gold").is_dir(),
                                reason="the shared corpus is not next to this checkout")


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.glob("*/*.txt"))


@pytest.mark.parametrize("part", ["dev", "seeds"])
def test_accuracy_against_gold(part: str) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from score_miner import score

    figures = score([CORPUS / part])
    assert figures["speeches_per_file_exact"] == 1.0
    assert figures["transition_count"] == 1.0
    assert figures["salutation"] >= 0.95
    assert figures["heading_f1"] >= 0.95
    assert figures["truncated"] >= 0.9


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_round_trip_keeps_the_skeleton(path: Path, tmp_path: Path) -> None:
    from drafter.corpus.mine import mine_bytes, mine_text
    from drafter.corpus.to_outline import outline_yaml
    from drafter.export.text import export
    from drafter.loader import load_outline
    from drafter.render import render_outline

    for n, speech in enumerate(mine_bytes(path.read_bytes(), path.name).speeches):
        outline = tmp_path / f"{n}.yaml"
        outline.write_text(outline_yaml(speech, path.name), encoding="utf-8")
        rendered = export(render_outline(load_outline(outline)).document)
        again = mine_text(rendered, "rendered.txt").speeches
        assert len(again) == 1, f"speech {n + 1}"
        assert again[0].skeleton() == speech.skeleton(), f"speech {n + 1}"


def test_seed_noise_is_cleaned() -> None:
    from drafter.corpus.mine import mine_bytes

    text = " ".join(p for path in corpus_files() if path.parent.name == "seeds"
                    for s in mine_bytes(path.read_bytes(), path.name).speeches for _, p in s.labels)
    for residue in ("(xiàn)", "當前位置", "當", "版权所有", "推荐访问", "上一篇", "<image>", "設臵", "‚",
                    "省略1393字", "下面是小编"):
        assert residue not in text, residue
