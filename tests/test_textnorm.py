"""Output normalisation of Chinese text, and counting like a word processor."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.textnorm import hanzi_count, normalize_zh, one_line, word_count


@pytest.mark.parametrize("raw, clean", [
    ("同志们:", "同志们："),  # half-width colon after Chinese
    ("一是抓开工,二是抓投产;", "一是抓开工，二是抓投产；"),
    ("能不能再快些?肩膀能不能再硬些!", "能不能再快些？肩膀能不能再硬些！"),
    ("(一)聚焦动能转换", "（一）聚焦动能转换"),
    ("区域全面经济伙伴关系协定(RCEP)", "区域全面经济伙伴关系协定（RCEP）"),
    ("干 出了新业绩", "干出了新业绩"),  # stray space between characters
    ("2017 年度", "2017年度"),
    ('打造"开门红"', "打造“开门红”"),
    ("增长5.8%,居全省第3位", "增长5.8%，居全省第3位"),
    ("完成投资1,250亿元", "完成投资1,250亿元"),  # thousands separator stays
    ("时间:13:50开会", "时间：13:50开会"),  # a time stays
    ("GDP 增长5%", "GDP增长5%"),
    ("抓落实...", "抓落实……"),
    ("项目建设.", "项目建设。"),
    ("增长5.8%.", "增长5.8%。"),
    ("1.发展思路要清晰", "1.发展思路要清晰"),  # an ordinal in the writer's text stays
    ("Hello, world", "Hello, world"),  # no Chinese: untouched
])
def test_normalize(raw: str, clean: str) -> None:
    assert normalize_zh(raw) == clean


@given(st.text(alphabet=st.sampled_from(list("发展项目,:;!?()\" .0123456789%GDPab同志们")),
               max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_zh(text)
    assert normalize_zh(once) == once


def test_word_count_like_a_word_processor() -> None:
    # 同志们 增长 (5 characters) + ： ！ (2 marks) + GDP and 5.8% (one word each)
    assert word_count("同志们：GDP增长5.8%！") == 5 + 2 + 2
    assert word_count("") == 0
    assert hanzi_count("发展思路要清晰。") == 7


def test_one_line_joins_chinese_without_space() -> None:
    assert one_line("第一行\n第二行") == "第一行第二行"
    assert one_line("first\nsecond") == "first second"
    assert one_line("  \n ") == ""
