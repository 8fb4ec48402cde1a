"""One self-contained HTML page that looks like the printed speech: no external assets, no
scripts, every piece of outline text escaped. Print CSS gives A4 with GB/T 9704 margins and
"— N —" page numbers where the browser supports @page margin boxes."""

from __future__ import annotations

from html import escape

from ..document import HEAD_KINDS, Block, BlockKind, Document

CSS = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-right { content: "— " counter(page) " —"; font: 14pt "宋体", "SimSun", "Songti SC", serif; } }
@font-face { font-family: "drafter-latin"; unicode-range: U+0020-007E, U+00A0-00FF;
  src: local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("Tinos"); }
:root { --body: "drafter-latin", "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif;
  --kai: "drafter-latin", "楷体_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif;
  --hei: "drafter-latin", "黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", sans-serif;
  --title: "drafter-latin", "方正小标宋简体", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", serif; }
body { margin: 0; background: #f4f4f4; }
article { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 2em auto; padding: 37mm 26mm 35mm 28mm;
  background: #fff; color: #000; font: 16pt/28.95pt var(--body); text-align: justify; }
h1 { font: 22pt/28.95pt var(--title); text-align: center; margin: 0; font-weight: normal; text-indent: 0; }
.subtitle, .meta { font-family: var(--kai); text-align: center; margin: 0; }
p.subtitle, p.meta { text-indent: 0; }
.head-end { margin-bottom: 28.95pt; }
.salutation { margin: 0; text-indent: 0; }
p, h2, h3, h4, h5 { margin: 0; text-indent: 2em; font-size: 16pt; line-height: 28.95pt; font-weight: normal; }
h2, .runin-1 { font-family: var(--hei); }
h3, .runin-2 { font-family: var(--kai); }
h4, .runin-3 { font-weight: bold; }
.runin { font-weight: inherit; }
.open { background: #fff3b0; }
@media print { body { background: none; } article { width: auto; min-height: 0; margin: 0; padding: 0; } }
"""


def _text(text: str) -> str:
    """Escaped, with open markers highlighted."""
    out = escape(text)
    return out.replace("〔待补", '<span class="open">〔待补').replace("〕", "〕</span>") if "〔待补" in text else out


def _block(block: Block, head_end: bool = False) -> str:
    # head_end: the last line of the title group (title, subtitle, speaker, date), followed
    # by one blank line, as on paper.
    end = ' class="head-end"' if head_end else ""
    match block.kind:
        case BlockKind.TITLE:
            return f"<h1{end}>{'<br>'.join(_text(line) for line in block.lines)}</h1>"
        case BlockKind.SUBTITLE | BlockKind.META:
            return f'<p class="{block.kind}{" head-end" if head_end else ""}">{_text(block.text)}</p>'
        case BlockKind.SALUTATION:
            return f'<p class="salutation">{_text(block.text)}</p>'
        case BlockKind.HEADING:
            tag = f"h{min(block.level + 1, 5)}"
            return f"<{tag}>{_text(block.number + block.text)}</{tag}>"
    lead = ""
    if block.runin:
        lead = f'<strong class="runin runin-{block.level}">{_text(block.number + block.runin)}</strong>'
    elif block.number:
        lead = _text(block.number)
    css = ' class="closing"' if block.kind == BlockKind.CLOSING else ""
    return f"<p{css}>{lead}{_text(block.text)}</p>"


def export(document: Document) -> str:
    title = escape(document.title or "讲话稿")
    blocks = document.blocks
    head = 0
    while head < len(blocks) and blocks[head].kind in HEAD_KINDS:
        head += 1
    body = "\n".join(_block(b, head_end=i == head - 1) for i, b in enumerate(blocks))
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<article>\n{body}\n"
            f"</article>\n</body>\n</html>\n")
