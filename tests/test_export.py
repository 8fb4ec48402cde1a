"""The .docx and HTML exports, read back from the saved files for every example outline."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.export import export
from drafter.render import render_file

from .conftest import OUTLINES, ROOT

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def east_asia(run_or_style) -> str | None:
    rpr = run_or_style.element.rPr
    return None if rpr is None or rpr.rFonts is None else rpr.rFonts.get(f"{W}eastAsia")


def save_docx(outline: Path, tmp_path: Path, *extra: str):
    import docx

    target = tmp_path / f"{outline.stem}.docx"
    result = runner.invoke(app, ["render", str(outline), "-o", str(target), *extra])
    assert result.exit_code == 0, result.output
    return docx.Document(str(target)), target


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_docx_layout_read_back(outline: Path, tmp_path: Path) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Mm, Pt

    doc, path = save_docx(outline, tmp_path)
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.left_margin - Mm(28)) < Mm(0.1)
    # the type area: 156 × 225 mm
    assert abs(section.page_width - section.left_margin - section.right_margin - Mm(156)) < Mm(0.1)
    assert abs(section.page_height - section.top_margin - section.bottom_margin - Mm(225)) < Mm(0.1)
    grid = section._sectPr.find(f"{W}docGrid")
    assert grid.get(f"{W}linePitch") == "579"

    document = render_file(outline).document
    paragraphs = [p for p in doc.paragraphs if p.text]
    title = paragraphs[0]
    assert title.text == document.title
    assert title.style.name == "讲话标题"
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.style.font.size == Pt(22) and east_asia(title.style) == "方正小标宋简体"
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(16) and east_asia(normal) == "仿宋_GB2312"
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.paragraph_format.line_spacing == Pt(28.95)
    ind = normal.element.pPr.find(f"{W}ind")
    assert ind.get(f"{W}firstLineChars") == "200"
    meta = [p for p in paragraphs if p.style.name == "讲话署名"]
    assert meta and all(east_asia(p.style) == "楷体_GB2312" for p in meta)
    salutation = next(p for p in paragraphs if p.style.name == "讲话称呼")
    assert salutation.text.endswith("：")
    levels = {"讲话一级标题": ("黑体", False), "讲话二级标题": ("楷体_GB2312", False),
              "讲话三级标题": ("仿宋_GB2312", True)}
    for name, (face, bold) in levels.items():
        style = doc.styles[name]
        assert east_asia(style) == face and bool(style.font.bold) == bold
    headings = [p.text for p in paragraphs if p.style.name == "讲话一级标题"]
    expected = [b.number + b.text for b in document.blocks if b.kind == "heading" and b.level == 1]
    assert headings == expected and (headings or outline.stem == "address")  # 致辞: no headings
    # every run carries its Chinese face in the eastAsia slot, and the shared-marks hint
    for paragraph in paragraphs:
        for run in paragraph.runs:
            assert east_asia(run) and run.element.rPr.rFonts.get(f"{W}hint") == "eastAsia"
    # run-in headings: heading face, then body face, in one paragraph
    runin = [b for b in document.blocks if b.runin]
    if runin:
        paragraph = next(p for p in paragraphs if p.text.startswith(runin[0].number + runin[0].runin))
        assert len(paragraph.runs) == 2 and paragraph.runs[1].text == runin[0].text
    # page numbers: "— PAGE —" in 宋体, odd right and even left
    with zipfile.ZipFile(path) as z:
        footers = [z.read(n).decode("utf-8") for n in z.namelist() if "footer" in n]
    assert len(footers) >= 2
    for xml in footers:
        assert "PAGE" in xml and "— " in xml and " —" in xml and 'w:eastAsia="宋体"' in xml
    assert doc.settings.odd_and_even_pages_header_footer
    # metadata: title and speaker, nothing about this machine
    props = doc.core_properties
    assert props.title == document.title
    assert props.author and props.author in (document.of_kind("meta")[0].text.replace("\u3000", " "),
                                             props.author)
    assert props.last_modified_by == "" and props.comments == ""


def test_docx_common_font_profile(tmp_path: Path) -> None:
    doc, _ = save_docx(OUTLINES[0], tmp_path, "--font-profile", "common")
    assert east_asia(doc.styles["Normal"]) == "仿宋"
    assert east_asia(doc.styles["讲话二级标题"]) == "楷体"


def test_docx_author_is_the_speaker_not_the_user(tmp_path: Path) -> None:
    import getpass

    doc, _ = save_docx(ROOT / "outlines" / "deploy.yaml", tmp_path)
    assert doc.core_properties.author == "滨河街道党工委书记 许某某"
    assert getpass.getuser() not in (doc.core_properties.author, doc.core_properties.last_modified_by)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_with_a_plausible_page_count(tmp_path: Path) -> None:
    _, path = save_docx(ROOT / "outlines" / "deploy.yaml", tmp_path)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    import re

    pdf = (tmp_path / "deploy.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    # about 2,900 字 at 22 × 27 a page, plus headings and paragraph ends: 5 to 8 pages
    assert 5 <= pages <= 8


# --- HTML ----------------------------------------------------------------------------------

@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_html_is_self_contained(outline: Path) -> None:
    html = export(render_file(outline).document, ".html")
    assert isinstance(html, str)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    for external in ("http://", "https://", "<script", "<link", "@import", "url("):
        assert external not in html
    assert "@page" in html and "counter(page)" in html and "37mm" in html
    assert "仿宋" in html and "黑体" in html and "楷体" in html and "serif" in html
    assert "<h2>一、" in html or "<h2>第一，" in html or outline.stem == "address"  # 致辞: no headings


def test_html_escapes_outline_text(write) -> None:
    outline = write("o.yaml", 'title: "<script>alert(1)</script>"\n'
                              'directives:\n  - heading: "A & B <b>粗</b>"\n')
    html = export(render_file(outline).document, ".html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "A &amp; B &lt;b&gt;粗&lt;/b&gt;" in html


def test_docx_is_a_zip_and_html_text(tmp_path: Path) -> None:
    data = export(render_file(OUTLINES[0]).document, ".docx")
    assert isinstance(data, bytes) and zipfile.is_zipfile(io.BytesIO(data))


def test_unknown_suffix_lists_all_formats(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(OUTLINES[0]), "-o", str(tmp_path / "a.pdf")])
    assert result.exit_code == 2
    for suffix in (".txt", ".md", ".html", ".docx"):
        assert suffix in result.output
