"""Page furniture in text copied from a whole web page: set aside wherever it sits.

Menus, breadcrumbs, info and share bars, login boxes, 推荐阅读 lists, pagers and footers are
recognised line by line. A footer ends the page only when no prose follows it; otherwise the
line alone goes (a sidebar or a login box above the speech). Forum anti-copy runs (random
one- and two-character ASCII tokens) are removed from inside lines.
"""

from __future__ import annotations

import re

_CJK = "\u3400-\u9fff"

# A line that is all furniture.
_LINE = re.compile(
    r"^(?:当前位置|您的位置|你的位置|所在位置|现在位置)[:：]"
    r"|^(?:发布时间|发表时间|发布日期|更新时间|时间|日期)[:：]\s*\d{2,4}[-/.年]"
    r"|^\d{1,2}-\d{1,2}\s+\S{2,12}$"
    r"|(?:浏览次数|浏览数量|点击数|阅读量|访问量|阅读次数)[:：]?\s*\d*"
    r"|^[|｜]?\s*(?:文章)?来源[:：]\S{0,20}$|^(?:作者|编辑|责任编辑|审核|校对|供稿|摄影)[:：]\S{0,20}$"
    r"|字号[:：]|【?(?:打印本页|关闭窗口|打印|关闭|收藏|返回顶部)】|分享到[:：]|扫一扫|我要投稿|投稿"
    r"|下载该文章|会员注册|请先登录|正文复制|内容预览[:：]?$|^返回$|^>$|^注册$|^登录$"
    r"|^(?:用户名|密\s*码|验证码)[:：]|会员信息|文章大小[:：]|点券|现金奖励"
    r"|^(?:上一篇|下一篇|上一页|下一页)[:：]?|版权所有|备案号|ICP备|技术支持[:：]|主办单位[:：]|联系电话[:：]"
    r"|^地址[:：]|^(?:首页|主页)\s*[>›»]|[>›»]\s*正文\s*$|^\S{1,10}\s*(?:>>|›|»|>)\s*\S{1,10}\s*(?:>>|›|»|>)"
    r"|^\S{1,12}\s+首页$|素材库\s*首页|^首页$|设为首页|加入收藏|站内搜索|联系我们$")
# A heading that opens a list of links to other pages.
_LIST_HEAD = re.compile(r"^(?:推荐阅读|相关推荐|热门文章|相关文章|猜你喜欢|延伸阅读|相关阅读|精彩推荐|热门推荐|"
                        r"最新文章|相关栏目|推荐访问|智能推荐|相关链接|友情链接|热点推荐)[:：]?")
_TOC_HEAD = re.compile(r"^目\s*录$")
_TOC_LINE = re.compile(r"^\d{1,2}[.、．]\s*\S.{0,60}?[.．。…·\s]+\d{1,3}$")
_PROSE = re.compile(r"[。！？]")
_ANTICOPY = re.compile(r"(?<=\S)[ \t]*[(（]?(?:[ \t]+[!-~]{1,2}){5,}(?=[ \t]|$)")


def _menu(line: str) -> bool:
    """首页 新闻中心 通知公告 …: several short words, no sentence."""
    tokens = re.split(r"[\s|｜/·]+", line.strip())
    return (len(tokens) >= 4 and all(1 <= len(t) <= 6 for t in tokens)
            and not _PROSE.search(line))


def _anticopy(line: str) -> str:
    def drop(m: re.Match[str]) -> str:
        tokens = m.group(0).split()
        odd = sum(1 for t in tokens if re.search(r"[A-Za-z]", t) and re.search(r"[^A-Za-z]", t)
                  or re.fullmatch(r"[^\w\s]{1,2}", t))
        return "" if odd >= 2 else m.group(0)
    return _ANTICOPY.sub(drop, line)


def set_aside(text: str) -> tuple[str, int]:
    """(text without furniture, number of lines set aside)."""
    lines = text.split("\n")
    kept: list[str] = []
    removed = 0
    in_list = in_toc = False
    for i, raw in enumerate(lines):
        line = _anticopy(raw)
        stripped = line.strip(" \t\u3000")
        if not stripped:
            in_list = in_toc = False
            kept.append("")
            continue
        if in_list and len(stripped) <= 40 and not _PROSE.search(stripped[:-1] or stripped) and not (
                _speech_line(stripped) or _opens_speech(lines, i + 1)):
            removed += 1
            continue
        in_list = False
        if in_toc and _TOC_LINE.match(stripped):
            removed += 1
            continue
        in_toc = False
        if _LIST_HEAD.match(stripped) and len(stripped) <= 20:
            in_list = True
            removed += 1
            if not _prose_after(lines, i + 1):
                break  # the related links end the page
            continue
        if _TOC_HEAD.match(stripped):
            in_toc = True
            removed += 1
            continue
        if (len(stripped) <= 80 and (_LINE.search(stripped) or _menu(stripped))
                and not _speech_line(stripped)):
            removed += 1
            continue
        kept.append(line)
    return "\n".join(kept), removed


def _speech_line(line: str) -> bool:
    return bool(re.search(r"(?:同志们|同学们|老师们|朋友们|各位)[^。]{0,30}[:：]", line)) or len(
        _PROSE.findall(line)) >= 2


def _opens_speech(lines: list[str], start: int) -> bool:
    """The next non-blank line is a salutation or prose: the line before it is the speech's
    title, not one more related link."""
    nxt = next((line.strip() for line in lines[start:] if line.strip()), "")
    return bool(re.match(r"^(?:[^，。：:]{0,30}(?:们|各位[^，。]{0,8}|尊敬的[^。]{0,20}))[：:]", nxt)) or (
        len(nxt) >= 60 and bool(_PROSE.search(nxt)))


def _prose_after(lines: list[str], start: int) -> bool:
    return any(len(line.strip()) >= 60 and _PROSE.search(line) for line in lines[start:])


def ends_page(text: str, position: int) -> bool:
    """A footer marker at ``position`` ends the page when no prose follows it."""
    return not _prose_after(text[position:].split("\n"), 1)
