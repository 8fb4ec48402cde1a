"""Rules from batch e's misses: salutations split over lines, an editor's blurb that hands over
to the text, comment-bar furniture under a page, host scripts (主持词) and 首先/其次/同时 series.
Every text here is written for the test."""

from __future__ import annotations

from drafter.corpus.mine import mine_bytes
from drafter.corpus.model import Speech
from drafter.corpus.starts import join_split_salutation, split_glued

OPENING = "今天召开全区安全生产工作会议，主要任务是分析当前形势，部署下一阶段工作。"
BODY = [
    "下面，我讲两点意见。",
    "一、提高认识，绷紧安全生产这根弦",
    "各单位要把安全生产摆在突出位置，主要负责同志要亲自抓、负总责。",
    "二、突出重点，扎实开展隐患排查整治",
    "要聚焦重点行业领域，逐企业、逐岗位排查隐患，发现一处、整改一处。",
]
CLOSING = "同志们，安全责任重于泰山。希望大家以更加扎实的作风抓好各项工作，确保全区安全形势平稳。"


def _mine(text: str, name: str = "s.txt") -> list[Speech]:
    return mine_bytes(text.encode("utf-8"), name).speeches


def test_a_salutation_split_over_two_lines_is_one_salutation() -> None:
    assert join_split_salutation(["各位代表、", "同志们：", OPENING]) == ["各位代表、同志们：", OPENING]
    # a sentence ending in a comma is no salutation's first group
    lines = ["我们要加强协作，", "同志们：", OPENING]
    assert join_split_salutation(lines) == lines
    speech = _mine("\n".join(["在全区安全生产工作会议上的讲话", "各位代表、", "同志们：", OPENING,
                              *BODY, CLOSING]))[0]
    assert speech.salutation == "各位代表、同志们"
    assert speech.closing and speech.closing[0] == CLOSING


def test_an_editors_blurb_that_hands_over_to_the_text_splits_off() -> None:
    blurb = "区长在安全生产会议上的讲话编者按：本文从两个方面进行阐述。具体内容请详见："
    assert split_glued(f"{blurb}同志们：{OPENING}") == [blurb, f"同志们：{OPENING}"]
    assert split_glued("全文如下：各部门要抓好落实。") == ["全文如下：各部门要抓好落实。"]
    speech = _mine("\n".join([f"{blurb}同志们：{OPENING}", *BODY, CLOSING]))[0]
    assert speech.salutation == "同志们"


def test_a_comment_bar_under_the_page_is_furniture_so_the_closing_is_last() -> None:
    page = ["在全区安全生产工作会议上的讲话", "同志们：", OPENING, *BODY, CLOSING,
            "部分文章缺省Word文档下载，如需下载Word文档，请在评论区发评论", "评论0"]
    speech = _mine("\n".join(page))[0]
    assert speech.closing == [CLOSING]


def test_a_copy_giving_under_half_the_announced_points_is_abridged_even_with_its_closing() -> None:
    head = ["在全区安全生产工作会议上的讲话", "同志们：", OPENING, "下面，我讲五点意见。"]
    abridged = _mine("\n".join([*head, *BODY[1:3], CLOSING]))[0]
    assert abridged.closing == [CLOSING] and abridged.truncated
    # two of three is no abridgement: the speaker may have merged points
    whole = _mine("\n".join([*head[:3], "下面，我讲三点意见。", *BODY[1:], CLOSING]))[0]
    assert whole.closing == [CLOSING] and not whole.truncated


SERIES = [
    "首先，我们要把学生安全放在首位。全体教职工要落实值班巡查制度，守好校园每一道门。",
    "其次，我们要提升课堂教学质量。各教研组要集体备课、相互听课，让每节课都有收获。",
    "同时，我们要关心教师成长。学校将为青年教师搭建平台，帮助他们尽快成长起来。",
]


def test_a_first_second_series_goes_on_with_meanwhile_in_the_items_own_words() -> None:
    head = ["在新学期教职工大会上的讲话", "老师们：", "新学期开始了，借此机会，我谈一些想法。"]
    speech = _mine("\n".join([*head, *SERIES, "老师们，让我们携手努力，把学校办得更好！"]))[0]
    assert [u.heading for u in speech.directives] == [
        "我们要把学生安全放在首位", "我们要提升课堂教学质量", "我们要关心教师成长"]
    # 同时 in other words is the body's own sentence, not an item
    plain = [*SERIES[:2], "同时，各班主任要做好家校沟通。"]
    speech = _mine("\n".join([*head, *plain, "老师们，让我们携手努力，把学校办得更好！"]))[0]
    assert len(speech.directives) == 2 and speech.directives[-1].body[-1] == plain[-1]


HOST_OPENING = "今天召开全镇防汛工作会议，主要任务是安排部署今年的防汛工作。会议有三项议程："
AGENDA = ["一、请镇水利站站长通报今年汛期形势；", "二、请各村代表作表态发言；", "三、请某某镇长讲话。"]
WRAP_UP = "会议的主要议程就进行到这里。刚才，镇长作了很好的讲话，请各村、各单位认真抓好落实。散会！"


def test_a_hosts_agenda_is_no_directive_and_the_wrap_up_is_the_closing() -> None:
    page = ["在全镇防汛工作会议上的主持词", "同志们：", HOST_OPENING, *AGENDA, WRAP_UP]
    speech = _mine("\n".join(page))[0]
    assert speech.directives == [] and speech.closing == [WRAP_UP]
    # known by its agenda too, whatever the title says
    speech = _mine("\n".join(["全镇防汛工作会议", "同志们：", HOST_OPENING, *AGENDA, WRAP_UP]))[0]
    assert speech.directives == [] and speech.closing == [WRAP_UP]
    # a copy that stops before the wrap-up: its last paragraph (who attends) is no closing
    attend = "参加这次会议的有：镇机关全体干部、各村党支部书记和村委会主任。"
    speech = _mine("\n".join(["全镇防汛工作会议主持词", "同志们：", HOST_OPENING, attend,
                              "会议时间为半天，希望大家集中精力开好会。"]))[0]
    assert speech.closing == []


def test_a_speech_asking_someone_once_keeps_its_directives() -> None:
    body = [*BODY[:3], "二、请各部门抓好隐患排查整治", BODY[4]]
    speech = _mine("\n".join(["在全区安全生产工作会议上的讲话", "同志们：", OPENING, *body, CLOSING]))[0]
    assert len(speech.directives) == 2 and speech.closing == [CLOSING]
