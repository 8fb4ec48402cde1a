"""Outline → template context → markup → Document.

The loader gives the typed outline (drafter.model); render_context turns it into the template
context (plain nodes that know their outline path, open facts as 〔待补：…〕 markers);
render_template runs the template; here the markup becomes a Document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import OpenMarker, Problem, TemplateError
from .loader import LoadedOutline, format_path, load_outline, split_path
from .render_context import ContextBuilder, Markers, Node
from .render_phrases import as_clause, format_date, growth_phrase, short_title
from .render_template import run_template
from .templating import (
    DEFAULT_TYPE,
    TemplateInfo,
    make_environment,
    resolve_template,
    template_dirs,
)

if TYPE_CHECKING:
    from .document import Document


@dataclass
class RenderResult:
    document: Document
    markers: list[OpenMarker]
    template: TemplateInfo
    speaker: str | None = None  # for the .docx author: the speaker, never the machine's user
    warnings: list[Problem] = field(default_factory=list)  # fixed for the writer, worth a word


def render_outline(loaded: LoadedOutline, *, extra_template_dirs: list[Path] | None = None,
                   template: str | None = None) -> RenderResult:
    """Render a validated outline into a Document. Deterministic."""
    from .document import MarkupError, parse_markup

    dirs = template_dirs(extra_template_dirs)
    try:
        info = resolve_template(template or loaded.outline.template or DEFAULT_TYPE, dirs)
    except TemplateError as exc:
        if template is None:
            pos = loaded.positions.of_value(("template",))
            p = exc.problems[0]
            raise TemplateError(problems=[Problem(p.message, file=loaded.source,
                                                  line=pos[0] if pos else None,
                                                  column=pos[1] if pos else None,
                                                  path="template", hint=p.hint)]) from None
        raise
    builder = ContextBuilder(loaded, verbatim=info.id == "verbatim", numbering=info.numbering())
    context = builder.build()
    env = make_environment(dirs)
    markup = run_template(env, info.filename,
                          {"o": context, "todo": builder.markers.add})
    try:
        document = parse_markup(markup)
    except MarkupError as exc:
        raise TemplateError(f"模板输出的第 {exc.line_number} 行不是块标记（应以 @p、@h 等开头）："
                            f"{exc.line.strip()[:40]}", file=str(info.path)) from None
    present = open_in(document, builder.markers, loaded)
    speaker = context["speaker"] if isinstance(context["speaker"], str) else None
    if speaker and speaker.startswith("〔"):
        speaker = None
    return RenderResult(document=document, markers=present, template=info, speaker=speaker,
                        warnings=builder.warnings)


def open_in(document: Document, markers: Markers, loaded: LoadedOutline) -> list[OpenMarker]:
    """The open facts a rendered document still shows, once per outline path, in the order
    the writer meets them in the outline file."""
    text = document.body_text()
    seen: set[str] = set()
    present = []
    for marker in markers.items:
        if marker.marker in text and marker.path not in seen:
            seen.add(marker.path)
            present.append(marker)
    present.sort(key=lambda m: loaded.positions.of_key(split_path(m.path)) or (0, 0))
    return present


def render_file(path: Path | str, *, extra_template_dirs: list[Path] | None = None,
                template: str | None = None) -> RenderResult:
    return render_outline(load_outline(path), extra_template_dirs=extra_template_dirs,
                          template=template)


__all__ = ["ContextBuilder", "Markers", "Node", "RenderResult", "as_clause", "format_date",
           "format_path", "growth_phrase", "render_file", "render_outline", "run_template",
           "short_title"]
