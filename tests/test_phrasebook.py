"""The shipped phrase library (drafter/data/phrasebank.yaml) and `drafter phrases`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.corpus.safety import is_refutation, names_in, unsafe_sentences
from drafter.corpus.tokenizer import default_tokenizer
from drafter.phrasebook import (
    PARTS,
    SLOT_TYPES,
    Outdated,
    load_library,
    outdated_in,
    outdated_markers,
    parse_years,
)
from drafter.templating import builtin_template_dir, catalogue

from .conftest import SHARED

runner = CliRunner()
LIBRARY = load_library()
TOPICAL_PARTS = ("opening", "review", "problems", "directive", "closing")
REQUIRED_TOPICS = ("招商引资", "项目建设", "安全生产", "党建", "营商环境", "乡村振兴", "教育", "防汛",
                   "作风建设", "生态环保")


def phrases(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["phrases", *args, "--json", "--limit", "500"])
    assert result.exit_code == 0, result.output
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


def _plain(text: str) -> str:
    """The frame's own words: slots and gaps become commas."""
    return re.sub(r"\{[^}]*\}|……", "，", text)


def _sentences(text: str) -> list[str]:
    return re.findall(r"[^。！？；]+[。！？；]?", _plain(text))


# --- the library itself --------------------------------------------------------------------

def test_every_part_has_at_least_25_frames() -> None:
    for part, name in PARTS.items():
        frames = [f for f in LIBRARY.frames if f.part == part]
        assert len(frames) >= 25, (name, len(frames))


def test_every_topic_has_at_least_3_frames_in_each_topical_part() -> None:
    assert set(REQUIRED_TOPICS) <= set(LIBRARY.topics)
    for topic in LIBRARY.topics:
        for part in TOPICAL_PARTS:
            n = sum(topic in f.topics for f in LIBRARY.frames if f.part == part)
            assert n >= 3, (topic, PARTS[part], n)


def test_frames_are_unique_and_well_formed() -> None:
    texts = [f.text for f in LIBRARY.frames]
    assert len(texts) == len(set(texts))
    meetings = set(catalogue([builtin_template_dir()]))
    for frame in LIBRARY.frames:
        assert set(frame.slots) <= set(SLOT_TYPES), frame.text
        assert set(frame.meeting) <= meetings, frame.text
        assert not re.search(r"[,;:?!()]", frame.text), frame.text  # full-width punctuation only
        assert frame.text.count("“") == frame.text.count("”"), frame.text
        assert frame.valid_in(2026), frame.text


def test_no_frame_names_a_person() -> None:
    tokenizer = default_tokenizer()
    for frame in LIBRARY.frames:
        assert not names_in(_plain(frame.text), tokenizer), frame.text


def test_no_frame_quotes_or_refutes_a_view() -> None:
    for frame in LIBRARY.frames:
        sentences = _sentences(frame.text)
        assert not unsafe_sentences(sentences), frame.text
        assert not any(is_refutation(s) for s in sentences), frame.text


def test_no_frame_is_out_of_date_in_2026() -> None:
    for frame in LIBRARY.frames:
        assert not outdated_in(frame.text, 2026), frame.text
    # the markers themselves: each is still found in a plain sentence using it, in a late year
    for marker in outdated_markers():
        assert marker.years[1] is not None
        assert marker.hits(f"要继续做好{marker.text}工作。", marker.years[1] + 1), marker.text


def test_opening_frames_do_not_start_with_a_connective() -> None:
    for frame in LIBRARY.frames:
        if frame.part == "opening":
            assert not re.match(r"(但是|但|因此|所以|而且|同时|然而)[，,]", frame.text), frame.text


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="no shared corpus")
def test_no_frame_copies_20_characters_from_the_corpus() -> None:
    from drafter.corpus.clean import t2s_converter

    def key(text: str) -> str:
        return "".join(re.findall(r"[\u4e00-\u9fff0-9A-Za-z]", text))

    runs: dict[str, str] = {}
    for frame in LIBRARY.frames:
        for piece in re.split(r"\{[^}]*\}|……", frame.text):
            k = key(piece)
            for i in range(len(k) - 19):
                runs[k[i:i + 20]] = frame.text
    converter = t2s_converter()
    text = "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in sorted((SHARED / "corpus").rglob("*")) if p.is_file())
    corpus = key(converter.convert(text))  # type: ignore[attr-defined]
    copied = {runs[corpus[i:i + 20]] for i in range(len(corpus) - 19) if corpus[i:i + 20] in runs}
    assert not copied


def test_outdated_markers_respect_allowed_contexts_and_years() -> None:
    marker = Outdated("脱贫攻坚", (None, 2020), allow=("巩固拓展脱贫攻坚成果",))
    assert marker.hits("要打赢脱贫攻坚战。", 2026)
    assert not marker.hits("要打赢脱贫攻坚战。", 2020)
    assert not marker.hits("巩固拓展脱贫攻坚成果。", 2026)
    assert [m.text for m in outdated_in("十四五规划", 2026)] == ["十四五"]
    assert not outdated_in("十四五规划", 2024)
    assert parse_years("2024-2026") == (2024, 2026) and parse_years(2026) == (2026, 2026)
    assert parse_years("2026-") == (2026, None) and parse_years("-2022") == (None, 2022)


# --- drafter phrases -------------------------------------------------------------------------

def test_readme_example_finds_closing_frames_on_investment() -> None:
    frames = phrases("结尾", "--topic", "招商", "--date", "2026-03-01")
    assert len(frames) >= 3
    assert all("招商引资" in f["topics"] for f in frames)  # type: ignore[operator]
    text = runner.invoke(app, ["phrases", "结尾", "--topic", "招商"]).stdout
    assert "招商引资是一场没有终点的竞赛" in text


def test_problems_part_is_not_empty() -> None:
    result = runner.invoke(app, ["phrases", "问题"])
    assert result.exit_code == 0 and "清醒看到" in result.stdout


def test_json_fields() -> None:
    frames = phrases("开场", "--date", "2026")
    assert frames and set(frames[0]) >= {"text", "slots", "register", "years", "topics", "count", "sources"}
    by_text = {f["text"]: f for f in frames}
    bound = by_text["今年是“十五五”规划的开局之年，做好今年工作意义重大。"]
    assert bound["years"] == [2026, 2026]
    assert all(set(f["slots"]) <= set(SLOT_TYPES) for f in frames)  # type: ignore[arg-type]


def test_unknown_topic_falls_back_to_general_frames_with_a_note() -> None:
    result = runner.invoke(app, ["phrases", "结尾", "--topic", "体育", "--date", "2026"])
    assert result.exit_code == 0
    assert "没有“体育”这个话题" in result.stdout and "以下是通用的结尾用语" in result.stdout
    frames = phrases("结尾", "--topic", "体育", "--date", "2026")
    assert frames and not any(f["topics"] for f in frames)
    # a known topic with nothing of its own in this part
    result = runner.invoke(app, ["phrases", "过渡", "--topic", "党建"])
    assert "没有专门针对“党建”的过渡用语" in result.stdout and "下面，我讲{数}点意见。" in result.stdout


def test_date_hides_frames_bound_to_other_years() -> None:
    opening = "今年是“十五五”规划的开局之年，做好今年工作意义重大。"
    assert opening in {f["text"] for f in phrases("开场", "--date", "2026-05-01")}
    assert opening not in {f["text"] for f in phrases("开场", "--date", "2027年1月5日")}
    hidden = runner.invoke(app, ["phrases", "开场", "--date", "2027"])
    assert "已按 2027 年隐去" in hidden.stdout


def test_outline_date_and_meeting_type_select_frames(tmp_path: Path) -> None:
    outline = tmp_path / "o.yaml"
    outline.write_text("template: symposium\nmeeting: {name: 座谈会}\ndate: 2027-03-01\n"
                       "directives: [抓落实]\n", encoding="utf-8")
    frames = phrases("过渡", "--outline", str(outline))
    assert frames[0]["meeting"] == ["symposium"]
    assert not any(f["meeting"] and f["meeting"] != ["symposium"] for f in frames)
    closing = phrases("结尾", "--outline", str(outline))
    assert not any(f["years"] == [2026, 2026] for f in closing)
    assert all(f["register"] == ["会议讲话"] for f in closing)  # an outline is a meeting speech
    assert all(f["filled"] == f["text"] for f in closing)  # no unit name: slots stay open
    named = tmp_path / "named.yaml"
    named.write_text("template: deploy\nmeeting: {name: 云川县生态环境保护工作会议}\ndate: 2026-06-01\n"
                     "directives: [抓落实]\n", encoding="utf-8")
    filled = {f["text"]: f["filled"] for f in phrases("结尾", "--outline", str(named), "--topic", "生态")}
    assert filled["同志们，生态环境保护没有局外人。让我们……，共同守护好{地}的绿水青山！"] == \
        "同志们，生态环境保护没有局外人。让我们……，共同守护好云川县的绿水青山！"
    shown = runner.invoke(app, ["phrases", "开场", "--outline", str(named)]).stdout
    assert "〔工作部署会〕" in shown and "开局之年" in shown


def test_register_filter() -> None:
    frames = phrases("结尾", "--register", "致辞")
    assert frames and all("致辞" in f["register"] for f in frames)  # type: ignore[operator]
    bad = runner.invoke(app, ["phrases", "结尾", "--register", "演讲"])
    assert bad.exit_code == 2 and "未知的语体" in bad.output


def test_a_users_phrasebank_is_filtered_by_date_too(tmp_path: Path) -> None:
    book = tmp_path / "mine.yaml"
    book.write_text("topics: {党建: [支部]}\nparts:\n  提醒:\n"
                    "    - 要统筹疫情防控和经济社会发展。\n"
                    "    - {text: 要谋划好“十四五”开局。, years: 2021}\n"
                    "    - {text: 要抓好党支部标准化建设。, topics: [党建]}\n", encoding="utf-8")
    now = [f["text"] for f in phrases("提醒", "--phrasebank", str(book), "--date", "2026")]
    assert now == ["要抓好党支部标准化建设。"]
    then = [f["text"] for f in phrases("提醒", "--phrasebank", str(book), "--date", "2021")]
    assert len(then) == 3
    mined = tmp_path / "mined.json"
    mined.write_text(json.dumps({"parts": {"reminder": [
        {"text": "要毫不放松抓好常态化疫情防控。", "count": 3, "sources": []},
        {"text": "要抓好安全生产。", "count": 2, "sources": [{"file": "a.txt", "line": 4, "text": "要抓好安全生产。"}]},
    ]}}, ensure_ascii=False), encoding="utf-8")
    shown = runner.invoke(app, ["phrases", "提醒", "--phrasebank", str(mined), "--date", "2026"]).stdout
    assert "疫情" not in shown and "2×  要抓好安全生产。" in shown and "出处：a.txt:4" in shown


def test_bad_inputs_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("parts:\n  开场:\n    - 今天，{人}召开会议。\n", encoding="utf-8")
    result = runner.invoke(app, ["phrases", "开场", "--phrasebank", str(bad)])
    assert result.exit_code == 2 and "未知的空位“{人}”" in result.output and "parts.开场[0]" in result.output
    result = runner.invoke(app, ["phrases", "开场", "--date", "明年"])
    assert result.exit_code == 2 and "看不懂日期" in result.output


def test_no_frame_trips_the_tifa_check() -> None:
    """Every frame of the shipped library passes the 提法 check (drafter.lint.tifa)."""
    from drafter.lint.tifa import find_in_text, load_rules

    rules = load_rules()
    for frame in LIBRARY.frames:
        assert not find_in_text(frame.text, rules, 2026), frame.text


def test_outdated_markers_agree_with_the_tifa_check_on_the_years() -> None:
    """The phrase filter and the 提法 check date the same formulations alike."""
    from drafter.lint.tifa import find_in_text, load_rules

    rules = load_rules()
    for sentence in ("今年要抓好疫情防控工作。", "要统筹疫情防控和经济社会发展。", "要打赢脱贫攻坚战。",
                     "要确保全面建成小康社会。", "要编制好十四五规划，抓好落实。", "要落实十三五规划。"):
        for year in range(2018, 2031):
            assert bool(outdated_in(sentence, year)) == bool(find_in_text(sentence, rules, year)), \
                (sentence, year)
