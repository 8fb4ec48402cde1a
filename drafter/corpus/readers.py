"""Every kind of file a writer's archive holds → text the miner reads.

| kind | how |
|---|---|
| .txt .md | encoding detected (UTF-8 ± BOM, UTF-16, GB18030/GBK, Big5) |
| .docx | paragraphs; Word's automatic list numbers drawn in; the Title style gives the title |
| .doc .wps | LibreOffice when installed, else the pure-Python Word 97 reader |
| .html .htm | main content (readability-lxml, our rules as fallback); title from h1 or <title> |
| .pdf | pdfminer.six; lines broken at the page width are joined again |

The kind is taken from the content when it is unmistakable (a zip, an OLE file, a PDF, an
HTML page), else from the name. Heavy libraries are imported only for their kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from ..errors import CorpusError
from .decode import decode_bytes

KINDS = {".txt": "文本", ".md": "Markdown", ".docx": "Word", ".doc": "Word 97-2003", ".wps": "WPS",
         ".html": "网页", ".htm": "网页", ".pdf": "PDF"}
SUFFIXES = tuple(KINDS)


@dataclass
class Document:
    text: str
    label: str  # what the report shows: an encoding, or the kind of file
    title: str | None = None  # a title the container gave (h1, <title>, Title style)
    markdown: bool = False
    wrapped: bool = False  # lines are broken at a fixed width (PDF), to be joined again
    headings: frozenset[str] = frozenset()  # unnumbered lines a Word style marks as headings


def sniff(data: bytes, name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return suffix if suffix in (".doc", ".wps") else ".doc"
    if data.startswith(b"%PDF-"):
        return ".pdf"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix in (".html", ".htm") or head.startswith((b"<!doctype html", b"<html")):
        return ".html"
    # a binary kind by name whose content says otherwise is read as that kind, and fails there
    return suffix if suffix in (".md", ".pdf", ".docx", ".doc", ".wps") else ".txt"


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})""", re.I)


def _decode_html(data: bytes, name: str) -> str:
    m = _CHARSET.search(data[:4096])
    if m:
        codec = m.group(1).decode("ascii").lower()
        codec = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(codec, codec)
        try:
            return data.decode(codec).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)[0]


def read_pdf(data: bytes, name: str) -> str:
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        raise CorpusError("读取 PDF 需要 pdfminer.six", file=name,
                          hint="pip install pdfminer.six") from None
    import io

    try:
        return str(extract_text(io.BytesIO(data)))
    except Exception:
        raise CorpusError("无法读取这个 PDF 文件（可能已损坏或加密）", file=name) from None


def read_document(data: bytes, name: str) -> Document:
    """Raise CorpusError with a Chinese message when the file cannot be read."""
    kind = sniff(data, name)
    if kind == ".docx":
        from .read_docx import read_docx_paragraphs

        paragraphs = read_docx_paragraphs(data, name)
        title = next((p.text.strip() for p in paragraphs[:3] if p.heading == 0), None)
        text = "\n".join(p.label + p.text for p in paragraphs)
        headings = frozenset(p.text.strip() for p in paragraphs if p.heading == 1 and not p.label)
        return Document(text=text, label=KINDS[kind], title=title, headings=headings)
    if kind in (".doc", ".wps"):
        from .read_doc import read_word97

        return Document(text=read_word97(data, kind, name), label=KINDS[kind])
    if kind == ".pdf":
        return Document(text=read_pdf(data, name), label=KINDS[kind], wrapped=True)
    if kind == ".html":
        from .read_html import read_html

        title, text = read_html(_decode_html(data, name))
        return Document(text=text, label=KINDS[kind], title=title)
    text, encoding = decode_bytes(data, name)
    return Document(text=text, label=encoding, markdown=kind == ".md")
