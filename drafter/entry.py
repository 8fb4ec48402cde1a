"""Console entry point: `drafter = drafter.entry:main`.

Plain `render` calls take the fast path (no Typer import); everything else goes to the
Typer app in drafter.cli.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    from .fastpath import try_fast_render

    code = try_fast_render(args)
    if code is not None:
        sys.exit(code)
    from .cli import main as typer_main

    typer_main(args)
