"""Lint output a writer can act on: ordered by position, one finding per placeholder, fixes
cut from the corrected text, pinyin notes named as such, tables that fit 100 columns."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app
from drafter.lint import _HALF_PUNCT, lint_paths

runner = CliRunner()


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


DRAFT = ("同志们：\n"
         "    今天，我们召开会议,研究工作。要抓好清单(qīng dān)管理,XX项目要落实。\n"
         "    第二段,有 X 个问题,要解决。\n")


def test_findings_are_ordered_by_file_line_and_column(write) -> None:
    b = write("b.txt", DRAFT)
    a = write("a.txt", DRAFT)
    findings = lint_paths([str(b), str(a)])
    places = [(f.file, f.line or 0, f.column or 0) for f in findings]
    assert places == sorted(places) and findings[0].file == str(a)
    import json

    result = runner.invoke(app, ["lint", str(a), "--format", "json"])  # the table's order too
    shown = [(f["line"], f["column"]) for f in json.loads(result.stdout)]
    assert shown == sorted(shown) and len(shown) >= 3


def test_pinyin_notes_are_pinyin_not_half_width_brackets(write) -> None:
    findings = lint_paths([str(write("d.txt", "同志们：\n    要抓好清单(qīng dān)管理。\n"))])
    assert [f.code for f in findings] == ["D107"]
    assert "qīng dān" in findings[0].message


def test_each_open_field_is_reported_once_at_its_outline_line(write) -> None:
    outline = write("o.yaml", "title: 讲话\nspeaker:\nmeeting:\n  name: 全市工作会议\n"
                              "  purpose: 完成〔待补〕项任务\ndirectives:\n  - heading: 抓落实\n"
                              "    body: [完成XX项任务]\n")
    findings = [f for f in lint_paths([str(outline)]) if f.code == "D101"]
    assert [(f.line, f.where) for f in findings] == [
        (2, "speaker"), (5, "meeting.purpose"), (8, "directives[0].body[0]")]
    assert all(f.line is not None for f in findings)  # nothing left on the rendered draft


HALF = st.sampled_from(list(",;:?!"))
CJK_RUN = st.text(alphabet="今天我们召开会议研究工作要抓好落实问题解决", min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(CJK_RUN, HALF), min_size=1, max_size=6), CJK_RUN)
def test_d104_fix_never_repeats_the_fault(tmp_path_factory, parts, tail) -> None:
    text = "".join(a + b for a, b in parts) + tail + "。"
    path = tmp_path_factory.mktemp("d") / "d.txt"
    path.write_text(f"同志们：\n    {text}\n", encoding="utf-8")
    fixes = [f.fix for f in lint_paths([str(path)]) if f.code == "D104"]
    assert len(fixes) == 1
    excerpt = fixes[0].removeprefix("改为全角，如：")
    assert excerpt and not _HALF_PUNCT.search(excerpt)


def test_lint_table_fits_100_columns_by_wrapping(write) -> None:
    long = "这是一个很长的句子" * 20
    path = write("long.txt", f"同志们：\n    {long}，{long}，{long}。\n    第二段,有问题。\n")
    result = runner.invoke(app, ["lint", str(path)], env={"COLUMNS": "200"})
    lines = result.stdout.splitlines()
    assert lines and max(display_width(line) for line in lines) <= 100
    fixes = "".join(line.split("│")[5].strip() for line in lines if line.count("│") == 6)
    assert "改为全角，如：第二段，有问题。" in fixes  # wrapped, not cut
    assert "拆成几句，便于念和听" in fixes


def test_mine_report_fits_100_columns_and_names_encodings(write) -> None:
    speech = ("在全市重点项目建设推进会上的讲话\n同志们：\n今天，我们召开会议。\n下面，我讲三点意见。\n"
              "一、提高站位\n要提高站位。\n二、突出重点\n要突出重点。\n三、强化保障\n要强化保障。\n"
              "同志们，让我们共同努力，确保完成全年目标任务！\n")
    path = write("speech.txt", speech)
    result = runner.invoke(app, ["mine", str(path)])
    assert result.exit_code == 0, result.output
    assert "编码：UTF-8（1 个文件）" in result.stdout
    assert max(display_width(line) for line in result.stdout.splitlines()) <= 100
    flat = re.sub(r"[\s│┃┏┓┗┛┡┩━─╇╈┳┻└┘┌┐├┤┼]", "", result.stdout)
    assert "过渡句" in flat and "…" not in flat.split("各篇讲话")[1].split("序号样式")[0]
