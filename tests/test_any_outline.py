"""Proof that the frames hold for any outline, at any level, under any meeting type.

Every example outline is rendered under every meeting type at every unit level, and
generated outlines (hypothesis) under random types and levels; each speech is checked
mechanically for the seams where frame meets the writer's text.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.export.text import export
from drafter.lint import Context, Paragraph, _counts
from drafter.lint_fit import check_bundles, check_series, outline_texts
from drafter.loader import LoadedOutline, Positions, load_outline
from drafter.render import render_outline
from drafter.templating import catalogue, template_dirs
from drafter.unit import LEVELS, SCOPE_LEVEL, resolve_unit

from .conftest import OUTLINES

TYPES = sorted(catalogue(template_dirs()))
# Every word that names a level: scope words, party committees and governments, people.
LEVEL_WORDS = sorted({*SCOPE_LEVEL, *(w for lw in LEVELS.values()
                                      for w in (*lw.leadership.split("、"), lw.people)
                                      if "全" in w or "师生" in w or "委" in w or "政府" in w),
                      "市委", "县委", "区委", "省委", "市政府", "县政府"} - {"全局"},
                     key=len, reverse=True)
_LEVEL_WORD = re.compile("|".join(f"{re.escape(w)}(?![域场面])" for w in LEVEL_WORDS))
_NEUTRAL = "本地"


def _neutral(value: Any) -> Any:
    """The writer's text with every level word taken out, so that any level word left in the
    speech was put there by a frame."""
    if isinstance(value, str):
        return re.sub(r"我[省市县区镇乡校]", "我们", _LEVEL_WORD.sub(_NEUTRAL, value))
    if isinstance(value, list):
        return [_neutral(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("template", "date", "unit") else _neutral(v)) for k, v in value.items()}
    return value


def _present(data: Any, path: str) -> bool:
    """Whether the outline holds a non-empty value at an outline path."""
    node = data
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(node, list) or index >= len(node):
                return False
            node = node[index]
        else:
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
    return node is not None and node != "" and node != []


_DOUBLED_PUNCT = re.compile(r"[，；：、][。，；：、！？]|[。！？][，；：、。]|“”|（）|《》")
_DOUBLED_ORDINAL = re.compile(r"[一二三四五六七八九十]+、[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）（|"
                              r"[一二三四五六七八九十][是要][一二三四五六七八九十][是要]|第[一二三四五六七八九十]+，第|"
                              r"\d+\.\d+\.")
_EMPTY_FRAME = re.compile(r"在上的讲话|我们召开[。，]|主要任务是[，。]|向表示|是的结果|当前，。|刚才，。|"
                          r"作了[。，]|刚才，作了|我代表，|经研究决定|特别是要。|即将来临，各级各部门要。")
_ASCII = re.compile(r"[,;:?!\"'()\[\]{}<>]|None")


def check_speech(loaded: LoadedOutline, template: str, dirs: list[Path] | None = None) -> list[str]:
    """The seams a listener would hear, as a list of problems (empty when the speech holds)."""
    result = render_outline(loaded, template=template, extra_template_dirs=dirs)
    text = export(result.document)
    unit = resolve_unit(loaded.data)
    problems = []
    for pattern, what in ((_DOUBLED_PUNCT, "doubled punctuation"), (_DOUBLED_ORDINAL, "doubled ordinal"),
                          (_EMPTY_FRAME, "empty frame"), (_ASCII, "ASCII or None")):
        for m in pattern.finditer(text):
            problems.append(f"{what}: …{text[max(0, m.start() - 12):m.end() + 12]}…")
    own = {unit["scope"], unit["people"], *unit["leadership"].split("、")}
    # the writer's own words may name any level; a frame may name only the unit's
    own |= {m.group(0) for _, t in outline_texts(loaded.data) for m in _LEVEL_WORD.finditer(t)}
    for m in _LEVEL_WORD.finditer(text):
        if m.group(0) not in own and not any(m.group(0) in w for w in own):
            problems.append(f"level word {m.group(0)} in a {unit['level']} speech: "
                            f"…{text[max(0, m.start() - 12):m.end() + 12]}…")
    for marker in result.markers:
        if _present(loaded.data, marker.path):
            problems.append(f"〔待补〕 for present field {marker.path}")
    if "讲一点" in text or "一点意见" in text:
        problems.append("讲一点意见")
    blocks = result.document.blocks
    for k, block in enumerate(blocks):
        if block.plain.endswith("：") and block.kind != "salutation":
            following = blocks[k + 1] if k + 1 < len(blocks) else None
            if following is None or not following.number:
                problems.append(f"lead-in with nothing after it: {block.plain[-20:]}")
    paras = [Paragraph(b.plain, None, f"第{i}段") for i, b in enumerate(blocks, 1)]
    ctx = Context("speech", set())
    _counts(paras, ctx)
    check_bundles(paras, ctx)
    if template != "verbatim":  # verbatim keeps a mined speech's numbering as it was
        check_series(paras, ctx)
    # D123 (more than seven points) judges the outline, not the frames
    problems += [f"{f.code} {f.where}: {f.message}" for f in ctx.findings if f.code != "D123"]
    return problems


def test_the_checks_catch_what_the_issue_found(tmp_path: Path) -> None:
    """The old frames' faults, put back into a template, are each reported."""
    (tmp_path / "old.j2").write_text("""\
{% extends "base.j2" %}
{% block opening %}
@p 同志们，各级各部门要迅速在全市上下掀起热潮，，向{{ o.meeting.honoured }}表示祝贺。
@p 下面，我讲一点意见。
@np 一是 只有一个问题。
@p 关键在“五个聚焦”：一是甲；二是乙；三是丙。
@h 1 一、 一、提高认识
{% endblock %}
""", encoding="utf-8")
    loaded = _at_level(load_outline(OUTLINES[0]), "县", neutral=True)
    problems = "\n".join(check_speech(loaded, "old", [tmp_path]))
    for expected in ("level word 全市", "doubled punctuation", "讲一点意见", "D122", "D124",
                     "doubled ordinal"):
        assert expected in problems, expected


def _at_level(loaded: LoadedOutline, level: str, neutral: bool) -> LoadedOutline:
    data = copy.deepcopy(loaded.data)
    if neutral:
        data = _neutral(data)
    data["unit"] = {"level": level}
    return LoadedOutline(data=data, positions=loaded.positions, source=loaded.source)


def covering(examples: int, types: int, levels: int) -> list[tuple[int, int, int]]:
    """(example, type, level) triples that cover every pair: every example under every type,
    every type at every level, every example at every level (a full product is 10× slower
    and finds nothing more: the frames see the example and the level separately)."""
    combos = {(e, t, (e + t) % levels) for e in range(examples) for t in range(types)}
    for t in range(types):
        for level in range(levels):
            if not any(c[1] == t and c[2] == level for c in combos):
                combos.add(((level + t) % examples, t, level))
    for e in range(examples):
        for level in range(levels):
            if not any(c[0] == e and c[2] == level for c in combos):
                combos.add((e, (e + level) % types, level))
    return sorted(combos)


def test_covering_covers_every_pair() -> None:
    combos = covering(7, 9, 10)
    assert {(e, t) for e, t, _ in combos} == {(e, t) for e in range(7) for t in range(9)}
    assert {(t, v) for _, t, v in combos} == {(t, v) for t in range(9) for v in range(10)}
    assert {(e, v) for e, _, v in combos} == {(e, v) for e in range(7) for v in range(10)}


LEVEL_NAMES = sorted(LEVELS)


@pytest.mark.parametrize("index", range(len(OUTLINES)), ids=lambda i: OUTLINES[i].stem)
def test_every_example_under_every_type_at_every_level(index: int) -> None:
    loaded = load_outline(OUTLINES[index])
    failures = []
    for e, t, v in covering(len(OUTLINES), len(TYPES), len(LEVEL_NAMES)):
        if e != index:
            continue
        template, level = TYPES[t], LEVEL_NAMES[v]
        for problem in check_speech(_at_level(loaded, level, neutral=True), template):
            failures.append(f"{template} @ {level}: {problem}")
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_each_example_holds_as_written(outline: Any) -> None:
    loaded = load_outline(outline)
    problems = [p for p in check_speech(loaded, str(loaded.data.get("template") or "deploy"))
                if not p.startswith("level word")]  # the example's own prose may name other levels
    assert not problems, "\n".join(problems)


# --- generated outlines -------------------------------------------------------------------------

PHRASES = ["统一思想，提高认识", "压实责任，狠抓落实", "聚焦重点，精准发力", "强化保障，优化服务",
           "守住底线，防范风险", "改进作风，提升效能", "完善机制，形成合力", "突出重点，补齐短板"]
SENTENCES = ["要把这项工作摆在突出位置，抓紧抓实。", "各有关方面要密切配合，形成工作合力。",
             "要建立工作台账，逐项推进、按期销号。"]
CLAUSES = ["项目储备不足", "要素保障不够有力", "基层力量比较薄弱", "一些政策落实不够到位"]
ORDINALS = ["", "", "一、", "（二）", "3.", "第一，", "一是", "二要", "首先，", "一、一、"]
STYLES = [None, ["一、"], ["第一，", "一要"], ["一、", "一是"], ["（一）"]]
NAMES = [None, "全县安全生产工作会议", "云川镇2026年工作会议", "云川县第一中学教职工大会",
         "云川集团2027年工作会议", "全市重点项目推进会", "县教育局2027年工作会议"]

ordinal = st.sampled_from(ORDINALS)
point = st.builds(lambda o, h, b: {"heading": o + h, **({"body": [b]} if b else {})},
                  ordinal, st.sampled_from(PHRASES), st.sampled_from([None, *SENTENCES]))
directive = st.builds(lambda o, h, body, points: {"heading": o + h, "body": body, "points": points},
                      ordinal, st.sampled_from(PHRASES), st.lists(st.sampled_from(SENTENCES), max_size=2),
                      st.lists(point, max_size=5))
figure = st.builds(lambda ind, g: {"indicator": ind, "growth": g},
                   st.sampled_from(["地区生产总值", "事故起数", "固定资产投资"]),
                   st.sampled_from([5.8, 0, -2.5, "下降3%", "持平"]))
meeting = st.fixed_dictionaries({}, optional={
    "name": st.sampled_from([n for n in NAMES if n]),
    "organizer": st.just("党委、政府"),
    "purpose": st.just("总结工作、部署任务"),
    "background": st.sampled_from(["全年工作承上启下的关键时期", "安全生产形势依然严峻复杂"]),
    "heard": st.lists(st.just("有关部门通报了工作情况"), min_size=1, max_size=2),
    "speakers": st.lists(st.sampled_from(["甲单位", "乙单位", "丙单位"]), min_size=1, max_size=3,
                         unique=True),
    "adopted": st.lists(st.just("《关于深化改革推动高质量发展的决定》"), min_size=1, max_size=1),
    "honoured": st.just("20个先进集体"),
})
review = st.fixed_dictionaries({}, optional={
    "period": st.just("今年以来"),
    "summary": st.just("各项工作稳中有进"),
    "achievements": st.lists(st.one_of(figure, st.builds(lambda o, c: o + c, ordinal,
                                                          st.sampled_from(CLAUSES))), max_size=4),
    "problems": st.lists(st.builds(lambda o, c: o + c, ordinal, st.sampled_from(CLAUSES)),
                         max_size=4),
    "credit": st.just("上下同心、共同奋斗"),
    "thanks": st.just("广大建设者"),
})
reminders = st.fixed_dictionaries({}, optional={
    "occasion": st.sampled_from(["春节", "元旦春节", "国庆中秋", "汛期"]),
    "items": st.lists(st.builds(lambda o, c: o + c, st.sampled_from(["", "一要", "二要"]),
                                st.sampled_from(["加强值班值守", "做好物资储备", "确保安全稳定"])),
                      max_size=3),
})
outline = st.fixed_dictionaries(
    {"directives": st.lists(directive, min_size=1, max_size=8)},
    optional={
        "speaker": st.sampled_from(["县委书记 王某某", "校长 王某某", "董事长 王某某", "局长 王某某"]),
        "date": st.sampled_from(["2026-01-20", "2026-06-01", "2026-09-20", "2026-12-01"]),
        "unit": st.builds(lambda level: {"level": level}, st.sampled_from(sorted(LEVELS))),
        "meeting": meeting, "review": review, "reminders": reminders,
        "numbering": st.sampled_from([s for s in STYLES if s]),
        "transition": st.sampled_from([{"style": "讲几点意见"}, {"style": "讲几个方面"},
                                       {"style": "强调几点"}, {"topic": "做好今年工作"},
                                       {"numbered": False}]),
        "pivot": st.just("同志们，成绩来之不易，挑战依然严峻。"),
        "implementation": st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=2),
        "closing": st.fixed_dictionaries({}, optional={"call": st.just("让我们携手并进，再创佳绩！")}),
    })


@settings(max_examples=40, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=outline, template=st.sampled_from(TYPES))
def test_generated_outlines_hold(data: dict[str, Any], template: str) -> None:
    from drafter.loader import validate_with_model

    data = validate_with_model(data, Positions(), "generated.yaml", [], "")
    problems = check_speech(LoadedOutline(data=data, positions=Positions(), source="g.yaml"), template)
    assert not problems, "\n".join(problems)
