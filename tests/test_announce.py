"""Announced lists as writers' archives hold them (issue 15): each rule on a text written for the test."""

from __future__ import annotations

import time

from drafter.corpus.clean import strip_boilerplate
from drafter.corpus.mine import mine_text
from drafter.corpus.model import Speech
from drafter.corpus.starts import find_salutation


def _speech(text: str) -> Speech:
    result = mine_text(text, "t.txt")
    assert len(result.speeches) == 1, result.notes
    return result.speeches[0]


def test_hopes_announced_late_in_a_short_speech_with_run_in_points() -> None:
    # 提三点希望 near the end of what the source kept, the points run in as 一是…
    speech = _speech("同志们：\n大家好！\n今年以来，全镇上下迎难而上，各项工作稳中有进。\n"
                     "在此，向大家表示感谢！\n年终将至，任务依然繁重，我提三点希望，与大家共勉：\n"
                     "一是希望大家守牢底线。安全工作容不得半点松懈，要把隐患消除在萌芽状态")
    assert speech.transition is not None and speech.transition["count"] == 3
    assert speech.transition["text"].endswith("我提三点希望，与大家共勉：")
    assert [u.heading for u in speech.directives][:1] == ["希望大家守牢底线"]


def test_words_given_to_the_audience_count_and_words_named_inline_do_not() -> None:
    speech = _speech("同志们：\n今天的会不长，送大家“六个字”，作为共同的约定。\n"
                     "一是“实”。干工作要实打实，不做表面文章。\n二是“严”。纪律规矩要严起来。\n"
                     "同志们，让我们一起努力，把各项工作做得更好！")
    assert speech.transition is not None and speech.transition["count"] == 6
    assert [u.heading for u in speech.directives] == ["“实”", "“严”"]
    plain = _speech("同志们：\n今年的任务很重，困难不少。对下一步工作，现在只能讲两个字：坚持。\n"
                    "我们要把已经开了头的事情做完，把已经定下的目标落实到位，不能半途而废。\n"
                    "同志们，让我们一起努力，把各项工作做得更好！")
    assert plain.transition is None


def test_salutation_list_mixing_pause_and_comma_across_groups() -> None:
    found = find_salutation("尊敬的各位来宾、校友们的叔叔阿姨，亲爱的同学们，欢迎回到校园。", soft=True)
    assert found == ("尊敬的各位来宾、校友们的叔叔阿姨，亲爱的同学们", 24)
    # a role list needs an addressee before it: a sentence about parents is no salutation
    assert find_salutation("家长和老师，都要关心孩子。", soft=True) is None
    speech = _speech("开学典礼致辞\n尊敬的各位家长、孩子的外公外婆，亲爱的同学们，欢迎大家来到新学期的第一次集会。\n"
                     "新学期开始了，我想对同学们讲两句话。\n第一句话，是要珍惜时间。\n第二句话，是要善待同伴。\n"
                     "谢谢大家！")
    assert speech.salutation == "尊敬的各位家长、孩子的外公外婆，亲爱的同学们"


def test_a_list_announced_before_a_colon_is_the_transition_only_when_item_one_follows() -> None:
    speech = _speech("同志们：\n今天召开这次会议，是经过认真研究的。之所以放在年初召开，主要出于三个方面的考虑：\n"
                     "一是形势的需要。外部环境复杂多变，必须早作谋划。\n二是发展的需要。项目建设到了关键阶段。\n"
                     "三是队伍的需要。干部作风还要进一步转变。\n同志们，让我们一起努力，奋力开创新局面！")
    assert speech.transition is not None and speech.transition["count"] == 3
    assert [u.heading for u in speech.directives] == ["形势的需要", "发展的需要", "队伍的需要"]
    review = _speech("同志们：\n过去一年，全区工作取得了明显成效，主要表现在三个方面：\n"
                     "一是经济平稳增长。主要指标好于预期。\n二是民生持续改善。新增就业岗位较多。\n"
                     "三是环境明显好转。空气质量达标天数增加。\n同志们，让我们一起努力，奋力开创新局面！")
    assert review.transition is None
    no_item = _speech("同志们：\n这次会议的议程有三项：先听取汇报，再分组讨论，最后集中表态。\n"
                      "大家要认真准备，珍惜这次交流的机会，把真实情况讲出来，把意见建议提出来。\n"
                      "同志们，让我们一起努力，奋力开创新局面！")
    assert no_item.transition is None


def test_things_shared_are_points_when_their_ordinal_follows_a_short_lead_in() -> None:
    speech = _speech("亲爱的同学们：\n今天是你们毕业的日子，我想和大家分享三个故事，作为临别的礼物。\n"
                     "说起来，第一个故事发生在图书馆。那里有一位老师，几十年如一日守着书架。\n"
                     "我常想起的第二个故事，是一场球赛。队员们落后时没有放弃。\n"
                     "最后是第三个故事，关于一次远行。同学们背着行囊走进山村。\n"
                     "同学们，祝你们一路顺风，前程似锦！")
    assert speech.transition is not None and speech.transition["count"] == 3
    headings = [u.heading for u in speech.directives]
    assert len(headings) == 3
    assert headings[0].startswith("说起来，第一个故事发生在图书馆")
    assert headings[1] == "是一场球赛"
    assert headings[2].startswith("最后是第三个故事")


def test_a_point_whose_ordinal_follows_a_spoken_lead_in_keeps_the_series() -> None:
    speech = _speech("同志们：\n下面，我讲三点意见。\n第一点，要把责任扛在肩上。各单位主要负责同志要亲自抓。\n"
                     "我要讲的第二点，是要把工作落到实处。不能只停留在会议上、文件上。\n"
                     "第三点，要把作风转过来。多到基层一线去。\n同志们，让我们一起努力，奋力开创新局面！")
    assert [u.heading for u in speech.directives] == ["要把责任扛在肩上", "是要把工作落到实处", "要把作风转过来"]


def test_a_bare_first_in_a_sentence_is_no_lead_in_point() -> None:
    # 讲三个方面 counts 个方面: 全省第一个 in a plain paragraph is no point of the series
    speech = _speech("同志们：\n下面，我讲三个方面。\n今年我们建成了全省第一个智慧园区，群众反映很好。\n"
                     "明年要在这个基础上再上一个台阶，把园区建设得更好。\n"
                     "同志们，让我们一起努力，奋力开创新局面！")
    assert [u.style for u in speech.directives] == ["无序号", "无序号"]


def test_things_counted_without_their_series_following_are_no_transition() -> None:
    speech = _speech("同志们：\n上个月我到三个乡镇走了走，看了几个项目，总体感觉不错。\n"
                     "我们要把这种好势头保持下去，把各项工作落到实处，确保全年目标任务顺利完成。\n"
                     "同志们，让我们一起努力，奋力开创新局面！")
    assert speech.transition is None


def test_long_runs_of_spaces_clean_in_linear_time() -> None:
    def seconds(n: int) -> float:
        text = ("同志们：今天开会。" + " " * n + "（未完，全文共3000字）" + " " * n + "试读结束"
                + " " * n + "（阅读全文请先登录）")
        start = time.process_time()
        strip_boilerplate(text, [])
        return time.process_time() - start

    seconds(1000)  # warm the pattern cache
    small = min(seconds(10_000) for _ in range(3))
    large = min(seconds(40_000) for _ in range(3))
    assert large / max(small, 1e-4) < 8, (small, large)
    start = time.process_time()
    cleaned = strip_boilerplate("讲话开始。" + " " * 50_000 + "讲话结束。", [])
    assert time.process_time() - start < 1.0
    assert cleaned.startswith("讲话开始。") and cleaned.rstrip().endswith("讲话结束。")


def test_requirements_announced_as_follows_are_the_transition_and_the_series_the_points() -> None:
    speech = _speech("同志们：\n对下一阶段工作，提出以下要求：\n（一）要加强组织领导。各单位要成立专班。\n"
                     "（二）要强化督促检查。定期通报进展。\n同志们，让我们共同努力，确保任务圆满完成！")
    assert speech.transition == {"text": "对下一阶段工作，提出以下要求：", "count": None}
    assert [u.heading for u in speech.directives] == ["要加强组织领导", "要强化督促检查"]


def test_keywords_given_to_graduates_and_a_closing_wish() -> None:
    speech = _speech("亲爱的同学们：\n今天大家就要离开校园了。临别之际，我想送给同学们两个关键词。\n"
                     "第一个关键词是“专注”。做事要一心一意。\n第二个关键词是“从容”。遇事不慌不忙。\n"
                     "最后，祝同学们一路顺风，前程似锦！")
    assert speech.transition is not None and speech.transition["count"] == 2
    assert [(u.ordinal, u.heading) for u in speech.directives] == [
        ("第一个关键词", "是“专注”"), ("第二个关键词", "是“从容”")]
    assert speech.closing == ["最后，祝同学们一路顺风，前程似锦！"]
    wish = _speech("各位老师：\n新学期开始了，我讲两点意见。\n第一，要关心学生。\n第二，要钻研业务。\n"
                   "在新的学期里，祝大家工作顺利、身体健康！")
    assert wish.closing == ["在新的学期里，祝大家工作顺利、身体健康！"]


def test_a_colon_salutation_may_name_roles_without_men_after_the_first_addressee() -> None:
    assert find_salutation("各位老领导、老同志，同志们、朋友们：") == ("各位老领导、老同志，同志们、朋友们", 18)
    assert find_salutation("关于领导：") is None  # a role alone is a heading, not an address
    speech = _speech("各位老领导、老同志，同志们：\n岁末年初，我们欢聚一堂，共迎新春。我代表镇党委向大家致以问候！\n"
                     "过去一年，全镇各项事业取得新进展，这离不开大家的关心支持。\n最后，祝大家新春愉快、身体健康！")
    assert speech.salutation == "各位老领导、老同志，同志们"
