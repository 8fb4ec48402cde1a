"""Meeting-type facts live in the template header: `drafter new`, `drafter templates` and the
miner's classification all read them there, for a writer's own template as for a shipped one.
Adding a meeting type is a template (plus, for a shipped one, an example outline and a golden)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.corpus.house_style import meeting_classifier
from drafter.corpus.mine import mine_text
from drafter.templating import builtin_template_dir, catalogue, template_dirs

from .test_corpus import SPEECH

runner = CliRunner()

FLOOD = """{#- drafter
name: 防汛工作会议
aliases: 防汛会 防汛抗旱工作会议
description: 汛前部署防汛抗旱：研判汛情，压实责任，落实预案和物资。
new.meeting.name: 全县2027年防汛抗旱工作会议
new.review.period: 去年汛期
new.open: reminders reminders.occasion reminders.items
mine: 防汛|抗旱|度汛
mine_order: 5
-#}
{% extends "base.j2" %}
{% block default_call %}让我们坚决守住防汛安全底线，确保安全度汛！{% endblock %}
"""


def _speech(title: str) -> str:
    return SPEECH.replace("在全市重点项目建设推进会上的讲话", title, 1)


@pytest.fixture
def flood(tmp_path: Path) -> Path:
    folder = tmp_path / "types"
    folder.mkdir()
    (folder / "flood.j2").write_text(FLOOD, encoding="utf-8")
    return folder


def _archive(folder: Path, title: str) -> Path:
    folder.mkdir()
    for k in range(2):  # two speeches, not one saved twice
        own = _speech(title).replace("项目是经济发展的生命线。", "项目是经济发展的生命线。" + ("各地要抓紧行动。", "各部门要主动作为。")[k])
        (folder / f"s{k}.txt").write_text(own, encoding="utf-8")
    return folder


def test_a_new_type_in_a_template_folder_is_seen_by_new_templates_and_mine(flood: Path, tmp_path: Path) -> None:
    listed = runner.invoke(app, ["templates", "-t", str(flood)])
    assert listed.exit_code == 0 and "flood" in listed.stdout and "防汛工作会议" in listed.stdout
    assert "自定义" in [line for line in listed.stdout.splitlines() if line.startswith("flood")][0]

    new = runner.invoke(app, ["new", "防汛会", "--template-dir", str(flood)])  # by alias
    assert new.exit_code == 0, new.output
    assert "template: flood" in new.stdout and "全县2027年防汛抗旱工作会议" in new.stdout
    assert "period: 去年汛期" in new.stdout
    assert "\nreminders:" in new.stdout  # opened by the header, closed for other types
    assert "\n# reminders:" in runner.invoke(app, ["new", "deploy"]).stdout

    archive = _archive(tmp_path / "archive", "在全县防汛工作会议上的讲话")
    house = tmp_path / "house"
    mined = runner.invoke(app, ["mine", str(archive), "-t", str(flood), "--emit-templates", str(house)])
    assert mined.exit_code == 0, mined.output
    assert [p.name for p in house.iterdir()] == ["flood-house.j2"]
    emitted = (house / "flood-house.j2").read_text(encoding="utf-8")
    assert '{% extends "flood.j2" %}' in emitted and "name: 防汛工作会议（本单位）" in emitted

    shown = runner.invoke(app, ["templates", "show", "flood", "-t", str(flood)])
    assert shown.exit_code == 0 and "标题或开头含“防汛”“抗旱”“度汛”" in shown.stdout
    assert "其余讲话（默认类型）" in runner.invoke(app, ["templates", "show", "deploy"]).stdout

    # without the folder the same speeches are of the default type
    other = tmp_path / "other"
    assert runner.invoke(app, ["mine", str(archive), "--emit-templates", str(other)]).exit_code == 0
    assert [p.name for p in other.iterdir()] == ["deploy-house.j2"]

    # the house style takes over its type's header facts: `new` scaffolds it like its type
    house_new = runner.invoke(app, ["new", "flood-house", "-t", str(house), "-t", str(flood)])
    assert house_new.exit_code == 0, house_new.output
    assert "template: flood-house" in house_new.stdout and "全县2027年防汛抗旱工作会议" in house_new.stdout


def test_the_config_folder_types_classify_mined_speeches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    (config / "drafter" / "templates").mkdir(parents=True)
    (config / "drafter" / "templates" / "flood.j2").write_text(FLOOD, encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    classify = meeting_classifier(template_dirs())
    [speech] = mine_text(_speech("在全县防汛抗旱工作动员会上的讲话"), "s.txt").speeches
    assert classify(speech) == "flood"  # mine_order 5: tried before 动员 (mobilize, 30)
    new = runner.invoke(app, ["new", "flood"])
    assert new.exit_code == 0 and "全县2027年防汛抗旱工作会议" in new.stdout


@pytest.mark.parametrize(("title", "expected"), [
    ("在市委十三届八次全会闭幕时的讲话", "plenum-closing"),
    ("在全县基层党建工作述职评议会上的点评讲话", "review-comment"),
    ("在全市优化营商环境攻坚行动动员大会上的讲话", "mobilize"),
    ("在全市安全生产工作总结表彰大会上的讲话", "commendation"),
    ("在民营企业家座谈会上的讲话", "symposium"),
    ("在全市三级干部大会上的讲话", "new-year"),
    ("在全县全会闭幕暨表彰大会上的讲话", "plenum-closing"),  # the order in the headers decides
    ("在全县述职评议暨动员大会上的讲话", "review-comment"),
    ("在全县春节前后安全生产工作会议上的讲话", "work-safety"),
    ("在全县警示教育大会上的讲话", "warning-education"),
    ("在市交通运输局“七一”专题党课上的讲稿", "party-lecture"),
    ("在全市中青年干部培训班开班式上的讲话", "training-opening"),
    ("在临江区领导干部大会上的任职讲话", "appointment"),
    ("在2026云川数字经济发展论坛开幕式上的致辞", "address"),
    ("在全区安全生产工作动员大会上的讲话", "mobilize"),  # the older signals are tried first
    ("在全市重点项目建设推进会上的讲话", "deploy"),  # no signal: the default type
])
def test_shipped_types_classify_by_their_header_signals(title: str, expected: str) -> None:
    classify = meeting_classifier(template_dirs())
    [speech] = mine_text(_speech(title), "s.txt").speeches
    assert classify(speech) == expected


def test_every_shipped_type_states_its_scaffold_facts_in_its_header() -> None:
    shipped = catalogue([builtin_template_dir()])
    for info in shipped.values():
        if info.id == "verbatim":
            continue
        hints = info.scaffold_hints
        assert hints.get("meeting.name") and hints.get("meeting.purpose"), info.id
        assert info.id == "deploy" or info.meta.get("mine"), info.id  # deploy: the default type
    source = (Path(__file__).resolve().parent.parent / "drafter").rglob("*.py")
    assert not any("_TYPE_SIGNALS" in p.read_text(encoding="utf-8") or "_TYPES: dict" in p.read_text(encoding="utf-8")
                   for p in source)


def test_a_template_extending_a_type_takes_its_host_facts_but_not_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "types"
    folder.mkdir()
    (folder / "plenum-closing-house.j2").write_text(
        "{#- drafter\nname: 全会闭幕讲话（本单位）\n-#}\n{% extends \"plenum-closing.j2\" %}\n", encoding="utf-8")
    info = catalogue(template_dirs([folder]))["plenum-closing-house"]
    assert info.name == "全会闭幕讲话（本单位）" and info.aliases == []
    assert info.meta["host_adopted"] == "表决" and "mine" not in info.meta
    assert info.scaffold_hints["open"] == "reminders reminders.occasion reminders.items meeting.adopted"


def test_a_bad_mining_signal_is_reported_in_chinese(flood: Path, tmp_path: Path) -> None:
    (flood / "flood.j2").write_text(FLOOD.replace("mine: 防汛|抗旱|度汛", "mine: 防汛(|抗旱"), encoding="utf-8")
    archive = _archive(tmp_path / "archive", "在全县防汛工作会议上的讲话")
    result = runner.invoke(app, ["mine", str(archive), "-t", str(flood), "--emit-templates", str(tmp_path / "h")])
    assert result.exit_code == 2 and "mine" in result.output and "flood.j2" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "h").exists()


def _outline_paths(model: type, prefix: str = "", seen: tuple[type, ...] = ()) -> set[str]:
    from drafter.scaffold import _inner, _model_fields

    paths: set[str] = set()
    for name, field in _model_fields(model):
        paths.add(prefix + name)
        inner = _inner(field.annotation)
        if inner is not None and inner not in seen:  # directives hold directives
            paths |= _outline_paths(inner, f"{prefix}{name}.", (*seen, model))
    return paths


def test_scaffold_facts_in_the_headers_name_real_outline_fields() -> None:
    """A misspelt path in a header would be ignored without a word: every shipped one is checked."""
    from drafter.outline import Outline

    paths = _outline_paths(Outline)
    for info in catalogue([builtin_template_dir()]).values():
        for key, value in info.scaffold_hints.items():
            if key in ("open", "closed"):
                assert set(value.split()) <= paths, (info.id, key, value)
            elif key != "plain_body":
                assert key in paths, (info.id, key)


@pytest.mark.parametrize(("name", "ok"), [
    ("deploy", True), ("防汛", True), ("work-safety", True), ("a_1", True),
    ("", False), ("_partial", False), ("-x", False), ("../deploy", False), ("a/b", False),
    ("deploy\n", False), ("dé", False), ("１", False), ("a.b", False)])
def test_meeting_type_ids(name: str, ok: bool) -> None:
    from drafter.templating import _name_ok

    assert _name_ok(name) is ok
