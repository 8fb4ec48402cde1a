"""What keeps the everyday commands' start light: the Typer-free `lint`, and checks that load
their tools only when a cheap test shows a candidate, with the same findings as without it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app
from drafter.entry import main

from .conftest import OUTLINES, ROOT

runner = CliRunner()
DEPLOY = ROOT / "outlines" / "deploy.yaml"
DRAFT = ROOT / "tests" / "corpus" / "archives" / "a02.txt"


def run_main(argv: list[str], capsysbinary) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsysbinary.readouterr()
    return int(info.value.code or 0), out.decode("utf-8"), err.decode("utf-8")


# --- lint without Typer ----------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["lint", "{deploy}"],
    ["lint", "{deploy}", "--format", "json"],
    ["lint", "{draft}"],
    ["lint", "{draft}", "{deploy}", "--format=json", "--ignore", "D111", "--name", "滨河街道"],
    ["lint", "{missing}"],
    ["lint", "{draft}", "--ignore", "D999"],
])
def test_lint_fast_path_matches_typer(argv: list[str], tmp_path: Path, capsysbinary) -> None:
    args = [a.format(deploy=DEPLOY, draft=DRAFT, missing=tmp_path / "无.txt") for a in argv]
    code, out, err = run_main(args, capsysbinary)
    typer_result = runner.invoke(app, args)
    assert (code, out) == (typer_result.exit_code, typer_result.stdout)
    assert err.strip() == typer_result.stderr.strip()


def test_lint_fast_path_parser_leaves_the_unusual_to_typer() -> None:
    from drafter.fastpath import parse_lint_args

    parsed = parse_lint_args(["lint", "a.txt", "b.yaml", "--format", "json", "--ignore=D101", "--usage", "u.tsv"])
    assert parsed is not None and parsed["paths"] == ["a.txt", "b.yaml"]
    assert (parsed["output_format"], parsed["ignore"], parsed["usage"]) == ("json", ["D101"], ["u.tsv"])
    for argv in (["lint"], ["lint", "--rules"], ["lint", "a", "--format", "xml"], ["lint", "a", "--ignore"],
                 ["lint", "a", "-x"], ["lint", "a", "--help"], ["lint", "-"], ["lint", "a", "--ignore="],
                 ["render", "a"], []):
        assert parse_lint_args(argv) is None, argv


def test_lint_of_an_outline_imports_neither_typer_nor_pydantic_nor_the_tagger_nor_the_miner() -> None:
    code = ("import sys\nfrom drafter.entry import main\n"
            f"try:\n    main(['lint', {str(DEPLOY)!r}])\nexcept SystemExit:\n    pass\n"
            "print('loaded:', *sorted(n for n in sys.modules if n.split('.')[0] in "
            "('typer', 'pydantic', 'rjieba', 'jieba', 'rich') or n == 'drafter.corpus.mine'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["没有发现问题。", "loaded:"]


# --- D128 loads the tagger only for a seam word on both sides --------------------------------

def _frame_repeats(outline: Path, precheck: bool, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from drafter.lint import fit_content
    from drafter.lint.registry import Context
    from drafter.loader import load_outline
    from drafter.render import render_outline

    with monkeypatch.context() as patch:
        if not precheck:
            patch.setattr(fit_content, "_sides_share_a_seam_word", lambda *_: True)
        loaded = load_outline(outline)
        ctx = Context("o.yaml", set())
        fit_content.check_frame_repeats(render_outline(loaded), loaded, ctx)
    return [f"{f.where}:{f.column}:{f.message}" for f in ctx.findings]


def test_the_seam_word_precheck_keeps_every_frame_repeat(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    outlines = list(OUTLINES)
    # calls that echo the mobilize frame (……掀起……热潮) and its neighbours, and some that do not
    base = (ROOT / "outlines" / "mobilize.yaml").read_text(encoding="utf-8")
    for i, call in enumerate(["让我们迅速掀起新一轮发展热潮！", "让我们携手开创新局面！",
                              "让我们为美丽家园的建设热潮而奋斗！", "要迅速行动起来，全力以赴抓落实！"]):
        path = tmp_path / f"m{i}.yaml"
        lines = [f"  call: {call}" if line.startswith("  call:") else line for line in base.splitlines()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        outlines.append(path)
    found = 0
    for outline in outlines:
        fast = _frame_repeats(outline, True, monkeypatch)
        assert fast == _frame_repeats(outline, False, monkeypatch), outline
        found += len(fast)
    assert found  # the comparison saw findings, not only silence


WORDS = ["迅速", "掀起", "热潮", "行动", "起来", "认真", "切实", "全力", "推动", "落实", "扎实", "发展",
         "开创", "新局面", "坚决", "积极", "努力", "奋斗", "携手", "美丽", "建设", "抓好", "深入"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS + ["，", "。"]), min_size=1, max_size=8),
       st.lists(st.sampled_from(WORDS + ["，", "。"]), min_size=1, max_size=8))
def test_the_precheck_never_hides_a_shared_seam_word(frame: list[str], user: list[str]) -> None:
    from drafter.corpus.tokenizer import default_tokenizer
    from drafter.lint.fit_content import _SEAM_TAGS, _STOP, _sides_share_a_seam_word

    text = "".join(frame) + "".join(user) + "。"
    covered = [False] * len("".join(frame)) + [True] * (len(text) - len("".join(frame)))
    ends = [m.end() for m in re.finditer(r"[^。！？]+[。！？]?", text)]  # as check_frame_repeats
    tokens, position = [], 0
    for word, tag in default_tokenizer().tag(text):
        start, position = position, position + len(word)
        marks = covered[start:position]
        if len(word) >= 2 and (all(marks) or not any(marks)):
            sentence = next(k for k, end in enumerate(ends) if start < end)
            tokens.append((word, tag, sentence, all(marks)))
    shared = any(tag in _SEAM_TAGS and word not in _STOP and any(
        u != side and abs(m - n) <= 1 and w.startswith(word) for w, _, m, u in tokens)
        for word, tag, n, side in tokens)
    if shared:
        assert _sides_share_a_seam_word(text, covered, ends)


def test_the_seam_word_list_is_current() -> None:
    pytest.importorskip("jieba")
    from drafter.lint.fit_content import SEAM_WORDS, build_seam_words

    assert SEAM_WORDS.read_text(encoding="utf-8") == build_seam_words(), \
        "run: python -m drafter.lint.fit_content"


# --- the 提法 rules: parsed once, kept in the cache folder ------------------------------------

def test_tifa_rules_come_from_the_cache_the_same_and_an_edit_is_seen(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.lint import cache, tifa_rules

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    tifa_rules._load.cache_clear()
    fresh = tifa_rules.load_rules()
    stored = list(cache.cache_dir().glob("tifa-*.marshal"))
    assert len(stored) == 1
    tifa_rules._load.cache_clear()
    assert tifa_rules.load_rules() == fresh  # read back from the cache
    mine = tmp_path / "mine.yaml"
    mine.write_text("entries:\n- wrong: 甲乙\n  right: 甲丙\n  source: 本单位规定\n", encoding="utf-8")
    assert tifa_rules.load_rules([str(mine)]).entries[-1].right == "甲丙"
    mine.write_text("entries:\n- wrong: 甲乙\n  right: 甲丁\n  source: 本单位规定\n", encoding="utf-8")
    assert tifa_rules.load_rules([str(mine)]).entries[-1].right == "甲丁"


def test_a_broken_cache_or_rule_file_is_never_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.errors import DrafterError
    from drafter.lint import cache, tifa_rules

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    tifa_rules._load.cache_clear()
    fresh = tifa_rules.load_rules()
    for stored in cache.cache_dir().glob("tifa-*.marshal"):
        stored.write_bytes(b"\x00garbage")
    tifa_rules._load.cache_clear()
    assert tifa_rules.load_rules() == fresh
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n- pattern: '(未闭合'\n  right: 甲\n  source: 乙\n", encoding="utf-8")
    for _ in range(2):  # errors are not cached: the second run says the same
        with pytest.raises(DrafterError, match="正则表达式写错了"):
            tifa_rules.load_rules([str(bad)])


def test_rules_load_when_the_cache_folder_cannot_be_written(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    from drafter.lint import cache, tifa_rules

    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(cache, "cache_dir", lambda: blocked / "rules")
    tifa_rules._load.cache_clear()
    assert tifa_rules.load_rules().entries


def test_the_rule_cache_keeps_a_bounded_number_of_entries(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.lint import cache

    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path / "rules")
    for n in range(cache.KEEP + 5):
        assert cache.parsed("tifa", f"text {n}", cache.__file__, lambda n=n: [n],
                            plain=list, typed=list) == [n]
        for stored in (tmp_path / "rules").glob("tifa-*.marshal"):  # in order of writing, clearly
            if stored.stat().st_mtime > 2_000_000:
                os.utime(stored, (1_000_000 + n, 1_000_000 + n))
    assert len(list((tmp_path / "rules").glob("tifa-*.marshal"))) == cache.KEEP
    assert cache.parsed("tifa", "text 3", cache.__file__, lambda: ["parsed again"],
                        plain=list, typed=list) == ["parsed again"]  # an early one was let go
    assert cache.parsed("tifa", f"text {cache.KEEP + 4}", cache.__file__, lambda: ["parsed again"],
                        plain=list, typed=list) == [cache.KEEP + 4]  # the newest is kept


def test_a_command_process_collects_cycles_rarely_and_leaves_its_objects_to_the_os() -> None:
    """The console entry raises the young-object threshold and freezes what is alive when the
    command ends (shutdown would walk it all again); a caller's own process is left alone."""
    code = ("import atexit, gc, sys\nfrom drafter.entry import main\n"
            "atexit.register(lambda: print('frozen:', gc.get_freeze_count() > 0, gc.get_threshold()[0]))\n"
            f"sys.argv = ['drafter', 'validate', {str(DEPLOY)!r}]\nmain()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.splitlines()[-1] == "frozen: True 100000"
    inside = ("import gc\nfrom drafter.entry import main\n"
              f"try:\n    main(['validate', {str(DEPLOY)!r}])\nexcept SystemExit:\n    pass\n"
              "print('frozen:', gc.get_freeze_count() > 0, gc.get_threshold()[0])\n")
    out = subprocess.run([sys.executable, "-c", inside], capture_output=True, text=True).stdout
    assert out.splitlines()[-1] == "frozen: False 700"
