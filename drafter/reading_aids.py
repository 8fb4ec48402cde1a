"""Aids for a leader reading a speech aloud: pinyin over hard words, pause marks.

Used only by the reading copy (render --reading-copy), so pypinyin and the tokenizer are
imported here and nowhere on the ordinary render path.

Pinyin goes over the first appearance of: a word from the shipped misread list
(drafter/data/misread.txt, extended by the writer's own misread.txt in the config folder);
a character outside the common-character list; and a 多音字 of a short list whose reading in
context differs from its everyday reading (供给 jǐ, 处理 chǔ, 着力 zhuó …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .textnorm import is_cjk

PAUSE_MARK = "／"
# Characters whose reading in some words differs from the everyday one, and is often misread.
POLYPHONES = frozenset("给载强应着参角省差模薄累曲塞劲创处供血称量铺藏解")
_CLAUSE = re.compile(r"[^，。；：！？、“”《》（）]+")


@dataclass(frozen=True)
class Piece:
    text: str
    ruby: str | None = None  # pinyin over this text (one character), or None


def _config_file() -> Path:
    from .userdirs import config_path

    return config_path("misread.txt")


def parse_misread(text: str) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, reading = line.partition(" ")
        syllables = reading.split()
        if word and len(syllables) == len(word):
            words[word] = syllables
    return words


@lru_cache(maxsize=1)
def misread_words() -> dict[str, list[str]]:
    from .loader import read_text

    shipped = Path(__file__).with_name("data") / "misread.txt"
    words = parse_misread(shipped.read_text(encoding="utf-8"))
    user = _config_file()
    if user.is_file():
        words.update(parse_misread(read_text(user, what="易读错字词表")))
    return words


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    path = Path(__file__).with_name("corpus") / "data" / "common_chars.txt"
    return frozenset(path.read_text(encoding="utf-8").strip())


class Annotator:
    """Annotates a document paragraph by paragraph; each hard word gets pinyin once."""

    def __init__(self, *, pinyin: bool = True, pauses: bool = False) -> None:
        self.pinyin = pinyin
        self.pauses = pauses
        self.seen: set[str] = set()

    def pieces(self, text: str) -> list[Piece]:
        if self.pauses:
            text = add_pauses(text)
        if not self.pinyin:
            return [Piece(text)]
        return self._ruby(text)

    def _ruby(self, text: str) -> list[Piece]:
        from pypinyin import Style, pinyin

        words = misread_words()
        readings = [r[0] for r in pinyin(text, style=Style.TONE,
                                          errors=_keep)]  # type: ignore[arg-type]
        if len(readings) != len(text):  # never misplace a reading: fall back to char by char
            readings = [pinyin(c, style=Style.TONE)[0][0] for c in text]
        marks: dict[int, str] = {}
        longest = max((len(w) for w in words), default=0)
        i = 0
        while i < len(text):
            for size in range(min(longest, len(text) - i), 1, -1):
                word = text[i:i + size]
                if word in words:
                    if word not in self.seen:
                        self.seen.add(word)
                        marks.update({i + k: s for k, s in enumerate(words[word])})
                    i += size - 1
                    break
            else:
                char = text[i]
                key = f"{char}:{readings[i]}"
                if is_cjk(char) and key not in self.seen and i not in marks:
                    everyday = pinyin(char, style=Style.TONE)[0][0]
                    rare = char not in _common_chars()
                    if rare or (char in POLYPHONES and readings[i] != everyday):
                        self.seen.add(key)
                        marks[i] = readings[i]
            i += 1
        out: list[Piece] = []
        start = 0
        for index in sorted(marks):
            if index > start:
                out.append(Piece(text[start:index]))
            out.append(Piece(text[index], marks[index]))
            start = index + 1
        if start < len(text):
            out.append(Piece(text[start:]))
        return out


def add_pauses(text: str) -> str:
    """A pause mark after a long subject: where the run of noun-like words that opens a clause
    (8 characters or more) meets its predicate, so the reader breathes where the sense divides.
    A leading 一是/二要 and the like is not part of the subject."""
    from .corpus.tokenizer import default_tokenizer

    tagger = default_tokenizer()
    out: list[str] = []
    last = 0
    for m in _CLAUSE.finditer(text):
        clause = m.group(0)
        lead = _SERIES_WORD.match(clause)
        skip = lead.end() if lead else 0
        if len(clause) - skip < 14:
            continue
        offset = skip
        for word, tag in tagger.tag(clause[skip:]):
            if not tag.startswith(_SUBJECT_TAGS):
                if offset - skip >= 8 and len(clause) - offset >= 6:
                    cut = m.start() + offset
                    out.append(text[last:cut])
                    out.append(PAUSE_MARK)
                    last = cut
                break
            offset += len(word)
    out.append(text[last:])
    return "".join(out)


# Parts of speech that make up a subject: nouns, pronouns, numerals and measures,
# distinguishing words, conjunctions (和 与 及), 的/等, locatives, abbreviations.
_SUBJECT_TAGS = ("n", "r", "m", "q", "b", "c", "u", "f", "s", "t", "j", "x", "eng")
_SERIES_WORD = re.compile(r"^[一二三四五六七八九十]+[是要]|^(首先|其次|再次|最后|同时)")


def _keep(text: str) -> list[str]:
    """pypinyin's handler for characters without pinyin: one item per character, so that
    readings stay aligned with the text."""
    return list(text)
