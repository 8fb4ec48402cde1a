"""`drafter lint`: the careful colleague who reads every draft.

Outlines are checked before rendering (open facts, sibling balance, target length, residue of
an old speech) and then as the speech they render to; drafts (.txt, .md, .docx) are read
paragraph by paragraph. Each finding has a stable code, a severity, a place and a fix.

The rules are listed in registry.py (code, severity, description, check); each check lives in
the module of its topic (text, structure, residue, outline_checks, fit, typo, tifa, chachong,
pack) and run.py drives them.

The names below are imported on first use, so that `import drafter.lint.registry` (and with it
a lint run, which imports each rule's module only when it runs) does not load every rule module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .read import LINTABLE, collect, read_paragraphs
    from .registry import RULES, SEVERITY_ORDER, Context, Finding, Paragraph, Rule, Run, Speech
    from .residue import check_residue
    from .run import lint_draft, lint_outline, lint_paths
    from .structure import _counts, check_structure, unbalanced
    from .text import _HALF_PUNCT, _SENTENCE, check_paragraphs

_HOME = {
    "read": ("LINTABLE", "collect", "read_paragraphs"),
    "registry": ("RULES", "SEVERITY_ORDER", "Context", "Finding", "Paragraph", "Rule", "Run", "Speech"),
    "residue": ("check_residue",),
    "run": ("lint_draft", "lint_outline", "lint_paths"),
    "structure": ("_counts", "check_structure", "unbalanced"),
    "text": ("_HALF_PUNCT", "_SENTENCE", "check_paragraphs"),
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}

__all__ = ["LINTABLE", "RULES", "SEVERITY_ORDER", "Context", "Finding", "Paragraph", "Rule", "Run", "Speech",
           "_HALF_PUNCT", "_SENTENCE", "_counts", "check_paragraphs", "check_residue", "check_structure",
           "collect", "lint_draft", "lint_outline", "lint_paths", "read_paragraphs", "unbalanced"]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
