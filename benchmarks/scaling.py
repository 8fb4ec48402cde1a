"""Scaling checks: time at 1x and 4x input size for the paths that used to be quadratic.

A linear path shows a ratio near 4 (n log n a little more); a quadratic one near 16. Each
case also has an absolute budget from the hardening brief, at the largest size:

- lint of a draft of many sentences (D109 repeats, sentence splitting): 1 MB in <= 5 s
- lint of one long paragraph without sentence punctuation (the transition regex)
- mine of a single line without punctuation: 20 MB in <= 10 s

Inputs are generated fresh (seeded), written to a temporary folder, and each command runs
in a subprocess via sys.executable. Run: python benchmarks/scaling.py
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = "我们要坚持以人民为中心的发展思想推动经济社会高质量发展加强基层治理能力建设全面提升服务水平"


def sentences_draft(size: int) -> str:
    rng = random.Random(size)
    out: list[str] = []
    total = 0
    while total < size:
        paragraph = "".join("".join(rng.choice(WORDS) for _ in range(rng.randint(10, 30))) + "。"
                            for _ in range(8))
        out.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 1
    return "\n".join(out) + "\n"


def one_line(size: int) -> str:
    unit = "我们要讲好"  # 15 bytes, no sentence punctuation
    return unit * (size // len(unit.encode("utf-8"))) + "\n"


def timed(args: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run. CPU time (user + system of the child) is the figure to
    read on a shared machine, where wall time also counts waiting for a core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "drafter", *args], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False, timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


CASES = [
    # name, generator, base size in bytes, command (file appended), budget at 4x in seconds
    ("lint: sentences", sentences_draft, 256 * 1024, ["lint"], 5.0),
    ("lint: one paragraph", one_line, 256 * 1024, ["lint"], 5.0),
    ("mine: one line", one_line, 5 * 1024 * 1024, ["mine", "--json"], 10.0),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, make, base, command, budget in CASES:
            times = []
            for factor in (1, 4):
                path = Path(folder) / f"input-{factor}.txt"
                path.write_text(make(base * factor), encoding="utf-8")
                times.append(timed([*command, str(path)]))
            (wall1, cpu1), (wall4, cpu4) = times
            verdict = "ok" if cpu4 <= budget else "OVER BUDGET"
            print(f"{name:20s} CPU 1x ({base // 1024} KB) {cpu1:6.2f} s  4x {cpu4:6.2f} s  "
                  f"ratio {cpu4 / cpu1:4.1f} (linear ~4, quadratic ~16)  budget {budget:g} s: {verdict}"
                  f"  [wall {wall1:.2f} / {wall4:.2f} s]")


if __name__ == "__main__":
    main()
