"""Rendering: computed counts, numbering, placeholders, determinism, templates in a sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import OutlineError, TemplateError
from drafter.export.text import export as to_text
from drafter.loader import load_outline_text
from drafter.render import format_date, render_outline


def render(yaml_text: str, **kwargs) -> tuple[str, list]:
    result = render_outline(load_outline_text(yaml_text, "t.yaml"), **kwargs)
    return to_text(result.document), result.markers


def outline_with(n: int, style: str = "讲几点意见", extra: str = "") -> str:
    items = "\n".join(f"  - heading: 第{i}项工作要抓实\n    body: [要抓实。]" for i in range(n))
    return f"template: deploy\ntitle: 讲话\ntransition:\n  style: {style}\n{extra}directives:\n{items}\n"


@pytest.mark.parametrize("n, phrase", [(1, "一些意见"), (2, "两点意见"), (3, "三点意见"),
                                       (10, "十点意见"), (11, "十一点意见"), (12, "十二点意见")])
def test_transition_count_is_computed(n: int, phrase: str) -> None:
    text, _ = render(outline_with(n))
    assert f"下面，我讲{phrase}。" in text


@pytest.mark.parametrize("style, sentence", [
    ("讲几个方面", "下面，我讲两个方面的意见。"),
    ("讲几句话", "我讲两句话，与大家共勉。"),
    ("讲三句话", "我讲两句话，与大家共勉。"),  # the writer's 三 is a style name, not a count
    ("强调几点", "下面，我再强调两点。"),
    ("讲几个问题", "下面，我讲两个问题。"),
])
def test_transition_styles(style: str, sentence: str) -> None:
    text, _ = render(outline_with(2, style))
    assert sentence in text


def test_transition_topic_and_lead() -> None:
    extra = ""
    text, _ = render(outline_with(3).replace(
        "  style: 讲几点意见\n", "  style: 讲几个方面\n  topic: 就做好今年工作\n  lead: 根据党委讨论意见\n"))
    assert "下面，根据党委讨论意见，我就做好今年工作，讲三个方面的意见。" in text
    del extra


def test_gbt9704_numbering_four_levels() -> None:
    text, _ = render("""\
directives:
  - heading: 第一层
    points:
      - heading: 第二层
        points:
          - heading: 第三层
            points:
              - heading: 第四层
                body: [正文]
              - 另一个第四层
          - 另一个第三层
      - 另一个第二层
  - 另一个第一层
""")
    lines = [line.strip("\u3000") for line in text.splitlines()]
    assert "一、第一层" in lines
    assert "（一）第二层" in lines
    assert "1.第三层" in lines
    assert "（1）第四层。正文。" in lines  # run-in: heading sentence opens the paragraph


def test_numbering_beyond_ten() -> None:
    text, _ = render(outline_with(12))
    assert "十一、第10项工作要抓实" in text and "十二、第11项工作要抓实" in text


@pytest.mark.parametrize("style, leads", [
    ("一是", ["一是", "二是", "三是"]),
    ("一要", ["一要", "二要", "三要"]),
    ("第一，", ["第一，", "第二，", "第三，"]),
    ("首先", ["首先，", "其次，", "最后，"]),
])
def test_inline_ordinal_styles(style: str, leads: list[str]) -> None:
    text, _ = render(f"""\
directives:
  - heading: 抓落实
    points_style: "{style}"
    points:
      - heading: 明确责任
        body: [谁主管谁负责。]
      - heading: 强化督查
      - heading: 严格考核
        body: [考核要严。]
""")
    for lead, head in zip(leads, ["明确责任", "强化督查", "严格考核"], strict=False):
        assert lead + head in text


def test_numbering_list_sets_styles_per_level() -> None:
    text, _ = render("numbering: [第一，, 一要]\ndirectives:\n  - heading: 思路要清晰\n"
                     "    points: [把握规律, 认清差距]\n  - 定位要准确\n")
    assert "第一，思路要清晰" in text and "一要把握规律。" in text and "第二，定位要准确" in text


def test_closed_series_with_too_many_items_is_an_outline_error() -> None:
    points = "\n".join(f"      - 第{i}项" for i in range(5))
    with pytest.raises(OutlineError) as info:
        render(f"directives:\n  - heading: 一\n    points_style: 首先\n    points:\n{points}\n")
    message = str(info.value)
    assert "t.yaml:3:19 directives[0].points_style" in message and "只适合二至四项，这里有五项" in message


def test_open_facts_render_as_visible_markers() -> None:
    text, markers = render("""\
title:
speaker: null
date: ""
meeting:
  name: 全市工作会议
  purpose: 完成〔待补〕项任务
directives:
  - heading: 〔待补〕
    body: [待补]
""")
    assert "〔待补：标题〕" in text and "〔待补：讲话人〕" in text and "〔待补：讲话日期〕" in text
    assert "主要任务是完成〔待补：数量〕项任务" in text  # the slot, not the field around it
    # a lone directive is said without an ordinal
    assert "\u3000\u3000〔待补：第一点的标题〕。" in text and "〔待补：第一点的正文〕" in text
    assert "None" not in text
    assert [m.path for m in markers] == ["title", "speaker", "date", "meeting.purpose",
                                         "directives[0].heading", "directives[0].body[0]"]


def test_absent_fields_take_the_template_default() -> None:
    text, markers = render("meeting:\n  name: 全市工作会议\ndirectives: [抓落实]\n")
    assert text.startswith("在全市工作会议上的讲话\n")
    assert "同志们：" in text and markers == []


def test_figures_make_sentences() -> None:
    text, _ = render("""\
review:
  achievements:
    - {indicator: 地区生产总值, value: 1250亿元, growth: 5.8, rank: 居全省第3位}
    - {indicator: 事故起数, growth: -12}
    - {indicator: 社会消费品零售总额, growth: 下降1.2%}
    - {indicator: 粮食产量, growth: 0}
    - {indicator: 进出口总额, growth: 比上年增长3%}
""")
    assert "一是地区生产总值达到1250亿元，同比增长5.8%，居全省第3位。" in text
    assert "二是事故起数同比下降12%。" in text
    assert "三是社会消费品零售总额同比下降1.2%。" in text  # 同比 said the same way throughout
    assert "四是粮食产量与上年持平。" in text
    assert "五是进出口总额比上年增长3%。" in text  # the writer's own comparison stands
    assert "主要体现在五个方面：" in text


def test_output_is_normalised_chinese() -> None:
    text, _ = render('directives:\n  - heading: 统一 思想,提高认识\n    body: ["要把\\"两个确立\\"落到实处,增长5.8%."]\n')
    assert "\u3000\u3000统一思想，提高认识。要把" in text
    assert "要把“两个确立”落到实处，增长5.8%。" in text


def test_same_outline_same_bytes() -> None:
    source = outline_with(4)
    assert render(source)[0] == render(source)[0]


@pytest.mark.parametrize("value, text", [
    ("2025-02-05", "2025年2月5日"), ("2025年02月05日", "2025年2月5日"), ("2025/2/5", "2025年2月5日"),
    ("二〇二五年二月五日", "二〇二五年二月五日"),
])
def test_dates(value: str, text: str) -> None:
    assert format_date(value) == text


def test_yaml_date_becomes_a_chinese_date() -> None:
    text, _ = render("date: 2025-04-18\n")
    assert "（2025年4月18日）" in text


# --- templates ---------------------------------------------------------------------------

def test_unknown_template_lists_the_known_ones() -> None:
    with pytest.raises(TemplateError) as info:
        render("template: 茶话会\n")
    message = str(info.value)
    assert message.startswith("t.yaml:1:11 template：未知的会议类型“茶话会”")
    assert "deploy（工作部署会）" in message and "symposium（座谈会讲话）" in message


@pytest.mark.parametrize("name", ["../../etc/passwd", "partials/_macros", "base/../deploy", "/tmp/x"])
def test_template_names_never_leave_the_template_folder(name: str) -> None:
    with pytest.raises(TemplateError, match="不能包含路径"):
        render(f"template: '{name}'\n")


def test_template_found_by_chinese_name_and_alias() -> None:
    a, _ = render("template: 座谈会\n")
    b, _ = render("template: symposium\n")
    assert a == b and "同志们，朋友们：" in a


def user_dir(tmp_path: Path, name: str, body: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.j2").write_text(body, encoding="utf-8")
    return folder


def test_user_template_overrides_and_extends(tmp_path: Path) -> None:
    folder = user_dir(tmp_path, "deploy", '{% extends "base.j2" %}\n'
                      "{% block opening %}\n@p 这是我们单位自己的开场。\n{% endblock %}\n")
    text, _ = render("template: deploy\n", extra_template_dirs=[folder])
    assert "这是我们单位自己的开场。" in text


@pytest.mark.parametrize("body, needle", [
    ("@p {{ o.__class__.__mro__ }}", "沙箱"),
    ("@p {{ ''.__class__.__subclasses__() }}", "沙箱"),
    ("@p {{ cycler.__init__.__globals__.os }}", "沙箱"),
    ("@p {{ lipsum.__globals__['os'].popen('id').read() }}", "沙箱"),
    ("{% include '../../../../etc/passwd' %}", "找不到模板"),
])
def test_user_templates_cannot_escape_the_sandbox(tmp_path: Path, body: str, needle: str) -> None:
    folder = user_dir(tmp_path, "evil", body + "\n")
    with pytest.raises(TemplateError, match=needle):
        render("template: evil\n", extra_template_dirs=[folder])


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    folder = user_dir(tmp_path, "broken", "@p 一\n@p {% if %}\n")
    with pytest.raises(TemplateError) as info:
        render("template: broken\n", extra_template_dirs=[folder])
    assert "broken.j2:2" in str(info.value) and "模板语法错误" in str(info.value)


def test_missing_outline_field_is_named_by_its_path(tmp_path: Path) -> None:
    folder = user_dir(tmp_path, "needs", "@p\n@p {{ o.meeting.chairman }}\n")
    with pytest.raises(TemplateError) as info:
        render("template: needs\n", extra_template_dirs=[folder])
    message = str(info.value)
    assert "needs.j2:2" in message and "大纲中没有的字段“meeting.chairman”" in message


def test_template_output_must_be_block_markup(tmp_path: Path) -> None:
    folder = user_dir(tmp_path, "plain", "同志们，这一行没有块标记\n")
    with pytest.raises(TemplateError, match="不是块标记"):
        render("template: plain\n", extra_template_dirs=[folder])


def test_user_text_cannot_forge_blocks() -> None:
    result = render_outline(load_outline_text('title: "讲话\\n@h 1 一、伪造的标题"\n', "t.yaml"))
    assert [b.kind for b in result.document.blocks if "伪造" in b.text] == ["title"]
    assert result.document.of_kind("heading") == []


def test_templates_in_the_user_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.templating import user_template_dir

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = user_template_dir()
    assert folder == tmp_path / "config" / "drafter" / "templates"
    folder.mkdir(parents=True)
    (folder / "party.j2").write_text('{#- drafter\nname: 茶话会\ndescription: 新春茶话会\n-#}\n'
                                     '{% extends "base.j2" %}\n{% block opening %}\n@p 新春佳节即将来临。\n{% endblock %}\n',
                                     encoding="utf-8")
    text, _ = render("template: 茶话会\n")
    assert "新春佳节即将来临。" in text
    (folder / "evil.j2").write_text("@p {{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="沙箱"):
        render("template: evil\n")
