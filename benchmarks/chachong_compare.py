"""Candidate search for 查重, compared on real input: datasketch's MinHash LSH against drafter's
own sorted 4-gram index (drafter/lint/chachong.py). Needs `pip install datasketch`.

Run: python benchmarks/chachong_compare.py [--mb 10]

Both index the same archive (benchmarks/chachong.py's: ../shared/corpus sentences, ~5% of
characters replaced per copy) and look up the same 40 planted sentences (20 verbatim, 20 with
2–3 characters changed) plus 160 sentences that are not in the archive. Printed: index time,
lookup time, planted sentences whose source was among the candidates, and candidates per
unplanted sentence (work left for verification).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chachong  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    options = parser.parse_args()
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        sys.exit("pip install datasketch first")
    from drafter.lint import chachong as own

    rng = random.Random(7)
    sentences = chachong.corpus_sentences()
    pool = "".join(sorted({c for s in sentences for c in s if "\u4e00" <= c <= "\u9fff"}))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chachong.make_archive(folder, options.mb, sentences, rng)
        files = sorted(folder.glob("*.txt"))
        start = time.perf_counter()
        archive = own.build(files)
        own_build = time.perf_counter() - start
        texts = [archive.sentence(i) for i in range(len(archive.starts))]
        planted: list[tuple[str, int]] = []
        for k in range(40):
            sid = rng.randrange(len(texts))
            while len(texts[sid]) < own.MIN_CHARS:
                sid = rng.randrange(len(texts))
            query = texts[sid]
            if k >= 20:
                chars = list(query)
                for i in rng.sample(range(2, len(chars) - 2), rng.choice((2, 3))):
                    chars[i] = rng.choice(pool)
                query = "".join(chars)
            planted.append((query, sid))
        fresh = [own._norm("".join(rng.choice(pool) for _ in range(rng.randint(18, 40)))) for _ in range(160)]

        start = time.perf_counter()
        found = 0
        for query, _sid in planted:
            match = own.search(archive, query)
            found += match is not None  # the source, or another copy as close
        noise = sum(own.search(archive, q) is not None for q in fresh)
        own_lookup = time.perf_counter() - start
        print(f"own 4-gram index: build {own_build:.2f} s, {len(texts)} sentences; "
              f"200 lookups {own_lookup:.2f} s; planted found {found}/40; false matches {noise}/160")

        def shingles(text: str) -> list[bytes]:
            return [text[i:i + 3].encode("utf-8") for i in range(max(1, len(text) - 2))]

        start = time.perf_counter()
        lsh = MinHashLSH(threshold=0.4, num_perm=64)
        hashes = MinHash.bulk([shingles(t) for t in texts], num_perm=64)
        with lsh.insertion_session() as session:
            for i, h in enumerate(hashes):
                session.insert(i, h)
        ds_build = time.perf_counter() - start
        start = time.perf_counter()
        found, candidates = 0, 0
        for query, _sid in planted:
            h = MinHash(num_perm=64)
            h.update_batch(shingles(query))
            hits = lsh.query(h)
            found += any(own.coverage(query, texts[i]) >= own.THRESHOLD for i in hits)
        for query in fresh:
            h = MinHash(num_perm=64)
            h.update_batch(shingles(query))
            candidates += len(lsh.query(h))
        ds_lookup = time.perf_counter() - start
        print(f"datasketch MinHashLSH (64 perms, char 3-grams, threshold 0.4): build {ds_build:.2f} s; "
              f"200 lookups {ds_lookup:.2f} s; planted found among candidates {found}/40; "
              f"candidates per unplanted sentence {candidates / 160:.1f}")



if __name__ == "__main__":
    main()
