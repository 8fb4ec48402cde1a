"""提法 check (D130–D132): fixed wording, wording bound to the speech's date, and counted
formulations whose listed items must match.

The rules are data (drafter/data/tifa.yaml, plus the writer's own tifa.yaml in the config
folder or --tifa FILE), read by tifa_rules.py; this module finds them in a speech.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..lazyre import compiled
from ..textnorm import is_hanzi
from .tifa_rules import SHIPPED as SHIPPED
from .tifa_rules import Entry, Rules, load_rules
from .tifa_rules import user_tifa_file as user_tifa_file

if TYPE_CHECKING:
    from .registry import Context, Finding, Paragraph, Run

_QUOTES = "“”‘’\"'「」『』 \u3000"
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_DATE_LINE = compiled(r"^[（(]?\s*((?:19|20)\d\d|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*"
                        r"[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
                        r"[^。！？!?，,；;]{0,20}?[)）]?$")
_YEAR_IN_TEXT = compiled(r"((?:19|20)\d\d)年")
_END = "。；;！？!?"


# --- the date of a speech ----------------------------------------------------------------------

def year_of(value: object) -> int | None:
    if isinstance(value, datetime.date):
        return value.year
    if isinstance(value, str):
        m = re.match(r"\s*((?:19|20)\d\d)", value)
        return int(m.group(1)) if m else None
    return None


def draft_year(paras: list[Paragraph]) -> int | None:
    """The date line under a speech's title (or at its end): 2026年1月8日, （二〇二六年一月八日）,
    （2026年1月8日在全市工作会议上）."""
    for para in [*paras[:12], *paras[-5:]]:
        m = _DATE_LINE.match(para.text.strip())
        if m:
            digits = m.group(1)
            return int(digits) if digits.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in digits))
    return None


# --- matching ----------------------------------------------------------------------------------

def _clean(text: str) -> tuple[str, list[int]]:
    """The text without quotation marks and spaces, and where each kept character stood."""
    kept = [(c, i) for i, c in enumerate(text) if c not in _QUOTES]
    return "".join(c for c, _ in kept), [i for _, i in kept]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in _END) + 1
    rights = [p for p in (text.find(c, end) for c in _END) if p != -1]
    return left, (min(rights) + 1 if rights else len(text))


class Hit(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~0.5 ms to create at every start
    code: str
    column: int  # 0-based in the original text
    snippet: str
    message: str
    fix: str


def find_in_text(text: str, rules: Rules, year: int) -> list[Hit]:
    """Hits in text order; an outdated item inside a wrongly listed formulation is told once,
    by the list's finding (D132), which also says what to write instead."""
    hits = sorted(_find(text, rules, year), key=lambda h: h.column)
    listed = [_sentence_bounds(text, h.column, h.column + 1) for h in hits if h.code == "D132"]
    return [h for h in hits if h.code != "D131" or not any(a <= h.column < b for a, b in listed)]


def _find(text: str, rules: Rules, year: int) -> Iterator[Hit]:
    clean, where = _clean(text)
    for entry in rules.entries:
        if entry.items:
            if entry.name in clean and entry.valid_in(year):
                yield from _counted(clean, where, entry)
            continue
        if entry.timed and not entry.outdated_in(year):
            continue  # still current in this speech's year
        if not entry.may_match(clean):
            continue
        assert entry.regex is not None
        for m in entry.regex.finditer(clean):
            if entry.timed and not _timed_applies(clean, m, entry, rules):
                continue
            right = m.expand(entry.right) if "\\" in entry.right else entry.right
            note = f"（{entry.note}）" if entry.note else ""
            if entry.timed:
                when = f"{entry.since}年起" if entry.since else f"{entry.until}年以后"
                message = f"“{m.group(0)}”{when}已不适用（讲话日期：{year}年）{note}"
                yield Hit("D131", where[m.start()], m.group(0), message, f"{right}（依据：{entry.source}）")
            else:
                message = f"“{m.group(0)}”写法不规范{note}"
                yield Hit("D130", where[m.start()], m.group(0), message, f"改为“{right}”（依据：{entry.source}）")


def _timed_applies(clean: str, m: re.Match[str], entry: Entry, rules: Rules) -> bool:
    left, right = _sentence_bounds(clean, m.start(), m.end())
    sentence = clean[left:right]
    if entry.always:
        return True
    if rules.review.search(sentence) or (entry.unless and entry.unless.search(sentence)):
        return False  # a review of the past may name what was then current
    limit = entry.since if entry.since is not None else (entry.until or 0) + 1
    if any(int(y) < limit for y in _YEAR_IN_TEXT.findall(sentence)):
        return False  # 2020年，我们…: the sentence is about a year the wording was current in
    return entry.current is None or bool(entry.current.search(sentence))


_INTRO = compiled(r"(?:[^，,。；;、（(：:]{0,8}?(?:[（(]|[，,]?(?:即|就是|也就是|是指|指的是|包括|分别是)[：:]?|[：:]))")
_SPLIT = compiled(r"[、，,；;]|以及|和|与|及|同")
_FILLER = ("必须坚持", "牢固树立", "统筹推进", "协调推进", "深入贯彻", "坚决维护", "毫不动摇", "增强", "坚定",
           "做到", "坚持", "树立", "推进", "贯彻", "倡导", "务必", "维护", "确立", "即", "就是", "包括",
           "是", "要", "把", "的", "等", "和", "与", "及")


@cache
def _stems(entry: Entry) -> list[tuple[str, ...]]:
    """Each item's forms, plus the form without the suffix/prefix all items share
    (政治意识 → 政治 for 政治、大局、核心、看齐意识; 摘帽不摘责任 → 责任)."""
    firsts = [f[0] for f in entry.items]
    suffix = _common(firsts, reverse=True)
    prefix = _common(firsts, reverse=False)
    out = []
    for forms in entry.items:
        extra = []
        for f in forms:
            core = f[len(prefix):] if prefix and f.startswith(prefix) else f
            core = core[: len(core) - len(suffix)] if suffix and core.endswith(suffix) else core
            if core != f and len(core) >= 2:
                extra.append(core)
        out.append(tuple(forms) + tuple(extra))
    return out


def _common(words: list[str], *, reverse: bool) -> str:
    seqs = [w[::-1] if reverse else w for w in words]
    n = 0
    while all(len(s) > n + 1 for s in seqs) and len({s[n] for s in seqs}) == 1:
        n += 1
    common = seqs[0][:n]
    return common[::-1] if reverse else common


def _counted(clean: str, where: list[int], entry: Entry) -> Iterator[Hit]:
    stems = _stems(entry)
    n = len(entry.items)
    for m in re.finditer(re.escape(entry.name), clean):
        lists = []  # (items found, items needed to take it for this formulation's list, segment, found)
        # a list after the formulation: 四个自信（道路自信、…）, 四个意识，即…, 两个维护：…
        intro = _INTRO.match(clean, m.end())
        if intro:
            start = intro.end()
            stop_chars = "）)" if intro.group(0)[-1:] in "（(" else _END
            stops = [p for p in (clean.find(c, start) for c in stop_chars) if p != -1]
            segment = clean[start: min(stops) if stops else len(clean)]
            found = _locate(segment, stems)
            if found and not re.match(r"等", segment[found[-1][2]:]):  # 等: a partial list on purpose
                lists.append((len(found), max(1, n // 2), segment, [(-1, 0, 0), *found]))
        # a list just before it: 统筹推进经济建设、…、生态文明建设“五位一体”总体布局; all items but
        # one must be there (形式主义、官僚主义等“四风” names two of four on purpose)
        left = max(clean.rfind(c, 0, m.start()) for c in _END) + 1
        segment = clean[left:m.start()]
        found = _locate(segment, stems)
        gap = segment[found[-1][2]:] if found else ""
        if found and len(gap) <= 6 and not re.search(r"[，,：:（(）)]|等|和|及|与", gap):
            lists.append((len(found), max(1, n - 1), segment, found))
        lists = [item for item in lists if item[0] >= item[1]]
        if not lists:
            continue
        _, _, segment, found = max(lists, key=lambda item: item[0])
        missing = [entry.items[i][0] for i in range(n) if i not in {j for j, _, _ in found}]
        extras = _extras(segment, found, entry) if entry.extras else []
        if not missing and not extras:
            continue
        parts = []
        if missing:
            parts.append(f"缺“{'、'.join(missing)}”")
        if extras:
            parts.append(f"多出或写错“{'、'.join(extras)}”")
        yield Hit("D132", where[m.start()], entry.name,
                  f"“{entry.name}”所列内容与规范表述不符：{'，'.join(parts)}",
                  f"写作：{entry.right}（依据：{entry.source}）")


def _locate(segment: str, stems: list[tuple[str, ...]]) -> list[tuple[int, int, int]]:
    """(item index, start, end) of each item found in the segment, in text order."""
    found = []
    taken: list[tuple[int, int]] = []
    for index, forms in enumerate(stems):
        for form in forms:  # full forms first, then the shorter cores
            pos = -1
            for mm in re.finditer(re.escape(form), segment):
                if not any(a < mm.end() and mm.start() < b for a, b in taken):
                    pos = mm.start()
                    break
            if pos != -1:
                found.append((index, pos, pos + len(form)))
                taken.append((pos, pos + len(form)))
                break
    return sorted(found, key=lambda t: t[1])


def _extras(segment: str, found: list[tuple[int, int, int]], entry: Entry) -> list[str]:
    """Pieces of the list between its first and last recognised item (and any more joined on
    with 、 after the last) that are none of the items."""
    start, end = found[0][1], found[-1][2]  # a list after its name starts with the segment
    tail = re.match(r"(?:(?:、|和|及|以及|与)[^、，,。；;）)]*)*", segment[end:])
    end += tail.end() if tail else 0
    span = list(segment[start:end])
    for _, a, b in found:
        for k in range(a - start, b - start):
            span[k] = "、"
    extras = []
    for piece in _SPLIT.split("".join(span)):
        stripped = piece
        changed = True
        while changed and stripped:
            changed = False
            for word in (*entry.prefixes, *_FILLER):
                if stripped.startswith(word):
                    stripped, changed = stripped[len(word):], True
                if stripped.endswith(word):
                    stripped, changed = stripped[: -len(word)], True
        if sum(map(is_hanzi, stripped)) >= 2 and \
                not any(stripped in form for forms in entry.items for form in forms):
            extras.append(piece)
    return extras


# --- entry points for lint -------------------------------------------------------------------

def check_paragraphs(paras: list[Paragraph], ctx: Context, rules: Rules, year: int) -> None:
    for para in paras:
        for hit in find_in_text(para.text, rules, year):
            ctx.add(hit.code, para, hit.message, column=hit.column + 1, fix=hit.fix)


def check_file(path: Path, run: Run) -> list[Finding]:  # D130–D132
    if path.suffix.lower() in (".yaml", ".yml"):
        return lint_outline(path, run.ignore, run.tifa, run.shared)
    return lint_draft(path, run.ignore, run.tifa)


def today_year() -> int:
    return datetime.date.today().year


def lint_draft(path: Path, ignore: set[str], extra: Iterable[str] = ()) -> list[Finding]:
    from .read import read_paragraphs
    from .registry import Context

    ctx = Context(str(path), ignore)
    paras = read_paragraphs(path)
    year = draft_year(paras)
    rules = load_rules(extra)
    check_paragraphs(paras, ctx, rules, year or today_year())
    if year is None:
        ctx.findings[:] = [_undated(f, "未找到日期行") for f in ctx.findings]
    return ctx.findings


def _undated(finding: Finding, why: str) -> Finding:
    if finding.code != "D131":
        return finding
    return finding._replace(message=finding.message.replace("（讲话日期：", f"（{why}，按今年计：", 1))


def outline_strings(data: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text the writer wrote in an outline, with its outline path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("template", "numbering", "lint", "date", "target_length"):
                yield from outline_strings(value, (*path, str(key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from outline_strings(value, (*path, i))


def lint_outline(path: Path, ignore: set[str], extra: Iterable[str] = (),
                 shared: dict[str, object] | None = None) -> list[Finding]:
    """The writer's own texts are checked where they stand in the YAML; the rendered speech
    is checked too, for the template's wording, without repeating what the outline showed."""
    from ..loader import format_path
    from .registry import Context, Paragraph
    from .run import rendered_outline

    loaded, result = rendered_outline(path, shared)
    data = loaded.data
    settings: dict[str, Any] = data["lint"] if isinstance(data.get("lint"), dict) else {}
    ctx = Context(str(path), ignore | set(settings.get("ignore") or []))
    rules = load_rules(extra)
    dated = year_of(data.get("date"))
    year = dated or today_year()
    try:
        source_lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        source_lines = []
    texts = []
    for key, text in outline_strings(data):
        texts.append(text)
        pos = loaded.positions.of_value(key)
        line = pos[0] if pos else None
        # where the text starts on its YAML line (a plain or quoted scalar on one line)
        starts_at = source_lines[line - 1].find(text[:8]) if line and line <= len(source_lines) else -1
        for hit in find_in_text(text, rules, year):
            column = None
            if starts_at != -1:
                column = starts_at + hit.column + 1
            ctx.add(hit.code, None, hit.message, line=line, column=column, where=format_path(key), fix=hit.fix)
    for i, block in enumerate(result.document.blocks, 1):
        para = Paragraph(block.plain, None, f"讲话稿第{i}段")
        for hit in find_in_text(block.plain, rules, year):
            if any(hit.snippet in t for t in texts):
                continue  # already reported at its line in the outline
            ctx.add(hit.code, para, hit.message + "（模板中的文字）", column=hit.column + 1, fix=hit.fix)
    return ctx.findings if dated else [_undated(f, "大纲没有写 date") for f in ctx.findings]
