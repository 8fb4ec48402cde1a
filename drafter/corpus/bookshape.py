"""The shape a phrasebank must have before `drafter phrases` reads it.

A phrasebank is a file from outside (written by `drafter mine --phrasebank`, perhaps edited
or replaced since), so it is checked like any input: one Chinese message naming the first
place where it is not what a phrasebank looks like.
"""

from __future__ import annotations

from typing import Any

from ..errors import CorpusError


def check_phrasebank(book: Any, name: str) -> dict[str, Any]:
    def bad(where: str, what: str) -> CorpusError:
        return CorpusError(f"短语库的结构不对：{where} 应为{what}", file=name,
                           hint="短语库应由 drafter mine --phrasebank 生成")

    if not isinstance(book, dict):
        raise bad("最外层", "映射（{…}）")
    parts = book.get("parts")
    if not isinstance(parts, dict):
        raise bad("parts", "映射（部分 → 句式列表）")
    for part, frames in parts.items():
        if not isinstance(frames, list):
            raise bad(f"parts.{part}", "列表")
        for i, frame in enumerate(frames):
            where = f"parts.{part}[{i}]"
            if not isinstance(frame, dict):
                raise bad(where, "映射")
            if not isinstance(frame.get("text", frame.get("frame")), str):
                raise bad(f"{where}.text", "文字")
            count = frame.get("count")
            if count is not None and (not isinstance(count, int) or isinstance(count, bool)):
                raise bad(f"{where}.count", "整数")
            key = "sources" if "sources" in frame else "examples"
            sources = frame.get(key) or []
            if not isinstance(sources, list):
                raise bad(f"{where}.{key}", "列表")
            for j, source in enumerate(sources):
                if not isinstance(source, dict) or not all(
                        isinstance(source.get(k, ""), str) for k in ("file", "source", "text")) or \
                        not isinstance(source.get("line"), (int, type(None))):
                    raise bad(f"{where}.{key}[{j}]", "含出处（file/source）和原句（text）文字的映射")
    if not isinstance(book.get("directives", []), list):
        raise bad("directives", "列表")
    return book
