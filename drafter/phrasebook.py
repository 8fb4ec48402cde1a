"""Phrase frames for `drafter phrases`: the shipped library (drafter/data/phrasebank.yaml),
a writer's own YAML library in the same shape, or a phrasebank mined by `drafter mine
--phrasebank` (JSON). One Frame type for all three; filters by part, topic, meeting type,
register and the speech's year (time-bound frames and outdated wording from
drafter/data/outdated.yaml).

Light on purpose: YAML and JSON only, no tokenizer.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CorpusError
from .parts import PHRASE_PARTS

if TYPE_CHECKING:
    from .corpus.bookshape import Phrasebank
    from .jsontypes import JSON

DATA = Path(__file__).with_name("data")
LIBRARY = DATA / "phrasebank.yaml"
OUTDATED = DATA / "outdated.yaml"

# Part keys (as in mined phrasebanks) and their Chinese names (the one table: drafter/parts.py).
PARTS: dict[str, str] = PHRASE_PARTS
PART_ALIASES: dict[str, str] = {
    **{name: key for key, name in PARTS.items()}, **{key: key for key in PARTS},
    "开头": "opening", "成绩": "review", "过渡句": "transition", "标题": "directive",
    "结束语": "closing"}
SLOTS: dict[str, str] = {"地": "地名", "单位": "机关或单位", "数": "数字", "时间": "时间",
                         "事项": "会议或工作名称"}
SLOT_TYPES = tuple(SLOTS)
REGISTERS = ("会议讲话", "致辞", "党课")
DEFAULT_REGISTER = "会议讲话"
_SLOT = re.compile(r"\{([^{}]*)\}")

Years = tuple[int | None, int | None]


@dataclass
class Source:
    file: str
    line: int | None
    text: str

    def to_json(self) -> JSON:
        return {"file": self.file, "line": self.line, "text": self.text}

    def place(self) -> str:
        return self.file + (f":{self.line}" if self.line else "")


@dataclass
class Frame:
    text: str
    part: str
    topics: list[str] = field(default_factory=list)
    meeting: list[str] = field(default_factory=list)
    register: list[str] = field(default_factory=lambda: [DEFAULT_REGISTER])
    years: Years | None = None
    count: int | None = None  # mined frames: how many speeches use it
    sources: list[Source] = field(default_factory=list)

    @property
    def slots(self) -> list[str]:
        seen: list[str] = []
        for name in _SLOT.findall(self.text):
            if name not in seen:
                seen.append(name)
        return seen

    def valid_in(self, year: int) -> bool:
        if self.years is None:
            return True
        low, high = self.years
        return (low is None or year >= low) and (high is None or year <= high)

    def filled(self, values: dict[str, str]) -> str:
        """The text with the slots the outline can answer filled in: {地} → 云川县."""
        return _SLOT.sub(lambda m: values.get(m.group(1)) or m.group(0), self.text)

    def to_json(self) -> JSON:
        return {"text": self.text, "part": PARTS[self.part], "slots": list(self.slots),
                "register": list(self.register), "years": list(self.years) if self.years else None,
                "topics": list(self.topics), "meeting": list(self.meeting), "count": self.count,
                "sources": [s.to_json() for s in self.sources]}


@dataclass
class Library:
    frames: list[Frame]
    topics: dict[str, list[str]]  # topic → aliases
    path: str
    mined: bool = False


# --- years and outdated wording ----------------------------------------------------------------

def parse_years(value: object) -> Years:
    """2026 → (2026, 2026); "2024-2026" → (2024, 2026); "2026-" → (2026, None); "-2022" → (None, 2022)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return (None, -value) if value < 0 else (value, value)  # YAML reads -2022 as a number
    if isinstance(value, list) and len(value) == 2:
        low, high = value
        if all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in value):
            return low, high
        raise ValueError(value)
    m = re.fullmatch(r"\s*(\d{4})?\s*[-–—~至]\s*(\d{4})?\s*", str(value))
    if m and (m.group(1) or m.group(2)):
        return (int(m.group(1)) if m.group(1) else None, int(m.group(2)) if m.group(2) else None)
    m = re.fullmatch(r"\s*(\d{4})\s*", str(value))
    if m:
        return int(m.group(1)), int(m.group(1))
    raise ValueError(value)


def _years_text(years: Years) -> str:
    low, high = years
    if low == high:
        return f"{low}年"
    if high is None:
        return f"{low}年起"
    if low is None:
        return f"{high}年以前"
    return f"{low}—{high}年"


@dataclass(frozen=True)
class Outdated:
    text: str
    years: Years
    allow: tuple[str, ...] = ()
    instead: str = ""
    note: str = ""

    def hits(self, text: str, year: int) -> bool:
        """Whether `text` uses this wording in a way that is out of date in `year`."""
        low, high = self.years
        if (low is None or year >= low) and (high is None or year <= high):
            return False
        for allowed in self.allow:
            text = text.replace(allowed, "")
        return self.text in text


@lru_cache(maxsize=1)
def outdated_markers() -> tuple[Outdated, ...]:
    import yaml

    entries = yaml.safe_load(OUTDATED.read_text(encoding="utf-8")) or []
    return tuple(Outdated(text=e["text"], years=parse_years(e["years"]),
                          allow=tuple(e.get("allow") or ()), instead=e.get("instead", ""),
                          note=e.get("note", "")) for e in entries)


def outdated_in(text: str, year: int) -> list[Outdated]:
    return [m for m in outdated_markers() if m.hits(text, year)]


def speech_year(value: dt.date | str | None) -> int | None:
    """The year of an outline date or a --date value (2026-03-01, 2026年3月1日, 2026)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.year
    m = re.match(r"\s*(\d{4})(?:\s*(?:[-/.年]|$))", str(value))
    if not m:
        raise CorpusError(f"看不懂日期“{value}”", hint="写成 2026-03-01、2026年3月1日 或 2026")
    numbers = [int(n) for n in re.findall(r"\d+", str(value))[:3]]
    try:  # only the year is used, but a mistyped month or day is still a mistake to point out
        dt.date(*(numbers + [1, 1])[:3])
    except ValueError:
        raise CorpusError(f"日期“{value}”不存在", hint="写成 2026-03-01、2026年3月1日 或 2026") from None
    return int(m.group(1))


# --- loading ---------------------------------------------------------------------------------

def _list(value: Any, where: str, path: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise CorpusError("应写成文字列表，如 [招商引资]", file=path, path=where)


def _frame_from_entry(entry: Any, part: str, where: str, path: str,
                      topics: dict[str, list[str]]) -> Frame:
    if isinstance(entry, str):
        entry = {"text": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"].strip():
        raise CorpusError("每条句式应是一行文字，或带 text 的映射", file=path, path=where)
    unknown = set(entry) - {"text", "topics", "meeting", "register", "years"}
    if unknown:
        raise CorpusError(f"未知字段“{'、'.join(sorted(unknown))}”", file=path, path=where,
                          hint="可用字段：text、topics、meeting、register、years")
    frame = Frame(text=entry["text"].strip(), part=part,
                  topics=_list(entry.get("topics"), where + ".topics", path),
                  meeting=_list(entry.get("meeting"), where + ".meeting", path),
                  register=_list(entry.get("register"), where + ".register", path) or [DEFAULT_REGISTER])
    for slot in frame.slots:
        if slot not in SLOT_TYPES:
            raise CorpusError(f"未知的空位“{{{slot}}}”", file=path, path=where + ".text",
                              hint="空位只能是 " + " ".join("{" + s + "}" for s in SLOT_TYPES))
    for topic in frame.topics:
        if topic not in topics:
            raise CorpusError(f"未知的话题“{topic}”", file=path, path=where + ".topics",
                              hint="先在 topics 中列出它")
    for register in frame.register:
        if register not in REGISTERS:
            raise CorpusError(f"未知的语体“{register}”", file=path, path=where + ".register",
                              hint="可选：" + "、".join(REGISTERS))
    if "years" in entry:
        try:
            frame.years = parse_years(entry["years"])
        except ValueError:
            raise CorpusError(f"看不懂年份“{entry['years']}”", file=path, path=where + ".years",
                              hint="写成 2026 或 2026-2030") from None
    return frame


def library_from_yaml(text: str, path: str) -> Library:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CorpusError("短语库不是有效的 YAML", file=path,
                          line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict) or not isinstance(data.get("parts"), dict):
        raise CorpusError("短语库应有 parts（按部分列出的句式）", file=path)
    topics: dict[str, list[str]] = {}
    for name, aliases in (data.get("topics") or {}).items():
        topics[str(name)] = _list(aliases, f"topics.{name}", path)
    frames: list[Frame] = []
    for part_name, entries in data["parts"].items():
        part = PART_ALIASES.get(str(part_name))
        if part is None:
            raise CorpusError(f"未知的部分“{part_name}”", file=path, path="parts",
                              hint="可选：" + "、".join(PARTS.values()))
        for i, entry in enumerate(entries or []):
            frames.append(_frame_from_entry(entry, part, f"parts.{part_name}[{i}]", path, topics))
    return Library(frames=frames, topics=topics, path=path)


def library_from_mined(data: Phrasebank, path: str) -> Library:
    frames: list[Frame] = []
    for part, entries in (data.get("parts") or {}).items():
        if part not in PARTS:
            continue
        for entry in entries:
            text = entry.get("text") or entry.get("frame") or ""
            sources = [Source(file=s.get("file") or s.get("source", ""), line=s.get("line"),
                              text=s.get("text", ""))
                       for s in entry.get("sources") or entry.get("examples") or []]
            frames.append(Frame(text=text, part=part, count=entry.get("count"), sources=sources))
    return Library(frames=frames, topics={}, path=path, mined=True)


def load_library(path: Path | None = None) -> Library:
    from .loader import read_text

    if path is None:
        return _shipped()
    text = read_text(path, what="短语库", limit=32 * 1024 * 1024)
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        from .corpus.bookshape import check_phrasebank

        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"短语库不是有效的 JSON（第 {exc.lineno} 行）", file=str(path)) from None
        except RecursionError:
            raise CorpusError("短语库嵌套过深，不是有效的短语库", file=str(path)) from None
        return library_from_mined(check_phrasebank(data, str(path)), str(path))
    return library_from_yaml(text, str(path))


@lru_cache(maxsize=1)
def _shipped() -> Library:
    return library_from_yaml(LIBRARY.read_text(encoding="utf-8"), str(LIBRARY))


# --- selection -------------------------------------------------------------------------------

@dataclass
class Selection:
    frames: list[Frame]
    notes: list[str] = field(default_factory=list)


def resolve_topic(library: Library, topic: str) -> str | None:
    """招商 → 招商引资: a topic by its name, an alias, or a part of either."""
    for name, aliases in library.topics.items():
        if topic == name or topic in aliases:
            return name
    for name, aliases in library.topics.items():
        if any(topic in word or (len(word) > 1 and word in topic) for word in [name, *aliases]):
            return name
    return None


def _mentions(frame: Frame, topic: str) -> bool:
    return topic in frame.text or any(topic in s.text for s in frame.sources)


def select(library: Library, part: str, *, topic: str | None = None, year: int | None = None,
           meeting: str | None = None, register: str | None = None) -> Selection:
    """The frames of one part for a speech. A topic with no frames of its own falls back to
    the general ones, with a note saying so; time-bound and outdated frames are left out."""
    part_name = PARTS[part]
    notes: list[str] = []
    frames = [f for f in library.frames if f.part == part]
    if year is not None:
        kept = [f for f in frames if f.valid_in(year) and not outdated_in(f.text, year)]
        if len(kept) < len(frames):
            notes.append(f"已按 {year} 年隐去不适用或已过时的 {len(frames) - len(kept)} 条。")
        frames = kept
    if register:
        chosen = [f for f in frames if register in f.register]
        if not chosen:
            notes.append(f"没有{register}语体的{part_name}用语，以下是会议讲话用语。")
            chosen = [f for f in frames if DEFAULT_REGISTER in f.register]
        frames = chosen
    if meeting:
        matching = [f for f in frames if meeting in f.meeting]
        frames = matching + [f for f in frames if not f.meeting]
    if topic:
        name = resolve_topic(library, topic)
        if name:
            topical = [f for f in frames if name in f.topics]
        else:
            topical = [f for f in frames if _mentions(f, topic)]
        if topical:
            frames = topical
        else:
            general = [f for f in frames if not f.topics]
            if library.topics and not name:
                known = "、".join(library.topics)
                notes.append(f"短语库里没有“{topic}”这个话题（已有：{known}），以下是通用的{part_name}用语。")
            else:
                notes.append(f"没有专门针对“{name or topic}”的{part_name}用语，以下是通用的{part_name}用语。")
            frames = general or frames
    if library.mined:
        frames = sorted(frames, key=lambda f: -(f.count or 0))
    return Selection(frames=frames, notes=notes)


def slot_legend(frames: list[Frame], filled: dict[str, str] | None = None) -> str | None:
    """空位：{地} 地名，{数} 数字；“……”处自己补写。  for the slots these frames use and the
    outline did not fill."""
    done = {name for name, value in (filled or {}).items() if value}
    used = [name for name in SLOTS if name not in done and any(name in f.slots for f in frames)]
    gaps = any("……" in f.text for f in frames)
    if not used and not gaps:
        return None
    text = "空位：" + "，".join(f"{{{n}}} {SLOTS[n]}" for n in used) if used else ""
    return text + ("；" if text and gaps else "") + ("“……”处按实际补写" if gaps else "") + "。"


def describe(frame: Frame, meeting_names: dict[str, str] | None = None) -> str:
    """One line of labels for the text listing: 话题 · 会议类型 · 语体 · 年份."""
    labels: list[str] = []
    names = meeting_names or {}
    if frame.topics:
        labels.append("、".join(frame.topics))
    if frame.meeting:
        labels.append("、".join(names.get(m, m) for m in frame.meeting))
    if frame.register != [DEFAULT_REGISTER]:
        labels.append("、".join(frame.register))
    if frame.years:
        labels.append("限" + _years_text(frame.years))
    return " · ".join(labels)
