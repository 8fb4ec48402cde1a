"""Regenerate the corpus package's derived data (run on purpose, never edit the output):

    python -m drafter.corpus.build_data [CORPUS_DIR]     (default: ../shared/corpus)

phrasebank.json — the phrasebank mined from the seed and dev corpus that ships with drafter
(`drafter phrases` reads it).

common_chars.txt — the 3,500 most frequent characters in jieba's dictionary (word
frequency summed per character), plus their traditional forms (OpenCC s2t). The cleaner uses
it to tell mojibake and mis-decoded text from Chinese.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

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
                if "\u4e00" <= ch <= "\u9fff":
                    counts[ch] += int(freq)
    simplified = "".join(ch for ch, _ in counts.most_common(TOP))
    traditional = opencc.OpenCC("s2t").convert(simplified)
    return "".join(sorted(set(simplified + traditional))) + "\n"


def build_phrasebank(corpus: Path) -> str:
    from .mine import mine_bytes
    from .phrases import PhraseCollector, dump

    collector = PhraseCollector()
    for path in sorted(corpus.glob("*/*.txt")):
        name = f"{path.parent.name}/{path.name}"
        for speech in mine_bytes(path.read_bytes(), name).speeches:
            collector.add(speech, name)
    return dump(collector.result())


def main() -> None:
    import sys

    data = Path(__file__).with_name("data")
    target = data / "common_chars.txt"
    target.write_text(build_common_chars(), encoding="utf-8")
    print(f"wrote {target}")
    root = Path(__file__).resolve().parents[3]
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "shared" / "corpus"
    if corpus.is_dir():
        (data / "phrasebank.json").write_text(build_phrasebank(corpus), encoding="utf-8")
        print(f"wrote {data / 'phrasebank.json'} from {corpus}")
    else:
        print(f"no corpus at {corpus}: phrasebank.json left as it is")


if __name__ == "__main__":
    main()
