"""A news report headed by its headline: 我校举行……大会 / 某某县召开……会议.

``segment.is_reportage`` knows reports by their dateline (本网讯… / 9月9日上午，…) or by many
attributions. A school's or a unit's own news page often has neither: a headline saying that
an event was held, then a paragraph or two narrating who spoke (校长致辞, 出席了大会). With no
salutation and no one addressed, such a page is a report about a speech, not a speech.
"""

from __future__ import annotations

import re

from .segment import _NARRATION, _OFFICIAL_SAYS, _REPORTAGE
from .starts import find_salutation

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
               for p in paragraphs)
    return said >= 2
