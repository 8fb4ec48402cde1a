"""Rules for what writers' archives hold beyond clean speeches: documents converted onto one line
(title glued to the salutation or to the body), converters' leftover style sheets, salutations of
several groups ending in ！, reported-speech news pages, closings that announce themselves and
copies that stop at a dotted line. Every text here is written for the test."""

from __future__ import annotations

from drafter.corpus.clean import TRUNCATED, clean_text
from drafter.corpus.mine import mine_bytes
from drafter.corpus.starts import find_salutation, split_glued, split_title_run

OPENING = ("今天召开全镇重点工作推进会，主要任务是总结前段工作，部署下一阶段任务。"
           "刚才，几位同志作了很好的发言，我完全赞同，希望大家回去以后认真抓好落实。")
BODY = [
    "下面，我讲三点意见。",
    "一、统一思想，进一步增强抓落实的紧迫感",
    "今年是“十五五”规划开局之年，各项任务时间紧、要求高，全镇上下要把思想统一到镇党委的部署上来。",
    "二、突出重点，全力推动各项任务落地见效",
    "要聚焦产业发展、民生实事和基层治理，一项一项抓推进，一件一件抓落实。",
    "三、压实责任，切实改进工作作风",
    "各级干部要把责任扛在肩上，对定下来的事情雷厉风行、马上就办。",
    "同志们，让我们奋力完成全年目标任务！",
]
HEADS = ["统一思想，进一步增强抓落实的紧迫感", "突出重点，全力推动各项任务落地见效", "压实责任，切实改进工作作风"]


def _mine(text: str, name: str = "s.txt") -> list:  # type: ignore[type-arg]
    return mine_bytes(text.encode("utf-8"), name).speeches


def test_a_heading_line_glued_to_a_colon_salutation_splits_off() -> None:
    """A converted document on one line: 党课：…同志们：今天… → title / salutation / body."""
    title = "专题党课：坚守初心使命、勇担时代重任"
    assert split_glued(f"{title}同志们：{OPENING}") == [title, f"同志们：{OPENING}"]
    speech = _mine("\n".join([f"{title}同志们：{OPENING}", *BODY]))[0]
    assert speech.title == title and speech.salutation == "同志们"
    assert [u.heading for u in speech.directives] == HEADS
    # not a heading: the salutation's own first groups, and words leading into an address
    assert split_glued("各位领导、同志们：今天召开会议。") == ["各位领导、同志们：今天召开会议。"]
    assert split_glued("最后我想借此机会告诉同志们：要抓落实。") == ["最后我想借此机会告诉同志们：要抓落实。"]
    assert split_glued("今天到会的同志们：") == ["今天到会的同志们："]


def test_a_speech_title_run_into_the_body_splits_off_and_keeps_the_speech() -> None:
    """Title given twice (讲话 / 的讲话) and glued to the body, no salutation: still a speech."""
    title = "在全镇村级班子工作例会上的讲话"
    run = title.replace("上的讲话", "上讲话") + title + OPENING
    assert split_title_run(run) == [run[: -len(OPENING)], OPENING]
    speeches = _mine(run + "各村要按照镇里的安排，把今年的各项工作往前赶，确保年底前全部完成。")
    assert len(speeches) == 1 and speeches[0].title == title
    # the words go on after 讲话: a sentence about a speech, not a title
    sentence = "在全县经济工作会议上的讲话精神，我们要认真学习领会，结合实际抓好贯彻落实，推动各项工作见到实效。"
    assert split_title_run(sentence) == [sentence]


def test_a_converters_style_sheet_before_the_title_is_page_code() -> None:
    junk = ("l> [标签:标题] @page { size: 8.27in 11.69in; margin-left: 1.25in } "
            "p { color: #000000; line-height: 115% } p.western { font-family: \"Times New Roman\", serif } "
            "p.cjk { font-family: \"宋体\", \"SimSun\"; font-size: 10pt } ")
    title = "在全镇重点工作推进会上的讲话"
    text = f"{title}\n{junk}{title} 同志们: {OPENING}\n" + "\n".join(BODY)
    cleaned = clean_text(text).text
    assert "font-family" not in cleaned and "标签" not in cleaned and "l>" not in cleaned
    speech = _mine(text)[0]
    assert speech.title == title and speech.salutation == "同志们"
    assert [u.heading for u in speech.directives] == HEADS
    # a style sheet in a comment, as an office suite exports it, goes with the comment
    exported = "<!-- @page { margin: 2cm } p { margin-bottom: 0.25cm; line-height: 115% } -->\n同志们："
    assert clean_text(exported).text.strip() == "同志们："
    # braces in ordinary text are no style sheet
    assert "{重点}" in clean_text("要抓好三件事{重点}，一件一件落实。").text


def test_a_salutation_of_several_groups_ending_in_an_exclamation_mark() -> None:
    line = "各位老师，各位家长，亲爱的同学们！"
    assert find_salutation(line, soft=True) == ("各位老师，各位家长，亲爱的同学们", len(line))
    speech = _mine("\n".join(["初三毕业典礼校长讲话稿", line, OPENING, *BODY]))[0]
    assert speech.salutation == "各位老师，各位家长，亲爱的同学们"


NEWS = [
    "11月20日下午，我局历时两天的第三届职工代表大会第一次会议在局机关会议室胜利闭幕。局党组书记、"
    "局长和班子成员出席了大会，正式代表、列席代表一百余人参加了闭幕式。",
    "与会代表认真听取了各代表组的讨论情况，表决通过了工作报告和财务报告，并形成了大会决议。",
    "在闭幕式上局长发表了重要讲话，他代表局党组对全体代表的辛勤工作表示感谢，他讲到代表们提出的意见建议"
    "很有针对性，局党组将认真研究、逐项落实，并对代表们提出了三点希望。",
]


def test_a_reported_speech_news_page_is_no_speech() -> None:
    for page in (NEWS, ["局第三届职代会第一次会议胜利闭幕", *NEWS]):  # with or without its headline
        result = mine_bytes("\n".join(page).encode("utf-8"), "news.txt")
        assert result.speeches == [] and any("新闻报道" in note for note in result.notes)
    # a speech that tells of its meeting in the same words stays a speech
    speech = "\n".join(["在局第三届职工代表大会闭幕式上的讲话", "各位代表、同志们：",
                        "局第三届职工代表大会第一次会议即将胜利闭幕。" + OPENING, *BODY])
    assert len(_mine(speech)) == 1


def test_a_closing_that_announces_itself_and_a_copy_that_stops_at_a_dotted_line() -> None:
    lines = ["在全镇重点工作推进会上的讲话", "同志们：", OPENING, *BODY[:-1],
             "在结束我的讲话之前，我想再强调一点：年底将至，各村各单位要把安全稳定放在心上。",
             "今天的会就开到这里。"]
    speech = _mine("\n".join(lines))[0]
    assert speech.closing and speech.closing[0].startswith("在结束我的讲话之前")
    lines[-2] = "在讲话的最后，我再强调一点：年底将至，各村各单位要把安全稳定放在心上。"
    assert _mine("\n".join(lines))[0].closing[0].startswith("在讲话的最后")
    for dots in ("……………………………………", "……", "......................"):
        cut = "\n".join(["在全镇重点工作推进会上的讲话", "同志们：", OPENING, *BODY[:5], dots, ""])
        assert TRUNCATED in clean_text(cut).text
        speech = _mine(cut)[0]
        assert speech.truncated and not speech.closing
    # dots between parts of a text are a separator, not a cut
    assert TRUNCATED not in clean_text("\n".join([OPENING, "……………………", *BODY])).text


def test_a_page_announcing_more_words_than_it_shows_is_a_cut_copy() -> None:
    head = ["在全镇重点工作推进会上的讲话", "同志们：", OPENING, *BODY[:5]]
    cut = "\n".join([*head, "【文章共5600字，精选参考范文，仅供学习借鉴】", "上一篇：某某讲话"])
    assert TRUNCATED in clean_text(cut).text and _mine(cut)[0].truncated
    # the count of a page that shows it all
    whole = "\n".join(["本文共300字", *head, *BODY[5:]])
    assert TRUNCATED not in clean_text(whole).text and not _mine(whole)[0].truncated
