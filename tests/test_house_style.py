"""House styles (drafter mine --emit-templates): the archive's recurring numbering per level and
reminder wording join the salutation, opening, transition and closing; rendering any example
outline with a house style keeps every frame the archive did not replace."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.corpus.house_style import HouseStyle, level_styles, plan_templates, reminder_duty
from drafter.corpus.mine import mine_text
from drafter.corpus.model import Speech, Unit
from drafter.document import Block
from drafter.errors import TemplateError
from drafter.loader import load_outline
from drafter.render import render_outline

from .conftest import OUTLINES
from .test_corpus import SPEECH

runner = CliRunner()

DUTY = "各单位要把安全稳定放在突出位置"
MINED = {"salutation": "各位领导、同志们", "opening": "本单位惯用的开场首句。",
         "closing": "本单位惯用的结尾首句。", "call": "本单位惯用的结尾号召！"}


def _speech() -> Speech:
    points = [Unit("一是", "子项甲", style="一是"), Unit("二是", "子项乙", style="一是")]
    return Speech(
        title="在全县工作会议上的讲话", salutation=MINED["salutation"],
        opening=["大家好！", MINED["opening"] + "后面一句。"],
        transition={"text": "下面，我讲三个方面的意见。", "count": 2},
        directives=[Unit("第一，", "甲", children=points, style="第一，"),
                    Unit("第二，", "乙", style="第一，")],
        closing=[MINED["closing"] + "中间一句。", "最后一段。" + MINED["call"]],
        reminders=[f"国庆将至，{DUTY}。", "一是抓好安全生产。", "二是抓好信访稳定。"])


def _style(speech: Speech, frame: Callable[[str], str | None] = lambda t: t) -> HouseStyle:
    """Two speeches of the archive saying the same at the fixed places, different elsewhere."""
    style = HouseStyle()
    for k in range(2):
        own = [*speech.directives[:1], replace(speech.directives[1], heading=f"乙{k}")]
        style.add(replace(speech, directives=own), frame, f"旧稿{k}.txt")
    return style


def test_one_speech_saved_twice_is_not_a_recurrence() -> None:
    style = HouseStyle()
    style.add(_speech(), lambda t: t, "讲话.docx")
    style.add(_speech(), lambda t: t, "讲话.txt")
    assert style.speeches == 1 and plan_templates({"deploy": style}, Path("house")) == {}
    other = replace(_speech(), closing=["另一篇讲话自己的结尾。", *_speech().closing])
    style.add(other, lambda t: t, "另一篇.txt")
    assert style.speeches == 2


def test_a_greeting_opening_a_paragraph_is_no_opening_sentence() -> None:
    style = HouseStyle()
    speech = replace(_speech(), opening=["大家好！" + MINED["opening"]])
    style.add(speech, lambda t: t, "a.txt")
    assert list(style.greetings.counts) == ["大家好！"]
    assert list(style.openings.counts) == [MINED["opening"]]


def test_numbering_per_level_and_the_reminders_duty_are_mined() -> None:
    speech = _speech()
    assert level_styles(speech.directives) == ["第一，", "一是"]
    assert reminder_duty("春节即将来临，各级各部门要统筹抓好当前工作。") == "各级各部门要统筹抓好当前工作"
    assert reminder_duty("各级各部门要统筹抓好当前工作。") == "各级各部门要统筹抓好当前工作"
    [(path, text)] = plan_templates({"deploy": _style(speech)}, Path("house")).items()
    assert path.name == "deploy-house.j2"
    assert "\nnumbering: 第一， 一是\n" in text.split("-#}")[0]  # a header fact, only known styles
    assert f'{{% block reminders_lead %}}{{{{ "{DUTY}" }}}}{{% endblock %}}' in text
    assert '{% block default_reminders_style %}{{ "一是" }}{% endblock %}' in text
    assert "第一层“第一，”取自 旧稿0.txt、旧稿1.txt（2 篇）" in text and "提醒：取自" in text
    once = HouseStyle()
    once.add(speech, lambda t: t, "a.txt")
    other = Speech(directives=[Unit("一、", "甲", style="一、")], reminders=["当前，要抓好防汛。"])
    once.add(other, lambda t: t, "b.txt")
    assert plan_templates({"deploy": once}, Path("house")) == {}  # nothing recurs in two speeches


def _by_part(blocks: list[Block]) -> dict[str, list[Block]]:
    parts: dict[str, list[Block]] = {}
    for block in blocks:
        parts.setdefault(block.part, []).append(block)
    return parts


@pytest.mark.parametrize("outline", OUTLINES, ids=[p.stem for p in OUTLINES])
def test_every_example_keeps_the_frames_the_archive_did_not_replace(outline: Path, tmp_path: Path) -> None:
    loaded = load_outline(outline)
    data = loaded.data
    kind = str(data.get("template") or "deploy")
    for path, text in plan_templates({kind: _style(_speech())}, tmp_path).items():
        path.write_text(text, encoding="utf-8")
    shipped = _by_part(render_outline(loaded).document.blocks)
    house = _by_part(render_outline(loaded, extra_template_dirs=[tmp_path], template=f"{kind}-house").document.blocks)
    assert set(house) == set(shipped)
    replaced = {"salutation", "opening", "transition", "directives", "reminders", "closing"}
    for part in set(shipped) - replaced:  # title, review, problems, pivot, implementation
        assert house[part] == shipped[part], part
    plain = [b.plain for b in house["opening"]]
    assert all(b.plain in plain for b in shipped["opening"])  # the type's own frames stay
    if "directives" in shipped:  # same headings and text; numbers in the house style unless set
        assert [(b.kind, b.text, b.runin, b.level) for b in house["directives"]] == \
            [(b.kind, b.text, b.runin, b.level) for b in shipped["directives"]]
        numbers = [b.number for b in house["directives"] if b.level == 1 and b.number]
        if data.get("numbering"):
            assert house["directives"] == shipped["directives"]
        elif numbers:
            assert numbers[0] == "第一，", numbers
    if "reminders" in shipped:  # the items as written, numbered 一是 unless the outline says
        items, theirs_items = house["reminders"][1:], shipped["reminders"][1:]
        assert [(b.kind, b.text.removeprefix("要")) for b in items] == \
            [(b.kind, b.text.removeprefix("要")) for b in theirs_items]  # 一要 takes the item's 要
        style = (data.get("reminders") or {}).get("style")
        assert [b.number for b in items] == ([b.number for b in theirs_items] if style
                                             else ["一是", "二是", "三是", "四是", "五是"][:len(items)])
        lead, theirs = house["reminders"][0].text, shipped["reminders"][0].text
        if (data.get("reminders") or {}).get("intro"):
            assert lead == theirs
        else:  # the occasion as the outline's date has it, then the archive's duty
            assert lead.split("，")[0] == theirs.split("，")[0] and DUTY in lead
    closing = data.get("closing") or {}
    if closing.get("paragraphs"):
        assert house["closing"][:-1] == shipped["closing"][:-1]
    if closing.get("call"):
        assert house["closing"][-1].text.endswith(closing["call"])


def test_the_outline_numbering_wins_and_a_bad_header_numbering_is_named(tmp_path: Path) -> None:
    (tmp_path / "mine.j2").write_text("{#- drafter\nname: 本单位\nnumbering: 一是 一是\n-#}\n"
                                      '{% extends "deploy.j2" %}\n', encoding="utf-8")
    outline = tmp_path / "o.yaml"
    outline.write_text("template: mine\ndirectives: [抓落实, 转作风]\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_outline(load_outline(outline), extra_template_dirs=[tmp_path])
    assert "numbering" in caught.value.problems[0].message and caught.value.problems[0].file.endswith("mine.j2")
    (tmp_path / "mine.j2").write_text("{#- drafter\nname: 本单位\nnumbering: 一要 一是\n-#}\n"
                                      '{% extends "deploy.j2" %}\n', encoding="utf-8")
    blocks = render_outline(load_outline(outline), extra_template_dirs=[tmp_path]).document.blocks
    assert [b.number for b in blocks if b.part == "directives" and b.number] == ["一要", "二要"]
    shown = runner.invoke(app, ["templates", "show", "mine", "-t", str(tmp_path)])
    assert "各层序号样式：一要 一是" in shown.stdout and "模板头部没写 mine" in shown.stdout
    # a level the writer numbered 一要 themselves: the header's 一要 below it gives way silently,
    # as a default does (the outline has no numbering[1] to point at)
    outline.write_text("template: mine\ndirectives:\n  - heading: 抓落实\n    points_style: 一是\n"
                       "    points:\n      - heading: 抓责任\n        points: [甲, 乙]\n"
                       "      - 抓督查\n  - 转作风\n", encoding="utf-8")
    (tmp_path / "mine.j2").write_text("{#- drafter\nname: 本单位\nnumbering: 第一， 一要 一是\n-#}\n"
                                      '{% extends "deploy.j2" %}\n', encoding="utf-8")
    result = render_outline(load_outline(outline), extra_template_dirs=[tmp_path])
    numbers = [b.number for b in result.document.blocks if b.part == "directives" and b.number]
    assert numbers[:3] == ["第一，", "一是", "1."] and not result.warnings, (numbers, result.warnings)
    outline.write_text("template: mine\nnumbering: [（一）]\ndirectives: [抓落实, 转作风]\n", encoding="utf-8")
    blocks = render_outline(load_outline(outline), extra_template_dirs=[tmp_path]).document.blocks
    assert [b.number for b in blocks if b.part == "directives" and b.number] == ["（一）", "（二）"]


def test_mined_reminders_pass_the_safety_filters(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    quoted = SPEECH.replace("春节即将来临，各级各部门要统筹抓好当前工作。",
                            "春节即将来临，正如李书记所说，各级各部门要统筹抓好当前工作。")
    for k, text in enumerate([SPEECH, SPEECH, quoted, quoted]):
        own = text.replace("项目是经济发展的生命线。", f"项目是经济发展的生命线。第{k}篇自己的话。")
        own = own.replace("提高站位", "提高政治站位") if k % 2 else own  # two speeches, not one twice
        (archive / f"s{k}.txt").write_text(own, encoding="utf-8")
    house = tmp_path / "house"
    result = runner.invoke(app, ["mine", str(archive), "--emit-templates", str(house)])
    assert result.exit_code == 0, result.output
    text = (house / "deploy-house.j2").read_text(encoding="utf-8")
    assert '{% block reminders_lead %}{{ "各级各部门要统筹抓好当前工作" }}{% endblock %}' in text
    assert "李书记" not in text and "s0.txt、s1.txt（2 篇）" in text.split("提醒：取自")[1].split("-#}")[0]
    [speech] = mine_text(quoted, "q.txt").speeches
    assert speech.reminders  # the quoted reminder was mined, and the filter kept it out
