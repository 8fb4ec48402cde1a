"""One speech's paragraphs → labelled parts: transition, directives, reminders, closing.

Paragraphs and speeches come from paragraphs.py, the head (title, speaker, salutation) is
head.py's, ordinals ordinals.py's and the directive tree units.py's. The rules are the genre's (speech-genre.md): numbered headings in the GB/T 9704 series and
the spoken ones (第一， 一是 一要 首先), transition sentences that announce a count, list
restarts that betray a lost heading level, reminders and closing exhortations at the end.
"""

from __future__ import annotations

import re
from typing import Any

from ..numbering import NUM, cn_to_int, find_ordinal, styles_at
from ..textnorm import CLAUSE, SENTENCE, SENTENCE_END, SENTENCE_END_RE, is_hanzi
from .announce import announced_list, item_one_follows, lead_in_units, measure_of, words_given
from .clean import TRUNCATED
from .head import read_head, start_at_salutation
from .model import Speech, Unit
from .starts import tidy_head
from .units import build_units, first_sentence_heading

# --- labelling -------------------------------------------------------------------------------

_END = SENTENCE_END  # 。！？!?
_SPEECH_VERB = r"(?:讲|谈|提出|提|说|强调|汇报|交流)"
_COUNT = rf"(?:[{NUM}两\d]+|几|一些)"
_UNIT = r"(?:(?:个字|个词|个关键词)(?![的])|点倡议|点建议|点意见|点看法|点体会|点要求|点希望|点|个方面的意见|个方面|方面的意见|方面意见|方面内容|方面|个问题|句话|条意见|条|项工作|项)"
_ME = r"我(?:们)?(?:想|再|就|愿|还|只|今天)?"
# Each alternative starts only at a sentence start (the lookbehind): tried once per sentence,
# not at every character of it, so a 20 MB line without punctuation stays linear.
_TRANSITION = re.compile(
    rf"(?<![^{_END}])[^{_END}]*?{_ME}[^{_END}]{{0,40}}?{_SPEECH_VERB}[^{_END}；]{{0,50}}?{_COUNT}{_UNIT}[^{_END}]{{0,30}}[{_END}：:]"
    rf"|(?<![^{_END}])[^{_END}]*?{_COUNT}{_UNIT}[^{_END}]{{0,30}}?我[^{_END}]{{0,12}}(?:提出来|谈一谈|说一说|讲一讲|讲讲)[^{_END}]{{0,12}}[{_END}：:]"
    rf"|(?<![^{_END}])[^{_END}]*?{_ME}[^{_END}]{{0,40}}?讲(?:点|几点)(?:意见|看法)[^{_END}]{{0,12}}[{_END}：:]"
    rf"|(?<![^{_END}])[^{_END}]*?(?:下面|这里|今天)[^{_END}]{{0,40}}?我(?:想|再)?(?:讲一讲|讲讲|谈一谈|谈谈|说一说)[^{_END}]{{2,80}}?问题[。：:]")
_REMINDER_START = re.compile(
    r"^(?:[^。]{0,12})?(?:元旦|春节|清明|五一|端午|中秋|国庆|汛期|岁末年初|年关|两节|节日|暑期|寒假)[^。！]{0,12}"
    r"(?:将至|临近|即将来临|来临|到来|将近|已至|在即)")
_CLOSING_START = re.compile(r"^(?:同志们[，,！!]|同志们、朋友们|各位同事[！!，,]|让我们|最后[，,]我)")
_CLOSING_SIGNAL = re.compile(r"让我们|一定能够|一定能|一定会|必将|预祝|祝愿|谢谢大家|而努力奋斗|而不懈奋斗|"
                             r"^[^。]{0,12}祝(?:你们|大家|同学们|同志们|各位|全体)"
                             # the last paragraph's own formulae: 希望大家…… / 以上是我的几点意见 / 我就讲这些
                             # (not 总之，……: a report's summing-up of the year's work ends that way too)
                             r"|^(?:希望|衷心希望|真诚希望)(?:大家|同志们|你们|各位|全体)"
                             r"|我就讲(?:这些|这么多|到这里)|以上(?:是|就是|讲的|几点)?我?(?:的|讲的)?(?:几点|这些)?(?:意见|看法|想法|体会)"
                             r"|不妥之处")


def closing_signalled(text: str) -> bool:
    """A paragraph that reads as a closing: it opens like one (同志们， / 让我们) or carries a
    closing's signal (让我们 / 预祝 / 谢谢大家 …)."""
    return bool(_CLOSING_START.match(text) or _CLOSING_SIGNAL.search(text))


_PROBLEMS_START = re.compile(r"^(?:但|但是|同时|当然)?[，,]?(?:我们)?(?:也|更|还)?要?(?:清醒|清醒地)?(?:看到|认识到)|"
                             r"^(?:但|但是|同时)[^。]{0,70}(?:问题|不足|短板|差距|薄弱)|存在的问题|问题和不足")
_REVIEW_START = re.compile(r"^(?:过去的|一年来|今年以来|近年来|[^。]{0,8}以来|回顾|先看成绩单|总体来看|总的来看)")
def parse_count(text: str) -> int | None:
    value = cn_to_int(text)
    return value if value and value < 100 else None


_TRANSITION_MAX = 400  # characters in one sentence: a transition is never longer
_TRANSITION_HINT = re.compile(rf"{_COUNT}{_UNIT}|讲点|问题")


def find_transition(paragraph: str) -> tuple[str, int | None] | None:
    """The first sentence announcing the points. Sentences are tried one at a time, and only
    those of plausible length holding a count or 问题, so the work is linear in the text."""
    for piece in SENTENCE.finditer(paragraph):
        text = piece.group(0)
        if text and len(text) <= _TRANSITION_MAX and _TRANSITION_HINT.search(text):
            found = _transition_in(text)
            if found is not None:
                return found
    return None


def _transition_in(paragraph: str) -> tuple[str, int | None] | None:
    for m in _TRANSITION.finditer(paragraph):
        sentence = m.group(0).strip().lstrip("，,；; ")
        counted = re.search(rf"([{NUM}两\d]+|几|一些){_UNIT}", sentence)
        n = counted.group(1) if counted else None
        count = parse_count(n) if n and n not in ("几", "一些") else None
        if "以下" in sentence and "方面" in sentence and "表现在" in sentence:
            continue  # 主要表现在以下四个方面：— a review list, not the transition
        return sentence, count
    return None


_CLOSING_START_MORE = re.compile(
    r"^(?:最后[，,]\s*(?:我|衷心|再次|祝|预祝|让我们|希望|真诚|也祝)|谢谢(?:大家|各位)?[！!。]?$|"
    r"(?:在|趁)?(?:即将)?结束[^。，,]{0,12}(?:之前|之际|的时候|时)[，,]|在?(?:讲话|发言)的最后[，,]|"  # 在结束…之前，
    r"(?:(?:老师们|同学们|同志们|朋友们|家长们|各位[^，,。]{1,8})[，,、！!]\s*){1,3}(?:让我们|新的|我们相信|我坚信))")
_THANKS = re.compile(r"^谢谢(?:大家|各位)?[！!。]?$")
_SIMPLE_TRANSITION = re.compile(
    r"(?:讲|谈|强调|提出?|说|送)[^，。；：:]{0,8}?[“\"]?([一二两三四五六七八九十\d]{1,3}|几)[”\"]?"
    r"(?:点|个方面|方面|个问题|句话|条|(?:个字|个词|个关键词)(?![的]))")
_SPEAKER_NOW = re.compile(r"下面|接下来|下边|这里|现在|今天|借此|在此|为此|我")
# 送同志们“10个字”, 讲给大家三句话: the verb names the audience, so the speaker is announcing
_TO_AUDIENCE = re.compile(r"^(?:送|讲|谈|提|说)给?(?:同志们|大家|各位|你们|同学们|老师们|朋友们)")


UNNUMBERED = "无序号"


def _unnumbered(para: str) -> Unit:
    m = SENTENCE_END_RE.search(para)
    if m is None or m.end() >= len(para) or m.start() > 60:
        return Unit(ordinal="", heading=first_sentence_heading(para), body=[para], style=UNNUMBERED)
    return Unit(ordinal="", heading=para[: m.start()], body=[para[m.end():].strip()], style=UNNUMBERED)


def simple_transition(paragraph: str) -> tuple[str, int | None] | None:
    """A sentence that announces the points however long it runs: 下面，我就……，再讲几点意见："""
    for sentence in CLAUSE.findall(paragraph):
        m = _SIMPLE_TRANSITION.search(sentence)
        if m and (_SPEAKER_NOW.search(sentence[: m.start()]) or _TO_AUDIENCE.match(m.group(0))):
            number = m.group(1)
            count = None if number == "几" else parse_count(number)
            return sentence.strip().lstrip("，,；; "), count
    return None


def _ends_mid_sentence(paragraphs: list[str]) -> bool:
    last = paragraphs[-1] if paragraphs else ""
    if last.endswith("……") and len(last) > 3 and is_hanzi(last[-3]):
        return True  # a web excerpt: 进一步明确了当前和……
    return bool(last) and (last == TRUNCATED or last[-1] not in "。！？!?…”）)》")


def _split_run_in(text: str) -> list[str]:
    """第一，…；第二，…；第三，… in one paragraph → one paragraph per item."""
    first = find_ordinal(text)
    if first is None:
        return [text]
    pieces: list[str] = []
    start, expected = 0, first.index + 1
    for m in re.finditer(r"[。；;！!？?]", text):
        nxt = find_ordinal(text[m.end():m.end() + 40].lstrip())
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
    inline = find_ordinal(rest) if rest else None
    if inline is None or _previews(inline.style, body[t_index + 1:]):
        return body
    return body[:t_index] + [para[: pos + len(sentence)]] + _split_run_in(rest) + body[t_index + 1:]




def _previews(style: str, after: list[str]) -> bool:
    """一是…二是…三是… inside the transition's paragraph only name the points when numbered
    headings (一、 第一， （一）) follow: then they are a preview, and the headings are the points."""
    formal = styles_at(1, 2)  # 一、 第一， （一）
    if style in formal:
        return False
    return any((o := find_ordinal(p)) is not None and o.index == 1 and o.style in formal for p in after)


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
    """A speech's paragraphs in its parts: head, opening/review/problems, transition, directives,
    reminders and closing, each step below taking its part from what is left."""
    speech = Speech(notes=list(notes))
    if TRUNCATED in paragraphs:
        speech.truncated = True
        paragraphs = [p for p in paragraphs if p != TRUNCATED]
    labels: list[tuple[str, str]] = []
    paragraphs = tidy_head(paragraphs)
    paragraphs = start_at_salutation(paragraphs, labels, speech)
    paragraphs, i = read_head(paragraphs, speech, labels)
    body = paragraphs[i:]
    cut = speech.truncated or _ends_mid_sentence(paragraphs)
    t_index = _take_transition(body, speech)
    if t_index is not None and speech.transition:
        body = _split_after_transition(body, t_index, speech.transition)
    end = _take_closing(body, t_index, cut, speech)
    end = _take_reminders(body, t_index, end, speech)
    before = _before_transition(body, t_index, speech)
    before, lead, units = _take_directives(body[(t_index + 1) if t_index is not None else 0:end],
                                           before, t_index, headings, cut, speech)
    if not speech.closing:
        speech.notes.append("没有找到结尾：" + ("来源不完整，讲话在结尾之前中断" if cut else
                                                "最后一段不是号召、祝愿或致谢"))
    speech.directives = units
    _label_parts(speech, before, lead, units, t_index, labels)
    speech.labels = labels
    _check_count(speech, paragraphs, units)
    return speech


def _take_transition(body: list[str], speech: Speech) -> int | None:
    """The transition announces the directives, so it comes before the first of them."""
    first_item = next((j for j, p in enumerate(body) if (o := find_ordinal(p)) and o.index == 1
                       and o.style in styles_at(1, 2)), len(body))
    for j, para in enumerate(body[: first_item + 1]):
        found = find_transition(para) or simple_transition(para)
        if found and words_given(para, found[0]) and not item_one_follows(body, j, found[0]):
            continue  # 现在只能讲两个字：力争。 — the words themselves, not a list of points
        # near the end only when the items follow (a speech cut after its first point)
        if found and (j < max(len(body) * 0.6, 3) or j >= first_item - 1 or item_one_follows(body, j, found[0])):
            j, found = _followed_announcement(body, j, found, first_item)
            speech.transition = {"text": found[0], "count": found[1]}
            return j
    for j in range(min(first_item + 1, len(body))):
        announced = announced_list(body, j)  # 基于三个方面的考虑：一是… / 分享三个故事 … 第一个故事
        if announced:
            speech.transition = {"text": announced[0], "count": announced[1]}
            return j
    return None


def _followed_announcement(body: list[str], j: int, found: tuple[str, int | None],
                           first_item: int) -> tuple[int, tuple[str, int | None]]:
    """Two sentences announcing points, the first orphaned (下面，我讲三个方面的意见。 / 下面，我再讲
    六个方面的意见。 第一，…): the one item 1 follows is the transition the series fits."""
    if item_one_follows(body, j, found[0]):
        return j, found
    k = j + 1  # the next paragraph announces again, and the items follow it
    later = (find_transition(body[k]) or simple_transition(body[k])) if k <= min(first_item, len(body) - 1) else None
    if later and later[1] is not None and item_one_follows(body, k, later[0]):
        return k, later
    return j, found


def _closing_start(body: list[str], t_index: int | None, cut: bool) -> int | None:
    """Where the closing begins, read from the end."""
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
    return closing_at


def _take_closing(body: list[str], t_index: int | None, cut: bool, speech: Speech) -> int:
    """The closing (and reminders glued to it); returns where the body before it ends."""
    closing_at = _closing_start(body, t_index, cut)
    if closing_at is None:
        return len(body)
    speech.closing = body[closing_at:]
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
    return closing_at


def _take_reminders(body: list[str], t_index: int | None, end: int, speech: Speech) -> int:
    """The reminders (会议期间……) before the closing; returns where the directives end."""
    reminders_at = next((j for j in range((t_index or 0) + 1, end) if _REMINDER_START.match(body[j])), None)
    if reminders_at is None:
        return end
    speech.reminders = body[reminders_at:end] + speech.reminders
    if not speech.closing and speech.reminders:
        last = speech.reminders[-1]
        m = re.search(r"(?<=[。！？])同志们[！!，,]", last)
        if m:  # web copies glue the closing onto the reminders
            speech.reminders[-1] = last[: m.start()]
            speech.closing = [last[m.start():]]
    return reminders_at


def _before_transition(body: list[str], t_index: int | None, speech: Speech) -> list[str]:
    """The paragraphs before the transition, with what follows its sentence in its paragraph."""
    if t_index is None:
        return []
    before = body[: t_index]
    transition_para = body[t_index]
    sentence = speech.transition["text"] if speech.transition else ""
    rest = transition_para.replace(sentence, "", 1).strip() if sentence else transition_para
    if rest and not rest.startswith(tuple(NUM)) and rest != transition_para:
        before.append(rest)
    return before


def _take_directives(region: list[str], before: list[str], t_index: int | None, headings: frozenset[str],
                     cut: bool, speech: Speech) -> tuple[list[str], list[str], list[Unit]]:
    """The directives between the transition and the reminders: (before, lead, units)."""
    count = (speech.transition or {}).get("count")
    lead, units = build_units(region, announced=t_index is not None, count=count, cut=cut)
    measure = measure_of(speech.transition["text"]) if speech.transition else None
    if measure:  # 讲三句话 … 我想说的第二句话，… : ordinals after a lead-in
        spoken = lead_in_units(region, measure, count)
        if len(spoken[1]) > len(units) and (len(spoken[1]) >= 2 or cut):
            lead, units = spoken
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
    return before, lead, units


def _label_parts(speech: Speech, before: list[str], lead: list[str], units: list[Unit], t_index: int | None,
                 labels: list[tuple[str, str]]) -> None:
    """Opening / review / problems among the paragraphs before the transition; labels in order."""
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


def _check_count(speech: Speech, paragraphs: list[str], units: list[Unit]) -> None:
    """Is the speech whole, and does the transition's count match the directives found?"""
    count = (speech.transition or {}).get("count")
    if not speech.truncated and _ends_mid_sentence(paragraphs):
        speech.truncated = True
        speech.notes.append("讲话在句子中间结束，来源可能不完整")
    # fewer than half the points announced, closing or not: an abridged copy (the page skips them)
    if not speech.truncated and count and units and len(units) < count and (
            not speech.closing or 2 * len(units) < count):
        speech.truncated = True
        speech.truncation_inferred = True
        speech.notes.append(f"过渡句说{count}点，只找到{len(units)}点" + ("，且没有结尾" if not speech.closing
                                                                         else "") + "：来源可能不完整")
    if count is not None and units:
        if speech.truncated:
            if count != len(units):
                speech.notes.append(f"过渡句说{count}点，找到{len(units)}点；讲话不完整，无法核对")
        elif count != len(units):
            speech.notes.append(f"过渡句说{count}点，实际找到{len(units)}点，请核对")


def _label_unit(unit: Unit, labels: list[tuple[str, str]], depth: int = 1) -> None:
    labels.append((f"directive:{depth}", unit.ordinal + unit.heading))
    for para in unit.body:
        labels.append((f"directive:{depth}:body", para))
    for child in unit.children:
        _label_unit(child, labels, depth + 1)
