"""One table of transition styles (numbering.TRANSITIONS): the outline's spellings, the schema and
the style of a mined transition sentence all come from it."""

from __future__ import annotations

import pytest

from drafter.corpus.house_style import transition_style as house_transition_style
from drafter.numbering import TRANSITION_ALIASES, TRANSITION_STYLES, TRANSITIONS, transition_style


def test_every_style_and_spelling_comes_from_the_table() -> None:
    assert tuple(TRANSITIONS) == TRANSITION_STYLES
    assert all(TRANSITION_ALIASES[style] == style for style in TRANSITIONS)
    assert TRANSITION_ALIASES["讲三句话"] == "讲几句话"


@pytest.mark.parametrize("sentence, style", [
    ("下面，我讲三点意见。", "讲几点意见"),
    ("下面，我讲三个问题。", "讲几个问题"),
    ("下面，根据县委、县政府讨论的意见，我讲三个方面的问题。", "讲几个方面"),
    ("今天借这个机会，我讲三句话，与大家共勉。", "讲几句话"),
    ("下面，我再强调三点。", "强调几点"),
    ("下面，我就做好明年工作再讲一些意见。", "讲几点意见"),
])
def test_a_mined_transition_sentence_has_one_style(sentence: str, style: str) -> None:
    assert transition_style(sentence) == style
    assert house_transition_style(sentence) == style  # the house style reads the same table
