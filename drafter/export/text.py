"""Plain text: the speech as a writer pastes it, paragraphs indented two full-width spaces."""

from __future__ import annotations

from ..document import Document

INDENT = "\u3000\u3000"


def export(document: Document) -> str:
    lines: list[str] = []
    previous = ""
    for block in document.blocks:
        if block.kind in ("title", "subtitle", "meta"):
            lines.append(block.text)
        elif block.kind == "salutation":
            if previous in ("title", "subtitle", "meta"):
                lines.append("")
            lines.append(block.text)
        else:
            lines.append(INDENT + block.plain)
        previous = block.kind
    return "\n".join(lines) + "\n"
