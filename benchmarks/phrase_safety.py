"""How well the phrase miner's safety filter works on sentences it was not tuned on.

    python benchmarks/phrase_safety.py

Reads the annotated paragraphs in benchmarks/data (a reported or refuted view, a named person,
or clean text) and prints, per file and label, how many the filter handles right: for view and
name rows the marked words must not survive in any kept sentence; for clean rows every sentence
must be kept. Each file was written and measured before it was used to tune the filter
(its header gives that first figure): tuning (round 1), round2 … round5. A file written after
the last round is the only honest measure of the current filter: add one before changing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafter.corpus.phrases import PhraseCollector  # noqa: E402


def score(path: Path, collector: PhraseCollector) -> None:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, paragraph, *rest = line.split("\t")
        rows.append((label, paragraph, rest[0] if rest else ""))
    totals: dict[str, list[int]] = {}
    print(path.name)
    for label, paragraph, bad in rows:
        kept = collector.safe_sentences(paragraph)
        if label == "clean":
            ok = "".join(kept) == paragraph
        else:
            ok = not any(bad in sentence for sentence in kept)
        totals.setdefault(label, [0, 0])
        totals[label][0] += ok
        totals[label][1] += 1
        if not ok:
            print(f"  missed ({label}): {paragraph}  kept: {kept}")
    for label, (ok, n) in totals.items():
        what = "kept whole" if label == "clean" else "removed"
        print(f"  {label:5}  {what}: {ok}/{n} = {ok / n:.0%}")


def main() -> None:
    collector = PhraseCollector()
    data = Path(__file__).with_name("data")
    for name in ("phrase_safety_tuning.tsv", "phrase_safety_round2.tsv", "phrase_safety_round3.tsv",
                 "phrase_safety_round4.tsv", "phrase_safety_round5.tsv",
                 "phrase_safety_heldout.tsv"):
        score(data / name, collector)

if __name__ == "__main__":
    main()
