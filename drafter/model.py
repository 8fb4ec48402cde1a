"""The outline every consumer reads: a tree of frozen parts, built by one builder.

`drafter/outline.py` (pydantic) stays the single statement of the fields: their types,
validation, Chinese titles and descriptions (it generates ``outline.schema.json``). This module
mirrors its fields in plain frozen classes so that the render path never imports pydantic: the
loader validates (fast acceptor or pydantic) and hands the validated plain data to `build`,
which is the one place where values are normalised. A test keeps the two field lists equal.

Each part records the fields the writer wrote (`written`, in the model's order): a field written
empty or null is a fact left open (the renderer shows 〔待补〕), an absent one lets the
template decide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, ClassVar, TypeVar

from .lazyre import compiled
from .numbering import TRANSITION_ALIASES, OrdinalStyle, style_of
from .templating import DEFAULT_TYPE
from .unit import normalize_level

Text = str | None
Number = str | int | float | None

_CONTROL = compiled(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(value: str) -> str:
    """The one normalisation every text of an outline goes through, the date included:
    line ends unified, control characters dropped (lxml and printers refuse them), outer
    whitespace stripped. What is left empty is a fact left open."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).strip()


class Part:
    """One part of an outline: frozen, compared by value, and knowing which of its fields the
    writer wrote (`written`, in the model's order). Fields are the annotated class attributes,
    whose values are the defaults. (Plain classes, not dataclasses: generating a dozen
    dataclasses costs the render path's start-up several milliseconds.)"""

    written: tuple[str, ...] = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        cls.FIELDS = tuple(name for name in cls.__annotations__ if name != "FIELDS")

    def __init__(self, written: tuple[str, ...] = (), **values: object) -> None:
        unknown = set(values) - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)}")
        self.__dict__.update(values, written=written)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def _values(self) -> tuple[object, ...]:
        return (*(getattr(self, name) for name in self.FIELDS), self.written)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.written)
        return f"{type(self).__name__}({shown})"


class Figure(Part):
    """An achievement with figures (review.achievements)."""

    indicator: Text = None
    value: Number = None
    growth: Number = None
    rank: Text = None
    note: Text = None


class AgendaItem(Part):
    """One item of the meeting's agenda (meeting.agenda)."""

    kind: str = ""
    who: Text = None
    what: Text = None


class Unit(Part):
    """The unit speaking, as written (the renderer resolves the rest: unit.resolve_unit)."""

    level: Text = None
    name: Text = None
    leadership: Text = None
    scope: Text = None
    people: Text = None
    branches: Text = None


class Adopted(Part):
    """A document adopted by the meeting, with its short name (meeting.adopted)."""

    title: Text = None
    short: Text = None


class Meeting(Part):
    """The meeting the speech is given at."""

    name: Text = None
    organizer: Text = None
    purpose: Text = None
    background: Text = None
    heard: tuple[Text, ...] = ()
    speakers: tuple[Text, ...] = ()
    adopted: tuple[str | Adopted | None, ...] = ()
    honoured: Text = None
    attendees: Text = None
    theme: Text = None
    guests: Text = None
    post: Text = None
    predecessor: Text = None
    host: Text = None
    present: Text = None
    agenda: tuple[AgendaItem, ...] = ()


class Review(Part):
    """Review of achievements and problems."""

    period: Text = None
    summary: Text = None
    achievements: tuple[str | Figure | None, ...] = ()
    credit: Text = None
    thanks: Text = None
    problems: tuple[Text, ...] = ()
    problems_cause: Text = None
    paragraphs: tuple[Text, ...] = ()


class Transition(Part):
    """The sentence that announces the directives."""

    style: Text = None  # canonical: one of numbering.TRANSITION_STYLES
    topic: Text = None
    lead: Text = None
    numbered: bool | None = None


class Directive(Part):
    """One numbered point: heading, body paragraphs, and sub-points at any depth."""

    heading: Text = None
    body: tuple[Text, ...] = ()
    points: tuple[Directive, ...] = ()
    points_style: OrdinalStyle | None = None


class Reminders(Part):
    """Seasonal or safety reminders before the closing."""

    occasion: Text = None
    intro: Text = None
    items: tuple[Text, ...] = ()
    style: OrdinalStyle | None = None


class Closing(Part):
    """The closing exhortation."""

    paragraphs: tuple[Text, ...] = ()
    call: Text = None


class LintSettings(Part):
    """Settings for drafter lint on this outline."""

    ignore: tuple[str, ...] = ()
    place: Text = None
    unit: Text = None
    names: tuple[str, ...] = ()


class Outline(Part):
    """A speech outline: the written fields, each normalised (see build)."""

    template: str = DEFAULT_TYPE
    title: str | tuple[str, ...] | None = None
    subtitle: Text = None
    speaker: Text = None
    unit: Unit | None = None
    date: dt.date | str | None = None
    salutation: Text = None
    greeting: Text = None
    meeting: Meeting = Meeting()
    opening: tuple[Text, ...] = ()
    review: Review | None = None
    pivot: Text = None
    transition: Transition = Transition()
    numbering: tuple[OrdinalStyle, ...] = ()
    directives: tuple[Directive, ...] = ()
    implementation: tuple[Text, ...] = ()
    reminders: Reminders | None = None
    closing: Closing = Closing()
    target_length: int | None = None
    lint: LintSettings | None = None

    def plain(self) -> dict[str, object]:
        """The written fields as plain YAML-ready data (what `build` reads back)."""
        return plain(self)


PARTS: tuple[type[Part], ...] = (Figure, AgendaItem, Unit, Adopted, Meeting, Review, Transition,
                                 Directive, Reminders, Closing, LintSettings, Outline)


# --- the builder ---------------------------------------------------------------------------

Convert = Callable[[Any], Any]
P = TypeVar("P", bound=Part)


def _text(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _each(convert: Convert) -> Convert:
    return lambda value: tuple(convert(v) for v in value) if isinstance(value, list | tuple) else ()


def _part(cls: type[Part]) -> Convert:
    return lambda value: value if isinstance(value, cls) else \
        _built(cls, value if isinstance(value, Mapping) else {})


def _built(cls: type[P], data: Mapping[str, object]) -> P:
    table = _TABLES[cls]
    written = tuple(k for k in cls.FIELDS if k in data)  # in the model's order: one shape
    return cls(**{k: table[k](data[k]) for k in written}, written=written)


def make(cls: type[P], **values: object) -> P:
    """A part from its fields, through the same conversions as `build` (how the miner writes
    an outline): every field given counts as written."""
    unknown = set(values) - set(_TABLES[cls])
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)}")
    return _built(cls, values)


def _either(cls: type[Part]) -> Convert:
    """A list item that is text or a part (an achievement with figures, an adopted document)."""
    part = _part(cls)
    return lambda value: part(value) if isinstance(value, Mapping | cls) else _text(value)


def _directive(value: Any) -> Any:
    # "- 统一思想，提高认识" is a point with only a heading.
    return _part(Directive)({"heading": value} if isinstance(value, str) else value)


def _transition_style(value: Any) -> Any:
    return TRANSITION_ALIASES.get(clean_text(value).rstrip("。：:")) if isinstance(value, str) else None


def _level(value: Any) -> Any:
    return normalize_level(value) if isinstance(value, str) and value.strip() else _text(value)


def _title(value: Any) -> Any:
    return _each(_text)(value) if isinstance(value, list | tuple) else _text(value)


def _date(value: Any) -> Any:
    return value.date() if isinstance(value, dt.datetime) else _text(value)


def _styles(value: Any) -> tuple[OrdinalStyle, ...]:
    found = (style_of(v) for v in value) if isinstance(value, list | tuple) else ()
    return tuple(s for s in found if s is not None)


def _same(value: Any) -> Any:
    return value


def _texts_of(*names: str) -> dict[str, Convert]:
    return dict.fromkeys(names, _text)


_TABLES: dict[type[Any], dict[str, Convert]] = {
    Figure: _texts_of("indicator", "value", "growth", "rank", "note"),
    AgendaItem: _texts_of("kind", "who", "what"),
    Unit: {"level": _level, **_texts_of("name", "leadership", "scope", "people", "branches")},
    Adopted: _texts_of("title", "short"),
    Meeting: {
        **_texts_of("name", "organizer", "purpose", "background", "honoured", "attendees", "theme",
                    "guests", "post", "predecessor", "host", "present"),
        "heard": _each(_text), "speakers": _each(_text), "adopted": _each(_either(Adopted)),
        "agenda": _each(_part(AgendaItem))},
    Review: {
        **_texts_of("period", "summary", "credit", "thanks", "problems_cause"),
        "achievements": _each(_either(Figure)), "problems": _each(_text),
        "paragraphs": _each(_text)},
    Transition: {"style": _transition_style, "topic": _text, "lead": _text, "numbered": _same},
    Directive: {"heading": _text, "body": _each(_text), "points": _each(_directive),
                "points_style": style_of},
    Reminders: {"occasion": _text, "intro": _text, "items": _each(_text), "style": style_of},
    Closing: {"paragraphs": _each(_text), "call": _text},
    LintSettings: {"ignore": _each(_text), "place": _text, "unit": _text, "names": _each(_text)},
    Outline: {
        **_texts_of("template", "subtitle", "speaker", "salutation", "greeting", "pivot"),
        "title": _title, "date": _date, "opening": _each(_text), "implementation": _each(_text),
        "unit": _part(Unit), "meeting": _part(Meeting), "review": _part(Review),
        "transition": _part(Transition), "numbering": _styles, "directives": _each(_directive),
        "reminders": _part(Reminders), "closing": _part(Closing), "target_length": _same,
        "lint": _part(LintSettings)},
}


def build(data: Mapping[str, object]) -> Outline:
    """The typed outline from validated plain data: a YAML mapping the fast acceptor took, or
    the pydantic model's ``model_dump(exclude_unset=True)``. Both give the same object."""
    return _built(Outline, data)


# --- reading it back -----------------------------------------------------------------------

def plain(part: Part) -> dict[str, object]:
    """A part's written fields as plain data: lists, strings, dates and numbers."""
    return {name: _plain(getattr(part, name)) for name in part.written}


def _plain(value: Any) -> Any:
    if isinstance(value, Part):
        return plain(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    return value


def field_names(cls: type[Part]) -> list[str]:
    """The outline fields of a part, in the model's order."""
    return list(cls.FIELDS)


_TITLES: dict[tuple[str, str], str] = {}


def _load_titles() -> dict[tuple[str, str], str]:
    from .schema_check import shipped_schema

    schema = shipped_schema()
    defs = schema.get("$defs")
    parts = {"Outline": schema, **(defs if isinstance(defs, dict) else {})}
    for part, node in parts.items():
        properties = node.get("properties") if isinstance(node, dict) else None
        if not isinstance(properties, dict):
            continue
        for name, prop in properties.items():
            if isinstance(prop, dict) and isinstance(title := prop.get("title"), str):
                _TITLES[(part, name)] = title
    return dict(_TITLES)


def title_of(part: str, name: str) -> str:
    """The Chinese title of one field, e.g. title_of("Meeting", "name") == "会议名称"."""
    if not _TITLES:
        _load_titles()
    return _TITLES.get((part, name), name)
