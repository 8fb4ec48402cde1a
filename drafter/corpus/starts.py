"""Where a speech starts inside a copied page, and what stands at its head.

A page copy puts a site title, a repeated page heading, an editor's blurb and a collection
marker (…致辞1, …讲话【一】, …篇1) before the speech, and often glues the title onto the
salutation (…的讲话同志们：) or the title onto itself (…上讲话…上的讲话). ``tidy_head`` undoes
that for the first paragraphs; ``find_salutation`` finds the salutation in every common form,
with a colon or (at the very start of the speech) a comma.
"""

from __future__ import annotations

import re

from ..textnorm import HANZI
from . import noise

# One addressee: 同志们 / 各位领导 / 尊敬的各位来宾 / 亲爱的同学们 / 女士们、先生们 …
_ADDRESS = (r"(?:(?:尊敬的|敬重的|亲爱的|可亲的|可爱的|敬爱的|各位|全体)?[^，,。：:！!？?；;、\s]{0,10}?"
            r"(?:同志们|朋友们|女士们|先生们|同学们|老师们|代表们|委员们|同事们|同胞们|战友们|家人们|"
            r"孩子们|青年们|乡亲们|家长们|来宾们)"
            r"|各位[^，,。：:！!？?；;、\s]{1,10}|(?:尊敬|敬重)的(?:\s?[^，,。：:！!？?；;\s]){1,20}|亲爱的[^，,。：:！!？?；;\s]{1,20}"
            # any other group addressed by name (辛勤工作的高三教师们, 全体职工们): a plain pronoun is no address
            r"|(?![我你他她咱]们)[^，,。：:！!？?；;、\s]{2,12}?们)")
# At the start of a speech a comma may stand for the colon: 同志们，我到某局来已经半年了……
# Only forms that cannot open an ordinary sentence (ending in 们, or 各位…) count.
_SOFT_UNIT = (r"(?:(?:尊敬的|敬重的|亲爱的|可亲的|可爱的|敬爱的|各位)?[^，,。：:！!？?；;\s]{0,16}?们"
              r"|(?:尊敬的|敬重的)?各位(?:领导|来宾|嘉宾|代表|委员|同事|家长|老师|同学|朋友))")
# After the first addressee a list may name people without 们 (孩子的爸爸妈妈爷爷奶奶, 各位
#老师、家长朋友) and start a new group with 尊敬的/亲爱的: 尊敬的各位家长、孩子的爸爸妈妈，亲爱的同学们，
_ROLE_UNIT = (r"(?:[^，,。：:！!？?；;、\s]{0,6}?(?:爸爸|妈妈|爷爷|奶奶|外公|外婆|叔叔|阿姨|家长|老师|"
              r"同学|嘉宾|来宾|领导|朋友|同事|校友|代表|职工|员工)+)")
# With a colon, role names without 们 may follow the first addressee too: 各位老领导、老同志，同志们：
SALUTATION_STRICT = re.compile(
    rf"^\s*({_ADDRESS}(?:\s*[，,、；;]\s*(?:{_ADDRESS}|{_ROLE_UNIT}|[^，,。：:！!？?；;、\s]{{0,4}}同志)){{0,8}})\s*[：:]")
SALUTATION_SOFT = re.compile(
    rf"^\s*({_SOFT_UNIT}(?:\s*[，,、]\s*(?:{_SOFT_UNIT}|{_ROLE_UNIT})){{0,6}}(?:\s*[，,、]\s*{_SOFT_UNIT})?)"
    rf"\s*(?:[，,](?=\S)|[！!])")  # 各位老师，各位家长，亲爱的同学们！ may stand alone
SAL_START = re.compile(r"尊敬的|敬重的|亲爱的|可亲的|敬爱的|各位|同志们|朋友们|女士们|同学们|老师们|全体")
_TITLE_END = re.compile(r"(?:讲话|致辞|发言|讲稿|发言稿|讲话稿|报告|贺词|演讲|演讲稿|主持词|总结)$|】$")
_TITLE_WORDS = re.compile(r"讲话|致辞|发言|讲稿|报告|贺词|演讲|主持词|典礼|会议|大会")
_INDEX = re.compile(r"(?:\s*篇\s*[一二三四五六七八九十\d]{1,3}|【[一二三四五六七八九十\d]{1,3}】|"
                    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|(?<=[" + HANZI + r"])\d{1,2})$")
_BRACKETED = re.compile(r"^[【\[［]([^】\]］]{4,60})[】\]］]$")


def find_salutation(paragraph: str, *, soft: bool = False) -> tuple[str, int] | None:
    """(salutation without spaces, end of the match) at the start of a paragraph."""
    m = SALUTATION_STRICT.match(paragraph)
    if m is None and soft:
        m = SALUTATION_SOFT.match(paragraph)
    if m is None:
        return None
    salutation = re.sub(r"\s", "", m.group(1))
    if len(salutation) > 70:
        return None
    return salutation, m.end()


def _title_like(text: str) -> bool:
    return (4 <= len(text) <= 90 and not re.search(r"[。！？!?]", text)
            and bool(_TITLE_WORDS.search(text)))


_TITLE_TAIL = re.compile(r"[（(][^（）()]{0,30}\d{4}\s*年[^（）()]{0,30}[）)]\s*[" + HANZI + r"]{0,4}$")


def split_glued(paragraph: str) -> list[str]:
    """…的讲话同志们：今天…  →  …的讲话 / 同志们：今天…; 【…致辞】尊敬的… likewise, and a
    title that carries its date note and speaker (…的讲话（2011年11月3日）某某某同志们：…).
    Before a salutation with its colon any heading line splits off (党课：坚持……同志们：…), as a
    converted document run onto one line shows it; so does an editor's blurb that leads into
    the text (…具体材料请详见：同志们：…)."""
    lead = _LEAD_IN.search(paragraph)
    if lead and find_salutation(paragraph[lead.end():]):
        return [paragraph[: lead.end()].strip(), paragraph[lead.end():].strip()]
    for m in SAL_START.finditer(paragraph[:160]):
        k = m.start()
        head = paragraph[:k].strip()
        bare = _TITLE_TAIL.sub("", head)
        if _PLAIN_HEAD.fullmatch(head) and not SAL_START.match(head) and find_salutation(paragraph[k:]):
            return [head, paragraph[k:].strip()]
        if not head or not (_TITLE_END.search(head) or _TITLE_END.search(bare)) or not _title_like(
                bare.strip("【】[]")):
            continue
        if find_salutation(paragraph[k:]) or find_salutation(paragraph[k:], soft=True):
            return [head, paragraph[k:].strip()]
    run = _TITLE_THEN_ITEM.match(paragraph)  # …的讲话一、认真… : no salutation to split before
    if run and _TITLE_END.search(run.group(1)) and _title_like(run.group(1)) and len(paragraph) - run.end() >= 8:
        return [run.group(1).strip(), paragraph[run.end():].strip()]
    return [paragraph]


# A title run straight into the first point of a speech without salutation (…的讲话一、…)
_TITLE_THEN_ITEM = re.compile(r"([^，,。！？!?；;：:“”]{4,90}?)(?=一、|[（(]一[）)]|第一[，,、])")


# A heading line: no sentence or clause mark, neither the salutation's own first groups (各位领导、)
# nor a phrase that leads into an address (我想对同志们： / 告诉同学们： / 亲爱的).
_PLAIN_HEAD = re.compile(r"[^，,。！？!?；;]{4,60}(?<![、对向给和与跟请说诉祝的])")
# 在…会议上的讲话 run straight into the body (方才，各乡镇…): the title ends at its last 讲话 before
# the first clause mark, unless the words go on (…上的讲话精神，…).
_TITLE_RUN = re.compile(r"[^，,。！？!?；;：:“”]{0,24}?在[^，,。！？!?；;：:“”]{2,80}(?:上|中)的?"
                        r"(?:讲话|致辞|发言|报告|动员讲话|总结讲话)")
_GOES_ON = re.compile(r"精神|中|时|里|内容|要点|稿|和|及|与|的|上|后|指出|强调|提出|明确|要求|是|为|已|都|也")


# An editor's words that hand over to the text itself (请详见： / 全文如下：)
_LEAD_IN = re.compile(r"(?:请?详见|全文如下|原文如下|讲话如下|讲话全文|内容如下)[：:]\s*(?=\S)")


def join_split_salutation(paragraphs: list[str]) -> list[str]:
    """A salutation whose groups stand on lines of their own (各位代表、 / 同志们：) as one line."""
    out: list[str] = []
    for para in paragraphs:
        prev = out[-1] if out else ""
        if (prev.endswith(("、", "，", ",")) and len(prev) <= 30 and find_salutation(prev + para)
                and find_salutation(prev + "同志们：", soft=False)):
            out[-1] = prev + para
            continue
        out.append(para)
    return out


def split_title_run(paragraph: str) -> list[str]:
    """The title of a converted document glued to its first sentence: title / body."""
    m = _TITLE_RUN.match(paragraph)
    if m is None or len(paragraph) - m.end() < 20 or _GOES_ON.match(paragraph, m.end()):
        return [paragraph]
    return [paragraph[: m.end()], paragraph[m.end():].strip()]


def undouble(title: str) -> str:
    """县长在…座谈会上讲话县长在…座谈会上的讲话 → the second, fuller copy."""
    for k in range(4, len(title) - 3):
        if title[k:].startswith(title[:4]) and len(title) - k >= k - 2:
            return title[k:]
    return title


def clean_title_line(text: str) -> str:
    text = re.sub(r"^附件\s*\d{0,2}\s*[:：]?\s*", "", text.strip())
    text = noise.kind("title_label").regex.sub("", text)  # a page's label: 标题：在……上的讲话
    bare = _TITLE_TAIL.sub("", text)  # （2011年11月3日 根据录音整理）某某某 after the title
    if bare != text and _TITLE_END.search(bare):
        text = bare
    m = _BRACKETED.match(text)
    if m:
        text = m.group(1)
    from .read_html import clean_title

    text = clean_title(text)
    text = _INDEX.sub("", text).strip()
    text = re.sub(r"^(?:最新|精选|热门|优秀|经典)(?=\S{4,})", "", text)  # a content farm's label
    text = re.sub(r"(?<=\S{4})(?:范文|大全|精选|模板)$", "", text)
    return undouble(text)


def tidy_head(paragraphs: list[str], window: int = 10) -> list[str]:
    """The first paragraphs with glued titles split, titles cleaned and repeats dropped."""
    head: list[str] = []
    for para in join_split_salutation(paragraphs[:window]):
        pieces = split_glued(para)
        if len(pieces) == 1 and not any(re.search(r"[。！？!?]", p) for p in head):
            pieces = split_title_run(para)  # still in the head: a title may run into the body
        for piece in pieces:
            if _title_like(piece) and len(piece) <= 90:
                piece = clean_title_line(piece)
                if head and _same_title(head[-1], piece):
                    head[-1] = piece if len(piece) >= len(head[-1]) else head[-1]
                    continue
            head.append(piece)
    return _drop_repeats(head) + paragraphs[window:]


def _same_title(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 6 and (a.startswith(b) or b.startswith(a)))


def _drop_repeats(head: list[str]) -> list[str]:
    """A page heading repeated before the speech (h1, the text's own title): keep the last."""
    out: list[str] = []
    for para in head:
        if _title_like(para):
            out = [p for p in out if not _same_title(p, para)]
        out.append(para)
    return out
