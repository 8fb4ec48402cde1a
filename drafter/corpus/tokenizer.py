"""One small tokenizer interface. rjieba (jieba-rs) when installed, else jieba; both quiet.

The miner needs words and part-of-speech tags only for phrase slots and keywords; tests can
pass any object with the same two methods.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol


class Tokenizer(Protocol):
    def cut(self, text: str) -> list[str]: ...

    def tag(self, text: str) -> list[tuple[str, str]]: ...

    def tag_new_words(self, text: str) -> list[tuple[str, str]]:
        """Tags with the HMM on, which also finds words not in the dictionary (names)."""
        ...


class _Rjieba:
    def __init__(self) -> None:
        import rjieba

        self._module = rjieba

    def cut(self, text: str) -> list[str]:
        return list(self._module.cut(text, hmm=False))

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(w, t) for w, t in self._module.tag(text, hmm=False)]

    def tag_new_words(self, text: str) -> list[tuple[str, str]]:
        return [(w, t) for w, t in self._module.tag(text, hmm=True)]


class _Jieba:
    def __init__(self) -> None:
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self._posseg = jieba.posseg.POSTokenizer(self._tokenizer)

    def cut(self, text: str) -> list[str]:
        return list(self._tokenizer.lcut(text, HMM=False))

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(p.word, p.flag) for p in self._posseg.lcut(text, HMM=False)]

    def tag_new_words(self, text: str) -> list[tuple[str, str]]:
        return [(p.word, p.flag) for p in self._posseg.lcut(text, HMM=True)]


@lru_cache(maxsize=1)
def default_tokenizer() -> Tokenizer:
    try:
        return _Rjieba()
    except ImportError:
        return _Jieba()
