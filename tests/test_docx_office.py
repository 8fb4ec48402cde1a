"""The .docx points an office checks, read back from the saved file: the 28-character grid,
title lines, the subtitle's full-width space, highlighted 〔待补〕 markers and drafter's own
package metadata (checked by unzipping)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.corpus.tokenizer import default_tokenizer
from drafter.export import export
from drafter.export.docx import TITLE_CAPACITY
from drafter.export.title_lines import break_title, width
from drafter.loader import load_outline_text
from drafter.render import render_outline

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

LONG_TITLES = [
    "在全市优化营商环境暨重点项目建设推进大会上的讲话",
    "在中国共产党某某市第十五届委员会第三次全体会议上的讲话",
    "在全市高质量发展大会暨“十五五”规划实施动员部署会上的讲话",
]


def docx_of(yaml_text: str, **options: str) -> bytes:
    document = render_outline(load_outline_text(yaml_text, "t.yaml")).document
    data = export(document, ".docx", **options)
    assert isinstance(data, bytes)
    return data


def read(data: bytes):  # noqa: ANN201 - a python-docx Document
    import docx

    return docx.Document(io.BytesIO(data))


def title_lines_in(data: bytes) -> list[str]:
    paragraph = next(p for p in read(data).paragraphs if p.style.name == "讲话标题")
    lines, current = [], ""
    for run in paragraph._p.iter(f"{W}r"):
        if run.find(f"{W}br") is not None:
            lines.append(current)
            current = ""
        current += "".join(t.text or "" for t in run.iter(f"{W}t"))
    return [*lines, current]


def _token_bounds(title: str) -> set[int]:
    bounds, position = {0}, 0
    for token in default_tokenizer().cut(title):
        position += len(token)
        bounds.add(position)
    return bounds


@pytest.mark.parametrize("title", LONG_TITLES)
def test_long_titles_break_between_words_shorter_line_first(title: str) -> None:
    lines = title_lines_in(docx_of(f"title: {title}\nmeeting: {{name: 全市大会}}\n"))
    assert len(lines) >= 2 and "".join(lines) == title
    widths = [width(line) for line in lines]
    assert max(widths) <= TITLE_CAPACITY == 20
    assert widths[0] <= widths[-1]  # the upper line is not longer than the lower
    bounds = _token_bounds(title)
    cut = 0
    for line in lines[:-1]:
        cut += len(line)
        assert cut in bounds, (title, lines)  # no word is split
    if "“" in title:  # a quoted name stays on one line
        assert any("“十五五”" in line for line in lines)


def test_the_issue_title_no_longer_splits_重点项目() -> None:
    lines = title_lines_in(docx_of(f"title: {LONG_TITLES[0]}\n"))
    assert lines == ["在全市优化营商环境", "暨重点项目建设推进大会上的讲话"]


def test_a_short_title_stays_on_one_line() -> None:
    assert title_lines_in(docx_of("title: 在全市重点项目建设推进会上的讲话\n")) == [
        "在全市重点项目建设推进会上的讲话"]


@pytest.mark.parametrize("title", ["[在全市重点项目, 建设推进会上的讲话]", "\"在全市重点项目\\n建设推进会上的讲话\""])
def test_explicit_title_lines_are_kept(title: str) -> None:
    assert title_lines_in(docx_of(f"title: {title}\n")) == ["在全市重点项目", "建设推进会上的讲话"]


WORDS = ["在", "全市", "全省", "重点项目", "建设", "推进", "大会", "暨", "优化", "营商环境", "工作",
         "会议", "第十五届", "委员会", "第三次", "全体会议", "高质量", "发展", "动员", "部署", "总结",
         "表彰", "乡村", "全面", "振兴", "科技", "创新", "三级干部"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=16))
def test_any_title_breaks_into_a_valid_shape(words: list[str]) -> None:
    title = "".join(words) + "上的讲话"
    lines = break_title(title, TITLE_CAPACITY)
    assert "".join(lines) == title
    widths = [width(line) for line in lines]
    assert max(widths) <= TITLE_CAPACITY
    if len(lines) > 1:
        assert widths[0] <= widths[-1]
        rising = all(a <= b for a, b in zip(widths, widths[1:], strict=False))
        peak = widths.index(max(widths))
        diamond = (all(a <= b for a, b in zip(widths[:peak + 1], widths[1:peak + 1], strict=False))
                   and all(a >= b for a, b in zip(widths[peak:], widths[peak + 1:], strict=False)))
        assert rising or diamond
        assert not any(line[0] in "的上之" for line in lines[1:])


def test_title_lines_have_no_grid_gap() -> None:
    doc = read(docx_of(f"title: {LONG_TITLES[1]}\n"))
    style = doc.styles["讲话标题"]
    ppr = style.element.pPr
    assert ppr.find(f"{W}snapToGrid").get(f"{W}val") == "0"  # the grid does not double the lines
    spacing = ppr.find(f"{W}spacing")
    assert spacing.get(f"{W}lineRule") == "exact" and spacing.get(f"{W}line") == "579"
    title = next(p for p in doc.paragraphs if p.style.name == "讲话标题")
    assert len(title._p.findall(f".//{W}br")) == 1  # one paragraph, one line break
    for name in ("讲话副标题", "讲话署名"):  # centred one-liners keep their own character width
        assert doc.styles[name].element.pPr.find(f"{W}snapToGrid").get(f"{W}val") == "0"
    assert doc.styles["Normal"].element.pPr.find(f"{W}snapToGrid") is None  # the body keeps the grid
    # schema order in w:pPr: snapToGrid before spacing
    tags = [c.tag.rsplit("}", 1)[-1] for c in ppr]
    assert tags.index("snapToGrid") < tags.index("spacing")


def test_subtitle_keeps_its_full_width_space() -> None:
    doc = read(docx_of("title: 凝心聚力谋发展\nsubtitle: ——凝心聚力抓项目　真抓实干促发展\n"))
    subtitle = next(p for p in doc.paragraphs if p.style.name == "讲话副标题")
    assert subtitle.text == "——凝心聚力抓项目\u3000真抓实干促发展"


def test_open_markers_are_highlighted_yellow() -> None:
    from docx.enum.text import WD_COLOR_INDEX

    doc = read(docx_of("speaker:\nmeeting:\n  name: 全市工作会议\n  purpose: 完成〔待补〕项任务\n"))
    runs = [r for p in doc.paragraphs for r in p.runs if r.text]
    marked = [r for r in runs if "〔待补" in r.text]
    assert "〔待补：讲话人〕" in {r.text for r in marked} and len(marked) >= 2
    for run in runs:
        highlighted = run.font.highlight_color == WD_COLOR_INDEX.YELLOW
        assert highlighted == bool(re.fullmatch(r"〔待补[^〕]*〕", run.text)), run.text
    purpose = next(p for p in doc.paragraphs if "完成〔待补" in p.text)
    assert re.search(r"完成〔待补[^〕]*〕项任务", purpose.text)  # text around the marker is kept


def test_package_metadata_is_drafters_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01T00:00:00Z
    data = docx_of("title: 在全市工作会议上的讲话\nspeaker: 市长 王某某\n")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        parts = {n: z.read(n).decode("utf-8") for n in names if n.endswith((".xml", ".rels"))}
        stamps = {i.date_time for i in z.infolist()}
    assert not any(n.startswith("customXml") or "thumbnail" in n or "stylesWithEffects" in n for n in names)
    assert not any("thumbnail" in text or "customXml" in text for text in parts.values())
    app = parts["docProps/app.xml"]
    assert "<Application>drafter</Application>" in app and "Microsoft" not in app
    core = parts["docProps/core.xml"]
    assert "2026-12-01T00:00:00Z" in core and "2013" not in core
    assert "<dc:language>zh-CN</dc:language>" in core
    assert re.search(r'<w:themeFontLang [^>]*w:eastAsia="zh-CN"', parts["word/settings.xml"])
    assert not any("ja-JP" in text for text in parts.values())
    assert stamps == {(2026, 12, 1, 0, 0, 0)}
    assert docx_of("title: 在全市工作会议上的讲话\nspeaker: 市长 王某某\n") == data  # reproducible
    props = read(data).core_properties
    assert props.created == props.modified == dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def test_created_is_the_render_time_without_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props = read(docx_of("title: 讲话\n")).core_properties
    assert before <= props.created <= before + dt.timedelta(minutes=1)


def test_docx_path_alone_imports_the_tokenizer(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from drafter.render import render_file; from drafter.export import export;"
            "d = render_file(sys.argv[1]).document; export(d, '.txt'); export(d, '.html');"
            "print('rjieba' in sys.modules or 'jieba' in sys.modules)")
    outline = tmp_path / "o.yaml"
    outline.write_text(f"title: {LONG_TITLES[0]}\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", code, str(outline)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
