"""Mine files: bytes → cleaned text → speeches, one result per input file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import CorpusError
from .clean import clean_text
from .hostscript import reread_host_script
from .layout import fullwidth_to_ascii, lay_out
from .model import Speech
from .news import is_event_report, is_reportage, own_words
from .paragraphs import normalise_paragraphs, restore_paragraphs, split_speeches
from .readers import read_document
from .segment import segment

if TYPE_CHECKING:
    from ..jsontypes import JSON


@dataclass
class FileResult:
    source: str
    encoding: str | None = None
    speeches: list[Speech] = field(default_factory=list)
    skipped: str | None = None  # why nothing could be read
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> JSON:
        data: JSON = {"source": self.source, "encoding": self.encoding,
                                "speeches": [s.to_json() for s in self.speeches]}
        if self.skipped:
            data["skipped"] = self.skipped
        if self.notes:
            data["notes"] = list(self.notes)
        return data


def mine_text(text: str, source: str, encoding: str = "UTF-8", *, title: str | None = None,
              markdown: bool = False, wrapped: bool = False,
              headings: frozenset[str] = frozenset()) -> FileResult:
    result = FileResult(source=source, encoding=encoding)
    text = lay_out(text, wrapped=wrapped)
    if title and not text.lstrip()[:40].startswith(title[:12]):
        text = title + "\n" + text  # the page's h1 or the Word title: the speech's title line
    cleaned = clean_text(text, markdown=markdown)
    paragraphs = normalise_paragraphs(restore_paragraphs(fullwidth_to_ascii(cleaned.text)))
    if not paragraphs:
        result.notes.append("没有可用的正文")
        return result
    for group in split_speeches(paragraphs):
        if is_reportage(group) or is_event_report(group):
            result.notes.append("这是一篇新闻报道（第三人称转述），不是讲话稿，已跳过")
            continue
        speech = segment(group, cleaned.notes, _normalised(headings))
        reread_host_script(speech)
        if not _speaks(speech, group):
            result.notes.append("不像讲话稿（没有称呼、过渡句或分条意见，也不是对听众讲话的口吻），已跳过")
            continue
        result.speeches.append(speech)
    if not result.speeches and not result.notes:
        result.notes.append("没有找到讲话稿")
    return result


# 在…会议上的讲话 / …开学典礼致辞 / …的发言: the title of a speech, not of a report about one
_SPEECH_TITLE = re.compile(r"(?:上|会|式|礼|的)(?:讲话|致辞|发言|讲话稿|致辞稿|发言稿|动员讲话|总结讲话|"
                           r"讲话提纲|发言提纲|讲话要点|发言要点)$")  # the speaker's own notes to speak from


def _speaks(speech: Speech, paragraphs: list[str]) -> bool:
    """A speech addresses an audience: a salutation, an announced list of points, numbered
    directives, or at least a few hundred characters in the first person plural."""
    if speech.salutation or speech.transition or speech.directives:
        return True
    if speech.title and _SPEECH_TITLE.search(speech.title):
        return True  # its own title calls it a speech (a news report was set aside before)
    text = "".join(own_words(p) for p in paragraphs)  # not the words a report quotes others saying
    address = sum(text.count(w) for w in ("我们", "同志们", "大家", "咱们"))
    return len(text) >= 300 and address >= 3


def mine_bytes(data: bytes, source: str) -> FileResult:
    try:
        document = read_document(data, source)
    except CorpusError as exc:
        return FileResult(source=source, skipped=str(exc.problems[0].message))
    return mine_text(document.text, source, document.label, title=document.title,
                     markdown=document.markdown, wrapped=document.wrapped, headings=document.headings)


def _normalised(headings: frozenset[str]) -> frozenset[str]:
    """Heading lines as the paragraphs read after cleaning."""
    if not headings:
        return headings
    return frozenset(p for h in headings for p in normalise_paragraphs([fullwidth_to_ascii(h.strip())]))
