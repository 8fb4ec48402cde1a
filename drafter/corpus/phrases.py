"""Mining a phrasebank from a writer's own archive (`drafter mine --phrasebank`): the formulaic
frames that recur in each part of the speeches, made safe to reuse.

- Views quoted in order to be refuted, quotations attributed to others and sentences naming
  people are dropped (drafter.corpus.safety).
- Slots are tagged only where the filler really is a place ({地}: a tagged place name with an
  administrative suffix, or one of the writer's own unit names), a unit ({单位}), a number ({数})
  or a date ({时间}).
- A frame is kept only when it recurs in at least `min_count` different speeches; each keeps
  a few examples with their source file and line.

Built incrementally (PhraseCollector.add per speech), so mining a large archive stays flat in
memory: only frame → speeches and a few examples are kept.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..phrasebook import PARTS
from ..textnorm import CLAUSE, HANZI
from .model import Speech, Unit
from .safety import names_in, unsafe_sentences
from .tokenizer import Tokenizer, default_tokenizer

if TYPE_CHECKING:
    from .bookshape import MinedDirective, MinedFrame, MinedSource, Phrasebank

_SENTENCE = CLAUSE
_DATE = re.compile(r"(?:\d{4}|[一二〇零○]{4})年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?=底|末|初|中旬|上旬|下旬|前)")
_MEASURE = "点个项条句方面位名家次届所座批亿万"
_NUMBER = re.compile(
    rf"\d+(?:\.\d+)?%?|(?<![一二两三四五六七八九十百千万])"
    rf"(?:[二两三四五六七八九十][一二两三四五六七八九十百千万]*|一[一二两三四五六七八九十百千万]+)"
    rf"(?=[{_MEASURE}])")
_MAX_EXAMPLES = 3
_STOP = set(["的", "了", "和", "与", "及", "在", "是", "要", "把", "对", "为", "以", "等", "中", "上", "下", "这", "那", "我们", "各级", "各", "一", "不", "也", "都", "就", "还", "更", "从", "向", "到", "并", "进一步", "切实", "坚持", "加强", "推进", "推动", "工作", "全面", "深入", "持续", "积极", "不断", "着力", "确保", "充分", "我市", "我县", "其中", "得到", "没有", "一个", "这个", "他们", "你们", "自己", "什么", "如果", "因为", "所以", "但是", "已经", "可以", "就是", "还是", "通过", "目前", "今年", "同志"])
_PLACE_SUFFIX = re.compile(r"(?:省|市|县|区|州|盟|旗|镇|乡|村|街道)$")
_UNIT_SUFFIX = re.compile(r"(?:局|委|办|厅|院|校|公司|集团|中心|站|所|部|处|室|会)$")
# National bodies stay as they are: they are never the filler of a local speech's slot.
_FIXED = {"党中央", "中共中央", "国务院", "全国人大", "全国政协", "中央军委", "中央纪委", "国家监委"}
_CONNECTIVES = {"但是", "但", "因此", "所以", "而且", "同时", "另外", "此外", "然而", "可是", "当然",
                "总之", "因为", "如果", "虽然", "其次", "首先", "最后", "其中", "为此", "对此", "因而",
                "于是", "那么", "所以说", "与此同时", "一方面", "另一方面", "特别是", "尤其是"}


def slot_for_name(name: str) -> str:
    """A writer's own place or unit name → the slot it fills."""
    return "{地}" if _PLACE_SUFFIX.search(name) else "{单位}"


def frame_of(sentence: str, tokenizer: Tokenizer, units: tuple[str, ...] = ()) -> str:
    """下面，我就做好2026年云川县项目建设工作，讲五个方面的意见。
    → 下面，我就做好{时间}{地}项目建设工作，讲{数}个方面的意见。  (with units=("云川县",))"""
    text = sentence.replace("〔待补〕", "……")
    for name in sorted(units, key=len, reverse=True):
        if name:
            text = text.replace(name, slot_for_name(name))
    text = _DATE.sub("{时间}", text)
    # numbers outside quotation marks: “两个确立”, “十五五” stay as they are
    text = "".join(piece if piece.startswith("“") else _NUMBER.sub("{数}", piece)
                   for piece in re.split(r"(“[^”]{1,16}”)", text))
    if re.search(f"[{HANZI}]", text):
        words = []
        for word, tag in _tag_outside_slots(text, tokenizer):
            if word in _FIXED or len(word) < 3:
                words.append(word)
            elif tag == "ns" and _PLACE_SUFFIX.search(word):
                words.append("{地}")
            elif tag == "nt" and _UNIT_SUFFIX.search(word):
                words.append("{单位}")
            else:
                words.append(word)
        text = "".join(words)
    return re.sub(r"(\{[^}]+\})(?:\1)+", r"\1", text)


def _tag_outside_slots(text: str, tokenizer: Tokenizer) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for piece in re.split(r"(\{[^}]+\}|……)", text):
        if not piece:
            continue
        if piece.startswith("{") or piece == "……":
            out.append((piece, "slot"))
        else:
            out.extend(tokenizer.tag(piece))
    return out


def _lead_clause(frame: str, tokenizer: Tokenizer) -> str | None:
    """刚才，{单位}通报了……情况。 → 刚才，……  The lead clause of a frame, when it says
    something by itself: four characters or more, not a bare connective (但是，因此，)."""
    m = re.match(r"([^，,：:]{4,14})[，,：:]", frame)
    if not m:
        return None
    head = m.group(1)
    words = tokenizer.cut(head)
    if head in _CONNECTIVES or (words and words[0] in _CONNECTIVES and len(head) <= 5):
        return None  # 但是，…… 因此，……  (但也要清醒看到，…… says something)
    return m.group(0) + "……"


class LineFinder:
    """Finds the line of a source file on which a (cleaned) sentence begins: compares only
    Chinese characters and digits, after converting traditional script if the file uses it."""

    def __init__(self, path: Path) -> None:
        from .decode import decode_bytes

        self.keys: list[str] = []
        self._converted: list[str] | None = None
        try:
            text, _ = decode_bytes(path.read_bytes(), str(path))
        except Exception:  # unreadable as text now (a .docx, a PDF): examples keep no line
            return
        self.keys = [_key(line) for line in text.splitlines()]

    def line(self, sentence: str) -> int | None:
        key = _key(sentence)
        # the opening of the sentence, else shorter pieces of it (the cleaner may have
        # changed a character or two: placeholders, glyph fixes)
        probes = [key[:12]] + [key[i:i + 6] for i in range(0, max(len(key) - 5, 0), 6)]
        for probe in (p for p in probes if len(p) >= 4):
            for keys in (self.keys, self._traditional()):
                for n, line_key in enumerate(keys, 1):
                    if probe in line_key:
                        return n
        return None

    def _traditional(self) -> list[str]:
        if self._converted is None:
            from .clean import t2s_converter

            converter: Any = t2s_converter()
            self._converted = [converter.convert(k) for k in self.keys]
        return self._converted


def _key(text: str) -> str:
    return "".join(re.findall(f"[{HANZI}0-9]", text))


@dataclass
class PhraseCollector:
    tokenizer: Tokenizer = field(default_factory=default_tokenizer)
    units: tuple[str, ...] = ()  # the writer's own place and unit names, tagged as slots
    frames: dict[str, dict[str, set[int]]] = field(default_factory=dict)  # part → frame → speeches
    examples: dict[tuple[str, str], list[MinedSource]] = field(default_factory=dict)
    dropped: Counter[str] = field(default_factory=Counter)  # why sentences were left out
    units_seen: list[MinedDirective] = field(default_factory=list)
    _df: Counter[str] = field(default_factory=Counter)
    _unit_tf: list[Counter[str]] = field(default_factory=list)
    speeches: int = 0
    _finder: tuple[str, LineFinder | None] | None = None

    def _line(self, source: str, sentence: str) -> int | None:
        if self._finder is None or self._finder[0] != source:
            path = Path(source)
            self._finder = (source, LineFinder(path) if path.is_file() else None)
        finder = self._finder[1]
        return finder.line(sentence) if finder else None

    def safe_sentences(self, paragraph: str) -> list[str]:
        """The sentences of a paragraph that may be reused (no reported view, no name)."""
        sentences = [m.group(0).strip() for m in _SENTENCE.finditer(paragraph)]
        unsafe = unsafe_sentences(sentences)
        kept = []
        for i, sentence in enumerate(sentences):
            if i in unsafe:
                self.dropped["引述或批驳的观点"] += 1
            elif names_in(sentence, self.tokenizer):
                self.dropped["含人名"] += 1
            else:
                kept.append(sentence)
        return kept

    def speech_units(self, speech: Speech) -> tuple[str, ...]:
        """The writer's names, and the unit the speech's own outline would have: 云川县 (and
        云川) from a title such as 在云川县……会议上的讲话."""
        from ..unit import infer_level, infer_name

        data = {"title": speech.title or "", "speaker": speech.speaker or ""}
        level = infer_level(data)
        name = infer_name(data, level) if level else None
        found = [name] if name else []
        if name and _PLACE_SUFFIX.search(name) and len(name) >= 3 and not name.endswith("街道"):
            found.append(name[:-1])  # 云川 for 云川县
        return self.units + tuple(found)

    def safe_frame(self, text: str) -> str:
        """The frame of the first safe sentence of a text, or "" (for emitted templates)."""
        sentences = self.safe_sentences(text)
        return frame_of(sentences[0], self.tokenizer, self.units) if sentences else ""

    def _add(self, part: str, text: str, source: str, units: tuple[str, ...]) -> None:
        for sentence in self.safe_sentences(text):
            if len(sentence) < 6 or len(sentence) > 80:
                continue
            frame = frame_of(sentence, self.tokenizer, units)
            for key in (frame, _lead_clause(frame, self.tokenizer)):
                if not key:
                    continue
                self.frames.setdefault(part, {}).setdefault(key, set()).add(self.speeches)
                examples = self.examples.setdefault((part, key), [])
                if len(examples) < _MAX_EXAMPLES and all(
                        (e["file"], e["text"]) != (source, sentence) for e in examples):
                    examples.append({"file": source, "line": self._line(source, sentence),
                                     "text": sentence})

    def add(self, speech: Speech, source: str) -> None:
        self.speeches += 1
        units = self.speech_units(speech)
        for part, paragraphs in (("opening", speech.opening), ("review", speech.review),
                                 ("problems", speech.problems), ("closing", speech.closing[-2:]),
                                 ("reminder", speech.reminders[:2])):
            for para in paragraphs[:6]:
                self._add(part, para, source, units)
        if speech.transition:
            self._add("transition", speech.transition["text"], source, units)
        for unit in speech.directives:
            if unit.style != "推断":
                self._add("directive", unit.heading + "。", source, units)
            self._add_unit(unit, source)

    def _add_unit(self, unit: Unit, source: str) -> None:
        text = unit.heading + "".join(unit.body) + "".join(
            c.heading + "".join(c.body) for c in unit.children)
        words = [w for w in self.tokenizer.cut(text.replace("〔待补〕", "，"))
                 if len(w) > 1 and w not in _STOP and re.search(f"[{HANZI}]", w)]
        tf = Counter(words)
        self._df.update(set(tf))
        self._unit_tf.append(tf)
        self.units_seen.append({"heading": unit.heading, "source": source})

    def result(self, *, min_count: int = 2, top_frames: int = 60) -> Phrasebank:
        parts: dict[str, list[MinedFrame]] = {}
        for part in PARTS:
            counter = {f: len(s) for f, s in self.frames.get(part, {}).items()}
            ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].endswith("……"), kv[0]))
            keep = [(f, n) for f, n in ranked if n >= min_count][:top_frames]
            parts[part] = [{"text": f, "slots": _slots(f), "count": n,
                            "sources": self.examples.get((part, f), [])} for f, n in keep]
        total = max(len(self._unit_tf), 1)
        directives: list[MinedDirective] = []
        for info, tf in zip(self.units_seen, self._unit_tf, strict=False):
            scored = sorted(((n * math.log((1 + total) / (1 + self._df[w])), w) for w, n in tf.items()),
                            reverse=True)
            directives.append({**info, "keywords": [w for _, w in scored[:8]]})
        return {"version": 2, "speeches": self.speeches, "min_count": min_count,
                "dropped": dict(self.dropped), "parts": parts, "directives": directives}


def _slots(frame: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"\{([^{}]+)\}", frame)))


def dump(phrasebank: Phrasebank) -> str:
    return json.dumps(phrasebank, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
