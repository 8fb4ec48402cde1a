"""What a new writer typed on first use, and what drafter made of it (the first-use walk-through)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import DrafterError
from drafter.templating import resolve_template, template_dirs

runner = CliRunner()


@pytest.mark.parametrize(("typed", "expected"), [
    ("安全生产", "work-safety"),        # the topic is the name writers give the meeting
    ("年度工作会议", "new-year"),       # a company's or school's yearly meeting: 总结上年、部署全年
    ("年度工作会", "new-year"),
])
def test_names_writers_type_find_their_meeting_type(typed: str, expected: str) -> None:
    assert resolve_template(typed, template_dirs()).id == expected


@pytest.mark.parametrize("typed", ["开学典礼讲话", "开学典礼"])
def test_a_school_opening_ceremony_is_not_a_cadre_training_class(typed: str) -> None:
    # training-opening speaks of 开班、学员、干部成长: wrong for pupils at a 开学典礼
    try:
        found = resolve_template(typed, template_dirs()).id
    except DrafterError as exc:
        assert "是否想写“training-opening”" not in str(exc)
    else:
        assert found != "training-opening"


def test_new_with_a_topic_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", "安全生产", "-o", str(tmp_path / "安全.yaml")])
    assert result.exit_code == 0, result.output
    assert "template: work-safety" in (tmp_path / "安全.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("date", ["2026-13-01", "2026年2月30日", "2026/0/5"])
def test_phrases_refuses_a_date_that_does_not_exist(date: str) -> None:
    result = runner.invoke(app, ["phrases", "结尾", "--date", date])
    assert result.exit_code == 2, result.output
    assert "不存在" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("date", ["2026", "2027-03-01", "2027年3月1日", "2027.3.1"])
def test_phrases_takes_the_dates_writers_write(date: str) -> None:
    result = runner.invoke(app, ["phrases", "结尾", "--date", date, "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert f"{date[:4]} 年适用" in result.stdout


def test_syntax_problems_are_listed_in_file_order(tmp_path: Path) -> None:
    # a full-width colon on line 2 breaks the parse on line 3: the cause comes first
    outline = tmp_path / "笔误.yaml"
    outline.write_text("template: deploy\ntitle： 在全县大会上的讲话\nspeaker: 县长\n"
                       "directives:\n  － 抓项目\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(outline)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if "笔误.yaml:" in line]
    at = [int(line.split("笔误.yaml:")[1].split(":")[0]) for line in lines]
    assert len(at) >= 3 and at == sorted(at), result.stderr
    assert "全角冒号" in lines[0]


def test_mine_o_from_a_folder_says_which_speech_it_took(tmp_path: Path) -> None:
    # with a folder, -o takes the first speech found: the writer is told which one
    folder = tmp_path / "历年 讲话"
    folder.mkdir()
    speech = "在全县{0}会议上的讲话\n\n同志们：\n下面，我讲两点意见。\n一、抓项目\n要抓项目。\n二、抓落实\n要抓落实。\n"
    (folder / "甲.txt").write_text(speech.format("项目"), encoding="utf-8")
    (folder / "乙.txt").write_text(speech.format("安全"), encoding="utf-8")
    target = tmp_path / "大纲.yaml"
    result = runner.invoke(app, ["mine", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    took = "甲.txt" if "项目" in target.read_text(encoding="utf-8").split("title:")[1].splitlines()[0] else "乙.txt"
    assert f"取自 {folder / took}" in result.stderr, result.stderr


def test_a_house_template_without_its_folder_says_to_add_it(tmp_path: Path) -> None:
    outline = tmp_path / "o.yaml"
    outline.write_text("template: deploy-house\ndirectives: [抓项目, 抓落实]\n", encoding="utf-8")
    result = runner.invoke(app, ["render", str(outline)])
    assert result.exit_code == 2
    assert "--template-dir" in result.stderr, result.stderr


def test_phrases_from_an_outline_do_not_explain_slots_already_filled(tmp_path: Path) -> None:
    outline = tmp_path / "o.yaml"
    outline.write_text("template: deploy\ndate: 2026-12-10\nunit: {level: 乡镇, name: 青石镇}\n"
                       "directives: [抓项目, 抓落实]\n", encoding="utf-8")
    result = runner.invoke(app, ["phrases", "开场", "--outline", str(outline), "--limit", "200"])
    assert result.exit_code == 0, result.output
    assert "青石镇" in result.stdout and "{地}" not in result.stdout, result.stdout
    legend = result.stdout.strip().splitlines()[-1]
    assert legend.startswith("空位：") and "{单位}" in legend  # what is still open is still explained


def test_preview_of_an_address_does_not_count_zero_directives() -> None:
    # a 致辞 has its points as unnumbered paragraphs; "意见 0点" misled the writer
    root = Path(__file__).resolve().parent.parent
    result = runner.invoke(app, ["preview", str(root / "outlines" / "address.yaml"), "--width", "100"])
    assert result.exit_code == 0, result.output
    assert "字数" in result.stdout and "0点" not in result.stdout
    deploy = runner.invoke(app, ["preview", str(root / "outlines" / "deploy.yaml"), "--width", "100"])
    assert "3点" in deploy.stdout  # numbered directives are still counted
