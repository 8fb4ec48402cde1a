"""`drafter lint`: the careful colleague who reads every draft.

Outlines are checked before rendering (open facts, sibling balance, target length, residue of
an old speech) and then as the speech they render to; drafts (.txt, .md, .docx) are read
paragraph by paragraph. Each finding has a stable code, a severity, a place and a fix.

The rules are listed in registry.py (code, severity, description, check); each check lives in
the module of its topic (text, structure, residue, outline_checks, fit, typo, tifa, chachong,
pack) and run.py drives them.
"""

from .read import LINTABLE, collect, read_paragraphs
from .registry import RULES, SEVERITY_ORDER, Context, Finding, Paragraph, Rule, Run, Speech
from .residue import check_residue
from .run import lint_draft, lint_outline, lint_paths
from .structure import _counts, check_structure, unbalanced
from .text import _HALF_PUNCT, _SENTENCE, check_paragraphs

__all__ = ["LINTABLE", "RULES", "SEVERITY_ORDER", "Context", "Finding", "Paragraph", "Rule", "Run", "Speech",
           "_HALF_PUNCT", "_SENTENCE", "_counts", "check_paragraphs", "check_residue", "check_structure",
           "collect", "lint_draft", "lint_outline", "lint_paths", "read_paragraphs", "unbalanced"]
