"""Every command through Typer's runner, every bad input: one Chinese message, exit 2,
nothing written."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.entry import main

from .conftest import OUTLINES, ROOT, snapshot

runner = CliRunner()
DEPLOY = ROOT / "outlines" / "deploy.yaml"


def invoke(*args: str):
    return runner.invoke(app, list(args))


def assert_user_error(result, needle: str) -> None:
    assert result.exit_code == 2, result.output
    assert needle in result.output
    assert "Traceback" not in result.output


# --- render --------------------------------------------------------------------------------

def test_render_prints_the_speech() -> None:
    result = invoke("render", str(DEPLOY))
    assert result.exit_code == 0
    assert result.stdout.startswith("在滨河街道2026年城市更新和老旧小区改造工作推进会上的讲话\n")
    assert "下面，我就做好下一阶段工作，讲三点意见。" in result.stdout


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_render_writes_a_file_by_suffix(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"讲话稿{suffix}"
    result = invoke("render", str(DEPLOY), "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert ("# 在滨河街道" if suffix == ".md" else "在滨河街道") in text
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temp file left


def test_render_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "speech.txt"
    target.write_text("我写了一半的稿子", encoding="utf-8")
    result = invoke("render", str(DEPLOY), "-o", str(target))
    assert_user_error(result, "文件已存在")
    assert "--force" in result.output
    assert target.read_text(encoding="utf-8") == "我写了一半的稿子"
    result = invoke("render", str(DEPLOY), "-o", str(target), "--force")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("在滨河街道")


def test_render_into_a_missing_directory(tmp_path: Path) -> None:
    result = invoke("render", str(DEPLOY), "-o", str(tmp_path / "没有这个目录" / "a.txt"))
    assert_user_error(result, "不存在")
    assert list(tmp_path.iterdir()) == []


def test_render_unknown_suffix_lists_supported(tmp_path: Path) -> None:
    result = invoke("render", str(DEPLOY), "-o", str(tmp_path / "speech.pdf"))
    assert_user_error(result, "不支持的输出格式“.pdf”")
    assert ".txt" in result.output and ".md" in result.output


def test_render_same_outline_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    invoke("render", str(DEPLOY), "-o", str(a))
    invoke("render", str(DEPLOY), "-o", str(b))
    assert a.read_bytes() == b.read_bytes()


def test_open_markers_listed_and_final_refuses(write, tmp_path: Path) -> None:
    outline = write("o.yaml", "title:\nspeaker:\nmeeting:\n  name: 全市工作会议\ndirectives: [抓落实]\n")
    result = invoke("render", str(outline))
    assert result.exit_code == 0
    # an empty title means "generate it"; an empty speaker is a fact left open
    assert result.stdout.startswith("在全市工作会议上的讲话\n")
    assert "还有 1 处待补内容" in result.stderr and "speaker：〔待补：讲话人〕" in result.stderr
    target = tmp_path / "final.txt"
    result = invoke("render", str(outline), "--final", "-o", str(target))
    assert result.exit_code == 1
    assert "定稿检查未通过" in result.stderr
    assert not target.exists()


BAD_OUTLINES = {
    "missing": (None, "找不到大纲文件"),
    "empty": ("", "是空的"),
    "invalid-yaml": ("title: [未闭合\n", "没有闭合"),
    "list-root": ("- 一\n- 二\n", "这里却是列表"),
    "unknown-key": ("titel: 讲话\n", "是否想写“title”"),
    "duplicate-key": ("title: 一\ntitle: 二\n", "重复的键“title”"),
    "wrong-type": ("directives: 三点\n", "应为列表"),
    "unknown-template": ("template: 茶话会\n", "未知的会议类型“茶话会”"),
    "template-path": ("template: ../../etc/passwd\n", "不能包含路径"),
    "binary": (b"\x00\x01\x02binary", "二进制"),
    "fullwidth-colon": ("title：讲话\n", "全角冒号"),
}


@pytest.mark.parametrize("case", sorted(BAD_OUTLINES))
def test_bad_outlines_exit_2_with_one_message(case: str, tmp_path: Path) -> None:
    content, needle = BAD_OUTLINES[case]
    outline = tmp_path / "outline.yaml"
    if content is not None:
        outline.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    target = tmp_path / "out.txt"
    before = snapshot(tmp_path)
    for command in (["render", str(outline)], ["render", str(outline), "-o", str(target)],
                    ["preview", str(outline)], ["validate", str(outline)]):
        result = invoke(*command)
        assert_user_error(result, needle)
        assert result.stdout == ""
        assert result.stderr.startswith("错误：")
    assert snapshot(tmp_path) == before


# --- the console entry: fast path, Chinese usage errors -----------------------------------

def run_main(argv: list[str], capsysbinary) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsysbinary.readouterr()
    return int(info.value.code or 0), out.decode("utf-8"), err.decode("utf-8")


@pytest.mark.parametrize("extra", [[], ["--final"], ["-t", str(ROOT / "templates")]])
def test_fast_path_matches_typer(extra: list[str], capsysbinary) -> None:
    code, out, err = run_main(["render", str(DEPLOY), *extra], capsysbinary)
    typer_result = invoke("render", str(DEPLOY), *extra)
    assert (code, out) == (typer_result.exit_code, typer_result.stdout)


def test_fast_path_writes_and_refuses_like_typer(tmp_path: Path, capsysbinary) -> None:
    target = tmp_path / "a.md"
    code, _, err = run_main(["render", str(DEPLOY), f"--output={target}"], capsysbinary)
    assert code == 0 and target.exists()
    code, _, err = run_main(["render", str(DEPLOY), "-o", str(target)], capsysbinary)
    assert code == 2 and "文件已存在" in err


def test_fast_path_parser_leaves_the_unusual_to_typer() -> None:
    from drafter.fastpath import parse_render_args

    assert parse_render_args(["render", "a.yaml", "-o", "b.txt", "-f"]) is not None
    for argv in (["render"], ["render", "--help"], ["render", "a", "b"], ["render", "a", "-o"],
                 ["render", "a", "-xf"], ["preview", "a"], []):
        assert parse_render_args(argv) is None


@pytest.mark.parametrize("argv", [
    ["validate", "{deploy}"],
    ["preview", "{deploy}", "--width", "90"],
    ["preview", "{deploy}", "--width", "90", "--rate", "180", "--host"],
    ["validate", "{missing}"],
])
def test_validate_and_preview_fast_paths_match_typer(argv: list[str], tmp_path: Path,
                                                     capsysbinary) -> None:
    args = [a.format(deploy=DEPLOY, missing=tmp_path / "无.yaml") for a in argv]
    code, out, err = run_main(args, capsysbinary)
    typer_result = invoke(*args)
    assert (code, out) == (typer_result.exit_code, typer_result.stdout)
    assert err.strip() == typer_result.stderr.strip()


def test_fast_path_parser_for_validate_and_preview_leaves_the_unusual_to_typer() -> None:
    from drafter.fastpath import parse_look_args

    assert parse_look_args(["preview", "a.yaml", "--width", "80", "--host"]) is not None
    for argv in (["preview"], ["preview", "a", "--watch"], ["preview", "a", "--rate", "abc"],
                 ["preview", "a", "--rate", "5"], ["validate", "a", "--host"], ["validate", "a", "b"],
                 ["preview", "a", "--help"], ["render", "a"]):
        assert parse_look_args(argv) is None, argv


@pytest.mark.parametrize("argv, needle", [
    (["render"], "缺少参数"),
    (["render", "a.yaml", "--colour"], "没有这个选项"),
    (["rendr", "a.yaml"], "没有这个命令"),
    (["preview", str(DEPLOY), "--rate", "abc"], "参数取值无效"),
])
def test_usage_errors_are_chinese(argv: list[str], needle: str, capsysbinary) -> None:
    code, out, err = run_main(argv, capsysbinary)
    assert code == 2
    assert err.startswith("错误：") and needle in err and "--help" in err


def test_help_is_chinese(capsysbinary) -> None:
    code, out, _ = run_main(["--help"], capsysbinary)
    assert code == 0
    for command in ("render", "preview", "new", "templates", "schema", "validate"):
        assert command in out
    assert "讲话稿" in out


# --- preview -----------------------------------------------------------------------------

def test_preview_shows_speech_and_stats() -> None:
    result = invoke("preview", str(DEPLOY), "--width", "100")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "在滨河街道2026年城市更新和老旧小区改造工作推进会上的讲话" in out
    assert "字数" in out and "讲话时长" in out and "意见" in out and "3点，下设要点6个" in out
    assert "各点篇幅" in out and re.search(r"一\d{3}字\s+二\d{3}字\s+三\d{3}字", out)  # an unbalanced speech shows at a glance


def test_preview_speaking_rate_is_adjustable() -> None:
    import re

    def minutes(rate: str) -> int:
        out = invoke("preview", str(DEPLOY), "--rate", rate, "--width", "100").stdout
        return int(re.search(r"约(\d+)分钟（按" + rate, out).group(1))

    assert minutes("220") == 13  # about 2,900 spoken characters
    assert minutes("110") in (26, 27)


# --- templates, new, schema, validate ----------------------------------------------------

def test_templates_lists_every_type() -> None:
    result = invoke("templates")
    assert result.exit_code == 0
    for outline in OUTLINES:
        assert outline.stem in result.stdout
    assert "工作部署会" in result.stdout and "座谈会讲话" in result.stdout


def test_templates_show_names_parts_and_fields() -> None:
    result = invoke("templates", "show", "全会闭幕")
    assert result.exit_code == 0, result.output
    assert "plenum-closing（全会闭幕讲话）" in result.stdout
    assert "开场" in result.stdout and "节令提醒" in result.stdout
    assert "meeting.adopted" in result.stdout and "reminders.items" in result.stdout


def test_templates_show_unknown() -> None:
    assert_user_error(invoke("templates", "show", "茶话会"), "未知的会议类型")


def test_templates_with_user_folder(tmp_path: Path) -> None:
    (tmp_path / "party.j2").write_text(
        "{#- drafter\nname: 茶话会\ndescription: 新春茶话会致辞\n-#}\n{% extends \"base.j2\" %}\n",
        encoding="utf-8")
    result = invoke("templates", "--template-dir", str(tmp_path))
    assert "party" in result.stdout and "茶话会" in result.stdout and "自定义" in result.stdout
    assert_user_error(invoke("templates", "--template-dir", str(tmp_path / "无")), "模板文件夹不存在")


@pytest.mark.parametrize("meeting_type", [p.stem for p in OUTLINES])
def test_new_outline_validates_and_renders_as_it_stands(meeting_type: str, tmp_path: Path) -> None:
    target = tmp_path / "outline.yaml"
    result = invoke("new", meeting_type, "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./drafter-outline.schema.json\n")
    assert json.loads((tmp_path / "drafter-outline.schema.json").read_text(encoding="utf-8"))
    rendered = invoke("render", str(target))
    assert rendered.exit_code == 0, rendered.output
    assert "〔待补：" in rendered.stdout  # the blanks show what to fill in
    if meeting_type == "address":  # 致辞: no 讲几点意见, a welcome register
        assert "尊敬的" in rendered.stdout and "点意见" not in rendered.stdout
    else:  # the transition announces the points
        assert re.search("下面|句话|借此机会", rendered.stdout)


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "o.yaml"
    target.write_text("mine", encoding="utf-8")
    assert_user_error(invoke("new", "deploy", "-o", str(target)), "文件已存在")
    assert target.read_text(encoding="utf-8") == "mine"


def test_new_unknown_type() -> None:
    assert_user_error(invoke("new", "茶话会"), "未知的会议类型")


def test_schema_prints_the_shipped_schema() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "drafter 讲话稿大纲" and "directives" in schema["properties"]


def test_validate() -> None:
    result = invoke("validate", str(DEPLOY))
    assert result.exit_code == 0 and "大纲有效" in result.stderr


def test_readme_mentions_every_command() -> None:
    import typer.main

    from drafter.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert len(commands) >= 10
    for command, registered in commands.items():
        assert f"drafter {command}" in readme, command
        for sub in getattr(registered, "commands", {}):  # a group's own: drafter templates show
            assert f"drafter {command} {sub}" in readme, f"{command} {sub}"


def test_unwritable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    # root may write anywhere, so the check is made to see a read-only folder
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked else real_access(p, mode))
    for suffix in (".txt", ".docx", ".html"):
        assert_user_error(invoke("render", str(DEPLOY), "-o", str(locked / f"a{suffix}")), "没有写入目录")
    assert list(locked.iterdir()) == []


def test_output_path_that_is_a_folder(tmp_path: Path) -> None:
    # a folder is said to be one, not an output with a missing suffix
    assert_user_error(invoke("render", str(DEPLOY), "-o", str(tmp_path)), "是一个文件夹")
    folder = tmp_path / "a.docx"
    folder.mkdir()
    assert_user_error(invoke("render", str(DEPLOY), "-o", str(folder)), "是一个文件夹")


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_existing_binary_output_is_not_overwritten(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"定稿{suffix}"
    target.write_bytes(b"leader's final version")
    assert_user_error(invoke("render", str(DEPLOY), "-o", str(target)), "文件已存在")
    assert target.read_bytes() == b"leader's final version"


@pytest.mark.parametrize(("name", "fields"), [
    ("专题党课", ["theme:"]), ("警示教育大会", []), ("开班式", []),
    ("任职讲话", ["post:", "predecessor:"]), ("签约仪式致辞", ["theme:", "guests:"]),
    ("安全生产工作会议", ["reminders:"]),
])
def test_new_types_by_chinese_name_scaffold_the_fields_they_read(
        name: str, fields: list[str], tmp_path: Path) -> None:
    target = tmp_path / "o.yaml"
    result = invoke("new", name, "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    for field in fields:
        assert f"\n  {field}" in text or f"\n{field}" in text, field
    if name == "签约仪式致辞":  # no 讲几点意见 to announce
        assert "\ntransition:" not in text and "尊敬的" in text  # listed only as a comment
