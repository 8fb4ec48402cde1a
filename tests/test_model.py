"""The typed outline (drafter.model): one shape from both validation paths, the fields and
their titles stated once in outline.py, one normalising path for every text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from drafter import model, outline
from drafter.loader import load_outline_text
from drafter.numbering import OrdinalStyle
from drafter.schema_check import conforms

ROOT = Path(__file__).resolve().parents[1]
OUTLINES = sorted((ROOT / "outlines").glob("*.yaml"))


@pytest.mark.parametrize("part", model.PARTS, ids=lambda p: p.__name__)
def test_every_part_has_the_fields_of_the_pydantic_model_in_its_order(part: type) -> None:
    assert model.field_names(part) == list(getattr(outline, part.__name__).model_fields)


@pytest.mark.parametrize("part", model.PARTS, ids=lambda p: p.__name__)
def test_every_title_is_written_once_in_outline_py_and_read_from_the_schema(part: type) -> None:
    fields = getattr(outline, part.__name__).model_fields
    for name in model.field_names(part):
        assert fields[name].title, f"{part.__name__}.{name} has no title in outline.py"
        assert model.title_of(part.__name__, name) == fields[name].title


def _both(data: dict[str, Any]) -> tuple[model.Outline, model.Outline]:
    """The fast path's object and the pydantic path's object for one outline."""
    checked = outline.Outline.model_validate(data).model_dump(exclude_unset=True)
    return model.build(data), model.build(checked)


@pytest.mark.parametrize("path", OUTLINES, ids=lambda p: p.stem)
def test_both_paths_build_the_same_object_for_the_examples(path: Path) -> None:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fast, slow = _both(data)
    assert fast == slow
    assert load_outline_text(path.read_text(encoding="utf-8")).outline == fast


texts = st.one_of(st.none(), st.text(alphabet=" 一二\t\n\x0b\r〔待补〕a", max_size=6))
directive = st.deferred(lambda: st.one_of(
    st.text(alphabet="一、 甲", min_size=1, max_size=4),
    st.fixed_dictionaries({"heading": texts}, optional={
        "body": st.lists(texts, max_size=2), "points": st.lists(directive, max_size=2),
        "points_style": st.sampled_from(["一是", "（一）", "1."])})))
outlines = st.fixed_dictionaries({}, optional={
    "title": st.one_of(texts, st.lists(st.text(max_size=4), max_size=2)),
    "speaker": texts, "date": st.one_of(st.dates(), texts),
    "meeting": st.fixed_dictionaries({}, optional={
        "name": texts, "heard": st.lists(texts, max_size=2),
        "adopted": st.lists(st.one_of(texts, st.fixed_dictionaries({"title": texts})), max_size=2)}),
    "review": st.fixed_dictionaries({}, optional={
        "achievements": st.lists(st.one_of(texts, st.fixed_dictionaries(
            {"indicator": texts}, optional={"value": st.one_of(texts, st.integers(0, 9))})),
            max_size=2)}),
    "transition": st.fixed_dictionaries({}, optional={
        "style": st.sampled_from(["讲几点意见", "讲几个方面"]), "numbered": st.booleans()}),
    "numbering": st.lists(st.sampled_from(["一、", "（一）", "第一，"]), max_size=2),
    "directives": st.lists(directive, max_size=3),
    "unit": st.fixed_dictionaries({}, optional={"level": st.sampled_from(["县", "市"]), "name": texts}),
})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines)
@example({"date": "\b", "speaker": " 王某某\x1f "})
def test_the_fast_and_the_pydantic_path_build_the_same_object(data: dict[str, Any]) -> None:
    if conforms(data):
        fast, slow = _both(data)
        assert fast == slow


def test_every_text_the_date_included_goes_through_one_normalisation() -> None:
    built = model.build({"date": "\b", "speaker": " 王某\x0b某 ", "title": ["讲话\x1f", " 稿"],
                         "meeting": {"heard": ["a\r\nb"]}, "directives": [" 一是\x7f "]})
    assert built.date == ""
    assert built.speaker == "王某某"
    assert built.title == ("讲话", "稿")
    assert built.meeting.heard == ("a\nb",)
    assert built.directives[0].heading == "一是"
    assert model.build({"date": dt.date(2026, 12, 1)}).date == dt.date(2026, 12, 1)


def test_written_keeps_open_fields_apart_from_absent_ones() -> None:
    built = model.build({"speaker": None, "meeting": {"name": "会"}})
    assert built.speaker is None and "speaker" in built.written
    assert "salutation" not in built.written
    assert built.meeting.written == ("name",)
    assert built.plain() == {"speaker": None, "meeting": {"name": "会"}}


def test_aliases_become_the_canonical_values() -> None:
    built = model.build({"numbering": ["(一)", "第一"], "transition": {"style": "方面"},
                         "unit": {"level": "镇"}, "reminders": {"style": "一要"}})
    assert built.numbering == (OrdinalStyle("（一）"), OrdinalStyle("第一，"))
    assert built.transition.style == "讲几个方面"
    assert built.unit is not None and built.unit.level == "乡镇"
    assert built.reminders is not None and built.reminders.style is OrdinalStyle("一要")


def test_make_refuses_a_field_the_model_does_not_have() -> None:
    with pytest.raises(TypeError):
        model.make(model.Directive, heading="x", bogus=1)
    point = model.make(model.Directive, heading=" 抓落实 ", body=["正文"])
    assert point.heading == "抓落实" and point.body == ("正文",) and point.written == ("heading", "body")


def test_parts_are_frozen() -> None:
    built = model.build({"speaker": "王某某"})
    with pytest.raises(AttributeError):
        built.speaker = "x"
    assert built == model.build({"speaker": "王某某"}) and hash(built) == hash(model.build({"speaker": "王某某"}))
    assert built != model.build({"speaker": "王某"}) and built != model.build({"speaker": "王某某", "title": None})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("同志们：下面我讲三点意见。一二三、（）第，是要x\n 　"
                                             "首先其次年月日2026")), max_size=300))
@example("同志们：\n下面，我讲三点意见。\n一、统一思想\n要提高认识。\n二、狠抓落实\n（一）压实责任\n要抓好。\n"
         "（二）强化督查\n要督查。\n三、加强领导\n要加强。\n")
def test_a_mined_outline_is_valid_by_construction(text: str) -> None:
    from drafter.corpus.mine import mine_text
    from drafter.corpus.to_outline import mined_outline

    for speech in mine_text(text, "t.txt").speeches:
        built = mined_outline(speech)
        data = built.plain()
        outline.Outline.model_validate(data)
        assert model.build(data) == built
