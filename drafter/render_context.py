"""The typed outline → the template context.

The context is plain data (nodes that know their outline path), so templates cannot reach
into the model, and a field a template needs but the outline lacks is reported by its outline
path. Open facts become visible 〔待补：…〕 markers labelled with the field's title from
outline.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .document import TITLE_BREAK
from .errors import OpenMarker, OutlineError, Problem
from .lazyre import compiled
from .loader_yaml import split_path
from .model import Directive, Figure, Meeting, Part, Reminders, Review, field_names, title_of
from .numbering import (
    OrdinalStyle,
    attach_ordinal,
    cn_numeral,
    default_style,
    ordinal,
    series_limits,
    typed_ordinal,
)
from .occasions import fitting_occasion, parse_date
from .render_phrases import as_clause, format_date, growth_phrase, plain_number, short_title
from .slots import slot_name
from .templating import DEFAULT_TYPE
from .textnorm import one_line
from .unit import resolve_unit

if TYPE_CHECKING:
    from .loader import LoadedOutline

_OPEN_VALUE = compiled(r"^\s*[〔\[【(（]?\s*待补\s*[〕\]】)）]?\s*$")
_OPEN_INLINE = compiled(r"〔待补〕")


class Node:
    """A context mapping that knows its outline path (for missing-field messages).

    Not a dict: outline fields named like dict methods (reminders.items) must read as
    fields in templates."""

    __slots__ = ("_data", "outline_path")

    def __init__(self, path: str) -> None:
        self._data: dict[str, Any] = {}
        self.outline_path = path

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._data[name]

    def __setitem__(self, name: str, value: Any) -> None:
        self._data[name] = value

    def __contains__(self, name: object) -> bool:
        return name in self._data

    def __repr__(self) -> str:
        return f"Node({self.outline_path!r}, {self._data!r})"


class Markers:
    """Collects open facts while the context is built and the template runs."""

    def __init__(self) -> None:
        self.items: list[OpenMarker] = []

    def add(self, path: str, label: str, slot: str | None = None, inline: bool = False) -> str:
        """A whole open field shows its label; a slot inside a sentence shows what it stands
        for (〔待补：人数〕) or nothing (〔待补〕), never the field around it."""
        marker = f"〔待补：{slot}〕" if slot else ("〔待补〕" if inline else f"〔待补：{label}〕")
        self.items.append(OpenMarker(path=path, label=f"{label}中的{slot or '空缺'}" if inline else label,
                                     marker=marker))
        return marker


class ContextBuilder:
    """Builds the template context from the typed outline. A field written but empty is a
    fact left open: it becomes a marker; an absent one reads as None (the template decides)."""

    def __init__(self, loaded: LoadedOutline, *, verbatim: bool = False,
                 numbering: list[OrdinalStyle] | None = None) -> None:
        self.loaded = loaded
        self.outline = loaded.outline
        # the styles per level: the outline's, else the template's (a house style's numbering:)
        self.numbering = list(self.outline.numbering) or numbering or []
        # verbatim reproduces a mined speech as it was, numbered even when cut after one point
        self.verbatim = verbatim
        self.markers = Markers()
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def _problem(self, message: str, path: str, hint: str | None) -> Problem:
        pos = self.loaded.positions.of_value(split_path(path))
        return Problem(message, file=self.loaded.source, line=pos[0] if pos else None,
                       column=pos[1] if pos else None, path=path, hint=hint)

    def warn(self, message: str, path: str, hint: str | None = None) -> None:
        self.warnings.append(self._problem(message, path, hint))

    def unnumbered(self, text: str, path: str) -> str:
        """A heading or item without the ordinal the writer typed (reported, never doubled)."""
        if not text or text.startswith("〔待补"):
            return text
        found = typed_ordinal(text)
        if found is None:
            return text
        self.warn(f"“{found[0]}”是手写的序号，已去掉：序号由模板按样式生成", path,
                  hint="删去大纲里的序号；要换序号样式，用 numbering 或 points_style")
        return found[1]

    # -- scalars ---------------------------------------------------------------------
    def text(self, value: object, path: str, label: str, explicit: bool) -> str | None:
        """A text as the speech says it: one line, numbers plain, open facts as markers.
        (drafter.model.clean_text has already normalised every text of the outline.)"""
        if value is None:
            return self.markers.add(path, label) if explicit else None
        if isinstance(value, bool):
            value = str(value)
        if isinstance(value, (int, float)):
            value = plain_number(value)
        cleaned = one_line(value if isinstance(value, str) else str(value))
        if not cleaned or _OPEN_VALUE.match(cleaned):
            return self.markers.add(path, label)
        if "〔待补〕" in cleaned:
            cleaned = _OPEN_INLINE.sub(
                lambda m: self.markers.add(path, label, slot_name(m.string[:m.start()], m.string[m.end():]),
                                           inline=True), cleaned)
        return cleaned

    def title(self) -> str | None:
        """An empty or absent title means "generate it" (None: the template's default); a
        list, or a string with line breaks, sets the title's lines."""
        value = self.outline.title
        label = title_of("Outline", "title")
        if value is None or (isinstance(value, str) and not value):
            return None
        if isinstance(value, tuple) or "\n" in value:
            items = value if isinstance(value, tuple) else tuple(value.splitlines())
            lines = [self.text(v, f"title[{i}]" if isinstance(value, tuple) else "title", label, True)
                     for i, v in enumerate(items) if v.strip()]
            return TITLE_BREAK.join(line for line in lines if line) or None
        return self.text(value, "title", label, True)

    def texts(self, values: tuple[str | None, ...], path: str, label: str) -> list[str]:
        out = []
        for i, value in enumerate(values):
            item_label = f"{label}第{i + 1}项" if len(values) > 1 else label
            out.append(self.text(value, f"{path}[{i}]", item_label, True) or "")
        return out

    def section(self, part: Part, path: str, skip: tuple[str, ...] = ()) -> Node:
        """Every field of a part, so templates can test absent ones (they read as None)."""
        node = Node(path)
        kind = type(part).__name__
        for name in field_names(type(part)):
            if name in skip:
                continue
            sub = f"{path}.{name}" if path else name
            value = getattr(part, name)
            if isinstance(value, tuple) and value and isinstance(value[0], Part):
                node[name] = [self.section(v, f"{sub}[{i}]") for i, v in enumerate(value)]
            elif isinstance(value, tuple):
                node[name] = self.texts(value, sub, title_of(kind, name))
            elif isinstance(value, Part):
                node[name] = self.section(value, sub)
            else:
                node[name] = self.text(value, sub, title_of(kind, name), name in part.written)
        return node

    # -- parts -----------------------------------------------------------------------
    def figure(self, fig: Figure, path: str) -> str:
        f = self.section(fig, path)
        text = f["indicator"] or ""
        joiner = ""  # no comma straight after the indicator: 投资同比增长12.5%
        if f["value"]:
            text += f"达到{f['value']}"
            joiner = "，"
        if fig.growth is not None and f["growth"]:
            text += f"{joiner}{growth_phrase(f['growth'])}"
        if f["rank"]:
            text += f"，{f['rank']}"
        if f["note"]:
            text += f"，{f['note']}"
        return text

    def review(self, review: Review | None) -> Node | None:
        if review is None:
            return None
        node = self.section(review, "review", skip=("achievements",))
        items = review.achievements
        out = []
        for i, item in enumerate(items):
            path = f"review.achievements[{i}]"
            if isinstance(item, Figure):
                out.append(self.figure(item, path))
            else:
                label = f"成绩第{i + 1}项" if len(items) > 1 else "成绩"
                out.append(self.unnumbered(self.text(item, path, label, True) or "", path))
        node["achievements"] = out
        node["problems"] = [self.unnumbered(t, f"review.problems[{i}]")
                            for i, t in enumerate(node["problems"])]
        return node

    def meeting(self, meeting: Meeting) -> Node:
        """adopted: full titles and their short names; background: always a clause."""
        node = self.section(meeting, "meeting", skip=("adopted",))
        titles, shorts = [], []
        for i, item in enumerate(meeting.adopted):
            path = f"meeting.adopted[{i}]"
            given, short = (item.title, item.short) if not isinstance(item, str | None) else (item, None)
            title = self.text(given, path, title_of("Meeting", "adopted"), True) or ""
            short = self.text(short, f"{path}.short", title_of("Adopted", "short"), False)
            titles.append(title)
            shorts.append(short or short_title(title))
        node["adopted"] = titles
        node["adopted_short"] = shorts
        background = node["background"]
        if background and not background.startswith("〔"):
            node["background"] = as_clause(background)
        return node

    def unit(self) -> Node:
        """o.unit.*: always non-empty strings (explicit, inferred, or the level's defaults)."""
        node = Node("unit")
        for key, value in resolve_unit(self.loaded.data).items():
            node[key] = one_line(value)
        return node

    def reminders(self, reminders: Reminders | None) -> Node | None:
        if reminders is None:
            return None
        node = self.section(reminders, "reminders", skip=("style",))
        node["items"] = [self.unnumbered(t, f"reminders.items[{i}]")
                         for i, t in enumerate(node["items"])]
        occasion = node["occasion"]
        node["occasion_now"] = occasion if not occasion or occasion.startswith("〔") else \
            fitting_occasion(occasion, parse_date(self.outline.date))
        node["style"] = reminders.style.value if reminders.style else None
        return node

    def transition(self) -> Node:
        given = self.outline.transition
        node = self.section(given, "transition", skip=("style", "numbered"))
        node["style"] = given.style
        node["numbered"] = given.numbered is not False
        topic = node["topic"]
        if topic and not topic.startswith("〔"):
            node["topic"] = re.sub(r"^(就|围绕)", "", topic)
        return node

    # -- the points, at any depth --------------------------------------------------------
    def directives(self, items: tuple[Directive, ...], depth: int, path: str,
                   parent_style: OrdinalStyle | None, chain: str,
                   above: tuple[OrdinalStyle, ...] = ()) -> list[Node]:
        if not items:
            return []
        style = self.series_style(len(items), depth, path, parent_style, above)
        return [self.point(item, i, len(items), style, depth, f"{path}[{i}]", chain, above)
                for i, item in enumerate(items)]

    def series_style(self, count: int, depth: int, path: str, parent_style: OrdinalStyle | None,
                     above: tuple[OrdinalStyle, ...]) -> OrdinalStyle:
        """The ordinal style of one series: the writer's, or the level's default; never one a
        level above already uses; one that can count this many items."""
        # Where the style was chosen: that is what the writer must change.
        if parent_style is not None:
            style, where = parent_style, path.rsplit(".", 1)[0] + ".points_style"
        elif depth <= len(self.numbering):  # the outline's, else the template header's (a default)
            style = self.numbering[depth - 1]
            where = f"numbering[{depth - 1}]" if self.outline.numbering else path
        else:
            style, where = default_style(depth), path
        if style in above:
            # a level above already says it that way (numbering: [（一）] puts （一） on top):
            # the listener could not tell the levels apart, so take the next free style
            chosen = style
            for k in range(depth, depth + len(above) + 1):
                style = default_style(k)
                if style not in above:
                    break
            if where != path:
                self.warn(f"序号样式“{chosen.value}”上一层已经用了，这一层改用“{style.value}”", where,
                          hint="每一层用不同的序号样式")
        low, high = series_limits(style)
        if count > 1 and (count < low or (high is not None and count > high)):
            limit = cn_numeral(low) if high in (low, None) else f"{cn_numeral(low)}至{cn_numeral(high or low)}"
            self.problems.append(self._problem(
                f"序号样式“{style.value}”只适合{limit}项，这里有{cn_numeral(count)}项", where,
                hint="请换用“一是”“一要”或“（一）”等样式"))
            style = OrdinalStyle.YI_SHI
        return style

    def point(self, item: Directive, i: int, count: int, style: OrdinalStyle, depth: int,
              here: str, chain: str, above: tuple[OrdinalStyle, ...]) -> Node:
        single = count == 1 and not self.verbatim
        number = "" if single else ordinal(style, i + 1, count)
        label_chain = chain + (f"第{cn_numeral(i + 1)}点" if depth == 1 else f"第{cn_numeral(i + 1)}项")
        node = Node(here)
        node["number"] = number
        node["level"] = depth
        node["style"] = style.value
        heading = self.text(item.heading, f"{here}.heading", f"{label_chain}的标题", True) or ""
        heading = self.unnumbered(heading, f"{here}.heading")
        node["heading"] = attach_ordinal(number, heading)[len(number):]
        node["body"] = [self.text(b, f"{here}.body[{j}]", f"{label_chain}的正文", True) or ""
                        for j, b in enumerate(item.body)]
        node["points"] = self.directives(item.points, depth + 1, f"{here}.points",
                                         item.points_style, label_chain, (*above, style))
        node["inline"] = style.inline
        # Level 1 stands alone; deeper heading styles run in when they carry only text.
        # A lone item has no number: its heading opens its first paragraph.
        node["runin"] = single or style.inline or (depth > 1 and bool(item.body) and not item.points)
        return node

    def build(self) -> Node:
        o = self.outline
        ctx = self.section(o, "", skip=(
            "review", "directives", "numbering", "date", "lint", "target_length", "template",
            "reminders", "transition", "unit", "title", "meeting"))
        ctx["title"] = self.title()
        ctx["unit"] = self.unit()
        ctx["template"] = o.template or DEFAULT_TYPE
        # format_date keeps what is not a date as the writer's text; open or empty: a marker.
        ctx["date"] = self.text(format_date(o.date), "date", title_of("Outline", "date"),
                                "date" in o.written)
        ctx["meeting"] = self.meeting(o.meeting)
        ctx["review"] = self.review(o.review)
        ctx["reminders"] = self.reminders(o.reminders)
        ctx["transition"] = self.transition()
        ctx["directives"] = self.directives(o.directives, 1, "directives", None, "")
        ctx["count"] = len(o.directives)
        ctx["lone"] = len(o.directives) == 1 and not self.verbatim
        ctx["points_total"] = _count_points(o.directives)
        if self.problems:
            raise OutlineError(problems=self.problems)
        return ctx


def _count_points(items: tuple[Directive, ...]) -> int:
    return sum(1 + _count_points(i.points) for i in items)
