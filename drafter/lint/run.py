"""Running lint: each file through the registry's checks, then the run's own checks, in order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..errors import DrafterError
from .place import order_key, place_in_outline
from .read import collect, read_paragraphs, shown_path
from .registry import RULES, Context, Finding, Paragraph, Run, Speech, checks

if TYPE_CHECKING:
    from ..loader import LoadedOutline
    from ..render import RenderResult


def rendered_outline(path: Path, shared: dict[str, object] | None = None,
                     ) -> tuple[LoadedOutline, RenderResult]:
    """The outline and the speech it renders to, made once per run: the speech checks and the
    提法 file check read the same speech (``shared`` is the run's, when there is one)."""
    key = f"rendered:{path}"
    if shared is not None and key in shared:
        return cast("tuple[LoadedOutline, RenderResult]", shared[key])  # stored below, by this function
    from ..export.text import export
    from ..loader import load_outline
    from ..render import render_outline

    loaded = load_outline(path)
    result = render_outline(loaded)
    export(result.document)  # the text the draft rules read; fails here on a speech that cannot export
    if shared is not None:
        shared[key] = (loaded, result)
    return loaded, result


def lint_outline(path: Path, ignore: set[str], usage: tuple[str, ...] = (),
                 shared: dict[str, object] | None = None) -> list[Finding]:
    loaded, result = rendered_outline(path, shared)
    data = loaded.data
    settings = data.get("lint") or {}
    ctx = Context(shown_path(path), ignore | set(settings.get("ignore") or []), usage)
    ctx.source = path.read_text(encoding="utf-8-sig", errors="replace")
    paras = [Paragraph(b.plain, None, f"讲话稿第{i}段") for i, b in enumerate(result.document.blocks, 1)]
    own = {str(x) for x in [settings.get("place"), settings.get("unit"), *(settings.get("names") or [])] if x}
    if own and isinstance(data.get("speaker"), str):
        own |= set(data["speaker"].split())
    date = data.get("date")
    year = getattr(date, "year", None) or (int(m.group(1)) if isinstance(date, str) and
                                            (m := re.match(r"(\d{4})", date)) else None)
    meeting = (data.get("meeting") or {}).get("name") if isinstance(data.get("meeting"), dict) else None
    speech = Speech(paras, own, year, meeting, rendered=True, outline=loaded, result=result)
    for check in checks("speech"):
        check(speech, ctx)
    return place_in_outline(ctx.findings, {p.label or "": p.text for p in paras}, loaded)


def lint_draft(path: Path, ignore: set[str], *, own: set[str] | None = None,
               usage: tuple[str, ...] = ()) -> list[Finding]:
    ctx = Context(shown_path(path), ignore, usage)
    paras = read_paragraphs(path)
    if not paras:
        raise DrafterError("文件是空的，没有可检查的内容", file=str(path))
    speech = Speech(paras, own or set())
    for check in checks("speech"):
        check(speech, ctx)
    return ctx.findings


def lint_paths(paths: Iterable[str], *, ignore: Iterable[str] = (), own: Iterable[str] = (),
               tifa: Iterable[str] = (), against: Iterable[str] = (),
               usage: Iterable[str] = ()) -> list[Finding]:
    unknown = [c for c in ignore if c not in RULES]
    if unknown:
        raise DrafterError(f"未知的规则代码：{'、'.join(unknown)}", hint="用 drafter lint --rules 查看全部规则")
    run = Run(set(ignore), tuple(own), tuple(tifa), tuple(against), tuple(usage))
    for start in checks("start"):
        start(run)
    findings: list[Finding] = []
    for path in collect(paths):
        if path.suffix.lower() in (".yaml", ".yml"):
            findings += lint_outline(path, run.ignore, run.usage, run.shared)
        else:
            findings += lint_draft(path, run.ignore, own=set(run.own), usage=run.usage)
            run.drafts.append(path)
        for check in checks("file"):
            findings += check(path, run) or []
    from .fit_content import without_repeats
    from .typo import without_repeats_of

    findings = without_repeats_of(findings, ("D130", "D131", "D132", "D133"))
    for check in checks("run"):
        findings += check(run) or []
    return sorted(without_repeats(findings), key=order_key)
