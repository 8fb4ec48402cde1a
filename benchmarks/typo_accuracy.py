"""Accuracy of the 错别字 check (D140–D143) on the planted test set and on clean text.

    python benchmarks/typo_accuracy.py [--show-misses] [--show-false] [--clean=FOLDER ...]

Recall: a planted error counts as found when a finding covers its position and names the right
form. Reported separately for the tuning and the held-out part (split fixed before tuning, see
tests/data/typo/build_planted.py). False findings: every finding on clean text (the rendered
examples, /work/shared/corpus when present, and any --clean folder of .txt speeches), per 20,000
characters.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.lint import Context, Paragraph, lint_outline, read_paragraphs  # noqa: E402
from drafter.lint_typo import CODES, check_paragraphs  # noqa: E402

PLANTED = ROOT / "tests" / "data" / "typo" / "planted.tsv"
SHARED = ROOT.parent / "shared" / "corpus"
Found = tuple[int, int, str, str]  # line index, column (0-based), wrong, right


def typo_findings(lines: list[str]) -> list[tuple[int, int, str]]:
    paras = [Paragraph(text, number) for number, text in enumerate(lines, 1) if text]
    ctx = Context("planted", set())
    check_paragraphs(paras, ctx)
    return [(f.line or 0, (f.column or 1) - 1, f.message) for f in ctx.findings]


def planted_rows() -> list[dict[str, str]]:
    rows = []
    lines = PLANTED.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        rows.append(dict(zip(header, line.split("\t"), strict=True)))
    return rows


def hit(row: dict[str, str], findings: list[tuple[int, int, str]]) -> bool:
    text, wrong, right, offset = row["text"], row["wrong"], row["right"], int(row["offset"])
    line = text[:offset].count("⏎") + 1
    column = offset - (text[:offset].rfind("⏎") + 1)
    for f_line, f_col, message in findings:
        if f_line != line:
            continue
        named_wrong = message.split("“", 1)[1].split("”", 1)[0]
        if "断行处" in message:  # a repeat across a line break, found at the start of the next line
            if column == 0 and named_wrong == wrong.rstrip("、，"):
                return True
        elif "应为“" in message:  # covers the planted span and names the right form
            named_right = message.split("应为“", 1)[1].split("”", 1)[0]
            span = f_col, f_col + len(named_wrong)
            if span[0] < column + max(len(wrong), 1) and column < span[1] and \
                    text.replace("⏎", "\n").split("\n")[line - 1][:f_col] + named_right + \
                    text.replace("⏎", "\n").split("\n")[line - 1][span[1]:] == \
                    (text[:offset] + right + text[offset + len(wrong):]).split("⏎")[line - 1]:
                return True
        elif "重复" in message and named_wrong in (wrong, right + right) and abs(f_col - column) <= len(wrong):
            return True
    return False


def recall(show: Callable[[str], None] | None = None) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for row in planted_rows():
        lines = row["text"].split("⏎")
        findings = typo_findings(lines)
        if row["kind"] == "control":
            key = "control"
            ok = not findings
        else:
            key = row["split"]
            ok = hit(row, findings)
        found, total = out.get(key, (0, 0))
        out[key] = (found + ok, total + 1)
        if not ok and show:
            show(f"{row['split']:7} {row['kind']:7} {row['wrong']}→{row['right']}  {row['text']}  {findings}")
    return out


def clean_files(extra: list[Path] | None = None) -> list[Path]:
    files = sorted((ROOT / "outlines").glob("*.yaml"))
    if SHARED.is_dir():
        files += sorted(SHARED.glob("*/*.txt"))
    for folder in extra or []:
        files += sorted(folder.glob("*.txt"))
    return files


def false_findings(show: Callable[[str], None] | None = None, extra: list[Path] | None = None) -> tuple[int, int]:
    from drafter.export.text import export
    from drafter.loader import load_outline
    from drafter.render import render_outline
    from drafter.textnorm import hanzi_count

    others = {"D101", "D102", "D103", "D104", "D105", "D106", "D107", "D108", "D109", "D110", "D111",
              "D112", "D113", "D114", "D115", "D116", "D117"}
    count = chars = 0
    for path in clean_files(extra):
        if path.suffix == ".yaml":
            findings = lint_outline(path, others)
            chars += hanzi_count(export(render_outline(load_outline(path)).document))
        else:
            paras = read_paragraphs(path)
            ctx = Context(str(path), others)
            check_paragraphs(paras, ctx)
            findings = ctx.findings
            from drafter.corpus.clean import t2s_converter

            t2s = t2s_converter()  # paragraphs in traditional characters are left to D106
            chars += sum(hanzi_count(p.text) for p in paras if t2s.convert(p.text) == p.text)
        for f in findings:
            if f.code in CODES:
                count += 1
                if show:
                    show(f"{Path(f.file).name}:{f.line}:{f.column} {f.code} {f.message}")
    return count, chars


def main() -> int:
    show = print if "--show-misses" in sys.argv else None
    for key, (found, total) in sorted(recall(show).items()):
        what = "clean controls without a finding" if key == "control" else f"{key} recall"
        print(f"{what}: {found}/{total} = {found / total:.3f}")
    extra = [Path(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--clean=")]
    count, chars = false_findings(print if "--show-false" in sys.argv else None, extra)
    print(f"clean text: {count} findings in {chars} characters = {count * 20000 / max(chars, 1):.2f} per 20,000")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
