"""Word .docx → paragraphs of text, with automatic list numbering shown as Word displays it.

Word keeps the 一、 / （一） / 1. of a numbered list out of the text: a paragraph carries a list
(numId) and a level (ilvl), and numbering.xml says how each level is counted and drawn. The
paragraph's numbering may also come from its style. We count like Word does (per list, lower
levels restart when a higher one advances) and put the drawn label in front of the text.
Headings and the title are recognised by style. Only the standard library is used: this runs
for every .docx in an archive.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from xml.etree import ElementTree as ET

from ..errors import CorpusError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_MEMBER = 64 * 1024 * 1024  # uncompressed bytes of one XML part
MAX_RATIO = 200  # uncompressed / compressed: beyond this a part is a zip bomb, not a document

_CN = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def cn_counting(n: int, digits: str = _CN) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting)."""
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 20 and digits is _CN:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + digits[rest]
    else:
        tail = digits[rest // 10] + "十" + (digits[rest % 10] if rest % 10 else "")
    return digits[n // 100 % 10] + "百" + tail


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    table: dict[str, Callable[[], str]] = {
        "decimal": lambda: str(n),
        "decimalZero": lambda: f"{n:02d}",
        "decimalFullWidth": lambda: str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}),
        "decimalFullWidth2": lambda: str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}),
        "chineseCounting": lambda: cn_counting(n),
        "chineseCountingThousand": lambda: cn_counting(n),
        "taiwaneseCounting": lambda: cn_counting(n),
        "taiwaneseCountingThousand": lambda: cn_counting(n),
        "japaneseCounting": lambda: cn_counting(n),
        "ideographDigital": lambda: "".join("〇一二三四五六七八九"[int(c)] for c in str(n)),
        "chineseLegalSimplified": lambda: cn_counting(n, _LEGAL),
        "ideographLegalTraditional": lambda: cn_counting(n, _LEGAL),
        "ideographTraditional": lambda: _TIANGAN[(n - 1) % 10],
        "ideographZodiac": lambda: _DIZHI[(n - 1) % 12],
        "lowerLetter": lambda: _letters(n),
        "upperLetter": lambda: _letters(n).upper(),
        "lowerRoman": lambda: _roman(n).lower(),
        "upperRoman": lambda: _roman(n),
        "decimalEnclosedCircle": lambda: _CIRCLED[n - 1] if n <= 20 else str(n),
        "decimalEnclosedCircleChinese": lambda: _CIRCLED[n - 1] if n <= 20 else str(n),
        "decimalEnclosedParen": lambda: _PAREN[n - 1] if n <= 20 else f"({n})",
        "decimalEnclosedFullstop": lambda: _STOP[n - 1] if n <= 20 else f"{n}.",
        "none": lambda: "",
    }
    make = table.get(fmt, table["decimal"])
    return make()


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False


@dataclass
class Numbering:
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → levels
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) → start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        abstract = self.nums.get(num_id)
        levels = self.levels.get(abstract or "", {})
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet":
            return ""
        counts = self.counters.setdefault(num_id, {})
        start = self.overrides.get((num_id, ilvl), level.start)
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            deeper_level = levels.get(deeper)
            if deeper_level is None or deeper_level.restart != 0:
                del counts[deeper]
        text = level.text
        for k in range(9):
            marker = f"%{k + 1}"
            if marker in text:
                lvl = levels.get(k, Level())
                value = counts.get(k, self.overrides.get((num_id, k), lvl.start))
                fmt = "decimal" if level.legal and k != ilvl else lvl.fmt
                text = text.replace(marker, format_number(value, fmt))
        return text


def _attr(elem: ET.Element | None, name: str = "val") -> str | None:
    return None if elem is None else elem.get(W + name)


def parse_numbering(xml: bytes | None) -> Numbering:
    numbering = Numbering()
    if not xml:
        return numbering
    root = ET.fromstring(xml)
    for abstract in root.findall(W + "abstractNum"):
        aid = _attr(abstract, "abstractNumId") or ""
        levels: dict[int, Level] = {}
        for lvl in abstract.findall(W + "lvl"):
            ilvl = int(_attr(lvl, "ilvl") or 0)
            restart = _attr(lvl.find(W + "lvlRestart"))
            levels[ilvl] = Level(
                fmt=_attr(lvl.find(W + "numFmt")) or "decimal",
                text=_attr(lvl.find(W + "lvlText")) or "",
                start=int(_attr(lvl.find(W + "start")) or 1),
                restart=int(restart) if restart is not None else None,
                legal=lvl.find(W + "isLgl") is not None)
        numbering.levels[aid] = levels
    for num in root.findall(W + "num"):
        nid = _attr(num, "numId") or ""
        numbering.nums[nid] = _attr(num.find(W + "abstractNumId")) or ""
        for override in num.findall(W + "lvlOverride"):
            ilvl = int(_attr(override, "ilvl") or 0)
            start = _attr(override.find(W + "startOverride"))
            if start is not None:
                numbering.overrides[(nid, ilvl)] = int(start)
    return numbering


@dataclass
class Style:
    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


def parse_styles(xml: bytes | None) -> dict[str, Style]:
    styles: dict[str, Style] = {}
    if not xml:
        return styles
    root = ET.fromstring(xml)
    for style in root.findall(W + "style"):
        sid = _attr(style, "styleId") or ""
        ppr = style.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        outline = _attr(ppr.find(W + "outlineLvl")) if ppr is not None else None
        ilvl = _attr(num_pr.find(W + "ilvl")) if num_pr is not None else None
        styles[sid] = Style(name=(_attr(style.find(W + "name")) or sid).lower(),
                            based_on=_attr(style.find(W + "basedOn")),
                            num_id=_attr(num_pr.find(W + "numId")) if num_pr is not None else None,
                            ilvl=int(ilvl) if ilvl is not None else None,
                            outline=int(outline) if outline is not None else None)
    return styles


def _style_chain(styles: dict[str, Style], sid: str | None) -> list[Style]:
    chain: list[Style] = []
    while sid and sid in styles and len(chain) < 20:
        chain.append(styles[sid])
        sid = styles[sid].based_on
    return chain


def _heading_level(chain: list[Style]) -> int | None:
    """0 for the title, 1.. for headings; None for body text."""
    for style in chain:
        name = style.name.replace(" ", "")
        if name in ("title", "标题"):
            return 0
        for prefix in ("heading", "标题"):
            if name.startswith(prefix) and name[len(prefix):].isdigit():
                return int(name[len(prefix):])
        if style.outline is not None and style.outline < 9:
            return style.outline + 1
    return None


def _paragraphs(elem: ET.Element) -> list[ET.Element]:
    """Body paragraphs in order, tables included, without descending into a paragraph's text
    boxes (their paragraphs would be counted twice)."""
    found: list[ET.Element] = []
    stack = [iter(elem)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if child.tag == W + "p":
            found.append(child)
        elif child.tag != W + "txbxContent":
            stack.append(iter(child))
    return found


def _text(paragraph: ET.Element) -> str:
    parts: list[str] = []
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag not in (W + "txbxContent", W + "pPr", W + "del", W + "rPr"):
            stack.append(iter(child))
    return "".join(parts)


@dataclass
class DocxParagraph:
    text: str
    heading: int | None = None  # 0 title, 1.. heading level
    label: str = ""  # the list label Word draws, e.g. 一、


def _member(archive: zipfile.ZipFile, name: str, source: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_MEMBER or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
        raise CorpusError("这个 .docx 文件解压后过大（可能是压缩炸弹），已拒绝读取", file=source)
    return archive.read(info)


def read_docx_paragraphs(data: bytes, source: str) -> list[DocxParagraph]:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise CorpusError("无法读取这个 .docx 文件（已损坏，或不是 Word 文档）", file=source) from None
    with archive:
        document = _member(archive, "word/document.xml", source)
        if document is None:
            raise CorpusError("这个 .docx 文件里没有正文（word/document.xml）", file=source)
        try:
            numbering = parse_numbering(_member(archive, "word/numbering.xml", source))
            styles = parse_styles(_member(archive, "word/styles.xml", source))
            root = ET.fromstring(document)
        except ET.ParseError:
            raise CorpusError("无法读取这个 .docx 文件（内部 XML 已损坏）", file=source) from None
    body = root.find(W + "body")
    out: list[DocxParagraph] = []
    for p in _paragraphs(body if body is not None else root):
        ppr = p.find(W + "pPr")
        chain = _style_chain(styles, _attr(ppr.find(W + "pStyle")) if ppr is not None else None)
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = _attr(num_pr.find(W + "numId")) if num_pr is not None else None
        ilvl_text = _attr(num_pr.find(W + "ilvl")) if num_pr is not None else None
        ilvl = int(ilvl_text) if ilvl_text is not None else None
        for style in chain:  # numbering inherited from the style
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
        text = _text(p)
        if not text.strip():
            continue
        label = numbering.label(num_id, ilvl or 0) if num_id and num_id != "0" else ""
        out.append(DocxParagraph(text=text, heading=_heading_level(chain), label=label))
    return out


def docx_text(data: bytes, source: str) -> str:
    """The document as plain text, one paragraph a line, list labels drawn in."""
    lines: list[str] = []
    for para in read_docx_paragraphs(data, source):
        lines.extend(part for part in (para.label + para.text).split("\n"))
    return "\n".join(lines)
