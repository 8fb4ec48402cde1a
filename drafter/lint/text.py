"""Rules over the text of each paragraph: placeholders, web residue, punctuation, quotes, spaces,
pinyin, mojibake, years, length, traditional characters and repeated sentences.

Each rule is one check in the registry (drafter/lint/registry.py)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ..lazyre import LazyRegex, compiled
from ..textnorm import HANZI, SENTENCE, hanzi_count, word_count
from .place import corrected_excerpt
from .registry import Context, Paragraph, Speech, checks

CJK = HANZI

_PLACEHOLDER = LazyRegex(
    rf"〔待补[^〕]*〕|[×Xx]{{2,4}}(?![A-Za-z])|(?<=[{CJK}])[×Xx](?=[{CJK}])|(?<![A-Za-z])[Xx](?=[{CJK}]{{2}})|"
    rf"\*{{1,3}}(?=[{CJK}\d])|(?<=[{CJK}])\*{{1,3}}|_{{2,}}|(?<=[{CJK}])_(?=[{CJK}])|××|○○", needs="〔×Xx*_○")
_HALF_PUNCT = LazyRegex(rf"(?<=[{CJK}])[,;:?!](?!\d)|[,;:?!](?=[{CJK}])|(?<=[{CJK}])\(|\)(?=[{CJK}])",
                        needs=",;:?!()")
_STRAIGHT_QUOTE = compiled(r"[\"'‚‛„‟〝〞]")
_INFORMAL_YEAR = compiled(r"(?<![\d.年])([12]\d)年(?![内来间前后以里多代度底初中])")
_NARROW_SPACE = rf"(?<=[{CJK}]) +(?=[{CJK}])|(?<=\d) +(?=年)"
_STRAY_SPACE = LazyRegex(_NARROW_SPACE, needs=" ")
_STRAY_ANY_SPACE = LazyRegex(rf"{_NARROW_SPACE}|(?<=[{CJK}])\u3000+(?=[{CJK}])", needs=" \u3000")
_SENTENCE = SENTENCE


def check_paragraphs(paras: list[Paragraph], ctx: Context, *, rendered: bool = False) -> None:
    """Every paragraph-text rule (this module's and the typo list's), in registry order."""
    speech = Speech(paras, rendered=rendered)
    for check in checks("speech", ("text", "typo")):
        check(speech, ctx)


def _pinyin(text: str) -> list[re.Match[str]]:
    from ..corpus.clean import _PINYIN

    return list(_PINYIN.finditer(text))


def _written(speech: Speech) -> Iterator[Paragraph]:
    """Paragraphs as the writer typed them; a rendered speech's punctuation is the renderer's."""
    return iter(()) if speech.rendered else iter(speech.paras)


def placeholders(speech: Speech, ctx: Context) -> None:  # D101
    for para in speech.paras:
        for m in _PLACEHOLDER.finditer(para.text):
            ctx.add("D101", para, f"占位符“{m.group(0)}”还没有换成实际内容", column=m.start() + 1,
                    fix="补上真实的数字、名称或内容")


def web_residue(speech: Speech, ctx: Context) -> None:  # D117
    """What the miner's cleaner would strip (corpus/noise.py), reported where it stands."""
    from ..corpus.furniture import residue

    for para in speech.paras:
        for kind, where, text in residue(para.text):
            ctx.add("D117", para, f"网页复制留下的{kind.name}：“{text[:16]}”", column=where + 1,
                    fix="删去网页代码、网站文字、付费提示和编者注；错字照原件改正")


def half_punct(speech: Speech, ctx: Context) -> None:  # D104
    for para in _written(speech):
        text = para.text
        pinyin = _pinyin(text)
        half = [x for x in _HALF_PUNCT.finditer(text)  # a pinyin note is D107's, not D104's
                if not any(p.start() <= x.start() < p.end() for p in pinyin)]
        if half:
            m = half[0]
            marks = "".join(dict.fromkeys(x.group(0) for x in half))
            ctx.add("D104", para, f"中文里用了 {len(half)} 处半角标点（{marks}）", column=m.start() + 1,
                    fix=f"改为全角，如：{corrected_excerpt(text, m.start(), m.end())}")


def quotes(speech: Speech, ctx: Context) -> None:  # D105
    for para in _written(speech):
        text = para.text
        quote = _STRAIGHT_QUOTE.search(text)
        if quote or text.count("“") != text.count("”"):
            ctx.add("D105", para, "引号不规范：半角引号、怪异引号或“”不成对",
                    column=(quote.start() + 1) if quote else None, fix="中文用全角双引号“”，并成对使用")


def stray_spaces(speech: Speech, ctx: Context) -> None:  # D116
    for para in _written(speech):
        # a full-width space is meant in a short name line (市委书记　李明)
        m = (_STRAY_SPACE if len(para.text) <= 30 else _STRAY_ANY_SPACE).search(para.text)
        if m:
            ctx.add("D116", para, "汉字之间有多余的空格（常见于网页复制）", column=m.start() + 1,
                    fix="删去空格")


def pinyin(speech: Speech, ctx: Context) -> None:  # D107
    for para in speech.paras:
        found = _pinyin(para.text)
        if found:
            examples = "、".join(m.group(0).strip() for m in found[:3])
            ctx.add("D107", para, f"残留 {len(found)} 处拼音注音（{examples}）", column=found[0].start() + 1,
                    fix="删去注音")


def mojibake(speech: Speech, ctx: Context) -> None:  # D108
    from ..corpus.clean import garbled_runs

    for para in speech.paras:
        runs = garbled_runs(para.text)
        if runs:
            found = runs[0].group(0)
            ctx.add("D108", para, f"疑似乱码：“{found[:12]}”", column=para.text.find(found) + 1,
                    fix="对照原件重新录入这一句")


def informal_year(speech: Speech, ctx: Context) -> None:  # D115
    for para in speech.paras:
        for m in _INFORMAL_YEAR.finditer(para.text):
            ctx.add("D115", para, f"年份“{m.group(0)}”只写了两位", column=m.start() + 1,
                    fix=f"写全年份，如“20{m.group(1)}年”")


def too_long(speech: Speech, ctx: Context) -> None:  # D111
    for para in speech.paras:
        text = para.text
        # a count never exceeds the length: short text is not counted at all
        if len(text) > 600 and word_count(text) > 600:
            ctx.add("D111", para, f"这一段有 {word_count(text)} 字，念起来太长", fix="拆成两三段")
        for m in _SENTENCE.finditer(text):
            if len(m.group(0)) > 150 and hanzi_count(m.group(0)) > 150:
                ctx.add("D111", para, f"这一句有 {hanzi_count(m.group(0))} 个字", column=m.start() + 1,
                        fix="拆成几句，便于念和听")


def traditional(speech: Speech, ctx: Context) -> None:  # D106
    if "D106" in ctx.ignore:
        return
    from ..corpus.clean import t2s_converter

    converter = t2s_converter()
    for para in speech.paras:
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


_GRAM = 4  # near-duplicate candidates share 4-character runs
_COMMON_GRAM = 40  # a run found in more sentences than this says nothing about any one of them
_CANDIDATES = 6  # earlier sentences compared in full per sentence


def repeats(speech: Speech, ctx: Context) -> None:  # D109
    """Repeated and nearly repeated sentences (ratio >= 0.9). Exact repeats by lookup; near
    ones among the few earlier sentences that share the most 4-character runs with this one.
    Each sentence costs its length times a constant, so a 1 MB draft lints in seconds."""
    if "D109" in ctx.ignore:
        return
    sentences: list[tuple[str, Paragraph]] = []
    exact: dict[str, int] = {}
    postings: dict[str, list[int]] = {}
    for para in speech.paras:
        for m in _SENTENCE.finditer(para.text):
            sentence = _norm_sentence(m.group(0))
            if hanzi_count(sentence) < 10:
                continue
            grams = {sentence[i:i + _GRAM] for i in range(len(sentence) - _GRAM + 1)}
            found = exact.get(sentence)
            if found is None:
                found = _near_repeat(sentence, grams, sentences, postings)
            if found is not None:
                earlier, where = sentences[found]
                first = where.label or f"第{where.line}行"
                ctx.add("D109", para, f"这句话与{first}的一句{'相同' if earlier == sentence else '几乎相同'}：“{m.group(0)[:20]}…”",
                        column=m.start() + 1, fix="删去或改写其中一句")
            index = len(sentences)
            sentences.append((sentence, para))
            exact.setdefault(sentence, index)
            for gram in grams:
                posting = postings.setdefault(gram, [])
                if len(posting) <= _COMMON_GRAM:
                    posting.append(index)


def _near_repeat(sentence: str, grams: set[str], sentences: list[tuple[str, Paragraph]],
                 postings: dict[str, list[int]]) -> int | None:
    shared: dict[int, int] = {}
    for gram in grams:
        posting = postings.get(gram)
        if posting is None or len(posting) > _COMMON_GRAM:
            continue
        for index in posting:
            shared[index] = shared.get(index, 0) + 1
    best = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:_CANDIDATES]
    for index, _count in sorted(best):
        earlier = sentences[index][0]
        if abs(len(earlier) - len(sentence)) > len(sentence) // 8:
            continue
        matcher = difflib.SequenceMatcher(None, earlier, sentence)
        if matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9:
            return index
    return None
