"""Outline → template context → markup → Document.

The context is plain data (dict subclasses that know their outline path), so templates
cannot reach into pydantic, and a field a template needs but the outline lacks is reported
by its outline path. Open facts become visible 〔待补：…〕 markers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import TITLE_BREAK
from .errors import OpenMarker, OutlineError, Problem, TemplateError
from .loader import LoadedOutline, format_path, load_outline, split_path
from .numbering import (
    TRANSITION_ALIASES,
    OrdinalStyle,
    attach_ordinal,
    cn_numeral,
    default_style,
    ordinal,
    series_limits,
    style_of,
    typed_ordinal,
)
from .occasions import fitting_occasion, parse_date
from .schema_check import properties_of
from .slots import slot_name
from .templating import TemplateInfo, make_environment, resolve_template, template_dirs
from .textnorm import one_line
from .unit import resolve_unit

_OPEN_VALUE = re.compile(r"^\s*[〔\[【(（]?\s*待补\s*[〕\]】)）]?\s*$")
_OPEN_INLINE = re.compile(r"〔待补〕")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

LABELS: dict[str, str] = {
    "title": "标题", "subtitle": "副标题", "speaker": "讲话人", "date": "讲话日期",
    "salutation": "称呼", "greeting": "问候语", "pivot": "转折句",
    "meeting.name": "会议名称", "meeting.organizer": "决定召开会议的机关",
    "meeting.purpose": "会议任务", "meeting.background": "召开时机",
    "meeting.heard": "听取的报告", "meeting.speakers": "发言单位",
    "meeting.adopted": "审议通过的文件", "meeting.honoured": "表彰对象",
    "meeting.attendees": "参会人员", "meeting.theme": "主题", "meeting.guests": "来宾",
    "meeting.post": "新任职务", "meeting.predecessor": "前任",
    "meeting.host": "主持人", "meeting.present": "出席领导",
    "kind": "议程类别", "who": "议程进行人", "what": "议程内容", "opening": "开场段落",
    "review.period": "回顾时段", "review.summary": "总体评价", "review.achievements": "成绩",
    "review.credit": "成绩取得的原因", "review.thanks": "致谢对象", "review.problems": "问题",
    "review.problems_cause": "问题根源", "review.paragraphs": "回顾段落",
    "indicator": "指标名称", "value": "数值", "growth": "增幅", "rank": "位次", "note": "说明",
    "transition.topic": "过渡句主题", "transition.lead": "过渡句前置语",
    "implementation": "落实要求", "reminders.occasion": "提醒时节",
    "reminders.intro": "提醒引导语", "reminders.items": "提醒事项",
    "closing.paragraphs": "结尾段落", "closing.call": "号召句",
}


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


def format_date(value: dt.date | str | None) -> str | None:
    """2025-02-05 → 2025年2月5日 (GB/T 9704: full year, no zero padding)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    text = _CONTROL.sub("", value).strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
    if m:
        return f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日"
    return text


def _plain_number(value: float) -> str:
    """A number as a speech prints it: 1250000, 5.8, 0.3 — never 1.25e+06 or 0.30000000000000004."""
    if isinstance(value, int):
        return str(value)
    from decimal import Decimal

    text = format(Decimal(f"{value:.15g}").normalize(), "f")
    return text[:-2] if text.endswith(".0") else text


def _prop_kind(schema: dict[str, Any]) -> tuple[str, str | None]:
    """('list' | 'models' | 'model' | 'scalar', referenced definition) for a property schema."""
    options = schema.get("anyOf", [schema])
    for option in options:
        if option.get("type") == "array":
            items = option.get("items", {})
            if "$ref" in items:
                return "models", items["$ref"].rsplit("/", 1)[-1]
            return "list", None
        if "$ref" in option:
            ref = option["$ref"].rsplit("/", 1)[-1]
            return ("scalar", None) if ref == "OrdinalStyle" else ("model", ref)
    return "scalar", None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


class ContextBuilder:
    """Builds the template context from outline data (a dict holding only what the writer
    wrote). A key that is present but empty is a fact left open: it becomes a marker."""

    def __init__(self, loaded: LoadedOutline, *, verbatim: bool = False,
                 numbering: list[OrdinalStyle] | None = None) -> None:
        self.loaded = loaded
        self.numbering = numbering or []  # the template's styles per level, when the outline has none
        # verbatim reproduces a mined speech as it was, numbered even when cut after one point
        self.verbatim = verbatim
        self.markers = Markers()
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def warn(self, message: str, path: str, hint: str | None = None) -> None:
        pos = self.loaded.positions.of_value(split_path(path))
        self.warnings.append(Problem(message, file=self.loaded.source,
                                     line=pos[0] if pos else None,
                                     column=pos[1] if pos else None, path=path, hint=hint))

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
    def text(self, value: Any, path: str, label: str, explicit: bool) -> str | None:
        if value is None:
            return self.markers.add(path, label) if explicit else None
        if isinstance(value, bool):
            value = str(value)
        if isinstance(value, (int, float)):
            value = _plain_number(value)
        if not isinstance(value, str):
            value = str(value)
        cleaned = _CONTROL.sub("", one_line(value))
        if not cleaned or _OPEN_VALUE.match(cleaned):
            return self.markers.add(path, label)
        if "〔待补〕" in cleaned:
            cleaned = _OPEN_INLINE.sub(
                lambda m: self.markers.add(path, label, slot_name(m.string[:m.start()], m.string[m.end():]),
                                           inline=True), cleaned)
        return cleaned

    def title(self, value: Any) -> str | None:
        """An empty or absent title means "generate it" (None: the template's default); a
        list, or a string with line breaks, sets the title's lines."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, list) or (isinstance(value, str) and "\n" in value.strip()):
            items = value if isinstance(value, list) else value.strip().splitlines()
            lines = [self.text(v, f"title[{i}]" if isinstance(value, list) else "title", "标题", True)
                     for i, v in enumerate(items) if v is not None and str(v).strip()]
            return TITLE_BREAK.join(line for line in lines if line) or None
        return self.text(value, "title", "标题", True)

    def label(self, path: str) -> str:
        key = re.sub(r"\[\d+\]", "", path)
        return LABELS.get(key) or LABELS.get(key.rsplit(".", 1)[-1]) or path

    def texts(self, values: Any, path: str) -> list[str]:
        values = values if isinstance(values, list) else []
        label = self.label(path)
        out = []
        for i, value in enumerate(values):
            item_label = f"{label}第{i + 1}项" if len(values) > 1 else label
            out.append(self.text(value, f"{path}[{i}]", item_label, True) or "")
        return out

    def section(self, data: Any, definition: str | None, path: str,
                skip: tuple[str, ...] = ()) -> Node:
        """Every field of a part, so templates can test absent ones (they read as None)."""
        data = _dict(data)
        node = Node(path)
        for name, schema in properties_of(definition).items():
            if name in skip:
                continue
            sub = f"{path}.{name}" if path else name
            kind, ref = _prop_kind(schema)
            if kind == "list":
                node[name] = self.texts(data.get(name), sub)
            elif kind == "models":
                values = data.get(name)
                node[name] = [self.section(v, ref, f"{sub}[{i}]")
                              for i, v in enumerate(values if isinstance(values, list) else [])]
            elif kind == "model":
                node[name] = self.section(data.get(name), ref, sub)
            else:
                node[name] = self.text(data.get(name), sub, self.label(sub), name in data)
        return node

    # -- parts -----------------------------------------------------------------------
    def figure(self, fig: dict[str, Any], path: str) -> str:
        f = self.section(fig, "Figure", path)
        text = f["indicator"] or ""
        joiner = ""  # no comma straight after the indicator: 投资同比增长12.5%
        if f["value"]:
            text += f"达到{f['value']}"
            joiner = "，"
        growth = fig.get("growth")
        if growth is not None and f["growth"]:
            text += f"{joiner}{growth_phrase(f['growth'])}"
        if f["rank"]:
            text += f"，{f['rank']}"
        if f["note"]:
            text += f"，{f['note']}"
        return text

    def review(self, review: Any) -> Node | None:
        if not isinstance(review, dict):
            return None
        node = self.section(review, "Review", "review", skip=("achievements",))
        items = review.get("achievements") or []
        out = []
        for i, item in enumerate(items):
            path = f"review.achievements[{i}]"
            if isinstance(item, dict):
                out.append(self.figure(item, path))
            else:
                label = f"成绩第{i + 1}项" if len(items) > 1 else "成绩"
                out.append(self.unnumbered(self.text(item, path, label, True) or "", path))
        node["achievements"] = out
        node["problems"] = [self.unnumbered(t, f"review.problems[{i}]")
                            for i, t in enumerate(node["problems"])]
        return node

    def meeting(self, node: Node, meeting: dict[str, Any]) -> None:
        """adopted: full titles and their short names; background: always a clause."""
        titles, shorts = [], []
        for i, item in enumerate(meeting.get("adopted") or []):
            path = f"meeting.adopted[{i}]"
            item = item if isinstance(item, dict) else {"title": item}
            title = self.text(item.get("title"), path, self.label("meeting.adopted"), True) or ""
            short = self.text(item.get("short"), f"{path}.short", "文件简称", False)
            titles.append(title)
            shorts.append(short or short_title(title))
        node["adopted"] = titles
        node["adopted_short"] = shorts
        background = node["background"]
        if background and not background.startswith("〔"):
            node["background"] = as_clause(background)

    def unit(self, data: dict[str, Any]) -> Node:
        """o.unit.*: always non-empty strings (explicit, inferred, or the level's defaults)."""
        node = Node("unit")
        for key, value in resolve_unit(data).items():
            node[key] = _CONTROL.sub("", one_line(value))
        return node

    def reminders(self, reminders: Any) -> Node | None:
        if not isinstance(reminders, dict):
            return None
        node = self.section(reminders, "Reminders", "reminders", skip=("style",))
        node["items"] = [self.unnumbered(t, f"reminders.items[{i}]")
                         for i, t in enumerate(node["items"])]
        occasion = node["occasion"]
        node["occasion_now"] = occasion if not occasion or occasion.startswith("〔") else \
            fitting_occasion(occasion, parse_date(self.loaded.data.get("date")))
        style = style_of(reminders.get("style"))
        node["style"] = style.value if style else None
        return node

    def directives(self, items: list[Any], styles: list[OrdinalStyle], depth: int,
                   path: str, parent_style: OrdinalStyle | None, chain: str,
                   above: tuple[OrdinalStyle, ...] = ()) -> list[Node]:
        if not items:
            return []
        # Where the style was chosen: that is what the writer must change.
        if parent_style is not None:
            style, where = parent_style, path.rsplit(".", 1)[0] + ".points_style"
        elif depth <= len(styles):
            style, where = styles[depth - 1], f"numbering[{depth - 1}]"
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
        if len(items) > 1 and (len(items) < low or (high is not None and len(items) > high)):
            limit = cn_numeral(low) if high in (low, None) else f"{cn_numeral(low)}至{cn_numeral(high or low)}"
            pos = self.loaded.positions.of_value(split_path(where))
            self.problems.append(Problem(
                f"序号样式“{style.value}”只适合{limit}项，这里有{cn_numeral(len(items))}项",
                file=self.loaded.source, line=pos[0] if pos else None,
                column=pos[1] if pos else None, path=where,
                hint="请换用“一是”“一要”或“（一）”等样式"))
            style = OrdinalStyle.YI_SHI
        out = []
        for i, raw in enumerate(items):
            item = {"heading": raw} if not isinstance(raw, dict) else raw
            single = len(items) == 1 and not self.verbatim
            number = "" if single else ordinal(style, i + 1, len(items))
            here = f"{path}[{i}]"
            label_chain = chain + (f"第{cn_numeral(i + 1)}点" if depth == 1
                                   else f"第{cn_numeral(i + 1)}项")
            body = item.get("body") or []
            points = item.get("points") or []
            node = Node(here)
            node["number"] = number
            node["level"] = depth
            node["style"] = style.value
            heading = self.text(item.get("heading"), f"{here}.heading",
                                f"{label_chain}的标题", True) or ""
            heading = self.unnumbered(heading, f"{here}.heading")
            node["heading"] = attach_ordinal(number, heading)[len(number):]
            node["body"] = [self.text(b, f"{here}.body[{j}]", f"{label_chain}的正文", True) or ""
                            for j, b in enumerate(body)]
            node["points"] = self.directives(points, styles, depth + 1, f"{here}.points",
                                             style_of(item.get("points_style")), label_chain,
                                             (*above, style))
            node["inline"] = style.inline
            # Level 1 stands alone; deeper heading styles run in when they carry only text.
            # A lone item has no number: its heading opens its first paragraph.
            node["runin"] = single or style.inline or (depth > 1 and bool(body) and not points)
            out.append(node)
        return out

    def build(self) -> Node:
        data = self.loaded.data
        ctx = self.section(data, None, "", skip=(
            "review", "directives", "numbering", "date", "lint", "target_length", "template",
            "reminders", "transition", "unit", "title"))
        ctx["title"] = self.title(data.get("title"))
        ctx["unit"] = self.unit(data)
        ctx["template"] = str(data.get("template") or "deploy")
        date = data.get("date")
        if "date" in data and (date is None or (isinstance(date, str) and not date.strip())):
            ctx["date"] = self.markers.add("date", "讲话日期")
        else:
            # The shared text path: control characters go, an empty result is a marker.
            ctx["date"] = self.text(format_date(date), "date", "讲话日期", "date" in data)
        self.meeting(ctx["meeting"], _dict(data.get("meeting")))
        ctx["review"] = self.review(data.get("review"))
        ctx["reminders"] = self.reminders(data.get("reminders"))
        transition = self.section(data.get("transition"), "Transition", "transition")
        style = _dict(data.get("transition")).get("style")
        transition["style"] = TRANSITION_ALIASES.get(str(style).strip().rstrip("。：:")) \
            if style else None
        numbered = _dict(data.get("transition")).get("numbered")
        transition["numbered"] = numbered is not False
        topic = transition["topic"]
        if topic and not topic.startswith("〔"):
            transition["topic"] = re.sub(r"^(就|围绕)", "", topic)
        ctx["transition"] = transition
        styles = [s for s in (style_of(v) for v in data.get("numbering") or []) if s] or self.numbering
        directives = data.get("directives") or []
        ctx["directives"] = self.directives(directives, styles, 1, "directives", None, "")
        ctx["count"] = len(directives)
        ctx["lone"] = len(directives) == 1 and not self.verbatim
        ctx["points_total"] = _count_points(directives)
        if self.problems:
            raise OutlineError(problems=self.problems)
        return ctx



_KINDS = ("决定", "意见", "方案", "规划", "纲要", "报告", "条例", "办法", "规定", "通知", "建议",
          "决议", "细则", "计划", "要点", "清单", "规则", "制度")


def short_title(title: str) -> str:
    """《中共云川县委关于……的决定》 → 《决定》; a short title stays as it is."""
    m = re.fullmatch(r"《([^《》]+)》", title.strip())
    if not m or len(m.group(1)) <= 12:
        return title
    for kind in sorted(_KINDS, key=len, reverse=True):
        if m.group(1).endswith(kind):
            return f"《{kind}》"
    return title


_TIME_PHRASE = re.compile(r"(时期|之年|阶段|关头|时刻|节点|之际|时候|关键期|窗口期|攻坚期|起步期|机遇期)$")
_HAS_VERB = re.compile(r"正处|处在|处于|正值|正是|进入|迎来|到了|是")


def as_clause(text: str) -> str:
    """background is a clause: a bare time phrase (……的关键时期) becomes 正值……的关键时期."""
    text = re.sub(r"^(在|当前[，,]?|目前[，,]?|眼下[，,]?)", "", text.strip())
    if _TIME_PHRASE.search(text) and not _HAS_VERB.search(text):
        return "正值" + text
    return text


_CHANGE = re.compile(r"^(增长|下降|提高|减少|降低|回落|上升|增加|下滑|持平)")
_COMPARED = re.compile(r"^(同比|环比|比上年|较上年|与上年|比去年|较去年|比上年同期|较上年同期)")


def growth_phrase(value: str) -> str:
    """A growth figure said one way everywhere: 5.8 → 同比增长5.8%, -3 → 同比下降3%,
    0 → 与上年持平; typed words keep the writer's comparison or get 同比."""
    text = value.strip()
    m = re.fullmatch(r"([+-]?\d+(?:\.\d+)?)\s*%?", text)
    if m:
        num = float(m.group(1))
        if num == 0:
            return "与上年持平"
        digits = m.group(1).lstrip("+-")  # as written: never 1e+20
        return f"同比{'下降' if num < 0 else '增长'}{digits}%"
    if _COMPARED.match(text) or text.startswith("〔"):
        return text
    if text == "持平":
        return "与上年持平"
    if _CHANGE.match(text):
        return "同比" + text
    return f"同比增长{text}"


def _count_points(items: list[Any]) -> int:
    return sum(1 + _count_points(_dict(i).get("points") or []) for i in items)


@dataclass
class RenderResult:
    document: Any  # drafter.document.Document
    markers: list[OpenMarker]
    template: TemplateInfo
    speaker: str | None = None  # for the .docx author: the speaker, never the machine's user
    warnings: list[Problem] = field(default_factory=list)  # fixed for the writer, worth a word


def render_outline(loaded: LoadedOutline, *, extra_template_dirs: list[Path] | None = None,
                   template: str | None = None) -> RenderResult:
    """Render a validated outline into a Document. Deterministic."""
    from .document import MarkupError, parse_markup

    dirs = template_dirs(extra_template_dirs)
    try:
        info = resolve_template(template or str(loaded.data.get("template") or "deploy"), dirs)
    except TemplateError as exc:
        if template is None:
            pos = loaded.positions.of_value(("template",))
            p = exc.problems[0]
            raise TemplateError(problems=[Problem(p.message, file=loaded.source,
                                                  line=pos[0] if pos else None,
                                                  column=pos[1] if pos else None,
                                                  path="template", hint=p.hint)]) from None
        raise
    builder = ContextBuilder(loaded, verbatim=info.id == "verbatim", numbering=info.numbering())
    context = builder.build()
    env = make_environment(dirs)
    markup = run_template(env, info.filename,
                          {"o": context, "todo": builder.markers.add})
    try:
        document = parse_markup(markup)
    except MarkupError as exc:
        raise TemplateError(f"模板输出的第 {exc.line_number} 行不是块标记（应以 @p、@h 等开头）："
                            f"{exc.line.strip()[:40]}", file=str(info.path)) from None
    present = open_in(document, builder.markers, loaded)
    speaker = context["speaker"] if isinstance(context["speaker"], str) else None
    if speaker and speaker.startswith("〔"):
        speaker = None
    return RenderResult(document=document, markers=present, template=info, speaker=speaker,
                        warnings=builder.warnings)


def open_in(document: Any, markers: Markers, loaded: LoadedOutline) -> list[OpenMarker]:
    """The open facts a rendered document still shows, once per outline path, in the order
    the writer meets them in the outline file."""
    text = document.body_text()
    seen: set[str] = set()
    present = []
    for marker in markers.items:
        if marker.marker in text and marker.path not in seen:
            seen.add(marker.path)
            present.append(marker)
    present.sort(key=lambda m: loaded.positions.of_key(split_path(m.path)) or (0, 0))
    return present


def run_template(env: Any, name: str, context: dict[str, Any]) -> str:
    """Render one template, turning every Jinja failure into a located TemplateError."""
    import jinja2
    from jinja2.exceptions import SecurityError

    from .sandbox import LimitError, render_bounded

    template = None
    try:
        template = env.get_template(name)
        return render_bounded(template, context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}", file=exc.filename or exc.name,
                            line=exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板“{exc.name}”", hint="模板名不能指向模板文件夹之外") from None
    except LimitError as exc:
        file, line = _template_frame(exc)
        raise TemplateError(str(exc), file=file or getattr(template, "filename", None) or name,
                            line=line) from None
    except SecurityError as exc:
        file, line = _template_frame(exc)
        raise TemplateError(_security_message(str(exc)), file=file, line=line) from None
    except jinja2.UndefinedError as exc:
        file, line = _template_frame(exc)
        raise TemplateError(_undefined_message(str(exc)), file=file, line=line) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        file, line = _template_frame(exc)
        if file is None:
            raise
        raise TemplateError(f"模板运行出错：{exc}", file=file, line=line) from None
    except RecursionError:
        raise TemplateError("模板递归过深（可能是宏或 include 自己调用自己）") from None


def _security_message(text: str) -> str:
    """Jinja's sandbox refusal, in plain Chinese."""
    m = re.search(r"access to attribute '([^']*)' of '([^']*)' object is unsafe", text)
    if m:
        return f"模板试图访问“{m.group(2)}”对象的内部属性“{m.group(1)}”，沙箱不允许，已拦截"
    if "not safely callable" in text:
        return "模板试图调用沙箱不允许调用的函数，已拦截"
    if "unsafe" in text or "modif" in text:
        return "模板试图修改数据或访问内部属性，沙箱不允许，已拦截"
    return "模板试图做沙箱不允许的事，已拦截"


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame in the traceback (Jinja maps lines to the source)."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(".jinja"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _undefined_message(text: str) -> str:
    if text.startswith("模板用到了"):
        return text
    m = re.search(r"'(?:[\w.]+ object|[^']*)' has no attribute '([^']+)'", text)
    if m:
        return f"模板用到了大纲中没有的字段“{m.group(1)}”"
    m = re.search(r"'([^']+)' is undefined", text)
    if m:
        return f"模板用到了未定义的变量“{m.group(1)}”"
    return f"模板用到了不存在的值（{text}）"


def render_file(path: Path | str, **kwargs: Any) -> RenderResult:
    return render_outline(load_outline(path), **kwargs)


__all__ = ["RenderResult", "format_date", "format_path", "render_file", "render_outline"]
