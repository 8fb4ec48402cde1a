"""The Outline: every field stated once: its type, validation, Chinese title (the label of its
〔待补：…〕 marker) and description (the scaffold's comment, the editor's hint). It generates
outline.schema.json; drafter/model.py mirrors the fields as the light typed outline that the
loader builds and every consumer reads (tests/test_model.py keeps the two in step).

Every text field may be left open with an explicit ``null`` (or an empty value, or 〔待补〕):
the renderer then prints a visible 〔待补：…〕 marker. Absent fields let the template decide.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .numbering import STYLE_ALIASES, TRANSITION_ALIASES, TRANSITION_STYLES, OrdinalStyle
from .templating import DEFAULT_TYPE
from .unit import LEVEL_ALIASES, LEVELS, normalize_level

if TYPE_CHECKING:
    from .jsontypes import JSON

Text = str | None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _style(value: Any) -> Any:
    """Accept the ordinal styles a writer types, with half-width variants."""
    if isinstance(value, str):
        style = STYLE_ALIASES.get(value.strip())
        if style is not None:
            return style
    return value


class Figure(_Model):
    """An achievement with figures: 地区生产总值达到1250亿元，同比增长5.8%，居全省第3位。"""

    indicator: Text = Field(title="指标名称", description="指标名称（名词短语），如“地区生产总值”")
    value: str | int | float | None = Field(None, title="数值", description="数值（数量短语），如“1250亿元”")
    growth: str | int | float | None = Field(
        None, title="增幅", description="增幅：数字（5.8 即“同比增长5.8%”，负数为“同比下降”，0 为“与上年持平”）或文字，如“下降1.2%”")
    rank: Text = Field(None, title="位次", description="位次（动词短语），如“居全省第3位”")
    note: Text = Field(None, title="说明", description="补充说明（分句，接在句末），如“连续五年实现“双下降””")

    @field_validator("value", "growth")
    @classmethod
    def _sayable(cls, value: Any) -> Any:
        return sayable_number(value)


MAX_SAYABLE = 1e15  # 一千万亿: beyond it a figure is a typo, not something a speech can read out


def sayable_number(value: object) -> object:
    """A number a speaker can read out: finite, and not of an absurd size."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, float) and math.isnan(value):
        raise PydanticCustomError("drafter", "这里的数不是一个数（nan），请写上实际数值")
    if math.isinf(value) or abs(value) > MAX_SAYABLE:
        raise PydanticCustomError(
            "drafter", "数值大得读不出来（超过一千万亿），请核对；确实很大的数请写成文字，如“1.2万亿元”")
    return value


AGENDA_KINDS = ("通报", "传达", "宣读文件", "审议", "表决", "颁奖", "表态发言", "交流发言", "述职", "讲话",
                "致辞", "宣誓", "签约")


class AgendaItem(_Model):
    """One item of the meeting's agenda, as the host announces it: 请{who}{kind}{what}."""

    kind: str = Field(title="议程类别", description="议程类别，如“通报”；可选：" + "、".join(AGENDA_KINDS),
                      json_schema_extra={"enum": list(AGENDA_KINDS)})
    who: Text = Field(None, title="议程进行人", description="由谁进行（名词短语），如“市发展改革委主要负责同志”")
    what: Text = Field(None, title="议程内容", description="内容（名词短语），如“一季度重点项目建设情况”")

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value.strip() not in AGENDA_KINDS:
            raise PydanticCustomError(
                "drafter", "未知的议程类别“{kind}”，可用的有：{known}",
                {"kind": value, "known": "、".join(AGENDA_KINDS)})
        return value.strip()


class Unit(_Model):
    """The unit speaking. Every field is optional: what is left out is inferred from the
    meeting name, speaker, title and organizer (全县…大会 → 县), then from the level's defaults."""

    level: str | None = Field(
        None, title="层级", description="层级：省 市 县 区 乡镇 街道 部门 学校 企业 单位（名词，如“县”）")
    name: Text = Field(None, title="单位名称", description="单位名称（名词短语），如“云川县”“云川县第一中学”")
    leadership: Text = Field(None, title="党委和政府", description="党委和政府（名词短语），如“县委、县政府”“校党委”“公司党委”")
    scope: Text = Field(None, title="范围词", description="范围词（名词），如“全县”“全校”“全公司”“全系统”")
    people: Text = Field(None, title="本地的人们", description="本地的人们（名词短语），如“全县人民”“全体师生”“广大干部职工”")
    branches: Text = Field(None, title="受部署的各方", description="受部署的各方（名词短语），如“各乡镇、各部门”“各院系、各部门”")

    @field_validator("level", mode="before")
    @classmethod
    def _known_level(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip():
            level = normalize_level(value)
            if level is None:
                raise PydanticCustomError(
                    "drafter", "未知的层级“{value}”，可选：{choices}",
                    {"value": value, "choices": "、".join(LEVELS)})
            return level
        return value


class Adopted(_Model):
    """A document adopted by the meeting, with the short name used on its second mention."""

    title: Text = Field(title="审议通过的文件", description="文件全称（书名号在内），如“《中共云川县委关于……的决定》”")
    short: Text = Field(None, title="文件简称", description="简称，第二次提到时使用，如“《决定》”；不写则按文种自动取")


class Meeting(_Model):
    """The meeting the speech is given at."""

    name: Text = Field(None, title="会议名称", description="会议名称（名词短语），如“全县2026年经济工作会议”")
    organizer: Text = Field(None, title="决定召开会议的机关", description="决定召开会议的机关（名词短语），如“县委、县政府”")
    purpose: Text = Field(None, title="会议任务", description="会议的主要任务（动词短语，接在“主要任务是”后），如“总结2026年工作，部署2027年任务”")
    background: Text = Field(None, title="召开时机", description="召开的时机（一个分句，模板写成“当前，……。”），如“全县森林防火形势严峻复杂”；只写时间短语（“……的关键时期”）时按“正值……”处理")
    heard: list[Text] = Field(title="听取的报告", default_factory=list,
                              description="刚才听取的报告、通报或传达（每项一个分句，有主语），如“县应急管理局通报了全县森林防火形势”")
    speakers: list[Text] = Field(title="发言单位", default_factory=list,
                                 description="作了发言的单位或同志（名词短语），如“5个乡镇”“县林业局”")
    adopted: list[str | Adopted | None] = Field(
        title="审议通过的文件", default_factory=list,
        description="会议审议通过的文件（书名号在内的名称），如“《……决定》”；"
                    "长标题可写 {title: 《……决定》, short: 《决定》}，第二次提到时用简称")
    honoured: Text = Field(None, title="表彰对象", description="受到表彰的对象（名词短语），如“30个先进集体和100名先进个人”")
    attendees: Text = Field(None, title="参会人员", description="参会人员（名词短语），如“县乡村三级干部”")
    theme: Text = Field(
        None, title="主题", description="主题（名词短语，不加引号），党课或论坛用，"
                          "如“以实干担当开好局起好步”；模板写作“以‘……’为题/为主题”")
    guests: Text = Field(
        None, title="来宾", description="致辞欢迎的来宾（名词短语），如“出席论坛的各位领导、各位嘉宾”；"
                          "模板写作“向……表示热烈的欢迎”")
    post: Text = Field(
        None, title="新任职务", description="任职讲话中新任的职务（名词短语），如“临江区委书记”；"
                          "模板写作“组织上安排我担任……”")
    predecessor: Text = Field(
        None, title="前任", description="任职讲话中致敬的前任（名词短语，带称谓），如“王某某同志”；"
                          "模板写作“……在这里工作期间……”")
    host: Text = Field(None, title="主持人", description="会议主持人（职务 + 姓名），如“市委副书记、市长 王某某”")
    present: Text = Field(None, title="出席领导", description="出席会议的领导（名词短语），如“市四套班子领导”")
    agenda: list[AgendaItem] = Field(
        title="会议议程", default_factory=list,
        description="会议议程（主持词用），按顺序，如“- {kind: 通报, who: 市发展改革委}”；不写则由听取的报告、发言、文件、表彰和讲话推出")


class Review(_Model):
    """Review of achievements and problems."""

    period: Text = Field(None, title="回顾时段", description="回顾的时段（时间短语），如“过去的一年”“今年以来”")
    summary: Text = Field(None, title="总体评价", description="总体评价（一个分句，有主语），如“全县上下团结奋斗，经济社会发展稳中有进”")
    achievements: list[str | Figure | None] = Field(
        title="成绩", default_factory=list, description="成绩：每项一个分句（不加序号），或带数字的指标（indicator/value/growth/rank），如“新开工亿元以上项目41个”")
    credit: Text = Field(None, title="成绩取得的原因", description="成绩取得的原因（名词性短语，接在“是……的结果”中），如“县委坚强领导、全县上下共同奋斗”")
    thanks: Text = Field(None, title="致谢对象", description="致谢对象（名词短语），如“全县广大干部群众”")
    problems: list[Text] = Field(title="问题", default_factory=list, description="存在的问题和不足（每项一个分句，不加序号），如“项目储备不足”")
    problems_cause: Text = Field(None, title="问题根源", description="问题的根源（分句，接在“这些问题，”后），如“根本还是责任落实不到位”")
    paragraphs: list[Text] = Field(title="回顾段落", default_factory=list, description="回顾部分的自由段落（完整的句子），如“这些成绩来之不易。”")


class Transition(_Model):
    """The sentence that announces the directives. Its count is computed, never typed."""

    style: str | None = Field(None, title="过渡句样式", description=f"过渡句样式，如“{TRANSITION_STYLES[0]}”，或{'、'.join(TRANSITION_STYLES[1:])}")
    topic: Text = Field(None, title="过渡句主题", description="“我就……讲几点意见”中的“……”（动词短语），如“做好今年工作”")
    lead: Text = Field(None, title="过渡句前置语", description="前置说明（介词短语），如“根据党委讨论意见”")
    numbered: bool | None = Field(
        None, title="是否说出条数", description="写 false 则不说具体数目（“讲几点意见”），如 false；默认按意见条数写“讲三点意见”")

    @field_validator("style", mode="before")
    @classmethod
    def _known_style(cls, value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip().rstrip("。：:")
            if key not in TRANSITION_ALIASES:
                raise PydanticCustomError(
                    "drafter", "未知的过渡句样式“{value}”，可选：{choices}",
                    {"value": value, "choices": "、".join(TRANSITION_STYLES)})
            return TRANSITION_ALIASES[key]
        return value


class Directive(_Model):
    """One numbered point: heading, body paragraphs, and sub-points at any depth."""

    heading: Text = Field(title="标题", description="标题（一个短语或分句，不加序号，手写的序号会被去掉），如“统一思想，提高认识”")
    body: list[Text] = Field(title="正文", default_factory=list, description="正文段落（完整的句子），如“项目是经济发展的生命线。”")
    points: list[Directive] = Field(title="下一层要点", default_factory=list, description="下一层要点，如“- 紧盯开工抓落地”（也可写 heading、body）")
    points_style: OrdinalStyle | None = Field(
        None, title="下一层序号样式", description=f"下一层的序号样式，如“一是”；可选：{' '.join(OrdinalStyle)}")

    @model_validator(mode="before")
    @classmethod
    def _heading_shorthand(cls, value: Any) -> Any:
        # "- 统一思想，提高认识" is a point with only a heading.
        if isinstance(value, str):
            return {"heading": value}
        return value

    _points_style = field_validator("points_style", mode="before")(lambda cls, v: _style(v))


class Reminders(_Model):
    """Seasonal or safety reminders before the closing (never counted by the transition)."""

    occasion: Text = Field(None, title="提醒时节", description="时节（名词），如“春节”“汛期”“国庆中秋”；已过或还远的节日不会说“即将来临”")
    intro: Text = Field(None, title="提醒引导语", description="引导句（完整的句子），如“春节将至，我再强调几点。”；不写则由模板生成")
    items: list[Text] = Field(title="提醒事项", default_factory=list, description="提醒事项（每项一个动词短语，不加序号），按“一要……二要……”排列，如“加强值班值守”")
    style: OrdinalStyle | None = Field(None, title="提醒序号样式", description="事项序号样式，如“一是”，默认“一要”")

    _style_alias = field_validator("style", mode="before")(lambda cls, v: _style(v))


class Closing(_Model):
    """The closing exhortation."""

    paragraphs: list[Text] = Field(title="结尾段落", default_factory=list, description="结尾段落（完整的句子），如“同志们，……”；不写则用本会议类型的结尾")
    call: Text = Field(None, title="号召句", description="最后的号召句（一个完整的句子），如“让我们……，为……而努力奋斗！”")


class LintSettings(_Model):
    """Settings for ``drafter lint`` on this outline."""

    ignore: list[str] = Field(title="不检查的规则", default_factory=list, description="不检查的规则代码，如 D111")
    place: Text = Field(None, title="所属地方", description="本讲话所属地方，用于查找旧稿残留，如“云川县”")
    unit: Text = Field(None, title="所属单位", description="本讲话所属单位，如“云川县发展改革局”")
    names: list[str] = Field(title="本地其他地名", default_factory=list,
                             description="本地其他地名、单位（下辖县区、园区等），不算旧稿残留，如“青溪镇”")


class Outline(_Model):
    """A speech outline. Only what you write is used; the template fills the rest."""

    template: str = Field(DEFAULT_TYPE, title="会议类型", description="会议类型（模板名），如 deploy，见 drafter templates")
    title: str | list[str] | None = Field(
        None, title="标题", description="标题（名词短语），如“在全市重点项目建设推进会上的讲话”；留空则按会议名称生成；写成列表可自己分行")
    subtitle: Text = Field(None, title="副标题", description="副标题，如“——在……上的讲话”（用于论点式标题）")
    speaker: Text = Field(None, title="讲话人", description="讲话人（职务 姓名），如“县委书记 王某某”")
    unit: Unit | None = Field(None, title="讲话单位", description="讲话的单位，如“level: 县”；不写则从会议名称、讲话人推断")
    date: dt.date | str | None = Field(None, title="讲话日期", description="讲话日期，如 2026-12-01 或“2026年12月1日”")
    salutation: Text = Field(None, title="称呼", description="称呼（名词短语，不加冒号），如“同志们”“各位代表，同志们”")
    greeting: Text = Field(None, title="问候语", description="问候语（完整的句子），如“大家好！”")
    meeting: Meeting = Field(title="会议", default_factory=lambda: Meeting(), description="会议")
    opening: list[Text] = Field(title="开场段落", default_factory=list, description="开场白中的自由段落（完整的句子），如“这次会议开得很及时。”")
    review: Review | None = Field(None, title="回顾", description="回顾成绩和问题")
    pivot: Text = Field(None, title="转折句", description="过渡前的转折段（完整的句子），如“同志们，成绩来之不易，挑战依然严峻。”")
    transition: Transition = Field(title="过渡句", default_factory=lambda: Transition(), description="引出几点意见的过渡句")
    numbering: list[OrdinalStyle] = Field(
        title="各层序号样式", default_factory=list, description="各层序号样式，从第一层起，如 [第一，, 一要]")
    directives: list[Directive] = Field(title="几点意见", default_factory=list, description="讲话的主体：几点意见（建议不超过七点；只有一点时不编号）")
    implementation: list[Text] = Field(title="落实要求", default_factory=list,
                                       description="抓落实的要求（牵头、时限、督查），每项完整的句子，如“会后，各县区要在一周内传达学习会议精神。”")
    reminders: Reminders | None = Field(None, title="提醒", description="节令或安全提醒（不计入“讲几点意见”的数目）")
    closing: Closing = Field(title="结尾", default_factory=lambda: Closing(), description="结尾")
    target_length: int | None = Field(None, title="目标字数", ge=100, le=100_000, description="目标字数，如 3000")
    lint: LintSettings | None = Field(None, title="检查设置", description="drafter lint 的设置")

    @field_validator("numbering", mode="before")
    @classmethod
    def _numbering_aliases(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [_style(v) for v in value]
        return value


def json_schema() -> JSON:
    """The outline's JSON Schema, for editors and for the fast acceptor (schema_check).

    Two shorthands the model accepts are spelt out so that both agree: a directive may be
    a bare heading string, and a transition style may be any of its accepted spellings."""
    schema = Outline.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "drafter 讲话稿大纲"
    defs = schema["$defs"]
    shorthand = {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/Directive"}]}
    schema["properties"]["directives"]["items"] = shorthand
    defs["Directive"]["properties"]["points"]["items"] = shorthand
    style = defs["Transition"]["properties"]["style"]
    style["anyOf"] = [{"enum": sorted(TRANSITION_ALIASES), "type": "string"}, {"type": "null"}]
    level = defs["Unit"]["properties"]["level"]
    level["anyOf"] = [{"enum": sorted(LEVEL_ALIASES), "type": "string"}, {"type": "null"}]
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":  # python -m drafter.outline: regenerate the shipped schema
    from pathlib import Path

    target = Path(__file__).with_name("outline.schema.json")
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
