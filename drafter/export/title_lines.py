"""Breaking a long title into lines the way GB/T 9704 asks: words kept whole (the tokenizer
finds them; quoted names and numbers stay together), arranged as a 梯形 (each line no longer
than the one below) or a 菱形 (the middle line longest, the top no longer than the bottom).

Only the .docx exporter imports this module, so the render path never loads the tokenizer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

# A line never starts with these: they lean on the word before (……大会 / 上的讲话).
_LEANS_BACK = set("的上之和与及、，。：；”’）》")
# A line never ends with these: they open what follows.
_LEANS_FORWARD = set("“‘（《")
_PAIRS = {"“": "”", "《": "》", "（": "）", "‘": "’"}


def width(text: str) -> float:
    """Width in Chinese characters: ASCII letters and digits take half."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def _units(title: str, cut: Callable[[str], list[str]]) -> list[str]:
    """Tokens that may not be split: words, with quoted and bracketed spans and digit runs merged."""
    units: list[str] = []
    closing: str | None = None
    for token in cut(title):
        if closing is not None:
            units[-1] += token
            if closing in token:
                closing = None
            continue
        opener = next((c for c in token if c in _PAIRS), None)
        if units and (token[0].isdigit() and units[-1][-1:].isdigit()):
            units[-1] += token
        else:
            units.append(token)
        if opener is not None and _PAIRS[opener] not in token[token.index(opener):]:
            closing = _PAIRS[opener]
    return units


def _shape_ok(widths: Sequence[float]) -> bool:
    if all(a <= b for a, b in zip(widths, widths[1:], strict=False)):
        return True  # 梯形: each line no longer than the next
    if len(widths) >= 3:
        top = widths.index(max(widths))
        rising = all(a <= b for a, b in zip(widths[:top + 1], widths[1:top + 1], strict=False))
        falling = all(a >= b for a, b in zip(widths[top:], widths[top + 1:], strict=False))
        return rising and falling and widths[0] <= widths[-1]  # 菱形
    return False


def break_title(title: str, capacity: float, cut: Callable[[str], list[str]] | None = None) -> list[str]:
    """The title's lines, each at most `capacity` characters wide."""
    if width(title) <= capacity:
        return [title]
    if cut is None:
        from ..corpus.tokenizer import default_tokenizer

        cut = default_tokenizer().cut
    units = _units(title, cut)
    if "".join(units) != title:  # a tokenizer that drops or changes characters: go by character
        units = list(title)
    best: tuple[float, list[str]] | None = None
    least = int(-(-width(title) // capacity))
    for count in range(least, least + 2):
        for cuts in combinations(range(1, len(units)), count - 1):
            bounds = [0, *cuts, len(units)]
            lines = ["".join(units[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            widths = [width(line) for line in lines]
            if max(widths) > capacity or not _shape_ok(widths):
                continue
            if any(line[0] in _LEANS_BACK for line in lines[1:]):
                continue
            if any(line[-1] in _LEANS_FORWARD for line in lines[:-1]):
                continue
            cost = max(widths) - min(widths) + 4 * (count - least)
            cost -= sum(3 for line in lines[1:] if line.startswith("暨"))  # 暨 opens the second name
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None:
            return best[1]
    # No arrangement keeps every word whole (a word longer than a line): split evenly,
    # shorter lines first.
    count = least
    size = -(-len(title) // count)
    lines = [title[max(0, len(title) - size * (count - i)):len(title) - size * (count - i - 1)]
             for i in range(count)]
    return [line for line in lines if line]
