"""Cleaning web copies of speeches, in the order speech-genre.md recommends:

repair mojibake → strip HTML → strip pinyin notes → traditional→simplified → strip site
boilerplate and paywalls (keeping a truncation mark) → (split) → restore paragraphs →
normalise punctuation, quotes, glyphs, spaces → mark placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lazyre import LazyRegex, compiled
from ..textnorm import CJK, is_hanzi, normalize_zh
from .decode import chinese_score, common_chars
from .furniture import ends_page, last_prose_end, set_aside
from .noise import Act, kinds, union

TRUNCATED = "⟦截断⟧"  # a paragraph of its own where the source cut the text
PLACEHOLDER = "〔待补〕"

# --- mojibake (GBK one-byte shift) ------------------------------------------------------------
# A web copy lost one byte of GBK text: from there every two bytes pair wrongly, showing rare
# characters, until an ASCII byte (the lost pair's trail, 0x40–0x7E) puts them back in step.
# “?!” stands where 。”“ lost its lead byte. Example: 重中之重?!拔覀儗⑼七M集成電路 →
# 重中之重。”“我們將推進集成電路.

_MOJIBAKE_RUN = LazyRegex(rf"[?？]!?([{CJK}\u2460-\u24ff\u3040-\u30ff\uff00-\uffef]{{1,40}}?)"
                          r"([\x40-\x7e])", needs="?？")


def _repair_run(core: str, trail: str) -> str | None:
    try:
        raw = core.encode("gbk") + trail.encode("ascii")
    except UnicodeEncodeError:
        return None
    best: tuple[float, str] | None = None
    for lead in (0xA1, *range(0x81, 0xFF)):
        try:
            text = (bytes([lead]) + raw).decode("gbk")
        except UnicodeDecodeError:
            continue
        score = chinese_score(text)
        if best is None or score > best[0]:
            best = (score, text)
        if lead == 0xA1 and score >= 0.99:
            break
    if best is None or best[0] < 0.9 or re.search(r"[\uff21-\uff5a]", best[1]):
        return None  # full-width letters: the bytes did not fall back into step
    return best[1]


def garbled_runs(text: str) -> list[re.Match[str]]:
    """Candidate runs that really are garbled: two or more rare characters, or circled
    numbers and kana, which Chinese text after a question mark does not contain."""
    common = common_chars()
    return [m for m in _MOJIBAKE_RUN.finditer(text)
            if sum(c not in common for c in m.group(1)) >= 2
            or re.search(r"[\u2460-\u24ff\u3040-\u30ff]", m.group(1))]


def repair_mojibake(text: str, notes: list[str]) -> str:
    garbled = {m.span() for m in garbled_runs(text)}

    def fix(m: re.Match[str]) -> str:
        core, trail = m.group(1), m.group(2)
        if m.span() not in garbled:
            return m.group(0)  # ordinary text after a question mark
        repaired = _repair_run(core, trail)
        if repaired is None:
            notes.append(f"无法修复的乱码已删去：{m.group(0)[:12]}")
            return "。"
        notes.append(f"修复乱码：{m.group(0)[:12]} → {repaired[:12]}")
        return "。”" + repaired

    return _MOJIBAKE_RUN.sub(fix, text)


# --- HTML, pinyin, script ------------------------------------------------------------------

_ENTITIES = {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"', "ldquo": "“",
             "rdquo": "”", "mdash": "—", "hellip": "…"}
_MD_NOISE = compiled(r"^#{1,6}\s+|^>\s?", re.M)
# Bold only in Markdown, and only as a pair around text on one line: elsewhere ** is a
# placeholder (引进博士及以上人才**人) and must survive to become 〔待补〕.
_MD_BOLD = compiled(r"\*\*(?=\S)([^*\n]{1,80}?)(?<=\S)\*\*")
# Outside Markdown files, bold that wraps whole sentences: it opens after a sentence boundary
# and closes after sentence punctuation (IBM。**华为公司……超过IBM。** 所以).
_SENTENCE_BOLD = compiled(r"(?:(?<=^)|(?<=[\s。！？；：”>]))\*\*(?=\S)([^*\n]{2,400}?[。！？!?；：”])\*\*", re.M)


def strip_markup(text: str, *, markdown: bool = False) -> str:
    for kind in kinds(Act.MARKUP):
        text = kind.regex.sub("", text)
    for kind in kinds(Act.ENTITY):
        text = kind.regex.sub(lambda m: _ENTITIES[m.group(1)], text)
    if markdown:
        text = _MD_BOLD.sub(r"\1", text)
        text = _MD_NOISE.sub("", text)
    else:
        text = _SENTENCE_BOLD.sub(r"\1", text)
        if re.search(r"^#{1,6}\s", text, re.M):  # a Markdown file saved as .txt
            text = _MD_NOISE.sub("", text)
    return text


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# One note may hold several syllables: 清单(qīng dān); at least one carries a tone mark.
_PINYIN = LazyRegex(rf"(?<=[{CJK}])\s?[(（]\s*(?=[a-zü{_TONED} ]*[{_TONED}])[a-zü{_TONED}]+(?: [a-zü{_TONED}]+)*\s*[)）]",
                    needs=_TONED)  # a note always holds a tone mark: text without one has none


def strip_pinyin(text: str) -> str:
    """現(xiàn) → 現; keeps (rcep), (2021年5月24日), (一): only tone-marked syllables go."""
    return _PINYIN.sub("", text)


@lru_cache(maxsize=1)
def t2s_converter() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str, notes: list[str]) -> str:
    """Convert only text that is written in traditional characters: simplified text keeps
    characters that merely look traditional (乾隆, 著名) out of harm's way."""
    converter = t2s_converter()
    converted: str = converter.convert(text)  # type: ignore[attr-defined]
    cjk = sum(1 for c in text if is_hanzi(c))
    changed = sum(1 for a, b in zip(text, converted, strict=False) if a != b)
    # Simplified text loses a handful of characters to t2s; traditional text changes by the
    # hundred. Either a share or a count decides.
    if cjk and (len(converted) != len(text) or changed / cjk >= 0.005 or changed >= 30):
        notes.append("繁体转简体")
        return _ZHE.sub("着", converted)
    return text


# Traditional text writes the particle 着 (随着, 着力, 意味着) as 著, and t2s leaves it so; in
# simplified text 著 stays only in words of writing and renown (著名, 著作, 显著, 名著, 土著).
_ZHE = compiled(r"(?<![显卓昭土名原编专论译巨遗拙合撰所])著(?![名作称述书者录])")


# --- site boilerplate, paywalls ------------------------------------------------------------

_WORD_COUNT = compiled(r"(?:文章|全文|本文|原文)共\s*(\d{3,6})\s*字")
_SHOWN_SHARE = 0.7  # a page showing less than this share of the words it announces is a cut copy


def _short_of_word_count(text: str) -> bool:
    """【文章共5568字，…】 on a page that shows far fewer characters: the rest is behind a paywall."""
    m = _WORD_COUNT.search(text)
    return m is not None and sum(1 for c in text if is_hanzi(c)) < _SHOWN_SHARE * int(m.group(1))


def strip_boilerplate(text: str, notes: list[str]) -> str:
    cut_copy = _short_of_word_count(text)
    text, removed = set_aside(text)
    if removed:
        notes.append(f"网页的栏目、导航、分享栏等 {removed} 行已略去")
    for kind in kinds(Act.STRIP):
        for pattern in kind.patterns:
            text = re.sub(pattern, "", text, flags=re.M)
    for kind in kinds(Act.GAP):
        if kind.regex.search(text):
            notes.append(kind.note)
            text = kind.regex.sub(f"\n{TRUNCATED}\n", text)
    text = _cut_end(text, notes)
    last_prose = last_prose_end(text)
    for footer in union(Act.FOOTER).finditer(text):
        if ends_page(text, footer.start(), last_prose):
            text = text[: footer.start()]
            break
    for kind in kinds(Act.REMNANT):
        text = kind.regex.sub("", text)
    if cut_copy and TRUNCATED not in text:
        notes.append("来源网页只显示了部分内容，讲话被截断")
        text = text.rstrip() + f"\n{TRUNCATED}\n"
    return text


def _cut_end(text: str, notes: list[str]) -> str:
    """The page shows only the beginning: the text ends at the first END kind that matches
    (in table order), with a truncation mark."""
    for kind in kinds(Act.END):
        end = kind.regex.search(text)
        if end:
            notes.append(kind.note)
            return text[: end.start()] + f"\n{TRUNCATED}\n"
    return text


# --- normalising ---------------------------------------------------------------------------

_QUOTES = {"‚": "“", "‛": "”", "„": "“", "‟": "”", "〝": "“", "〞": "”", "＂": '"'}
_ACRONYMS = ["GDP", "RCEP", "EWTP", "LED", "PPT", "CPI", "PPP", "5G", "AI"]
_ACRONYM_RE = compiled(r"(?<![A-Za-z])(" + "|".join(a.lower() for a in _ACRONYMS) + r")(?![A-Za-z])")

# Placeholders: X, x, xx, xxx, *, **, _ standing for a number or a name, next to Chinese.
_PH_LETTERS = LazyRegex(rf"(?<![A-Za-z])[xX×]{{1,4}}(?![A-Za-z])(?=[{CJK}\d.—\-]|$)"
                        rf"|(?<=[{CJK}\d])[xX×]{{1,4}}(?![A-Za-z])", needs="xX×")
_PH_STARS = compiled(r"\*{1,3}")
_PH_UNDERSCORE = LazyRegex(rf"(?<=[{CJK}])_+(?=[{CJK}])|_{{2,}}", needs="_")
_PH_DOTS = compiled(r"^[.。…·]{6,}$", re.M)
_PH_CIRCLES = compiled(r"[○◯]{2,}")
# Over-eager redaction of 市/省 inside words; only unambiguous compounds are restored.
_REDACTION_FIXES = {"城x": "城市", "x场": "市场", "超x": "超市"}


def normalise_paragraph(text: str) -> str:
    for bad, good in _QUOTES.items():
        text = text.replace(bad, good)
    for kind in kinds(Act.GLYPH):
        for bad, good in kind.fix.items():
            text = text.replace(bad, good)
    text = _ACRONYM_RE.sub(lambda m: m.group(1).upper(), text)
    text = normalize_zh(text)
    # ”“ stuck together where the source lost 、 between quoted items stays as is.
    return text


def mark_placeholders(text: str) -> str:
    for bad, good in _REDACTION_FIXES.items():
        text = text.replace(bad, good)
    text = _PH_DOTS.sub("", text)
    text = _PH_STARS.sub(PLACEHOLDER, text)
    text = _PH_CIRCLES.sub(PLACEHOLDER, text)
    text = _PH_UNDERSCORE.sub(PLACEHOLDER, text)
    text = _PH_LETTERS.sub(PLACEHOLDER, text)
    return re.sub(f"(?:{re.escape(PLACEHOLDER)})+", PLACEHOLDER, text)


@dataclass
class Cleaned:
    text: str
    notes: list[str] = field(default_factory=list)


def clean_text(text: str, *, markdown: bool = False) -> Cleaned:
    """Everything up to splitting: the result still holds the file's line structure."""
    notes: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = re.sub(r"〔待补[：:][^〕\n]{0,40}〕", PLACEHOLDER, text)  # drafter's own open markers
    text = repair_mojibake(text, notes)
    text = strip_markup(text, markdown=markdown)
    text = strip_pinyin(text)
    text = to_simplified(text, notes)
    text = strip_boilerplate(text, notes)
    return Cleaned(text=text, notes=notes)
