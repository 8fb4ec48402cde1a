"""Rules learnt from batch h, each by its kind: talking points titled as such; a title run straight
into the first point; two announcing sentences in a row, the first orphaned; the particle 着 that
traditional text writes 著; salutation groups set apart by a semicolon. Every text here is written
for the test."""

from __future__ import annotations

import pytest

from drafter.corpus.clean import to_simplified
from drafter.corpus.mine import mine_bytes
from drafter.corpus.model import Speech
from drafter.corpus.starts import find_salutation


def _mine(text: str, name: str = "s.txt") -> list[Speech]:
    return mine_bytes(text.encode("utf-8"), name).speeches


_POINTS_BODY = (
    "刚才，实地察看了两个林场和一处瞭望塔，听取了县林业局的情况汇报。总的看，今冬以来全县防火责任落得比较实，"
    "队伍训练比较扎实，物资储备比较充足，但也要清醒看到，冬春季节气候干燥，祭扫和农事用火增多，火险等级持续偏高，"
    "丝毫松懈不得。\n"
    "防火工作关键在人。护林员要守住山口、看住重点人群，巡山不留死角；扑火队伍要保持临战状态，一旦发生火情，"
    "做到打早、打小、打了。各乡镇主要负责同志要盯在一线，发现隐患立即整改，不能等、不能拖。\n"
    "要把宣传做到村组农户，把责任落到山头地块，确保今冬明春不发生重大森林火灾。\n"
)


@pytest.mark.parametrize("title", ["县长在检查冬春森林防火工作时的讲话提纲",
                                   "副市长在全市安全生产督查座谈会上的发言要点"])
def test_talking_points_titled_as_such_are_a_speech(title: str) -> None:
    speeches = _mine(title + "\n" + _POINTS_BODY)
    assert [s.title for s in speeches] == [title]


def test_an_untitled_text_of_the_same_words_is_still_no_speech() -> None:
    # the title is what tells: without it these words have no audience of their own
    assert _mine("县林业局冬春森林防火情况\n" + _POINTS_BODY) == []


@pytest.mark.parametrize(("title", "marker"), [("县长检查冬春森林防火工作时的讲话", "一、"),
                                             ("区长调研岁末年初安全生产工作时的讲话", "第一，")])
def test_a_title_run_into_the_first_point_splits_off(title: str, marker: str) -> None:
    # no 在…上的讲话 to end the title at, no salutation to split before
    text = (title + marker + "认清形势，压紧压实安全生产责任。今年以来，全镇安全生产形势总体平稳，"
            "但隐患排查还有死角，有的企业主体责任落得不实。\n"
            + marker.replace("一", "二") + "突出重点，抓好岁末年初隐患整治。各村各企业要对照清单逐项排查，"
            "发现一处、整改一处，不留尾巴。\n")
    speeches = _mine(text)
    assert len(speeches) == 1
    speech = speeches[0]
    assert speech.title == title
    assert [u.ordinal for u in speech.directives] == [marker, marker.replace("一", "二")]
    assert speech.directives[0].heading.startswith("认清形势")


_OPENING = ("今天召开全县冬春森林草原防灭火工作会议，主要任务是贯彻全市会议精神，安排部署今冬明春防灭火工作。"
            "刚才，县应急局通报了今年以来的火情，几个乡镇作了表态发言，讲得都很好。")


@pytest.mark.parametrize(("orphan", "announce", "items"), [
    ("下面，我讲三个方面的意见。", "下面，我就守住山、管住人、看住火，再讲四个方面的意见。",
     ["第一，责任必须压实。", "第二，隐患必须排除。", "第三，队伍必须过硬。", "第四，保障必须到位。"]),
    ("下面，我强调两点。", "围绕今冬明春的工作，我讲三点意见。",
     ["一、认清形势", "二、压实责任", "三、强化保障"]),
])
def test_of_two_announcements_in_a_row_the_one_the_items_follow_counts(
        orphan: str, announce: str, items: list[str]) -> None:
    body = "\n".join(item + "各乡镇要对照县里的方案，细化措施，明确到人，抓好落实，不能走过场。" for item in items)
    speeches = _mine("同志们：\n" + _OPENING + orphan + "\n" + announce + "\n" + body + "\n")
    assert len(speeches) == 1
    speech = speeches[0]
    assert speech.transition is not None
    assert speech.transition["count"] == len(items)
    assert speech.transition["text"] == announce
    assert len(speech.directives) == len(items)


def test_a_lone_announcement_with_items_after_a_paragraph_keeps_its_count() -> None:
    # the rule needs a second announcement: one sentence announcing still counts as before
    body = "\n".join(f"{o}要抓好落实。各单位要对照方案细化措施，明确到人。" for o in ("第一，", "第二，"))
    speech = _mine("同志们：\n" + _OPENING + "下面，我讲两点意见。\n这两点意见，都是县委常委会研究过的。\n"
                   + body + "\n")[0]
    assert speech.transition is not None and speech.transition["count"] == 2


_TRADITIONAL = ("同志們：今年以來，全縣上下緊緊圍繞高質量發展這個首要任務，著力抓項目、穩增長、惠民生，"
                "各項工作取得了顯著成效。隨著“十五五”規劃開局起步，我們要著眼長遠，著重在產業升級上下功夫，"
                "把這座著名的歷史文化名城建設得更加美好。")


def test_traditional_text_writes_the_particle_zhe_as_zhu_and_conversion_restores_it() -> None:
    notes: list[str] = []
    simplified = to_simplified(_TRADITIONAL, notes)
    assert notes == ["繁体转简体"]
    for word in ("着力", "随着", "着眼", "着重"):
        assert word in simplified
    for word in ("显著", "著名"):  # words of renown keep 著
        assert word in simplified
    assert "著力" not in simplified and "随著" not in simplified


def test_simplified_text_keeps_its_zhu_untouched() -> None:
    text = "这部著作是著名学者的代表作，成效显著。我们要着力抓好落实。"
    notes: list[str] = []
    assert to_simplified(text, notes) == text
    assert notes == []


@pytest.mark.parametrize("salutation", [
    "尊敬的县教育局王局长、某某公司李总经理；各位领导、各位老师，亲爱的同学们：",
    "尊敬的__镇张书记;各位来宾、各位家长，可爱的孩子们：",
])
def test_salutation_groups_set_apart_by_a_semicolon(salutation: str) -> None:
    found = find_salutation(salutation.replace("__", "〔待补〕") + "大家上午好！")
    assert found is not None
    speeches = _mine("秋季开学典礼致辞\n" + salutation + "\n大家上午好！今天，我们在这里隆重举行新学期开学典礼。"
                     "在此，我代表学校向新同学表示热烈的欢迎！\n希望同学们珍惜时光，勤学苦练，在新的学期取得新的进步。\n")
    assert len(speeches) == 1
    assert speeches[0].salutation is not None
    assert speeches[0].salutation.endswith("孩子们" if "孩子们" in salutation else "同学们")
    assert "；" in speeches[0].salutation or ";" in speeches[0].salutation


def test_a_semicolon_ends_a_sentence_not_a_salutation() -> None:
    # a clause set off by a semicolon and then a colon is no address
    assert find_salutation("今年任务很重；各位领导要带头：") is None
