"""One error type for everything a user can cause.

The CLI prints ``str(error)`` to standard error and exits 2; anything else that
escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Problem(NamedTuple):  # NamedTuple: created at every start, a fifth of a frozen dataclass's cost
    """One located problem: where (file, line, column, outline path) and what."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str | None = None  # outline path, e.g. directives[1].points[0].heading
    hint: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file:
            from .reading import shown

            where = shown(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
        parts = []
        if where:
            parts.append(where)
        if self.path:
            parts.append(self.path)
        text = "：".join([" ".join(parts), self.message]) if parts else self.message
        if self.hint:
            text += f"（提示：{self.hint}）"
        return text


class DrafterError(Exception):
    """A problem the user caused and can fix. Carries one or more located problems."""

    exit_code = 2

    def __init__(self, message: str | None = None, *, problems: list[Problem] | None = None,
                 file: str | None = None, line: int | None = None, column: int | None = None,
                 path: str | None = None, hint: str | None = None) -> None:
        if problems is None:
            problems = [Problem(message or "未知错误", file=file, line=line, column=column,
                                path=path, hint=hint)]
        self.problems: list[Problem] = problems
        super().__init__(self.render())

    def render(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"发现 {len(self.problems)} 处问题："]
        lines += [f"  {i}. {p}" for i, p in enumerate(self.problems, 1)]
        return "\n".join(lines)


class OutlineError(DrafterError):
    """The outline file cannot be read or does not validate."""


class TemplateError(DrafterError):
    """A template is unknown, broken, or does something the sandbox forbids."""


class OutputError(DrafterError):
    """The result cannot be written where the user asked."""


class CorpusError(DrafterError):
    """A corpus input cannot be read or mined."""


# Ctrl-C: writes are atomic (drafter.output), so an interrupted run leaves every file whole.
INTERRUPTED = "已中断，原有文件不受影响"


class Interrupted(DrafterError):
    """Ctrl-C, said where there is more to say than INTERRUPTED (e.g. where the edit is kept).
    Reported without the 错误： prefix, with the interrupt's exit code."""

    exit_code = 130

    def __init__(self, detail: str = "", *, hint: str | None = None) -> None:
        super().__init__(INTERRUPTED + (f"；{detail}" if detail else ""), hint=hint)


@dataclass
class OpenMarker:
    """A fact the writer left open: rendered as 〔待补：label〕."""

    path: str
    label: str
    marker: str = field(default="")
