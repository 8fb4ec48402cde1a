"""The unit speaking: explicit values win, the level is inferred, templates use o.unit.*."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.errors import OutlineError
from drafter.export.text import export
from drafter.loader import load_outline_text
from drafter.render import render_outline
from drafter.unit import FIELDS, LEVELS, SCOPE_LEVEL, infer_level, resolve_unit

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@pytest.mark.parametrize(("data", "level"), [
    ({"meeting": {"name": "全县森林防火工作动员大会"}}, "县"),
    ({"speaker": "县委书记 王某某"}, "县"),
    ({"speaker": "区长 王某某"}, "区"),
    ({"meeting": {"name": "云川县第一中学2026年秋季开学典礼"}}, "学校"),
    ({"meeting": {"organizer": "云川集团公司党委"}}, "企业"),
    ({"speaker": "局长 王某某"}, "部门"),
    ({"speaker": "镇党委书记 王某某"}, "乡镇"),
    ({"meeting": {"name": "青石街道2026年工作会议"}}, "街道"),
    ({"title": "在全省安全生产工作会议上的讲话"}, "省"),
    # the scope word in the meeting name outranks the speaker's title
    ({"meeting": {"name": "全县经济工作会议"}, "speaker": "市委常委 王某某"}, "县"),
    ({}, None),
])
def test_level_is_inferred(data: dict[str, object], level: str | None) -> None:
    assert infer_level(data) == level


def test_explicit_values_win_and_every_field_is_filled() -> None:
    unit = resolve_unit({"unit": {"level": "县", "people": "全县各族群众"},
                         "meeting": {"name": "全市会议"}})
    assert unit["level"] == "县"
    assert unit["people"] == "全县各族群众"
    assert unit["scope"] == "全县"
    assert unit["leadership"] == "县委、县政府"
    for level in LEVELS:
        resolved = resolve_unit({"unit": {"level": level}})
        assert all(resolved[f] for f in FIELDS), level
        assert resolved["level"] == level


def test_name_is_taken_from_the_meeting_and_adapts_the_words() -> None:
    unit = resolve_unit({"meeting": {"name": "云川县2026年三级干部大会"}})
    assert (unit["level"], unit["name"]) == ("县", "云川县")
    township = resolve_unit({"meeting": {"name": "石门乡2026年工作会议"}})
    assert (township["level"], township["scope"]) == ("乡镇", "全乡")
    by_speaker = resolve_unit({"meeting": {"name": "全市座谈会"}, "speaker": "云川市人民政府市长 王某某"})
    assert (by_speaker["level"], by_speaker["name"]) == ("市", "云川市")
    group = resolve_unit({"unit": {"name": "云川交通投资集团"}})
    assert (group["level"], group["scope"], group["leadership"]) == ("企业", "全集团", "集团党委")


def test_unknown_level_is_a_located_error() -> None:
    with pytest.raises(OutlineError) as exc:
        load_outline_text("unit:\n  level: 村委\n", "x.yaml")
    assert "层级" in exc.value.render() and "x.yaml:2" in exc.value.render()


def test_level_alias_is_accepted() -> None:
    loaded = load_outline_text("unit:\n  level: 镇\n", "x.yaml")
    assert resolve_unit(loaded.data)["level"] == "乡镇"


def test_no_template_hard_codes_a_level_word() -> None:
    words = set(SCOPE_LEVEL) | {w for lw in LEVELS.values()
                                for w in (lw.leadership, lw.people)} | {"市委", "县委", "全市人民"}
    words -= {"全系统", "全单位"}  # never said by a frame without o.unit
    for path in sorted(TEMPLATES.rglob("*.j2")):
        frames = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", path.read_text(encoding="utf-8"),
                        flags=re.S)
        found = sorted(w for w in words if w in frames)
        assert not found, f"{path.name}: {found}"


COUNTY = """\
template: mobilize
speaker: 县委书记 王某某
meeting:
  name: 全县森林防火工作动员大会
  purpose: 动员全县上下打好森林防火攻坚战
directives:
  - heading: 统一思想
    body: [要统一思想。]
  - heading: 压实责任
    body: [要压实责任。]
"""


@pytest.mark.parametrize("template", ["mobilize", "deploy", "commendation", "new-year",
                                      "plenum-closing", "review-comment", "symposium"])
def test_a_county_outline_speaks_as_a_county(template: str) -> None:
    text = export(render_outline(load_outline_text(COUNTY.replace("mobilize", template))).document)
    assert "全市" not in text and "市委" not in text
    school = COUNTY.replace("mobilize", template).replace("县委书记", "校长").replace(
        "全县森林防火工作动员大会", "云川县第一中学安全工作会议").replace("全县上下", "全校师生")
    text = export(render_outline(load_outline_text(school)).document)
    assert not re.search("全市|全县|市委|县委|各级各部门", text), text
