"""Where a finding is reported, and in which order (used by drafter/lint/run.py).

- Findings are listed by file, line and column; findings without a line (paragraphs of a
  .docx, or of an outline's rendered draft) follow, in paragraph order.
- When an outline is linted, the draft rendered from it is checked too. A finding there is
  moved to the outline line whose text it came from, and an open field (〔待补：…〕) is
  reported once, at its own line, not again in the draft.
- A fix suggestion is cut from the corrected paragraph, so it never repeats the fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..lazyre import compiled
from ..textnorm import normalize_zh

if TYPE_CHECKING:
    from ..loader import LoadedOutline
    from ..loader_yaml import PathKey
    from .registry import Finding

_NUMBER = compiled(r"第(\d+)段")
_MARKER = compiled(r"〔待补[^〕]*〕")


def order_key(finding: Finding) -> tuple[str, bool, int, int, int, str]:
    paragraph = _NUMBER.search(finding.where or "")
    return (finding.file, finding.line is None, finding.line or 0,
            int(paragraph.group(1)) if paragraph else 0, finding.column or 0, finding.code)


def corrected_excerpt(text: str, start: int, end: int, around: int = 6) -> str:
    """The stretch of `text` around [start, end), taken from the corrected paragraph."""
    corrected = normalize_zh(text)
    # Where the stretch begins in the corrected text: normalising never lengthens text, so
    # the corrected prefix's length is the offset (close enough for a few characters' margin).
    offset = len(normalize_zh(text[:start])) if start else 0
    return corrected[max(0, offset - around): offset + (end - start) + around]


def _strings(value: object, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def place_in_outline(findings: list[Finding], paragraphs: dict[str, str], loaded: LoadedOutline,
                     ) -> list[Finding]:
    """Findings on the rendered draft of an outline, moved to the outline's own lines.

    `paragraphs` maps a rendered paragraph's label (讲话稿第N段) to its text."""
    from ..loader import format_path

    strings = list(_strings(loaded.data))
    placed = []
    for finding in findings:
        text = paragraphs.get(finding.where or "")
        if text is None or finding.line is not None:
            placed.append(finding)
            continue
        if finding.code == "D101" and finding.column and _MARKER.match(text, finding.column - 1):
            continue  # an open field: already reported at its own outline line
        start = (finding.column or 1) - 1
        snippet = re.split(r"[，。；：、！？]", text[start:start + 12])[0] or text[start:start + 4]
        found = next(((path, value) for path, value in strings if snippet and snippet in value), None)
        if found is None:
            placed.append(finding)
            continue
        path, value = found
        position = loaded.positions.of_value(path)
        if position is None:
            placed.append(finding)
            continue
        line, column = position
        placed.append(finding._replace(line=line, column=column + value.index(snippet),
                              where=format_path(path)))
    return placed
