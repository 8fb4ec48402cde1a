"""`drafter render` without Typer: the most frequent command starts in half the time.

Typer resolves every parameter through pydantic adapters (~70 ms of imports here), more
than a whole render. This parser accepts exactly the render options; anything else
(--help, typos, other commands) returns None and goes to Typer, which owns the messages.
"""

from __future__ import annotations

from pathlib import Path


def parse_render_args(argv: list[str]) -> dict[str, object] | None:
    if not argv or argv[0] != "render":
        return None
    outline: Path | None = None
    options: dict[str, object] = {"output": None, "force": False, "final": False,
                                  "template_dirs": []}
    args = argv[1:]
    i = 0
    only_positional = False
    while i < len(args):
        arg = args[i]
        if only_positional or not arg.startswith("-") or arg == "-":
            if outline is not None:
                return None
            outline = Path(arg)
        elif arg == "--":
            only_positional = True
        elif arg in ("-f", "--force"):
            options["force"] = True
        elif arg == "--final":
            options["final"] = True
        elif arg in ("-o", "--output", "-t", "--template-dir"):
            if i + 1 >= len(args):
                return None
            value = Path(args[i + 1])
            if arg in ("-o", "--output"):
                if options["output"] is not None:
                    return None
                options["output"] = value
            else:
                options["template_dirs"].append(value)  # type: ignore[attr-defined]
            i += 1
        elif arg.startswith("--output=") or arg.startswith("--template-dir="):
            name, _, text = arg.partition("=")
            if not text:
                return None
            if name == "--output":
                if options["output"] is not None:
                    return None
                options["output"] = Path(text)
            else:
                options["template_dirs"].append(Path(text))  # type: ignore[attr-defined]
        else:
            return None  # unknown or combined flags: Typer explains
        i += 1
    if outline is None:
        return None
    options["outline"] = outline
    return options


def try_fast_render(argv: list[str]) -> int | None:
    """Run `render` directly if the arguments are plain; None means "use Typer"."""
    options = parse_render_args(argv)
    if options is None:
        return None
    from .commands import run_render
    from .errors import DrafterError
    from .streams import write_err as err
    from .streams import write_out as out

    try:
        return run_render(options["outline"], output=options["output"],  # type: ignore[arg-type]
                          force=bool(options["force"]), final=bool(options["final"]),
                          template_dirs=options["template_dirs"],  # type: ignore[arg-type]
                          out=out, err=err)
    except DrafterError as exc:
        err(f"错误：{exc.render()}")
        return exc.exit_code
    except KeyboardInterrupt:
        err("已中断，未写入任何文件。")
        return 130
