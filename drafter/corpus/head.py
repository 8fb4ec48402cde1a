"""The head of a speech: title lines, speaker, date and the salutation, read from its first paragraphs."""

from __future__ import annotations

import re

from .model import Speech
from .paragraphs import DATE_LINE, SALUTATION
from .starts import clean_title_line, find_salutation

# --- labelling -------------------------------------------------------------------------------

_DEEP = 16  # how far into a copied page a salutation line of its own is looked for
_HEAD_GAP = 4  # lines between a page's title and the salutation that can all be head lines


def _salutation_index(paragraphs: list[str]) -> int | None:
    """The salutation, wherever the speech starts: a line of its own or with a colon among the
    first paragraphs, else a comma form opening the first paragraph after the title lines."""
    limit = max(8, len(paragraphs) * 2 // 5)
    for k, para in enumerate(paragraphs[:limit]):
        if find_salutation(para) and (k < 4 or len(para) <= 60 or not _looks_like_title(paragraphs, k)):
            return k
    # after a longer preamble (a blog's story of the occasion) only a salutation line of its own
    for k, para in enumerate(paragraphs[limit:max(_DEEP, limit)], start=limit):
        found = find_salutation(para)
        if found and found[1] >= len(para.rstrip()):
            return k
    for k, para in enumerate(paragraphs[:_HEAD_GAP + 1]):
        if find_salutation(para, soft=True):
            return k
        if not (_looks_like_title(paragraphs, k) or (DATE_LINE.match(para) and len(para) <= 30)
                or (_head_like(para) and len(para) <= 30)):
            return None  # the body has begun: a comma form further on is a re-address
    return None


def _head_line(paragraphs: list[str], k: int) -> bool:
    para = paragraphs[k]
    return ((bool(DATE_LINE.match(para)) and len(para) <= 30) or _looks_like_title(paragraphs, k)
            or (len(para) <= 12 and not re.search(r"[，。！？：；,.!?:;]", para)))


def start_at_salutation(paragraphs: list[str], labels: list[tuple[str, str]],
                         speech: Speech) -> list[str]:
    """Set aside what comes before the speech's head (a blurb, a host's words)."""
    sal_at = _salutation_index(paragraphs)
    if sal_at is None or sal_at == 0:
        return paragraphs
    start = sal_at
    while start > 0 and sal_at - start < 3 and _head_line(paragraphs, start - 1):
        start -= 1
    if start == 0:
        return paragraphs
    for para in paragraphs[:start]:
        labels.append(("other", para))
    if sum(len(p) for p in paragraphs[:start]) > 40:
        speech.notes.append("讲话前的主持词或其他内容已略去")
    return paragraphs[start:]


def read_head(paragraphs: list[str], speech: Speech,
               labels: list[tuple[str, str]]) -> tuple[list[str], int]:
    """Title, date, speaker line and salutation; returns the paragraphs (a salutation glued to
    the first sentence is split off) and where the body starts."""
    i = 0
    sal_at = _salutation_index(paragraphs)
    if sal_at is not None and 0 < sal_at <= _HEAD_GAP and all(_head_like(p) for p in paragraphs[:sal_at]):
        i = _read_head_lines(paragraphs[:sal_at], speech, labels)
    elif paragraphs and (k := _title_after_page_lines(paragraphs)) is not None:
        for line in paragraphs[:k]:  # a date or source line the cleaner did not know, above the title
            date = DATE_LINE.match(line)
            if date and speech.date is None:
                speech.date = date.group(1).replace(" ", "")
            labels.append(("meta", line))
        speech.title = clean_title_line(paragraphs[k].strip("*# ")) or None
        labels.append(("title", paragraphs[k]))
        i = k + 1
    while i < len(paragraphs) and i < 5:
        para = paragraphs[i]
        date = DATE_LINE.match(para)
        if date and len(para) <= 30:
            speech.date = date.group(1).replace(" ", "")
            labels.append(("meta", para))
            i += 1
            continue
        found = find_salutation(para, soft=i == sal_at)
        if found and (i == sal_at or i == 0):
            speech.salutation, end = found
            labels.append(("salutation", para[:end]))
            rest = para[end:].strip()
            if rest:
                paragraphs = paragraphs[:i] + [rest] + paragraphs[i + 1:]
            else:
                i += 1
            break
        if speech.title is None and len(para) <= 80 and not para.endswith("。") and i == 0:
            break
        if len(para) <= 12 and not re.search(r"[，。！？：；,.!?:;]", para) and (speech.title or speech.date):
            speech.speaker = para  # an author line under the title
            labels.append(("meta", para))
            i += 1
            continue
        if para.startswith("这是") and ("讲话" in para or "报告" in para or "结论" in para):
            labels.append(("other", para))  # an editor's note on the source
            i += 1
            continue
        break
    return paragraphs, i


_PAGE_LINE = re.compile(r"来源[:：]|作者[:：]|发布|浏览|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")


def _title_after_page_lines(paragraphs: list[str]) -> int | None:
    """The title's index: the first paragraph, or one after up to two short page lines (a date,
    a source) when it names a speech."""
    if _looks_like_title(paragraphs, 0):
        return 0
    for k in (1, 2):
        if k >= len(paragraphs) or not all(
                len(p) <= 40 and _head_like(p) and _PAGE_LINE.search(p) for p in paragraphs[:k]):
            return None
        if _looks_like_title(paragraphs, k) and _SPEECH_TITLE.search(paragraphs[k]):
            return k
    return None


_SPEECH_TITLE = re.compile(r"(?:讲话|致辞|发言|讲稿|报告|贺词|演讲|开幕词|闭幕词)(?:稿|全文)?$")
_TITLE_WORDS = re.compile(r"讲话|致辞|报告|发言|在.{2,40}上|会议|方针|任务|问题|宪政|讲稿|总结|结论|开场白|开幕词|闭幕词|贺词")


def _head_like(para: str) -> bool:
    """A line of a speech's head: short, no sentence (a title, speaker, date, source or page-info line)."""
    return len(para) <= 80 and not re.search(r"[。！？!?]", para) and not find_salutation(para)


def _read_head_lines(lines: list[str], speech: Speech, labels: list[tuple[str, str]]) -> int:
    """Every line between the page's top and the salutation is head: the first title-like line is
    the title, a date line the date, the rest (speaker, source, page info) meta. Returns how many."""
    title_at = next((k for k, line in enumerate(lines) if _TITLE_WORDS.search(line)), 0)
    for k, line in enumerate(lines):
        date = DATE_LINE.match(line)
        if k == title_at:
            speech.title = clean_title_line(line.strip("*# ")) or None
            labels.append(("title", line))
        elif date and len(line) <= 30 and speech.date is None:
            speech.date = date.group(1).replace(" ", "")
            labels.append(("meta", line))
        else:
            if speech.speaker is None and len(line) <= 12 and k > title_at:
                speech.speaker = line
            labels.append(("meta", line))
    return len(lines)


def _looks_like_title(paragraphs: list[str], i: int) -> bool:
    para = paragraphs[i]
    if len(para) > 80 or para.endswith(("。", "！", "？", "：", ":")) or SALUTATION.match(para):
        return False
    nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
    if DATE_LINE.match(nxt) or SALUTATION.match(nxt):
        return True
    return bool(_TITLE_WORDS.search(para)) and len(para) <= 60
