"""Exporters: read a Document, return text or bytes. Heavy ones import their libraries lazily."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# suffix → (format name, exporter module, function). Text formats return str.
FORMATS: dict[str, tuple[str, str]] = {
    ".txt": ("纯文本", "drafter.export.text"),
    ".md": ("Markdown", "drafter.export.markdown"),
}


def exporter_for(suffix: str) -> Callable[[Any], str | bytes] | None:
    entry = FORMATS.get(suffix.lower())
    if entry is None:
        return None
    import importlib

    module = importlib.import_module(entry[1])
    return module.export  # type: ignore[no-any-return]


def supported_suffixes() -> str:
    return "、".join(f"{s}（{name}）" for s, (name, _) in FORMATS.items())
