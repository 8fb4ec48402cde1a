"""Read an outline file: bytes → YAML (safe, positioned, duplicate-free) → validated data →
the typed outline (drafter.model) every consumer reads.

Every problem is reported at once with file:line:column and the outline path, in Chinese.
YAML parsing and positions live in loader_yaml, pydantic's errors in loader_problems.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import OutlineError, Problem
from .loader_yaml import (
    MAX_DEPTH,
    MAX_NODES,
    PathKey,
    Pos,
    Positions,
    format_path,
    ime_hints,
    parse_yaml,
    split_path,
)
from .model import Outline, build

MAX_BYTES = 2 * 1024 * 1024  # an outline is a page or two; 2 MB is far beyond any real one


def read_text(path: Path | str, *, what: str = "大纲文件", limit: int = MAX_BYTES) -> str:
    """Read a user's UTF-8 text file with Chinese errors for every way it can fail."""
    from .reading import read_limited, shown

    hint = ("大纲只写要点和各段文字，通常不到 100 KB：请确认没有选错文件；"
            "要从已有的讲话稿提取大纲，用 drafter mine 讲话稿 -o 大纲.yaml") if what == "大纲文件" else None
    data = read_limited(path, limit=limit, what=what, hint=hint)
    name = "<标准输入>" if str(path) == "-" else shown(str(path))
    return decode_text(data, name=name, what=what)


def decode_text(data: bytes, *, name: str, what: str = "大纲文件") -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise OutlineError(f"{what}的 UTF-16 编码已损坏", file=name) from None
    else:
        if b"\x00" in data:
            if _looks_utf16(data):
                raise OutlineError(f"{what}是没有 BOM 的 UTF-16 编码", file=name,
                                   hint="请在编辑器中选择“另存为”，编码选 UTF-8")
            raise OutlineError(f"{what}看起来是二进制文件，不是文本", file=name,
                               hint="大纲应是 .yaml 文本文件")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise OutlineError(
                f"{what}不是 UTF-8 编码", file=name, line=line,
                hint="请在编辑器中选择“另存为”，编码选 UTF-8（GBK/GB2312 文件常见于旧版记事本）",
            ) from None
    if not text.strip():
        raise OutlineError(f"{what}是空的", file=name,
                           hint="可用 drafter new 会议类型 生成一份带注释的大纲")
    return text


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of the ASCII part is zero."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return False
    for start in (0, 1):
        zeros = head[start::2].count(0)
        if zeros >= 0.3 * (len(head) // 2) and head[1 - start::2].count(0) == 0:
            try:
                data.decode("utf-16-le" if start else "utf-16-be")
            except UnicodeDecodeError:
                continue
            return True
    return False


def load_outline(path: Path | str) -> LoadedOutline:
    """Read, parse and validate an outline file."""
    path = Path(path)
    text = read_text(path)
    return load_outline_text(text, "<标准输入>" if str(path) == "-" else str(path))


@dataclass
class LoadedOutline:
    """A valid outline with where each of its paths stands in the file.

    `outline` is the typed outline every consumer reads, built once by `drafter.model.build`
    from the validated data (the fast acceptor's or pydantic's: the same object either way).
    `data` is that same outline as plain data (`outline.plain()`: the keys written, values
    normalised), for the walkers that find a text by its path in the YAML (lint)."""

    data: dict[str, Any]
    positions: Positions
    source: str
    outline: Outline = field(init=False)

    def __post_init__(self) -> None:
        self.outline = build(self.data)
        self.data = self.outline.plain()

    def where(self, path: str | PathKey) -> tuple[int | None, int | None]:
        """Line and column of an outline path (or of the nearest part holding it)."""
        pos = self.positions.of_value(split_path(path) if isinstance(path, str) else path)
        return (pos[0], pos[1]) if pos else (None, None)


def load_outline_text(text: str, name: str = "<大纲>") -> LoadedOutline:
    data, positions, problems = parse_yaml(text, name)
    if not isinstance(data, dict):
        kind = "列表" if isinstance(data, list) else "一段文字"
        problems += [Problem(f"大纲的最外层应是“键: 值”映射，这里却是{kind}", file=name, line=1,
                             column=1, hint="每行写“字段名: 内容”，如“title: 在全市……上的讲话”")]
        raise OutlineError(problems=problems + ime_hints(text, name))
    if not problems:
        from .schema_check import conforms

        if conforms(data):  # fast path: certainly valid, pydantic need not be imported
            return LoadedOutline(data=data, positions=positions, source=name)
    return LoadedOutline(data=validate_with_model(data, positions, name, problems, text),
                         positions=positions, source=name)


def validate_with_model(data: Mapping[str, object], positions: Positions, name: str,
                        problems: list[Problem], text: str) -> dict[str, object]:
    """The pydantic model decides: coerce what it accepts, explain what it rejects. Returns
    the validated data (the written keys) that `drafter.model.build` reads."""
    from pydantic import ValidationError

    from . import outline as model
    from .loader_problems import translate_validation

    try:
        valid = model.Outline.model_validate(data)
    except ValidationError as exc:
        problems = problems + translate_validation(exc, model.Outline, positions, name)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise OutlineError(problems=problems + ime_hints(text, name))
    return valid.model_dump(exclude_unset=True)


__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "LoadedOutline", "Pos", "PathKey", "Positions",
           "decode_text", "format_path", "load_outline", "load_outline_text", "parse_yaml",
           "read_text", "split_path", "validate_with_model"]
