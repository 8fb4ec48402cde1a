"""`drafter render`, `validate`, `preview` and `lint` without Typer: the everyday commands start
in half the time.

Typer resolves every parameter through pydantic adapters (~70 ms of imports here), more
than a whole render. These parsers accept exactly the plain options of those commands;
anything else (--help, typos, --watch, out-of-range numbers, other commands) returns None
and goes to Typer, which owns the messages. Both paths call the same functions in commands.

Parsing is two steps: `_tokens` splits the arguments into paths and (option, value) pairs by
one command's `_Spec`, then each command's parser checks what it was given.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class _Spec(NamedTuple):
    flags: frozenset[str]  # options without a value
    values: frozenset[str]  # options that take the next argument (or, if long, `=value`)
    dash_dash: bool = False  # "--" ends the options and "-" is a path (render)
    equals: bool = False  # --long-option=value is accepted


_RENDER = _Spec(frozenset({"-f", "--force", "--final"}),
                frozenset({"-o", "--output", "-t", "--template-dir"}), dash_dash=True, equals=True)
_VALIDATE = _Spec(frozenset(), frozenset({"-t", "--template-dir"}))
_PREVIEW = _Spec(frozenset({"--host"}), frozenset({"-t", "--template-dir", "--rate", "--width"}))
_LINT = _Spec(frozenset(), frozenset({"--format", "--ignore", "--name", "--usage", "--tifa", "--against"}),
              equals=True)
_SHORT = {"-f": "--force", "-o": "--output", "-t": "--template-dir"}

Tokens = list[tuple[str, str]]  # ("", path) or (long option name, value; "" for a flag)


def _tokens(args: list[str], spec: _Spec) -> Tokens | None:
    """The arguments as paths and options, or None for anything the spec does not know."""
    out: Tokens = []
    i = 0
    only_paths = False
    while i < len(args):
        arg = args[i]
        name, equals, text = arg.partition("=")
        if only_paths or not arg.startswith("-") or (spec.dash_dash and arg == "-"):
            out.append(("", arg))
        elif spec.dash_dash and arg == "--":
            only_paths = True
        elif arg in spec.flags:
            out.append((_SHORT.get(arg, arg), ""))
        elif arg in spec.values:
            if i + 1 >= len(args):
                return None  # the value is missing: Typer says so
            out.append((_SHORT.get(arg, arg), args[i + 1]))
            i += 1
        elif spec.equals and equals and name.startswith("--") and name in spec.values and text:
            out.append((name, text))
        else:
            return None  # unknown or combined flags: Typer explains
        i += 1
    return out


def _paths(tokens: Tokens) -> list[str]:
    return [value for name, value in tokens if not name]


def _values(tokens: Tokens, name: str) -> list[str]:
    return [value for option, value in tokens if option == name]


def parse_render_args(argv: list[str]) -> dict[str, object] | None:
    """Plain `render OUTLINE [-o FILE] [-f] [--final] [-t DIR]`; None for anything else."""
    tokens = _tokens(argv[1:], _RENDER) if argv and argv[0] == "render" else None
    if tokens is None:
        return None
    paths, output = _paths(tokens), _values(tokens, "--output")
    if len(paths) != 1 or len(output) > 1:
        return None
    return {"outline": Path(paths[0]), "output": Path(output[0]) if output else None,
            "force": bool(_values(tokens, "--force")), "final": bool(_values(tokens, "--final")),
            "template_dirs": [Path(d) for d in _values(tokens, "--template-dir")]}


_NUMBERS = {"--rate": (60, 600), "--width": (20, 400)}


def parse_look_args(argv: list[str]) -> dict[str, object] | None:
    """Plain `validate OUTLINE [-t DIR]` and `preview OUTLINE [--rate N] [--width N] [--host]
    [-t DIR]`; None for anything else."""
    spec = {"validate": _VALIDATE, "preview": _PREVIEW}.get(argv[0]) if argv else None
    tokens = _tokens(argv[1:], spec) if spec is not None else None
    if tokens is None or len(_paths(tokens)) != 1:
        return None
    options: dict[str, object] = {"command": argv[0], "outline": Path(_paths(tokens)[0]),
                                  "template_dirs": [Path(d) for d in _values(tokens, "--template-dir")],
                                  "rate": 220, "width": None, "host": bool(_values(tokens, "--host"))}
    for name, (low, high) in _NUMBERS.items():
        for value in _values(tokens, name):  # the last one counts, as with Typer
            if not value.isdigit() or not low <= int(value) <= high:
                return None  # Typer says what range is allowed
            options[name[2:]] = int(value)
    return options


_FORMATS = ("table", "json")


def parse_lint_args(argv: list[str]) -> dict[str, object] | None:
    """Plain `lint PATH… [--format table|json] [--ignore CODE] [--name NAME] [--usage FILE]
    [--tifa FILE] [--against PATH]`; None for anything else (--rules, no path, a path
    that starts with "-")."""
    tokens = _tokens(argv[1:], _LINT) if argv and argv[0] == "lint" else None
    if tokens is None or not _paths(tokens):
        return None
    formats = _values(tokens, "--format")
    if any(value not in _FORMATS for value in formats):
        return None  # Typer lists the choices
    return {"paths": _paths(tokens), "output_format": formats[-1] if formats else "table",
            "ignore": _values(tokens, "--ignore"), "names": _values(tokens, "--name"),
            "usage": _values(tokens, "--usage"), "tifa": _values(tokens, "--tifa"),
            "against": _values(tokens, "--against")}


def _run_parsed(render: dict[str, object] | None, look: dict[str, object] | None,
                lint: dict[str, object] | None) -> int:
    from . import commands
    from .streams import write_err as err
    from .streams import write_out as out

    if render is not None:
        return commands.run_render(
            render["outline"], output=render["output"],  # type: ignore[arg-type]
            force=bool(render["force"]), final=bool(render["final"]),
            template_dirs=render["template_dirs"], out=out, err=err)  # type: ignore[arg-type]
    if lint is not None:
        return commands.run_lint(out=out, list_rules=False, **lint)  # type: ignore[arg-type]
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


def try_fast_render(argv: list[str]) -> int | None:
    """Run `render`, `validate`, `preview` or `lint` directly if the arguments are plain; None
    means "use Typer"."""
    render = parse_render_args(argv)
    look = None if render is not None else parse_look_args(argv)
    lint = None if render is not None or look is not None else parse_lint_args(argv)
    if render is None and look is None and lint is None:
        return None
    from .streams import report_failure

    try:
        return _run_parsed(render, look, lint)
    except (Exception, KeyboardInterrupt) as exc:  # the one reporter, as on the Typer path
        code = report_failure(exc)
        if code is None:
            raise
        return code
