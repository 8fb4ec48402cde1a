"""The shape a phrasebank must have before `drafter phrases` reads it.

A phrasebank is a file from outside (written by `drafter mine --phrasebank`, perhaps edited
or replaced since), so it is checked like any input: one Chinese message naming the first
place where it is not what a phrasebank looks like.
"""

from __future__ import annotations

from typing import TypedDict, cast

from ..errors import CorpusError


class MinedSource(TypedDict, total=False):
    """Where a mined frame was seen: file (older books: source), line and the sentence."""

    file: str
    source: str
    line: int | None
    text: str


class MinedFrame(TypedDict, total=False):
    text: str
    frame: str  # older books
    slots: list[str]
    count: int | None
    sources: list[MinedSource]
    examples: list[MinedSource]  # older books


class MinedDirective(TypedDict, total=False):
    heading: str
    source: str
    keywords: list[str]


class Phrasebank(TypedDict, total=False):
    """What `drafter mine --phrasebank` writes and `drafter phrases` reads back."""

    version: int
    speeches: int
    min_count: int
    dropped: dict[str, int]
    parts: dict[str, list[MinedFrame]]  # part key → frames, most used first
    directives: list[MinedDirective]


def _bad(name: str, where: str, what: str) -> CorpusError:
    return CorpusError(f"短语库的结构不对：{where} 应为{what}", file=name,
                       hint="短语库应由 drafter mine --phrasebank 生成")


def check_phrasebank(book: object, name: str) -> Phrasebank:
    """The book itself when it has a phrasebank's shape; else a CorpusError naming where."""
    if not isinstance(book, dict):
        raise _bad(name, "最外层", "映射（{…}）")
    parts = book.get("parts")
    if not isinstance(parts, dict):
        raise _bad(name, "parts", "映射（部分 → 句式列表）")
    for part, frames in parts.items():
        if not isinstance(frames, list):
            raise _bad(name, f"parts.{part}", "列表")
        for i, frame in enumerate(frames):
            _check_frame(frame, f"parts.{part}[{i}]", name)
    if not isinstance(book.get("directives", []), list):
        raise _bad(name, "directives", "列表")
    return cast("Phrasebank", book)  # checked above, as far as a reader relies on it


def _check_frame(frame: object, where: str, name: str) -> None:
    if not isinstance(frame, dict):
        raise _bad(name, where, "映射")
    if not isinstance(frame.get("text", frame.get("frame")), str):
        raise _bad(name, f"{where}.text", "文字")
    count = frame.get("count")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool)):
        raise _bad(name, f"{where}.count", "整数")
    key = "sources" if "sources" in frame else "examples"
    sources = frame.get(key) or []
    if not isinstance(sources, list):
        raise _bad(name, f"{where}.{key}", "列表")
    for j, source in enumerate(sources):
        if not _is_source(source):
            raise _bad(name, f"{where}.{key}[{j}]", "含出处（file/source）和原句（text）文字的映射")


def _is_source(source: object) -> bool:
    return (isinstance(source, dict)
            and all(isinstance(source.get(k, ""), str) for k in ("file", "source", "text"))
            and isinstance(source.get("line"), (int, type(None))))
