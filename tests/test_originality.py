"""查重: no run of 20 or more characters of a rendered example or of a template frame occurs
in the shared corpus of public speeches. Offices run 查重 on every draft; wording we ship must
be our own. Punctuation and spaces are ignored on both sides, so a copied sentence cannot
hide behind a changed comma. Skipped without ../shared/corpus."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from drafter.export.text import export as to_text
from drafter.render import render_file
from drafter.templating import builtin_template_dir

from .conftest import OUTLINES, SHARED

RUN = 20
CORPUS = SHARED / "corpus"
_KEEP = re.compile(r"[\u3400-\u9fff0-9A-Za-z]+")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_QUOTED = re.compile(r"\"([^\"\n]*)\"")
# Mandated formulations (提法) must be used word for word; they are cut out before the check,
# so a run never counts them, and no run may span them either. Keep this list to names and
# fixed political formulas that may not be paraphrased.
FORMULAS = (
    "坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导",
    "习近平新时代中国特色社会主义思想",
    "以习近平同志为核心的党中央",
)

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")


def _letters(text: str) -> str:
    """Only ideographs, digits and Latin letters: what 查重 tools compare."""
    return "".join(_KEEP.findall(text))


def _pieces(text: str) -> list[str]:
    """The text split at every mandated formula, as letters only."""
    for formula in FORMULAS:
        text = text.replace(formula, "\n")
    return [_letters(part) for part in text.split("\n")]


def _shingles(text: str) -> set[int]:
    s = _letters(text)
    return {hash(s[i:i + RUN]) for i in range(len(s) - RUN + 1)}


@lru_cache(maxsize=1)
def corpus_index() -> frozenset[int]:
    """Every 20-character run of every corpus text, cleaned as the miner cleans it (mojibake
    repaired, pinyin notes dropped, traditional converted), hashed once per session."""
    from drafter.corpus.clean import clean_text
    from drafter.corpus.decode import decode_bytes

    index: set[int] = set()
    for path in sorted(CORPUS.rglob("*.txt")):
        text, _encoding = decode_bytes(path.read_bytes(), path.name)
        index |= _shingles(text)
        index |= _shingles(clean_text(text).text)
    return frozenset(index)


def copied_runs(text: str) -> list[str]:
    """The runs of `text` (letters only) that also occur in the corpus, merged."""
    return [run for piece in _pieces(text) for run in _runs(piece)]


def _runs(s: str) -> list[str]:
    index = corpus_index()
    hits = [i for i in range(len(s) - RUN + 1) if hash(s[i:i + RUN]) in index]
    runs: list[str] = []
    start = prev = None
    for i in hits + [None]:
        if start is not None and (i is None or i > prev + 1):  # type: ignore[operator]
            runs.append(s[start:prev + RUN])  # type: ignore[operator]
            start = None
        if i is not None:
            start = i if start is None else start
            prev = i
    return runs


def frame_texts(source: str) -> list[str]:
    """A template's own wording: the literal text between tags, and string literals inside
    tags. Each piece is checked on its own; runs never span an outline value."""
    pieces = [p for p in _TAG.split(source) if p.strip()]
    for tag in _TAG.findall(source):
        pieces += _QUOTED.findall(tag)
    return pieces


def test_the_check_finds_a_copied_run() -> None:
    """The index works: a sentence taken from a corpus text is found, a fresh one is not."""
    sample = next(p for p in sorted(CORPUS.rglob("*.txt")) if p.parent.name == "dev")
    text = sample.read_text(encoding="utf-8")
    letters = _letters(text)
    middle = letters[len(letters) // 2: len(letters) // 2 + 30]
    assert copied_runs("同志们，" + middle + "。")
    assert not copied_runs("云川县青禾镇今年新建了三座跨河便民桥，群众赶集再也不用绕远路了。")


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_rendered_example_copies_no_public_speech(outline: Path) -> None:
    text = to_text(render_file(outline).document)
    assert copied_runs(text) == []


def test_template_frames_copy_no_public_speech() -> None:
    found = {}
    for path in sorted(builtin_template_dir().rglob("*.j2")):
        runs = [r for piece in frame_texts(path.read_text(encoding="utf-8"))
                for r in copied_runs(piece)]
        if runs:
            found[path.name] = runs
    assert found == {}
