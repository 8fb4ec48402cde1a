"""Lint rules D120–D129: does the speech fit its unit, its date, its counts and its frames?

Registered in drafter/lint/registry.py (one check, `check`); D120–D124 are here, D125–D129 in
fit_content.py, with the walk over an outline's own text. Outline checks read the
outline's own text (with paths) and the speech it renders to; draft checks read paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..lazyre import compiled
from ..occasions import parse_date
from ..unit import SCOPE_LEVEL, level_of_name, resolve_unit, scope_words
from .fit_content import (
    COVID,
    _where,
    check_achievements,
    check_comparisons,
    check_dates,
    check_frame_repeats,
    check_occasion,
    draft_date,
)
from .fit_content import outline_texts as outline_texts

if TYPE_CHECKING:
    from ..loader import LoadedOutline
    from ..render import RenderResult
    from .registry import Context, Paragraph, Speech

MAX_DIRECTIVES = 7

# --- D120: scope words of another level --------------------------------------------------------

_SCOPE = compiled("|".join(sorted((w for w in SCOPE_LEVEL if w not in ("全局", "全系统", "全行业")),
                                    key=len, reverse=True)))
# 居全省第3位, 高于全市平均水平: naming a higher level's ranking is not speaking for it.
_RANKING_AFTER = compiled(r"^(?:[^，。；]{0,6}?)(?:第|前列|前\d|排名|排位|首位|之首|位次|平均|领先|考核|通报|表彰|先进|示范)")
_RANKING_BEFORE = compiled(r"(?:居|列|排|占|高于|低于|超过|比|在全[^，。；]{0,3}考核中)$")
_RANK = {"省": 4, "市": 3, "县": 2, "区": 2, "乡镇": 1, "街道": 1}
# A scope word used as the speaker's own (全市上下, 全市人民, 全市各级各部门): residue when it
# is not this unit's. A higher level named otherwise (服务全省大局) is ordinary.
_AS_OWN = compiled(r"^(?:上下|人民|各级|各部门|各地|广大|干部|群众|党员|范围内|各族|城乡|各族群众|师生|职工)")


def foreign_scopes(text: str, level: str, allowed: set[str]) -> Iterator[re.Match[str]]:
    """Scope words in ``text`` that belong to another level than ``level``."""
    own = scope_words(level)
    for m in _SCOPE.finditer(text):
        word = m.group(0)
        other = SCOPE_LEVEL[word]
        if word in own or word in allowed or other == level:
            continue
        if level not in _RANK and other in _RANK:
            continue  # a county bureau or school speaks of 全县 as its setting
        if _RANKING_AFTER.match(text[m.end():]) or _RANKING_BEFORE.search(text[:m.start()]):
            continue
        lower = level in _RANK and other in _RANK and _RANK[other] <= _RANK[level]
        if lower or _AS_OWN.match(text[m.end():]):
            yield m


def _allowed_names(settings: dict[str, Any], unit: dict[str, str]) -> set[str]:
    names = {str(n) for n in settings.get("names") or [] if n}
    return names | {unit["scope"]}


# --- D124: bundles and the series after them ---------------------------------------------------

_BUNDLE = compiled(r"(?<![\d第])([两二三四五六七八九十]|十[一二三四五六七八九]|\d{1,2})"
                     r"(个方面|条|句话|点|项|个(?=[“\u4e00-\u9fff]))")
_TRANSITION = compiled(r"讲[^，。]{0,4}(?:点意见|个方面|个问题|句话)|再强调[^，。]{0,3}点")


def _number(text: str) -> int | None:
    from ..numbering import cn_to_int

    return cn_to_int(text.replace("两", "二"))


def _series_after(paras: list[Paragraph], k: int, rest: str) -> int | None:
    """How many items the series right after a bundle has: in the rest of its paragraph
    (一是……二是……), or in the paragraphs that follow ((一)…(二)…)."""
    from ..numbering import inline_ordinal

    inline = list(inline_ordinal("。；;：:！？，").finditer(rest))
    if inline and inline[0].start() <= 40 and _number(inline[0].group(1)) == 1:
        word = inline[0].group(2)
        count = 0
        for m in inline:
            if m.group(2) == word and _number(m.group(1)) == count + 1:
                count += 1
        return count
    if re.search(r"[。！？]..", rest) and not rest.rstrip().endswith("："):
        return None  # the bundle's sentence is not the paragraph's last: nothing follows it
    if not re.match(r"^[^，。；：！？]{0,8}[。：！]?\s*$", rest):
        return None  # the bundle is not what its sentence ends on (关键在“五个聚焦”。)
    return _paragraph_series(paras[k + 1:])


def _paragraph_series(paras: list[Paragraph]) -> int | None:
    """How many items the numbered paragraphs starting at paras[0] count ((一)…(二)…)."""
    from ..numbering import find_ordinal, style_rank

    first = find_ordinal(paras[0].text) if paras else None
    if first is None or first.index != 1:
        return None
    rank = style_rank(first.style)
    count = 0
    for para in paras:
        o = find_ordinal(para.text)
        if o is None:
            continue
        if o.style == first.style:
            if o.index != count + 1:
                break
            count += 1
        elif style_rank(o.style) < rank:
            break  # back up to a higher level: the series is over
    return count


def check_bundles(paras: list[Paragraph], ctx: Context) -> None:
    for k, para in enumerate(paras):
        if _TRANSITION.search(para.text):
            continue  # the transition's count is D102's
        for m in _BUNDLE.finditer(para.text):
            n = _number(m.group(1))
            if n is None or n < 2:
                continue
            found = _series_after(paras, k, para.text[m.end():])
            if found is not None and found >= 2 and found != n:
                ctx.add("D124", para, f"“{m.group(0)}”后面列了{found}项",
                        column=m.start() + 1, fix="改正概括的数目，或补齐、删减后面列出的内容")


# --- D122 / D123: series of one, too many directives --------------------------------------------

def check_series(paras: list[Paragraph], ctx: Context) -> None:
    from ..numbering import find_ordinal, styles_at

    items = [(p, find_ordinal(p.text)) for p in paras]
    top_styles = styles_at(1)
    top = [o.index for _, o in items if o is not None and o.style in top_styles]
    if top and max(top) > MAX_DIRECTIVES:
        para = next(p for p, o in items if o is not None and o.style in top_styles
                    and o.index == MAX_DIRECTIVES + 1)
        ctx.add("D123", para, f"主体有{max(top)}点，超过七点，听的人记不住",
                fix="合并相近的几点，控制在三到七点")
    for k, (para, o) in enumerate(items):
        if o is None or o.index != 1 or o.style in ("首先",):
            continue
        follow = [x for _, x in items[k + 1:] if x is not None]
        has_second = False
        for x in follow:
            if x.style == o.style:
                has_second = x.index == 2
                break
            if _rank(x.style) < _rank(o.style):
                break
        inline_second = re.search(rf"(?:^|[。；;：:！？])\s*二{o.style[-1]}", para.text) \
            if o.style in ("一是", "一要") else None
        if not has_second and not inline_second:
            ctx.add("D122", para, f"有“{o.text.strip()}”却没有第二项，一项不成系列",
                    fix="补上第二项，或去掉序号直接说")
    for para in paras:
        for m in re.finditer(r"(?:^|(?<=[。；;：:！？]))\s*一(是|要)(?![求否])", para.text):
            if m.start() == 0 and find_ordinal(para.text) is not None:
                continue  # handled above with the following paragraphs
            if not re.search(rf"二{m.group(1)}", para.text[m.end():]):
                ctx.add("D122", para, f"有“一{m.group(1)}”却没有“二{m.group(1)}”，一项不成系列",
                        column=m.start() + 1, fix="补上第二项，或去掉“一是”直接说")


def _rank(style: str) -> int:
    from ..numbering import style_rank

    return style_rank(style)


# --- entry points ---------------------------------------------------------------------------------

def check(speech: Speech, ctx: Context) -> None:  # D120–D129
    if speech.outline is not None and speech.result is not None:
        lint_outline_fit(speech.outline, speech.result, speech.paras, ctx)
    elif not speech.rendered:
        lint_draft_fit(speech.paras, ctx, speech.own)


def lint_outline_fit(loaded: LoadedOutline, result: RenderResult, paras: list[Paragraph],
                     ctx: Context) -> None:
    data = loaded.data
    settings = data.get("lint") if isinstance(data.get("lint"), dict) else {}
    unit = resolve_unit(data)
    allowed = _allowed_names(settings or {}, unit)
    for path, text in outline_texts(data):
        for m in foreign_scopes(text, unit["level"], allowed):
            line, column = _where(loaded, path)
            who = "" if unit["name"] == unit["self"] else f"（{unit['name']}）"
            ctx.add("D120", None, f"讲话单位是{unit['level']}级{who}，这里却说“{m.group(0)}”",
                    line=line, column=column, where=path,
                    fix=f"改为“{unit['scope']}”；确是指{m.group(0)}的，把它加到 lint.names")
    for warning in result.warnings:
        ctx.add("D121", None, warning.message, line=warning.line, column=warning.column,
                where=warning.path, fix=warning.hint)
    _outline_series(data.get("directives") or [], "directives", loaded, ctx)
    date = parse_date(data.get("date"))
    reminders = data.get("reminders")
    if date is not None and isinstance(reminders, dict) and isinstance(reminders.get("occasion"), str):
        why = check_occasion(reminders["occasion"], date)
        if why:
            line, column = _where(loaded, "reminders.occasion")
            ctx.add("D125", None, f"讲话日期是{date.year}年{date.month}月{date.day}日，"
                                  f"提醒“{reminders['occasion']}”不合时宜：{'；'.join(why)}",
                    line=line, column=column, where="reminders.occasion",
                    fix="改成讲话时临近的节日或时段")
    for path, text in outline_texts(data):
        covid = COVID.search(text) if date is None or date.year > 2023 else None
        if covid:
            line, column = _where(loaded, path)
            ctx.add("D126", None, f"“{covid.group(0)}”是2023年以前的工作提法，现在不再作为当前任务",
                    line=line, column=column, where=path, fix="删去，或改为当前的提法")
    check_achievements(loaded, ctx)
    check_bundles(paras, ctx)
    check_comparisons(paras, ctx)
    if "D128" not in ctx.ignore:
        check_frame_repeats(result, loaded, ctx)


def _outline_series(items: list[Any], path: str, loaded: LoadedOutline, ctx: Context) -> None:
    if path == "directives" and len(items) > MAX_DIRECTIVES:
        line, column = _where(loaded, path)
        ctx.add("D123", None, f"主体有{len(items)}点，超过七点，听的人记不住", line=line, column=column,
                where=path, fix="合并相近的几点，控制在三到七点")
    if len(items) == 1:
        line, column = _where(loaded, f"{path}[0]")
        what = "主体只有一点意见" if path == "directives" else "下一层只有一个要点"
        ctx.add("D122", None, f"{what}，一项不成系列（渲染时不编号）", line=line, column=column,
                where=path, fix="补上第二项，或把它并入上一层的正文")
    for i, item in enumerate(items):
        if isinstance(item, dict):
            _outline_series(item.get("points") or [], f"{path}[{i}].points", loaded, ctx)


def lint_draft_fit(paras: list[Paragraph], ctx: Context, own: set[str]) -> None:
    level, source = None, "--name"
    for name in own:
        level = SCOPE_LEVEL.get(name) or level_of_name(name) or level
    if level is None and paras:
        # the title tells: 在全县……大会上的讲话
        m = _SCOPE.search(paras[0].text) if re.search(r"讲话|致辞|发言|党课", paras[0].text) else None
        level, source = (SCOPE_LEVEL[m.group(0)], f"标题说“{m.group(0)}”") if m else (None, "")
    if level is not None:
        for para in paras[1:] if source != "--name" else paras:
            for m in foreign_scopes(para.text, level, own):
                ctx.add("D120", para, f"讲话单位是{level}级（{source}），这里却说“{m.group(0)}”",
                        column=m.start() + 1, fix="核对范围词；确是指它的，加到 --name")
    check_series(paras, ctx)
    check_bundles(paras, ctx)
    check_dates(paras, ctx, draft_date(paras))
    check_comparisons(paras, ctx)
