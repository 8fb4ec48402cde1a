"""The miner on small inline texts: decoding, cleaning, splitting, segmenting, outlines."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.corpus.clean import clean_text, mark_placeholders, strip_pinyin
from drafter.corpus.decode import decode_bytes
from drafter.corpus.mine import mine_bytes, mine_text
from drafter.corpus.segment import find_transition
from drafter.corpus.to_outline import outline_yaml, speech_to_outline
from drafter.errors import CorpusError, DrafterError
from drafter.numbering import cn_to_int

SPEECH = """在全市重点项目建设推进会上的讲话
（2025年4月18日）
同志们：
今天，我们召开全市重点项目建设推进会，主要任务是部署下一阶段工作。
今年以来，全市重点项目建设总体呈现加快推进的良好态势。
但也要清醒看到，项目储备不足，要素保障不够有力。
下面，我讲三点意见。
一、提高站位，增强抓项目的责任感
项目是经济发展的生命线。
二、突出重点，推动项目提速增效
（一）紧盯开工抓落地。对已签约的项目，要立即开工。
（二）紧盯在建抓进度。对在建项目，要按月调度。
三、强化保障，营造浓厚氛围
一是强化要素保障。二是强化服务保障。
春节即将来临，各级各部门要统筹抓好当前工作。
一要抓好安全生产。
二要抓好信访稳定。
同志们，目标已经明确，关键在于落实。让我们真抓实干，确保目标任务圆满完成！
"""


def test_a_plain_speech_is_segmented() -> None:
    [speech] = mine_text(SPEECH, "s.txt").speeches
    assert speech.title == "在全市重点项目建设推进会上的讲话"
    assert speech.date == "2025年4月18日"
    assert speech.salutation == "同志们"
    assert speech.transition == {"text": "下面，我讲三点意见。", "count": 3}
    assert [u.heading for u in speech.directives] == [
        "提高站位，增强抓项目的责任感", "突出重点，推动项目提速增效", "强化保障，营造浓厚氛围"]
    assert [c.heading for c in speech.directives[1].children] == ["紧盯开工抓落地", "紧盯在建抓进度"]
    assert speech.directives[1].children[0].body == ["对已签约的项目，要立即开工。"]
    assert speech.reminders[0].startswith("春节即将来临")
    assert speech.closing[0].startswith("同志们，目标已经明确")
    assert speech.problems and speech.review
    assert not speech.truncated and not speech.notes


def test_json_shape_is_stable() -> None:
    data = mine_text(SPEECH, "s.txt").to_json()
    assert set(data) >= {"source", "encoding", "speeches"}
    speech = data["speeches"][0]
    for key in ("title", "date", "salutation", "opening", "review", "problems", "transition",
                "directives", "closing", "reminders", "truncated", "notes"):
        assert key in speech
    unit = speech["directives"][1]
    assert set(unit) == {"ordinal", "heading", "body", "children"}
    assert unit["ordinal"] == "二、" and unit["children"][0]["ordinal"] == "（一）"


def test_count_mismatch_is_flagged() -> None:
    text = SPEECH.replace("讲三点意见", "讲四点意见")
    [speech] = mine_text(text, "s.txt").speeches
    assert any("过渡句说4点，实际找到3点" in n for n in speech.notes)


@pytest.mark.parametrize("sentence, count", [
    ("下面，我讲四点意见。", 4), ("下面，我就做好今年工作，讲五个方面的意见。", 5),
    ("我讲三句话，与大家共勉：", 3), ("下面，就近期重点工作，我再强调几点意见：", None),
    ("在此，我愿提出以下4点倡议。", 4), ("下面，根据党委讨论意见，我讲四方面内容。", 4),
    ("我讲两个问题。", 2), ("今天，我就其中一些重要问题讲点意见。", None),
])
def test_transitions_and_counts(sentence: str, count: int | None) -> None:
    found = find_transition("前面的话。" + sentence)
    assert found is not None and found[0] == sentence and found[1] == count


@pytest.mark.parametrize("sentence", ["从前有人说过一句话，说是“有饭大家吃”。",
                                      "其成果主要体现在六个方面：", "主要表现在以下四个方面："])
def test_not_transitions(sentence: str) -> None:
    assert find_transition(sentence) is None


def test_numbers() -> None:
    assert [cn_to_int(t) for t in ("一", "十", "十二", "二十", "二十一", "4", "两")] == [1, 10, 12, 20, 21, 4, 2]


def test_one_line_web_copy_with_inline_headings() -> None:
    body = "我們要堅持發展第一要務，推動經濟實現質的有效提升和量的合理增長。" * 20
    text = (f"同志們:今天我們召開會議。{body}下面，我再講三方面意見: 一、統一思想、凝聚共識，切實增強責任感 "
            f"踏上新征程，{body}二、突出重點，狠抓落實 {body}三、加強領導 {body}")
    [speech] = mine_text(text, "web.txt").speeches
    assert speech.salutation == "同志们"
    assert [u.heading for u in speech.directives] == ["统一思想、凝聚共识，切实增强责任感", "突出重点，狠抓落实",
                                                      "加强领导"]
    assert speech.transition["count"] == 3


def test_cleaning_pinyin_traditional_boilerplate_and_paywall() -> None:
    text = ("當前位置:某某网>范文大全>讲话\n標(biāo)題:在會上的講話 |\n同志們:\n展現(xiàn)創(chuàng)新亮點。"
            "……(快文網http://www.example.net省略1393字,正式會員可完整閱讀)……\n下面，我講兩點意見。\n"
            "一、抓項目\n要抓。\n二、抓落實\n要實。\n上一篇:別的文章\n下一篇:另一篇")
    [speech] = mine_text(text, "p.txt").speeches
    assert speech.truncated
    joined = " ".join(speech.opening)
    assert "展现创新亮点" in joined and "xiàn" not in joined and "当前位置" not in joined
    assert [u.heading for u in speech.directives] == ["抓项目", "抓落实"]
    assert all("上一篇" not in p for _, p in speech.labels)


def test_gbk_shift_mojibake_is_repaired() -> None:
    cleaned = clean_text("作为重中之重?!拔覀儗⑼七M集成電路、生物醫藥四大主導產業提質增效。")
    assert "重中之重。”“我们将推进集成电路" in cleaned.text
    assert any("修复乱码" in n for n in cleaned.notes)


def test_simplified_text_is_not_converted() -> None:
    # 乾隆 and 著名 look traditional to a converter; simplified text keeps them
    assert "乾隆" in clean_text("乾隆年间的著名建筑，今天我们来讨论保护工作。").text


def test_pinyin_notes_only_with_tone_marks() -> None:
    assert strip_pinyin("發展(fā)和协定(rcep)，(2021年5月24日)，(一)") == "發展和协定(rcep)，(2021年5月24日)，(一)"


@pytest.mark.parametrize("raw, clean", [
    ("完成投资xx亿元", "完成投资〔待补〕亿元"), ("*城区3个月", "〔待补〕城区3个月"),
    ("违反_精神", "违反〔待补〕精神"), ("x委x届x次全会", "〔待补〕委〔待补〕届〔待补〕次全会"),
    ("城x化和x场", "城市化和市场"), ("GDP和LED", "GDP和LED"),
])
def test_placeholders(raw: str, clean: str) -> None:
    assert mark_placeholders(raw) == clean


def test_news_report_is_not_a_speech() -> None:
    text = "\n".join([
        "春节后上班第一天，我市召开新春第一会。",
        "“我们将推进产业提质增效。”新区管委会主任孙某说。",
        "“要把项目抓在手上。”市交通局局长陈某表示。",
        "“全年要确保开门红。”市发改委主任李某介绍。",
        "大家纷纷表示，将以新作风拼出新气象。",
    ])
    result = mine_text(text, "news.txt")
    assert result.speeches == [] and any("新闻报道" in n for n in result.notes)


def test_several_speeches_in_one_file() -> None:
    text = "范文合集篇一\n" + SPEECH + "\n范文合集篇二\n" + SPEECH.replace("三点", "三个方面的")
    result = mine_text(text, "many.txt")
    assert len(result.speeches) == 2


@pytest.mark.parametrize("encoding, label", [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8（带 BOM）"),
                                             ("utf-16", "UTF-16"), ("gb18030", "GB18030/GBK"),
                                             ("big5", "Big5")])
def test_encodings_are_detected_and_named(encoding: str, label: str) -> None:
    import opencc

    text = SPEECH if encoding != "big5" else opencc.OpenCC("s2t").convert(SPEECH)
    data = text.encode(encoding)
    decoded, name = decode_bytes(data)
    assert name == label
    assert "同志们" in decoded or "同志們" in decoded


def test_binary_and_undecodable_bytes_are_reported_not_raised() -> None:
    assert "二进制" in (mine_bytes(b"\x00\x01PNG\x00" * 10, "a.png").skipped or "")
    with pytest.raises(CorpusError):
        decode_bytes(bytes(range(128, 256)) * 10)


def test_outline_from_a_speech_renders_the_same_skeleton(tmp_path) -> None:
    from drafter.export.text import export
    from drafter.loader import load_outline
    from drafter.render import render_outline

    [speech] = mine_text(SPEECH, "s.txt").speeches
    path = tmp_path / "o.yaml"
    path.write_text(outline_yaml(speech, "s.txt"), encoding="utf-8")
    rendered = export(render_outline(load_outline(path)).document)
    [again] = mine_text(rendered, "rendered.txt").speeches
    assert again.skeleton() == speech.skeleton()
    assert speech_to_outline(speech)["template"] == "verbatim"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("同志们：下面我讲三点意见。一二三、（）第，是要xX*_\n 　"
                                             "發展(xiàn)<b></b>省略1字未完篇abc123…")), max_size=300))
def test_mining_arbitrary_text_never_raises(text: str) -> None:
    result = mine_text(text, "fuzz.txt")
    for speech in result.speeches:
        speech.to_json()
        speech_to_outline(speech)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_mining_arbitrary_bytes_never_raises(data: bytes) -> None:
    with contextlib.suppress(DrafterError):  # our error type is the only one allowed
        mine_bytes(data, "fuzz.bin")
