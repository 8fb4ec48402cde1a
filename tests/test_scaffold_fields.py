"""`drafter new` lists every field a writer may fill, each with its one-line description
(an example included) from the model; YAML value errors are located and reported together."""

from __future__ import annotations

import re
import typing
from typing import Any

import pytest
from pydantic import BaseModel

from drafter.errors import OutlineError
from drafter.loader import load_outline_text
from drafter.outline import Outline
from drafter.scaffold import scaffold
from drafter.templating import catalogue, resolve_template, template_dirs

TYPES = sorted(catalogue(template_dirs([])))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _model_in(arg)
        if inner is not None:
            return inner
    return None


def all_fields(model: type[BaseModel], path: str = "") -> list[tuple[str, str, Any]]:
    out = []
    for name, info in model.model_fields.items():
        full = f"{path}.{name}" if path else name
        out.append((full, name, info))
        inner = _model_in(info.annotation)
        if inner is not None and inner is not model:
            out += all_fields(inner, full)
    return out


@pytest.mark.parametrize("meeting_type", TYPES)
def test_every_field_is_listed_with_its_description(meeting_type: str) -> None:
    text = scaffold(resolve_template(meeting_type, template_dirs([])))
    lines = text.splitlines()
    for full, name, info in all_fields(Outline):
        if full == "template":
            assert f"template: {meeting_type}" in text
            continue
        # the description itself, or with its example swapped for the meeting type's own
        before_example = (info.description or "").split("如“")[0]
        described = [line for line in lines
                     if re.match(rf"^[ #-]*{re.escape(name)}:", line.lstrip()) and info.description
                     and ("# " + before_example) in line]
        assert described, f"{full} is not listed with its description"
        assert "\n" not in info.description  # one line
        is_model = _model_in(info.annotation) is not None
        if not is_model:  # a field one types into carries an example
            assert "如" in info.description, f"{full}: no example in “{info.description}”"
            assert any("如" in line.rsplit("# ", 1)[-1] for line in described), full


@pytest.mark.parametrize("meeting_type", TYPES)
def test_the_scaffold_is_valid_and_opens_the_asked_for_parts(meeting_type: str) -> None:
    text = scaffold(resolve_template(meeting_type, template_dirs([])))
    loaded = load_outline_text(text, "new.yaml")
    opened = {line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()}
    assert {"title", "speaker", "date", "meeting", "directives", "closing"} <= opened
    for optional in ("pivot", "implementation", "reminders"):
        assert f"{optional}:" in text  # listed, open or commented out
    assert ("reminders" in loaded.data) == (meeting_type in ("plenum-closing", "warning-education", "work-safety"))
    assert ("review" in loaded.data) == (meeting_type not in ("symposium", "address"))
    for person in ("李明", "张市长"):
        assert person not in text


def test_a_bad_date_is_located_and_other_problems_still_reported() -> None:
    source = "title: 讲话\ndate: 2026-13-45\ntarget_length: abc\ntitel: x\n"
    with pytest.raises(OutlineError) as info:
        load_outline_text(source, "o.yaml")
    problems = info.value.problems
    assert [(p.line, p.column) for p in problems] == [(2, 7), (3, 16), (4, 1)]
    assert "日期“2026-13-45”不存在" in problems[0].message
    assert problems[0].path == "date"


@pytest.mark.parametrize("source, where, needle", [
    ("date: 2026-02-30\n", (1, 7), "日期“2026-02-30”不存在"),
    ("meeting:\n  name: 会议\ntarget_length: 12.5\n", (3, 16), "target_length"),
    ("target_length: 3,000\n", (1, 16), "应为整数"),
])
def test_value_errors_carry_line_and_column(source: str, where: tuple[int, int], needle: str) -> None:
    with pytest.raises(OutlineError) as info:
        load_outline_text(source, "o.yaml")
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == where
    assert needle in str(info.value)
