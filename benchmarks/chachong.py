"""查重 speed: index a ~10 MB archive, then check a 5,000-字 draft against it.

Run: python benchmarks/chachong.py [--mb 10]

The archive is made from the sentences of ../shared/corpus (or, without it, from synthetic
sentences), each copy with ~5% of its characters replaced so that sentences differ as in a real
archive. Every figure is a `drafter lint DRAFT --against ARCHIVE` subprocess run with a fresh
cache folder (cold: builds the index) and then again (warm: loads it), so process start-up and
loading the cache are included. The draft has 40 planted sentences (20 verbatim, 20 with 2–3
characters changed); recall is how many of them were flagged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_sentences() -> list[str]:
    sentences: list[str] = []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            sentences += [s.strip() for s in re.findall(r"[^。！？\n]+[。！？]", text) if len(s.strip()) >= 12]
    if len(sentences) < 500:
        rng = random.Random(1)
        pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
        sentences = ["".join(rng.choice(pool) for _ in range(rng.randint(15, 60))) + "。" for _ in range(3000)]
    return sentences


def mutate(sentence: str, rng: random.Random, rate: float, pool: str) -> str:
    chars = list(sentence)
    for i in range(len(chars) - 1):
        if rng.random() < rate and "\u4e00" <= chars[i] <= "\u9fff":
            chars[i] = rng.choice(pool)
    return "".join(chars)


def make_archive(folder: Path, megabytes: float, sentences: list[str], rng: random.Random) -> int:
    pool = "".join(sorted({c for s in sentences for c in s if "\u4e00" <= c <= "\u9fff"}))
    target = int(megabytes * 1024 * 1024)
    size, n = 0, 0
    while size < target:
        lines = []
        for _ in range(60):
            lines.append("".join(mutate(rng.choice(sentences), rng, 0.05, pool) for _ in range(rng.randint(2, 6))))
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (folder / f"稿{n:04d}.txt").write_bytes(data)
        size += len(data)
        n += 1
    return size


def run(args: list[str], cache: Path) -> tuple[float, list[dict[str, object]]]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "drafter", "lint", *args, "--format", "json", "--ignore", "D111"],
                          capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"drafter failed: {done.stderr}")
    return elapsed, json.loads(done.stdout)


IN_PROCESS = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from drafter.lint import chachong as lint_chachong
t1 = time.perf_counter()
archive = lint_chachong.open_archive([sys.argv[2]])
t2 = time.perf_counter()
findings = lint_chachong.lint_file(Path(sys.argv[1]), set(), archive)
t3 = time.perf_counter()
print(f"import {t1 - t0:.2f} s, load index {t2 - t1:.2f} s (cached: {archive.cached}), check {t3 - t2:.2f} s, "
      f"{len(findings)} findings")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    options = parser.parse_args()
    rng = random.Random(7)
    sentences = corpus_sentences()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        archive = base / "archive"
        archive.mkdir()
        size = make_archive(archive, options.mb, sentences, rng)
        files = sorted(archive.glob("*.txt"))
        planted_lines = []
        pool = "".join(sorted({c for s in sentences for c in s if "\u4e00" <= c <= "\u9fff"}))
        for k in range(40):
            source = files[rng.randrange(len(files))].read_text(encoding="utf-8").splitlines()
            candidates = [s for line in source for s in re.findall(r"[^。！？]+[。！？]", line) if len(s) >= 20]
            copied = rng.choice(candidates)
            if k >= 20:  # change 2–3 characters
                chars = list(copied)
                for i in rng.sample(range(2, len(chars) - 2), rng.choice((2, 3))):
                    chars[i] = rng.choice(pool)
                copied = "".join(chars)
            planted_lines.append(copied)
        body, count = [], 0
        while count < 5000:
            sentence = "".join(rng.choice(pool) for _ in range(rng.randint(18, 40))) + "。"
            body.append(sentence)
            count += len(sentence)
        for k, line in enumerate(planted_lines):
            body.insert((k * 7) % len(body), line)
        draft = base / "draft.txt"
        draft.write_text("2026年3月1日\n" + "\n".join(body) + "\n", encoding="utf-8")
        chars = sum(1 for c in draft.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff")
        cache = base / "cache"
        cold, _ = run([str(draft), "--against", str(archive)], cache)
        warm, findings = run([str(draft), "--against", str(archive)], cache)
        plain, _ = run([str(draft)], cache)
        inproc = subprocess.run([sys.executable, "-c", IN_PROCESS, str(draft), str(archive)], capture_output=True,
                                text=True, env=dict(os.environ, XDG_CACHE_HOME=str(cache)), check=True).stdout
        planted_at = {i + 2 for i, line in enumerate(body) if line in planted_lines}
        flagged = {f["line"] for f in findings if f["code"] == "D133"}
        print(f"archive: {size / 1024 / 1024:.1f} MB in {len(files)} files; draft: {chars} 字")
        print(f"cold (build index + check): {cold:.2f} s")
        print(f"warm (load cached index + check): {warm:.2f} s; lint without --against: {plain:.2f} s; "
              f"查重 itself: {warm - plain:.2f} s")
        print(f"in one process, index cached: {inproc.strip()}")
        for line in sorted(planted_at - flagged):
            print(f"  missed: {body[line - 2]}")
        print(f"planted copies flagged: {len(planted_at & flagged)}/{len(planted_at)}; "
              f"other lines flagged: {len(flagged - planted_at)}")


if __name__ == "__main__":
    main()
