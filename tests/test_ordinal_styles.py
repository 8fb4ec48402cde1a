"""One ordinal vocabulary: every style lives in numbering.STYLES, and the renderer's ordinals,
the typed-ordinal check, the miner and lint all read it from there."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from drafter import numbering
from drafter.lint import lint_draft
from drafter.numbering import (
    NUM,
    STYLES,
    OrdinalStyle,
    StyleSpec,
    find_ordinal,
    heading_styles,
    ordinal,
    series_limits,
    style_rank,
    styles_at,
    typed_ordinal,
)

# A style drafter does not ship: 其一，其二，其三， as an in-paragraph series.
QI_YI = StyleSpec("其{n}，", level=0, found=rf"^其([{NUM}]+)[，,]")


def test_every_outline_style_has_one_table_entry() -> None:
    assert set(STYLES) == {s.value for s in OrdinalStyle}


def test_levels_and_rank_come_from_the_table() -> None:
    assert styles_at(1) == ("一、", "第一，")
    assert heading_styles() == ("一、", "第一，", "（一）", "1.", "（1）")
    assert [s for s in OrdinalStyle if s.inline] == [
        OrdinalStyle.YI_SHI, OrdinalStyle.YI_YAO, OrdinalStyle.SHOU_XIAN, OrdinalStyle.FANG_MIAN]
    assert style_rank("一、") < style_rank("（一）") < style_rank("1.") < style_rank("一是")
    assert style_rank("推断") == 99


def test_archive_ordinals() -> None:
    found = find_ordinal("第三个问题，关于作风建设")
    assert found is not None and (found.style, found.index, found.text) == ("第一，", 3, "第三个问题，")
    assert find_ordinal("最后，强调一点纪律要求") is not None
    assert find_ordinal("最后，强调一点纪律要求").index == 99  # type: ignore[union-attr]
    assert find_ordinal("一是否落实到位") is not None  # a paragraph opening 一是 counts
    assert find_ordinal("十分重要") is None


@pytest.fixture
def qi_yi(monkeypatch: pytest.MonkeyPatch) -> str:
    """Adding a style is one entry in STYLES (plus its OrdinalStyle member for outlines)."""
    monkeypatch.setitem(numbering.STYLES, "其一，", QI_YI)
    return "其一，"


def test_an_added_style_is_written_typed_and_found(qi_yi: str) -> None:
    assert [ordinal(qi_yi, i, 3) for i in (1, 2, 3)] == ["其一，", "其二，", "其三，"]
    assert series_limits(qi_yi) == (1, None)
    assert typed_ordinal("其二，压实责任") == ("其二，", "压实责任")
    found = find_ordinal("其十二，压实责任")
    assert found is not None and (found.style, found.index, found.end) == (qi_yi, 12, 4)
    assert qi_yi in styles_at(0) and qi_yi not in heading_styles()
    assert style_rank(qi_yi) == len([s for s in STYLES.values() if s.found]) - 1


def test_an_added_style_reaches_the_miner(qi_yi: str) -> None:
    """The miner finds 其一，其二，其三， as a series exactly as it finds 一是 二是 三是."""
    from drafter.corpus.units import build_units

    def shape(first: str, paragraphs: list[str]) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
        _, units = build_units(paragraphs)
        return [(u.heading, u.style, [(c.ordinal[-1:], c.style.replace(first, "?"), c.heading)
                                      for c in u.children]) for u in units]

    bodies = ["压实安全责任。各级各部门要守土有责。", "抓好隐患排查。要做到全覆盖、零容忍。",
              "强化应急准备。要备足物资、练好队伍。"]
    ours = shape(qi_yi, ["同志们："] + [f"其{n}，{b}" for n, b in zip("一二三", bodies, strict=True)])
    shipped = shape("一是", ["同志们："] + [f"{n}是{b}" for n, b in zip("一二三", bodies, strict=True)])
    assert [h for _, _, children in ours for _, _, h in children] == [
        "压实安全责任", "抓好隐患排查", "强化应急准备"]
    assert [(h, s, [(style, head) for _, style, head in c]) for h, s, c in ours] == \
        [(h, s, [(style, head) for _, style, head in c]) for h, s, c in shipped]


def test_an_added_style_reaches_lint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Lint's numbering rule (D103) checks an added heading style like 一、 or 第一，."""
    monkeypatch.setitem(numbering.STYLES, "其一，", replace(QI_YI, level=1))
    draft = tmp_path / "讲话.txt"
    draft.write_text("其一，压实安全责任，各级各部门要守土有责。\n其三，强化应急准备，要备足物资。\n",
                     encoding="utf-8")
    findings = [f for f in lint_draft(draft, set()) if f.code == "D103"]
    assert [f.message for f in findings] == ["序号跳号：“其三，”前面是第1项"]
