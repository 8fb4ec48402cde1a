"""Lint D120–D129: unit level, typed ordinals, series and counts, dates, declines, frame seams."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.lint import lint_paths
from drafter.occasions import fit, fitting_occasion


def lint_yaml(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    path = tmp_path / "o.yaml"
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.where) for f in lint_paths([str(path)])]


def lint_txt(tmp_path: Path, text: str, names: tuple[str, ...] = ()) -> list[str]:
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    return [f.code for f in lint_paths([str(path)], own=names)]


TWO = "directives:\n  - {heading: 甲, body: [甲。]}\n  - {heading: 乙, body: [乙。]}\n"


def test_a_county_outline_saying_another_scope_is_flagged(tmp_path: Path) -> None:
    county = "meeting:\n  name: 全县森林防火工作动员大会\nopening: [要在全市上下形成合力。]\n" + TWO
    assert ("D120", "opening[0]") in lint_yaml(tmp_path, county)
    # a higher level named as a ranking or a setting is no residue
    ranked = county.replace("要在全市上下形成合力。", "增速居全市第2位，在服务全市大局中担当作为。")
    assert not [c for c, _ in lint_yaml(tmp_path, ranked) if c == "D120"]
    # a lower or sibling scope is always suspicious; lint.names lets it through
    city = "meeting:\n  name: 全市工作会议\nopening: [全县要加油。]\n" + TWO
    assert ("D120", "opening[0]") in lint_yaml(tmp_path, city)
    assert ("D120", "opening[0]") not in lint_yaml(tmp_path, city + "lint:\n  names: [全县]\n")


def test_lint_of_a_rendered_county_draft_does_not_flag_its_own_frames(tmp_path: Path) -> None:
    from drafter.export.text import export
    from drafter.render import render_file

    outline = tmp_path / "c.yaml"
    outline.write_text("template: mobilize\nspeaker: 县委书记 王某某\nmeeting:\n  name: 全县森林防火工作动员大会\n"
                       "  speakers: [县林业局, 县应急管理局]\n" + TWO, encoding="utf-8")
    draft = export(render_file(outline).document)
    for names in (("全县",), ("云川县",)):
        codes = lint_txt(tmp_path, draft, names)
        assert "D114" not in codes and "D120" not in codes, codes
    assert "D120" in lint_txt(tmp_path, draft.replace("全县上下", "全市上下"), ("全县",))


def test_typed_ordinals_are_reported_with_their_path(tmp_path: Path) -> None:
    found = lint_yaml(tmp_path, "directives:\n  - {heading: 一、甲, body: [甲。]}\n  - {heading: 二、乙, body: [乙。]}\n")
    assert ("D121", "directives[0].heading") in found and ("D121", "directives[1].heading") in found


def test_series_of_one_and_too_many_directives(tmp_path: Path) -> None:
    assert ("D122", "directives") in lint_yaml(tmp_path, "directives:\n  - {heading: 甲, body: [甲。]}\n")
    points = "directives:\n  - {heading: 甲, points: [子]}\n  - {heading: 乙, body: [乙。]}\n"
    assert ("D122", "directives[0].points") in lint_yaml(tmp_path, points)
    many = "directives:\n" + "".join(f"  - {{heading: 第{i}项, body: [正文。]}}\n" for i in range(8))
    assert ("D123", "directives") in lint_yaml(tmp_path, many)
    assert "D122" in lint_txt(tmp_path, "同志们：\n下面讲意见：一是只有一个问题。\n谢谢大家。\n")
    assert "D122" not in lint_txt(tmp_path, "同志们：\n一是甲；二是乙。\n")
    eleven = "".join(f"{n}、第{n}句话\n正文。\n" for n in "一二三四五六七八九十")
    assert "D123" in lint_txt(tmp_path, "我讲十句话。\n" + eleven)


@pytest.mark.parametrize(("text", "flagged"), [
    ("关键在“五个聚焦”。\n（一）聚焦甲\n甲。\n（二）聚焦乙\n乙。\n（三）聚焦丙\n丙。\n", True),
    ("关键在“三个聚焦”。\n（一）聚焦甲\n甲。\n（二）聚焦乙\n乙。\n（三）聚焦丙\n丙。\n", False),
    ("抓好四个方面：一是甲；二是乙；三是丙。\n", True),
    ("抓好三个方面：一是甲；二是乙；三是丙。\n", False),
    ("我们有3个市直部门作了发言，讲得很好。\n一、甲\n甲。\n二、乙\n乙。\n", False),
])
def test_bundles_agree_with_the_series_after_them(tmp_path: Path, text: str, flagged: bool) -> None:
    assert ("D124" in lint_txt(tmp_path, text)) is flagged


def test_bundle_in_an_outline_is_checked_in_the_speech(tmp_path: Path) -> None:
    outline = "directives:\n  - heading: 甲\n    body: [关键在“五个聚焦”。]\n    points: [聚焦一, 聚焦二, 聚焦三]\n  - {heading: 乙, body: [乙。]}\n"
    assert "D124" in [c for c, _ in lint_yaml(tmp_path, outline)]


@pytest.mark.parametrize(("word", "date", "ok"), [
    ("春节", dt.date(2026, 1, 20), True), ("春节", dt.date(2026, 4, 10), False),
    ("春节", dt.date(2026, 11, 20), False), ("元旦", dt.date(2026, 12, 1), True),
    ("元旦", dt.date(2026, 1, 8), False), ("国庆", dt.date(2026, 9, 10), True),
    ("国庆", dt.date(2026, 6, 1), False), ("汛期", dt.date(2026, 5, 1), True),
    ("汛期", dt.date(2026, 12, 1), False),
])
def test_occasion_fits_the_date(word: str, date: dt.date, ok: bool) -> None:
    result = fit(word, date)
    assert result is not None and result.fits is ok


def test_fitting_occasion_keeps_only_what_is_near() -> None:
    assert fitting_occasion("元旦春节", dt.date(2025, 1, 8)) == "春节"
    assert fitting_occasion("元旦春节", dt.date(2026, 12, 10)) == "元旦"
    assert fitting_occasion("国庆中秋", dt.date(2026, 9, 20)) == "国庆中秋"
    assert fitting_occasion("春节", dt.date(2026, 6, 1)) is None
    assert fitting_occasion("节日期间", dt.date(2026, 6, 1)) == "节日期间"


def test_reminder_on_a_wrong_date_and_covid_items(tmp_path: Path) -> None:
    outline = "date: 2026-04-10\nreminders:\n  occasion: 春节\n  items: [做好疫情防控, 抓好安全生产]\n" + TWO
    found = lint_yaml(tmp_path, outline)
    assert ("D125", "reminders.occasion") in found and ("D126", "reminders.items[0]") in found
    old = outline.replace("2026-04-10", "2022-01-10")
    assert not [c for c, _ in lint_yaml(tmp_path, old) if c in ("D125", "D126")]
    draft = "讲话\n（2026年4月10日）\n春节即将来临，要抓好安全生产。\n"
    assert "D125" in lint_txt(tmp_path, draft)


def test_a_decline_among_achievements_warns_unless_down_is_good(tmp_path: Path) -> None:
    outline = """\
review:
  achievements:
    - {indicator: 地区生产总值, growth: -1.5}
    - {indicator: 生产安全事故起数, growth: -12}
    - {indicator: 单位GDP能耗, growth: 下降3%}
    - 社会消费品零售总额下降2%
    - 审批用时减少40%
""" + TWO
    found = [w for c, w in lint_yaml(tmp_path, outline) if c == "D127"]
    assert found == ["review.achievements[0]", "review.achievements[3]"]


def test_a_frame_and_the_writers_call_repeating_a_word(tmp_path: Path) -> None:
    # the frame says 在……上下掀起……热潮。
    outline = "template: mobilize\nclosing:\n  call: 让我们迅速掀起新一轮发展热潮！\n" + TWO
    assert "D128" in [c for c, _ in lint_yaml(tmp_path, outline)]
    assert "D128" not in [c for c, _ in lint_yaml(tmp_path, outline.replace("迅速掀起", "携手开创"))]
    # a topic noun in frame and text (培训班, 安全) is no seam
    noun = "template: mobilize\nclosing:\n  call: 让我们为美丽家园的建设热潮而奋斗！\n" + TWO
    assert "D128" not in [c for c, _ in lint_yaml(tmp_path, noun)]


def test_comparisons_said_two_ways(tmp_path: Path) -> None:
    assert "D129" in lint_txt(tmp_path, "投资同比增长5%。\n消费比上年增长3%。\n")
    assert "D129" not in lint_txt(tmp_path, "投资同比增长5%。\n消费同比增长3%。\n")
