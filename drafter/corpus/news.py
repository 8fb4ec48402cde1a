"""News reports, which are not speeches.

``is_reportage`` knows reports by their dateline (本网讯… / 9月9日上午，…) or by many
attributions, counting as address only the page's own words, not those it quotes others saying.
``is_event_report``: a school's or a unit's own news page often has neither: a headline saying
that an event was held, then a paragraph or two narrating who spoke (校长致辞, 出席了大会). With no
salutation and no one addressed, such a page is a report about a speech, not a speech.
"""

from __future__ import annotations

import re

from ..textnorm import SENTENCE_END
from .starts import find_salutation

_REPORTAGE = re.compile(r"(?:说|表示|介绍|指出|强调)[。！]?”?$|”[^“”]{0,30}(?:说|表示)")
_DATELINE = re.compile(r"^(?:本网讯|本报讯|本台讯|本站讯|新华社|近日[，,]|日前[，,]|近期[，,]|前不久[，,]|[^。，]{0,12}讯[（(\s]|"
                       r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚|[上下]午\d+时)?[，,]?)")
_OFFICIAL_SAYS = re.compile(r"(?:书记|镇长|县长|区长|市长|董事长|总经理|主任|局长|校长|院长|部长|厅长|行长|会长|总裁|主席)"
                            r"[^。，]{0,20}?(?:强调|指出|表示|要求|作了|发表了?|主持|讲话|致辞|号召|说)")
# the narrator's words for a meeting and a speech reported (胜利闭幕 / 出席了大会 / 他讲到)
_NARRATION = re.compile(r"(?:胜利|圆满|隆重)(?:闭幕|开幕|召开|举行)|出席了?(?:会议|大会|开幕式|闭幕式|仪式|活动)"
                        r"|[他她](?:讲到|谈到|指出|强调|表示|要求|说|代表)|致(?:开幕词|闭幕词|欢迎词)"
                        # who else attended, closing a report: 市领导某某、某某等参加会议。
                        r"|^[^。，,]{2,40}?(?:等|同志)?(?:参加|出席|列席)了?(?:会议|学习|活动|仪式|座谈会?|调研)。?$")


# someone other than the speaker said it: 委员们在发言中说，… / 来自某镇的代表某某表示：…
# (the clause before the verb names no 我); what follows, to the sentence end, is their words
# (not 对…来说 / 所说 / 常说 / 可以说 / 比如说 / 换句话说: turns of phrase, no one quoted)
_THIRD_SAYS = re.compile(r"(?:^|(?<=[。，,；;！？!?]))[^。，,；;！？!?我]{2,20}?"
                         r"(?:(?<![来所常以如话是该再就么样别])说|表示|谈到)[，,：:]")


# under a dateline, a paragraph opening with who stressed or asked what (某某强调，… / 他要求，…)
_LEAD_SAYS = re.compile(r"[^。，,；;！？!?我]{1,20}?(?:强调|指出|要求)[，,：:]")


def own_words(paragraph: str) -> str:
    """The paragraph without the words it reports others as saying: to the sentence end, or to
    the paragraph end when the paragraph opens with who says it (委员们在发言中说，…。…。)."""
    m = _THIRD_SAYS.match(paragraph)
    if m:
        return ""
    return re.sub(rf"{_THIRD_SAYS.pattern}[^{SENTENCE_END}]*", "", paragraph)


def is_reportage(paragraphs: list[str]) -> bool:
    """A news report quotes officials in the third person and addresses no one: the words it
    reports (委员们说，我们要…) are not the page addressing anyone."""
    attributions = sum(bool(_REPORTAGE.search(p)) for p in paragraphs)
    own = [own_words(p) for p in paragraphs]
    address = sum(p.count("同志们") + p.count("我们要") for p in own)
    first_person = sum(p.count("我讲") + p.count("我代表") for p in own)
    lead = paragraphs[1] if len(paragraphs) > 1 and len(paragraphs[0]) <= 40 and "。" not in paragraphs[0] else ""
    if address == 0 and first_person == 0 and paragraphs and (_DATELINE.match(paragraphs[0]) or _DATELINE.match(lead)):
        # a dated news lead (本网讯1月10日上午，…) that reports officials in the third person
        said = sum(len(_OFFICIAL_SAYS.findall(p)) + len(_NARRATION.findall(p)) + len(_THIRD_SAYS.findall(p))
                   + bool(_LEAD_SAYS.match(p)) for p in paragraphs)
        if said + attributions >= 2 and not any(find_salutation(p) for p in paragraphs[:4]):
            return True
    return attributions >= 3 and address == 0 and first_person == 0

# a headline reporting an event held: 我校举行… / 某某县召开… / …隆重开幕 (not …上的讲话)
_EVENT_HEADLINE = re.compile(r"(?:举行|召开|举办|开展|隆重|开幕|闭幕|落幕|启动)")
_SPEECH_HEADLINE = re.compile(r"(?:讲话|致辞|发言|演讲|主持词|贺词)(?:稿|全文)?$")


def is_event_report(paragraphs: list[str]) -> bool:
    """A headline saying an event was held, then third-person narration of who spoke."""
    if len(paragraphs) < 2:
        return False
    head = paragraphs[0]
    if len(head) > 40 or "。" in head or not _EVENT_HEADLINE.search(head) or _SPEECH_HEADLINE.search(head):
        return False
    if any(find_salutation(p, soft=True) for p in paragraphs[:4]):
        return False
    text = "".join(paragraphs)
    if text.count("同志们") + text.count("我们要") + text.count("我讲") + text.count("我代表"):
        return False
    said = sum(len(_OFFICIAL_SAYS.findall(p)) + len(_NARRATION.findall(p)) + bool(_REPORTAGE.search(p))
               + bool(_LEAD_SAYS.match(p)) for p in paragraphs)
    return said >= 2
