"""Start-up cost of `drafter render` as a ratio to `python -c "import jinja2, yaml"`.

Both commands run alternately in one process, so machine noise hits both alike; the ratio of
medians is the figure to report (target: ≤ 2.0). Run: python benchmarks/render_startup.py [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "outlines" / "deploy.yaml"


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    baseline = [sys.executable, "-c", "import jinja2, yaml"]
    render = [sys.executable, "-m", "drafter", "render", str(OUTLINE)]
    for _ in range(3):  # warm the OS cache and drafter's template bytecode cache
        wall(baseline)
        wall(render)
    base_times, render_times = [], []
    for _ in range(runs):
        base_times.append(wall(baseline))
        render_times.append(wall(render))
    base, rend = statistics.median(base_times), statistics.median(render_times)
    print(f"import jinja2, yaml : median {base * 1000:6.1f} ms over {runs} runs")
    print(f"drafter render      : median {rend * 1000:6.1f} ms over {runs} runs")
    print(f"ratio               : {rend / base:.2f}  (target ≤ 2.0)")


if __name__ == "__main__":
    main()
