"""Rules learnt from batch g, each by its kind: a dated report whose only 我们要 are the words it
quotes others saying; a lone higher-rank heading over a lower-rank series; a body that opens
straight with its first heading. Every text here is written for the test."""

from __future__ import annotations

import pytest

from drafter.corpus.mine import mine_bytes
from drafter.corpus.news import is_reportage, own_words


def _mine(text: str, name: str = "s.txt") -> list:  # type: ignore[type-arg]
    return mine_bytes(text.encode("utf-8"), name).speeches


_REPORT = [
    "11月20日,出席县政协十一届五次会议的委员分组讨论了政府工作报告,县政协副主席张某某、李某某分别参加讨论。"
    "委员们在讨论时表示,报告实事求是,目标明确,措施有力,读来令人振奋。",
    "委员们在发言中说,过去一年全县经济稳中有进,民生实事件件落地。我们要立足本职岗位,积极建言献策,"
    "为全县高质量发展贡献力量。来自某某镇的委员王某某说,我们要当好“三员”,一是当好宣传员,把会议精神带回去;"
    "二是当好参谋员,多提务实管用的建议;三是当好监督员,推动各项决策部署落到实处。(记者 某某 某某)",
    "县政协副主席张某某在第一组参加讨论",
    "委员们在分组讨论",
]


@pytest.mark.parametrize("dateline", ["11月20日,", "本报讯 11月20日上午,"])
def test_a_dated_report_whose_address_is_only_in_quoted_words_is_no_speech(dateline: str) -> None:
    paragraphs = [_REPORT[0].replace("11月20日,", dateline, 1), *_REPORT[1:]]
    result = mine_bytes("\n".join(paragraphs).encode("utf-8"), "news.txt")
    assert result.speeches == []
    assert any("新闻报道" in n for n in result.notes)


def test_quoted_words_are_set_aside_but_the_speakers_own_turns_of_phrase_are_not() -> None:
    # opening the paragraph, the quoted words run to its end; within it, to the sentence end
    assert own_words("委员们在发言中说,我们要当好宣传员。我们要多提建议。") == ""
    within = own_words("讨论十分热烈。委员王某某说,我们要当好宣传员。会议结束。")
    assert "我们要" not in within
    assert within.startswith("讨论十分热烈。") and within.endswith("会议结束。")
    for own in ("对于学校来说,我们要办好每一堂课。", "我常说,我们要把群众放在心上。",
                "可以说,我们要做的事情还很多。"):
        assert "我们要" in own_words(own)
    # a speech that quotes someone still addresses its audience
    speech = ["11月20日,全县防汛工作会议召开。", "同志们,刚才县长说,我们要早部署、早准备。我完全赞同。",
              "我们要压实责任,我们要守住底线。"]
    assert not is_reportage(speech)


_CUT_SPEECH = [
    "在全县冬春火灾防控工作会议上的讲话",
    "同志们:",
    "今天召开全县冬春火灾防控工作会议,主要任务是分析形势、部署工作。我先讲几点意见",
    "。",
    "一、认清形势,切实增强做好冬春火灾防控工作的责任感",
    "冬春季节天干物燥,用火用电用气增多,是火灾易发多发的时期,大家对此要保持清醒的认识。",
    "第一,从上级部署的要求看。省、市先后召开专题会议,对冬春火灾防控作出安排,要求各地压紧压实责任。",
    "第二,从我县的实际情况看。我县老旧小区多、沿街门店多,消防基础设施薄弱,防控任务十分繁重。",
    "(未完,全文共3200字,当前显示600字)",
]


@pytest.mark.parametrize("sub", [("第一,", "第二,"), ("一是", "二是")])
def test_a_lone_higher_rank_heading_holds_the_lower_rank_series_under_it(sub: tuple[str, str]) -> None:
    lines = [line.replace("第一,", sub[0]).replace("第二,", sub[1]) for line in _CUT_SPEECH]
    speeches = _mine("\n".join(lines))
    assert len(speeches) == 1
    (unit,) = speeches[0].directives
    assert unit.heading.startswith("认清形势")
    assert unit.ordinal == "一、"


def test_a_series_that_goes_on_in_the_higher_rank_is_no_lone_heading() -> None:
    """一、 … 第一，第二， … 三、 (no 二、): 一、 goes on, so it is no lone item opening a cut speech."""
    lines = [*_CUT_SPEECH[:-1], "三、加强宣传,营造全民参与的良好氛围", "要广泛开展消防宣传进社区、进企业活动。"]
    speeches = _mine("\n".join(lines))
    assert [u.heading[:4] for u in speeches[0].directives] == ["从上级部", "从我县的"]


@pytest.mark.parametrize("head", [[], ["2026-11-20 来源:某某镇人民政府"]])
def test_a_body_opening_straight_with_its_first_heading_keeps_it(head: list[str]) -> None:
    lines = [
        *head,
        "在全镇冬季征兵工作会议上的讲话",
        "同志们:",
        "一、要提高认识,增强做好征兵工作的责任感。征兵工作是国防建设的一项基础性工作,是一项严肃的政治任务。",
        "去年以来,在镇党委、镇政府的领导下,我镇较好地完成了征兵任务。但也要看到,适龄青年应征意愿不强,"
        "兵员质量有待提高,征兵工作的形势依然严峻。",
    ]
    speeches = _mine("\n".join(lines))
    assert len(speeches) == 1
    assert speeches[0].salutation == "同志们"
    assert [u.heading for u in speeches[0].directives] == ["要提高认识，增强做好征兵工作的责任感"]
