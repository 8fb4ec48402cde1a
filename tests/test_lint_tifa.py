"""提法 check (D130–D132): planted wrong wording, outdated wording by the speech's date and wrong
lists of counted formulations, in .txt, .docx and outlines; correct text stays silent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import DrafterError
from drafter.lint import lint_paths
from drafter.lint.tifa import SHIPPED, find_in_text, load_rules, user_tifa_file

from .conftest import OUTLINES, PLANT_OUTLINE, SHARED
from .conftest import make_docx as _docx

runner = CliRunner()
TIFA = {"D130", "D131", "D132"}


def tifa(findings):
    return [(f.code, f.line) for f in findings if f.code in TIFA]


def draft(body: list[str], date: str = "2026年3月1日") -> str:
    return "\n".join(["在全市工作会议上的讲话", date, "同志们：", *body]) + "\n"


PLANTED = [
    ("我们要更加紧密地团结在以习近平为核心的党中央周围。", "D130"),
    ("全市上下要紧密团结在以习近平总书记为核心的党中央周围。", "D130"),
    ("要深入学习贯彻习近平中国特色社会主义思想。", "D130"),
    ("要深入学习贯彻习近平新时代中国特色社会主义理论。", "D130"),
    ("要认真学习贯彻党的二十大三中全会精神。", "D130"),
    ("全会审议通过了二十届四种全会文件。", "D130"),
    ("中国共产党第二十届全国代表大会是一次十分重要的大会。", "D130"),
    ("要筑牢中华民族共同体意识。", "D130"),
    ("我们要牢固树立青山绿水就是金山银山的理念。", "D130"),
    ("要发展全过程民主，保障人民当家作主。", "D130"),
    ("今年要毫不放松抓好疫情防控工作。", "D131"),
    ("要统筹疫情防控和经济社会发展，确保完成全年目标。", "D131"),
    ("要坚决打赢脱贫攻坚战，不让一个群众掉队。", "D131"),
    ("我们要决胜全面建成小康社会。", "D131"),
    ("今年是“十四五”规划的收官之年。", "D131"),
    ("要扎实推进“十四五”规划重点项目建设。", "D131"),
    ("全体党员要增强“四个意识”（政治意识、大局意识、责任意识、看齐意识）。", "D132"),
    ("坚定“四个自信”，即道路自信、理论自信、制度自信、历史自信。", "D132"),
    ("统筹推进经济建设、政治建设、文化建设、社会建设“五位一体”总体布局。", "D132"),
    ("协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党“四个全面”战略布局。", "D132"),
    ("深刻领悟“两个确立”的决定性意义，即确立习近平总书记党中央的核心、全党的核心地位，"
     "确立习近平新时代中国特色社会主义思想的指导地位。", "D132"),
    ("落实“三管三必须”，即管行业必须管安全、管业务必须管安全。", "D132"),
]

CORRECT = [
    "我们要更加紧密地团结在以习近平同志为核心的党中央周围。",
    "要深入学习贯彻习近平新时代中国特色社会主义思想，深入贯彻党的二十大和二十届历次全会精神。",
    "要认真学习贯彻党的二十届三中全会、四中全会精神。",
    "中国共产党第二十次全国代表大会是一次十分重要的大会。",
    "全体党员要增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    "要增强“四个意识”（政治意识、大局意识、核心意识、看齐意识）。",
    "坚定“四个自信”，即道路自信、理论自信、制度自信、文化自信。",
    "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设“五位一体”总体布局，"
    "协调推进全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党“四个全面”战略布局。",
    "做到“两个维护”，即坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。",
    "完整、准确、全面贯彻新发展理念，坚持创新、协调、绿色、开放、共享的新发展理念。",
    "要巩固拓展脱贫攻坚成果，守住不发生规模性返贫致贫底线。",
    "“十四五”时期，全市地区生产总值年均增长6.2%，“十四五”规划目标任务圆满完成。",
    "过去五年，我们统筹疫情防控和经济社会发展，打赢了脱贫攻坚战，同全国一道全面建成小康社会。",
    "2026年是“十五五”开局之年，要高质量编制实施“十五五”专项规划。",
    "要抓好非洲猪瘟等重大动物疫情防控，做好安全隐患动态清零。",
    "立足中国具体实际，坚持“两个结合”。",
]


@pytest.mark.parametrize("sentence, code", PLANTED)
def test_a_planted_defect_in_a_txt_draft_is_found_on_its_line(write, sentence: str, code: str) -> None:
    path = write("稿.txt", draft(["今天召开会议。", sentence, "让我们团结奋斗。"]))
    findings = [f for f in lint_paths([str(path)]) if f.code in TIFA]
    assert [(f.code, f.line) for f in findings] == [(code, 5)]
    [finding] = findings
    assert finding.column is not None and finding.fix and "依据：" in finding.fix


def test_correct_text_gives_no_finding(write) -> None:
    path = write("稿.txt", draft(CORRECT))
    assert tifa(lint_paths([str(path)])) == []


def test_findings_say_what_is_wrong_what_to_write_and_the_source(write) -> None:
    path = write("稿.txt", draft(["要深入学习贯彻习近平中国特色社会主义思想。"]))
    [finding] = [f for f in lint_paths([str(path)]) if f.code == "D130"]
    assert "习近平中国特色社会主义思想" in finding.message
    assert "习近平新时代中国特色社会主义思想" in (finding.fix or "")
    assert "党的十九大报告" in (finding.fix or "")


@pytest.mark.parametrize("sentence, outdated_from", [
    ("要扎实推进“十四五”规划重点项目建设。", 2026),
    ("今年要毫不放松抓好疫情防控工作。", 2024),
    ("要坚决打赢脱贫攻坚战，不让一个群众掉队。", 2021),
    ("协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党“四个全面”战略布局。", 2021),
])
def test_date_rules_follow_the_speech_date(write, sentence: str, outdated_from: int) -> None:
    for year in (outdated_from - 1, outdated_from, outdated_from + 2):
        path = write(f"{year}.txt", draft([sentence], date=f"{year}年6月1日"))
        found = tifa(lint_paths([str(path)]))
        assert bool(found) == (year >= outdated_from), (year, found)


def test_a_date_in_chinese_numerals_counts(write) -> None:
    sentence = "要扎实推进“十四五”规划重点项目建设。"
    assert tifa(lint_paths([str(write("a.txt", draft([sentence], date="（二〇二五年十二月八日）")))])) == []
    assert tifa(lint_paths([str(write("b.txt", draft([sentence], date="（二〇二六年一月八日）")))])) == [("D131", 4)]
    assert tifa(lint_paths([str(write("c.txt", draft([sentence], date="（2026年1月8日在全市工作会议上）")))])) == [("D131", 4)]
    assert tifa(lint_paths([str(write("d.txt", draft([sentence], date="2025年12月8日，全市上下")))])) == [("D131", 4)]
    signed = "同志们：\n" + sentence + "\n\n云川市人民政府\n2025年12月8日\n"
    assert tifa(lint_paths([str(write("e.txt", signed))])) == []


def test_an_undated_draft_is_judged_by_this_year_and_says_so(write) -> None:
    path = write("稿.txt", "同志们：\n要扎实推进“十四五”规划重点项目建设。\n")
    [finding] = [f for f in lint_paths([str(path)]) if f.code == "D131"]
    assert "未找到日期行" in finding.message


def test_docx_drafts_are_checked_paragraph_by_paragraph(tmp_path: Path) -> None:
    path = _docx(tmp_path / "稿.docx", ["在全市工作会议上的讲话", "2026年3月1日", "同志们：", CORRECT[0],
                                        PLANTED[0][0], PLANTED[14][0], PLANTED[16][0]])
    found = sorted((f.where, f.code) for f in lint_paths([str(path)]) if f.code in TIFA)
    assert [(c, w) for w, c in found] == [("D130", "第5段"), ("D131", "第6段"), ("D132", "第7段")]
    clean = _docx(tmp_path / "好.docx", ["2026年3月1日", *CORRECT])
    assert tifa(lint_paths([str(clean)])) == []


def _outline(write, sentence: str, date: str | None, name: str = "o.yaml") -> tuple[Path, int]:
    """The deploy example with a sentence put before its first directive's first paragraph,
    and the given date (none: no date line). Returns the file and the sentence's line."""
    text = PLANT_OUTLINE
    text = re.sub(r"^date: .*\n", f"date: {date}\n" if date else "", text, count=1, flags=re.M)
    text, n = re.subn(r"(\ndirectives:\n(?:.*\n)*?\s+body:\n\s+- )", lambda m: m.group(1) + sentence, text, count=1)
    assert n == 1
    line = next(i for i, row in enumerate(text.splitlines(), 1) if sentence in row)
    return write(name, text), line


@pytest.mark.parametrize("sentence, code", [PLANTED[0], PLANTED[11], PLANTED[16]])
def test_a_planted_defect_in_an_outline_is_found_at_its_yaml_line(write, sentence: str, code: str) -> None:
    path, line = _outline(write, sentence, "2026-04-18")
    findings = [f for f in lint_paths([str(path)]) if f.code in TIFA]
    assert [(f.code, f.line) for f in findings] == [(code, line)]
    assert findings[0].where and findings[0].where.startswith("directives[0].body")
    row = path.read_text(encoding="utf-8").splitlines()[line - 1]
    name = {"D130": "以习近平为核心", "D131": "统筹疫情防控", "D132": "四个意识"}[code]
    assert findings[0].column == row.index(name) + 1


def test_an_outline_is_judged_by_its_own_date(write) -> None:
    sentence = "要扎实推进“十四五”规划重点项目建设。"
    path, line = _outline(write, sentence, "2025-04-18")
    assert tifa(lint_paths([str(path)])) == []
    path, line = _outline(write, sentence, "2026-04-18")
    assert tifa(lint_paths([str(path)])) == [("D131", line)]
    path, line = _outline(write, sentence, None)
    [finding] = [f for f in lint_paths([str(path)]) if f.code == "D131"]
    assert "大纲没有写 date" in finding.message


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_shipped_examples_have_no_tifa_finding_even_dated_today(outline: Path, write) -> None:
    text = re.sub(r"^date: .*$", "date: 2026-12-01", outline.read_text(encoding="utf-8"), flags=re.M)
    assert tifa(lint_paths([str(write(outline.name, text))])) == []


# --- the rule file ---------------------------------------------------------------------------

def test_the_shipped_rules_are_many_sourced_and_consistent() -> None:
    rules = load_rules()
    assert len(rules.entries) >= 40
    kinds = {"fixed": 0, "timed": 0, "counted": 0}
    for entry in rules.entries:
        assert re.search("《|报告|全会|讲话|公报|决议|方案", entry.source), entry.key
        kinds["counted" if entry.items else "timed" if entry.timed else "fixed"] += 1
    assert all(n >= 8 for n in kinds.values()), kinds


def test_each_fixed_entry_right_form_is_itself_clean() -> None:
    rules = load_rules()
    for entry in rules.entries:
        if entry.items or entry.timed or "\\" in entry.right:
            continue
        assert [h.code for h in find_in_text(entry.right, rules, 2026) if h.code == "D130"] == [], entry.key
        if not entry.regex or re.escape(entry.key) != entry.regex.pattern:
            continue
        assert [h.code for h in find_in_text(entry.key, rules, 2026)] == ["D130"], entry.key


def test_each_counted_entry_accepts_its_list_and_catches_a_changed_item() -> None:
    rules = load_rules()
    for entry in rules.entries:
        if not entry.items or not entry.valid_in(2026):
            continue
        items = [forms[0] for forms in entry.items]
        joiner = "；" if any("、" in i for i in items) else "、"
        good = f"要落实“{entry.name}”（{joiner.join(items)}）。"
        assert list(find_in_text(good, rules, 2026)) == [], entry.name
        bad = f"要落实“{entry.name}”（{joiner.join(items[:-1] + ['认真谋划部署'])}）。"
        assert [h.code for h in find_in_text(bad, rules, 2026)] == ["D132"], entry.name


def test_a_user_rule_file_in_the_config_folder_adds_and_switches_off_rules(write) -> None:
    path = write("稿.txt", draft(["要加快建设云川新城区。", "要树立国家总体安全观。"]))
    assert tifa(lint_paths([str(path)])) == [("D130", 5)]
    user = user_tifa_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("entries:\n- wrong: 云川新城区\n  right: 云川新区\n  source: 市委文件\n"
                    "- wrong: 国家总体安全观\n  disable: true\n", encoding="utf-8")
    try:
        assert tifa(lint_paths([str(path)])) == [("D130", 4)]
    finally:
        user.unlink()


def test_tifa_option_through_the_cli(write) -> None:
    path = write("稿.txt", draft(["要加快建设云川新城区。"]))
    rules = write("mine.yaml", "entries:\n- wrong: 云川新城区\n  right: 云川新区\n  source: 市委文件\n")
    result = runner.invoke(app, ["lint", str(path), "--tifa", str(rules), "--format", "json"])
    assert result.exit_code == 1 and '"D130"' in result.output and "云川新区" in result.output
    assert runner.invoke(app, ["lint", str(path)]).exit_code == 0


def test_a_broken_user_rule_file_is_reported_with_its_line(write) -> None:
    path = write("稿.txt", draft(["要加快建设云川新城区。"]))
    rules = write("bad.yaml", "entries:\n- wrong: 甲\n  right: 乙\n  source: 文件\n- pattern: '(未闭合'\n  right: 丙\n  source: 文件\n")
    with pytest.raises(DrafterError) as info:
        lint_paths([str(path)], tifa=[str(rules)])
    assert info.value.problems[0].line == 5
    result = runner.invoke(app, ["lint", str(path), "--tifa", str(rules)])
    assert result.exit_code == 2 and "正则表达式" in result.output
    nosource = write("nosource.yaml", "entries:\n- wrong: 甲\n  right: 乙\n")
    with pytest.raises(DrafterError, match="source"):
        lint_paths([str(path)], tifa=[str(nosource)])


def test_rules_listing_names_the_codes_and_the_user_file() -> None:
    result = runner.invoke(app, ["lint", "--rules"])
    assert result.exit_code == 0
    assert all(code in result.output for code in ("D130", "D131", "D132", "D133"))
    assert "tifa.yaml" in result.output


def test_the_shipped_file_is_plain_yaml_with_entries() -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    assert isinstance(data["entries"], list) and data["review"] and data["current"]


@pytest.mark.parametrize("sentence", [
    "要坚决整治形式主义、官僚主义等“四风”问题。",
    "持续纠治“四风”，特别是形式主义、官僚主义。",
    "“十四五”时期积累的宝贵经验，要在“十五五”时期继续坚持和发展。",
    "要大力弘扬脱贫攻坚精神，推进乡村全面振兴。",
    "要完整、准确、全面贯彻新发展理念。",
    "要统筹好产业振兴、人才振兴和“五个振兴”的其他方面。",
])
def test_partial_lists_and_comparisons_are_not_findings(sentence: str) -> None:
    assert find_in_text(sentence, load_rules(), 2026) == []


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="the shared corpus is not next to this checkout")
def test_real_speeches_have_no_wrong_wording_or_wrong_lists() -> None:
    """The corpus's speeches (national and local, 1930s–2025) are edited texts: whatever their
    date, no fixed-wording (D130) or counted-list (D132) finding may fire on them."""
    rules = load_rules()
    for path in sorted((SHARED / "corpus").rglob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            hits = [h for h in find_in_text(line, rules, 2026) if h.code != "D131"]
            assert hits == [], (path.name, number, hits)


def test_the_shipped_phrase_library_passes_the_tifa_check() -> None:
    """Every frame of drafter/data/phrasebank.yaml, read as a 2026 speech would use it."""
    data = yaml.safe_load((SHIPPED.parent / "phrasebank.yaml").read_text(encoding="utf-8"))

    def frames(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            yield from frames(node.get("text")) if "text" in node else (x for v in node.values() for x in frames(v))
        elif isinstance(node, list):
            for item in node:
                yield from frames(item)

    texts = list(frames(data.get("parts")))
    assert len(texts) >= 100
    rules = load_rules()
    assert [(t, find_in_text(t, rules, 2026)) for t in texts if find_in_text(t, rules, 2026)] == []
