"""Drafts that lint reads through the corpus readers (.docx .doc .wps .html .htm .pdf)."""

from __future__ import annotations

from pathlib import Path

from ..errors import CorpusError, DrafterError
from .layout import lay_out
from .readers import read_document

MAX_BYTES = 50 * 1024 * 1024


def read_speech_bytes(path: Path) -> bytes:
    """A speech file's bytes, with a Chinese message for every way reading it can fail."""
    name = str(path)
    if not path.exists():
        raise DrafterError("找不到这个讲话稿文件，请检查路径是否正确", file=name)
    if not path.is_file():
        raise DrafterError("这不是一个普通文件（文件夹或设备），无法作为讲话稿读取", file=name)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DrafterError(f"无法读取：{exc.strerror or exc}", file=name) from None
    if len(data) > MAX_BYTES:
        raise DrafterError("文件超过 50 MB，不像讲话稿", file=name)
    if not data.strip():
        raise DrafterError("讲话稿文件是空的", file=name)
    return data


def read_document_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(paragraph, label) pairs: 第N段 counts paragraphs as the reader shows them."""
    data = read_speech_bytes(path)
    try:
        document = read_document(data, str(path))
    except CorpusError as exc:
        raise DrafterError(exc.problems[0].message, file=str(path)) from None
    text = lay_out(document.text, wrapped=document.wrapped)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if document.title and (not lines or not lines[0].startswith(document.title[:12])):
        lines.insert(0, document.title)
    return [(line, f"第{i}段") for i, line in enumerate(lines, 1)]
