"""Chinese numerals, ordinals and counts (GB/T 15835, GB/T 9704)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.numbering import (
    OrdinalStyle,
    attach_ordinal,
    cn_count,
    cn_numeral,
    ordinal,
    style_of,
)


@pytest.mark.parametrize("n, text", [
    (1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (19, "十九"),
    (20, "二十"), (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
    (110, "一百一十"), (111, "一百一十一"), (1000, "一千"), (1001, "一千零一"),
    (1010, "一千零一十"), (2025, "二千零二十五"), (10000, "一万"), (10010, "一万零一十"),
    (12345, "一万二千三百四十五"),
])
def test_cardinal_numerals(n: int, text: str) -> None:
    assert cn_numeral(n) == text


@pytest.mark.parametrize("n, text", [(1, "一"), (2, "两"), (3, "三"), (12, "十二"), (20, "二十"),
                                     (22, "二十二")])
def test_counts_use_liang_only_for_exactly_two(n: int, text: str) -> None:
    # 两点意见, but 十二点意见 and 二十二个方面
    assert cn_count(n) == text


@pytest.mark.parametrize("style, expected", [
    (OrdinalStyle.LEVEL1, ["一、", "二、", "三、"]),
    (OrdinalStyle.LEVEL2, ["（一）", "（二）", "（三）"]),
    (OrdinalStyle.LEVEL3, ["1.", "2.", "3."]),  # half-width full stop, never 1、
    (OrdinalStyle.LEVEL4, ["（1）", "（2）", "（3）"]),
    (OrdinalStyle.DI, ["第一，", "第二，", "第三，"]),
    (OrdinalStyle.YI_SHI, ["一是", "二是", "三是"]),
    (OrdinalStyle.YI_YAO, ["一要", "二要", "三要"]),
    (OrdinalStyle.SHOU_XIAN, ["首先，", "其次，", "最后，"]),
])
def test_ordinal_series(style: OrdinalStyle, expected: list[str]) -> None:
    assert [ordinal(style, i, 3) for i in (1, 2, 3)] == expected


def test_ordinals_beyond_ten() -> None:
    assert [ordinal(OrdinalStyle.LEVEL1, i, 21) for i in (10, 11, 12, 20, 21)] == [
        "十、", "十一、", "十二、", "二十、", "二十一、"]
    assert ordinal(OrdinalStyle.LEVEL2, 11, 11) == "（十一）"
    assert ordinal(OrdinalStyle.DI, 12, 12) == "第十二，"


def test_closed_series_by_length() -> None:
    assert [ordinal(OrdinalStyle.SHOU_XIAN, i, 2) for i in (1, 2)] == ["首先，", "其次，"]
    assert [ordinal(OrdinalStyle.SHOU_XIAN, i, 4) for i in (1, 2, 3, 4)] == [
        "首先，", "其次，", "再次，", "最后，"]
    assert [ordinal(OrdinalStyle.FANG_MIAN, i, 2) for i in (1, 2)] == ["一方面，", "另一方面，"]
    with pytest.raises(ValueError):
        ordinal(OrdinalStyle.SHOU_XIAN, 1, 5)
    with pytest.raises(ValueError):
        ordinal(OrdinalStyle.FANG_MIAN, 1, 3)


def test_style_spellings() -> None:
    assert style_of("(一)") is OrdinalStyle.LEVEL2
    assert style_of("1、") is OrdinalStyle.LEVEL3  # a common slip, typeset correctly
    assert style_of("第一") is OrdinalStyle.DI
    assert style_of("甲") is None


def test_attach_ordinal_does_not_double_yao_or_shi() -> None:
    assert attach_ordinal("一要", "要安全生产") == "一要安全生产"
    assert attach_ordinal("二是", "是强化保障") == "二是强化保障"
    assert attach_ordinal("一、", "要把规划图变成施工图") == "一、要把规划图变成施工图"


def _parse(text: str) -> int:
    """An independent reader of the numerals above, to check them both ways."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    units = {"十": 10, "百": 100, "千": 1000}
    total, section, number = 0, 0, 0
    for ch in text:
        if ch in digits:
            number = digits[ch]
        elif ch in units:
            section += (number or 1) * units[ch]
            number = 0
        elif ch == "万":
            total += (section + number) * 10000
            section, number = 0, 0
    return total + section + number


@given(st.integers(min_value=1, max_value=99_999_999))
def test_numerals_read_back(n: int) -> None:
    assert _parse(cn_numeral(n)) == n
