"""Markdown: headings by level, run-in headings in bold, user text escaped."""

from __future__ import annotations

import re

from ..document import Block, BlockKind, Document

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _block(block: Block) -> str:
    match block.kind:
        case BlockKind.TITLE:
            return f"# {escape(block.text.replace(chr(10), ''))}"  # a heading is one line
        case BlockKind.HEADING:
            hashes = "#" * min(block.level + 1, 6)
            return f"{hashes} {escape(block.number + block.text)}"
    if block.runin:
        return f"**{escape(block.number + block.runin)}**{escape(block.text)}"
    return escape(block.number + block.text)


def export(document: Document) -> str:
    out: list[str] = []
    meta: list[str] = []
    for block in document.blocks:
        if block.kind in (BlockKind.SUBTITLE, BlockKind.META):
            meta.append(escape(block.text))
            continue
        if meta:
            out.append("  \n".join(meta))  # one paragraph, hard line breaks
            meta = []
        out.append(_block(block))
    if meta:
        out.append("  \n".join(meta))
    return "\n\n".join(out) + "\n"
