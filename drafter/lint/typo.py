"""错别字 and misused words (D140–D143): what an office proofreads before a draft goes up.

- D140 a usage lexicon (typo_lexicon.py: drafter/data/usage.tsv, plus the writer's own usage.tsv
  in the config home or given with --usage): wrong form, right form, context where it is wrong, a reason;
- D141 的/地/得 by part of speech, only where the tags leave no doubt;
- D142 doubled words (进一步进一步, 的的) and a phrase repeated across a line break;
- D143 measure words (一只队伍), from the same lexicon (category 量词).

Everything runs offline. The tokenizer loads only when a cheap pattern shows a candidate.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..lazyre import compiled
from ..textnorm import HANZI
from .registry import TABLE
from .typo_lexicon import BUILTIN as BUILTIN
from .typo_lexicon import Lexicon, Slip, lexicon
from .typo_lexicon import parse_lexicon as parse_lexicon
from .typo_lexicon import user_usage_file as user_usage_file

if TYPE_CHECKING:
    from ..corpus.tokenizer import Tokenizer
    from .registry import Context, Finding, Paragraph, Speech

CODES = tuple(rule.code for rule in TABLE if "speech:typo.check" in rule.checks)
WORDS = Path(__file__).resolve().parent.parent / "data" / "typo_words.txt"  # built by build_words()
TOP_WORDS = 30000


# --- 的 / 地 / 得 ---------------------------------------------------------------------------

_DEGREE = ("很", "非常", "十分", "特别", "相当", "比较", "更加", "越来越", "不够", "还不够", "不太", "太",
           "极为", "格外", "尤为", "更为", "还很", "很不", "都很", "也很", "还比较", "不是很", "较")
_DEGREE_RE = "|".join(sorted(_DEGREE, key=len, reverse=True))
_COMPLEMENT_HINT = compiled(rf"[的地](?:{_DEGREE_RE})")
_PREPOSITIONS = {"把", "将", "向", "对", "从", "为", "与", "同", "跟", "按照", "依照", "围绕", "朝", "往", "给",
                 "让", "使", "用", "以", "在", "就", "对于", "通过"}
# verbs whose 的-phrase is itself a noun (他说的很对, 你讲的非常好): 的 is right there
_CONTENT_VERBS = {"说", "讲", "写", "想", "谈", "提", "看", "听", "问", "唱", "画", "讲到", "说到", "提到", "谈到",
                  "想到", "看到", "听到", "做到", "干", "吃", "穿", "用", "买", "卖", "有", "是"}
_QUANTITY = {"多", "少", "不多", "不少", "很多", "很少", "较多", "较少", "更多", "更少", "太多", "太少"}
_NOUNISH = ("n", "r", "m", "q", "t", "s", "f")
_CLAUSE_END = compiled(r"^[，。；！？、：…”）)]|^$")
# dummy verbs whose object is a verbal noun: 进行认真的学习 is right
_ADVERBIALS = {"认真", "积极", "主动", "坚决", "切实", "自觉", "努力", "不断", "逐步", "持续", "大力", "稳妥", "有序",
               "稳步", "尽快", "扎实", "牢牢", "紧紧", "始终", "更好", "依法", "创造性", "积极主动", "稳妥有序", "深入细致", "统筹兼顾", "一心一意", "全心全意", "坚定不移",
               "毫不动摇", "旗帜鲜明", "实事求是"}
# the tokenizer loads only for a paragraph where one of these cheap patterns shows a candidate
_ADVERBIAL_HINT = compiled("(?:" + "|".join(sorted(_ADVERBIALS, key=lambda w: (-len(w), w))) +
                             rf"|([{HANZI}])\1([{HANZI}])\2)的")
_NOUN_SUFFIXES = {"感", "性", "力", "度", "率", "化", "者", "式", "型", "品", "群", "区", "点", "面", "线", "员", "家",
                  "业", "量", "权", "观", "制", "法", "费", "机制", "体系"}
_VERBAL = {"了", "着", "过", "好", "到", "起来", "下去", "出", "上"}
_DUMMY = {"进行", "加以", "开展", "给予", "给以", "作", "作出", "做出", "得到", "受到", "经过", "通过", "予以",
          "实行", "经", "作了", "做了", "进行了", "展开"}


def _de_slips(text: str, tagger: Tokenizer) -> list[Slip]:
    words: list[tuple[str, str]] = tagger.tag(text)
    starts = []
    position = 0
    for word, _ in words:
        starts.append(position)
        position += len(word)
    slips: list[Slip] = []
    for i, (word, _tag) in enumerate(words):
        if word not in ("的", "地") or i == 0 or i + 1 >= len(words):
            continue
        nxt = words[i + 1][0]
        shift = 1 if nxt in ("还", "都", "也", "却", "仍", "仍然", "依然") and i + 2 < len(words) else 0
        done, slip = _de_complement(words, i, shift, starts[i])
        if slip is None and not done and word == "的":
            slip = _di_adverbial(words, i, shift, starts[i])
        if slip is not None:
            slips.append(slip)
    return slips


def _de_complement(words: list[tuple[str, str]], i: int, shift: int, start: int) -> tuple[bool, Slip | None]:
    """得 between a verb or adjective and its degree complement: 做得很好，发展得很快。
    Returns (done with this word, the slip found)."""
    word = words[i][0]
    prev, prev_tag = words[i - 1]
    nxt = words[i + 1 + shift][0]
    if not ((nxt in _DEGREE or (nxt.startswith(("很", "非常", "越来越")) and nxt not in _QUANTITY)) and
            prev_tag[:1] in ("v", "a") and prev not in _CONTENT_VERBS and
            not (i >= 2 and words[i - 2][0] in ("所", "我", "你", "他", "她"))):
        return False, None
    rest = words[i + 2 + shift:i + 5 + shift] if nxt in _DEGREE else words[i + 2 + shift:i + 4 + shift]
    tail: list[tuple[str, str]] = []
    for w, t in rest:
        if _CLAUSE_END.match(w):
            break
        tail.append((w, t))
    else:
        if i + 2 + shift + len(rest) < len(words):
            return True, None  # the clause goes on: not a complement we can be sure of
    end_index = i + 2 + shift + len(tail)
    ends_clause = end_index >= len(words) or _CLAUSE_END.match(words[end_index][0])
    head = "".join(w for w, _ in tail)
    if ends_clause and len(tail) <= 2 and (tail or nxt not in _DEGREE) and \
            not any(t.startswith(_NOUNISH) for _, t in tail) and head not in _QUANTITY and \
            nxt not in _QUANTITY:
        return True, Slip("D141", start, start + 1, word, "得", f"“{prev}”后面是补语“{nxt}{head}”，用“得”")
    return False, None


def _di_adverbial(words: list[tuple[str, str]], i: int, shift: int, start: int) -> Slip | None:
    """地 between an adverbial and the verb (or preposition) it modifies: 认真地学习，积极地向…"""
    prev, prev_tag = words[i - 1]
    nxt, nxt_tag = words[i + 1 + shift]
    reduplicated = bool(re.fullmatch(r"(.)\1(.)\2", prev)) or prev_tag == "z"
    adverbial = prev in _ADVERBIALS or reduplicated
    if shift or not adverbial or i + 2 >= len(words) or \
            (i >= 2 and (words[i - 2][0] in _DUMMY or words[i - 2][1].startswith("p"))):
        return None  # 进行认真的学习, 以自觉的担当精神: a noun phrase, 的 is right
    after, after_tag = words[i + 2]
    if after in _NOUN_SUFFIXES:
        return None  # 实实在在的获得感: the verb is the head of a noun
    # a verb with a noun object of two words or more (学习全会精神) is a verb, not a compound noun
    object_follows = after_tag[:1] == "n" and prev in _ADVERBIALS and (len(after) >= 4 or (
        i + 3 < len(words) and words[i + 3][1][:1] in ("n", "v", "d") and words[i + 3][0] != "的"))
    before_preposition = nxt in _PREPOSITIONS and nxt_tag.startswith("p") and not _CLAUSE_END.match(after)
    before_adverb = nxt_tag == "d" and after_tag == "v" and prev in _ADVERBIALS and \
        i + 3 < len(words) and not _CLAUSE_END.match(words[i + 3][0])  # 积极地向上争取
    if before_preposition or before_adverb:
        return Slip("D141", start, start + 1, "的", "地", f"“{prev}”修饰后面的动作，用“地”")
    if nxt_tag == "v" and (after_tag[:1] in ("v", "r", "m") or after in _VERBAL or
                           object_follows or (after_tag[:1] == "n" and (reduplicated or
                                                                      re.search(r"[好到实完成出住牢]$", nxt)))) and \
            after not in ("的", "是"):
        return Slip("D141", start, start + 1, "的", "地", f"“{prev}”修饰动词“{nxt}”，用“地”")
    return None


# --- doubled words -------------------------------------------------------------------------

_DOUBLE = compiled(rf"([的地得是在和与对把将被从为要也都就并及向了])\1|([{HANZI}]{{2,4}})\2")
# ABAB reduplication that is good Chinese (研究研究, 一步一步, 非常非常)
_REDUPLICABLE = {"研究", "讨论", "商量", "考虑", "活动", "休息", "介绍", "交流", "总结", "反思", "琢磨", "检查",
                 "清理", "打扫", "整顿", "学习", "锻炼", "了解", "看看", "比较", "调查", "思考", "议论", "打听",
                 "收拾", "体会", "体验", "高兴", "热闹", "凉快", "暖和", "轻松", "非常", "特别", "谢谢", "欢迎"}


def _needs_bounds(slip: Slip) -> bool:
    return slip.end - slip.start <= 3 and slip.code == "D140"


def _fits_words(slip: Slip, bounds: set[int]) -> bool:
    """A short form needs at least one edge on a word boundary (学习贯彻 holds no 习贯); not both,
    since the slip itself can make the words around it run on (一部份 cuts as 一部/份)."""
    return slip.start in bounds or slip.end in bounds


def tokenizer() -> Tokenizer:
    from ..corpus.tokenizer import light_tokenizer

    return light_tokenizer(WORDS)


def _bounds(text: str) -> set[int]:
    bounds = {0}
    position = 0
    for word in tokenizer().cut(text):
        position += len(word)
        bounds.add(position)
    return bounds


def _double_candidates(text: str) -> list[re.Match[str]]:
    """Doubled words the tags must settle; 一项一项, 研究研究 are good Chinese without them."""
    return [m for m in _DOUBLE.finditer(text)
            if not re.match(r"[一每各]|.一$", m.group(2) or "") and (m.group(2) or "") not in _REDUPLICABLE]


def _double_slips(text: str, tagger: Tokenizer, candidates: list[re.Match[str]]) -> list[Slip]:
    if not candidates:
        return []
    words = tagger.tag(text)
    tags: dict[int, str] = {}
    position = 0
    for word, tag in words:
        tags[position] = tag
        position += len(word)
    bounds = set(tags) | {position}
    slips = []
    for m in candidates:
        unit = m.group(1) or m.group(2)
        start, middle, end = m.start(), m.start() + len(unit), m.end()
        if not (start in bounds and middle in bounds):
            continue
        # verbs and nouns said twice on purpose (联系联系、协调协调；领导领导，首先是领) end a clause
        # or take 地/以/一下; a slip runs straight on into the next word (加快加快构建)
        following = text[end:end + 2]
        tag = tags.get(start, "")[:1]
        if len(unit) > 1 and (tag in ("v", "a", "d") and (not following or re.match(rf"[^{HANZI}]|地|以|一下|了|吧|啊", following)) or
                              tag == "n" and following[:1] in ("，", ",", "、")):
            continue
        slips.append(Slip("D142", middle, end, unit + unit, unit, "相邻两处相同，疑为误输入"))
    return slips


def _line_repeat(previous: str, text: str) -> str | None:
    """The end of one line written again at the start of the next (a slip at a line break)."""
    from ..numbering import find_ordinal

    if not previous or previous[-1] in "。！？：；…”’）)!?;:" or len(previous) < 8 or \
            find_ordinal(previous) is not None or re.search(r"\S[ \u3000]+\S", previous):
        return None  # a heading, or a name line (市长　王某某), is often taken up again below it
    for k in range(min(12, len(previous), len(text)), 1, -1):
        piece = text[:k]
        if previous.endswith(piece) and re.fullmatch(rf"[{HANZI}，、]+", piece) and \
                re.search(rf"[{HANZI}]{{2}}", piece):
            return piece
    return None


# --- entry points --------------------------------------------------------------------------

def check_text(text: str, *, usage: tuple[str, ...] = (), codes: frozenset[str] = frozenset(CODES),
               words: Lexicon | None = None) -> list[Slip]:
    """All slips in one paragraph, ordered by position (``words``: the lexicon of ``usage``, when
    the caller has it at hand)."""
    slips: list[Slip] = []
    if codes & {"D140", "D143"}:
        found = [s for s in (words or lexicon(usage)).scan(text) if s.code in codes]
        bounds = _bounds(text) if any(_needs_bounds(s) for s in found) else set()
        if bounds:
            # a short form must not start and end inside words: 学习贯彻 holds no 习贯, 自己经过 no 己经
            found = [s for s in found if not _needs_bounds(s) or _fits_words(s, bounds)]
        # of overlapping forms, the one that sits on word boundaries wins (学习贯切: 贯切, not 习贯),
        # then the longer one
        found.sort(key=lambda s: (-((s.start in bounds) + (s.end in bounds)), -(s.end - s.start), s.start))
        taken: list[Slip] = []
        for slip in found:
            if all(slip.end <= t.start or slip.start >= t.end for t in taken):
                taken.append(slip)
        slips += taken
    need_de = "D141" in codes and (_COMPLEMENT_HINT.search(text) or _ADVERBIAL_HINT.search(text))
    doubled = _double_candidates(text) if "D142" in codes and _DOUBLE.search(text) else []
    if need_de or doubled:
        tagger = tokenizer()
        if need_de:
            spans = {(s.start, s.end) for s in slips}
            slips += [s for s in _de_slips(text, tagger) if (s.start, s.end) not in spans]
        if doubled:
            slips += _double_slips(text, tagger, doubled)
    return sorted(slips, key=lambda s: (s.start, s.code))


def without_repeats_of(findings: list[Finding], codes: tuple[str, ...]) -> list[Finding]:
    """Drop a D140 finding that another rule (the 提法 list) already makes on the same line with
    the same correction: one slip, one finding."""
    right = compiled(r"改为“([^”]+)”")
    taken = {(f.file, f.line, f.where, m.group(1)) for f in findings
             if f.code in codes and f.fix and (m := right.search(f.fix))}
    return [f for f in findings if not (f.code == "D140" and f.fix and (m := right.search(f.fix)) and
                                        (f.file, f.line, f.where, m.group(1)) in taken)]


def locate(source: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Line and column (1-based) of text[start:end] in an outline's YAML, found by the words around it."""
    for pad in (6, 3, 1, 0):
        snippet = text[max(0, start - pad):end + pad]
        at = source.find(snippet)
        if at >= 0:
            at += min(pad, start)
            line = source.count("\n", 0, at) + 1
            return line, at - (source.rfind("\n", 0, at) + 1) + 1
    return None


def check(speech: Speech, ctx: Context) -> None:  # D140–D143
    check_paragraphs(speech.paras, ctx, rendered=speech.rendered)


def check_paragraphs(paras: list[Paragraph], ctx: Context, *, rendered: bool = False) -> None:
    codes = frozenset(c for c in CODES if c not in ctx.ignore)
    if not codes:
        return
    previous: Paragraph | None = None
    from ..corpus.clean import t2s_converter

    converter = t2s_converter()
    words = lexicon(ctx.usage)  # once: finding the writer's own lexicon asks the file system
    for para in paras:
        text = para.text
        if converter.convert(text) != text:  # type: ignore[attr-defined]
            previous = para
            continue  # traditional characters are D106's; their words cannot be read here
        for slip in check_text(text, usage=ctx.usage, codes=codes, words=words):
            place = locate(ctx.source, text, slip.start, slip.end) if ctx.source else None
            if place:
                ctx.add(slip.code, para, slip.message, line=place[0], column=place[1], fix=slip.fix)
            else:
                ctx.add(slip.code, para, slip.message, column=slip.start + 1, fix=slip.fix)
        if "D142" in codes and not rendered and previous is not None and \
                (para.line is None or previous.line is None or para.line == previous.line + 1):
            piece = _line_repeat(previous.text, para.text)
            if piece:
                ctx.add("D142", para, f"“{piece}”重复：上一行末尾已有“{piece}”，断行处写了两次", column=1,
                        fix=f"删去这一行开头的“{piece}”")
        previous = para


def build_words() -> str:
    """typo_words.txt: the most frequent words of jieba's dictionary with their tags, every word
    with a doubled character, and every word the rules above name, so that the light tokenizer
    cuts and tags them as jieba does."""
    import heapq

    import jieba

    rows = [line.split(" ") for line in Path(jieba.__file__).with_name("dict.txt").read_text(
        encoding="utf-8").splitlines()]
    rows = [r for r in rows if len(r) == 3]
    top = {r[0] for r in heapq.nlargest(TOP_WORDS, rows, key=lambda r: int(r[1]))}
    named = _ADVERBIALS | _PREPOSITIONS | _REDUPLICABLE | _DUMMY | _CONTENT_VERBS | set(_DEGREE) | _QUANTITY
    doubled = compiled(r"(.)\1")  # 的的确确, 实实在在: a doubled character inside a word is no slip
    keep = [r for r in rows if r[0] in top or r[0] in named or doubled.search(r[0])]
    keep.sort(key=lambda r: -int(r[1]))
    return "".join(f"{w} {f} {t}\n" for w, f, t in keep)


if __name__ == "__main__":
    WORDS.write_text(build_words(), encoding="utf-8")
    print(f"wrote {WORDS}")
