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
            if not isinstance(frame.get("frame"), str):
                raise bad(f"{where}.frame", "文字")
            if not isinstance(frame.get("count"), int) or isinstance(frame.get("count"), bool):
                raise bad(f"{where}.count", "整数")
            examples = frame.get("examples", [])
            if not isinstance(examples, list):
                raise bad(f"{where}.examples", "列表")
            for j, example in enumerate(examples):
                if not (isinstance(example, dict) and isinstance(example.get("text"), str)
                        and isinstance(example.get("source"), str)):
                    raise bad(f"{where}.examples[{j}]", "含 text 和 source 两段文字的映射")
    directives = book.get("directives", [])
    if not isinstance(directives, list):
        raise bad("directives", "列表")
    for i, item in enumerate(directives):
        if not (isinstance(item, dict) and isinstance(item.get("heading"), str)
                and isinstance(item.get("source"), str) and isinstance(item.get("keywords"), list)
                and all(isinstance(k, str) for k in item["keywords"])):
            raise bad(f"directives[{i}]", "含 heading、source、keywords 的映射")
    return book
