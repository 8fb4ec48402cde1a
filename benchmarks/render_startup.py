"""Start-up cost of the everyday commands as ratios to `python -c "import jinja2, yaml"`.

`render`, `validate`, `preview` and `lint` on one outline run alternately with the baseline in
one process, so machine noise hits all alike; the ratio of medians is the figure to report
(targets: render within 10 % of its ratio at 65e214a, 1.67; validate, preview and lint ≤ 2.0).

Run: python benchmarks/render_startup.py [N] [COMMAND…] [--compare DIR] [--cold]

--compare DIR also runs the same commands from another checkout (e.g. a worktree of an older
commit, put first on PYTHONPATH and run in its folder, on its own outlines/deploy.yaml) in the
same loop, so before and after come from one run.

drafter keeps compiled templates, parsed 提法 rules and compiled patterns in the user cache
folder, filled by the first run; the figures are for the runs after it. --cold gives every run
of drafter a new, empty cache folder: what the first run after installing costs.

Whether drafter's own bytecode is cached changes every figure by ~20 % (an installed wheel
has it; a checkout run with PYTHONDONTWRITEBYTECODE=1 compiles every module on each start):
the first line says which case was measured.
"""

from __future__ import annotations

import os
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
TARGETS = {"render": "≤ 1.84", "validate": "≤ 2.0", "preview": "≤ 2.0", "lint": "≤ 2.0"}


COLD = "--cold" in sys.argv


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    # `python -m` puts the working folder first on sys.path: run in the checkout being timed
    folder = env.get("PYTHONPATH", "").split(os.pathsep)[0] if env else ""
    if COLD and "drafter" in command:
        import tempfile

        env = {**(env or os.environ), "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="drafter-cold-")}
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   cwd=folder or ROOT)
    return time.perf_counter() - start


def bytecode_cached() -> bool:
    import importlib.util

    cached = importlib.util.cache_from_source(str(ROOT / "drafter" / "render.py"))
    return Path(cached).exists()


def parse(argv: list[str]) -> tuple[int, list[str], Path | None]:
    argv = [a for a in argv if a != "--cold"]
    compare = None
    if "--compare" in argv:
        at = argv.index("--compare")
        compare = Path(argv[at + 1]).resolve()
        argv = argv[:at] + argv[at + 2:]
    runs = int(argv[0]) if argv else 20
    return runs, argv[1:] or list(COMMANDS), compare


def main() -> None:
    runs, only, compare = parse(sys.argv[1:])
    baseline = [sys.executable, "-c", "import jinja2, yaml"]
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
        name: ([sys.executable, "-m", "drafter", *COMMANDS[name]], None) for name in only}
    if compare is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(compare),
                                                                            os.environ.get("PYTHONPATH")]))}
        # its own example outline: the outline format moves on, and an outline the older code
        # rejects would time its error path
        theirs = str(compare / "outlines" / OUTLINE.name)
        for name in only:
            argv = [theirs if arg == str(OUTLINE) else arg for arg in COMMANDS[name]]
            commands[f"{name}@{compare.name}"] = ([sys.executable, "-m", "drafter", *argv], env)
    for _ in range(3):  # warm the OS cache and drafter's template bytecode cache
        wall(baseline)
        for command, env in commands.values():
            wall(command, env)
    times: dict[str, list[float]] = {"baseline": [], **{name: [] for name in commands}}
    for _ in range(runs):
        times["baseline"].append(wall(baseline))
        for name, (command, env) in commands.items():
            times[name].append(wall(command, env))
    base = statistics.median(times["baseline"])
    print(f"drafter bytecode          : {'cached' if bytecode_cached() else 'compiled on every start'}")
    print(f"drafter's cache folder    : {'new and empty for every run (--cold)' if COLD else 'filled by the first run'}")
    print(f"import jinja2, yaml       : median {base * 1000:6.1f} ms over {runs} runs")
    for name in commands:
        median = statistics.median(times[name])
        target = f"  (target {TARGETS[name]})" if name in TARGETS else ""
        print(f"drafter {name:<17} : median {median * 1000:6.1f} ms, ratio {median / base:.2f}{target}")


if __name__ == "__main__":
    main()
