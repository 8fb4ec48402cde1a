"""The usage lexicon (D140, D143): drafter/data/usage.tsv plus the writer's own usage.tsv (config
home or --usage): wrong form, right form, context conditions, reason; read, checked and scanned."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..errors import DrafterError
from ..lazyre import compiled

BUILTIN = Path(__file__).resolve().parent.parent / "data" / "usage.tsv"
_CONDITION = compiled(r"^(前非|后非|前|后):(.+)$")
_LOOK = 24  # characters of context a condition sees on either side


class Entry(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~0.5 ms to create at every start
    wrong: str
    right: str  # "-" switches a built-in entry off
    note: str
    code: str
    # context conditions as regular expressions, compiled on first use (re caches them)
    before: str | None = None
    after: str | None = None
    not_before: str | None = None
    not_after: str | None = None

    def applies(self, text: str, start: int, end: int) -> bool:
        head, tail = text[max(0, start - _LOOK):start], text[end:end + _LOOK]
        if self.before and not re.search(self.before, head):
            return False
        if self.after and not re.match(self.after, tail):
            return False
        if self.not_before and re.search(self.not_before, head):
            return False
        return not (self.not_after and re.match(self.not_after, tail))


class Slip(NamedTuple):
    code: str
    start: int
    end: int
    wrong: str
    right: str
    reason: str

    @property
    def message(self) -> str:
        if self.code == "D142":
            return f"“{self.wrong}”重复：{self.reason}"
        return f"“{self.wrong}”应为“{self.right}”：{self.reason}"

    @property
    def fix(self) -> str:
        return f"改为“{self.right}”" if self.right else "删去重复的部分"


def user_usage_file() -> Path:
    """The writer's own lexicon beside the user templates (XDG_CONFIG_HOME, APPDATA, …)."""
    from ..userdirs import config_path

    return config_path("usage.tsv")


def parse_lexicon(text: str, source: str, *, check: bool = True) -> dict[str, Entry]:
    """Entries by wrong form. `check` compiles every condition to report a bad one by its line
    (the built-in table is checked by the tests instead, to keep lint's start fast)."""
    entries: dict[str, Entry] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise DrafterError("用词表的一行至少要有“误”“正”两栏，用 Tab 分隔", file=source, line=number)
        wrong, right = cells[0].strip(), cells[1].strip()
        context = cells[2].strip() if len(cells) > 2 else ""
        note = cells[3].strip() if len(cells) > 3 else ""
        kind = cells[4].strip() if len(cells) > 4 else ""
        if kind not in ("", "用词", "量词"):
            raise DrafterError(f"用词表的类别只能是“用词”或“量词”，这里是“{kind}”", file=source, line=number)
        conditions: dict[str, str] = {}
        for part in context.split():
            m = _CONDITION.match(part)
            if not m:
                raise DrafterError(f"看不懂语境条件“{part}”（应为 前:… 后:… 前非:… 后非:…）", file=source,
                                   line=number)
            pattern = m.group(2).removesuffix("$")
            conditions[m.group(1)] = f"(?:{pattern})$" if m.group(1).startswith("前") else pattern
            try:
                if check:
                    compiled(conditions[m.group(1)])
            except re.error as exc:
                raise DrafterError(f"语境条件“{part}”不是有效的正则表达式：{exc}", file=source,
                                   line=number) from None
        entries[wrong] = Entry(wrong, right, note or f"应写作“{right}”", "D143" if kind == "量词" else "D140",
                               conditions.get("前"), conditions.get("后"), conditions.get("前非"),
                               conditions.get("后非"))
    return entries


class Lexicon:
    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = {w: e for w, e in entries.items() if e.right != "-"}
        lengths: dict[str, set[int]] = {}
        for form in self.entries:
            lengths.setdefault(form[0], set()).add(len(form))
        self._lengths = {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}

    def scan(self, text: str) -> list[Slip]:
        """Every applicable form, the longest at each position; overlaps are settled later."""
        slips: list[Slip] = []
        for start, ch in enumerate(text):
            for length in self._lengths.get(ch, ()):  # the longest form that applies here wins
                entry = self.entries.get(text[start:start + length])
                if entry and entry.applies(text, start, start + length):
                    slips.append(Slip(entry.code, start, start + length, entry.wrong, entry.right, entry.note))
                    break
        return slips


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> Lexicon:
    entries = parse_lexicon(BUILTIN.read_text(encoding="utf-8"), str(BUILTIN), check=False)
    for name in paths:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise DrafterError("找不到这个用词表", file=name, hint="检查 --usage 的路径") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise DrafterError(f"无法读取用词表（需为 UTF-8 文本）：{exc}", file=name) from None
        entries.update(parse_lexicon(text, name))
    return Lexicon(entries)


def lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    user = user_usage_file()
    return _load(((str(user),) if user.is_file() else ()) + tuple(extra))
