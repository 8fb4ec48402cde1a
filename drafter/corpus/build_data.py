"""Regenerate the corpus package's derived data (run on purpose, never edit the output):

    python -m drafter.corpus.build_data

(The phrase library that ships is written by hand, drafter/data/phrasebank.yaml: nothing in
it is mined from a corpus.)

common_chars.txt — the 3,500 most frequent characters in jieba's dictionary (word
frequency summed per character), plus their traditional forms (OpenCC s2t). The cleaner uses
it to tell mojibake and mis-decoded text from Chinese.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..textnorm import is_hanzi

TOP = 3500


def build_common_chars() -> str:
    import jieba
    import opencc

    dictionary = Path(jieba.__file__).with_name("dict.txt")
    counts: Counter[str] = Counter()
    with dictionary.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, *_ = line.split()
            for ch in word:
                if is_hanzi(ch):
                    counts[ch] += int(freq)
    simplified = "".join(ch for ch, _ in counts.most_common(TOP))
    traditional = opencc.OpenCC("s2t").convert(simplified)
    return "".join(sorted(set(simplified + traditional))) + "\n"


def main() -> None:
    data = Path(__file__).with_name("data")
    target = data / "common_chars.txt"
    target.write_text(build_common_chars(), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
