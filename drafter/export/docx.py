"""A .docx laid out after GB/T 9704 (see shared gbt9704.md): A4, 天头 37 mm, 订口 28 mm, a
156 × 225 mm type area of 22 lines × 28 characters, 3号 仿宋 body with a two-character indent,
二号 小标宋 title, 黑体 / 楷体 / 仿宋 bold headings, and "— 1 —" page numbers at the outer
bottom corner. Chinese faces are set in the eastAsia slot, where Word looks for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..document import HEAD_KINDS, Block, BlockKind, Document

if TYPE_CHECKING:
    from docx.styles.style import CharacterStyle
    from docx.text.run import Run

LATIN = "Times New Roman"
BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16, 22, 14  # 三号, 二号, 四号
LINE_TWIPS = 579  # exactly 28.95 pt: 22 lines in the 225 mm type area
TYPE_AREA_WIDTH_PT = 156 / 25.4 * 72  # 156 mm
CHARS_PER_LINE = 28
# Word's character grid: pitch = Normal's size + charSpace / 4096 pt (ECMA-376 docGrid).
# 156 mm / 28 = 15.79 pt, so charSpace = (15.79 − 16) × 4096 = −848.
CHAR_SPACE = round((TYPE_AREA_WIDTH_PT / CHARS_PER_LINE - BODY_PT) * 4096)
TITLE_CAPACITY = int(TYPE_AREA_WIDTH_PT // TITLE_PT)  # 二号 characters a title line holds: 20
_OPEN = re.compile(r"〔待补[^〕]*〕")


@dataclass(frozen=True)
class FontProfile:
    title: str
    body: str
    kai: str  # 楷体: speaker/date line, level-2 headings
    hei: str  # 黑体: level-1 headings
    song: str  # 宋体: page numbers
    title_bold: bool = False  # 小标宋 is never bolded; 宋体 standing in for it is


PROFILES = {
    # The files offices use (方正小标宋 is commercial; the *_GB2312 faces ship with older Windows).
    "gbt9704": FontProfile("方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"),
    # Faces that ship with current Windows and WPS; offices set the title in bold 宋体.
    "common": FontProfile("宋体", "仿宋", "楷体", "黑体", "宋体", title_bold=True),
}


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def set_font(owner: Run | CharacterStyle, cjk: str, *, size: float | None = None, bold: bool | None = None) -> None:
    """Latin text in Times New Roman, Chinese (and shared marks like “ ” —) in the CJK face."""
    from docx.shared import Pt

    owner.font.name = LATIN
    rpr = owner.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(_qn("w:eastAsia"), cjk)
    fonts.set(_qn("w:hint"), "eastAsia")
    if size is not None:
        owner.font.size = Pt(size)
    if bold is not None:
        owner.font.bold = bold
    owner.font.color.rgb = None


def _indent(paragraph_or_style: Any, chars: int) -> None:
    element = getattr(paragraph_or_style, "element", None)
    if element is None:  # a Paragraph keeps its element as _p
        element = paragraph_or_style._p
    ppr = element.get_or_add_pPr()
    ind = ppr.get_or_add_ind()
    ind.set(_qn("w:firstLineChars"), str(chars * 100))
    ind.set(_qn("w:firstLine"), str(chars * BODY_PT * 20))


def _exact_spacing(fmt: Any) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt, Twips

    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Twips(LINE_TWIPS)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _style(doc: Any, name: str, font: str, *, size: float = BODY_PT, bold: bool = False,
           indent: int = 2, align: str = "justify", outline: int | None = None) -> Any:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    set_font(style, font, size=size, bold=bold)
    fmt = style.paragraph_format
    _exact_spacing(fmt)
    fmt.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                     "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    _indent(style, indent)
    if outline is not None:
        ppr = style.element.get_or_add_pPr()
        from docx.oxml import OxmlElement

        level = OxmlElement("w:outlineLvl")
        level.set(_qn("w:val"), str(outline))
        ppr.append(level)
    return style


def _page_number(paragraph: Any, font: str, size: float = PAGE_NUMBER_PT) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    def run_with(text: str | None = None, *, field: str | None = None, instr: str | None = None) -> None:
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(_qn(slot), font)
        rpr.append(fonts)
        sz = OxmlElement("w:sz")
        sz.set(_qn("w:val"), str(int(size * 2)))
        rpr.append(sz)
        run.append(rpr)
        if field is not None:
            el = OxmlElement("w:fldChar")
            el.set(_qn("w:fldCharType"), field)
            run.append(el)
        else:
            el = OxmlElement("w:instrText" if instr is not None else "w:t")
            el.text = instr if instr is not None else text
            el.set(_qn("xml:space"), "preserve")
            run.append(el)
        paragraph._p.append(run)

    run_with("— ")
    run_with(field="begin")
    run_with(instr=" PAGE ")
    run_with(field="separate")
    run_with("1")
    run_with(field="end")
    run_with(" —")
    paragraph.paragraph_format.space_before = Pt(0)


def _setup(doc: Any, fonts: FontProfile) -> None:
    section = doc.sections[0]
    _page_and_grid(section)
    _normal_style(doc, fonts)
    _speech_styles(doc, fonts)
    _page_numbers(doc, section, fonts)


def _page_and_grid(section: Any) -> None:
    """A4, GB/T 9704 margins, and the document grid: 22 lines × 28 characters (指定行和字符
    网格). Body text snaps to it; the title (二号) opts out, or each of its characters would
    take two grid cells."""
    from docx.oxml import OxmlElement
    from docx.shared import Mm

    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(25)
    grid = section._sectPr.find(_qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(_qn("w:type"), "linesAndChars")
    grid.set(_qn("w:linePitch"), str(LINE_TWIPS))
    grid.set(_qn("w:charSpace"), str(CHAR_SPACE))


def _normal_style(doc: Any, fonts: FontProfile) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    normal = doc.styles["Normal"]
    set_font(normal, fonts.body, size=BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.find(_qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(_qn("w:val"), "en-US")
    lang.set(_qn("w:eastAsia"), "zh-CN")
    fmt = normal.paragraph_format
    _exact_spacing(fmt)
    fmt.widow_control = False
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _indent(normal, 2)


def _speech_styles(doc: Any, fonts: FontProfile) -> None:
    title = _style(doc, "讲话标题", fonts.title, size=TITLE_PT, bold=fonts.title_bold, indent=0,
                   align="center")
    _no_grid(title.element.get_or_add_pPr())
    # Centred one-line parts keep their characters' own width too (the same in Word; in
    # LibreOffice, which gives a 三号 character two 15.79 pt grid cells, no gaps).
    for name in ("讲话副标题", "讲话署名"):
        _no_grid(_style(doc, name, fonts.kai, indent=0, align="center").element.get_or_add_pPr())
    _style(doc, "讲话称呼", fonts.body, indent=0, align="left")
    _style(doc, "讲话正文", fonts.body)
    _style(doc, "讲话一级标题", fonts.hei, outline=0)
    _style(doc, "讲话二级标题", fonts.kai, outline=1)
    _style(doc, "讲话三级标题", fonts.body, bold=True, outline=2)
    _style(doc, "讲话四级标题", fonts.body, outline=3)


def _page_numbers(doc: Any, section: Any, fonts: FontProfile) -> None:
    """Odd pages right, even pages left, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        _indent(paragraph, 0)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            paragraph.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
        _page_number(paragraph, fonts.song)


def _no_grid(ppr: Any) -> None:
    """The paragraph ignores the document grid: its exact line spacing holds (title lines sit
    one 28.95 pt line apart, no grid gap) and its 二号 characters keep their own width."""
    from docx.oxml import OxmlElement

    snap = OxmlElement("w:snapToGrid")
    snap.set(_qn("w:val"), "0")
    # CT_PPrBase order: pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
    # suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct
    # topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ...
    later = {"spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
             "cnfStyle", "rPr", "sectPr", "pPrChange"}
    for child in ppr:
        if child.tag.rsplit("}", 1)[-1] in later:
            child.addprevious(snap)
            return
    ppr.append(snap)


HEADING_STYLES = {1: "讲话一级标题", 2: "讲话二级标题", 3: "讲话三级标题", 4: "讲话四级标题"}


def _heading_font(level: int, fonts: FontProfile) -> tuple[str, bool]:
    if level <= 1:
        return fonts.hei, False
    if level == 2:
        return fonts.kai, False
    if level == 3:
        return fonts.body, True
    return fonts.body, False


def title_lines(block: Block) -> list[str]:
    """The writer's own lines, else a long title broken into a 梯形/菱形 of whole words."""
    if "\n" in block.text:
        return block.lines
    from .title_lines import break_title

    return break_title(block.text, TITLE_CAPACITY)


def _runs(paragraph: Any, text: str, font: str, bold: bool | None = None) -> None:
    """The text as runs; 〔待补〕 markers get their own, highlighted so nobody can miss one."""
    from docx.enum.text import WD_COLOR_INDEX

    position = 0
    for match in [*_OPEN.finditer(text), None]:
        end = match.start() if match else len(text)
        if end > position:
            set_font(paragraph.add_run(text[position:end]), font, bold=bold)
        if match:
            r = paragraph.add_run(match.group())
            set_font(r, font, bold=bold)
            r.font.highlight_color = WD_COLOR_INDEX.YELLOW
            position = match.end()


def _add_title(doc: Any, block: Block, fonts: FontProfile) -> None:
    paragraph = doc.add_paragraph(style="讲话标题")
    for number, line in enumerate(title_lines(block)):
        if number:  # a line break inside the one title paragraph
            line_break = paragraph.add_run()
            set_font(line_break, fonts.title)
            line_break.add_break()
        _runs(paragraph, line, fonts.title)


def _add_paragraph(doc: Any, block: Block, fonts: FontProfile) -> None:
    paragraph = doc.add_paragraph(style="讲话正文")
    if block.runin:
        font, bold = _heading_font(block.level, fonts)
        _runs(paragraph, block.number + block.runin, font, bold)
    elif block.number:
        _runs(paragraph, block.number, fonts.body)
    if block.text:
        _runs(paragraph, block.text, fonts.body)


def _add(doc: Any, block: Block, fonts: FontProfile, *, blank_after_meta: bool) -> None:
    match block.kind:
        case BlockKind.TITLE:
            _add_title(doc, block, fonts)
        case BlockKind.SUBTITLE:
            _runs(doc.add_paragraph(style="讲话副标题"), block.text, fonts.kai)
        case BlockKind.META:
            _runs(doc.add_paragraph(style="讲话署名"), block.text, fonts.kai)
        case BlockKind.SALUTATION:
            if blank_after_meta:
                doc.add_paragraph(style="讲话称呼")
            _runs(doc.add_paragraph(style="讲话称呼"), block.text, fonts.body)
        case BlockKind.HEADING:
            font, bold = _heading_font(block.level, fonts)
            style = HEADING_STYLES.get(block.level, "讲话四级标题")
            _runs(doc.add_paragraph(style=style), block.number + block.text, font, bold)
        case _:
            _add_paragraph(doc, block, fonts)


def export(document: Document, *, font_profile: str = "gbt9704", author: str | None = None) -> bytes:
    from docx import Document as new_document

    fonts = PROFILES[font_profile]
    doc = new_document()
    _setup(doc, fonts)
    # python-docx's template starts with one empty paragraph; the title takes the first line.
    body = doc.element.body
    for p in list(body.iterchildren(_qn("w:p"))):
        body.remove(p)
    previous: BlockKind | None = None
    for block in document.blocks:
        _add(doc, block, fonts, blank_after_meta=previous in HEAD_KINDS)
        previous = block.kind
    from .docx_package import finish

    return finish(doc, title=document.title, author=author)
