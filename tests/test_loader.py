"""Reading outlines: every way a writer's file can be wrong gets one located Chinese message."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from drafter.errors import OutlineError
from drafter.loader import MAX_BYTES, load_outline, load_outline_text

GOOD = """\
template: deploy
title: 在全市工作会议上的讲话
directives:
  - heading: 统一思想
    body: [要统一思想。]
"""


def problems(text: str | bytes, write) -> list[str]:
    path = write("outline.yaml", text)
    with pytest.raises(OutlineError) as info:
        load_outline(path)
    return [str(p) for p in info.value.problems]


def test_a_good_outline_loads(write) -> None:
    loaded = load_outline(write("o.yaml", GOOD))
    assert loaded.data["title"] == "在全市工作会议上的讲话"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OutlineError, match="找不到大纲文件"):
        load_outline(tmp_path / "nope.yaml")


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(OutlineError, match="文件夹"):
        load_outline(tmp_path)


@pytest.mark.parametrize("text, needle", [
    ("", "是空的"),
    ("   \n\n", "是空的"),
    ("# 只有注释\n", "只有注释"),
    ("- 一\n- 二\n", "最外层应是“键: 值”映射，这里却是列表"),
    ("就是一段话", "最外层应是“键: 值”映射，这里却是一段文字"),
])
def test_empty_and_wrong_root(write, text: str, needle: str) -> None:
    assert any(needle in p for p in problems(text, write))


def test_yaml_syntax_error_has_line_and_column(write) -> None:
    text = 'title: "在会上的讲话\nspeaker: 李明\n'
    [first, *_] = problems(text, write)
    assert "outline.yaml:" in first and "引号没有闭合" in first


def test_tab_indentation(write) -> None:
    text = "meeting:\n\tname: 会议\n"
    assert any("制表符" in p for p in problems(text, write))


def test_unknown_key_with_suggestion(write) -> None:
    [p] = problems("titel: 讲话\n", write)
    assert p.startswith(str(Path(p.split(":")[0]))) and ":1:1" in p
    assert "未知字段“titel”，是否想写“title”？" in p


def test_chinese_key_gets_english_name(write) -> None:
    [p] = problems("标题: 在会上的讲话\n", write)
    assert "字段名请用英文：是否想写“title”？" in p


def test_duplicate_keys_are_an_error_reported_with_the_rest(write) -> None:
    text = "title: 一\nspeaker: 甲\ntitle: 二\ndirectives: 三\n"
    found = problems(text, write)
    assert any(":3:1" in p and "重复的键“title”（第 1 行已写过）" in p for p in found)
    assert any("directives" in p and "应为列表" in p for p in found)


def test_every_problem_at_once_with_paths(write) -> None:
    text = """\
directives:
  - heading: 一
    points:
      - heading: 123
      - body: [正文]
    points_style: 甲
review:
  achievements:
    - indicator: GDP
      valu: 5
transition:
  style: 讲点
"""
    found = problems(text, write)
    joined = "\n".join(found)
    assert "outline.yaml:4:18 directives[0].points[0].heading：应为文本，实际是数字 123" in joined
    assert "directives[0].points[1].heading：缺少必填字段“heading”" in joined
    assert "directives[0].points_style：未知的序号样式“甲”" in joined
    assert "review.achievements[0].valu：未知字段“valu”，是否想写“value”？" in joined
    assert "transition.style：未知的过渡句样式“讲点”" in joined
    assert len(found) == 5  # no noise from pydantic's union members


def test_wrong_type_at_top_level(write) -> None:
    [p] = problems("meeting: 全市会议\n", write)
    assert "meeting：应为映射（键: 值），实际是文本“全市会议”" in p


def test_list_where_a_mapping_belongs(write) -> None:
    [p] = problems("review:\n  - 成绩很大\n", write)
    assert "review：应为映射（键: 值），实际是列表" in p


def test_out_of_range_number(write) -> None:
    [p] = problems("target_length: 5\n", write)
    assert "target_length：取值应不小于 100" in p


@pytest.mark.parametrize("text, needle", [
    ("title：在会上的讲话\n", "键“title”后面是全角冒号“：”"),
    ("title: 讲话\nspeaker：李明\n", "键“speaker”后面是全角冒号“：”"),
    ("title:在会上的讲话\n", "冒号后缺少空格"),
    ("directives: ［一, 二］\n", "全角括号"),
    ("directives:\n  － 一\n", "不是列表符号"),
])
def test_input_method_slips_get_a_hint(write, text: str, needle: str) -> None:
    assert any(needle in p for p in problems(text, write))


def test_fullwidth_quotes_where_yaml_quotes_are_meant(write) -> None:
    [first, *_] = problems("title: “在会上的讲话: 定稿”\n", write)
    assert "中文引号不是 YAML 的引号" in first


def test_binary_file(write) -> None:
    assert any("二进制" in p for p in problems(b"\x89PNG\r\n\x1a\n\x00\x00", write))


def test_gbk_file_is_refused_with_advice(write) -> None:
    [p] = problems("title: 在会上的讲话\n".encode("gbk"), write)
    assert "不是 UTF-8 编码" in p and "另存为" in p


def test_utf8_bom_and_utf16_are_read(write) -> None:
    assert load_outline(write("a.yaml", "\ufeff" + GOOD)).data["template"] == "deploy"
    assert load_outline(write("b.yaml", GOOD.encode("utf-16"))).data["template"] == "deploy"


def test_huge_file_is_refused_before_reading(write) -> None:
    [p] = problems("title: " + "长" * (MAX_BYTES // 3 + 10) + "\n", write)
    assert "过大" in p


def test_deep_nesting_is_refused(write) -> None:
    text = "title: " + "[" * 60 + "]" * 60 + "\n"
    assert any("嵌套超过" in p for p in problems(text, write))


def test_alias_bomb_is_refused_without_eating_memory(write) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    text = "\n".join(lines) + "\n"  # 10**9 strings once expanded
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found = problems(text, write)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert any("别名炸弹" in p for p in found)
    assert grown_kb < 200 * 1024  # refused long before it is built (Linux: KiB)


def test_explicit_nulls_are_valid(write) -> None:
    loaded = load_outline(write("o.yaml", "title:\nspeaker: null\ndirectives:\n  - heading:\n"))
    assert loaded.data["title"] is None


def test_text_api_reports_the_given_name() -> None:
    with pytest.raises(OutlineError) as info:
        load_outline_text("titel: x\n", "我的大纲.yaml")
    assert str(info.value).startswith("我的大纲.yaml:1:1")


@pytest.mark.parametrize("path", ["title", "directives[1].points[0].heading", "review.achievements[2]"])
def test_split_path_is_the_inverse_of_format_path(path: str) -> None:
    from drafter.loader import format_path, split_path

    assert format_path(split_path(path)) == path
    assert split_path("directives[1].body[0]") == ("directives", 1, "body", 0)
