"""`drafter mine --phrasebank` on a small archive with planted dangers: views quoted to be
refuted, quotations, named people, one-off sentences, and words the tagger takes for places."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app
from drafter.corpus.phrases import frame_of
from drafter.corpus.safety import names_in, unsafe_sentences
from drafter.corpus.tokenizer import default_tokenizer

runner = CliRunner()

# Written for this test. Each speech is one file; {topic}, {unit}, {n} vary per speech so that
# only the house frames recur verbatim.
SPEECH = """在云川县{topic}工作会议上的讲话
同志们：
这次会议开得很及时，也很必要。云川县的发展正处在爬坡过坎的关键时期。
刚才，{unit}通报了有关情况，讲得很好，我完全同意。
张建国同志的发言很有分量，大家要认真学习。李书记强调，要把{topic}工作抓在手上。
有人认为，抓{topic}就是拼优惠、比政策。还有人说，这项工作可抓可不抓。这种看法是十分错误的。
抓安全会拖慢发展速度，安全投入是一种负担。这是一种有害的认识。
{oneoff}
一年来，全县地区生产总值增长{n}%，一般公共预算收入增长{n}%。
但也要清醒看到，一些单位责任落实还不到位。
下面，我讲两点意见。
一、提高站位，切实增强做好工作的责任感
要把{topic}工作摆在更加突出的位置。
要坚持问题导向，补齐短板弱项。
二、压实责任，确保各项措施落地见效
要建立工作台账，实行清单化管理。
要加强督促检查，对工作不力的严肃问责。
同志们，正如一位老同志所说：“干工作没有最好只有更好，一刻也不能放松。”
我们要像追太阳一样追赶先进，人到半山更要加把劲。同志们，任务艰巨，使命光荣。让我们以更加扎实的作风，奋力完成全年目标任务！
"""
TOPICS = [("安全生产", "县应急管理局", "6", "三", "这次调研走了十二个村，看了二十个项目。"),
          ("招商引资", "县商务局", "7", "两", "今年春天雨水偏多，给施工带来一些影响。"),
          ("教育", "县教育局", "5.5", "三", "新校区的图书馆明年秋季就能投用。")]
BAD = ["张建国", "李书记", "有人认为", "拼优惠", "可抓可不抓", "错误", "安全投入", "有害", "老同志",
       "没有最好", "调研走了", "雨水偏多", "图书馆"]


def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "历年讲话"
    folder.mkdir(parents=True)
    for i, (topic, unit, n, count, oneoff) in enumerate(TOPICS):
        text = SPEECH.format(topic=topic, unit=unit, n=n, count=count, oneoff=oneoff)
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return folder


def mine_book(tmp_path: Path, *extra: str) -> dict[str, object]:
    book = tmp_path / "book.json"
    units = ["--unit", "县应急管理局", "--unit", "县商务局", "--unit", "县教育局"]
    result = runner.invoke(app, ["mine", str(archive(tmp_path)), "--phrasebank", str(book), *units, *extra])
    assert result.exit_code == 0, result.output
    assert "已写入短语库" in result.stderr and "引述或批驳的观点" in result.stderr and "含人名" in result.stderr
    data: dict[str, object] = json.loads(book.read_text(encoding="utf-8"))
    return data


def texts(book: dict[str, object]) -> dict[str, list[str]]:
    parts = book["parts"]
    assert isinstance(parts, dict)
    return {part: [f["text"] for f in frames] for part, frames in parts.items()}


def test_recurring_frames_are_kept_with_slots_and_sources(tmp_path: Path) -> None:
    book = mine_book(tmp_path)
    found = texts(book)
    assert "这次会议开得很及时，也很必要。" in found["opening"]
    assert "{地}的发展正处在爬坡过坎的关键时期。" in found["opening"]  # the unit named in the titles
    assert "刚才，{单位}通报了有关情况，讲得很好，我完全同意。" in found["opening"]
    assert "一年来，全县地区生产总值增长{数}，一般公共预算收入增长{数}。" in found["review"]
    assert "下面，我讲{数}点意见。" in found["transition"]
    assert "压实责任，确保各项措施落地见效。" in found["directive"]
    assert "同志们，任务艰巨，使命光荣。" in found["closing"]
    parts = book["parts"]
    assert isinstance(parts, dict)
    transition = next(f for f in parts["transition"] if f["text"] == "下面，我讲{数}点意见。")
    assert transition["count"] == 3 and transition["slots"] == ["数"]
    for source in transition["sources"]:
        lines = Path(source["file"]).read_text(encoding="utf-8").splitlines()
        assert lines[source["line"] - 1].startswith("下面，我讲"), source
    for frames in parts.values():
        for frame in frames:
            assert frame["count"] >= 2
            assert all(s["file"] and s["line"] for s in frame["sources"]), frame


def test_planted_dangers_and_one_off_sentences_are_dropped(tmp_path: Path) -> None:
    book = mine_book(tmp_path)
    everything = json.dumps(book["parts"], ensure_ascii=False)
    for bad in BAD:
        assert bad not in everything, bad
    # the tagger calls 太阳 and 半山 places; they are not slots
    assert "我们要像追太阳一样追赶先进，人到半山更要加把劲。" in everything
    assert everything.count("{地}") == 1
    # with --min-count 1 the one-off sentences come back, the dangers still do not
    loose = json.dumps(mine_book(tmp_path / "loose", "--min-count", "1")["parts"], ensure_ascii=False)
    assert "调研走了" in loose and "雨水偏多" in loose
    for bad in BAD[:-3]:
        assert bad not in loose, bad


def test_phrases_shows_count_and_sources_of_a_mined_book(tmp_path: Path) -> None:
    mine_book(tmp_path)
    result = runner.invoke(app, ["phrases", "结尾", "--phrasebank", str(tmp_path / "book.json")])
    assert result.exit_code == 0
    assert "3×  同志们，任务艰巨，使命光荣。" in result.stdout
    assert "出处：" in result.stdout and "0.txt:19" in result.stdout
    data = json.loads(runner.invoke(app, ["phrases", "过渡", "--json", "--phrasebank",
                                          str(tmp_path / "book.json")]).stdout)
    assert data[0]["count"] == 3 and len(data[0]["sources"]) == 3


def test_frame_slots_only_real_places_units_and_numbers() -> None:
    tokenizer = default_tokenizer()
    assert frame_of("同志们，躺着不如站起来追太阳！", tokenizer) == "同志们，躺着不如站起来追太阳！"
    assert frame_of("春节期间要加强值班。", tokenizer) == "春节期间要加强值班。"
    assert frame_of("在2026年云川县经济工作会议上，我讲五个方面。", tokenizer, ("云川县",)) == \
        "在{时间}{地}经济工作会议上，我讲{数}个方面。"
    assert frame_of("要增强“四个意识”，做到“两个维护”。", tokenizer) == "要增强“四个意识”，做到“两个维护”。"
    assert frame_of("一年来，我们千家万户走访了一遍。", tokenizer) == "一年来，我们千家万户走访了一遍。"
    assert frame_of("江西省南昌市的经验值得学习。", tokenizer) == "{地}的经验值得学习。"


def test_quoted_and_refuted_views_in_one_paragraph() -> None:
    sentences = ["我们要抓好安全。", "有的同志说，安全是软任务。", "还说可以缓一缓。", "这是不对的。",
                 "要坚持安全第一。"]
    assert unsafe_sentences(sentences) == {1, 2, 3}
    assert unsafe_sentences(["发展才是硬道理，环保可以往后放。", "这种认识是片面的。", "要守住底线。"]) == {0, 1}
    assert unsafe_sentences(["所谓“躺平”，说到底是不担当。"]) == {0}
    assert unsafe_sentences(["一些人鼓吹西方的那一套。", "我们要坚定不移走自己的路。"]) == {0, 1}
    assert not unsafe_sentences(["要深入贯彻“十五五”规划。", "要增强“四个意识”。"])


def test_names_are_found_without_flagging_ordinary_words() -> None:
    tokenizer = default_tokenizer()
    assert names_in("张建国同志讲得很好。", tokenizer)
    assert names_in("王某某要带头落实。", tokenizer)
    assert names_in("刘书记指出，要抓项目。", tokenizer)
    assert not names_in("向大家表示热烈的祝贺，任务光荣，要周密部署。", tokenizer)
    assert not names_in("以习近平同志为核心的党中央", tokenizer)
    assert names_in("他的方针已经定了。", tokenizer)
    assert not names_in("其他单位和他们一样，要尊重他人。", tokenizer)


_CLEAN = ["这次会议开得很及时。", "要坚持问题导向。", "同志们，任务艰巨。", "一年来，各项工作取得新成效。",
          "要压实责任，确保落地见效。", "下面，我讲两点意见。"]
_VIEWS = [("有人认为，抓生态会影响发展。", "这种看法是错误的。"),
          ("有的同志说，这项工作可以缓一缓。", "这是不对的。"),
          ("一些人鼓吹“躺平”有理。", "这种论调十分有害。")]


@settings(max_examples=60, deadline=None)
@given(before=st.lists(st.sampled_from(_CLEAN), max_size=3), after=st.lists(st.sampled_from(_CLEAN), max_size=3),
       view=st.sampled_from(_VIEWS))
def test_a_refuted_view_never_survives_and_its_neighbours_do(before: list[str], after: list[str],
                                                            view: tuple[str, str]) -> None:
    sentences = before + list(view) + after
    unsafe = unsafe_sentences(sentences)
    assert {len(before), len(before) + 1} <= unsafe
    assert unsafe == {len(before), len(before) + 1}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="云川县市区局委的了是在我们要抓好工作一二三四五十两点个项年月日0123456789%，。、“”",
               max_size=40))
def test_frames_only_ever_carry_known_slots(text: str) -> None:
    frame = frame_of(text, default_tokenizer(), ("云川县",))
    assert set(re.findall(r"\{([^{}]*)\}", frame)) <= {"地", "单位", "数", "时间"}
    # the frame invents nothing: what is left outside its slots is a subsequence of the text
    rest = iter(text)
    assert all(ch in rest for ch in re.sub(r"\{[^{}]*\}", "", frame))


def test_a_bare_connective_is_no_lead_frame() -> None:
    from drafter.corpus.phrases import _lead_clause

    tokenizer = default_tokenizer()
    assert _lead_clause("但是，我们必须看到差距。", tokenizer) is None
    assert _lead_clause("因此，我们要加倍努力。", tokenizer) is None
    assert _lead_clause("同时，各部门要密切配合。", tokenizer) is None
    assert _lead_clause("与此同时，各部门要密切配合。", tokenizer) is None
    assert _lead_clause("但也要清醒看到，一些单位责任落实还不到位。", tokenizer) == "但也要清醒看到，……"
    assert _lead_clause("这次会议开得很及时，也很必要。", tokenizer) == "这次会议开得很及时，……"
