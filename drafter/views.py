"""Reports drawn with rich for the terminal (lint's findings table; the helper that turns any
rich renderable into report text). The preview lives in preview.py, the miner's report in
mine_view.py; the core modules compute and never import rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .lint.registry import Finding

# Tables (mine report, lint findings) fit 100 columns: long cells wrap, never get cut.
REPORT_WIDTH = 100

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
_SEVERITY_STYLES = {"error": "red", "warning": "yellow", "info": "dim"}


def as_text(*renderables: RenderableType, width: int = REPORT_WIDTH) -> str:
    """What a terminal of ``width`` columns shows (no colour codes when not a terminal)."""
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    console = Console(file=buffer, width=width, highlight=False)
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()


def _place(finding: Finding) -> str:
    line = f":{finding.line}" if finding.line else ""
    column = f":{finding.column}" if finding.column and finding.line else ""
    return finding.file + line + column


def findings_report(findings: list[Finding]) -> str:
    """The findings as a table (in the given order), then the count per severity."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=True)
    # The place keeps one line when it can, code and level never wrap, the message gets the
    # most of the rest.
    place_width = min(max(len(_place(f)) for f in findings), 32)
    table.add_column("位置", overflow="fold", min_width=place_width, max_width=max(place_width, 20))
    table.add_column("代码", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("问题", overflow="fold", ratio=3)
    table.add_column("建议", overflow="fold", ratio=2)
    for f in findings:
        place = _place(f) + (f" {f.where}" if f.where else "")
        style = _SEVERITY_STYLES[f.severity]
        # Text, not markup: a finding quotes the draft, which may hold "[/url]".
        table.add_row(Text(place), f.code, Text(SEVERITY_LABELS[f.severity], style=style),
                      Text(f.message), Text(f.fix or ""))
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_LABELS}
    total = "，".join(f"{SEVERITY_LABELS[s]} {n} 处" for s, n in counts.items() if n)
    return as_text(table, total)
