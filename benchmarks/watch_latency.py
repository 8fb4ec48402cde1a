"""`preview --watch` latency: time from saving the outline to the new screen being built,
with the real file watcher, measured in one run over N saves. Target: under 300 ms.
Run: python benchmarks/watch_latency.py [N]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.watch import file_changes, run_watch, watch_paths  # noqa: E402


def main() -> None:
    saves = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as tmp:
        outline = Path(tmp) / "speech.yaml"
        shutil.copy(ROOT / "outlines" / "deploy.yaml", outline)
        original = outline.read_text(encoding="utf-8")
        shown: list[float] = []
        ready = threading.Event()
        stop = threading.Event()

        def show(_screen: object) -> None:
            shown.append(time.perf_counter())
            ready.set()

        changes = file_changes(watch_paths(outline, []), stop)
        thread = threading.Thread(target=run_watch, args=(outline, [], 220, show, changes), daemon=True)
        thread.start()
        ready.wait(10)
        time.sleep(0.5)  # the watcher is set up
        latencies = []
        for i in range(saves):
            ready.clear()
            count = len(shown)
            start = time.perf_counter()
            outline.write_text(original.replace("林志远", f"林志远{i}"), encoding="utf-8")
            if not ready.wait(5):
                print(f"save {i}: no update within 5 s")
                continue
            latencies.append((shown[count] - start) * 1000)
            time.sleep(0.15)
        stop.set()
    print(f"saves: {len(latencies)}/{saves}")
    print(f"latency median {statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms "
          f"(target < 300 ms)")


if __name__ == "__main__":
    main()
