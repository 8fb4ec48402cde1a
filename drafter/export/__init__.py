"""Exporters: read a Document, return text or bytes. Heavy ones import their libraries lazily."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document

# suffix → (format name, exporter module). Options an exporter does not take are dropped.
FORMATS: dict[str, tuple[str, str]] = {
    ".txt": ("纯文本", "drafter.export.text"),
    ".md": ("Markdown", "drafter.export.markdown"),
    ".html": ("网页", "drafter.export.html"),
    ".docx": ("Word 公文格式", "drafter.export.docx"),
}
_OPTIONS = {".docx": ("font_profile", "author")}


def is_supported(suffix: str) -> bool:
    return suffix.lower() in FORMATS


def export(document: Document, suffix: str, **options: object) -> str | bytes:
    suffix = suffix.lower()
    module = importlib.import_module(FORMATS[suffix][1])
    allowed = _OPTIONS.get(suffix, ())
    return module.export(document, **{k: v for k, v in options.items() if k in allowed})  # type: ignore[no-any-return]


def supported_suffixes() -> str:
    return "、".join(f"{s}（{name}）" for s, (name, _) in FORMATS.items())
