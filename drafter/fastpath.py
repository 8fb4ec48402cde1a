"""`drafter render`, `validate` and `preview` without Typer: the everyday commands start in
half the time.

Typer resolves every parameter through pydantic adapters (~70 ms of imports here), more
than a whole render. These parsers accept exactly the plain options of those commands;
anything else (--help, typos, --watch, out-of-range numbers, other commands) returns None
and goes to Typer, which owns the messages. Both paths call the same functions in commands.
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


_NUMBERS = {"--rate": (60, 600), "--width": (20, 400)}


def parse_look_args(argv: list[str]) -> dict[str, object] | None:
    """Plain `validate OUTLINE [-t DIR]` and `preview OUTLINE [--rate N] [--width N] [--host]
    [-t DIR]`; None for anything else."""
    if not argv or argv[0] not in ("validate", "preview"):
        return None
    command = argv[0]
    options: dict[str, object] = {"command": command, "outline": None, "template_dirs": [],
                                  "rate": 220, "width": None, "host": False}
    args = argv[1:]
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("-"):
            if options["outline"] is not None:
                return None
            options["outline"] = Path(arg)
        elif arg in ("-t", "--template-dir") and i + 1 < len(args):
            options["template_dirs"].append(Path(args[i + 1]))  # type: ignore[attr-defined]
            i += 1
        elif command == "preview" and arg == "--host":
            options["host"] = True
        elif command == "preview" and arg in _NUMBERS and i + 1 < len(args):
            low, high = _NUMBERS[arg]
            value = args[i + 1]
            if not value.isdigit() or not low <= int(value) <= high:
                return None  # Typer says what range is allowed
            options[arg[2:]] = int(value)
            i += 1
        else:
            return None
        i += 1
    return options if options["outline"] is not None else None


def try_fast_render(argv: list[str]) -> int | None:
    """Run `render`, `validate` or `preview` directly if the arguments are plain; None means
    "use Typer"."""
    render = parse_render_args(argv)
    look = None if render is not None else parse_look_args(argv)
    if render is None and look is None:
        return None
    from . import commands
    from .streams import report_failure
    from .streams import write_err as err
    from .streams import write_out as out

    try:
        if render is not None:
            return commands.run_render(
                render["outline"], output=render["output"],  # type: ignore[arg-type]
                force=bool(render["force"]), final=bool(render["final"]),
                template_dirs=render["template_dirs"], out=out, err=err)  # type: ignore[arg-type]
        assert look is not None
        dirs: list[Path] = look["template_dirs"]  # type: ignore[assignment]
        outline: Path = look["outline"]  # type: ignore[assignment]
        if look["command"] == "validate":
            commands.run_validate(outline, template_dirs=dirs, err=err)
        else:
            commands.run_preview(outline, rate=int(look["rate"]),  # type: ignore[call-overload]
                                 width=look["width"], host=bool(look["host"]),  # type: ignore[arg-type]
                                 template_dirs=dirs)
        return 0
    except (Exception, KeyboardInterrupt) as exc:  # the one reporter, as on the Typer path
        code = report_failure(exc)
        if code is None:
            raise
        return code
