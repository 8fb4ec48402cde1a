"""The package every .docx drafter writes ends in: drafter's own properties and parts (no
trace of python-docx's template), every zip entry stamped with the render time, so that the
same outline and SOURCE_DATE_EPOCH give the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def finish(doc: DocxDocument, *, title: str, author: str | None) -> bytes:
    """drafter's own properties and package (no trace of python-docx's template), saved with
    every entry stamped at render time. Every .docx drafter writes ends here."""
    when = render_time()
    props = doc.core_properties
    props.title = title
    props.author = author or ""
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.subject = ""
    props.revision = 1
    props.language = "zh-CN"
    props.created = props.modified = when.replace(tzinfo=None)
    _own_package(doc)
    out = io.BytesIO()
    doc.save(out)
    return _stable_zip(out.getvalue(), when)


APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Application>drafter</Application><DocSecurity>0</DocSecurity></Properties>')


def render_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds): seconds, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _own_package(doc: DocxDocument) -> None:
    """Leave nothing of python-docx's template: its thumbnail, its customXml bibliography,
    its Word 2010 stylesWithEffects copy (with English as the East Asian language), its
    app.xml ("Microsoft Macintosh Word") and the Japanese theme-font language."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = doc.part.package
    for owner in (package, doc.part):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype in (RT.THUMBNAIL, RT.CUSTOM_XML) or rel.reltype.endswith("/stylesWithEffects"):
                del owner.rels[r_id]
            elif rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = APP_XML.encode("utf-8")
    settings = doc.settings.element
    lang = settings.find(_qn("w:themeFontLang"))
    if lang is not None:
        lang.set(_qn("w:val"), "en-US")
        lang.set(_qn("w:eastAsia"), "zh-CN")
    defaults = doc.styles.element.find(_qn("w:docDefaults"))
    if defaults is not None:
        for el in defaults.iter(_qn("w:lang")):
            el.set(_qn("w:eastAsia"), "zh-CN")


def _stable_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same parts, every entry stamped with the render time (zip keeps local time to
    2 s, from 1980): the same outline and SOURCE_DATE_EPOCH give the same bytes."""
    stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
