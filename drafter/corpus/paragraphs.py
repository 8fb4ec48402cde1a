"""Paragraphs restored from a cleaned text, and a file split into its speeches."""

from __future__ import annotations

import re

from ..numbering import NUM, find_ordinal
from ..textnorm import HANZI
from . import noise
from .clean import PLACEHOLDER, TRUNCATED, mark_placeholders, normalise_paragraph

# --- paragraphs ------------------------------------------------------------------------------

_SALUTATION_WORDS = (r"(?:[" + HANZI + r"]{0,8}(?:同志们|朋友们|女士们|先生们|同学们|老师们|代表们|委员们|同事们|同胞们)"
                     r"|各位[^，,。：:！!]{1,12}|(?:尊敬|敬重)的[^。：:！!]{1,30})")
SALUTATION = re.compile(rf"^({_SALUTATION_WORDS}(?:[，,、]\s*{_SALUTATION_WORDS})*)\s*[：:]")
DATE_LINE = re.compile(r"^[（(]?\s*((?:\d{4}|[一二三四五六七八九〇○零]{4})\s*年(?:\s*[\d一二三四五六七八九十]{1,3}\s*月)?"
                   r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?)\s*[）)]?")
_SPLIT_BEFORE = re.compile(
    rf"(?<=[。！？!?；;：:”\s])\s*(?=(?:[{NUM}]+、|[（(][{NUM}]+[）)]|第[{NUM}]+(?:[，,、]|点|个问题)"
    rf"|[（(]\d{{1,2}}[）)]|\d{{1,2}}[.．](?!\d)"
    # 1、 after a sentence end (…讲3点意见。1、…), not a date's 2、3月 / 5、6日
    rf"|(?<=[。！？!?])\d{{1,2}}、(?!\d{{1,2}}[月日号])))")
_LONG_LINE = 600  # a source whose lines are this long has lost its paragraphs
_BARS = " \t\u3000|"


def _strip_table_bars(line: str) -> str:
    """The noise table's table bars (| 标题：…… |) off a line's ends (str.strip: linear on any line)."""
    if "|" in line and noise.kind("table_bars").regex.search(line):
        return line.strip(_BARS)
    return line


def restore_paragraphs(text: str) -> list[str]:
    """Lines and full-width double spaces separate paragraphs; one-line web copies are split
    before salutations, dates and ordinals; inline headings are separated from their body."""
    text = re.sub(r"注[ \t\u3000]+释", "注释", text)
    raw: list[str] = []
    for line in text.split("\n"):
        line = _strip_table_bars(line)
        raw.extend(p for p in re.split(r"\u3000{2,}|\s{3,}", line))
    raw = [p.strip(" \t\u3000") for p in raw]
    raw = [p for p in raw if p]
    lengths = [len(p) for p in raw] or [0]
    # Lost paragraphs: one line holds most of the text (a one-line web copy).
    lost = max(lengths) > _LONG_LINE and max(lengths) > 0.5 * sum(lengths)
    out: list[str] = []
    for para in raw:
        pieces = _split_lost(para) if lost else _split_sentence_headings(para)
        for piece in pieces:
            out.extend(_separate_inline_heading(piece))
    return out


def _split_lost(para: str) -> list[str]:
    # After a date or salutation: (2021年5月24日)同志們: 在全市……
    parts: list[str] = []
    m = DATE_LINE.match(para)
    if m and m.end() < len(para):
        parts.append(para[: m.end()])
        para = para[m.end():].strip()
    sal = re.search(rf"(?:^|(?<=[\s）)]))({_SALUTATION_WORDS}(?:[，,、]\s*{_SALUTATION_WORDS})*)\s*[：:]",
                    para[:200])
    if sal:
        before = para[: sal.start()].strip()
        if before:
            parts.extend(_split_title_run(before))
        parts.append(sal.group(0).strip())
        para = para[sal.end():].strip()
    parts.extend(p.strip() for p in _SPLIT_BEFORE.split(para) if p.strip())
    return parts


_SENTENCE_HEADING = re.compile(rf"(?<=[。！？!?])[ \t\u3000]*(?=(?:[{NUM}]{{1,3}}|\d{{1,2}})、(?![{NUM}\d]))")
_NEXT_ITEM = re.compile(rf"[。；;！？!?][ \t\u3000]*(?:[{NUM}]{{1,3}}|\d{{1,2}})、")
_HEADING_SPLIT_MIN = 100  # a paragraph at least this long holding a sentence end and then 一、


def _split_sentence_headings(para: str) -> list[str]:
    """……走得很坚定。一、回望来路，…… in a long paragraph: a 一、 (or 1、) heading after a sentence end
    opens a paragraph, unless another item follows or went just before (an inline list: ……议程。一、…；二、…)."""
    if len(para) < _HEADING_SPLIT_MIN:
        return [para]
    cuts = [m.start() for m in _SENTENCE_HEADING.finditer(para)
            if m.start() >= 50 and not _NEXT_ITEM.search(para, m.end() + 2, m.end() + 120)
            and not _NEXT_ITEM.search(para, max(0, m.start() - 40), m.start())]  # nor a short list's last item
    if not cuts:
        return [para]
    bounds = [0, *cuts, len(para)]
    return [para[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if para[a:b].strip()]


def _split_title_run(text: str) -> list[str]:
    # "**书记在……上的讲话 (2021年5月24日)" → title, date
    m = re.search(r"[（(]\s*\d{4}\s*年[^（）()]{0,12}[）)]\s*$", text)
    if m:
        return [p for p in (text[: m.start()].strip(), m.group(0).strip()) if p]
    return [text]


def _separate_inline_heading(para: str) -> list[str]:
    """一、统一思想，凝聚共识 踏上新征程…… → heading line + body: web copies keep the
    heading and its body on one line, separated by a space."""
    if find_ordinal(para) is None:
        return [para]
    m = re.search(r"[ \u3000\t]+", para[:60])
    if m and m.start() >= 6 and not re.search(r"[。！？]", para[: m.start()]):
        return [para[: m.start()], para[m.end():]]
    return [para]


_FOOTNOTE_MARK = re.compile(r"〔\d+〕|[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇]|\[\d+\]")


_FOOTNOTE_START = re.compile(r"^\s*(?:〔\d+〕|[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇]|\[\d+\]|注\s*\d|\d+\s*[、.．]?\s*见本)")
_SOURCE_NOTE = re.compile(
    r"^\s*(?:[*＊?？]+)?\s*[（(]?\s*(?:这是[^。]{0,80}(?:讲话|报告|演说|讲演|结论|发言|开幕词|闭幕词|谈话)|出处[:：]|原载|选自|"
    r"见本卷|本篇|《\s*人民日报\s*》[^。]{0,30}版|新华社[^。]{0,20}电|来源[:：]|注释[:：]?$)")


def drop_apparatus(paragraphs: list[str]) -> list[str]:
    """Footnotes, source lines and editors' notes that trail a speech are not the speech."""
    end = len(paragraphs)
    while end > 0:
        para = paragraphs[end - 1]
        if para == TRUNCATED or _FOOTNOTE_START.match(para) or _SOURCE_NOTE.match(para):
            end -= 1
            continue
        break
    # A footnote block may hold several notes; cut at its first note.
    first_note = next((k for k in range(len(paragraphs) // 2, end)
                       if _FOOTNOTE_START.match(paragraphs[k]) and
                       all(_FOOTNOTE_START.match(p) or len(p) < 400 for p in paragraphs[k:end])), None)
    if first_note is not None and end - first_note <= 40 and first_note > 0:
        end = first_note
    notes_head = next((k for k in range(len(paragraphs) // 2, end)
                       if re.match(r"^(?:注释|注解|【注释】)[:：]?$", paragraphs[k])), None)
    if notes_head is not None:
        end = notes_head
    kept = paragraphs[:end] + [p for p in paragraphs[end:] if p == TRUNCATED]
    kept = [p for p in kept if re.search(r"[\w" + HANZI + r"]", p)]  # lone "?" and the like
    return [p for p in kept if not (_SOURCE_NOTE.match(p) and len(p) < 200 and p.lstrip("（( *＊").startswith("这是"))]


def normalise_paragraphs(paragraphs: list[str]) -> list[str]:
    out = []
    paragraphs = drop_apparatus(paragraphs)
    for para in paragraphs:
        if para == TRUNCATED:
            out.append(para)
            continue
        para = _FOOTNOTE_MARK.sub("", para)
        para = mark_placeholders(normalise_paragraph(para))
        if para and para != PLACEHOLDER:
            out.append(para)
    return out


# --- splitting a file into speeches ----------------------------------------------------------

_PIAN = re.compile(rf"^(?:.{{0,40}}?篇\s*(?:[{NUM}]+|\d{{1,2}})|第[{NUM}]+篇)\s*[:：]?$")
# a collection's label in other clothes, alone or after the piece's title: 【篇一】 【第1篇】 第2篇：
# 范文一： 精选范文2 【范文三】 (the title before it stays with the piece)
_LABEL = (rf"(?:【\s*(?:第\s*(?:[{NUM}]{{1,3}}|\d{{1,2}})\s*篇|篇\s*(?:[{NUM}]{{1,3}}|\d{{1,2}})|(?:精选)?范文\s*(?:[{NUM}]{{1,3}}|\d{{1,2}}))\s*】"
          rf"|第\s*(?:[{NUM}]{{1,3}}|\d{{1,2}})\s*篇|(?:精选)?范文\s*(?:[{NUM}]{{1,3}}|\d{{1,2}}))")
_PIAN_MORE = re.compile(rf"^(.{{0,60}}?)\s*{_LABEL}\s*[:：]?$")
_ADDRESSED = re.compile(r"(?:们|各位[^，,。]{0,8}|(?:尊敬|敬重)的[^。]{0,20})[：:]")
# a collection's label run into a converted page's one long line: …谢谢大家。 第二篇：…的致辞尊敬的…
_INLINE_PIAN = re.compile(rf"(?:^|(?<=[。！!？?\s-]))\s*(第[{NUM}]+篇\s*[:：])")
_NOTES_HEAD = re.compile(r"^(注释|注\s*释|注解|【注释】|参考文献)[:：]?$")


def split_speeches(paragraphs: list[str]) -> list[list[str]]:
    # Drop footnote sections at the end of a speech or file.
    groups: list[list[str]] = [[]]
    for para in (piece for p in _join_page_chunks(paragraphs) for piece in _split_inline_labels(p)):
        if _PIAN.match(para):
            groups.append([])
            continue
        more = _PIAN_MORE.match(para)
        if more:
            groups.append([more.group(1)] if more.group(1).strip() else [])
            continue
        groups[-1].append(_drop_page_number(para))
    groups = [g for g in groups if any(p != TRUNCATED for p in g)]
    if len(groups) > 1 and sum(len(p) for p in groups[0]) < 200 and not any(_ADDRESSED.search(p) for p in groups[0]):
        groups[:2] = [groups[0] + groups[1]]  # a collection's header (its title, a blurb) heads the first
    result: list[list[str]] = []
    for group in groups:
        result.extend(_split_on_salutations(group))
    return [_split_run_in_closing(_drop_notes(g)) for g in result]


_RUN_IN_CLOSING = re.compile(r"(?<=[。！!])\s*(?=(?:最后[，,]\s*(?:祝|预祝|让我们)|让我们)[^。！!]{4,}[。！!])")


def _split_run_in_closing(paragraphs: list[str]) -> list[str]:
    """A copy run onto one line glues the closing to the body: …贡献。最后，祝……圆满成功。谢谢大家。
    The first such start within the long last paragraph's final 200 characters stands apart."""
    if not paragraphs or len(paragraphs[-1]) < 300:
        return paragraphs
    last = paragraphs[-1]
    starts = [m.start() for m in _RUN_IN_CLOSING.finditer(last, len(last) - 200)]
    if not starts:
        return paragraphs
    return [*paragraphs[:-1], last[: starts[0]].rstrip(), last[starts[0]:].strip()]


_PAGE_NUMBER_TAIL = re.compile(r"(?<=[。！!？?])\s*[-－—]\s*\d{1,3}\s*[-－—]\s*$")


def _drop_page_number(paragraph: str) -> str:
    """A converter's page footer after the last sentence: …谢谢大家。 -2-"""
    return _PAGE_NUMBER_TAIL.sub("", paragraph) if paragraph.endswith(("-", "－", "—")) else paragraph




_CHUNK_LABEL = re.compile(r"^\d{1,2}、(?=[" + HANZI + r"〔])")
_SENTENCE_END = ("。", "！", "!", "？", "?", "；", ";", "：", ":", "”", "）", ")", "】")


def _join_page_chunks(paragraphs: list[str]) -> list[str]:
    """A converter's page chunks (1、…/2、…) cut sentences: …最后，祝某某项目 / 3、开工庆典圆满成功…
    A long paragraph ending mid-sentence runs on into the next chunk, whose label goes."""
    joined: list[str] = []
    for para in paragraphs:
        m = _CHUNK_LABEL.match(para)
        if m and joined and len(joined[-1]) >= 60 and not joined[-1].rstrip().endswith(_SENTENCE_END):
            joined[-1] = joined[-1].rstrip() + para[m.end():]
        else:
            joined.append(para)
    return joined


def _split_inline_labels(paragraph: str) -> list[str]:
    """第一篇： / 第二篇： inside a paragraph stand on a line of their own."""
    if "篇" not in paragraph:
        return [paragraph]
    pieces: list[str] = []
    rest = paragraph
    while (m := _INLINE_PIAN.search(rest)) is not None:
        pieces += [rest[: m.start(1)].strip(), m.group(1)]
        rest = rest[m.end(1):]
    return [p for p in (*pieces, rest.strip()) if p]


def _split_on_salutations(paragraphs: list[str]) -> list[list[str]]:
    starts = [i for i, p in enumerate(paragraphs) if SALUTATION.fullmatch(p.strip() + ("" if p.rstrip().endswith(("：", ":")) else "："))
              and len(p) <= 40 and p.rstrip().endswith(("：", ":"))]
    if len(starts) < 2:
        return [paragraphs]
    pieces: list[list[str]] = []
    previous = 0
    for start in starts[1:]:
        text_between = sum(len(p) for p in paragraphs[previous:start])
        if text_between < 500:
            continue
        cut = start
        # take a title / date line just before the salutation along
        while cut > previous and len(paragraphs[cut - 1]) <= 60 and not paragraphs[cut - 1].endswith(
                ("。", "！", "？")):
            cut -= 1
        pieces.append(paragraphs[previous:cut])
        previous = cut
    pieces.append(paragraphs[previous:])
    return [p for p in pieces if p]


def _drop_notes(paragraphs: list[str]) -> list[str]:
    for i, para in enumerate(paragraphs):
        if _NOTES_HEAD.match(para) and i > len(paragraphs) // 2:
            return paragraphs[:i]
    return paragraphs
