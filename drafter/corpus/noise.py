"""The noise table: every kind of web residue a copied speech may carry, once.

The cleaner (clean.py, furniture.py) removes each kind at its step of the pipeline (``act``), and
lint (D117) reports each kind it can see in a draft. Adding a noise kind is one entry in NOISE
(plus a test). The shapes that are not words (a menu of short words, a forum's anti-copy runs,
the lines of a table of contents) stay in furniture.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from ..lazyre import compiled


class Act(StrEnum):
    """What the cleaner does with a kind, in the order of its pipeline."""

    MARKUP = "markup"  # page code: removed first
    ENTITY = "entity"  # a character entity (&nbsp;): replaced by its character (group 1 names it)
    LINE = "line"  # page furniture: a line of at most ``max_line`` characters, not a speech line, is set aside
    LIST = "list"  # a heading over a list of links (推荐阅读): it and its short lines are set aside
    STRIP = "strip"  # removed where it stands
    GAP = "gap"  # a paywall cut the middle: a truncation mark stands in its place
    END = "end"  # the page shows only the beginning: the text ends here, with a truncation mark
    FOOTER = "footer"  # the page ends here when no prose follows
    REMNANT = "remnant"  # removed last, once the page is cut (links, editors' notes)
    GLYPH = "glyph"  # a glyph a broken encoding put in: replaced by ``fix``
    BARS = "bars"  # a table's bars at a line's ends: stripped (by str.strip, linear) where lines become paragraphs


@dataclass(frozen=True)
class Noise:
    id: str
    name: str  # what lint calls it (网页代码, 付费提示 …)
    act: Act
    pattern: str | tuple[str, ...]  # what the cleaner finds (several: applied in turn); (?s:…) runs over lines
    max_line: int = 80  # LINE, LIST: the longest line it is furniture in
    note: str = ""  # the cleaner's note when it acted (GAP, END)
    fix: Mapping[str, str] = field(default_factory=dict)  # GLYPH: wrong → right
    report: bool = True  # lint reports it in a draft (False: only a whole page shows it is noise)

    @property
    def patterns(self) -> tuple[str, ...]:
        return (self.pattern,) if isinstance(self.pattern, str) else self.pattern

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Any of the kind's patterns."""
        return compiled("|".join(f"(?:{p})" for p in self.patterns), re.M)


# `…*\s*` before a keyword, started only where the run of dots and spaces starts: tried at every
# character of a long run of spaces, a bare `…*\s*` rescans the rest of the run each time (quadratic);
# the lookbehinds make every start inside the run fail at once, and they match the same text.
_RUN = r"(?:(?<!…)…+|(?<![…\s]))\s*"

NOISE: tuple[Noise, ...] = (
    Noise("data_uri", "网页图片数据", Act.MARKUP,
          r"(?s:<image>.*?</image>)|data:image/[\w+.-]+;?[^\s<>\"']*"),
    Noise("tag", "网页代码", Act.MARKUP, r"</?[A-Za-z][^<>]{0,300}>"),
    # a converter's style sheet left in the text (@page {…} p.cjk {…}), the tail of a tag cut at
    # the top of the text (l> of <html>) and a page template's unfilled field ([标签:标题])
    Noise("style", "网页样式代码", Act.MARKUP,
          (r"(?<![A-Za-z0-9_.#:*@-])(?:@[a-z-]+|[A-Za-z*][A-Za-z0-9_.#:-]{0,40}(?:\s*,\s*[A-Za-z*][A-Za-z0-9_.#:-]{0,40}){0,8})\s*\{\s*"
           r"(?:[a-z-]+\s*:[^{};\n]{1,200}(?:;\s*|(?=\})))+\}",
           r"^[ \t]*[A-Za-z]{1,8}>(?=\s)", r"\[标签[:：][^\]\n]{1,12}\]", r"<!--[^<>]{0,3000}?-->")),
    Noise("entity", "网页字符代码", Act.ENTITY,
          r"&(?:amp;)*(nbsp|amp|lt|gt|quot|ldquo|rdquo|mdash|hellip);"),
    Noise("breadcrumb", "网页导航", Act.LINE,
          r"^(?:当前位置|您的位置|你的位置|所在位置|现在位置)[:：]"
          r"|^(?:首页|主页)\s*[>›»]|[>›»]\s*正文\s*$|^\S{1,10}\s*(?:>>|›|»|>)\s*\S{1,10}\s*(?:>>|›|»|>)"
          r"|^\S{1,12}\s+首页$|素材库\s*首页|^首页$|^返回$|^>$"),
    Noise("info_bar", "网页信息栏", Act.LINE,
          r"^(?:发布时间|发表时间|发布日期|更新时间|时间|日期)[:：]\s*\d{2,4}[-/.年]"
          r"|^\d{1,2}-\d{1,2}\s+\S{2,12}$"
          r"|(?:浏览次数|浏览数量|点击数|阅读量|访问量|阅读次数)[:：]?\s*\d*"
          r"|^[|｜]?\s*(?:文章)?来源[:：]\S{0,20}$|^(?:作者|编辑|责任编辑|审核|校对|供稿|摄影)[:：]\S{0,20}$"
          # a bare date (and time) before a page label, or two page labels on one line:
          # 2026-11-20 09:30 来源：… / 来源：某某县政府 作者：某某
          r"|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|作者|编辑|浏览|点击)"
          r"|^\S{0,4}(?:来源|作者|编辑|发布者)[:：]\s*\S{1,24}\s+(?:来源|作者|编辑|责任编辑|浏览|点击|时间|日期)"
          r"|字号[:：]|文章大小[:：]"),
    Noise("tools", "网页按钮", Act.LINE,
          r"【?(?:打印本页|关闭窗口|打印|关闭|收藏|返回顶部)】|分享到[:：]|扫一扫|我要投稿|投稿"
          r"|下载该文章|正文复制|内容预览[:：]?$|设为首页|加入收藏|站内搜索"
          r"|^评论\s*[(（]?\d{0,6}[)）]?$|下载[Ww]ord文档|[Ww]ord文档下载|评论区(?:发|留)"),
    Noise("login", "网站登录栏", Act.LINE,
          r"会员注册|请先登录|^注册$|^登录$|^(?:用户名|密\s*码|验证码)[:：]|会员信息|点券|现金奖励"),
    Noise("pager", "翻页链接", Act.LINE, r"^(?:上一篇|下一篇|上一页|下一页)[:：]?"),
    Noise("site_footer", "网站页脚", Act.LINE,
          r"版权所有|备案号|ICP备|技术支持[:：]|主办单位[:：]|联系电话[:：]|^地址[:：]|联系我们$"),
    Noise("page_number", "页码", Act.LINE,
          r"^[-—–]\s*\d{1,3}\s*[-—–]$|^第\s*\d{1,3}\s*页\s*[/／,，]?\s*共\s*\d{1,3}\s*页$"
          r"|^共\s*\d{1,3}\s*页\s*[/／,，]?\s*第\s*\d{1,3}\s*页$|^\d{1,3}\s*/\s*\d{1,3}$", max_line=20),
    Noise("doc_notice", "文档网站的声明", Act.LINE,
          r"仅供(?:学习|参考|交流)|如有侵权|侵权(?:请)?(?:联系|告知)|联系(?:我们)?删除|本文档由|文档由用户"
          r"|(?:内容|文章|本文)来(?:源|自)于?网络|版权归(?:原)?作者|下载积分|上传时间[:：]|页数[:：]"),
    Noise("generator", "生成说明", Act.LINE,
          r"^(?:本文|文章|内容|以上内容|本文档)(?:由|系)\S{0,16}?(?:生成|创作)|(?:AI|人工智能|写作助手|智能写作)\S{0,6}生成"
          r"|^(?:文章|本文|文档)生成(?:于|时间)", max_line=60),
    Noise("blurb", "范文网站的导语", Act.LINE,
          r"小编|供大家参考|希望(?:对大家|可以|能)(?:有所)?帮助|一起来看看吧|^在日常(?:的)?(?:学习|工作|生活)",
          max_line=300),
    Noise("related", "相关文章列表", Act.LIST,
          r"^(?:推荐阅读|相关推荐|热门文章|相关文章|猜你喜欢|延伸阅读|相关阅读|精彩推荐|热门推荐|"
          r"最新文章|相关栏目|推荐访问|智能推荐|相关链接|友情链接|热点推荐)[:：]?", max_line=20),
    # STRIP kinds run in table order, each pattern in turn: removing one may bring the next
    # to the start of a line (下面是小编…。标题：…).
    Noise("site_nav", "网页导航", Act.STRIP,
          (r"当前位置[:：].*", r"^.*首页\s*>.*$", r"时间[:：]\s*\d{4}-\d{2}-\d{2}.*来源[:：].*")),
    Noise("farm_intro", "范文网站的导语", Act.STRIP,
          (r"下面是小编为大家(整理|收集|精心整理)的.*?(。|！|$)", r"在日常学习、工作或生活中.*?范文吧.*?(。|$)")),
    # a page's label before the title (标题：在……上的讲话 / …的讲话 文章标题：…): the label goes, the title stays
    # (at a line's start; the head's title cleaning takes it off a title split from a longer line)
    Noise("title_label", "标题标签", Act.STRIP, r"^[ \t|｜]*(?:标题|题目|文章标题)[ \t]*[:：][ \t]*(?=\S)"),
    Noise("site_title", "网页标题栏", Act.STRIP,
          (r"【正文】", r"本文(已影响|共计).*?人", r"^\s*\|\s*$",
           r"浏览次数[:：]\s*\d+", r"文章来源[:：].*")),
    Noise("farm_title", "范文网站的标题", Act.STRIP,
          (r"^.*范文大全.*$", r"^.*(范文|写作|作文).*(希望对大家有所?帮助|一起来看看|供大家参考|了解一下吧).*$")),
    Noise("collection_index", "范文合集的篇目", Act.STRIP,
          r"^.*[(（]\s*[一二三四五六七八九十\d]+\s*篇\s*[)）].*$", report=False),  # 论文（12篇） in a draft
    Noise("paywall_gap", "付费提示", Act.GAP,
          _RUN + r"[(（][^()（）]{0,60}?省略\d+字[^()（）]{0,40}[)）]\s*…*",
          note="来源网页删去了中间部分（付费墙），讲话不完整"),
    Noise("paywall_end", "付费提示", Act.END, r"(?s:" + _RUN + r"[(（]\s*未完[,，]\s*全文共\d+字.*)",
          note="来源网页只显示了部分内容，讲话被截断"),
    Noise("trial_end", "试读提示", Act.END, r"(?s:" + _RUN + r"试读结束.*)",
          note="来源网页只显示了部分内容，讲话被截断"),
    Noise("login_end", "登录提示", Act.END,
          r"(?s:" + _RUN + r"(?:[(（]\s*)?(?:阅读|查看|浏览)(?:全部|全文|完整)[^()（）\n。]{0,12}?(?:需要|请)先?(?:登录|注册).*)",
          note="来源网页要登录才显示全文，讲话被截断"),
    # a line of dots that ends the text: the copy stops there (a separator separates nothing at the end)
    Noise("dotted_end", "末尾省略线", Act.END, r"^[ \t\u3000]*(?:[.。…·]{6,}|…{2,})[ \t\u3000]*\s*\Z",
          note="来源在末尾以省略线截断，讲话不完整"),
    Noise("footer", "网页页脚", Act.FOOTER,
          r"上一篇[:：]|下一篇[:：]|相关栏目[:：]|推荐访问[:：]|版权所有[:：]|Powered by|备案号|"
          r"如若转载|本站所有|免责声明|扫码关注|查阅全文加微信|点击下载"),
    # an address is ASCII: it stops at the first Chinese character or full-width mark after it
    # (…见https://example.cn/a.html。同志们：… keeps everything after the address)
    Noise("url", "网址", Act.REMNANT,
          r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]*"),
    Noise("editorial", "编者注", Act.REMNANT, (r"[(（][^()（）]{0,40}(不再|此处|略)[^()（）]{0,20}[)）]",
                                                # an editor's note on the text's making: （根据录音整理） / （有删节）
                                                # (not one holding a date: the head reads (2011年…根据录音整理)某某)
                                                r"[(（][^()（）\d]{0,12}(?:录音整理|有删节|未经本人审阅|本人审定)[^()（）\d]{0,8}[)）]")),
    # a page laid out in a table, copied as text: | 标题：…… |
    Noise("table_bars", "网页表格竖线", Act.BARS, r"^[ \t\u3000]*\||\|[ \t\u3000]*$"),
    Noise("glyph", "误码字形", Act.GLYPH, "设臵|—起|措虑",
          fix={"设臵": "设置", "—起": "一起", "措虑": "措施"}),
)


def kind(kind_id: str) -> Noise:
    """The kind of this id."""
    return next(k for k in NOISE if k.id == kind_id)


def kinds(act: Act) -> tuple[Noise, ...]:
    """The kinds the cleaner treats at one step, in table order."""
    return tuple(k for k in NOISE if k.act is act)


def union(act: Act) -> re.Pattern[str]:
    """One pattern for every kind of a step (a line is furniture when any of them is in it)."""
    return _union(tuple(p for k in kinds(act) for p in k.patterns))


def inline_kinds() -> tuple[Noise, ...]:
    """The kinds lint reports wherever they stand (all but page furniture, which only a line
    of its own is, and those only a whole page shows)."""
    return tuple(k for k in NOISE if k.report and k.act not in (Act.LINE, Act.LIST))


def reported() -> re.Pattern[str]:
    """Any of inline_kinds()."""
    key = tuple(map(id, NOISE))
    got = _REPORTED.get(key)
    if got is None:
        got = _REPORTED[key] = compiled("|".join(f"(?:{p})" for k in inline_kinds() for p in k.patterns), re.M)
    return got


_REPORTED: dict[tuple[int, ...], re.Pattern[str]] = {}
_UNIONS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _union(patterns: tuple[str, ...]) -> re.Pattern[str]:
    got = _UNIONS.get(patterns)
    if got is None:
        got = _UNIONS[patterns] = compiled("|".join(f"(?:{p})" for p in patterns), re.M)
    return got
