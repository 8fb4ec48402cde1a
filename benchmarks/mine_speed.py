"""Miner speed and memory, measured in one run on a corpus made by repeating the seed and dev
texts to about 5 MB (and 20 MB for the 4× point).

Prints: throughput of the whole mine against bare jieba.lcut over the same text (ratio; aim
≤ 1.5; both in CPU seconds of their process, so that a busy machine does not skew the ratio), time growth from 1× to 4× (aim: linear within 10%), peak memory at 1× and 4× (aim:
flat), and the speed-up of --jobs 2. Needs the shared corpus and jieba (pip install -e ".[dev]").
Run: python benchmarks/mine_speed.py [MB]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

CHILD = """
import resource, sys, time
from pathlib import Path
from drafter.corpus.mine import mine_bytes
start = time.process_time()
speeches = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    speeches += len(mine_bytes(path.read_bytes(), path.name).speeches)
elapsed = time.process_time() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, speeches)
"""

PLAN = """
import os, sys
from drafter.corpus.runner import collect_inputs, plan_jobs
jobs, why = plan_jobs(2, collect_inputs([sys.argv[1]]))
print(f"{jobs} processes, load {os.getloadavg()[0]:.1f}" + (f": {why}" if why else ""))
"""

JIEBA = """
import logging, sys, time
from pathlib import Path
import jieba
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
start = time.process_time()
for text in texts:
    jieba.lcut(text)
print(time.process_time() - start)
"""


def make_corpus(directory: Path, target_bytes: int) -> int:
    sources = sorted(CORPUS.glob("*/*.txt"))
    total = copy = 0
    while total < target_bytes:
        for source in sources:
            data = source.read_bytes()
            (directory / f"{copy:05d}_{source.name}").write_bytes(data)
            total += len(data)
            copy += 1
    return total


def run(code: str, directory: Path) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, str(directory)], capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout.split()
    return [float(x) for x in out]


def cli_time(directory: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "drafter", "mine", str(directory), "--json", "--jobs",
                    str(jobs)], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit("the shared corpus is needed: ../shared/corpus")
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    with tempfile.TemporaryDirectory() as tmp:
        one, four = Path(tmp, "1x"), Path(tmp, "4x")
        one.mkdir()
        four.mkdir()
        size1 = make_corpus(one, int(megabytes * 1024 * 1024))
        size4 = make_corpus(four, 4 * size1)
        mine1, rss1, speeches1 = run(CHILD, one)
        mine4, rss4, _ = run(CHILD, four)
        tokenize1 = run(JIEBA, one)[0]
        jobs1 = cli_time(one, 1)
        jobs2 = cli_time(one, 2)
        plan = subprocess.run([sys.executable, "-c", PLAN, str(one)], capture_output=True, text=True,
                              check=True, cwd=ROOT).stdout.strip()
    mb1, mb4 = size1 / 2**20, size4 / 2**20
    print(f"corpus 1×: {mb1:.1f} MB, {int(speeches1)} speeches; 4×: {mb4:.1f} MB")
    print(f"mine 1×          : {mine1:6.2f} s  ({mb1 / mine1:.2f} MB/s)")
    print(f"jieba.lcut 1×    : {tokenize1:6.2f} s  ({mb1 / tokenize1:.2f} MB/s, dictionary load excluded)")
    print(f"mine / jieba     : {mine1 / tokenize1:.2f}   (aim ≤ 1.5)")
    print(f"mine 4×          : {mine4:6.2f} s  → 4× / 1× = {mine4 / mine1:.2f} (linear = {mb4 / mb1:.2f}; "
          f"deviation {abs(mine4 / mine1 / (mb4 / mb1) - 1) * 100:.0f}%, aim ≤ 10%)")
    print(f"peak RSS 1× / 4× : {rss1 / 1024:.0f} MB / {rss4 / 1024:.0f} MB  (ratio {rss4 / rss1:.2f}, aim flat)")
    print(f"CLI --jobs 1 / 2 : {jobs1:.2f} s / {jobs2:.2f} s  → speed-up {jobs1 / jobs2:.2f}×"
          f"  ({plan})")


if __name__ == "__main__":
    main()
