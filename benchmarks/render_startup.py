"""Start-up cost of the everyday commands as ratios to `python -c "import jinja2, yaml"`.

`render`, `validate`, `preview` and `lint` on one outline run alternately with the baseline in
one process, so machine noise hits all alike; the ratio of medians is the figure to report
(targets: render ≤ 2.0, the others ≤ 2.0 as well).
Run: python benchmarks/render_startup.py [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "outlines" / "deploy.yaml"
COMMANDS = {
    "render": ["render", str(OUTLINE)],
    "validate": ["validate", str(OUTLINE)],
    "preview": ["preview", str(OUTLINE), "--width", "100"],
    "lint": ["lint", str(OUTLINE)],
}


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    only = sys.argv[2:] or list(COMMANDS)
    baseline = [sys.executable, "-c", "import jinja2, yaml"]
    commands = {name: [sys.executable, "-m", "drafter", *COMMANDS[name]] for name in only}
    for _ in range(3):  # warm the OS cache and drafter's template bytecode cache
        wall(baseline)
        for command in commands.values():
            wall(command)
    times: dict[str, list[float]] = {"baseline": [], **{name: [] for name in commands}}
    for _ in range(runs):
        times["baseline"].append(wall(baseline))
        for name, command in commands.items():
            times[name].append(wall(command))
    base = statistics.median(times["baseline"])
    print(f"import jinja2, yaml : median {base * 1000:6.1f} ms over {runs} runs")
    for name in commands:
        median = statistics.median(times[name])
        print(f"drafter {name:<11} : median {median * 1000:6.1f} ms, ratio {median / base:.2f}"
              "  (target ≤ 2.0)")


if __name__ == "__main__":
    main()
