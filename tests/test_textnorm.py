"""Output normalisation of Chinese text, and counting like a word processor."""

from __future__ import annotations

import pytest
from hypothesis import example, given
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


# The CJK predicates compare characters instead of compiling a regex class at import (start-up):
# they must say exactly what the classes say, at every range edge.
_EDGES = "\u33ff\u3400\u4dbf\u4dc0\u4e00\u9fff\ua000\uf8ff\uf900\ufaff\ufb00\u2fff\u3000\u303f\u3040" \
         "\uff00\uff01\uff0f\uff10\uff1a\uff20\uff21\uff3b\uff40\uff41\uff5b\uff65\uff66\u2014\u2018" \
         "\u2019\u201c\u201d\u2026\u00b7\u2013"
_TEXT = st.text(alphabet=st.sampled_from(_EDGES + "中文。，a1 \t.,%"), max_size=40)


@given(st.text(alphabet=st.sampled_from(_EDGES + "中文。，a1 .%"), min_size=0, max_size=330))
def test_counts_agree_by_hand_and_by_regex(text: str) -> None:
    """Short texts are counted character by character until a budget is spent, then by regex:
    the same counts either way."""
    import re

    from drafter import textnorm

    expected = (len(re.findall(f"[{textnorm.CJK}]", text)),
                len(re.findall(f"[{textnorm._ZH}]", text)) + len(re.findall(r"[A-Za-z0-9][A-Za-z0-9.%\-+/]*", text)))
    saved = textnorm._BY_HAND[0]
    try:
        for budget in (10**9, 0):
            textnorm._BY_HAND[0] = budget
            assert (hanzi_count(text), word_count(text)) == expected
    finally:
        textnorm._BY_HAND[0] = saved


@given(_TEXT)
@example("")
def test_cjk_predicates_agree_with_the_regex_classes(text: str) -> None:
    import re

    from drafter import textnorm

    cjk = re.compile(f"[{textnorm.CJK}]")
    zh = re.compile(f"[{textnorm._ZH}]")
    assert textnorm.has_cjk(text) == bool(cjk.search(text))
    assert textnorm.is_cjk(text) == bool(text and cjk.match(text))
    assert textnorm._is_zh(text) == bool(text and zh.match(text))
    assert hanzi_count(text) == len(cjk.findall(text))
    assert word_count(text) == len(zh.findall(text)) + len(re.findall(r"[A-Za-z0-9][A-Za-z0-9.%\-+/]*", text))
    assert textnorm.CJK_RE.pattern == cjk.pattern


_SPACED = st.text(alphabet=st.sampled_from(_EDGES + "中文。，a1A%. \t\u00a0\u3000"), max_size=40)


@given(_SPACED)
@example("中 \u3000A")
@example("中\u3000\u3000A")
@example("A \u3000 中")
@example("中 文 a 1. 中")
def test_spacing_removal_agrees_with_its_regexes(text: str) -> None:
    """normalize_zh drops spaces by scanning (no CJK class to compile at start-up); the result
    is the three substitutions it replaced, applied in turn."""
    import re

    from drafter import textnorm

    zh = textnorm._ZH
    expected = text
    for rule in (f"(?<=[{zh}])[ \t\u00a0\u3000]+(?=[{zh}])", f"(?<=[{zh}])[ \t\u00a0]+(?=[0-9A-Za-z%])",
                 f"(?<=[0-9A-Za-z%.])[ \t\u00a0]+(?=[{zh}])"):
        expected = re.sub(rule, "", expected)
    assert textnorm._remove_spacing(text) == expected


def test_cjk_predicates_agree_with_the_regex_classes_on_every_bmp_character() -> None:
    import re

    from drafter import textnorm

    cjk, zh = re.compile(f"[{textnorm.CJK}]"), re.compile(f"[{textnorm._ZH}]")
    every = "".join(map(chr, range(0x10000)))
    assert [c for c in every if textnorm.is_cjk(c) != bool(cjk.match(c))] == []
    assert [c for c in every if textnorm._is_zh(c) != bool(zh.match(c))] == []
