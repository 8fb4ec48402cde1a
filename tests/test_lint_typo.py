"""错别字 and misused words (D140–D143): the issue's cases, context, places in every file kind,
the writer's own lexicon, the planted test set, and silence on everything drafter ships."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import DrafterError
from drafter.lint import lint_paths
from drafter.lint_typo import BUILTIN, CODES, check_text, parse_lexicon, user_usage_file

from .conftest import OUTLINES, ROOT, SHARED

runner = CliRunner()


def fixes(text: str) -> list[tuple[str, str, str]]:
    """(code, wrong, right) for each slip in a paragraph."""
    return [(s.code, s.wrong, s.right) for s in check_text(text)]


@pytest.mark.parametrize("text, wrong, right", [
    ("要认真布署今年的各项工作。", "布署", "部署"),
    ("截止目前，全县已完成投资12亿元。", "截止目前", "截至目前"),
    ("希望大家再接再励，再创佳绩。", "再接再励", "再接再厉"),
    ("我们将一如继往地支持企业发展。", "一如继往", "一如既往"),
    ("我们要认真的学习全会精神。", "的", "地"),
    ("对群众反应问题要及时回应。", "反应", "反映"),
    ("这是一个急待解决的问题。", "急待解决", "亟待解决"),
    ("截止2026年11月底，新增市场主体4300户。", "截止", "截至"),
    ("帮助企业度过难关。", "度过", "渡过"),
    ("祝大家渡过一个欢乐祥和的春节。", "渡过", "度过"),
    ("人民代表大会是国家权利机关。", "权利机关", "权力机关"),
    ("我们必需坚持以人民为中心。", "必需", "必须"),
    ("工作做的很好，群众满意。", "的", "得"),
    ("这项改革推进的还不够到位。", "的", "得"),
    ("要扎扎实实的做好各项工作。", "的", "地"),
    ("要进一步进一步加强作风建设。", "进一步进一步", "进一步"),
    ("这是做好工作的的根本遵循。", "的的", "的"),
    ("要打造一只能打硬仗的干部队伍。", "只", "支"),
])
def test_each_slip_is_named_with_its_right_form(text: str, wrong: str, right: str) -> None:
    assert any(w == wrong and r == right for _, w, r in fixes(text)), fixes(text)


@pytest.mark.parametrize("text", [
    "报名截止日期为12月15日，逾期不再受理。",
    "报名于12月15日截止。",
    "截至目前，全市已建成标准化社区服务站128个。",
    "面对市场变化，企业反应迅速。",
    "药物不良反应问题要高度重视。",
    "同志们在基层度过了难忘的三年。",
    "在党的领导下，我们渡过了一个又一个难关。",
    "公民享有宪法和法律规定的权利，要依法行使权力。",
    "粮油是群众生活的必需品。",
    "我们学习贯彻全会精神，自己经过认真思考。",
    "要深入的调查研究，经过不断的努力，进行认真的学习。",
    "他说的很对，我们的工作还很不够。",
    "大家回去研究研究，联系联系、协调协调。",
    "要一个一个地解决，实实在在的成效，的的确确是这样。",
    "这只是队伍建设的一部分。",
    "依法打击犯罪，维护公民合法权益。",
    "这坐落在山脚的小城，一名医院医生说，一副对联的照片挂在墙上。",
    "一颗种子成树要十年，渡过长江用了三天。",
    "产权登记薄弱环节要补齐，巩固疾病防控成果，发展悦己经济。",
    "北京市市长　王某某",
])
def test_right_usage_is_left_alone(text: str) -> None:
    assert fixes(text) == []


def test_every_entry_is_well_formed_and_never_fires_on_its_right_form() -> None:
    entries = parse_lexicon(BUILTIN.read_text(encoding="utf-8"), str(BUILTIN))
    assert len(entries) >= 300
    for entry in entries.values():
        assert entry.wrong != entry.right and entry.note
        for condition in (entry.before, entry.after, entry.not_before, entry.not_after):
            assert condition is None or re.compile(condition)
        if not (entry.before or entry.after):
            # the corrected form itself must be clean for this entry
            assert all(w != entry.wrong for _, w, _ in fixes(entry.right + "。")), entry.wrong
    header = BUILTIN.read_text(encoding="utf-8").split("\n\n", 1)[0]
    for reference in ("现代汉语词典》第7版", "第一批异形词整理表", "党政机关公文处理工作条例"):
        assert reference in BUILTIN.read_text(encoding="utf-8")[:3000], header[:80]


def test_findings_sit_on_the_line_and_column_of_txt_md_and_yaml(write) -> None:
    [f] = [f for f in lint_paths([str(write("a.txt", "同志们：\n今年要认真布署。\n"))]) if f.code == "D140"]
    assert (f.line, f.column) == (2, 6) and f.message.startswith("“布署”应为“部署”：") and f.fix == "改为“部署”"
    [f] = [f for f in lint_paths([str(write("b.md", "# 讲话\n\n**要**一如继往。\n"))]) if f.code == "D140"]
    assert (f.line, f.column) == (3, 2)
    outline = OUTLINES[0].read_text(encoding="utf-8")
    line_no, line = next((i, x) for i, x in enumerate(outline.splitlines(), 1)
                         if re.search(r"^\s*-?\s*body:\s*\S", x) or re.search(r"^\s*-?\s*heading:\s*\S", x))
    value_at = re.search(r"(?:body|heading):\s*[\"']?", line).end()  # type: ignore[union-attr]
    changed = line[:value_at] + "布署" + line[value_at:]
    path = write("o.yaml", outline.replace(line, changed, 1))
    [f] = [f for f in lint_paths([str(path)]) if f.code == "D140"]
    assert (f.line, f.column) == (line_no, value_at + 1) and f.where and "讲话稿" in f.where


def test_docx_findings_name_the_paragraph(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("同志们：")
    document.add_paragraph("要认真布署，确保工作落实。")
    path = tmp_path / "d.docx"
    document.save(str(path))
    [f] = [f for f in lint_paths([str(path)]) if f.code == "D140"]
    assert f.where == "第2段" and f.column == 4


def test_a_repeat_across_a_line_break(write) -> None:
    text = "同志们：\n我们要持续深入推进\n推进乡村全面振兴，加快建设农业强县。\n一、坚持党的全面领导\n坚持党的全面领导，是做好工作的根本。\n"
    found = [f for f in lint_paths([str(write("a.txt", text))]) if f.code == "D142"]
    assert [(f.line, f.column) for f in found] == [(3, 1)] and "“推进”" in found[0].message


def test_ignore_and_rules_list(write) -> None:
    path = write("a.txt", "要认真布署，认真的学习贯彻全会精神。\n")
    assert {f.code for f in lint_paths([str(path)], ignore=["D140"])} == {"D141"}
    assert not {f.code for f in lint_paths([str(path)], ignore=list(CODES))} & set(CODES)
    result = runner.invoke(app, ["lint", "--rules"])
    assert all(code in result.output for code in CODES) and "usage.tsv" in result.output


def test_the_writers_own_lexicon(write) -> None:
    draft = write("a.txt", "要全力推进城市更新和片区开发，布署今年工作。\n")
    own = write("mine.tsv", "# 本单位用法\n片区开发\t片区综合开发\t\t本市统一提法\n布署\t-\n")
    found = lint_paths([str(draft)], usage=[str(own)])
    assert [f.message for f in found if f.code == "D140"] == ["“片区开发”应为“片区综合开发”：本市统一提法"]
    home = user_usage_file()
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("片区开发\t片区综合开发\t\t本市统一提法\n", encoding="utf-8")
    try:
        result = runner.invoke(app, ["lint", str(draft), "--format", "json"])
        assert "片区综合开发" in result.output and "部署" in result.output
    finally:
        home.unlink()
    bad = write("bad.tsv", "布署\t部署\t后:(?:\t坏的正则\n")
    with pytest.raises(DrafterError) as caught:
        lint_paths([str(draft)], usage=[str(bad)])
    assert caught.value.problems[0].line == 1 and "正则" in str(caught.value)
    result = runner.invoke(app, ["lint", str(draft), "--usage", str(write("x/none.tsv", "").parent / "no.tsv")])
    assert result.exit_code == 2 and "找不到这个用词表" in result.output


def _frame_text(source: str) -> list[str]:
    """The fixed wording of a template: text outside Jinja tags, and string literals inside them."""
    literals = re.findall(r"[\"']([^\"'{}]*[\u4e00-\u9fff][^\"'{}]*)[\"']", source)
    outside = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "\n", source, flags=re.S)
    return [piece for piece in re.split(r"\n", outside) + literals if re.search(r"[\u4e00-\u9fff]", piece)]


def test_every_shipped_template_frame_is_clean() -> None:
    templates = sorted((ROOT / "templates").rglob("*.j2"))
    assert templates
    for template in templates:
        for piece in _frame_text(template.read_text(encoding="utf-8")):
            assert fixes(piece) == [], (template.name, piece)


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_every_rendered_example_is_clean_under_the_rule(outline: Path) -> None:
    assert [f for f in lint_paths([str(outline)]) if f.code in CODES] == []


def _accuracy():  # the benchmark script measures; the test holds the bar
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import typo_accuracy
    finally:
        sys.path.pop(0)
    return typo_accuracy


def test_recall_on_the_planted_set_tuned_and_held_out() -> None:
    result = _accuracy().recall()
    for split in ("tune", "holdout"):
        found, total = result[split]
        assert total >= 100 and found / total >= 0.85, (split, found, total)
    assert result["control"][0] == result["control"][1]
    assert sum(total for key, (_, total) in result.items() if key != "control") >= 200


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="the shared corpus is not next to this checkout")
def test_at_most_one_finding_per_20000_characters_of_clean_text() -> None:
    count, chars = _accuracy().false_findings()
    assert chars > 50000 and count * 20000 <= chars, (count, chars)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("的地得很要认真布署截止目前反应问题进一步一只队伍，。、 \n研究了是在和")),
               max_size=60))
def test_the_check_never_raises_and_slips_stay_inside_the_text(text: str) -> None:
    for slip in check_text(text):
        assert 0 <= slip.start < slip.end <= len(text) and slip.code in CODES


def test_the_light_tokenizer_is_jiebas_on_common_words_and_its_list_is_current() -> None:
    from drafter.corpus.tokenizer import default_tokenizer
    from drafter.lint_typo import WORDS, build_words, tokenizer

    assert type(tokenizer()).__name__ == "_LightRjieba"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "golden").glob("*.txt")))
    light, full = tokenizer().tag(text), default_tokenizer().tag(text)
    # most words are jieba's words with jieba's tags; rarer compounds (营商, 述职) come apart
    assert len(set(light) & set(full)) >= 0.75 * len(set(full))
    assert len(light) <= 1.15 * len(full)
    pytest.importorskip("jieba")
    assert WORDS.read_text(encoding="utf-8") == build_words(), "run: python -m drafter.lint_typo"


def test_a_slip_the_tifa_list_also_names_is_reported_once(write) -> None:
    found = lint_paths([str(write("a.txt", "同志们：\n希望大家再接再励，一如继往。\n"))])
    assert sorted(f.code for f in found) == ["D130", "D140"]  # 再接再励 by the 提法 list, 一如继往 here


def test_every_shipped_phrase_is_clean() -> None:
    import yaml

    path = ROOT / "drafter" / "data" / "phrasebank.yaml"
    if not path.exists():
        pytest.skip("no phrase library in this checkout")
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")).get("parts"))
    assert len(texts) > 100
    assert [(t, fixes(t)) for t in texts if fixes(t)] == []
