"""Bytes → text, with the encoding detected and named (UTF-8 ± BOM, UTF-16 BOM, GB18030, Big5)."""

from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path

from .. import textnorm
from ..errors import CorpusError


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    text = Path(__file__).with_name("data").joinpath("common_chars.txt").read_text(encoding="utf-8")
    return frozenset(text.strip())


def chinese_score(text: str) -> float:
    """Share of CJK characters that are common ones: near 1 for Chinese, low for garbage."""
    cjk = textnorm.CJK_RE.findall(text)  # compiled when first needed, not on import
    if not cjk:
        return 0.0
    common = common_chars()
    return sum(c in common for c in cjk) / len(cjk)


def decode_bytes(data: bytes, name: str = "<输入>") -> tuple[str, str]:
    """Return (text, encoding name). Raise CorpusError for binary or undecodable bytes."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "UTF-8（带 BOM）"
        except UnicodeDecodeError:
            raise CorpusError("文件以 UTF-8 BOM 开头，但内容不是 UTF-8", file=name) from None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise CorpusError("UTF-16 文件已损坏", file=name) from None
    if b"\x00" in data[:4096]:
        raise CorpusError("二进制文件，不是文本", file=name)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for codec, label in (("gb18030", "GB18030/GBK"), ("big5", "Big5")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = chinese_score(text[:20000])
        if best is None or score > best[0]:
            best = (score, text, label)
    if best is None or best[0] < 0.5:
        raise CorpusError("无法识别文件编码（不是 UTF-8、UTF-16、GB18030 或 Big5 的中文文本）",
                          file=name)
    return best[1], best[2]
