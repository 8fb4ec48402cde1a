"""A meeting host's script (主持词): its agenda items are not directives, its closing is the wrap-up.

A host announces the agenda (or, in a script titled 主持词, the stages and award items) (一、请某某同志讲话 / 下面，请某局长宣读……) and ends the meeting with a
wrap-up of their own (会议的主要议程就进行到这里……). Segmenting takes the agenda for numbered
directives and the last paragraph (often the list of those attending, where a copy stops) for a
closing; this pass, run on a segmented speech, sets both right.
"""

from __future__ import annotations

import re

from .model import Speech, Unit
from .segment import closing_signalled

_HOST_TITLE = re.compile(r"主持词|主持稿|主持辞|主持人(?:讲话|发言|串词)")
# an agenda item: the host asks someone to speak, read out or report
_AGENDA = re.compile(r"^(?:下面|首先|接下来|现在|最后)?[，,]?\s*请[^。；;]{0,40}?"
                     r"(?:讲话|发言|致辞|宣读|通报|汇报|介绍|作|颁奖|领奖|表态|上台)|^请\S{0,12}$")
_WRAP_UP = re.compile(r"^[^。]{0,8}?(?:会议的?(?:主要|各项)?议程(?:就|已经?|已)?(?:全部)?(?:进行|开|完成)(?:到这里|完毕)"
                      r"|(?:今天的|这次|本次)?会议(?:就)?(?:开到这里|到此结束|就到这里))")
# a host's own last words: a speech's closing signals, or 散会
_ADJOURNED = "散会"


def is_host_script(speech: Speech) -> bool:
    """A host's script by its title, or by an agenda of two items or more."""
    agenda = sum(1 for u in speech.directives if _AGENDA.match(u.heading))
    return _titled(speech) or agenda >= 2


def reread_host_script(speech: Speech) -> None:
    """Agenda items out of the directives, the host's wrap-up (or nothing) as the closing."""
    if not is_host_script(speech):
        return
    # a script titled as one holds only the running order (stages, award items): no directives
    titled = _titled(speech)
    agenda = [u for u in speech.directives if titled or _AGENDA.match(u.heading)]
    agenda_texts = {text for u in agenda for text in _texts(u)}
    speech.directives = [u for u in speech.directives if u not in agenda]
    wrap_at = next((k for k, (_, text) in enumerate(speech.labels) if _WRAP_UP.match(text)), None)
    relabelled: list[tuple[str, str]] = []
    for k, (part, text) in enumerate(speech.labels):
        if wrap_at is not None and k >= wrap_at:
            part = "closing"
        elif (text in agenda_texts and part.startswith("directive")) or part == "closing":
            part = "other"
        relabelled.append((part, text))
    if wrap_at is not None:
        speech.closing = [text for _, text in speech.labels[wrap_at:]]
        for unit in speech.directives:
            unit.body = [p for p in unit.body if p not in speech.closing]
        speech.notes = [n for n in speech.notes if not n.startswith("没有找到结尾")]
    elif speech.closing and not (closing_signalled(speech.closing[0]) or _ADJOURNED in speech.closing[0]):
        speech.closing = []
        speech.notes.append("没有找到结尾：主持词的结尾是主持人的总结（会议议程进行到这里……），来源中没有")
    speech.labels = relabelled
    if agenda:
        speech.notes.append(f"这是主持词：{len(agenda)}项会议议程（请……）不是分条意见")


def _titled(speech: Speech) -> bool:
    """Its title, or a short line before the salutation (the title when a stage label took its
    place: 某某主持词 / 一、开场 / 尊敬的…), names a host's script."""
    heads = [speech.title or ""]
    for part, text in speech.labels:
        if part == "salutation":
            break
        heads.append(text if len(text) <= 40 else "")
    return any(_HOST_TITLE.search(h) for h in heads)


def _texts(unit: Unit) -> list[str]:
    return [unit.ordinal + unit.heading, *unit.body, *(t for c in unit.children for t in _texts(c))]
