"""One small tokenizer interface. rjieba (jieba-rs) when installed, else jieba; both quiet.

The miner needs words and part-of-speech tags only for phrase slots and keywords; tests can
pass any object with the same two methods.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol


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


class _LightRjieba(_Rjieba):
    """rjieba holding only a given word list: `import rjieba` builds the whole 350,000-word
    dictionary (about 0.35 s), which lint cannot afford for one paragraph. The extension module is
    loaded without the package's __init__ so that the full dictionary is never built."""

    def __init__(self, words: Path) -> None:
        import sys

        loaded = sys.modules.get("rjieba.rjieba")  # the package (or we) loaded it already: reuse it
        extension = loaded if loaded is not None else self._load_extension()
        jieba: Any = extension.Jieba.empty()
        add = jieba.add_word
        for line in words.read_text(encoding="utf-8").splitlines():
            word, freq, tag = line.split(" ")
            add(word, int(freq), tag)
        self._module = jieba

    @staticmethod
    def _load_extension() -> Any:
        import importlib.machinery
        import importlib.util
        import sys

        spec = importlib.util.find_spec("rjieba")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("rjieba")
        folder = Path(next(iter(spec.submodule_search_locations)))
        binary = next((p for suffix in importlib.machinery.EXTENSION_SUFFIXES
                       for p in sorted(folder.glob(f"rjieba*{suffix}"))), None)
        if binary is None:
            raise ImportError("rjieba extension")
        loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(binary))
        module_spec = importlib.util.spec_from_file_location("rjieba.rjieba", binary, loader=loader)
        if module_spec is None:
            raise ImportError("rjieba extension")
        extension = importlib.util.module_from_spec(module_spec)
        loader.exec_module(extension)
        sys.modules["rjieba.rjieba"] = extension  # a later `import rjieba` uses it, not a second copy
        return extension


@lru_cache(maxsize=4)
def light_tokenizer(words: Path) -> Tokenizer:
    """A fast-loading tokenizer over a word list ("word freq tag" per line, jieba's format), for
    checks that need common words only; the full tokenizer when that cannot be had."""
    try:
        return _LightRjieba(words)
    except Exception:  # any failure to load the extension this way: the ordinary tokenizer
        return default_tokenizer()
