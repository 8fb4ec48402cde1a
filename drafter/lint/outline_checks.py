"""Rules an outline gets besides those on the speech it renders to: open fields (D101), sibling
headings and empty directives (D110, D113) and the target length (D112), each reported at
its line in the YAML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..textnorm import word_count
from .registry import Context, Speech
from .structure import unbalanced

if TYPE_CHECKING:
    from ..loader import LoadedOutline
    from ..model import Directive


def open_fields(speech: Speech, ctx: Context) -> None:  # D101
    if speech.outline is None or speech.result is None:
        return
    from ..loader import split_path

    for marker in speech.result.markers:
        pos = speech.outline.positions.of_key(split_path(marker.path))
        ctx.add("D101", None, f"{marker.marker}：这一项还没有填写", line=pos[0] if pos else None,
                column=pos[1] if pos else None, where=marker.path, fix="在大纲里补上")


def siblings(speech: Speech, ctx: Context) -> None:  # D110, D113
    if speech.outline is not None:
        _siblings(speech.outline.outline.directives, "directives", speech.outline, ctx)


def _siblings(items: tuple[Directive, ...], path: str, loaded: LoadedOutline, ctx: Context) -> None:
    headings = []
    for i, item in enumerate(items):
        heading = item.heading
        if heading is not None:
            headings.append((f"{path}[{i}].heading", heading))
        if not item.body and not item.points and path == "directives":
            line, _ = loaded.where(f"{path}[{i}]")
            ctx.add("D113", None, f"第{i + 1}点“{heading}”没有正文，也没有下一层要点",
                    line=line, where=f"{path}[{i}]", fix="补上正文或要点")
        _siblings(item.points, f"{path}[{i}].points", loaded, ctx)
    for index, problem in unbalanced([h for _, h in headings]):
        where = headings[index][0]
        line, column = loaded.where(where)
        ctx.add("D110", None, problem, line=line, column=column,
                where=where, fix="调整字数和句式，使几条标题长短相当、结构一致")


def target_length(speech: Speech, ctx: Context) -> None:  # D112
    if speech.outline is None or speech.result is None:
        return
    target = speech.outline.outline.target_length
    if target is None:
        return
    from ..export.text import export

    count = word_count(export(speech.result.document))
    if abs(count - target) > target * 0.2:
        line, _ = speech.outline.where("target_length")
        ctx.add("D112", None, f"讲话稿约 {count} 字，目标 {target} 字，相差 {abs(count - target) * 100 // target}%",
                line=line, where="target_length",
                fix="增删内容，或调整 target_length")
