"""The lint registry: every rule's code, severity, Chinese description and the check that reports it.

A check is named "stage:module.function" (a module of this package) and imported on first use,
so `drafter lint --rules` and the start of a run stay light. Stages:

- ``speech``: ``f(speech: Speech, ctx: Context) -> None`` over the paragraphs of one draft, or of
  the speech rendered from one outline (``speech.outline`` is then set).
- ``start``: ``f(run: Run) -> None`` once before the files of a run (e.g. open an index).
- ``file``: ``f(path: Path, run: Run) -> list[Finding]`` over one file as written (its own placing).
- ``run``: ``f(run: Run) -> list[Finding]`` over all drafts of one run together.

Checks run in the order they first appear in the table. Adding a rule: a module with its check
(or a function in the module of its topic), one row here, and its test.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..jsontypes import JSON
    from ..loader import LoadedOutline
    from ..render import RenderResult


class Rule(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~0.5 ms to create at every start
    code: str
    severity: str  # error | warning | info
    name: str  # shown by `drafter lint --rules`
    checks: tuple[str, ...] = ()  # "stage:module.function" that report this code


_TEXT = "speech:text."
_STRUCTURE = "speech:structure."

TABLE: tuple[Rule, ...] = (
    Rule("D101", "error", "占位符未替换", ("speech:outline_checks.open_fields", _TEXT + "placeholders")),
    Rule("D117", "error", "残留网页内容", (_TEXT + "web_residue",)),
    Rule("D104", "warning", "中文里用了半角标点", (_TEXT + "half_punct",)),
    Rule("D105", "warning", "引号不规范", (_TEXT + "quotes",)),
    Rule("D116", "warning", "汉字之间有多余空格", (_TEXT + "stray_spaces",)),
    Rule("D107", "error", "残留拼音注音", (_TEXT + "pinyin",)),
    Rule("D108", "error", "残留乱码", (_TEXT + "mojibake",)),
    Rule("D115", "warning", "年份写法不规范", (_TEXT + "informal_year",)),
    Rule("D111", "info", "段落或句子过长", (_TEXT + "too_long",)),
    Rule("D106", "warning", "残留繁体字", (_TEXT + "traditional",)),
    Rule("D109", "warning", "句子重复", (_TEXT + "repeats",)),
    *(Rule(code, "warning", name, ("speech:typo.check",)) for code, name in (
        ("D140", "错别字或用词不当"),
        ("D141", "“的、地、得”用错"),
        ("D142", "词语重复（叠词、断行处重复）"),
        ("D143", "量词用错"),
    )),
    Rule("D103", "error", "序号跳号、重复或混用", (_STRUCTURE + "numbering",)),
    Rule("D110", "warning", "并列标题长短或句式不齐",
         ("speech:outline_checks.siblings", _STRUCTURE + "parallel")),
    Rule("D113", "warning", "空的部分", ("speech:outline_checks.siblings", _STRUCTURE + "empty_sections")),
    Rule("D102", "error", "过渡句的数目与意见条数不符", (_STRUCTURE + "counts",)),
    Rule("D112", "warning", "篇幅与目标字数相差较大", ("speech:outline_checks.target_length",)),
    Rule("D114", "warning", "疑似旧稿残留", ("speech:residue.check",)),
    *(Rule(code, severity, name, ("speech:fit.check",)) for code, severity, name in (
        ("D120", "warning", "范围词与讲话单位的层级不符"),
        ("D121", "warning", "大纲里手写了序号，或与上一层序号样式相同"),
        ("D122", "warning", "只有一项，不成系列"),
        ("D123", "warning", "意见超过七条"),
        ("D124", "error", "概括的数目与后面列出的条数不符"),
        ("D125", "warning", "提醒的时节与讲话日期不符"),
        ("D126", "warning", "过时的提法（疫情防控等）"),
        ("D127", "warning", "成绩里列了下降的指标"),
        ("D128", "warning", "模板套话与相邻的内容用词重复"),
        ("D129", "info", "增幅的比较说法不统一"),
    )),
    *(Rule(code, severity, name, ("speech:pack.check_outline", "run:pack.check_drafts"))
      for code, severity, name in (
        ("D150", "error", "主持词与讲话稿的会议名称不一致"),
        ("D151", "error", "主持词与讲话稿的讲话人不一致"),
        ("D152", "error", "主持词概括的方面数与讲话稿的意见条数不符"),
        ("D153", "warning", "主持词的概括与讲话稿的意见标题不符"),
    )),
    Rule("D130", "error", "提法写法不规范", ("file:tifa.check_file",)),
    Rule("D131", "warning", "提法与讲话日期不符（已过时）", ("file:tifa.check_file",)),
    Rule("D132", "error", "固定提法所列内容不符", ("file:tifa.check_file",)),
    Rule("D133", "warning", "查重：与已有材料雷同", ("start:against.open_once", "file:against.check_file")),
)
RULES = {rule.code: rule for rule in sorted(TABLE, key=lambda rule: rule.code)}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@cache
def checks(stage: str, modules: tuple[str, ...] = ()) -> tuple[Callable[..., list[Finding] | None], ...]:
    """The checks of one stage (of these modules only, if given), in table order, each once."""
    names = dict.fromkeys(name.split(":", 1)[1] for rule in TABLE for name in rule.checks
                          if name.startswith(stage + ":")
                          and (not modules or name.split(":", 1)[1].rsplit(".", 1)[0] in modules))
    found = []
    for name in names:
        module, function = name.rsplit(".", 1)
        found.append(getattr(importlib.import_module(f"{__package__}.{module}"), function))
    return tuple(found)


class Finding(NamedTuple):
    code: str
    severity: str
    file: str
    line: int | None
    column: int | None
    message: str
    fix: str | None = None
    where: str | None = None  # "第3段" for .docx, an outline path for outlines

    def to_json(self) -> JSON:
        return self._asdict()


@dataclass
class Paragraph:
    text: str
    line: int | None  # 1-based line in the file (None for .docx)
    label: str | None = None  # "第N段" for .docx / rendered outlines


class Context:
    def __init__(self, file: str, ignore: set[str], usage: tuple[str, ...] = ()) -> None:
        self.file = file
        self.ignore = ignore
        self.usage = usage  # the writer's own usage lexicons (--usage)
        self.source: str | None = None  # an outline's YAML text, to place findings in it
        self.findings: list[Finding] = []

    def add(self, code: str, para: Paragraph | None, message: str, *, column: int | None = None,
            fix: str | None = None, where: str | None = None, line: int | None = None) -> None:
        if code in self.ignore:
            return
        rule = RULES[code]
        self.findings.append(Finding(code, rule.severity, self.file,
                                     line if line is not None else (para.line if para else None),
                                     column, message, fix, where or (para.label if para else None)))


@dataclass
class Speech:
    """What the speech-stage checks read: the paragraphs, and what the speech says of itself."""
    paras: list[Paragraph]
    own: set[str] = field(default_factory=set)  # places, units and names that are this speech's
    year: int | None = None
    meeting: str | None = None
    rendered: bool = False  # the paragraphs are a speech rendered from an outline
    outline: LoadedOutline | None = None  # that outline and its render, when lint has them
    result: RenderResult | None = None


@dataclass
class Run:
    """One `drafter lint` run: its options, and what file and run checks share."""
    ignore: set[str]
    own: tuple[str, ...] = ()
    tifa: tuple[str, ...] = ()
    against: tuple[str, ...] = ()
    usage: tuple[str, ...] = ()
    drafts: list[Path] = field(default_factory=list)
    shared: dict[str, object] = field(default_factory=dict)  # e.g. the 查重 archive, opened once
