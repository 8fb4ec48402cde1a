"""Patterns compiled on first use may skip text that lacks what every match needs: that shortcut
must never change an answer."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import drafter
from drafter.lazyre import EVERY, LazyRegex, required_literals
from drafter.lint.tifa_rules import load_rules


def _every_lazy_regex() -> list[LazyRegex]:
    for module in pkgutil.walk_packages(drafter.__path__, "drafter."):
        if module.name != "drafter.__main__":
            importlib.import_module(module.name)
    return [lazy for lazy in EVERY if lazy.needs]


LAZY = _every_lazy_regex()


def test_the_shortcut_is_in_use() -> None:
    assert len(LAZY) >= 8  # lint's text rules and the cleaner's placeholder/pinyin/mojibake patterns


@pytest.mark.parametrize("lazy", LAZY, ids=lambda lazy: lazy.pattern[:24])
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_text_without_what_a_match_needs_never_matches(lazy: LazyRegex, data: st.DataObject) -> None:
    alphabet = sorted((set(lazy.pattern) | set("中文一年。，、Aa1 \u3000(（")) - set(lazy.needs))
    text = data.draw(st.text(alphabet=alphabet, max_size=30))
    assert lazy.regex.search(text) is None
    assert lazy.search(text) is None and lazy.sub("", text) == text


def test_lazy_regex_answers_like_the_compiled_one() -> None:
    lazy = LazyRegex(r"(?<=[一-鿿])[,;](?=[一-鿿])", needs=",;")
    for text in ("中,文", "中文", "a,b", "中;文,字"):
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in lazy.regex.finditer(text)]
        assert lazy.sub("，", text) == lazy.regex.sub("，", text)


@pytest.mark.parametrize(("pattern", "literals"), [
    ("三个代表(?!重要)思想", ("三个代表",)),  # the longer of two required runs
    ("(党的|中国共产党)第?([一二三]+)届全国代表大会", ("届全国代表大会",)),
    ("甲乙|丙", ("甲乙", "丙")),  # one of the alternatives
    ("十四五(规划)?时期", ("十四五",)),  # an optional group requires nothing
    ("(?:甲|乙丙)丁+", ("丁",)),
    ("x*", ()), ("[甲乙]", ()), ("(?i)abc", ()), ("(?i:ab)c", ("c",)), ("甲|[乙丙]", ()),
])
def test_required_literals(pattern: str, literals: tuple[str, ...]) -> None:
    assert required_literals(pattern) == literals


RULES = [entry for entry in load_rules().entries if entry.pattern]


def test_every_shipped_wording_rule_has_anchors() -> None:
    """So a clean speech compiles none of them (a rule without anchors still works, always run)."""
    assert RULES and all(entry.anchors for entry in RULES)


@pytest.mark.parametrize("entry", RULES, ids=lambda entry: entry.key[:20])
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_match_of_a_rule_holds_one_of_its_anchors(entry, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    assert entry.pattern is not None
    text = data.draw(st.from_regex(re.compile(entry.pattern), fullmatch=True))
    found = entry.regex.search(text)
    if found is not None:  # look-arounds can make a drawn string no match at all
        assert any(anchor in text for anchor in entry.anchors)


# --- the store of compiled patterns ------------------------------------------------------------

SAMPLES = ["同志们：今年以来，全区GDP增长5.8%，（一）抓项目。第一，要统一思想。", "一是抓落实；二要强作风",
           "点击这里 http://x.cn 责任编辑：某某", "abc ABC 123", ""]


@pytest.fixture
def fresh_store(tmp_path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from drafter import lazyre

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lazyre, "_STORE", None)
    monkeypatch.setattr(lazyre, "_ADDED", [])
    monkeypatch.setattr(lazyre.atexit, "register", lambda function: None)
    return lazyre


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in SAMPLES:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert a.sub("#", text) == b.sub("#", text)


def test_a_stored_pattern_is_the_pattern_re_compiles(fresh_store) -> None:  # type: ignore[no-untyped-def]
    patterns = [(lazy.pattern, lazy.flags) for lazy in EVERY] + [
        (r"(?P<num>[一二三四五六七八九十]+)(?:是|要)", 0), (r"^第(\d+)页$", re.M), (r"(?s:<b>.*?</b>)", 0)]
    for pattern, flags in patterns:
        fresh_store.compiled(pattern, flags)
    fresh_store._save()
    fresh_store._STORE = None
    stored = fresh_store._store()
    assert all((pattern, int(flags)) in stored for pattern, flags in patterns)
    for pattern, flags in patterns:
        _same(fresh_store.compiled(pattern, flags), re.compile(pattern, flags))


def test_a_damaged_store_means_compiling_afresh(fresh_store) -> None:  # type: ignore[no-untyped-def]
    path = fresh_store._store_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not marshal at all")
    pattern = r"(?<=[一-鿿])[,;]"
    _same(fresh_store.compiled(pattern), re.compile(pattern))
    fresh_store._STORE[(pattern, 0)] = (0, [1, 2, 3], 0, {}, (None,))  # code the engine refuses
    _same(fresh_store.compiled(pattern), re.compile(pattern))
    fresh_store._save()
    fresh_store._STORE = None
    assert (pattern, 0) in fresh_store._store()  # written again, whole
