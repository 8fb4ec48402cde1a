"""The 提法 rules (drafter/data/tifa.yaml, the writer's own tifa.yaml, --tifa FILE): their three
kinds of entry, read and checked where they are written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import DrafterError
from ..lazyre import compiled, holds_any, required_literals
from . import cache

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "tifa.yaml"


class Entry(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~0.5 ms to create at every start
    key: str  # wrong / pattern / name: a user entry with the same key replaces a shipped one
    pattern: str | None  # fixed and time-bound; the regular expressions are compiled on first use
    right: str
    source: str
    note: str = ""
    since: int | None = None
    until: int | None = None
    current_pattern: str | None = None
    unless_pattern: str | None = None
    always: bool = False
    name: str = ""  # counted formulations
    items: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[str, ...] = ()
    extras: bool = True
    # literals one of which every match of `pattern` holds: text without them is passed over
    # without compiling the pattern (read once, when the rules are parsed and cached)
    anchors: tuple[str, ...] = ()

    def may_match(self, text: str) -> bool:
        return holds_any(text, self.anchors)

    @property
    def regex(self) -> re.Pattern[str] | None:
        return None if self.pattern is None else compiled(self.pattern)

    @property
    def current(self) -> re.Pattern[str] | None:
        return None if self.current_pattern is None else compiled(self.current_pattern)

    @property
    def unless(self) -> re.Pattern[str] | None:
        return None if self.unless_pattern is None else compiled(self.unless_pattern)

    @property
    def timed(self) -> bool:
        return self.since is not None or self.until is not None

    def valid_in(self, year: int) -> bool:
        """A counted entry's list applies in this year (since … until)."""
        return (self.since is None or year >= self.since) and (self.until is None or year <= self.until)

    def outdated_in(self, year: int) -> bool:
        """Time-bound wording: out of date from `since` on, or after `until`."""
        return (self.since is not None and year >= self.since) or (self.until is not None and year > self.until)


class Rules(NamedTuple):
    entries: tuple[Entry, ...]
    review_pattern: str

    @property
    def review(self) -> re.Pattern[str]:
        return compiled(self.review_pattern)


Parsed = tuple[list[tuple[Entry | None, str]], str | None, str | None]


def _plain(parsed: Parsed) -> object:
    """What _parse returned, as tuples of builtins (for the cache)."""
    entries, review, current = parsed
    return ([(None if e is None else tuple(e), key)
             for e, key in entries], review, current)


def _typed(plain: Any) -> Parsed:
    entries, review, current = plain
    return [(None if e is None else Entry(*e), key) for e, key in entries], review, current


def user_tifa_file() -> Path:
    from ..userdirs import config_path

    return config_path("tifa.yaml")


def _fail(message: str, file: str, line: int | None = None) -> DrafterError:
    return DrafterError(message, file=file, line=line,
                        hint="格式见内置的 drafter/data/tifa.yaml 开头的说明")


def _regex(text: Any, file: str, line: int | None) -> str:
    """The regular expression, checked (an entry compiles it again, from re's cache, on use)."""
    if not isinstance(text, str) or not text:
        raise _fail("正则表达式应是一段文字", file, line)
    try:
        compiled(text)
        return text
    except re.error as exc:
        raise _fail(f"正则表达式写错了：{exc}", file, line) from None


def _year(value: Any, what: str, file: str, line: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return value
    raise _fail(f"{what} 应是年份（如 2026）", file, line)


def _parse(text: str, file: str) -> Parsed:
    """Entries (None where `disable: true`) with their keys, and the review/current patterns."""
    from ..loader import parse_yaml

    try:
        data, positions, _ = parse_yaml(text, file)
    except DrafterError:
        raise
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise _fail("提法文件应有 entries: 列表", file, 1)
    out: list[tuple[Entry | None, str]] = []
    current_default = data.get("current")
    for i, raw in enumerate(data["entries"]):
        pos = positions.of_value(("entries", i))
        line = pos[0] if pos else None
        if not isinstance(raw, dict):
            raise _fail(f"第{i + 1}项应是“键: 值”映射", file, line)
        unknown = set(raw) - {"wrong", "pattern", "right", "source", "note", "since", "until", "current",
                              "always", "unless", "name", "items", "prefixes", "extras", "disable"}
        if unknown:
            raise _fail(f"第{i + 1}项有不认识的键：{'、'.join(sorted(map(str, unknown)))}", file, line)
        key = str(raw.get("name") or raw.get("wrong") or raw.get("pattern") or "")
        if not key:
            raise _fail(f"第{i + 1}项要有 wrong、pattern 或 name 之一", file, line)
        if raw.get("disable"):
            out.append((None, key))
            continue
        out.append((_entry(raw, key, f"第{i + 1}项（{key}）", current_default, file, line), key))
    review = data.get("review")
    return out, review if isinstance(review, str) else None, current_default if isinstance(current_default, str) else None


def _entry(raw: dict[Any, Any], key: str, which: str, current_default: Any, file: str,
           line: int | None) -> Entry:
    """One entry of a 提法 file: a counted formulation (name, items) or a wording (wrong or pattern)."""
    source = raw.get("source")
    if not isinstance(source, str) or not source.strip():
        raise _fail(f"{which}缺少 source：请写明依据的文件", file, line)
    since = _year(raw.get("since"), "since", file, line)
    until = _year(raw.get("until"), "until", file, line)
    common: dict[str, Any] = {"key": key, "source": source.strip(), "note": str(raw.get("note") or ""),
                              "since": since, "until": until}
    if raw.get("name"):
        items = raw.get("items")
        if not isinstance(items, list) or len(items) < 2:
            raise _fail(f"{which}的 items 应列出至少两项", file, line)
        forms = tuple(tuple(str(x) for x in (item if isinstance(item, list) else [item])) for item in items)
        joiner = "；" if any("、" in f[0] for f in forms) else "、"
        return Entry(pattern=None, right=joiner.join(f[0] for f in forms), name=str(raw["name"]),
                     items=forms, prefixes=tuple(str(p) for p in raw.get("prefixes") or []),
                     extras=raw.get("extras", True) is not False, **common)
    if not isinstance(raw.get("right"), str) or not raw["right"].strip():
        raise _fail(f"{which}缺少 right：请写明应当怎么写", file, line)
    regex = _regex(raw["pattern"], file, line) if raw.get("pattern") else re.escape(str(raw["wrong"]))
    current = raw.get("current")
    current_re = None
    if current is True:
        if not isinstance(current_default, str):
            raise _fail(f"{which}写了 current: true，但文件开头没有 current 正则", file, line)
        current_re = _regex(current_default, file, line)
    elif current:
        current_re = _regex(current, file, line)
    unless = _regex(raw["unless"], file, line) if raw.get("unless") else None
    return Entry(pattern=regex, right=raw["right"].strip(), current_pattern=current_re, unless_pattern=unless,
                 always=bool(raw.get("always")), anchors=required_literals(regex), **common)


@lru_cache(maxsize=8)
def _load(files: tuple[tuple[str, int, int], ...]) -> Rules:
    """Rules from the files (name, mtime, size: a changed file is read again)."""
    entries: dict[str, list[Entry]] = {}
    order: list[str] = []
    review = None
    for index, (name, _, _) in enumerate(files):
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise DrafterError(f"无法读取提法文件：{exc}", file=name) from None
        parsed, file_review, _ = cache.parsed("tifa", text, __file__, partial(_parse, text, name),
                                              plain=_plain, typed=_typed)
        review = file_review or review
        seen_here: set[str] = set()
        for entry, key in parsed:
            if key not in entries:
                order.append(key)
                entries[key] = []
            if index and key not in seen_here:
                entries[key] = []  # a later file's entry replaces the shipped one(s) of that key
            seen_here.add(key)
            if entry is not None:
                entries[key].append(entry)
    return Rules(tuple(e for key in order for e in entries[key]), review or r"(?!x)x")


def rule_files(extra: Iterable[str] = ()) -> tuple[tuple[str, int, int], ...]:
    files = [SHIPPED]
    user = user_tifa_file()
    if user.is_file():
        files.append(user)
    for name in extra:
        if not Path(name).is_file():
            raise DrafterError("找不到这个提法文件", file=name)
        files.append(Path(name))
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def load_rules(extra: Iterable[str] = ()) -> Rules:
    return _load(rule_files(extra))
