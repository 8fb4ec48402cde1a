"""Lint rules D120–D129: does the speech fit its unit, its date, its counts and its frames?

Registered in lint.py (rule rows and one call per entry point). Outline checks read the
outline's own text (with paths) and the speech it renders to; draft checks read paragraphs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .occasions import fit, occasion_words, parse_date
from .unit import SCOPE_LEVEL, level_of_name, resolve_unit, scope_words

if TYPE_CHECKING:
    from .lint import Context, Paragraph
    from .loader import LoadedOutline
    from .render import RenderResult

RULE_ROWS = [
    ("D120", "warning", "范围词与讲话单位的层级不符"),
    ("D121", "warning", "大纲里手写了序号"),
    ("D122", "warning", "只有一项，不成系列"),
    ("D123", "warning", "意见超过七条"),
    ("D124", "error", "概括的数目与后面列出的条数不符"),
    ("D125", "warning", "提醒的时节与讲话日期不符"),
    ("D126", "warning", "过时的提法（疫情防控等）"),
    ("D127", "warning", "成绩里列了下降的指标"),
    ("D128", "warning", "模板套话与相邻的内容用词重复"),
    ("D129", "info", "增幅的比较说法不统一"),
]

MAX_DIRECTIVES = 7

# --- walking an outline's own text -------------------------------------------------------------

_SKIP_KEYS = {"template", "lint", "unit", "numbering", "points_style", "style", "date",
              "target_length", "numbered"}


def outline_texts(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(outline path, text) for every string the writer wrote."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _SKIP_KEYS:
                continue
            yield from outline_texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from outline_texts(value, f"{path}[{i}]")
    elif isinstance(data, str):
        yield path, data
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        yield path, str(data)


def _where(loaded: LoadedOutline, path: str) -> tuple[int | None, int | None]:
    from .loader import split_path

    pos = loaded.positions.of_value(split_path(path))
    return (pos[0], pos[1]) if pos else (None, None)


# --- D120: scope words of another level --------------------------------------------------------

_SCOPE = re.compile("|".join(sorted((w for w in SCOPE_LEVEL if w not in ("全局", "全系统", "全行业")),
                                    key=len, reverse=True)))
# 居全省第3位, 高于全市平均水平: naming a higher level's ranking is not speaking for it.
_RANKING_AFTER = re.compile(r"^(?:[^，。；]{0,6}?)(?:第|前列|前\d|排名|排位|首位|之首|位次|平均|领先|考核|通报|表彰|先进|示范)")
_RANKING_BEFORE = re.compile(r"(?:居|列|排|占|高于|低于|超过|比|在全[^，。；]{0,3}考核中)$")
_RANK = {"省": 4, "市": 3, "县": 2, "区": 2, "乡镇": 1, "街道": 1}
# A scope word used as the speaker's own (全市上下, 全市人民, 全市各级各部门): residue when it
# is not this unit's. A higher level named otherwise (服务全省大局) is ordinary.
_AS_OWN = re.compile(r"^(?:上下|人民|各级|各部门|各地|广大|干部|群众|党员|范围内|各族|城乡|各族群众|师生|职工)")


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

_BUNDLE = re.compile(r"(?<![\d第])([两二三四五六七八九十]|十[一二三四五六七八九]|\d{1,2})"
                     r"(个方面|条|句话|点|项|个(?=[“\u4e00-\u9fff]))")
_INLINE = re.compile(r"(?:^|(?<=[。；;：:！？，]))\s*([一二三四五六七八九十]+)(是|要)(?![求否])")
_TRANSITION = re.compile(r"讲[^，。]{0,4}(?:点意见|个方面|个问题|句话)|再强调[^，。]{0,3}点")


def _number(text: str) -> int | None:
    from .corpus.segment import cn_to_int

    return cn_to_int(text.replace("两", "二"))


def _series_after(paras: list[Paragraph], k: int, rest: str) -> int | None:
    """How many items the series right after a bundle has: in the rest of its paragraph
    (一是……二是……), or in the paragraphs that follow ((一)…(二)…)."""
    from .corpus.segment import STYLE_RANK, find_ordinal

    inline = list(_INLINE.finditer(rest))
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
    if k + 1 >= len(paras):
        return None
    first = find_ordinal(paras[k + 1].text)
    if first is None or first.index != 1:
        return None
    rank = STYLE_RANK.index(first.style)
    count = 0
    for para in paras[k + 1:]:
        o = find_ordinal(para.text)
        if o is None:
            continue
        if o.style == first.style:
            if o.index != count + 1:
                break
            count += 1
        elif STYLE_RANK.index(o.style) < rank:
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
    from .corpus.segment import find_ordinal

    items = [(p, find_ordinal(p.text)) for p in paras]
    top = [o.index for _, o in items if o is not None and o.style in ("一、", "第一，")]
    if top and max(top) > MAX_DIRECTIVES:
        para = next(p for p, o in items if o is not None and o.style in ("一、", "第一，")
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
    from .corpus.segment import STYLE_RANK

    return STYLE_RANK.index(style)


# --- D125 / D126: the date -----------------------------------------------------------------------

_DATE_LINE = re.compile(r"^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$")
_OCCASION_SAID = re.compile(r"((?:元旦|春节|国庆|中秋|端午|清明|五一|劳动节|汛期|主汛期)+)"
                            r"(?:即将来临|将至|来临之际|临近|前夕|就要到了)")
COVID = re.compile(r"疫情防控|防疫|核酸检测|核酸筛查|新冠|健康码|行程码|动态清零|外防输入|内防反弹|"
                   r"疫情处置|疫苗接种|常态化防控")


def check_occasion(word_text: str, date: dt.date) -> list[str]:
    """Why the occasions in ``word_text`` do not fit ``date`` (empty when they do)."""
    out = []
    for word in occasion_words(word_text):
        result = fit(word, date)
        if result is not None and not result.fits:
            out.append(result.why)
    return out


def draft_date(paras: list[Paragraph]) -> dt.date | None:
    for para in paras[:6]:
        m = _DATE_LINE.match(para.text.strip())
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def check_dates(paras: list[Paragraph], ctx: Context, date: dt.date | None) -> None:
    for para in paras:
        if date is not None:
            for m in _OCCASION_SAID.finditer(para.text):
                why = check_occasion(m.group(1), date)
                if why:
                    ctx.add("D125", para, f"讲话日期是{date.year}年{date.month}月{date.day}日，"
                                          f"“{m.group(0)}”不合时宜：{'；'.join(why)}",
                            column=m.start() + 1, fix="改成讲话时临近的节日或时段，或删去")
        if date is None or date.year > 2023:
            for m in COVID.finditer(para.text):
                ctx.add("D126", para, f"“{m.group(0)}”是2023年以前的工作提法，现在不再作为当前任务",
                        column=m.start() + 1, fix="删去，或改为当前的公共卫生、安全工作提法")
                break


# --- D127: declines among achievements ------------------------------------------------------------

# Indicators where going down is the achievement.
DOWN_IS_GOOD = ("事故", "死亡", "伤亡", "火灾", "能耗", "排放", "污染", "浓度", "发案", "案件",
                "刑事", "信访", "投诉", "债务", "负债", "亏损", "不良", "欠薪", "拖欠", "失业",
                "成本", "用时", "时间", "时限", "天数", "环节", "材料", "水耗", "碳", "受灾",
                "损失", "发病", "库存", "隐患", "违法", "超标", "返贫", "空置", "年龄", "发生率",
                "辍学", "近视", "流失", "贫困", "逾期", "差错", "积案", "拥堵")
_DECLINE = re.compile(r"(下降|减少|降低|回落|下滑|负增长|-\d)")


def decline(indicator: str, change: str) -> bool:
    return bool(_DECLINE.search(change)) and not any(w in indicator for w in DOWN_IS_GOOD)


def check_achievements(loaded: LoadedOutline, ctx: Context) -> None:
    review = loaded.data.get("review")
    if not isinstance(review, dict):
        return
    for i, item in enumerate(review.get("achievements") or []):
        path = f"review.achievements[{i}]"
        if isinstance(item, dict):
            growth = item.get("growth")
            change = f"{growth:g}" if isinstance(growth, (int, float)) else str(growth or "")
            indicator = str(item.get("indicator") or "")
        elif isinstance(item, str):
            m = _DECLINE.search(item)
            if not m:
                continue
            indicator, change = item[max(0, m.start() - 14):m.start()], m.group(0)
        else:
            continue
        if decline(indicator, change):
            line, column = _where(loaded, path)
            ctx.add("D127", None, f"成绩里的“{indicator}”是下降的，作为成绩说不通", line=line,
                    column=column, where=path,
                    fix="移到问题部分，或换一个能说明成绩的指标；下降是好事的指标（如事故、能耗）不受影响")


# --- D128: a frame and the writer's text repeat a word ---------------------------------------------

_STOP = {"存在", "不足", "决定", "解决", "总结", "研究", "我们", "大家", "同志们", "同志", "这次", "这个", "这些", "一些", "一个", "各项", "进一步",
         "工作", "会议", "大会", "今天", "刚才", "当前", "主要", "各级", "部门", "以及", "我们的",
         "全面", "坚持", "推动", "加强", "发展", "问题", "任务", "要求", "情况", "方面", "已经",
         "就是", "一定", "不断", "更加", "切实", "认真", "重要", "全力", "努力", "高质量"}


# Words whose repetition a listener hears as a seam: verbs, adverbs, adjectives, idioms.
# Topic nouns (论坛, 安全, 培训班) are expected in frame and text alike.
_SEAM_TAGS = {"v", "d", "a", "ad", "i", "l"}
_PIECES = re.compile(r"[^，。；：、！？“”‘’《》（）\s]{2,}")


def _user_cover(text: str, pieces: list[str]) -> list[bool]:
    covered = [False] * len(text)
    for piece in pieces:
        start = text.find(piece)
        while start >= 0:
            for j in range(start, start + len(piece)):
                covered[j] = True
            start = text.find(piece, start + len(piece))
    return covered


def check_frame_repeats(result: RenderResult, loaded: LoadedOutline, ctx: Context) -> None:
    """A frame and the writer's text next to it (same or adjacent sentence) use the same
    verb, adverb or adjective: 迅速掀起热潮。让我们迅速行动起来."""
    from .corpus.tokenizer import default_tokenizer
    from .lint import Paragraph
    from .textnorm import normalize_zh

    pieces = sorted({p for _, t in outline_texts(loaded.data) for p in _PIECES.findall(normalize_zh(t))},
                    key=len, reverse=True)
    unit_words = set(resolve_unit(loaded.data).values())
    tagger = default_tokenizer()
    for i, block in enumerate(result.document.blocks, 1):
        text = block.plain
        covered = _user_cover(text, pieces)
        if not any(covered) or all(covered):
            continue
        ends = [m.end() for m in re.finditer(r"[^。！？]+[。！？]?", text)]
        tokens = []  # (word, tag, start, sentence, is user text); mixed tokens are left out
        position = 0
        for word, tag in tagger.tag(text):
            start, position = position, position + len(word)
            marks = covered[start:position]
            if len(word) >= 2 and (all(marks) or not any(marks)):
                sentence = next(k for k, end in enumerate(ends) if start < end)
                tokens.append((word, tag, start, sentence, all(marks)))
        reported: set[str] = set()
        for word, tag, start, n, is_user in tokens:
            if tag not in _SEAM_TAGS or word in _STOP or word in unit_words or word in reported:
                continue
            # the same word on the other side, or a phrase it opens (迅速 / 迅速行动), not a
            # name it is part of (组织 / 组织部)
            if any(u != is_user and abs(m - n) <= 1 and (w == word or (
                    w.startswith(word) and t in _SEAM_TAGS | {"nz"})) for w, t, _, m, u in tokens):
                reported.add(word)
                ctx.add("D128", Paragraph(text, None, f"讲话稿第{i}段"),
                        f"模板的套话和大纲里的话在相邻两句里都用了“{word}”",
                        column=start + 1, fix="改写大纲里的这句，换一个说法")


# --- D129: 同比 said two ways ---------------------------------------------------------------------

def check_comparisons(paras: list[Paragraph], ctx: Context) -> None:
    first: dict[str, Paragraph] = {}
    for para in paras:
        for m in re.finditer(r"(同比|比上年|较上年|比去年|较去年)(?=增长|下降|提高|减少|增加|回落)", para.text):
            kind = "同比" if m.group(1) == "同比" else "比上年"
            first.setdefault(kind, para)
            other = "比上年" if kind == "同比" else "同比"
            if other in first and first[other] is not para:
                ctx.add("D129", para, f"增幅前面既写“同比”又写“{m.group(1) if kind != '同比' else '比上年'}”",
                        column=m.start() + 1, fix="全篇统一用一种说法")
                return


# --- entry points ---------------------------------------------------------------------------------

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
    level = None
    for name in own:
        level = SCOPE_LEVEL.get(name) or level_of_name(name) or level
    if level is not None:
        for para in paras:
            for m in foreign_scopes(para.text, level, own):
                ctx.add("D120", para, f"讲话单位是{level}级（--name），这里却说“{m.group(0)}”",
                        column=m.start() + 1, fix="核对范围词；确是指它的，加到 --name")
    check_series(paras, ctx)
    check_bundles(paras, ctx)
    check_dates(paras, ctx, draft_date(paras))
    check_comparisons(paras, ctx)
