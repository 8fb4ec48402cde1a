"""Plain text: the speech as a writer pastes it, paragraphs indented two full-width spaces."""

from __future__ import annotations

from ..document import HEAD_KINDS, BlockKind, Document

INDENT = "\u3000\u3000"


def export(document: Document) -> str:
    lines: list[str] = []
    previous: BlockKind | None = None
    for block in document.blocks:
        if block.kind in HEAD_KINDS:
            lines.append(block.text)
        elif block.kind == BlockKind.SALUTATION:
            if previous in HEAD_KINDS:
                lines.append("")
            lines.append(block.text)
        else:
            lines.append(INDENT + block.plain)
        previous = block.kind
    return "\n".join(lines) + "\n"
