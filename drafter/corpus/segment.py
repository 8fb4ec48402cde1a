"""Cleaned text → paragraphs → speeches → labelled parts and the directive tree.

The rules are the genre's (speech-genre.md): numbered headings in the GB/T 9704 series and
the spoken ones (第一， 一是 一要 首先), transition sentences that announce a count, list
restarts that betray a lost heading level, reminders and closing exhortations at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .clean import PLACEHOLDER, TRUNCATED, mark_placeholders, normalise_paragraph
from .model import Speech, Unit
from .starts import clean_title_line, find_salutation, tidy_head

NUM = "一二三四五六七八九十"
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)}
_CN_DIGITS["两"] = 2


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 4 → 4; None when it is not a small number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
        return value + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text) if len(text) == 1 else None


# --- ordinals at the start of a paragraph ----------------------------------------------------

@dataclass(frozen=True)
class Ordinal:
    style: str
    index: int
    text: str  # as found, e.g. "第三个问题，"
    end: int  # where the heading text starts


_ORDINALS: list[tuple[str, re.Pattern[str]]] = [
    ("一、", re.compile(rf"^([{NUM}]+)[、．.](?!\d)")),
    ("第一，", re.compile(rf"^(?:这是)?第([{NUM}]+)(?:点希望|点意见|点要求|点建议|句话|点|个问题|条|个方面|方面)?(?:是|就是)?[，,、：:]|"
                         rf"^第([{NUM}]+)(?:点|个问题|条|个方面)(?:是|就是)?(?=[{NUM}\u4e00-\u9fff])|"
                         rf"^第([{NUM}]+)是(?=[\u4e00-\u9fff])")),
    ("（一）", re.compile(rf"^[（(]([{NUM}]+)[）)]")),
    ("1.", re.compile(r"^(\d{1,2})(?:[.．、](?!\d)|\s)")),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)]")),
    ("一要", re.compile(rf"^([{NUM}]+)要(?!求)")),
    ("一是", re.compile(rf"^([{NUM}]+)是")),
    ("首先", re.compile(r"^(首先|其次|再次|最后)(?:是|要)?[，,：:]?")),
]
STYLE_RANK = [style for style, _ in _ORDINALS]
_SHOU_XIAN = {"首先": 1, "其次": 2, "再次": 3}


def find_ordinal(paragraph: str) -> Ordinal | None:
    for style, pattern in _ORDINALS:
        m = pattern.match(paragraph)
        if not m:
            continue
        if style == "首先":
            word = m.group(1)
            index = _SHOU_XIAN.get(word, 99 if word == "最后" else 0)
        else:
            raw = next(g for g in m.groups() if g)
            value = cn_to_int(raw)
            if value is None or value == 0:
                continue
            index = value
        if style == "一是" and index == 1 and not paragraph.startswith("一是"):
            continue
        return Ordinal(style, index, m.group(0), m.end())
    return None


# --- paragraphs ------------------------------------------------------------------------------

_SALUTATION_WORDS = (r"(?:[\u4e00-\u9fff]{0,8}(?:同志们|朋友们|女士们|先生们|同学们|老师们|代表们|委员们|同事们|同胞们)"
                     r"|各位[^，,。：:！!]{1,12}|尊敬的[^。：:！!]{1,30})")
SALUTATION = re.compile(rf"^({_SALUTATION_WORDS}(?:[，,、]\s*{_SALUTATION_WORDS})*)\s*[：:]")
_DATE = re.compile(r"^[（(]?\s*((?:\d{4}|[一二三四五六七八九〇○零]{4})\s*年(?:\s*[\d一二三四五六七八九十]{1,3}\s*月)?"
                   r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?)\s*[）)]?")
_SPLIT_BEFORE = re.compile(
    rf"(?<=[。！？!?；;：:”\s])\s*(?=(?:[{NUM}]+、|[（(][{NUM}]+[）)]|第[{NUM}]+(?:[，,、]|点|个问题)"
    rf"|[（(]\d{{1,2}}[）)]|\d{{1,2}}[.．](?!\d)))")
_LONG_LINE = 600  # a source whose lines are this long has lost its paragraphs


def restore_paragraphs(text: str) -> list[str]:
    """Lines and full-width double spaces separate paragraphs; one-line web copies are split
    before salutations, dates and ordinals; inline headings are separated from their body."""
    text = re.sub(r"注[ \t\u3000]+释", "注释", text)
    raw: list[str] = []
    for line in text.split("\n"):
        raw.extend(p for p in re.split(r"\u3000{2,}|\s{3,}", line))
    raw = [p.strip(" \t\u3000") for p in raw]
    raw = [p for p in raw if p]
    lengths = [len(p) for p in raw] or [0]
    # Lost paragraphs: one line holds most of the text (a one-line web copy).
    lost = max(lengths) > _LONG_LINE and max(lengths) > 0.5 * sum(lengths)
    out: list[str] = []
    for para in raw:
        pieces = [para]
        if lost:
            pieces = _split_lost(para)
        for piece in pieces:
            out.extend(_separate_inline_heading(piece))
    return out


def _split_lost(para: str) -> list[str]:
    # After a date or salutation: (2021年5月24日)同志們: 在全市……
    parts: list[str] = []
    m = _DATE.match(para)
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
    kept = [p for p in kept if re.search(r"[\w\u4e00-\u9fff]", p)]  # lone "?" and the like
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

_PIAN = re.compile(rf"^.{{0,40}}?篇[{NUM}]+\s*[:：]?$")
_NOTES_HEAD = re.compile(r"^(注释|注\s*释|注解|【注释】|参考文献)[:：]?$")


def split_speeches(paragraphs: list[str]) -> list[list[str]]:
    # Drop footnote sections at the end of a speech or file.
    groups: list[list[str]] = [[]]
    for para in paragraphs:
        if _PIAN.match(para):
            groups.append([])
            continue
        groups[-1].append(para)
    groups = [g for g in groups if any(p != TRUNCATED for p in g)]
    result: list[list[str]] = []
    for group in groups:
        result.extend(_split_on_salutations(group))
    return [_drop_notes(g) for g in result]


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


# --- labelling -------------------------------------------------------------------------------

_SPEECH_VERB = r"(?:讲|谈|提出|提|说|强调|汇报|交流)"
_COUNT = rf"(?:[{NUM}两\d]+|几|一些)"
_UNIT = r"(?:点倡议|点建议|点意见|点看法|点体会|点要求|点希望|点|个方面的意见|个方面|方面的意见|方面意见|方面内容|方面|个问题|句话|条意见|条|项工作|项)"
_ME = r"我(?:们)?(?:想|再|就|愿|还|只|今天)?"
_TRANSITION = re.compile(
    rf"[^。！？!?]*?{_ME}[^。！？!?]{{0,40}}?{_SPEECH_VERB}[^。！？!?；]{{0,50}}?{_COUNT}{_UNIT}[^。！？!?]{{0,30}}[。！？!?：:]"
    rf"|[^。！？!?]*?{_COUNT}{_UNIT}[^。！？!?]{{0,30}}?我[^。！？!?]{{0,12}}(?:提出来|谈一谈|说一说|讲一讲|讲讲)[^。！？!?]{{0,12}}[。！？!?：:]"
    rf"|[^。！？!?]*?{_ME}[^。！？!?]{{0,40}}?讲(?:点|几点)(?:意见|看法)[^。！？!?]{{0,12}}[。！？!?：:]"
    rf"|[^。！？!?]*?(?:下面|这里|今天)[^。！？!?]{{0,40}}?我(?:想|再)?(?:讲一讲|讲讲|谈一谈|谈谈|说一说)[^。！？!?]{{2,80}}?问题[。：:]")
_REMINDER_START = re.compile(
    r"^(?:[^。]{0,12})?(?:元旦|春节|清明|五一|端午|中秋|国庆|汛期|岁末年初|年关|两节|节日|暑期|寒假)[^。！]{0,12}"
    r"(?:将至|临近|即将来临|来临|到来|将近|已至|在即)")
_CLOSING_START = re.compile(r"^(?:同志们[，,！!]|同志们、朋友们|各位同事[！!，,]|让我们|最后[，,]我)")
_CLOSING_SIGNAL = re.compile(r"让我们|一定能够|一定能|一定会|必将|预祝|祝愿|谢谢大家|而努力奋斗|而不懈奋斗")
_PROBLEMS_START = re.compile(r"^(?:但|但是|同时|当然)?[，,]?(?:我们)?(?:也|更|还)?要?(?:清醒|清醒地)?(?:看到|认识到)|"
                             r"^(?:但|但是|同时)[^。]{0,70}(?:问题|不足|短板|差距|薄弱)|存在的问题|问题和不足")
_REVIEW_START = re.compile(r"^(?:过去的|一年来|今年以来|近年来|[^。]{0,8}以来|回顾|先看成绩单|总体来看|总的来看)")
_REPORTAGE = re.compile(r"(?:说|表示|介绍|指出|强调)[。！]?”?$|”[^“”]{0,30}(?:说|表示)")


_DATELINE = re.compile(r"^(?:本网讯|本报讯|本台讯|本站讯|新华社|[^。，]{0,12}讯[（(\s]|"
                       r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚|[上下]午\d+时)?[，,]?)")
_OFFICIAL_SAYS = re.compile(r"(?:书记|镇长|县长|区长|市长|董事长|总经理|主任|局长|校长|总裁|主席)[^。，]{0,20}?"
                            r"(?:强调|指出|表示|要求|作了|主持|讲话|致辞|说)")


def is_reportage(paragraphs: list[str]) -> bool:
    """A news report quotes officials in the third person and addresses no one."""
    attributions = sum(bool(_REPORTAGE.search(p)) for p in paragraphs)
    address = sum(p.count("同志们") + p.count("我们要") for p in paragraphs)
    first_person = sum(p.count("我讲") + p.count("我代表") for p in paragraphs)
    if address == 0 and first_person == 0 and paragraphs and _DATELINE.match(paragraphs[0]):
        # a dated news lead (本网讯1月10日上午，…) that reports officials in the third person
        said = sum(len(_OFFICIAL_SAYS.findall(p)) for p in paragraphs)
        if said + attributions >= 2 and not any(find_salutation(p) for p in paragraphs[:4]):
            return True
    return attributions >= 3 and address == 0 and first_person == 0


def parse_count(text: str) -> int | None:
    value = cn_to_int(text)
    return value if value and value < 100 else None


def find_transition(paragraph: str) -> tuple[str, int | None] | None:
    for m in _TRANSITION.finditer(paragraph):
        sentence = m.group(0).strip().lstrip("，,；; ")
        counted = re.search(rf"([{NUM}两\d]+|几|一些){_UNIT}", sentence)
        n = counted.group(1) if counted else None
        count = parse_count(n) if n and n not in ("几", "一些") else None
        if "以下" in sentence and "方面" in sentence and "表现在" in sentence:
            continue  # 主要表现在以下四个方面：— a review list, not the transition
        return sentence, count
    return None


def _first_sentence_heading(text: str, limit: int = 30) -> str:
    """A stand-in heading for a unit whose heading the source lost: the first sentence of
    its lead paragraph, cut at the last clause boundary within ``limit`` characters."""
    sentence = re.split(r"[。！？!?]", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence.strip()
    head = sentence[:limit]
    cut = max(head.rfind("，"), head.rfind("；"), head.rfind("："))
    return (head[:cut] if cut > 4 else head).strip()


def _heading_and_body(para: str, ordinal: Ordinal) -> tuple[str, str]:
    rest = para[ordinal.end:].strip()
    m = re.search(r"[。！？!?]", rest)
    if m is None:
        return rest.rstrip("；;：:"), ""
    if m.end() >= len(rest):  # one sentence: a heading on its own line
        return rest[: m.start()], ""
    head = rest[: m.start()]
    if len(head) > 60:  # no short lead sentence: cut like a stand-in
        return _first_sentence_heading(rest), rest
    return head, rest[m.end():].strip()


_DI_UNIT = re.compile(r"个问题|个方面|方面|句话|点|条")


def series_key(o: Ordinal) -> str:
    """第一个问题 … and 第一， … share a style but are different series: a speech says
    第一个问题 at the top and 第一， inside it."""
    if o.style == "第一，":
        unit = _DI_UNIT.search(o.text)
        if unit:
            return "第一" + unit.group(0)
    return o.style


def in_series(o: Ordinal | None, key: str) -> bool:
    return o is not None and (o.style == key or series_key(o) == key)


def _key_rank(key: str) -> tuple[int, int]:
    base = "第一，" if key.startswith("第一") else key
    return (STYLE_RANK.index(base) if base in STYLE_RANK else 99, 0 if key != base else 1)


def _clean(indexes: list[int]) -> bool:
    return len(indexes) >= 2 and indexes == list(range(1, len(indexes) + 1))


def _series_styles(paragraphs: list[str], count: int | None = None) -> list[str]:
    """Series (items 1 and 2) among these paragraphs, best rank first. A style whose list
    restarts gives way to a variant that counts through (第一个问题 … over the 第一， inside
    each); with an announced count, a series of exactly that many items comes first."""
    base: dict[str, list[int]] = {}
    variant: dict[str, list[int]] = {}
    for para in paragraphs:
        o = find_ordinal(para)
        if o:
            base.setdefault(o.style, []).append(o.index)
            if series_key(o) != o.style:
                variant.setdefault(series_key(o), []).append(o.index)
    keys: list[str] = []
    for style in sorted((k for k, v in base.items() if {1, 2} <= set(v)), key=_key_rank):
        if base[style].count(1) > 1:
            through = [k for k, v in variant.items() if k.startswith(style[:2]) and _clean(v)]
            keys.extend(sorted(through, key=lambda k: -len(variant[k])))
        keys.append(style)
    if count:
        every = {**base, **variant}
        fits = [k for k in list(keys) + sorted(variant, key=_key_rank)
                if every[k] == list(range(1, count + 1)) or (k == "首先" and len(every[k]) == count)]
        keys = list(dict.fromkeys(fits + keys))
    return keys


def build_units(paragraphs: list[str], depth: int = 1, announced: bool = False,
                count: int | None = None, cut: bool = False) -> tuple[list[str], list[Unit]]:
    """Split paragraphs into (lead paragraphs, units) by the best series found. After a
    transition (``announced``), or in a speech the source cut short (``cut``), a lone item 1
    is a series too: the source may have been cut after it."""
    styles = _series_styles(paragraphs, count if depth == 1 else None)
    if not styles and (announced or cut) and depth == 1:
        lone = [find_ordinal(p) for p in paragraphs]
        heading_level = ("一、", "第一，", "（一）") + (("首先",) if cut else ())
        styles = [series_key(o) for k, o in enumerate(lone) if o and o.index == 1
                  and (o.style in heading_level or (k == 0 and announced))
                  and (o.style != "首先" or len(paragraphs[k]) <= 40 or paragraphs[k].endswith(("：", ":")))][:1]
    if not styles or depth > 4:
        return paragraphs, []
    style = styles[0]
    ordinals = [find_ordinal(p) for p in paragraphs]
    positions = [i for i, o in enumerate(ordinals) if in_series(o, style)]
    restarts = sum(1 for o in ordinals if in_series(o, style) and o is not None and o.index == 1)
    first = positions[0]
    introduced = first > 0 and ordinals[first - 1] is None and paragraphs[first - 1].endswith(("：", ":"))
    if depth == 1 and (restarts > 1 or introduced):
        return _inferred_units(paragraphs, ordinals, style)
    lead = paragraphs[:first]
    units: list[Unit] = []
    bounds = positions + [len(paragraphs)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        ordinal = ordinals[start]
        assert ordinal is not None
        heading, rest = _heading_and_body(paragraphs[start], ordinal)
        inner = ([rest] if rest else []) + paragraphs[start + 1:end]
        body, children = build_units(inner, depth + 1)
        units.append(Unit(ordinal=ordinal.text.strip(), heading=heading, body=body,
                          children=children, style=ordinal.style))
    return lead, units


def _inferred_units(paragraphs: list[str], ordinals: list[Ordinal | None],
                    style: str) -> tuple[list[str], list[Unit]]:
    """The source lost its top level: each list that restarts after a lead paragraph (in
    whatever ordinal style) is one unit, named by its lead sentence."""
    starts: list[int] = []
    in_item_body = False  # after a heading-only item, its body (and nested lists) follow
    last_item = -1
    for i, o in enumerate(ordinals):
        previous_heading_only = in_item_body
        previous_item = last_item
        if o is not None and in_series(o, style):
            rest = paragraphs[i][o.end:]
            in_item_body = not re.search(r"[。！？!?].", rest) and len(rest) <= 40
            last_item = i
        if o is None or o.index != 1:
            continue
        lead_before = i > 0 and ordinals[i - 1] is None
        if not in_series(o, style) and (not lead_before or in_item_body):
            continue
        start = i - 1 if lead_before else i
        if lead_before and in_series(o, style) and previous_heading_only:
            # A run of plain paragraphs after a heading-only item and before a restart: the
            # item's body comes first; a new unit usually opens with two lead paragraphs (a
            # topic sentence, then the situation).
            j = i - 1
            while j > 0 and ordinals[j - 1] is None:
                j -= 1
            if i - j >= 3 and j - 1 == previous_item:
                start = i - 2
        if not starts or start > starts[-1]:
            starts.append(start)
    lead = paragraphs[: starts[0]]
    units = []
    bounds = starts + [len(paragraphs)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        first = paragraphs[start]
        ordinal = ordinals[start]
        body, children = build_units(paragraphs[start:end], 2)
        units.append(Unit(ordinal="", heading=_first_sentence_heading(
            first[ordinal.end:] if ordinal else first), body=body,
            children=children, style="推断"))
    return lead, units


def _salutation_index(paragraphs: list[str]) -> int | None:
    """The salutation, wherever the speech starts: a line of its own or with a colon among the
    first paragraphs, else a comma form opening the first paragraph after the title lines."""
    limit = max(8, len(paragraphs) * 2 // 5)
    for k, para in enumerate(paragraphs[:limit]):
        if find_salutation(para) and (k < 4 or len(para) <= 60 or not _looks_like_title(paragraphs, k)):
            return k
    for k, para in enumerate(paragraphs[:4]):
        if _looks_like_title(paragraphs, k) or (_DATE.match(para) and len(para) <= 30):
            continue
        return k if find_salutation(para, soft=True) else None
    return None


def _head_line(paragraphs: list[str], k: int) -> bool:
    para = paragraphs[k]
    return ((bool(_DATE.match(para)) and len(para) <= 30) or _looks_like_title(paragraphs, k)
            or (len(para) <= 12 and not re.search(r"[，。！？：；,.!?:;]", para)))


def _start_at_salutation(paragraphs: list[str], labels: list[tuple[str, str]],
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


def _read_head(paragraphs: list[str], speech: Speech,
               labels: list[tuple[str, str]]) -> tuple[list[str], int]:
    """Title, date, speaker line and salutation; returns the paragraphs (a salutation glued to
    the first sentence is split off) and where the body starts."""
    i = 0
    sal_at = _salutation_index(paragraphs)
    if paragraphs and _looks_like_title(paragraphs, 0):
        speech.title = clean_title_line(paragraphs[0].strip("*# ")) or None
        labels.append(("title", paragraphs[0]))
        i = 1
    while i < len(paragraphs) and i < 5:
        para = paragraphs[i]
        date = _DATE.match(para)
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


_CLOSING_START_MORE = re.compile(
    r"^(?:最后[，,]\s*(?:我|衷心|再次|祝|预祝|让我们|希望|真诚|也祝)|谢谢(?:大家|各位)?[！!。]?$|"
    r"(?:(?:老师们|同学们|同志们|朋友们|家长们|各位[^，,。]{1,8})[，,、！!]\s*){1,3}(?:让我们|新的|我们相信|我坚信))")
_THANKS = re.compile(r"^谢谢(?:大家|各位)?[！!。]?$")
_SIMPLE_TRANSITION = re.compile(
    r"(?:讲|谈|强调|提出?|说|送)[^，。；：:]{0,8}?[“\"]?([一二两三四五六七八九十\d]{1,3}|几)[”\"]?"
    r"(?:点|个方面|方面|个问题|句话|条)")
_SPEAKER_NOW = re.compile(r"下面|接下来|下边|这里|现在|今天|借此|在此|为此|我")


UNNUMBERED = "无序号"


def _unnumbered(para: str) -> Unit:
    m = re.search(r"[。！？!?]", para)
    if m is None or m.end() >= len(para) or m.start() > 60:
        return Unit(ordinal="", heading=_first_sentence_heading(para), body=[para], style=UNNUMBERED)
    return Unit(ordinal="", heading=para[: m.start()], body=[para[m.end():].strip()], style=UNNUMBERED)


def simple_transition(paragraph: str) -> tuple[str, int | None] | None:
    """A sentence that announces the points however long it runs: 下面，我就……，再讲几点意见："""
    for sentence in re.findall(r"[^。！？；]+[。！？；]?", paragraph):
        m = _SIMPLE_TRANSITION.search(sentence)
        if m and _SPEAKER_NOW.search(sentence[: m.start()]):
            number = m.group(1)
            count = None if number == "几" else parse_count(number)
            return sentence.strip().lstrip("，,；; "), count
    return None


def _ends_mid_sentence(paragraphs: list[str]) -> bool:
    last = paragraphs[-1] if paragraphs else ""
    if last.endswith("……") and len(last) > 3 and is_cjk_word(last[-3]):
        return True  # a web excerpt: 进一步明确了当前和……
    return bool(last) and (last == TRUNCATED or last[-1] not in "。！？!?…”）)》")


def is_cjk_word(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _split_run_in(text: str) -> list[str]:
    """第一，…；第二，…；第三，… in one paragraph → one paragraph per item."""
    first = find_ordinal(text)
    if first is None:
        return [text]
    pieces: list[str] = []
    start, expected = 0, first.index + 1
    for m in re.finditer(r"[。；;！!？?]", text):
        nxt = find_ordinal(text[m.end():].lstrip())
        if nxt and nxt.style == first.style and nxt.index == expected:
            pieces.append(text[start:m.end()].strip())
            start, expected = m.end(), expected + 1
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _split_after_transition(body: list[str], t_index: int, transition: dict[str, Any]) -> list[str]:
    """Items that follow the transition inside its paragraph (……讲四点意见：一要……) become
    paragraphs of their own; the transition sentence stops at its colon."""
    para = body[t_index]
    sentence = transition["text"]
    colon = re.search(r"[：:]", sentence)
    if colon and find_ordinal(sentence[colon.end():].lstrip()):
        sentence = sentence[: colon.end()]
        transition["text"] = sentence
    pos = para.find(sentence)
    if pos < 0:
        return body
    rest = para[pos + len(sentence):].strip()
    if not rest or find_ordinal(rest) is None:
        return body
    return body[:t_index] + [para[: pos + len(sentence)]] + _split_run_in(rest) + body[t_index + 1:]


STYLED = "标题样式"


def styled_units(paragraphs: list[str], headings: frozenset[str]) -> tuple[list[str], list[Unit]] | None:
    """Headings a Word file marks by style (标题 1) and does not number: each opens a unit."""
    starts = [k for k, para in enumerate(paragraphs) if para in headings and find_ordinal(para) is None]
    if len(starts) < 2:
        return None
    units = []
    for start, end in zip(starts, starts[1:] + [len(paragraphs)], strict=False):
        body, children = build_units(paragraphs[start + 1:end], 2)
        units.append(Unit(ordinal="", heading=paragraphs[start].rstrip("。；;：:"), body=body,
                          children=children, style=STYLED))
    return paragraphs[: starts[0]], units


def segment(paragraphs: list[str], notes: list[str], headings: frozenset[str] = frozenset()) -> Speech:
    speech = Speech(notes=list(notes))
    if TRUNCATED in paragraphs:
        speech.truncated = True
        paragraphs = [p for p in paragraphs if p != TRUNCATED]
    labels: list[tuple[str, str]] = []
    paragraphs = tidy_head(paragraphs)
    paragraphs = _start_at_salutation(paragraphs, labels, speech)
    paragraphs, i = _read_head(paragraphs, speech, labels)
    body = paragraphs[i:]
    cut = speech.truncated or _ends_mid_sentence(paragraphs)
    # the transition announces the directives, so it comes before the first of them
    first_item = next((j for j, p in enumerate(body) if (o := find_ordinal(p)) and o.index == 1
                       and o.style in ("一、", "第一，", "（一）")), len(body))
    t_index = None
    for j, para in enumerate(body[: first_item + 1]):
        found = find_transition(para) or simple_transition(para)
        # near the end only when the items follow (a speech cut after its first point)
        if found and (j < max(len(body) * 0.6, 3) or j >= first_item - 1):
            speech.transition = {"text": found[0], "count": found[1]}
            t_index = j
            break
    if t_index is not None and speech.transition:
        body = _split_after_transition(body, t_index, speech.transition)
    # closing and reminders from the end
    end = len(body)
    closing_at = None
    for j in range(len(body) - 1, max((t_index or 0), len(body) - 4), -1):
        if _CLOSING_START.match(body[j]) or _CLOSING_START_MORE.match(body[j]):
            closing_at = j
    if closing_at is None and len(body) > (t_index or 0) + 2 and _CLOSING_SIGNAL.search(body[-1]):
        closing_at = len(body) - 1
    if closing_at is not None and closing_at > (t_index or 0) + 1 and _THANKS.match(body[closing_at]) and (
            _CLOSING_SIGNAL.search(body[closing_at - 1]) or body[closing_at - 1].startswith("最后")):
        closing_at -= 1  # 谢谢大家！ closes the exhortation before it
    if cut and closing_at is not None and closing_at == len(body) - 1 and not _THANKS.match(body[-1]):
        closing_at = None  # the source stops here: its last words are no closing
    if closing_at is not None:
        speech.closing = body[closing_at:]
        end = closing_at
        if _REMINDER_START.match(speech.closing[0]):
            # web copies glue the reminders and the closing into one paragraph
            first = speech.closing[0]
            m = re.search(r"(?<=[。！？])(?:同志们[！!，,]|让我们)", first)
            if m:
                speech.reminders = [first[: m.start()]]
                speech.closing[0] = first[m.start():]
            else:
                speech.reminders = [first]
                speech.closing = speech.closing[1:]
    reminders_at = None
    for j in range((t_index or 0) + 1, end):
        if _REMINDER_START.match(body[j]):
            reminders_at = j
            break
    if reminders_at is not None:
        speech.reminders = body[reminders_at:end] + speech.reminders
        end = reminders_at
        if not speech.closing and speech.reminders:
            last = speech.reminders[-1]
            m = re.search(r"(?<=[。！？])同志们[！!，,]", last)
            if m:  # web copies glue the closing onto the reminders
                speech.reminders[-1] = last[: m.start()]
                speech.closing = [last[m.start():]]
    before = body[: t_index] if t_index is not None else []
    region_start = (t_index + 1) if t_index is not None else 0
    region = body[region_start:end]
    if t_index is not None:
        transition_para = body[t_index]
        sentence = speech.transition["text"] if speech.transition else ""
        rest = transition_para.replace(sentence, "", 1).strip() if sentence else transition_para
        if rest and not rest.startswith(tuple(NUM)) and rest != transition_para:
            before.append(rest)
    count = (speech.transition or {}).get("count")
    lead, units = build_units(region, announced=t_index is not None, count=count, cut=cut)
    styled = styled_units(region, headings) if headings and not units else None
    if styled:
        lead, units = styled
    if t_index is None and not units:
        before = region
        lead = []
        if not speech.closing and len(before) >= 3 and not cut:
            # an unnumbered speech ends with its conclusion
            speech.closing = [before.pop()]
    if t_index is not None and not units and lead:
        # 讲几句话 followed by plain paragraphs: each is a point, without an ordinal
        units = [_unnumbered(para) for para in lead]
        lead = []
    if not speech.closing:
        speech.notes.append("没有找到结尾：" + ("来源不完整，讲话在结尾之前中断" if cut else
                                                "最后一段不是号召、祝愿或致谢"))
    speech.directives = units
    # opening / review / problems among the paragraphs before the transition
    part = "opening"
    for para in before:
        if part == "opening" and _REVIEW_START.match(para):
            part = "review"
        if _PROBLEMS_START.search(para[:30]):
            part = "problems"
        getattr(speech, part).append(para)
        labels.append((part, para))
    for para in lead:
        speech.other.append(para)
        labels.append(("other", para))
    if t_index is not None and speech.transition:
        labels.append(("transition", speech.transition["text"]))
    for unit in units:
        _label_unit(unit, labels)
    for para in speech.reminders:
        labels.append(("reminder", para))
    for para in speech.closing:
        labels.append(("closing", para))
    speech.labels = labels
    count = (speech.transition or {}).get("count")
    if not speech.truncated and _ends_mid_sentence(paragraphs):
        speech.truncated = True
        speech.notes.append("讲话在句子中间结束，来源可能不完整")
    if not speech.truncated and count and units and len(units) < count and not speech.closing:
        speech.truncated = True
        speech.truncation_inferred = True
        speech.notes.append(f"过渡句说{count}点，只找到{len(units)}点，且没有结尾：来源可能不完整")
    if count is not None and units:
        if speech.truncated:
            if count != len(units):
                speech.notes.append(f"过渡句说{count}点，找到{len(units)}点；讲话不完整，无法核对")
        elif count != len(units):
            speech.notes.append(f"过渡句说{count}点，实际找到{len(units)}点，请核对")
    return speech


def _label_unit(unit: Unit, labels: list[tuple[str, str]], depth: int = 1) -> None:
    labels.append((f"directive:{depth}", unit.ordinal + unit.heading))
    for para in unit.body:
        labels.append((f"directive:{depth}:body", para))
    for child in unit.children:
        _label_unit(child, labels, depth + 1)


_TITLE_WORDS = re.compile(r"讲话|致辞|报告|发言|在.{2,40}上|会议|方针|任务|问题|宪政|讲稿|总结|结论")


def _looks_like_title(paragraphs: list[str], i: int) -> bool:
    para = paragraphs[i]
    if len(para) > 80 or para.endswith(("。", "！", "？", "：", ":")) or SALUTATION.match(para):
        return False
    nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
    if _DATE.match(nxt) or SALUTATION.match(nxt):
        return True
    return bool(_TITLE_WORDS.search(para)) and len(para) <= 60
