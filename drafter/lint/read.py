"""What lint reads: the paragraphs of a draft, and the files a run names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import DrafterError
from .registry import Paragraph

MAX_DRAFT = 20 * 1024 * 1024  # a speech is tens of KB; a .docx with pictures a few MB

def read_paragraphs(path: Path) -> list[Paragraph]:
    suffix = path.suffix.lower()
    from ..reading import read_limited, shown

    if suffix not in (".txt", ".md"):  # .docx .doc .wps .html .pdf: through the corpus readers
        from ..corpus.lint_read import read_document_paragraphs

        return [Paragraph(text, None, label) for text, label in read_document_paragraphs(path)]
    name = shown(str(path))
    data = read_limited(path, limit=MAX_DRAFT, what="讲话稿文件", error=DrafterError)
    from ..corpus.decode import decode_bytes
    from ..errors import CorpusError

    try:
        text, _ = decode_bytes(data, name)
    except CorpusError as exc:
        raise DrafterError(exc.problems[0].message, file=name) from None
    from ..corpus.paragraphs import restore_paragraphs

    out: list[Paragraph] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip("\u3000 \t")
        if suffix == ".md":
            stripped = re.sub(r"^#{1,6}\s+|\*\*", "", stripped).replace("\\", "")
        if not stripped:
            continue
        # A web copy that lost its paragraphs keeps them on one line: split it the way the
        # miner does, each piece keeping the line it came from.
        pieces = restore_paragraphs(stripped) if len(stripped) > 600 else [stripped]
        out.extend(Paragraph(piece, number) for piece in pieces or [stripped])
    return out



LINTABLE = (".yaml", ".yml", ".txt", ".md", ".docx", ".doc", ".wps", ".html", ".htm", ".pdf")


def shown_path(path: Path) -> str:
    from ..reading import shown

    return shown(str(path))


def collect(paths: Iterable[str]) -> Iterator[Path]:
    from ..reading import LONG_NAME, name_too_long

    for raw in paths:
        path = Path(raw)
        if name_too_long(path):
            raise DrafterError(LONG_NAME, file=shown_path(path))
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LINTABLE)
            if not found:
                raise DrafterError(f"文件夹里没有可检查的文件（{' '.join(LINTABLE)}）", file=str(path))
            yield from found
        elif path.exists():
            if path.suffix.lower() not in LINTABLE:
                raise DrafterError(f"不支持检查“{path.suffix or '无后缀'}”文件，支持：{' '.join(LINTABLE)}",
                                   file=str(path))
            yield path
        else:
            raise DrafterError("找不到这个文件或文件夹", file=str(path))

