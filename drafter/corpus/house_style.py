"""A house style from the writer's own archive: per meeting type, a template that extends the
shipped type template and overrides only what the archive shows recurring.

Overridable blocks (base.j2): the default salutation, the greeting line, the first sentence of
the opening, the transition style, the first sentence of the closing, the closing call and what
the reminders ask of every unit (the clause after their occasion); and, in the header, the
ordinal style of each level of the directives (`numbering:`, only styles drafter knows).
A block is overridden only when at least two speeches of the type say the same thing there;
everything else, the type's own frames included, stays as shipped. Every piece of mined text
passes the safety filters (corpus/safety.py, through the frame function the caller hands in),
enters the template as a Jinja string literal (data, never code), and a comment names the
speeches it came from.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..numbering import transition_style as transition_style  # the one table: numbering.TRANSITIONS
from ..textnorm import sentences
from .model import Speech, Unit

MIN_SPEECHES = 2  # a type needs this many speeches, a wording this many occurrences
SUFFIX = "-house"


def meeting_classifier(dirs: list[Path]) -> Callable[[Speech], str]:
    """A speech's meeting type, from the mining signals in the template headers (`mine:` a
    pattern for the title and first lines, `mine_order:` which is tried first; the writer's own
    types before the built-in ones at the same order). No signal: the default type."""
    from ..errors import TemplateError
    from ..templating import DEFAULT_TYPE, catalogue

    types = sorted((i for i in catalogue(dirs).values() if i.meta.get("mine")),
                   key=lambda i: (i.mine_order, i.builtin, i.id))
    signals: list[tuple[str, re.Pattern[str]]] = []
    for info in types:
        try:
            signals.append((info.id, re.compile(info.meta["mine"])))
        except re.error as exc:
            raise TemplateError(f"模板头部的 mine 写法有误：{exc}", file=str(info.path),
                                hint="mine 是一个正则表达式，如：防汛|抗旱") from None

    def meeting_type(speech: Speech) -> str:
        head = " ".join([speech.title or ""] + speech.opening[:2])
        return next((name for name, pattern in signals if pattern.search(head)), DEFAULT_TYPE)

    return meeting_type


def _sentences(text: str) -> list[str]:
    return sentences(text) or [text]


# A reminders paragraph opens with its occasion (春节即将来临，…); the outline says that part,
# date-aware, so the house style takes only what follows it.
_OCCASION = re.compile(r"即将|临近|将至|来临|到来|期间|前夕|岁末|年初|年底|年关|节前|当前|眼下|目前|正值|进入|汛期")


def reminder_duty(frame: str) -> str:
    """春节即将来临，各级各部门要统筹抓好当前工作。 → 各级各部门要统筹抓好当前工作"""
    clause, sep, rest = frame.partition("，")
    text = rest if sep and _OCCASION.search(clause) else frame
    return text.rstrip("。！；：，!;:,. ")


def level_styles(units: list[Unit]) -> list[str]:
    """The ordinal style of each level of the directives, from the top (the first numbered unit
    at that depth); stops at the first level with none."""
    styles: list[str] = []
    level = units
    while level:
        style = next((u.style for u in level if u.style and u.style != "推断"), "")
        if not style:
            break
        styles.append(style)
        level = [child for unit in level for child in unit.children]
    return styles


def _canonical(spelling: str) -> str | None:
    """An ordinal style as the outline and template headers write it, from any spelling."""
    from ..numbering import style_of

    style = style_of(spelling)
    return style.value if style else None


def item_style(items: list[str]) -> str | None:
    """The ordinal style the first of a run of items opens with (一要抓好… → 一要)."""
    from ..numbering import typed_ordinal

    typed = typed_ordinal(items[0]) if items else None
    return _canonical(typed[0]) if typed else None


_GREETING = re.compile(r"^(?:大家|各位)?(?:上午|下午|晚上)?好[！!。]?$")


@dataclass
class Wording:
    """How often each wording occurs at one place, and in which speeches."""

    counts: Counter[str] = field(default_factory=Counter)
    sources: dict[str, list[str]] = field(default_factory=dict)

    def add(self, text: str | None, source: str) -> None:
        if text:
            self.counts[text] += 1
            self.sources.setdefault(text, []).append(source)

    def recurring(self, usable: Callable[[str], bool] = lambda _t: True) -> tuple[str, list[str]] | None:
        for text, n in self.counts.most_common():
            if n >= MIN_SPEECHES and usable(text):
                return text, self.sources[text]
        return None


@dataclass
class HouseStyle:
    """What one meeting type's speeches in an archive say at fixed places."""

    speeches: int = 0
    salutations: Wording = field(default_factory=Wording)
    greetings: Wording = field(default_factory=Wording)
    openings: Wording = field(default_factory=Wording)  # first sentence of the opening
    transitions: Wording = field(default_factory=Wording)  # transition style
    closings: Wording = field(default_factory=Wording)  # first sentence of the closing
    calls: Wording = field(default_factory=Wording)  # last sentence of the closing
    reminders: Wording = field(default_factory=Wording)  # the reminders' duty clause
    reminder_styles: Wording = field(default_factory=Wording)  # ordinal style of their items
    levels: list[Wording] = field(default_factory=list)  # ordinal style of each level
    sources: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # the speeches counted, by their words

    def add(self, speech: Speech, frame: Callable[[str], str | None], source: str = "") -> None:
        key = _fingerprint(speech)
        if key and key in self.seen:
            return  # one speech saved twice (.doc and .txt) is one speech, not a recurrence
        self.seen.add(key)
        source = source or f"第{self.speeches + 1}篇"
        self.speeches += 1
        self.sources.append(source)
        self.salutations.add(speech.salutation, source)
        opening = [s for p in speech.opening for s in _sentences(p)]
        if opening and _GREETING.match(opening[0]):  # 大家好！ alone or opening a paragraph
            self.greetings.add(opening.pop(0), source)
        if opening:
            self.openings.add(frame(opening[0]), source)
        if speech.transition:
            self.transitions.add(transition_style(speech.transition["text"]), source)
        if speech.closing:
            first = _sentences(speech.closing[0])[0]
            last = _sentences(speech.closing[-1])[-1]
            if first != last:
                self.closings.add(frame(first), source)
            self.calls.add(frame(last), source)
        if speech.reminders:
            lead = frame(_sentences(speech.reminders[0])[0])
            self.reminders.add(reminder_duty(lead) if lead else None, source)
            self.reminder_styles.add(item_style(speech.reminders[1:2]), source)
        for depth, ordinal_style in enumerate(level_styles(speech.directives)):
            if depth == len(self.levels):
                self.levels.append(Wording())
            self.levels[depth].add(_canonical(ordinal_style), source)


def _fingerprint(speech: Speech) -> str:
    """A speech's own words, punctuation, spacing and numbering aside: one speech read from two
    files (a .docx and its .txt copy) gives one fingerprint; any other word makes another."""
    def unit_text(unit: Unit) -> str:
        return unit.heading + "".join(unit.body) + "".join(unit_text(c) for c in unit.children)

    transition = speech.transition["text"] if speech.transition else ""
    words = "".join([*speech.opening, *speech.review, transition, *speech.problems, *speech.other,
                     *(unit_text(u) for u in speech.directives), *speech.reminders, *speech.closing])
    return re.sub(r"[\W_]+", "", words)


def _usable(frame: str) -> bool:
    """A frame the template can say about any meeting: no names, places or open slots, and
    nothing that looks like template syntax (it would be printed as text, but reads badly)."""
    rest = frame.replace("{数}", "")
    return not re.search(r"[{}]", rest) and 4 <= len(frame) <= 80


def _duty_usable(text: str) -> bool:
    """A duty clause the reminders frame can go on from (it adds the count of items itself)."""
    return _usable(text) and "{数}" not in text and "以下" not in text


def open_series(text: str) -> bool:
    """An ordinal style drafter knows that fits a series of any length (not 首先, 一方面)."""
    from ..numbering import series_limits, style_of

    known = style_of(text)
    return known is not None and known.value == text and series_limits(known)[1] is None


def numbering(style: HouseStyle) -> list[tuple[str, list[str]]]:
    """The archive's recurring ordinal style per level, from the top, as far as each level has
    one drafter knows (an open series, not used by a level above); with its sources."""
    found: list[tuple[str, list[str]]] = []
    for level in style.levels:
        taken = {value for value, _ in found}

        def fits(text: str, taken: set[str] = taken) -> bool:
            return open_series(text) and text not in taken

        recurring = level.recurring(fits)
        if recurring is None:
            break
        found.append(recurring)
    return found


def literal(text: str) -> str:
    """Mined text as a Jinja expression that prints it: data, never code."""
    text = re.sub(r"[\x00-\x1f\x7f]", "", text)
    return "{{ " + json.dumps(text, ensure_ascii=False) + " }}"


def frame_to_jinja(frame: str) -> str:
    """A frame with {数} → template text: literal pieces, and the count from the outline."""
    pieces = frame.replace("……", "").split("{数}")
    return "{{ o.count|cn_count }}".join(literal(p) for p in pieces if p is not None)


def _names(sources: list[str]) -> str:
    names = [re.sub(r"[{}#%\x00-\x1f]", "", Path(s).name) for s in sources]
    shown = "、".join(names[:5]) + ("等" if len(names) > 5 else "")
    return f"{shown}（{len(names)} 篇）"


def template_text(type_name: str, style: HouseStyle, label: str | None = None) -> str | None:
    """The template for one meeting type, or None when the archive shows nothing recurring."""
    blocks: list[str] = []
    parts: list[str] = []

    def block(name: str, label: str, found: tuple[str, list[str]] | None, body: Callable[[str], str]) -> None:
        if found is None:
            return
        text, sources = found
        blocks.append(f"{{#- {label}：取自 {_names(sources)} -#}}")
        blocks.append(f"{{% block {name} %}}{body(text)}{{% endblock %}}")
        parts.append(label)

    block("default_salutation", "称呼", style.salutations.recurring(lambda t: len(t) <= 40), literal)
    block("greeting", "问候", style.greetings.recurring(), lambda t: "\n@p " + literal(t) + "\n")
    block("opening", "开场首句", style.openings.recurring(_usable),
          lambda t: "\n@p " + frame_to_jinja(t) + "\n{{ super() }}\n")  # the type's frames follow
    block("default_transition_style", "过渡句式", style.transitions.recurring(), literal)
    block("closing", "结尾首句", style.closings.recurring(_usable),
          lambda t: "\n@closing " + frame_to_jinja(t) + "{{ o.closing.call or self.default_call() }}\n")
    block("default_call", "结尾号召", style.calls.recurring(_usable), frame_to_jinja)
    block("reminders_lead", "提醒", style.reminders.recurring(_duty_usable), literal)
    block("default_reminders_style", "提醒序号", style.reminder_styles.recurring(open_series), literal)
    levels = numbering(style)
    if levels:
        shown = "；".join(f"第{_LEVEL_NAMES[k]}层“{value}”取自 {_names(sources)}"
                         for k, (value, sources) in enumerate(levels))
        blocks.append(f"{{#- 序号样式（头部 numbering）：{shown} -#}}")
        parts.append("序号样式")
    if not blocks:
        return None
    label = label or type_name
    header = [
        "{#- drafter",
        f"name: {label}（本单位）",
        f"description: 在内置“{label}”模板上，套用本单位 {style.speeches} 篇讲话中反复出现的"
        f"{'、'.join(parts)}；其余部分与内置模板相同。",
        *([f"numbering: {' '.join(value for value, _ in levels)}"] if levels else []),
        "-#}",
        f'{{% extends "{type_name}.j2" %}}',
        f"{{#- 由 drafter mine 生成；来源讲话：{_names(style.sources)} -#}}",
    ]
    return "\n".join(header + blocks) + "\n"


_LEVEL_NAMES = "一二三四五六七八九"


def plan_templates(styles: dict[str, HouseStyle], directory: Path,
                   dirs: list[Path] | None = None) -> dict[Path, str]:
    """What would be written: one template per meeting type with enough speeches."""
    from ..templating import catalogue, template_dirs

    names = {key: info.name for key, info in catalogue(dirs or template_dirs()).items()}
    plan: dict[Path, str] = {}
    for type_name, style in sorted(styles.items()):
        if style.speeches < MIN_SPEECHES:
            continue
        text = template_text(type_name, style, names.get(type_name))
        if text is not None:
            plan[directory / f"{type_name}{SUFFIX}.j2"] = text
    return plan


def emit_templates(styles: dict[str, HouseStyle], directory: Path, *, force: bool = True,
                   dirs: list[Path] | None = None) -> list[Path]:
    from ..output import write_atomic

    plan = plan_templates(styles, directory, dirs)
    directory.mkdir(parents=True, exist_ok=True)
    for path, text in plan.items():
        write_atomic(path, text, force=force)
    return list(plan)
