"""The reading copy (念稿): the speech printed large for the leader at the lectern.

小二 (18 pt) 仿宋 on wide margins at 1.8 lines, no paragraph split across a page turn
(keep-together, widow control), headings kept with the next paragraph, large centred page
numbers, and optional pinyin (Word ruby) over hard words and pause marks after long
subjects (drafter.reading_aids). As .docx or as a self-contained .html page for printing.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..document import HEAD_KINDS, BlockKind, Document
from ..reading_aids import Annotator, Piece
from .docx import LATIN, PROFILES, _page_number, _qn, set_font
from .docx_package import finish

BODY_PT, TITLE_PT, RUBY_PT, PAGE_NUMBER_PT = 18, 22, 9, 18
LINE_MULTIPLE = 1.8
READING_SUFFIXES = (".docx", ".html")


def _ruby_run(paragraph: Any, piece: Piece, font: str, bold: bool) -> None:
    """<w:r><w:ruby>…</w:ruby></w:r>: Word's phonetic guide, one syllable over one character."""
    from docx.oxml import OxmlElement

    def run(text: str, size: float) -> Any:
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        fonts.set(_qn("w:ascii"), LATIN)
        fonts.set(_qn("w:hAnsi"), LATIN)
        fonts.set(_qn("w:eastAsia"), font)
        rpr.append(fonts)
        if bold:
            rpr.append(OxmlElement("w:b"))
        sz = OxmlElement("w:sz")
        sz.set(_qn("w:val"), str(int(size * 2)))
        rpr.append(sz)
        r.append(rpr)
        t = OxmlElement("w:t")
        t.text = text
        r.append(t)
        return r

    outer = OxmlElement("w:r")
    ruby = OxmlElement("w:ruby")
    props = OxmlElement("w:rubyPr")
    for tag, value in (("w:rubyAlign", "center"), ("w:hps", str(RUBY_PT * 2)),
                       ("w:hpsRaise", str(BODY_PT * 2 - 2)), ("w:hpsBaseText", str(BODY_PT * 2)),
                       ("w:lid", "zh-CN")):
        el = OxmlElement(tag)
        el.set(_qn("w:val"), value)
        props.append(el)
    ruby.append(props)
    rt = OxmlElement("w:rt")
    rt.append(run(piece.ruby or "", RUBY_PT))
    base = OxmlElement("w:rubyBase")
    base.append(run(piece.text, BODY_PT))
    ruby.append(rt)
    ruby.append(base)
    outer.append(ruby)
    paragraph._p.append(outer)


def _pieces_to(paragraph: Any, pieces: list[Piece], font: str, bold: bool = False) -> None:
    for piece in pieces:
        if piece.ruby:
            _ruby_run(paragraph, piece, font, bold)
        else:
            run = paragraph.add_run(piece.text)
            set_font(run, font, size=BODY_PT, bold=bold)


def _setup(doc: Any, body_font: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(30), Mm(30)
    section.left_margin, section.right_margin = Mm(32), Mm(32)
    section.footer_distance = Mm(15)
    normal = doc.styles["Normal"]
    set_font(normal, body_font, size=BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing = LINE_MULTIPLE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.widow_control = True
    fmt.keep_together = True
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer, body_font, PAGE_NUMBER_PT)


def export_docx(document: Document, *, font_profile: str = "gbt9704", author: str | None = None,
                pinyin: bool = True, pauses: bool = False) -> bytes:
    from docx import Document as new_document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    fonts = PROFILES[font_profile]
    doc = new_document()
    _setup(doc, fonts.body)
    body = doc.element.body
    for p in list(body.iterchildren(_qn("w:p"))):
        body.remove(p)
    aids = Annotator(pinyin=pinyin, pauses=pauses)
    for block in document.blocks:
        paragraph = doc.add_paragraph()
        fmt = paragraph.paragraph_format
        if block.kind in HEAD_KINDS:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.keep_with_next = True
            run = paragraph.add_run(block.text)
            title = block.kind == BlockKind.TITLE
            set_font(run, fonts.title if title else fonts.kai, size=TITLE_PT if title else BODY_PT)
            continue
        if block.kind == BlockKind.SALUTATION:
            fmt.space_before = Pt(BODY_PT)
            _pieces_to(paragraph, aids.pieces(block.text), fonts.body)
            continue
        fmt.first_line_indent = Pt(BODY_PT * 2)
        if block.kind == BlockKind.HEADING:
            fmt.keep_with_next = True
            font = fonts.hei if block.level <= 1 else fonts.kai
            _pieces_to(paragraph, aids.pieces(block.number + block.text), font,
                       bold=block.level == 3)
            continue
        if block.runin:
            font = fonts.hei if block.level <= 1 else fonts.kai
            _pieces_to(paragraph, aids.pieces(block.number + block.runin), font,
                       bold=block.level == 3)
        elif block.number:
            _pieces_to(paragraph, [Piece(block.number)], fonts.body)
        if block.text:
            _pieces_to(paragraph, aids.pieces(block.text), fonts.body)
    return finish(doc, title=f"{document.title}（念稿）" if document.title else "念稿", author=author)


READING_CSS = """
@page { size: A4; margin: 30mm 32mm; @bottom-center { content: "— " counter(page) " —"; font-size: 18pt; } }
body { margin: 0; background: #f4f4f4; }
article { box-sizing: border-box; width: 210mm; margin: 2em auto; padding: 30mm 32mm; background: #fff;
  color: #000; font: 18pt/1.8 "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif;
  text-align: justify; }
h1 { font: 22pt/1.6 "方正小标宋简体", "华文中宋", "STZhongsong", "宋体", "SimSun", serif; text-align: center;
  margin: 0; font-weight: normal; }
.meta { text-align: center; margin: 0; }
.salutation { margin: 1em 0 0; }
p { margin: 0; text-indent: 2em; break-inside: avoid; orphans: 3; widows: 3; }
.heading { font-family: "黑体", "SimHei", sans-serif; break-after: avoid; }
rt { font-size: 9pt; }
.open { background: #fff3b0; }
@media print { body { background: none; } article { width: auto; margin: 0; padding: 0; } }
"""


def _html_pieces(pieces: list[Piece]) -> str:
    out = []
    for piece in pieces:
        text = escape(piece.text)
        if "〔待补" in piece.text:
            text = text.replace("〔待补", '<span class="open">〔待补').replace("〕", "〕</span>")
        out.append(f"<ruby>{text}<rt>{escape(piece.ruby)}</rt></ruby>" if piece.ruby else text)
    return "".join(out)


def export_html(document: Document, *, pinyin: bool = True, pauses: bool = False) -> str:
    aids = Annotator(pinyin=pinyin, pauses=pauses)
    parts = []
    for block in document.blocks:
        match block.kind:
            case BlockKind.TITLE:
                parts.append(f"<h1>{escape(block.text)}</h1>")
            case BlockKind.SUBTITLE | BlockKind.META:
                parts.append(f'<p class="meta">{escape(block.text)}</p>')
            case BlockKind.SALUTATION:
                parts.append(f'<p class="salutation">{_html_pieces(aids.pieces(block.text))}</p>')
            case BlockKind.HEADING:
                parts.append(f'<p class="heading">{_html_pieces(aids.pieces(block.number + block.text))}</p>')
            case _:
                lead = _html_pieces(aids.pieces(block.number + block.runin)) if block.runin \
                    else escape(block.number)
                lead = f"<strong>{lead}</strong>" if block.runin else lead
                parts.append(f"<p>{lead}{_html_pieces(aids.pieces(block.text))}</p>")
    title = escape(f"{document.title}（念稿）" if document.title else "念稿")
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n<style>{READING_CSS}</style>\n</head>\n<body>\n<article>\n"
            f"{body}\n</article>\n</body>\n</html>\n")
