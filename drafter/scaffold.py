"""`drafter new`: a commented outline for one meeting type, valid and renderable as it stands.

Empty fields are left open on purpose: they render as 〔待补：…〕 so the writer sees what to
fill in. The first line points the YAML language server at the outline's JSON Schema.
"""

from __future__ import annotations

from .templating import TemplateInfo

SCHEMA_FILENAME = "drafter-outline.schema.json"

_HEAD = """\
# yaml-language-server: $schema=./{schema}
# 讲话稿大纲 · 会议类型：{name}（{id}）
# {description}
# 填写方法：在冒号后填内容；留空的字段会在讲话稿中显示为“〔待补：…〕”；不需要的部分可整段删除。
# 预览：drafter preview 本文件    成稿：drafter render 本文件 -o 讲话稿.docx
template: {id}
title:                     # 标题；删去此行则自动生成“在××上的讲话”
speaker:                   # 讲话人，如：市委书记 李明
# unit: {{level: 县, name: 云川县}}  # 讲话的单位；不写则从会议名称、讲话人推断（全县……大会 → 县）
date:                      # 讲话日期，如：2025-02-05
salutation: {salutation}
"""

_MEETING = """
meeting:
  name:                    # 会议名称，如：{example_name}
  organizer:               # 决定召开会议的机关，如：市委、市政府
  purpose:                 # 会议的主要任务，如：{example_purpose}
  heard: []                # 刚才听取的报告或通报，每项另起一行，以“- ”开头
  speakers: []             # 作了发言的单位或同志，如：- 高新区
"""

_HONOURED = "  honoured:                # 受到表彰的对象，如：30个先进集体和100名先进个人\n"
_ADOPTED = "  adopted: []             # 审议通过的文件，如：- 《中共××市委关于……的决定》\n"
_THEME = "  theme:                   # 主题，不加引号，如：{example_theme}\n"
_GUESTS = "  guests:                  # 欢迎的来宾，如：出席论坛的各位领导、各位嘉宾\n"
_POST = """\
  post:                    # 新任职务，如：临江区委书记
  predecessor:             # 前任，带称谓，如：王某某同志；没有可删去此行
"""

_REVIEW = """
review:
  period: {period}
  summary:                 # 总体评价，一句话
  achievements:            # 成绩，每项一行；带数字的可写成 indicator / value / growth / rank
    -
    -
  credit:                  # 成绩取得的原因，如：各级各部门齐心协力、攻坚克难
  thanks:                  # 致谢对象，如：全市广大干部群众
  problems:                # 存在的问题和不足
    -
    -
"""

_BODY = """
transition:
  style: {transition}      # 讲几点意见 / 讲几个方面 / 讲几句话 / 强调几点 / 讲几个问题
  # topic:                 # 可选：“我就……讲几点意见”中的“……”，需要时去掉行首的 # 再填写

# 几点意见：条数决定“讲几点意见”中的数字，不必手写。
# 每点可有 body（正文段落）和 points（下一层要点）；序号自动按 一、（一）1.（1）编排。
directives:
  - heading:               # 第一点的标题，如：提高站位，切实增强责任感紧迫感
    body:
      -
  - heading:
    body:
      -
  - heading:
    body:
      -
"""

# 致辞 has no "下面，我讲几点意见": each point is a paragraph led by its first sentence.
_BODY_PLAIN = """
# 致辞的主体：每段以 heading（一句话）开头，body 接在后面；不编序号，也不说“讲几点意见”。
directives:
  - heading:               # 第一段的首句，如：我们将着力夯实数字基础设施
    body:
      -
  - heading:
    body:
      -
"""

_REMINDERS = """
reminders:
  occasion:                # 时节，如：春节、汛期
  items:                   # 提醒事项，自动编排为“一要……二要……”
    -
"""

_CLOSING = """
closing:
  paragraphs: []           # 结尾段落；不写则用本会议类型的默认结尾
"""

# Per-type wording for the scaffold's examples and defaults.
_TYPES: dict[str, dict[str, str]] = {
    "deploy": {"example_name": "全市重点项目建设推进会",
               "example_purpose": "通报进展情况，部署下一阶段工作", "period": "今年以来"},
    "mobilize": {"example_name": "全市优化营商环境攻坚行动动员大会",
                 "example_purpose": "动员全市上下打好优化营商环境攻坚战", "period": "近年来"},
    "new-year": {"example_name": "全市2025年三级干部大会",
                 "example_purpose": "总结去年工作，部署今年任务", "period": "过去的一年",
                 "transition": "讲几句话"},
    "review-comment": {"example_name": "全县2024年度基层党建工作述职评议会",
                       "example_purpose": "听取述职、点评工作、部署任务", "period": "总体来看",
                       "transition": "讲几个方面"},
    "plenum-closing": {"example_name": "中共××市委十三届八次全会",
                       "example_purpose": "审议通过《建议》", "period": "会议期间",
                       "reminders": "yes", "adopted": "yes"},
    "symposium": {"example_name": "民营企业家座谈会",
                  "example_purpose": "听取企业家对优化营商环境的意见建议", "period": "近年来",
                  "no_review": "yes"},
    "commendation": {"example_name": "全市2024年度安全生产工作总结表彰大会",
                     "example_purpose": "总结工作、表彰先进", "period": "过去的一年",
                     "honoured": "yes"},
    "party-lecture": {"example_name": "市交通运输局“七一”专题党课",
                      "example_purpose": "重温党的光辉历程，对照党章党规查找差距",
                      "period": "去年以来", "transition": "讲几个方面",
                      "theme": "yes", "example_theme": "锤炼过硬作风，当好发展先行官"},
    "warning-education": {"example_name": "2026年全县警示教育大会",
                          "example_purpose": "通报典型案例，以案说纪、以案说法、以案说责",
                          "period": "近年来", "reminders": "yes"},
    "training-opening": {"example_name": "全市2026年秋季中青年干部培训班",
                         "example_purpose": "帮助中青年干部提升政治能力和专业素养",
                         "period": "近年来"},
    "appointment": {"example_name": "临江区领导干部大会",
                    "example_purpose": "宣布市委关于临江区委主要负责同志职务调整的决定",
                    "period": "近年来", "post": "yes"},
    "address": {"example_name": "2026云川数字经济发展论坛（或：××项目签约仪式、××博览会开幕式）",
                "example_purpose": "搭建交流合作平台，共商发展大计", "period": "近年来",
                "no_review": "yes", "plain_body": "yes", "theme": "yes", "guests": "yes",
                "example_theme": "数智赋能产业，创新引领未来",
                "salutation": "尊敬的各位领导、各位嘉宾，女士们、先生们，朋友们"},
    "work-safety": {"example_name": "全县中秋国庆节前安全生产工作会议",
                    "example_purpose": "通报安全生产形势，部署节日期间安全防范工作",
                    "period": "今年以来", "reminders": "yes"},
}


def scaffold(info: TemplateInfo) -> str:
    extra = _TYPES.get(info.id, {})
    values = {
        "schema": SCHEMA_FILENAME, "name": info.name, "id": info.id,
        "description": info.description, "salutation": extra.get("salutation", "同志们"),
        "example_name": extra.get("example_name", "××会议"),
        "example_purpose": extra.get("example_purpose", "××"),
        "period": extra.get("period", "今年以来"),
        "transition": extra.get("transition", "讲几点意见"),
        "example_theme": extra.get("example_theme", "××"),
    }
    text = _HEAD.format(**values) + _MEETING.format(**values)
    if extra.get("honoured"):
        text += _HONOURED
    if extra.get("adopted"):
        text += _ADOPTED
    if extra.get("theme"):
        text += _THEME.format(**values)
    if extra.get("guests"):
        text += _GUESTS
    if extra.get("post"):
        text += _POST
    if not extra.get("no_review"):
        text += _REVIEW.format(**values)
    text += _BODY_PLAIN if extra.get("plain_body") else _BODY.format(**values)
    if extra.get("reminders"):
        text += _REMINDERS
    text += _CLOSING
    return text


def scaffold_from_speech(info: TemplateInfo, speech: object) -> str:
    """The commented scaffold for a meeting type, filled from a mined speech. Round-trip YAML
    keeps the scaffold's comments and key order; lists are replaced, new keys appended."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    from .corpus.to_outline import speech_to_outline

    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    document = yaml.load(scaffold(info))
    values = speech_to_outline(speech)  # type: ignore[arg-type]
    values["template"] = info.id

    def merge(target: CommentedMap, source: dict[str, object]) -> None:
        for key, value in source.items():
            if isinstance(value, dict) and isinstance(target.get(key), CommentedMap):
                merge(target[key], value)
            else:
                target[key] = value

    merge(document, values)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()
