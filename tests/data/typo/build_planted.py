"""Build tests/data/typo/planted.tsv from plants.txt (run once; the output is committed).

    python tests/data/typo/build_planted.py

A `right>wrong` plant takes the shortest sentence that holds `right` from the rendered examples
(tests/golden/*.txt), then from /work/shared/corpus (test data only), else from sentences.txt
(sentences written for the test set). The split is fixed here, before any tuning: a plant whose
SHA-1 of its catalogue line is 0 mod 3 is held out of tuning. plants2.txt is a second held-out set
(holdout2), written after the tuning on the first was done and measured once.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
MARK = re.compile(r"\[([^>\]]*)>([^\]]*)\]")


def sentences() -> list[tuple[str, str]]:
    from opencc import OpenCC

    t2s = OpenCC("t2s")
    out: list[tuple[str, str]] = []
    files = [("golden", p) for p in sorted((ROOT / "tests" / "golden").glob("*.txt"))]
    files += [("corpus", p) for p in sorted(SHARED.glob("*/*.txt")) if p.name != "SOURCES.tsv"]
    files += [("written", HERE / "sentences.txt")]
    for kind, path in files:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for s in re.findall(r"[^。！？\n]+[。！？]", text):
            s = s.strip("\u3000 \t")
            if 8 <= len(s) <= 90 and t2s.convert(s) == s and not re.search(r"[A-Za-z<>&�?]", s):
                out.append((f"{kind}:{path.name}", s))
    return out


def main() -> int:
    pool = sentences()
    used: set[str] = set()
    rows = []
    missing = []
    lines = [(raw, None) for raw in (HERE / "plants.txt").read_text(encoding="utf-8").splitlines()]
    lines += [(raw, "holdout2") for raw in (HERE / "plants2.txt").read_text(encoding="utf-8").splitlines()]
    for raw, forced in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        split = forced or ("holdout" if int(hashlib.sha1(line.encode()).hexdigest(), 16) % 3 == 0 else "tune")
        kept = re.search(r"\s+⟨(tune|holdout)⟩$", line)
        if kept:
            line, split = line[:kept.start()], kept.group(1)
        if line.startswith("= "):
            rows.append((split, "control", "written", line[2:], "", "", -1))
            continue
        m = MARK.search(line)
        if m:
            right, wrong = m.group(1), m.group(2)
            text = line[:m.start()] + wrong + line[m.end():]
            kind = "written"
            offset = len(line[:m.start()].replace("\\n", "⏎"))
        else:
            right, wrong = line.split(">")
            found = sorted((s for s in pool if right in s[1] and s[1] not in used),
                           key=lambda s: (s[0].startswith("corpus"), len(s[1])))
            if not found:
                missing.append(line)
                continue
            kind, clean = found[0]
            used.add(clean)
            offset = clean.find(right)
            text = clean[:offset] + wrong + clean[offset + len(right):]
        if wrong == right:  # [x>x]: a clean sentence kept as a control
            rows.append((split, "control", kind, text.replace("\\n", "⏎"), "", "", -1))
            continue
        rows.append((split, "plant", kind, text.replace("\\n", "⏎"), wrong, right, offset))
    with (HERE / "planted.tsv").open("w", encoding="utf-8") as f:
        f.write("split\tkind\tsource\ttext\twrong\tright\toffset\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    print(f"{len(rows)} rows, {sum(r[1] == 'plant' for r in rows)} plants, "
          f"{sum(r[0] == 'holdout' and r[1] == 'plant' for r in rows)} held out, "
          f"{sum(r[0] == 'holdout2' and r[1] == 'plant' for r in rows)} in the second held-out set", file=sys.stderr)
    for line in missing:
        print("no sentence:", line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
