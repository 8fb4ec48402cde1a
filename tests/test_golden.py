"""Every example outline renders to its golden text and Markdown, and reads like a speech.

Regenerate on purpose with `pytest tests/test_golden.py --update-goldens`, then read the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.export.markdown import export as to_markdown
from drafter.export.text import export as to_text
from drafter.numbering import cn_count, cn_numeral
from drafter.render import render_file
from drafter.textnorm import hanzi_count

from .conftest import GOLDEN, OUTLINES


def test_one_example_per_meeting_type() -> None:
    from drafter.templating import builtin_template_dir, catalogue

    types = set(catalogue([builtin_template_dir()])) - {"verbatim"}  # verbatim: mined outlines
    assert len(types) >= 13
    assert {p.stem for p in OUTLINES} == types


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_golden(outline: Path, fmt: str, request: pytest.FixtureRequest) -> None:
    document = render_file(outline).document
    text = to_text(document) if fmt == "txt" else to_markdown(document)
    golden = GOLDEN / f"{outline.stem}.{fmt}"
    if request.config.getoption("--update-goldens"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "run pytest --update-goldens once, then read the files"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_example_reads_like_a_finished_speech(outline: Path) -> None:
    result = render_file(outline)
    text = to_text(result.document)
    assert 2500 <= hanzi_count(text) <= 4500  # a real speech, 2,500–4,500 汉字
    assert result.markers == []  # a complete example leaves nothing open
    for stray in ("None", "@", "{{", "{%", "〔待补", "..", ",", ":", ";", "?", "!", "  "):
        body = re.sub(r"\d[.,:]\d", "", text)  # decimals, thousands, times are fine
        assert stray not in body, f"stray {stray!r} in {outline.name}"
    assert "同志们" in text or "各位" in text


# A 致辞 announces no points and numbers none: it is checked on its own below.
COUNTED = [p for p in OUTLINES if p.stem != "address"]


def test_address_has_the_register_of_a_welcome_speech() -> None:
    blocks = render_file(next(p for p in OUTLINES if p.stem == "address")).document.blocks
    text = "".join(b.text for b in blocks)
    assert not [b for b in blocks if b.part == "transition"]
    assert not [b for b in blocks if b.number]
    assert re.search("点意见|个方面的意见|讲几点", text) is None
    salutation = next(b.text for b in blocks if b.part == "salutation")
    assert salutation.startswith("尊敬的") and "女士们、先生们" in salutation
    assert "热烈的欢迎" in text and text.rstrip().endswith("谢谢大家！")


@pytest.mark.parametrize("outline", COUNTED, ids=lambda p: p.stem)
def test_numbering_and_count_agree(outline: Path) -> None:
    blocks = render_file(outline).document.blocks
    top = [b for b in blocks if b.part == "directives" and b.level == 1]
    transition = next(b.text for b in blocks if b.part == "transition")
    # 下面，我讲三点意见 / 讲三个方面 / 讲三句话 / 再强调三点 — the count is the headings'
    assert re.search(f"{cn_count(len(top))}(点|个方面|句话|个问题)", transition), transition
    # Level-1 numbers run 一、二、三… (or 第一，第二，…) without gaps.
    for i, block in enumerate(top, 1):
        assert cn_numeral(i) in block.number
    # Every sibling series below is consecutive too.
    expected: dict[tuple[int, int], int] = {}
    parent = 0
    for block in blocks:
        if block.part != "directives" or not block.number:
            continue
        if block.level == 1:
            parent += 1
            expected = {k: v for k, v in expected.items() if k[0] == 1}
        key = (block.level, parent if block.level > 1 else 0)
        expected[key] = expected.get(key, 0) + 1
        n = expected[key]
        assert cn_numeral(n) in block.number or str(n) in block.number or block.number in (
            "首先，", "其次，", "再次，", "最后，", "一方面，", "另一方面，")
