"""`drafter lint`: each rule on a small draft, outlines, .docx, the corpus's noise, and silence on
the rendered examples."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.lint import RULES, lint_paths

from .conftest import OUTLINES, SHARED, make_docx

runner = CliRunner()


def codes(write, text: str, name: str = "draft.txt", **kwargs) -> list[str]:
    return [f.code for f in lint_paths([str(write(name, text))], **kwargs)]


@pytest.mark.parametrize("text, code", [
    ("同志们：\n今年完成投资xx亿元，新开工项目**个。\n", "D101"),
    ("同志们：\n还有〔待补：会议名称〕要写。\n", "D101"),
    ("下面，我讲三点意见。\n一、统一思想\n要统一。\n二、狠抓落实\n要落实。\n", "D102"),
    ("一、统一思想\n要统一。\n二、狠抓落实\n要落实。\n四、加强领导\n要加强。\n", "D103"),
    ("一、统一思想\n要统一。\n第二，狠抓落实\n要落实。\n", "D103"),
    ("要做到三点：一是抓紧。二是抓实。二是抓好。\n", "D103"),
    ("同志们:我们要抓紧,抓实.\n", "D104"),
    ('我们要打造"开门红"。\n', "D105"),
    ("我们要推进發展，抓好項目。\n", "D106"),
    ("展現(xiàn)創(chuàng)新亮點。\n", "D107"),
    ("作为重中之重?!拔覀儗⑼七M集成電路。\n", "D108"),
    ("我们要坚持以人民为中心的发展思想。各项工作都要落到实处。我们要坚持以人民为中心的发展思想。\n", "D109"),
    ("一、统一思想\n要统一。\n二、狠抓落实\n要落实。\n三、加强组织领导，健全工作推进机制，确保各项任务落地见效\n要加强。\n", "D110"),
    ("一、统一思想，提高认识\n要统一。\n二、狠抓落实，务求实效\n要落实。\n三、加强领导和组织保障\n要加强。\n", "D110"),
    ("我们" + "要坚持发展，" * 120 + "推进。\n", "D111"),
    ("一、统一思想\n二、狠抓落实\n要落实。\n", "D113"),
    ("24年GDP增长5%。\n", "D115"),
    ("要干 出新业绩，学 习新本领。\n", "D116"),
    ("当前位置:首页>范文\n同志们：\n今天开会。\n上一篇:别的\n", "D117"),
])
def test_each_rule_finds_its_problem(write, text: str, code: str) -> None:
    assert code in codes(write, text)


def test_clean_text_has_no_findings(write) -> None:
    text = ("同志们：\n今天，我们召开全市工作会议。\n下面，我讲两点意见。\n一、统一思想，提高认识\n要把思想统一到会议精神上来。\n"
            "二、狠抓落实，务求实效\n要把各项任务落到实处。\n同志们，让我们团结奋斗，确保目标任务圆满完成！\n")
    assert codes(write, text) == []


def test_findings_have_places_messages_and_fixes(write) -> None:
    [finding] = lint_paths([str(write("a.txt", "同志们：\n\n今年完成xx亿元。\n"))])
    assert (finding.line, finding.column, finding.severity) == (3, 5, "error")
    assert "占位符" in finding.message and finding.fix


def test_docx_findings_name_the_paragraph(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "稿.docx", ["同志们：", "今年完成xx亿元。"])
    [finding] = lint_paths([str(path)])
    assert finding.code == "D101" and finding.where == "第2段" and finding.line is None


def test_outline_findings_point_into_the_yaml(write) -> None:
    outline = write("o.yaml", "title: 讲话\nspeaker:\ntarget_length: 5000\ndirectives:\n  - heading: 统一思想\n"
                              "    body: [要统一。]\n  - heading: 狠抓落实\n    body: [要落实。]\n"
                              "  - heading: 加强组织领导，健全工作推进机制\n")
    findings = {f.code: f for f in lint_paths([str(outline)])}
    assert findings["D101"].line == 2 and findings["D101"].where == "speaker"
    assert findings["D112"].where == "target_length"
    assert findings["D113"].where == "directives[2]"
    assert findings["D110"].line == 9 and findings["D110"].where == "directives[2].heading"


def test_residue_of_an_old_speech(write) -> None:
    outline = write("o.yaml", """\
title: 在全市工作会议上的讲话
date: 2025-03-01
meeting: {name: 中共云川市委七届九次全会}
lint: {place: 云川市, names: [青溪县]}
directives:
  - heading: 抓项目
    body: [云川市和青溪县要学习义乌市开发区的做法，落实2019年全市经济工作会议和八届三次全会的要求。王建国同志要抓好落实。]
""")
    messages = [f.message for f in lint_paths([str(outline)]) if f.code == "D114"]
    assert any("义乌市" in m for m in messages)
    assert any("八届三次" in m for m in messages) and any("2019年全市经济工作会议" in m for m in messages)
    assert any("人名“王建国”" in m for m in messages)
    assert not any("青溪县" in m or "云川市" in m for m in messages)


def test_ignore_per_run_and_per_outline(write) -> None:
    draft = write("a.txt", "今年完成xx亿元,新开工。\n")
    assert "D104" not in codes(write, "今年完成xx亿元,新开工。\n", ignore=["D104"])
    outline = write("o.yaml", "title:\nlint: {ignore: [D101]}\ndirectives: [一, 二]\n")
    assert "D101" not in [f.code for f in lint_paths([str(outline)])]
    del draft


def test_cli_exit_codes_and_json(write) -> None:
    clean = write("clean.txt", "同志们：\n今天开会。\n")
    warn = write("warn.txt", "同志们:今天开会。\n")
    bad = write("bad.txt", "今年完成xx亿元。\n")
    assert runner.invoke(app, ["lint", str(clean)]).exit_code == 0
    result = runner.invoke(app, ["lint", str(warn)])
    assert result.exit_code == 0 and "D104" in result.stdout and "警告" in result.stdout
    result = runner.invoke(app, ["lint", str(bad), "--format", "json"])
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)
    assert finding["code"] == "D101" and finding["file"] == str(bad) and finding["line"] == 1
    rules = runner.invoke(app, ["lint", "--rules"])
    assert rules.exit_code == 0 and all(code in rules.stdout for code in RULES)


@pytest.mark.parametrize("args, needle", [
    (["lint"], "请给出"), (["lint", "missing.txt"], "找不到"), (["lint", "x.pdf"], "找不到"),
    (["lint", "--ignore", "D999", "README.md"], "未知的规则代码"),
])
def test_cli_bad_input(args: list[str], needle: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and needle in result.output


def test_unsupported_and_binary_files(write) -> None:
    pdf = write("a.pdf", b"%PDF-1.4")
    assert runner.invoke(app, ["lint", str(pdf)]).exit_code == 2
    binary = write("b.txt", b"\x00\x01\x02")
    result = runner.invoke(app, ["lint", str(binary)])
    assert result.exit_code == 2 and "二进制" in result.output
    broken = write("c.docx", b"not a zip")
    result = runner.invoke(app, ["lint", str(broken)])
    assert result.exit_code == 2 and "无法读取" in result.output


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_examples_are_clean_as_outlines_and_as_rendered_drafts(outline: Path, tmp_path: Path) -> None:
    assert lint_paths([str(outline)]) == []
    for suffix in (".txt", ".md", ".docx"):
        target = tmp_path / f"{outline.stem}{suffix}"
        assert runner.invoke(app, ["render", str(outline), "-o", str(target)]).exit_code == 0
        assert [(f.code, f.message) for f in lint_paths([str(target)])] == []


CORPUS = SHARED / "corpus" / "seeds"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not next to this checkout")
def test_lint_finds_the_noise_speech_genre_lists() -> None:
    found: dict[str, set[str]] = {}
    for finding in lint_paths([str(CORPUS)]):
        found.setdefault(Path(finding.file).name[:3], set()).add(finding.code)
    assert {"D106", "D107", "D104"} <= found["000"]  # traditional script with pinyin notes
    assert "D103" in found["000"]  # 二要 three times
    assert {"D106", "D107", "D117"} <= found["001"]  # paywall notice
    assert {"D101", "D115", "D117", "D105"} <= found["002"]  # * placeholders, 24年, editor's note, ”” quotes
    assert {"D101", "D103", "D105", "D116", "D109"} <= found["003"]  # x, 四是 twice, ‚‛, 实 际, repeats
    assert "D108" in found["004"]  # mojibake


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.sampled_from(list("同志们：下面我讲三点意见。一二三四、（）第，是要xX*_ 　"
                                                     "發展(xiàn)<b>?!覀儗⑼M省略1字24年\"“”")), max_size=80),
                max_size=12))
def test_lint_rules_never_raise_on_any_text(lines: list[str]) -> None:
    from drafter.lint import Context, Paragraph, check_paragraphs, check_residue, check_structure

    paras = [Paragraph(text, n) for n, text in enumerate(lines, 1) if text.strip()]
    ctx = Context("fuzz.txt", set())
    check_paragraphs(paras, ctx)
    check_structure(paras, ctx)
    check_residue(paras, ctx, own={"云川市"}, year=2025, meeting="七届九次全会")
    for finding in ctx.findings:
        assert finding.code in RULES and finding.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_lint_any_bytes_is_a_report_or_our_error(tmp_path_factory, data: bytes) -> None:
    from drafter.errors import DrafterError

    path = tmp_path_factory.mktemp("fuzz") / "x.txt"
    path.write_bytes(data)
    with contextlib.suppress(DrafterError):  # our error type is the only one allowed
        lint_paths([str(path)])
