"""Lint rules D125–D129, part of the fit checks (fit.py runs them): what a speech says against
its date (D125 occasions, D126 outdated tasks), its figures (D127 declines, D129 同比 said two
ways) and its template frames (D128 repeated words)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..lazyre import compiled
from ..occasions import fits_together, occasion_words, parse_date
from ..unit import resolve_unit

if TYPE_CHECKING:
    from ..loader import LoadedOutline
    from ..render import RenderResult
    from .registry import Context, Finding, Paragraph

# --- walking an outline's own text -------------------------------------------------------------

_SKIP_KEYS = {"template", "lint", "unit", "numbering", "points_style", "style", "date",
              "target_length", "numbered"}


def outline_texts(data: object, path: str = "") -> Iterator[tuple[str, str]]:
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
    from ..loader import split_path

    pos = loaded.positions.of_value(split_path(path))
    return (pos[0], pos[1]) if pos else (None, None)


# --- D125 / D126: the date -----------------------------------------------------------------------

_DATE_LINE = compiled(r"^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$")
_OCCASION_SAID = compiled(r"((?:元旦|春节|国庆|中秋|端午|清明|五一|劳动节|汛期|主汛期)+)"
                            r"(?:即将来临|将至|来临之际|临近|前夕|就要到了)")
# COVID-era tasks; animal epidemics (动物防疫, 动物疫情防控) are a current task and not matched.
COVID = compiled(r"(?<!动物)(?<!疫病)(?:疫情防控|防疫)|核酸检测|核酸筛查|新冠|健康码|行程码|"
                   r"外防输入|内防反弹")


def check_occasion(word_text: str, date: dt.date) -> list[str]:
    """Why the occasions in ``word_text`` do not fit ``date`` (empty when they do)."""
    return [f.why for f in fits_together(occasion_words(word_text), date)
            if f is not None and not f.fits]


def draft_date(paras: list[Paragraph]) -> dt.date | None:
    for para in paras[:6]:
        if _DATE_LINE.match(para.text.strip()):
            return parse_date(para.text.strip().strip("（()）"))
    return None


def check_dates(paras: list[Paragraph], ctx: Context, date: dt.date | None) -> None:
    # Without a date line, the latest year the draft names tells its time (an archived
    # 2021 speech may speak of 疫情防控).
    years = [int(y) for p in paras for y in re.findall(r"(20\d\d)年", p.text)]
    current = date.year if date is not None else max(years, default=None)
    for para in paras:
        if date is not None:
            for m in _OCCASION_SAID.finditer(para.text):
                why = check_occasion(m.group(1), date)
                if why:
                    ctx.add("D125", para, f"讲话日期是{date.year}年{date.month}月{date.day}日，"
                                          f"“{m.group(0)}”不合时宜：{'；'.join(why)}",
                            column=m.start() + 1, fix="改成讲话时临近的节日或时段，或删去")
        if current is None or current > 2023:
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
_DECLINE = compiled(r"(下降|减少|降低|回落|下滑|负增长|-\d)")


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
_PIECES = compiled(r"[^，。；：、！？“”‘’《》（）\s]{2,}")


def _user_cover(text: str, pieces: list[str]) -> list[bool]:
    covered = [False] * len(text)
    for piece in pieces:
        start = text.find(piece)
        while start >= 0:
            for j in range(start, start + len(piece)):
                covered[j] = True
            start = text.find(piece, start + len(piece))
    return covered


# Every dictionary word of a seam tag that is not a stop word, by its first two characters (built
# from jieba's dictionary, the one rjieba carries, by build_seam_words()). A tagged word of two
# characters or more is a dictionary word, so D128 can only report one of these: where none
# stands on both sides, the tagger (a 350,000-word dictionary, ~0.1 s to load) is not needed.
SEAM_WORDS = Path(__file__).resolve().parent.parent / "data" / "seam_words.txt"


@cache
def _seam_table() -> bytes:
    return b"\n" + SEAM_WORDS.read_bytes()


def _seam_words(bigram: str) -> list[str]:
    """The seam words that start with ``bigram``: one line of the table, found without
    decoding the other 80,000 words."""
    table = _seam_table()
    key = f"\n{bigram}\t".encode()
    at = table.find(key)
    if at < 0:
        return []
    rest = table[at + len(key):table.find(b"\n", at + 1)].decode("utf-8")
    return [bigram + tail for tail in rest.split(" ")]


def _sides_share_a_seam_word(text: str, covered: list[bool], ends: list[int]) -> bool:
    """Whether a seam word stands whole in the writer's text and whole in the frame, in the same
    or adjacent sentences: the words D128 could report (a necessary condition, not sufficient)."""
    bigrams: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})  # frame, writer
    for start in range(len(text) - 1):
        if covered[start] == covered[start + 1]:
            bigrams[covered[start]].setdefault(text[start:start + 2], []).append(start)
    found: tuple[dict[str, set[int]], dict[str, set[int]]] = ({}, {})
    for bigram in bigrams[False].keys() & bigrams[True].keys():
        words = _seam_words(bigram)
        for side in (False, True):
            for start in bigrams[side][bigram]:
                for word in words:
                    stop = start + len(word)
                    if text.startswith(word, start) and all(c == side for c in covered[start:stop]):
                        sentence = next(k for k, end in enumerate(ends) if start < end)  # a word: in one
                        found[side].setdefault(word, set()).add(sentence)
    return any(abs(a - b) <= 1 for word in found[False].keys() & found[True].keys()
               for a in found[False][word] for b in found[True][word])


def check_frame_repeats(result: RenderResult, loaded: LoadedOutline, ctx: Context) -> None:
    """A frame and the writer's text next to it (same or adjacent sentence) use the same
    verb, adverb or adjective: 迅速掀起热潮。让我们迅速行动起来."""
    from ..textnorm import normalize_zh
    from .registry import Paragraph

    pieces = sorted({p for _, t in outline_texts(loaded.data) for p in _PIECES.findall(normalize_zh(t))},
                    key=len, reverse=True)
    unit_words = set(resolve_unit(loaded.data).values())
    for i, block in enumerate(result.document.blocks, 1):
        text = block.plain
        covered = _user_cover(text, pieces)
        if not any(covered) or all(covered):
            continue
        ends = [m.end() for m in re.finditer(r"[^。！？]+[。！？]?", text)]
        if not _sides_share_a_seam_word(text, covered, ends):
            continue
        from ..corpus.tokenizer import default_tokenizer

        tagger = default_tokenizer()
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


def without_repeats(findings: list[Finding]) -> list[Finding]:
    """One finding per outdated phrase: where the 提法 rule (D131) names a COVID-era phrase,
    D126 says nothing more about the same line."""
    named = {(f.file, f.line, f.where) for f in findings if f.code == "D131"}
    return [f for f in findings if f.code != "D126" or (f.file, f.line, f.where) not in named]


def build_seam_words() -> str:
    """seam_words.txt: every word of jieba's dictionary (the one rjieba carries) whose tag is a
    seam tag, two characters or longer, and not a stop word; one line per first two characters,
    then the rest of each word ("一丁<Tab> 不识": 一丁 and 一丁不识), sorted."""
    import jieba

    rows = [line.split(" ") for line in Path(jieba.__file__).with_name("dict.txt").read_text(
        encoding="utf-8").splitlines()]
    by_start: dict[str, list[str]] = {}
    for word in sorted({r[0] for r in rows if len(r) == 3 and len(r[0]) >= 2 and r[2] in _SEAM_TAGS
                        and r[0] not in _STOP}):
        by_start.setdefault(word[:2], []).append(word)
    return "".join(f"{start}\t{' '.join(w[2:] for w in words)}\n" for start, words in sorted(by_start.items()))


if __name__ == "__main__":
    SEAM_WORDS.write_text(build_seam_words(), encoding="utf-8")
    print(f"wrote {SEAM_WORDS}")
