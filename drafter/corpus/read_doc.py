"""Word 97–2003 .doc and WPS .wps → text.

LibreOffice, when installed, converts the file the way Word shows it (automatic list numbers
included). Without it, a pure-Python route reads the text of binary Word files (the format
WPS also writes for .wps) from the piece table (olefile for the container); automatic list
numbers are then not shown. Anything else ends in a Chinese message naming LibreOffice.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from ..errors import CorpusError

SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT = 120


def soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_with_libreoffice(data: bytes, suffix: str, source: str, program: str) -> str:
    with tempfile.TemporaryDirectory(prefix="drafter-doc-") as tmp:
        folder = Path(tmp)
        src = folder / f"input{suffix}"
        src.write_bytes(data)
        profile = (folder / "profile").as_uri()  # a private profile: works beside a running office
        try:
            subprocess.run([program, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(folder), str(src)],
                           check=True, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise CorpusError(f"LibreOffice 转换超过 {TIMEOUT} 秒，已放弃", file=source) from None
        except (OSError, subprocess.CalledProcessError):
            raise CorpusError("LibreOffice 无法转换这个文件（可能已损坏或加密）", file=source) from None
        out = folder / "input.txt"
        if not out.exists():
            raise CorpusError("LibreOffice 无法转换这个文件（可能已损坏或加密）", file=source)
        return out.read_text(encoding="utf-8-sig", errors="replace")


def word97_text(data: bytes) -> str | None:
    """Text of a Word 97–2003 binary file from its piece table, or None when this is not one
    (or it is encrypted)."""
    try:
        import olefile
    except ImportError:
        return None
    import io

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # not an OLE file, or a broken one
        return None
    with ole:
        if not ole.exists("WordDocument"):
            return None
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x1AA:
            return None
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:  # fEncrypted
            return None
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            return None
        table = ole.openstream(table_name).read()
    try:
        return _piece_text(word, table)
    except struct.error:
        return None


def _piece_text(word: bytes, table: bytes) -> str | None:
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)
    clx = table[fc_clx:fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        return None
    size = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + size]
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    parts: list[str] = []
    for i in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)[0]
        chars = cps[i + 1] - cps[i]
        if fc & 0x40000000:
            start = (fc & 0x3FFFFFFF) // 2
            parts.append(word[start:start + chars].decode("cp1252", errors="replace"))
        else:
            parts.append(word[fc:fc + 2 * chars].decode("utf-16-le", errors="replace"))
    return _clean_word_text("".join(parts))


def _clean_word_text(text: str) -> str:
    out: list[str] = []
    depth = 0
    showing = [True]
    for ch in text:
        if ch == "\x13":  # field begin: its code is hidden, its result shown
            depth += 1
            showing.append(False)
        elif ch == "\x14" and depth:
            showing[-1] = True
        elif ch == "\x15" and depth:
            depth -= 1
            showing.pop()
        elif all(showing):
            if ch in "\r\x07\x0b\x0c":
                out.append("\n")
            elif ch >= " " or ch == "\t":
                out.append(ch)
    return "".join(out)


def read_word97(data: bytes, suffix: str, source: str) -> str:
    program = soffice()
    if program:
        return convert_with_libreoffice(data, suffix, source, program)
    text = word97_text(data)
    if text is not None and text.strip():
        return text
    raise CorpusError(f"读取 {suffix} 文件需要 LibreOffice（soffice），本机没有找到",
                      file=source, hint="请安装 LibreOffice，或在 WPS/Word 中另存为 .docx 后再试")
