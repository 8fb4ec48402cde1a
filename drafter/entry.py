"""Console entry point: `drafter = drafter.entry:main`.

Plain `render` calls take the fast path (no Typer import); everything else goes to the
Typer app in drafter.cli.
"""

from __future__ import annotations

import gc
import sys

# A command starts by creating some 90,000 objects that live until it ends (modules, functions,
# compiled patterns, templates). With the default threshold (700) the cycle collector walks them
# over and over while they are made: ~55 collections, 10 ms of a 150 ms `lint`. Collecting young
# objects every 100,000 allocations instead keeps a long `mine` collecting as before.
YOUNG_OBJECTS = 100_000


def main(argv: list[str] | None = None) -> None:
    own_process = argv is None  # the process's own command line (tests call main(argv) in theirs)
    if own_process:
        gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    args = sys.argv[1:] if argv is None else argv
    try:
        from .fastpath import try_fast_render

        code = try_fast_render(args)
        if code is not None:
            sys.exit(code)
        from .cli import main as typer_main

        typer_main(args)
    finally:
        if own_process:
            # The process ends here and the OS takes back its memory: without this, shutdown walks
            # every object still alive looking for cycles once more (~20 ms of a 150 ms lint).
            gc.freeze()
