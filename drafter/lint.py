"""`drafter lint`: the careful colleague who reads every draft.

Outlines are checked before rendering (open facts, sibling balance, target length, residue of
an old speech) and then as the speech they render to; drafts (.txt, .md, .docx) are read
paragraph by paragraph. Each finding has a stable code, a severity, a place and a fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from . import lint_fit, lint_typo
from .errors import DrafterError
from .lint_fit import RULE_ROWS as FIT_RULES
from .textnorm import hanzi_count, normalize_zh, word_count

CJK = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # error | warning | info
    name: str


RULES = {r.code: r for r in [
    Rule("D101", "error", "占位符未替换"),
    Rule("D102", "error", "过渡句的数目与意见条数不符"),
    Rule("D103", "error", "序号跳号、重复或混用"),
    Rule("D104", "warning", "中文里用了半角标点"),
    Rule("D105", "warning", "引号不规范"),
    Rule("D106", "warning", "残留繁体字"),
    Rule("D107", "error", "残留拼音注音"),
    Rule("D108", "error", "残留乱码"),
    Rule("D109", "warning", "句子重复"),
    Rule("D110", "warning", "并列标题长短或句式不齐"),
    Rule("D111", "info", "段落或句子过长"),
    Rule("D112", "warning", "篇幅与目标字数相差较大"),
    Rule("D113", "warning", "空的部分"),
    Rule("D114", "warning", "疑似旧稿残留"),
    Rule("D115", "warning", "年份写法不规范"),
    Rule("D116", "warning", "汉字之间有多余空格"),
    Rule("D117", "error", "残留网页内容"),
    *(Rule(*row) for row in FIT_RULES),  # D120–D129: drafter/lint_fit.py
    *(Rule(*row) for row in lint_typo.RULE_ROWS),
    Rule("D130", "error", "提法写法不规范"),
    Rule("D131", "warning", "提法与讲话日期不符（已过时）"),
    Rule("D132", "error", "固定提法所列内容不符"),
    Rule("D133", "warning", "查重：与已有材料雷同"),
    Rule("D150", "error", "主持词与讲话稿的会议名称不一致"),
    Rule("D151", "error", "主持词与讲话稿的讲话人不一致"),
    Rule("D152", "error", "主持词概括的方面数与讲话稿的意见条数不符"),
    Rule("D153", "warning", "主持词的概括与讲话稿的意见标题不符"),
]}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    file: str
    line: int | None
    column: int | None
    message: str
    fix: str | None = None
    where: str | None = None  # "第3段" for .docx, an outline path for outlines

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Paragraph:
    text: str
    line: int | None  # 1-based line in the file (None for .docx)
    label: str | None = None  # "第N段" for .docx / rendered outlines


# --- reading drafts --------------------------------------------------------------------------

def read_paragraphs(path: Path) -> list[Paragraph]:
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".md"):  # .docx .doc .wps .html .pdf: through the corpus readers
        from .corpus.lint_read import read_document_paragraphs

        return [Paragraph(text, None, label) for text, label in read_document_paragraphs(path)]
    from .corpus.decode import decode_bytes
    from .errors import CorpusError

    try:
        text, _ = decode_bytes(path.read_bytes(), str(path))
    except CorpusError as exc:
        raise DrafterError(exc.problems[0].message, file=str(path)) from None
    except OSError as exc:
        raise DrafterError(f"无法读取：{exc.strerror or exc}", file=str(path)) from None
    from .corpus.segment import restore_paragraphs

    out: list[Paragraph] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip("\u3000 \t")
        if suffix == ".md":
            stripped = re.sub(r"^#{1,6}\s+|\*\*", "", stripped).replace("\\", "")
        if not stripped:
            continue
        # A web copy that lost its paragraphs keeps them on one line: split it the way the
        # miner does, each piece keeping the line it came from.
        pieces = restore_paragraphs(stripped) if len(stripped) > 600 else [stripped]
        out.extend(Paragraph(piece, number) for piece in pieces or [stripped])
    return out


# --- rules over paragraphs -------------------------------------------------------------------

_PLACEHOLDER = re.compile(rf"〔待补[^〕]*〕|[×Xx]{{2,4}}(?![A-Za-z])|(?<=[{CJK}])[×Xx](?=[{CJK}])|(?<![A-Za-z])[Xx](?=[{CJK}]{{2}})|"
                          rf"\*{{1,3}}(?=[{CJK}\d])|(?<=[{CJK}])\*{{1,3}}|_{{2,}}|(?<=[{CJK}])_(?=[{CJK}])|××|○○")
_HALF_PUNCT = re.compile(rf"(?<=[{CJK}])[,;:?!](?!\d)|[,;:?!](?=[{CJK}])|(?<=[{CJK}])\(|\)(?=[{CJK}])")
_STRAIGHT_QUOTE = re.compile(r"[\"'‚‛„‟〝〞]")
_INFORMAL_YEAR = re.compile(r"(?<![\d.年])([12]\d)年(?![内来间前后以里多代度底初中])")
_STRAY_SPACE = re.compile(rf"(?<=[{CJK}]) +(?=[{CJK}])|(?<=\d) +(?=年)")
_STRAY_WIDE_SPACE = re.compile(rf"(?<=[{CJK}])\u3000+(?=[{CJK}])")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_WEB_RESIDUE = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]*[^<>]{0,80}>|data:image/|&(?:amp;)*nbsp;|当前位置[:：]|上一篇[:：]|下一篇[:：]|"
    r"相关栏目[:：]|推荐访问[:：]|版权所有|下面是小编|省略\d+字|正式会员可完整阅读|未完，全文共|未完,全文共|试读结束|"
    r"如若转载|[(（][^()（）]{0,30}(?:不再详细|此处略|不再赘述)[^()（）]{0,10}[)）]|设臵|https?://\S+")


class Context:
    def __init__(self, file: str, ignore: set[str], usage: tuple[str, ...] = ()) -> None:
        self.file = file
        self.ignore = ignore
        self.usage = usage  # the writer's own usage lexicons (--usage)
        self.source: str | None = None  # an outline's YAML text, to place findings in it
        self.findings: list[Finding] = []

    def add(self, code: str, para: Paragraph | None, message: str, *, column: int | None = None,
            fix: str | None = None, where: str | None = None, line: int | None = None) -> None:
        if code in self.ignore:
            return
        rule = RULES[code]
        self.findings.append(Finding(code, rule.severity, self.file,
                                     line if line is not None else (para.line if para else None),
                                     column, message, fix, where or (para.label if para else None)))


def check_paragraphs(paras: list[Paragraph], ctx: Context, *, rendered: bool = False) -> None:
    from .corpus.clean import _PINYIN

    for para in paras:
        text = para.text
        for m in _PLACEHOLDER.finditer(text):
            ctx.add("D101", para, f"占位符“{m.group(0)}”还没有换成实际内容", column=m.start() + 1,
                    fix="补上真实的数字、名称或内容")
        for m in _WEB_RESIDUE.finditer(text):
            ctx.add("D117", para, f"网页复制留下的内容：“{m.group(0)[:16]}”", column=m.start() + 1,
                    fix="删去网页代码、网站文字、付费提示和编者注；错字照原件改正")
        if not rendered:
            half = list(_HALF_PUNCT.finditer(text))
            if half:
                m = half[0]
                marks = "".join(dict.fromkeys(x.group(0) for x in half))
                ctx.add("D104", para, f"中文里用了 {len(half)} 处半角标点（{marks}）", column=m.start() + 1,
                        fix=f"改为全角，如：{normalize_zh(text[max(0, m.start() - 6): m.end() + 6])}")
            quote = _STRAIGHT_QUOTE.search(text)
            if quote or text.count("“") != text.count("”"):
                ctx.add("D105", para, "引号不规范：半角引号、怪异引号或“”不成对",
                        column=(quote.start() + 1) if quote else None, fix="中文用全角双引号“”，并成对使用")
            # a full-width space is meant in a short name line (市委书记　李明)
            spaces = _STRAY_SPACE if len(text) <= 30 else re.compile(
                f"{_STRAY_SPACE.pattern}|{_STRAY_WIDE_SPACE.pattern}")
            for m in spaces.finditer(text):
                ctx.add("D116", para, "汉字之间有多余的空格（常见于网页复制）", column=m.start() + 1,
                        fix="删去空格")
                break
        pinyin = list(_PINYIN.finditer(text))
        if pinyin:
            examples = "、".join(m.group(0).strip() for m in pinyin[:3])
            ctx.add("D107", para, f"残留 {len(pinyin)} 处拼音注音（{examples}）", column=pinyin[0].start() + 1,
                    fix="删去注音")
        mojibake = _mojibake(text)
        if mojibake:
            ctx.add("D108", para, f"疑似乱码：“{mojibake[:12]}”", column=text.find(mojibake) + 1,
                    fix="对照原件重新录入这一句")
        for m in _INFORMAL_YEAR.finditer(text):
            ctx.add("D115", para, f"年份“{m.group(0)}”只写了两位", column=m.start() + 1,
                    fix=f"写全年份，如“20{m.group(1)}年”")
        if word_count(text) > 600:
            ctx.add("D111", para, f"这一段有 {word_count(text)} 字，念起来太长", fix="拆成两三段")
        for m in _SENTENCE.finditer(text):
            if hanzi_count(m.group(0)) > 150:
                ctx.add("D111", para, f"这一句有 {hanzi_count(m.group(0))} 个字", column=m.start() + 1,
                        fix="拆成几句，便于念和听")
    _traditional(paras, ctx)
    _repeats(paras, ctx)
    lint_typo.check_paragraphs(paras, ctx, rendered=rendered)


def _mojibake(text: str) -> str | None:
    from .corpus.clean import garbled_runs

    runs = garbled_runs(text)
    return runs[0].group(0) if runs else None


def _traditional(paras: list[Paragraph], ctx: Context) -> None:
    if "D106" in ctx.ignore:
        return
    from .corpus.clean import t2s_converter

    converter = t2s_converter()
    for para in paras:
        converted: str = converter.convert(para.text)  # type: ignore[attr-defined]
        if len(converted) != len(para.text):
            continue
        diffs = [(i, a, b) for i, (a, b) in enumerate(zip(para.text, converted, strict=True)) if a != b]
        if diffs:
            i, a, b = diffs[0]
            examples = "、".join(f"{x}→{y}" for _, x, y in diffs[:3])
            ctx.add("D106", para, f"有 {len(diffs)} 个繁体字（{examples}）", column=i + 1,
                    fix="转换为简体字")


def _norm_sentence(text: str) -> str:
    return re.sub(r"[^\w]", "", text)


def _repeats(paras: list[Paragraph], ctx: Context) -> None:
    seen: list[tuple[str, Paragraph]] = []
    for para in paras:
        for m in _SENTENCE.finditer(para.text):
            sentence = _norm_sentence(m.group(0))
            if hanzi_count(sentence) < 10:
                continue
            for earlier, where in seen:
                if abs(len(earlier) - len(sentence)) > len(sentence) // 8:
                    continue
                if earlier == sentence or difflib.SequenceMatcher(None, earlier, sentence).ratio() >= 0.9:
                    first = where.label or f"第{where.line}行"
                    ctx.add("D109", para, f"这句话与{first}的一句{'相同' if earlier == sentence else '几乎相同'}：“{m.group(0)[:20]}…”",
                            column=m.start() + 1, fix="删去或改写其中一句")
                    break
            seen.append((sentence, para))


# --- structure: counts, numbering, parallel headings, empty sections ---------------------------

_HEADING_STYLES = ("一、", "第一，", "（一）", "1.", "（1）")


def check_structure(paras: list[Paragraph], ctx: Context) -> None:
    from .corpus.segment import find_ordinal

    items = [(p, find_ordinal(p.text)) for p in paras]
    last: dict[str, int] = {}
    last_para: dict[str, Paragraph] = {}
    previous_top: tuple[str, int] | None = None
    for para, o in items:
        if o is not None and o.style == "首先":
            last["首先"] = o.index
        if o is None or o.style in ("首先", "一是", "一要"):
            continue  # in-paragraph series are checked by _inline_series
        expected = last.get(o.style, 0) + 1
        if o.index not in (1, expected):
            if expected == 1:
                mixed = "（前面用的是“首先”，“首先”和“第二”不能混用）" if last.get("首先") else ""
                ctx.add("D103", para, f"“{o.text.strip()}”前面没有第一项{mixed}",
                        fix="同一组用同一种序号：首先、其次、最后，或第一、第二、第三")
            else:
                kind = "重复" if o.index < expected else "跳号"
                ctx.add("D103", para, f"序号{kind}：“{o.text.strip()}”前面是第{expected - 1}项",
                        fix="检查序号是否连续，不要手工编号出错")
        if o.style in ("一、", "第一，") and previous_top and previous_top[0] != o.style and \
                o.index == previous_top[1] + 1:
            ctx.add("D103", para, f"同一层序号混用：前面用“{previous_top[0]}”式，这里用“{o.style}”式",
                    fix="同一层只用一种序号")
        if o.style in ("一、", "第一，"):
            previous_top = (o.style, o.index)
        last[o.style] = o.index
        last_para[o.style] = para
    _inline_series(paras, ctx)
    _parallel(items, ctx)
    _empty_sections(items, ctx)
    _counts(paras, ctx)


_INLINE = re.compile(r"(?:^|(?<=[。；;：:！？]))\s*([一二三四五六七八九十]+)(是|要)(?![求否])")


def _inline_series(paras: list[Paragraph], ctx: Context) -> None:
    """一是……二是……三是 inside paragraphs (and across the paragraphs of one list): no number
    twice, none skipped; a list may restart at 一."""
    from .corpus.segment import cn_to_int, find_ordinal

    last = {"是": 0, "要": 0}
    for para in paras:
        o = find_ordinal(para.text)
        if o is not None and o.style in _HEADING_STYLES:
            last = {"是": 0, "要": 0}  # a new heading: lists below it start afresh
        for m in _INLINE.finditer(para.text):
            n, word = cn_to_int(m.group(1)), m.group(2)
            if n is None:
                continue
            if last[word] and n not in (1, last[word] + 1):
                kind = "重复" if n <= last[word] else "跳号"
                ctx.add("D103", para, f"“{m.group(1)}{word}”{kind}：前一项是“{'一二三四五六七八九十'[last[word] - 1] if 0 < last[word] <= 10 else last[word]}{word}”",
                        column=m.start(1) + 1, fix="检查“一是、二是……”的顺序")
            last[word] = n


def _heading_of(para: Paragraph, o: Any) -> str:
    rest = para.text[o.end:]
    return re.split(r"[。！？]", rest, maxsplit=1)[0]


def _parallel(items: list[tuple[Paragraph, Any]], ctx: Context) -> None:
    series: list[list[tuple[Paragraph, str]]] = []
    current: dict[str, list[tuple[Paragraph, str]]] = {}
    for para, o in items:
        if o is None or o.style not in _HEADING_STYLES + ("一要",):
            continue
        if o.index == 1:
            if o.style in current and len(current[o.style]) > 1:
                series.append(current[o.style])
            current[o.style] = []
        current.setdefault(o.style, []).append((para, _heading_of(para, o)))
    series.extend(s for s in current.values() if len(s) > 1)
    for siblings in series:
        for index, problem in unbalanced([h for _, h in siblings]):
            ctx.add("D110", siblings[index][0], problem, fix="调整字数和句式，使几条标题长短相当、结构一致")


def _clauses(heading: str) -> int:
    return len([c for c in re.split(r"[，,；;]", heading) if c.strip()])


def unbalanced(headings: list[str]) -> list[tuple[int, str]]:
    """Parallel headings (排比) share a length (±2 characters, genre practice) and a shape
    (the same number of clauses: 统一思想，提高认识 / 狠抓落实，务求实效)."""
    if len(headings) < 2:
        return []
    lengths = sorted(hanzi_count(h) for h in headings)
    median = lengths[len(lengths) // 2]
    if median > 20:
        return []  # run-in sentences, not parallel headings
    shapes = [_clauses(h) for h in headings]
    usual = max(set(shapes), key=shapes.count)
    problems = []
    for i, heading in enumerate(headings):
        if abs(hanzi_count(heading) - median) > 2:
            problems.append((i, f"并列标题“{heading}”有 {hanzi_count(heading)} 个字，同组多为 {median} 个字"))
        elif shapes[i] != usual and shapes.count(usual) > 1:
            problems.append((i, f"并列标题“{heading}”是 {shapes[i]} 个分句，同组多为 {usual} 个，句式不一"))
    return problems


def _empty_sections(items: list[tuple[Paragraph, Any]], ctx: Context) -> None:
    """A standalone level-1 heading followed at once by its next sibling (or the end)."""
    for k, (para, o) in enumerate(items):
        if o is None or o.style not in ("一、", "第一，"):
            continue
        standalone = not re.search(r"[。！？].", para.text[o.end:])
        nxt = items[k + 1][1] if k + 1 < len(items) else None
        last = k + 1 == len(items)
        if standalone and (last or (nxt is not None and nxt.style == o.style and nxt.index == o.index + 1)):
            ctx.add("D113", para, f"“{para.text[:20]}”下面没有内容", fix="补上这一部分的内容，或删去这个标题")


def _counts(paras: list[Paragraph], ctx: Context) -> None:
    from .corpus.mine import mine_text

    text = "\n".join(p.text for p in paras)
    for speech in mine_text(text, ctx.file).speeches:
        count = (speech.transition or {}).get("count")
        cut_by_source = speech.truncated and not speech.truncation_inferred
        if count is None or not speech.directives or cut_by_source or count == len(speech.directives):
            continue
        sentence = speech.transition["text"]  # type: ignore[index]
        para = next((p for p in paras if sentence[:10] in p.text), None)
        ctx.add("D102", para, f"过渡句说{count}点，后面实际有{len(speech.directives)}点",
                fix="改正过渡句中的数目，或补齐/删减意见")


# --- residue of an old speech ------------------------------------------------------------------

_PLACE = re.compile(rf"[{CJK}]{{2,8}}?(?:开发区|高新区|新区|经开区|自治州|省|市|县|区|镇|乡)")
_GENERIC = re.compile(r"^(全|我|本|各|该|外|城|市|县|区|镇|乡|省|社|小|地|街|片|园|景|城|辖|两|周边|县区|市县|省市|乡镇|市区|县市|城区|全省|全国|"
                      r"市县乡|省市县|各县|各市|各区|各乡镇|先发地区|发达地区|欠发达地区)")


def check_residue(paras: list[Paragraph], ctx: Context, *, own: set[str], year: int | None,
                  meeting: str | None) -> None:
    """Names of places and meetings that are not this speech's own: what a copied speech keeps."""
    if not own and year is None and not meeting:
        return
    reported: set[str] = set()
    tagger = None
    if own:
        from .corpus.tokenizer import default_tokenizer

        tagger = default_tokenizer()
    for para in paras:
        if tagger is not None:
            _tagged_residue(para, tagger, own, reported, ctx)
        if own:
            for m in _PLACE.finditer(para.text):
                name = m.group(0)
                if _GENERIC.match(name) or len(name) < 3 or name in reported or _SCOPE_END.search(name):
                    continue  # 在全县, 动员全县: a scope word, judged by D120
                if any(name in o or o in name or name[:2] == o[:2] for o in own):
                    continue
                reported.add(name)
                ctx.add("D114", para, f"“{name}”不在本讲话声明的地名、单位中，可能是旧稿残留",
                        column=m.start() + 1, fix="核对是否应改为本地名称；是本地的就加到 lint.names")
        if meeting:
            declared = re.search(r"([一二三四五六七八九十]+)届([一二三四五六七八九十]+)次", meeting)
            for m in re.finditer(r"([一二三四五六七八九十]+)届([一二三四五六七八九十]+)次", para.text):
                if declared and m.group(0) != declared.group(0):
                    ctx.add("D114", para, f"“{m.group(0)}”与本次会议（{declared.group(0)}）不符，可能是旧稿残留",
                            column=m.start() + 1, fix=f"改为“{declared.group(0)}”")
        if year:
            for m in re.finditer(r"((?:19|20)\d\d)年(?:度)?[^，。；]{0,12}?(?:工作会议|全会|会议|大会|工作会)", para.text):
                if int(m.group(1)) < year - 1:
                    ctx.add("D114", para, f"“{m.group(0)}”比讲话日期早了 {year - int(m.group(1))} 年，可能是旧稿残留",
                            column=m.start() + 1, fix="核对年份")


_SCOPE_END = re.compile(r"全[省市州县区镇乡]$")
_JOINED = re.compile(r"^[和与及同跟向在对][省市县区镇乡]$")  # 甲镇和县应急管理局: not 和县
_TITLE_AFTER = re.compile(r"^(?:同志|书记|副书记|市长|副市长|县长|副县长|区长|主任|局长|部长|主席|省长)")
_LEVELS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡")


def _tagged_residue(para: Paragraph, tagger: Any, own: set[str], reported: set[str],
                    ctx: Context) -> None:
    """Part-of-speech tags name what regex cannot: places (ns) and organisations (nt) that
    are not this speech's, and people (nr) named with a title (王建国同志, 李书记)."""
    words = tagger.tag(para.text)
    position = 0
    for k, (word, tag) in enumerate(words):
        start = position
        position += len(word)
        if len(word) < 2 or word in reported or _GENERIC.match(word) or _JOINED.match(word):
            continue
        if any(word in o or o in word or word[:2] == o[:2] for o in own):
            continue
        following = "".join(w for w, _ in words[k + 1:k + 3])
        if tag == "nr" and _TITLE_AFTER.match(following):
            kind = "人名"
        elif tag in ("ns", "nt") and (word.endswith(_LEVELS) or tag == "nt"):
            kind = "地名" if tag == "ns" else "单位"
        else:
            continue
        reported.add(word)
        ctx.add("D114", para, f"{kind}“{word}”不在本讲话声明的名称中，可能是旧稿残留", column=start + 1,
                fix="核对是否应改为本地的名称；是本地的就加到 lint.names（或 --name）")


# --- entry points ----------------------------------------------------------------------------

def lint_outline(path: Path, ignore: set[str], usage: tuple[str, ...] = ()) -> list[Finding]:
    from .export.text import export
    from .loader import load_outline, split_path
    from .render import render_outline

    loaded = load_outline(path)
    data = loaded.data
    settings = data.get("lint") or {}
    ctx = Context(str(path), ignore | set(settings.get("ignore") or []), usage)
    ctx.source = path.read_text(encoding="utf-8-sig", errors="replace")
    result = render_outline(loaded)
    for marker in result.markers:
        pos = loaded.positions.of_key(split_path(marker.path))
        ctx.add("D101", None, f"{marker.marker}：这一项还没有填写", line=pos[0] if pos else None,
                column=pos[1] if pos else None, where=marker.path, fix="在大纲里补上")
    _outline_siblings(data.get("directives") or [], "directives", loaded, ctx)
    text = export(result.document)
    target = data.get("target_length")
    if isinstance(target, int):
        count = word_count(text)
        if abs(count - target) > target * 0.2:
            pos = loaded.positions.of_value(("target_length",))
            ctx.add("D112", None, f"讲话稿约 {count} 字，目标 {target} 字，相差 {abs(count - target) * 100 // target}%",
                    line=pos[0] if pos else None, where="target_length",
                    fix="增删内容，或调整 target_length")
    paras = [Paragraph(b.plain, None, f"讲话稿第{i}段") for i, b in enumerate(result.document.blocks, 1)]
    check_paragraphs(paras, ctx, rendered=True)
    own = {str(x) for x in [settings.get("place"), settings.get("unit"), *(settings.get("names") or [])] if x}
    if own and isinstance(data.get("speaker"), str):
        own |= set(data["speaker"].split())
    date = data.get("date")
    year = getattr(date, "year", None) or (int(m.group(1)) if isinstance(date, str) and
                                            (m := re.match(r"(\d{4})", date)) else None)
    meeting = (data.get("meeting") or {}).get("name") if isinstance(data.get("meeting"), dict) else None
    check_residue(paras, ctx, own=own, year=year, meeting=meeting)
    lint_fit.lint_outline_fit(loaded, result, paras, ctx)
    _pack_agreement(loaded, paras, ctx)
    return ctx.findings


def _pack_agreement(loaded: Any, speech: list[Paragraph], ctx: Context) -> None:
    """The host's script rendered from the same outline agrees with the speech."""
    from .export.text import export
    from .host import render_host
    from .lint_pack import check_agreement

    host = render_host(loaded).document
    lines = [line for line in export(host).splitlines() if line.strip()]
    check_agreement([Paragraph(line.strip("\u3000"), None, f"主持词第{i}段")
                     for i, line in enumerate(lines, 1)],
                    [Paragraph(p.text, None, p.label) for p in speech if p.text], ctx, "讲话稿")


def _outline_siblings(items: list[Any], path: str, loaded: Any, ctx: Context) -> None:
    from .loader import split_path

    headings = []
    for i, item in enumerate(items):
        item = {"heading": item} if isinstance(item, str) else item
        if not isinstance(item, dict):
            continue
        heading = item.get("heading")
        if isinstance(heading, str):
            headings.append((f"{path}[{i}].heading", heading))
        if not item.get("body") and not item.get("points") and path == "directives":
            pos = loaded.positions.of_value(split_path(f"{path}[{i}]"))
            ctx.add("D113", None, f"第{i + 1}点“{heading}”没有正文，也没有下一层要点",
                    line=pos[0] if pos else None, where=f"{path}[{i}]", fix="补上正文或要点")
        _outline_siblings(item.get("points") or [], f"{path}[{i}].points", loaded, ctx)
    for index, problem in unbalanced([h for _, h in headings]):
        where = headings[index][0]
        pos = loaded.positions.of_value(split_path(where))
        ctx.add("D110", None, problem, line=pos[0] if pos else None, column=pos[1] if pos else None,
                where=where, fix="调整字数和句式，使几条标题长短相当、结构一致")


def lint_draft(path: Path, ignore: set[str], *, own: set[str] | None = None,
               usage: tuple[str, ...] = ()) -> list[Finding]:
    ctx = Context(str(path), ignore, usage)
    paras = read_paragraphs(path)
    if not paras:
        raise DrafterError("文件是空的，没有可检查的内容", file=str(path))
    check_paragraphs(paras, ctx)
    check_structure(paras, ctx)
    check_residue(paras, ctx, own=own or set(), year=None, meeting=None)
    lint_fit.lint_draft_fit(paras, ctx, own or set())
    return ctx.findings


LINTABLE = (".yaml", ".yml", ".txt", ".md", ".docx", ".doc", ".wps", ".html", ".htm", ".pdf")


def collect(paths: Iterable[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LINTABLE)
            if not found:
                raise DrafterError(f"文件夹里没有可检查的文件（{' '.join(LINTABLE)}）", file=str(path))
            yield from found
        elif path.exists():
            if path.suffix.lower() not in LINTABLE:
                raise DrafterError(f"不支持检查“{path.suffix or '无后缀'}”文件，支持：{' '.join(LINTABLE)}",
                                   file=str(path))
            yield path
        else:
            raise DrafterError("找不到这个文件或文件夹", file=str(path))


def lint_paths(paths: Iterable[str], *, ignore: Iterable[str] = (), own: Iterable[str] = (),
               tifa: Iterable[str] = (), against: Iterable[str] = (),
               usage: Iterable[str] = ()) -> list[Finding]:
    unknown = [c for c in ignore if c not in RULES]
    if unknown:
        raise DrafterError(f"未知的规则代码：{'、'.join(unknown)}", hint="用 drafter lint --rules 查看全部规则")
    ignored = set(ignore)
    findings: list[Finding] = []
    drafts: list[Path] = []
    from . import lint_chachong, lint_tifa

    archive = lint_chachong.open_archive(list(against)) if against and "D133" not in ignored else None
    for path in collect(paths):
        outline = path.suffix.lower() in (".yaml", ".yml")
        if outline:
            findings += lint_outline(path, ignored, tuple(usage))
        else:
            findings += lint_draft(path, ignored, own=set(own), usage=tuple(usage))
            drafts.append(path)
        findings += (lint_tifa.lint_outline if outline else lint_tifa.lint_draft)(path, ignored, tifa)
        findings += lint_chachong.lint_file(path, ignored, archive) if archive else []
    findings = lint_typo.without_repeats_of(findings, ("D130", "D131", "D132", "D133"))
    findings += _pack_drafts(drafts, ignored)
    return sorted(findings, key=lambda f: (f.file, f.line or 0, f.column or 0, f.code))


def _pack_drafts(drafts: list[Path], ignore: set[str]) -> list[Finding]:
    """A host's script linted together with speeches: checked against the one speech of the
    run, or against the speech whose title names the same meeting."""
    from .lint_pack import check_agreement, is_host_script

    if len(drafts) < 2:
        return []
    read = {path: read_paragraphs(path) for path in drafts}
    hosts = [p for p in drafts if is_host_script(read[p])]
    speeches = [p for p in drafts if p not in hosts]
    findings: list[Finding] = []
    for host in hosts:
        title = read[host][0].text.strip().removesuffix("上的主持词")
        same = [s for s in speeches if read[s] and read[s][0].text.strip().startswith(title)]
        pair = same or (speeches if len(speeches) == 1 else [])
        for speech in pair[:1]:
            ctx = Context(str(host), ignore)
            check_agreement(read[host], read[speech], ctx, speech.name)
            findings += ctx.findings
    return findings
