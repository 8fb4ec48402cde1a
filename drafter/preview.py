"""The terminal preview: a rich renderable built from a Document (pure; the CLI prints it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .document import BlockKind, Document

if TYPE_CHECKING:
    from rich.console import Group
from .stats import Stats

HEADING_STYLES = {1: "bold", 2: "bold cyan", 3: "bold green", 4: "green"}
INDENT = "\u3000\u3000"


def build_preview(document: Document, stats: Stats, *, show_lengths: bool = True,
                  speech: Stats | None = None) -> Group:
    """The draft and its statistics. With ``speech`` the draft is the host's script, and the
    panel plans the meeting's time: the host's parts, the speech, and both together."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = []
    for block in document.blocks:
        match block.kind:
            case BlockKind.TITLE:
                parts.append(Text(block.text, style="bold", justify="center"))
            case BlockKind.SUBTITLE | BlockKind.META:
                parts.append(Text(block.text, style="italic", justify="center"))
            case BlockKind.SALUTATION:
                parts.append(Text(""))
                parts.append(Text(block.text))
            case BlockKind.HEADING:
                style = HEADING_STYLES.get(block.level, "bold")
                parts.append(Text(INDENT + block.number + block.text, style=style))
            case _:
                line = Text(INDENT)
                if block.runin:
                    style = HEADING_STYLES.get(block.level, "bold")
                    line.append(block.number + block.runin, style=style)
                elif block.number:
                    line.append(block.number)
                line.append(block.text, style="yellow" if "〔待补" in block.text else "")
                parts.append(line)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    table.add_row("字数", str(stats.chars))
    if speech is not None:
        total = Stats(chars=0, spoken_chars=0, minutes=stats.minutes + speech.minutes,
                      directives=0, points=0, open_markers=0, rate=stats.rate)
        table.add_row("主持词时长", f"{stats.minutes_text}（按{stats.rate}字/分钟）")
        table.add_row("讲话时长", f"{speech.minutes_text}（{speech.spoken_chars}字）")
        table.add_row("合计", f"{total.minutes_text}（不含其他议程发言）")
    else:
        table.add_row("讲话时长", f"{stats.minutes_text}（按{stats.rate}字/分钟）")
        if stats.directives:  # a 致辞 speaks in unnumbered paragraphs: no "0点" to show
            table.add_row("意见", f"{stats.directives}点，下设要点{stats.points}个")
    if stats.open_markers:
        table.add_row("待补", f"[yellow]{stats.open_markers}处[/yellow]")
    if show_lengths and stats.per_directive:
        lengths = "  ".join(f"{d.number.rstrip('、，')}{d.chars}字" for d in stats.per_directive)
        table.add_row("各点篇幅", lengths)
    parts.append(Text(""))
    parts.append(Panel(table, title="统计", expand=False))
    return Group(*parts)

