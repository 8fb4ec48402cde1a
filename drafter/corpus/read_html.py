"""Saved web pages (.html/.htm, Word-exported pages too) → the speech's title and text.

The main content is found by readability-lxml (compared with trafilatura on the collected pages:
both kept every speech line and dropped the menus; readability imports in a third of the time
and leaked nothing in the info and share bars). Where it is not installed, fails, or keeps
too little, our own rules take over: drop scripts, styles and the containers that are page
furniture by tag or by class/id (nav, menu, footer, breadcrumb, share, related, sidebar …), and
keep the rest as text, one block a line. Word-exported pages have no furniture: they are read
whole with our rules.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from ..textnorm import SENTENCE_END_RE

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
          "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "dd",
          "dt", "dl", "form", "hr", "center", "td", "th"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "svg", "select", "button",
              "textarea", "head"}
_FURNITURE_TAGS = {"nav", "footer", "aside", "form"}
_FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|crumbs?|breadcrumbs?|share|related|relate|recommend|"
    r"sidebar|side|hot|comment|comments|copyright|pager|pagination|prev|next|toolbar|tools|ad|ads|"
    r"banner|search|login|top|header|links?|weizhi|position|location|dqwz|bottom)(?:$|[\s_-]|\d)", re.I)
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
         "track", "wbr", "param"}


class _TextParser(HTMLParser):
    def __init__(self, *, drop_furniture: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_furniture = drop_furniture
        self.parts: list[str] = []
        self.stack: list[bool] = []  # per open element: does it hide its content?
        self.hidden = 0
        self.h1: list[str] = []
        self.title: list[str] = []
        self._in_h1 = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        hides = tag in _SKIP_TAGS or (self.drop_furniture and (
            tag in _FURNITURE_TAGS or (tag == "header" and not self.h1)
            or bool(names and _FURNITURE_NAMES.search(names))))
        self.stack.append(hides)
        self.hidden += hides
        if tag == "h1":
            self._in_h1 += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _VOID:
            return
        if tag == "h1" and self._in_h1:
            self._in_h1 -= 1
        if self.stack:
            self.hidden -= self.stack.pop()
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._in_h1:
            self.h1.append(data)
        if not self.hidden:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts).replace("\xa0", " ")
        lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in raw.split("\n"))
        return "\n".join(line for line in lines if line)


def html_to_text(html: str, *, drop_furniture: bool = True) -> tuple[str, str, str]:
    """(text, first h1, <title>) by our own rules."""
    parser = _TextParser(drop_furniture=drop_furniture)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # a broken page: fall back to stripping tags  # pragma: no cover
        text = re.sub(r"<[^>]{0,2000}>", "\n", html)
        return unescape(text), "", ""
    return parser.text(), "".join(parser.h1).strip(), " ".join("".join(parser.title).split())


def is_word_html(html: str) -> bool:
    head = html[:5000]
    return "urn:schemas-microsoft-com:office:word" in head or "class=MsoNormal" in html[:20000]


def _readability(html: str) -> str | None:
    try:
        from readability import Document
    except ImportError:  # optional: our own rules do the job
        return None
    try:
        summary = Document(html).summary(html_partial=True)
    except Exception:
        return None
    text, _, _ = html_to_text(summary, drop_furniture=False)
    return text


_TITLE_SEPARATORS = re.compile(r"\s*(?:--+|——|_|\||｜|\s-\s|-(?=[^-]{2,20}$)|–)\s*")
_TITLE_WORDS = re.compile(r"讲话|致辞|发言|报告|讲稿|演讲|动员|贺词|主持词|会议|典礼")


def clean_title(title: str) -> str:
    """Site suffixes and prefixes off: “在…的讲话--党政办-某中学” → “在…的讲话”,
    “[县长在县委书记]县长在…讲话” → “县长在…讲话”, “…讲话[VIP]” → “…讲话”."""
    title = " ".join(title.split())
    title = re.sub(r"\s*[\[【［(（](?:VIP|vip|图|组图|视频|全文|转载|原创|范文|精选|\d+篇)[\]】］)）]\s*$", "", title)
    m = re.match(r"^[\[【［]([^\]】］]{1,20})[\]】］]\s*(?=\S)", title)
    if m and _TITLE_WORDS.search(title[m.end():]):
        title = title[m.end():]
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p]
    if len(parts) > 1:
        worded = [p for p in parts if _TITLE_WORDS.search(p)]
        title = max(worded or parts[:1], key=len) if worded else parts[0]
    return title.strip()


def read_html(html: str) -> tuple[str | None, str]:
    """(title or None, body text). The title comes from the page's h1 when it has one,
    else from <title> with the site name cut off."""
    own, h1, page_title = html_to_text(html, drop_furniture=not is_word_html(html))
    if is_word_html(html):
        return None, own
    extracted = _readability(html)
    # readability can miss a short page's text or pick a sidebar: keep ours when it holds
    # clearly more of the page's sentences
    body = extracted if extracted and _sentences(extracted) >= 0.7 * _sentences(own) else own
    title = clean_title(h1 or page_title) or None
    if title and body.lstrip().startswith(title[:12]):
        title = None  # the text carries its own title line
    return title, body


def _sentences(text: str) -> int:
    return len(SENTENCE_END_RE.findall(text))
