"""Layering: the miner (drafter.corpus) computes and does not draw; lint's rules are registered once."""

from __future__ import annotations

import subprocess
import sys


def test_the_corpus_package_does_not_import_rich() -> None:
    code = ("import pkgutil, importlib, sys, drafter.corpus as c\n"
            "for m in pkgutil.iter_modules(c.__path__):\n"
            "    importlib.import_module('drafter.corpus.' + m.name)\n"
            "print(sorted(n for n in sys.modules if n == 'rich' or n.startswith('rich.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_lint_check_in_the_registry_exists_and_every_code_is_registered_once() -> None:
    from drafter.lint.registry import RULES, TABLE, checks

    assert len(RULES) == len(TABLE)
    stages = {name.split(":", 1)[0] for rule in TABLE for name in rule.checks}
    assert stages == {"start", "speech", "file", "run"}
    assert all(callable(check) for stage in stages for check in checks(stage))
    assert all(rule.checks for rule in TABLE) and all(rule.severity in ("error", "warning", "info") for rule in TABLE)
