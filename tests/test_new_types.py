"""The six types added for issue 9: the wording each frame chooses from the outline."""

from __future__ import annotations

import pytest

from drafter.export.text import export
from drafter.loader import load_outline_text
from drafter.render import render_outline


def render(text: str) -> str:
    return export(render_outline(load_outline_text(text, "t.yaml")).document)


def test_address_wording_follows_the_occasion() -> None:
    signing = render("template: address\nmeeting: {name: 云川新能源产业园重点项目集中签约仪式}\n")
    assert "签约仪式隆重举行" in signing and "对项目的成功签约表示热烈的祝贺" in signing
    assert "合作各方携手共进" in signing and "预祝" not in signing
    forum = render("template: address\nmeeting: {name: 2026云川文化旅游发展论坛, theme: 文旅融合“新”未来}\n")
    assert "以“文旅融合‘新’未来”为主题的2026云川文化旅游发展论坛隆重开幕" in forum
    assert "预祝本次论坛取得圆满成功" in forum
    for text in (signing, forum):
        assert any(line.startswith("尊敬的") for line in text.splitlines()) and "点意见" not in text
        assert text.rstrip().endswith("谢谢大家！")


def test_address_points_are_paragraphs_led_by_their_heading() -> None:
    text = render("template: address\ndirectives:\n  - {heading: 我们将着力夯实基础设施, body: [加快建设算力网络。]}\n"
                  "  - {heading: 我们将着力营造发展生态, body: [持续优化营商环境。]}\n")
    assert "　　我们将着力夯实基础设施。加快建设算力网络。\n" in text
    assert "一、" not in text and "下面" not in text


def test_appointment_reads_without_post_or_predecessor() -> None:
    text = render("template: appointment\nmeeting: {organizer: 市委}\n"
                  "directives: [对党忠诚, 发展为要]\n")
    assert "刚才，会议宣布了关于我任职的决定。这是市委对我的信任和培养" in text
    assert "组织上安排我担任" not in text and "工作期间" not in text
    assert "主要讲两点：" in text and "恳请市委一如既往地关心支持" in text
    full = render("template: appointment\nmeeting: {organizer: 市委, post: 青岚县委书记, predecessor: 王某某同志}\n")
    assert "组织上安排我担任青岚县委书记" in full and "王某某同志在青岚县工作期间" in full  # the unit is the post's, not the organizer's


@pytest.mark.parametrize("template", ["party-lecture", "training-opening", "appointment"])
def test_a_lone_point_is_announced_without_a_count(template: str) -> None:
    text = render(f"template: {template}\ndirectives: [压实责任]\n")
    assert "一点" not in text and "以下一" not in text
    many = render(f"template: {template}\ndirectives: [压实责任, 转变作风, 狠抓落实]\n")
    assert "三" in next(line for line in many.splitlines() if "下面" in line or "借此机会" in line)


def test_party_lecture_theme_keeps_its_inner_quotes() -> None:
    text = render("template: party-lecture\nmeeting: {theme: 当好“十五五”先行官}\n")
    assert "以“当好‘十五五’先行官”为题" in text


def test_unit_words_come_from_the_unit() -> None:
    school = render("template: warning-education\nspeaker: 学校党委书记 某某\nmeeting: {name: 云川市第一中学警示教育大会}\n")
    assert "全校每一名党员干部" in school and "全市" not in school
    company = render("template: work-safety\nmeeting: {name: 云川交通投资集团有限公司安全生产工作会议}\n")
    assert "各部门、各子公司要以" in company and "为云川交通投资集团有限公司高质量发展" in company
