"""Time of `drafter lint` on a 5,000-字 draft with and without the 错别字 rules (D140–D143).

    python benchmarks/typo_speed.py [repeats]

The draft is the rendered examples, cut at 5,000 Chinese characters, with a few planted slips so
that every part of the check (lexicon, tokenizer, 的/地/得, doubles) runs. Each variant runs in a
fresh interpreter (what a writer waits for); the best of N runs is compared. Budget: ≤ 1.5×.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def draft(folder: Path, slips: bool) -> Path:
    from drafter.export.text import export
    from drafter.loader import load_outline
    from drafter.render import render_outline
    from drafter.textnorm import hanzi_count

    lines: list[str] = []
    count = 0
    for outline in sorted((ROOT / "outlines").glob("*.yaml")):
        for line in export(render_outline(load_outline(outline)).document).splitlines():
            if count >= 5000:
                break
            lines.append(line)
            count += hanzi_count(line)
    if slips:
        lines[5] += "要认真的学习贯彻全会精神，进一步进一步布署好各项工作。"
    path = folder / ("slips.txt" if slips else "clean.txt")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def best(args: list[str], repeats: int) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system) of the child, over N runs. On a shared
    machine the CPU time is the steadier of the two."""
    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "drafter", "lint", *args], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    without = ["--ignore", "D140", "--ignore", "D141", "--ignore", "D142", "--ignore", "D143"]
    with tempfile.TemporaryDirectory() as tmp:
        for slips in (False, True):
            path = draft(Path(tmp), slips)
            best([str(path)], 1)  # warm the file cache
            (off, off_cpu), (on, on_cpu) = best([str(path), *without], repeats), best([str(path)], repeats)
            what = "with slips (tokenizer loads)" if slips else "clean (the examples)"
            print(f"lint 5,000-字 draft, {what}: without D140–D143 {off:.3f} s wall / {off_cpu:.3f} s CPU, "
                  f"with {on:.3f} / {on_cpu:.3f}; ratio {on / off:.2f} wall, {on_cpu / off_cpu:.2f} CPU "
                  f"(budget 1.50; best of {repeats})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
