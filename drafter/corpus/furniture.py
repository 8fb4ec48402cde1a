"""Page furniture in text copied from a whole web page: set aside wherever it sits.

Menus, breadcrumbs, info and share bars, login boxes, 推荐阅读 lists, pagers and footers are
recognised line by line. A footer ends the page only when no prose follows it; otherwise the
line alone goes (a sidebar or a login box above the speech). Forum anti-copy runs (random
one- and two-character ASCII tokens) are removed from inside lines.
"""

from __future__ import annotations

import re

from ..lazyre import compiled
from .noise import Act, Noise, inline_kinds, kinds, reported, union

_TOC_HEAD = compiled(r"^目\s*录$")
_TOC_LINE = compiled(r"^\d{1,2}[.、．]\s*\S.{0,60}?[.．。…·\s]+\d{1,3}$")
_PROSE = compiled(r"[。！？]")
_ANTICOPY = compiled(r"(?<=\S)[ \t]*[(（]?(?:[ \t]+[!-~]{1,2}){5,}(?=[ \t]|$)")


def _menu(line: str) -> bool:
    """首页 新闻中心 通知公告 …: several short words, no sentence."""
    tokens = re.split(r"[\s|｜/·]+", line.strip())
    return (len(tokens) >= 4 and all(1 <= len(t) <= 6 for t in tokens)
            and not _PROSE.search(line))


def _anticopy(line: str) -> str:
    if len(line) > 5000 or line.count(" ") < 5:
        return line  # forum jammer runs sit in ordinary paragraphs

    def drop(m: re.Match[str]) -> str:
        tokens = m.group(0).split()
        odd = sum(1 for t in tokens if re.search(r"[A-Za-z]", t) and re.search(r"[^A-Za-z]", t)
                  or re.fullmatch(r"[^\w\s]{1,2}", t))
        if odd < 2:
            return m.group(0)
        # a clause mark typed after a space (同志们 : $ |2 R9 …) ends the words before the run
        return tokens[0] if tokens[0] in (":", ",", ";", "!", "?", ".") else ""
    return _ANTICOPY.sub(drop, line)


def set_aside(text: str) -> tuple[str, int]:
    """(text without furniture, number of lines set aside)."""
    lines = text.split("\n")
    last_prose = max((k for k, line in enumerate(lines) if _is_prose(line)), default=-1)
    kept: list[str] = []
    removed = 0
    in_list = in_toc = False
    for i, raw in enumerate(lines):
        line = _anticopy(raw)
        stripped = line.strip(" \t\u3000")
        if not stripped:
            in_list = in_toc = False
            kept.append("")
            continue
        if in_list and len(stripped) <= 40 and not _PROSE.search(stripped[:-1] or stripped) and not (
                _speech_line(stripped) or _opens_speech(lines, i + 1)):
            removed += 1
            continue
        in_list = False
        if in_toc and _TOC_LINE.match(stripped):
            removed += 1
            continue
        in_toc = False
        if _list_head(stripped):
            in_list = True
            removed += 1
            if last_prose <= i:
                break  # the related links end the page
            continue
        if _TOC_HEAD.match(stripped):
            in_toc = True
            removed += 1
            continue
        if (furniture_kind(stripped) or (len(stripped) <= 80 and _menu(stripped))) \
                and not _speech_line(stripped):
            removed += 1
            continue
        kept.append(line)
    return "\n".join(kept), removed


def furniture_kind(line: str) -> Noise | None:
    """The noise kind that makes this line page furniture (by the words in it;
    a speech line is never furniture: see _speech_line)."""
    if not union(Act.LINE).search(line):
        return None
    return next((k for k in kinds(Act.LINE) if len(line) <= k.max_line and k.regex.search(line)), None)


def _list_head(line: str) -> Noise | None:
    """The list-of-links heading (推荐阅读) this line is, if it is one."""
    return next((k for k in kinds(Act.LIST) if len(line) <= k.max_line and k.regex.match(line)), None)


def residue(paragraph: str) -> list[tuple[Noise, int, str]]:
    """The noise a draft's paragraph still holds, as the cleaner would find it: (kind, where,
    text) for every kind that shows wherever it stands, or for the whole paragraph when it is a
    line of page furniture (a breadcrumb, a footer, 推荐阅读)."""
    if reported().search(paragraph):
        return _inline_residue(paragraph)
    line = paragraph.strip(" \t\u3000")
    where = paragraph.find(line)
    kind = _list_head(line) or (furniture_kind(line) if not _speech_line(line) else None)
    return [(kind, where, line)] if kind else []


def _inline_residue(paragraph: str) -> list[tuple[Noise, int, str]]:
    """Each kind's matches, one finding per piece: what lies inside an earlier piece (the
    link in a paywall notice, the code in a tag) is part of it, except after a notice that
    cuts the page, which runs to the end and hides no 上一篇 behind it."""
    spans: list[tuple[int, int, Noise]] = []
    for kind in inline_kinds():
        spans += [(m.start(), -m.end(), kind) for m in kind.regex.finditer(paragraph)]
    found: list[tuple[Noise, int, str]] = []
    covered = -1
    for start, neg_end, kind in sorted(spans, key=lambda s: (s[0], s[1])):
        if start < covered or (found and found[-1][1] == start):
            continue
        found.append((kind, start, paragraph[start:-neg_end]))
        if kind.act is not Act.END:
            covered = -neg_end
    return found


def _speech_line(line: str) -> bool:
    return bool(re.search(r"(?:同志们|同学们|老师们|朋友们|各位)[^。]{0,30}[:：]", line)) or len(
        _PROSE.findall(line)) >= 2


def _opens_speech(lines: list[str], start: int) -> bool:
    """The next non-blank line is a salutation or prose: the line before it is the speech's
    title, not one more related link."""
    nxt = next((line.strip() for line in lines[start:] if line.strip()), "")
    return bool(re.match(r"^(?:[^，。：:]{0,30}(?:们|各位[^，。]{0,8}|尊敬的[^。]{0,20}))[：:]", nxt)) or (
        len(nxt) >= 60 and bool(_PROSE.search(nxt)))


def _is_prose(line: str) -> bool:
    return len(line.strip()) >= 60 and bool(_PROSE.search(line))


def last_prose_end(text: str) -> int:
    """Where the last line of prose ends: a footer after it ends the page."""
    end = 0
    position = 0
    for line in text.split("\n"):
        position += len(line) + 1
        if _is_prose(line):
            end = position
    return end


def ends_page(text: str, position: int, last_prose: int | None = None) -> bool:
    """A footer marker at ``position`` ends the page when no prose follows its line."""
    if last_prose is None:
        last_prose = last_prose_end(text)
    return position >= last_prose or text.rfind("\n", 0, last_prose - 1) < position
