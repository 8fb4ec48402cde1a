"""Where frame meets the writer's text: one grammar per field, typed ordinals, lone items."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.export.text import export
from drafter.loader import load_outline_text
from drafter.numbering import typed_ordinal
from drafter.render import as_clause, growth_phrase, render_outline, short_title


def render(text: str, template: str | None = None) -> tuple[str, list[str]]:
    result = render_outline(load_outline_text(text, "t.yaml"), template=template)
    return export(result.document), [str(w) for w in result.warnings]


@pytest.mark.parametrize(("typed", "ordinal", "rest"), [
    ("一、提高认识", "一、", "提高认识"),
    ("一、一、提高认识", "一、一、", "提高认识"),
    ("（二）压实责任", "（二）", "压实责任"),
    ("(3)压实责任", "(3)", "压实责任"),
    ("1. 压实责任", "1.", "压实责任"),
    ("12、压实责任", "12、", "压实责任"),
    ("第一，要提高认识", "第一，", "要提高认识"),
    ("第三点，要提高认识", "第三点，", "要提高认识"),
    ("一是抓项目", "一是", "抓项目"),
    ("二要抓项目", "二要", "抓项目"),
    ("首先，抓项目", "首先，", "抓项目"),
    ("其次要抓项目", "其次", "要抓项目"),
    ("一方面，抓项目", "一方面，", "抓项目"),
])
def test_typed_ordinals_are_recognised(typed: str, ordinal: str, rest: str) -> None:
    assert typed_ordinal(typed) == (ordinal, rest)


@pytest.mark.parametrize("text", ["一流营商环境", "十分重要", "2025年工作", "一是否落实",
                                  "3.5%的增长", "一体推进", "一方面要快，另一方面要稳", "一、"])
def test_ordinary_text_is_no_ordinal(text: str) -> None:
    assert typed_ordinal(text) is None


def test_typed_ordinals_are_stripped_and_reported_never_doubled() -> None:
    text, warnings = render("""\
review:
  problems: [一是项目储备不足, 二是要素保障不够]
directives:
  - heading: 一、提高认识
    points: ["（一）统一思想", "（二）凝聚共识"]
  - heading: 二、压实责任
reminders:
  occasion: 汛期
  items: [一要加强值班值守, 二要做好物资储备]
""")
    for doubled in ("一、一、", "（一）（一）", "一是一是", "一要一要", "二、二、"):
        assert doubled not in text
    assert "一、提高认识\n" in text and "（一）统一思想" in text
    assert len(warnings) == 8
    assert any("directives[0].heading" in w and "“一、”" in w for w in warnings)
    assert any("reminders.items[1]" in w for w in warnings)


def test_typed_ordinal_warning_in_validate_and_render(tmp_path) -> None:  # type: ignore[no-untyped-def]
    outline = tmp_path / "o.yaml"
    outline.write_text("directives:\n  - 一、提高认识\n  - 二、压实责任\n", encoding="utf-8")
    runner = CliRunner()
    for command in (["validate", str(outline)], ["render", str(outline)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0
        assert "directives[0].heading" in result.stderr and "手写的序号" in result.stderr
        assert "一、一、" not in result.stdout


def test_a_lone_directive_is_said_without_a_count_or_ordinal() -> None:
    text, _ = render("directives:\n  - heading: 抓落实\n    body: [要抓实。]\n")
    assert "讲一点意见" not in text and "讲一些意见" in text
    assert "一、" not in text and "\u3000\u3000抓落实。要抓实。" in text
    text, _ = render("review:\n  problems: [项目储备不足]\n")
    assert "一是" not in text and "项目储备不足。" in text
    text, _ = render("reminders:\n  occasion: 汛期\n  items: [加强值班值守]\n")
    assert "一要" not in text and "特别是要加强值班值守。" in text


@pytest.mark.parametrize("template", ["deploy", "mobilize", "commendation", "new-year"])
def test_background_is_a_clause_in_every_template(template: str) -> None:
    for background in ("全年经济工作爬坡过坎、承上启下的关键时期", "当前森林防火形势严峻复杂"):
        text, _ = render(f"meeting:\n  background: {background}\n", template)
        if "当前，" in text:
            assert "当前，当前" not in text and "在当前" not in text
            assert "当前，正值全年经济工作" in text or "当前，森林防火形势严峻复杂。" in text


def test_as_clause() -> None:
    assert as_clause("全年经济工作爬坡过坎的关键时期") == "正值全年经济工作爬坡过坎的关键时期"
    assert as_clause("在建党105周年之际") == "正值建党105周年之际"
    assert as_clause("全县正处在转型发展的关键时期") == "全县正处在转型发展的关键时期"


def test_heard_and_speakers_make_two_sentences_so_praise_covers_all() -> None:
    text, _ = render("meeting:\n  heard: [县发改局通报了项目情况]\n  speakers: [甲镇, 乙镇]\n")
    assert "刚才，县发改局通报了项目情况。甲镇和乙镇作了交流发言。大家讲得都很好" in text


def test_adopted_title_is_shortened_on_second_mention() -> None:
    text, _ = render("meeting:\n  adopted: [《中共云川县委关于深化改革推动高质量发展的决定》]\n",
                     "plenum-closing")
    assert text.count("《中共云川县委关于深化改革推动高质量发展的决定》") == 1
    assert "全会通过的《决定》" in text
    text, _ = render("meeting:\n  adopted:\n    - {title: 《云川县“十五五”规划纲要》, short: 《纲要》}\n",
                     "plenum-closing")
    assert "全会通过的《纲要》" in text
    assert short_title("《方案》") == "《方案》"


def test_growth_is_said_one_way() -> None:
    assert growth_phrase("0") == "与上年持平"
    assert growth_phrase("-2.5") == "同比下降2.5%"
    assert growth_phrase("下降3%") == "同比下降3%"
    assert growth_phrase("较上年增长3%") == "较上年增长3%"


def test_an_item_holding_a_full_stop_is_not_followed_by_a_semicolon() -> None:
    text, _ = render("review:\n  problems: [项目储备不足。特别是产业项目偏少, 要素保障不够有力]\n")
    assert "一是项目储备不足。特别是产业项目偏少。二是要素保障不够有力。" in text
    assert "；二是" not in text


def test_symposium_does_not_tell_entrepreneurs_of_our_shortcomings() -> None:
    text, _ = render("review:\n  problems: [融资难, 融资贵]\n", "symposium")
    assert "问题和不足" not in text and "困难和问题" in text


def test_review_comment_closing_is_two_sentences() -> None:
    text, _ = render("directives: [抓整改, 抓落实]\n", "review-comment")
    closing = text.strip().splitlines()[-1]
    assert "希望大家" in closing and "让我们" in closing
    assert closing.index("。", closing.index("希望大家")) < closing.index("让我们")


def test_past_festival_is_not_said_to_be_coming() -> None:
    text, _ = render("date: 2025-01-08\nreminders:\n  occasion: 元旦春节\n  items: [甲, 乙]\n")
    assert "春节即将来临" in text and "元旦" not in text
    text, _ = render("date: 2026-04-10\nreminders:\n  occasion: 春节\n  items: [甲, 乙]\n")
    assert "春节" not in text and "当前，" in text
