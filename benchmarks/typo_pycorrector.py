"""pycorrector on the same 错别字 test set, for comparison with drafter's D140–D143.

Run in a throwaway venv that has pycorrector (it is not a dependency of drafter):

    python -m venv /work/venvs/typo-eval && /work/venvs/typo-eval/bin/pip install pycorrector
    /work/venvs/typo-eval/bin/python benchmarks/typo_pycorrector.py

pycorrector 1.1.x imports torch and transformers at package import for its deep models; the
rule-based ProperCorrector (成语/专名 by pinyin and shape) needs neither, so they are stubbed
here rather than downloaded. The kenlm Corrector needs the kenlm package and a language model
fetched at first use; the deep correctors fetch their weights from a model hub: none of them
can run on an offline machine, and each is reported as such.
"""

from __future__ import annotations

import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANTED = ROOT / "tests" / "data" / "typo" / "planted.tsv"
SHARED = ROOT.parent / "shared" / "corpus"


class _AnyMeta(type):
    def __getattr__(cls, name: str) -> type:
        return _Any


class _Any(metaclass=_AnyMeta):
    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __getattr__(self, name: str) -> type:
        return _Any


class _Stub(types.ModuleType):
    def __getattr__(self, name: str) -> type:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Any


def main() -> int:
    for name in ["torch", "torch.nn", "torch.utils", "torch.utils.data", "torch.nn.functional", "torch.optim",
                 "torch.nn.utils", "torch.nn.utils.rnn", "transformers", "datasets"]:
        sys.modules.setdefault(name, _Stub(name))
    start = time.perf_counter()
    import pycorrector

    print(f"import pycorrector: {time.perf_counter() - start:.2f} s")
    try:
        pycorrector.Corrector().correct("我们要认真布署。")
        print("kenlm Corrector: ran")
    except Exception as exc:  # noqa: BLE001 - we report whatever stops it
        print(f"kenlm Corrector: cannot run offline ({type(exc).__name__}: {str(exc)[:90]})")
    proper = pycorrector.ProperCorrector()
    print(f"ProperCorrector ships {len(proper.proper_names)} proper names/成语 in its offline data")
    rows = [line.split("\t") for line in PLANTED.read_text(encoding="utf-8").splitlines()[1:]]
    found = {"tune": [0, 0], "holdout": [0, 0], "holdout2": [0, 0]}
    start = time.perf_counter()
    for split, kind, _source, text, wrong, right, offset in rows:
        if kind != "plant":
            continue
        result = proper.correct(text.replace("⏎", "\n"))
        ok = any(int(offset) - 4 <= e[2] <= int(offset) + len(wrong) and right and e[1] in right + right
                 for e in result["errors"]) if right else False
        found[split][0] += ok
        found[split][1] += 1
    elapsed = time.perf_counter() - start
    for split, (hit, total) in found.items():
        print(f"ProperCorrector {split} recall: {hit}/{total} = {hit / total:.3f}")
    print(f"ProperCorrector on {len(rows)} sentences: {elapsed:.2f} s")
    false = chars = 0
    files = sorted(SHARED.glob("*/*.txt")) if SHARED.is_dir() else []
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        chars += sum("\u4e00" <= c <= "\u9fff" for c in text)
        for line in text.splitlines():
            if line.strip():
                false += len(proper.correct(line)["errors"])
    elapsed = time.perf_counter() - start
    print(f"ProperCorrector on clean corpus: {false} findings in {chars} characters "
          f"= {false * 20000 / max(chars, 1):.2f} per 20,000 ({elapsed:.1f} s, "
          f"{elapsed * 5000 / max(chars, 1):.2f} s per 5,000 字)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
