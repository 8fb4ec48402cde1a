"""Phrasebank: the formulaic frames that recur in each part of a corpus's speeches, with
slots for numbers, places, organisations and people, and the keywords of each directive.

Built incrementally (PhraseCollector.add per speech), so mining a large archive stays flat in
memory: only frame counts and a few examples are kept.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .model import Speech, Unit
from .tokenizer import Tokenizer, default_tokenizer

PARTS = ("opening", "review", "problems", "transition", "directive", "closing", "reminder")
PART_NAMES = {"开场": "opening", "开头": "opening", "回顾": "review", "成绩": "review",
              "问题": "problems", "过渡": "transition", "过渡句": "transition", "意见": "directive",
              "标题": "directive", "结尾": "closing", "结束语": "closing", "提醒": "reminder"}
_SENTENCE = re.compile(r"[^。！？!?；]+[。！？!?；]?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?%?|[一二两三四五六七八九十百千万]+(?=[点个项条句方面位名家次届年])")
_MAX_EXAMPLES = 3
_STOP = set(["的", "了", "和", "与", "及", "在", "是", "要", "把", "对", "为", "以", "等", "中", "上", "下", "这", "那", "我们", "各级", "各", "一", "不", "也", "都", "就", "还", "更", "从", "向", "到", "并", "进一步", "切实", "坚持", "加强", "推进", "推动", "工作", "全面", "深入", "持续", "积极", "不断", "着力", "确保", "充分", "我市", "我县", "其中", "得到", "没有", "一个", "这个", "他们", "你们", "自己", "什么", "如果", "因为", "所以", "但是", "已经", "可以", "就是", "还是", "通过", "目前", "今年", "同志"])
_SLOT_TAGS = {"ns": "{地}", "nt": "{单位}", "nr": "{人}"}


def frame_of(sentence: str, tokenizer: Tokenizer) -> str:
    """下面，我就做好2020年全县基层党建工作，讲五个方面的意见。 → 下面，我就做好{数}年全县……"""
    text = sentence.replace("〔待补〕", "{待补}")
    text = _NUMBER.sub("{数}", text)
    if re.search(r"[\u4e00-\u9fff]", text):
        words = []
        for word, tag in tokenizer.tag(text):
            slot = _SLOT_TAGS.get(tag)
            words.append(slot if slot and len(word) > 1 else word)
        text = "".join(words)
    return re.sub(r"(\{[^}]+\})(?:\1)+", r"\1", text)


def _lead_clause(frame: str) -> str | None:
    m = re.match(r"[^，,：:]{2,14}[，,：:]", frame)
    return m.group(0) + "……" if m else None


@dataclass
class PhraseCollector:
    tokenizer: Tokenizer = field(default_factory=default_tokenizer)
    frames: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    units: list[dict[str, Any]] = field(default_factory=list)
    _df: Counter[str] = field(default_factory=Counter)
    _unit_tf: list[Counter[str]] = field(default_factory=list)
    speeches: int = 0

    def _add(self, part: str, text: str, source: str) -> None:
        for m in _SENTENCE.finditer(text):
            sentence = m.group(0).strip()
            if len(sentence) < 4 or len(sentence) > 80:
                continue
            frame = frame_of(sentence, self.tokenizer)
            for key in (frame, _lead_clause(frame)):
                if not key:
                    continue
                self.frames[part][key] += 1
                examples = self.examples.setdefault((part, key), [])
                if len(examples) < _MAX_EXAMPLES and all(e["text"] != sentence for e in examples):
                    examples.append({"text": sentence, "source": source})

    def add(self, speech: Speech, source: str) -> None:
        self.speeches += 1
        for part, paragraphs in (("opening", speech.opening), ("review", speech.review),
                                 ("problems", speech.problems), ("closing", speech.closing[:1]),
                                 ("reminder", speech.reminders[:1])):
            for para in paragraphs[:3]:
                self._add(part, para, source)
        if speech.transition:
            self._add("transition", speech.transition["text"], source)
        for unit in speech.directives:
            if unit.style != "推断":
                self._add("directive", unit.heading + "。", source)
            self._add_unit(unit, source)

    def _add_unit(self, unit: Unit, source: str) -> None:
        text = unit.heading + "".join(unit.body) + "".join(
            c.heading + "".join(c.body) for c in unit.children)
        words = [w for w in self.tokenizer.cut(text.replace("〔待补〕", "，"))
                 if len(w) > 1 and w not in _STOP and re.search(r"[\u4e00-\u9fff]", w)]
        tf = Counter(words)
        self._df.update(set(tf))
        self._unit_tf.append(tf)
        self.units.append({"heading": unit.heading, "source": source})

    def result(self, *, min_count: int = 2, top_frames: int = 40) -> dict[str, Any]:
        parts: dict[str, list[dict[str, Any]]] = {}
        for part in PARTS:
            counter = self.frames.get(part, Counter())
            # Frames that recur come first; a small corpus fills up with single examples, which
            # keep their count of 1 so a reader can tell them apart.
            ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].endswith("……"), kv[0]))
            keep = [(f, n) for f, n in ranked if n >= min_count][:top_frames]
            keep += [(f, n) for f, n in ranked if n < min_count and not f.endswith("……")][
                : max(0, top_frames - len(keep))]
            parts[part] = [{"frame": f, "count": n, "examples": self.examples.get((part, f), [])}
                           for f, n in keep]
        total = max(len(self._unit_tf), 1)
        directives = []
        for info, tf in zip(self.units, self._unit_tf, strict=False):
            scored = sorted(((n * math.log((1 + total) / (1 + self._df[w])), w) for w, n in tf.items()),
                            reverse=True)
            directives.append({**info, "keywords": [w for _, w in scored[:8]]})
        return {"speeches": self.speeches, "parts": parts, "directives": directives}


def dump(phrasebank: dict[str, Any]) -> str:
    return json.dumps(phrasebank, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def matching_frames(phrasebank: dict[str, Any], part: str, topic: str | None = None
                    ) -> list[dict[str, Any]]:
    """Frames of one part; with a topic, those whose frame, examples or directive keywords
    mention it (招商 finds 招商引资 frames and the directives about it)."""
    frames: list[dict[str, Any]] = phrasebank["parts"].get(part, [])
    if not topic:
        return frames
    sources = {d["source"] for d in phrasebank.get("directives", [])
               if any(topic in k for k in d["keywords"]) or topic in d["heading"]}
    return [f for f in frames if topic in f["frame"] or any(
        topic in e["text"] or e["source"] in sources for e in f["examples"])]
