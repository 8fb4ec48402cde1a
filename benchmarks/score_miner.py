"""Score the miner against hand annotations (shared/corpus/*/gold/*.json).

Per speech: speeches found per file, salutation, transition count, top-level directive
headings (precision and recall on normalised text; a predicted heading matches a gold one when
one is a prefix of the other after normalisation, since gold stand-ins for lost headings are
cut lead sentences), closing found, truncated. Run: python benchmarks/score_miner.py [DIR...]

Batches named in `--skip-batch X` (a file-name prefix, repeatable or comma-separated; default: the
fresh test batch TEST_BATCH, none at present) are never mined, and their held-out lists are not
printed, unless `--final` is given (the one measurement on a fresh batch).
Batches apply to folders with held-out lists (tests/corpus/archives) only: the shared dev set's
files are named d… too and are always scored.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.corpus.mine import mine_bytes  # noqa: E402
from drafter.corpus.model import Speech  # noqa: E402

_DROP = re.compile(r"[\s，。、；：！？,.;:!?“”‘’\"'（）()《》〔〕\[\]*xX×_—…·]|待补")


def norm(text: str | None) -> str:
    return _DROP.sub("", text or "")


def heading_match(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b:  # a short run-in heading (一是“联”) is matched whole
        return True
    n = min(len(a), len(b), 12)
    return a[:n] == b[:n] and min(len(a), len(b)) >= 4


def _closing_hit(name: str, gold: dict[str, Any], speech: Speech, verbose: bool) -> bool:
    """Closing found exactly when gold has one; -v prints the miss."""
    hit = (gold["closing_start"] is None) == (not speech.closing)
    if verbose and not hit:
        got = speech.closing[0][:16] if speech.closing else None
        print(f"{name}: closing {got!r} vs {gold['closing_start']!r}")
    return hit


def score(dirs: list[Path], verbose: bool = False, only: set[str] | None = None,
          skip: set[str] | None = None, skip_batches: set[str] | None = None) -> dict[str, float]:
    """Figures over the gold files of `dirs`; a gold file of a skipped batch is not even opened."""
    files = speeches_total = speeches_ok = 0
    sal_ok = sal_total = count_ok = count_total = closing_ok = closing_total = 0
    trunc_ok = 0
    tp = fp = fn = 0
    gold_speeches = 0
    for directory in dirs:
        for gold_path in sorted((directory / "gold").glob("*.json")):
            if skip_batches and _in_batch(gold_path.name, skip_batches):
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if (only is not None and gold["file"] not in only) or (skip and gold["file"] in skip):
                continue
            source = directory / gold["file"]
            result = mine_bytes(source.read_bytes(), str(source))
            files += 1
            predicted = result.speeches
            expected = gold["speeches"]
            gold_speeches += len(expected)
            speeches_total += 1
            speeches_ok += len(predicted) == len(expected)
            if verbose and len(predicted) != len(expected):
                print(f"{gold['file']}: speeches {len(predicted)} ≠ {len(expected)}")
            for g, p in zip(expected, predicted, strict=False):
                sal_total += 1
                sal_ok += norm(g["salutation"]) == norm(p.salutation)
                count_total += 1
                gc = (g["transition"] or {}).get("count")
                pc = (p.transition or {}).get("count")
                count_ok += gc == pc
                closing_total += 1
                closing_ok += _closing_hit(gold["file"], g, p, verbose)
                trunc_ok += g["truncated"] == p.truncated
                # gold lists numbered headings only: unnumbered points are not headings
                heads = [u.heading for u in p.directives if u.style != "无序号"]
                matched = set()
                for gh in g["top_headings"]:
                    hit = next((k for k, ph in enumerate(heads) if k not in matched and heading_match(gh, ph)), None)
                    if hit is None:
                        fn += 1
                    else:
                        matched.add(hit)
                        tp += 1
                fp += len(heads) - len(matched)
                if verbose and (len(matched) != len(heads) or len(matched) != len(g["top_headings"])
                                or gc != pc or norm(g["salutation"]) != norm(p.salutation)):
                    print(f"{gold['file']}: count {pc} vs {gc}; sal {p.salutation!r} vs {g['salutation']!r}")
                    print("   pred:", [h[:14] for h in heads])
                    print("   gold:", [h[:14] for h in g["top_headings"]])
            for g in expected[len(predicted):]:
                fn += len(g["top_headings"])
            for p in predicted[len(expected):]:
                fp += len([u for u in p.directives if u.style != "无序号"])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"files": files, "speeches_per_file_exact": speeches_ok / max(speeches_total, 1),
            "salutation": sal_ok / max(sal_total, 1), "transition_count": count_ok / max(count_total, 1),
            "heading_precision": precision, "heading_recall": recall, "heading_f1": f1,
            "closing_found": closing_ok / max(closing_total, 1), "truncated": trunc_ok / max(sal_total, 1)}


def _print(name: str, figures: dict[str, float]) -> None:
    print(f"{name}: " + "  ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                                  for k, v in figures.items()))


# Held-out lists of a folder. HELDOUT.txt … HELDOUT7.txt (batches a/b, c, d, e, f, g, h) have each
# been measured once and then tuned on. A fresh test batch nobody tunes on (a future batch i) gets a
# row here labelled FINAL and its file-name prefix in TEST_BATCH: it is then mined and printed only
# with --final, so a tuning run never shows (or mines) it. There is none at present.
LISTS = (("HELDOUT.txt", "held out, batch a/b"), ("HELDOUT2.txt", "held out, batch c"),
         ("HELDOUT3.txt", "held out, batch d"), ("HELDOUT4.txt", "held out, batch e"),
         ("HELDOUT5.txt", "held out, batch f"), ("HELDOUT6.txt", "held out, batch g"),
         ("HELDOUT7.txt", "held out, batch h"))
TEST_BATCH = ""  # e.g. "i"
FINAL = ""  # e.g. "test batch i, final"


def _skipped_batches(argv: list[str]) -> set[str]:
    """File-name prefixes never mined: `--skip-batch X` (default TEST_BATCH); `--final` mines every
    batch."""
    if "--final" in argv:
        return set()
    named = [v for k, v in zip(argv, argv[1:], strict=False) if k == "--skip-batch"]
    named += [a.split("=", 1)[1] for a in argv if a.startswith("--skip-batch=")]
    if not named:
        return {TEST_BATCH} if TEST_BATCH else set()
    return {b.strip() for v in named for b in v.split(",") if b.strip() and b.strip() != "none"}


def _in_batch(name: str, batches: set[str]) -> bool:
    return any(name.startswith(b) for b in batches)


def _lists(directory: Path, skip_batches: set[str]) -> dict[str, set[str]]:
    """Held-out lists of a folder; files of skipped batches are left out of every list, and a list
    left empty by that is not reported."""
    lists = {}
    for name, label in LISTS:
        path = directory / name
        if path.exists():
            names = {n for n in path.read_text(encoding="utf-8").split() if not _in_batch(n, skip_batches)}
            if names:
                lists[label] = names
    return lists


def main() -> None:
    """A folder with held-out lists (tests/corpus/archives) is reported in parts: the files tuned on,
    and each held-out list, never looked at while tuning. `--tuning` mines the tuning part only (use
    it while tuning); `--all` mines every file not in a skipped batch as one part (the measured
    held-out lists are tuning material now); `--heldout` prints the held-out parts only; `-v` lists
    the misses of what is printed. A fresh test batch (TEST_BATCH; none at present) is mined and
    printed only with `--final`; `--skip-batch X` leaves batches out (`--skip-batch none`: none)."""
    shared = ROOT.parent / "shared" / "corpus"
    argv = sys.argv[1:]
    skip_batches = _skipped_batches(argv)
    values = {v for k, v in zip(argv, argv[1:], strict=False) if k == "--skip-batch"}
    args = [Path(a) for a in argv if not a.startswith("-") and a not in values]
    dirs = args or [d for d in (shared / "dev", shared / "seeds") if d.is_dir()] + [
        ROOT / "tests" / "corpus" / "archives"]
    verbose = "-v" in sys.argv
    for d in dirs:
        lists = _lists(d, skip_batches)
        if lists and "--all" in sys.argv:
            _print(f"{d.name} (all but batches {','.join(sorted(skip_batches)) or '-'})",
                   score([d], verbose, skip_batches=skip_batches))
        elif lists:
            held_all = set().union(*lists.values())
            if "--heldout" not in sys.argv:
                _print(f"{d.name} (tuning part)", score([d], verbose, skip=held_all, skip_batches=skip_batches))
            if "--tuning" not in sys.argv:
                for label, names in lists.items():
                    if FINAL and label == FINAL and "--final" not in sys.argv:
                        continue
                    _print(f"{d.name} ({label})", score([d], "--heldout" in sys.argv and verbose, only=names,
                                                         skip_batches=skip_batches))
        elif "--tuning" not in sys.argv or d.name != "archives":
            _print(d.name, score([d], verbose))


if __name__ == "__main__":
    main()
