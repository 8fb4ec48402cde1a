"""Metamorphic check of the miner: writer-realistic changes to a speech that must not change its
skeleton (salutation, announced count, top-level headings, closing found).

Takes the gold-annotated one-speech files of tests/corpus/archives (their collected texts in
src/), applies each perturbation below to the text, mines the result and compares it with the
gold. Prints, per perturbation and overall, how often the mined skeleton equals the gold, counted
over the speeches whose unperturbed text already mines to the gold (so the figure measures
robustness, not base accuracy), and how often it equals the unperturbed mining.
Batch i (the next fresh test batch) and later ones are never opened: this is a tuning tool.

Run: python benchmarks/perturb_miner.py [-v] [--only NAME]
"""

from __future__ import annotations

import html
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARCHIVES = ROOT / "tests" / "corpus" / "archives"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ARCHIVES))

from benchmarks.score_miner import heading_match, norm  # noqa: E402
from drafter.corpus.mine import mine_bytes  # noqa: E402
from drafter.corpus.model import Speech  # noqa: E402

_CN_ORDINAL = re.compile(r"^(\s*)([一二三四五六七八九十]{1,3})、")
_MENU = "首页 | 机构概况 | 新闻中心 | 政务公开 | 领导讲话 | 办事服务 | 互动交流"
_RELATED = ["某某县召开2026年冬季安全生产工作会议", "关于做好年末岁初重点工作的通知",
            "某某镇开展基层治理专项行动", "县领导调研重点项目建设", "某某街道举办文明实践志愿服务活动"]


def _titled(lines: list[str], gold: dict[str, Any]) -> bool:
    """Title perturbations apply only where the first line is the gold title (short, no sentence)."""
    title = norm(gold.get("title"))
    return bool(title) and len(lines[0]) <= 40 and "。" not in lines[0] and norm(lines[0])[:4] == title[:4]


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _text(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def wrap(width: int, indent: str = "") -> Callable[[list[str]], bytes]:
    def run(lines: list[str]) -> bytes:
        out: list[str] = []
        for line in lines:
            text = indent + line.strip()
            out.extend(text[i:i + width] for i in range(0, len(text), width))
        return _text(out)
    return run


def menu_top(lines: list[str]) -> bytes:
    return _text([_MENU, "当前位置：首页 > 领导讲话 > 正文", *lines])


def dateline_source(lines: list[str]) -> bytes:
    return _text(["2026-11-20 09:30  来源：某某县融媒体中心", *lines])


def date_source_after_title(lines: list[str]) -> bytes:
    return _text([lines[0], "发布时间：2026年11月20日  来源：某某县人民政府办公室  作者：某某", *lines[1:]])


def font_bar(lines: list[str]) -> bytes:
    return _text([lines[0], "【字号 大 中 小】 【打印】 【关闭】", *lines[1:]])


def related_after(lines: list[str]) -> bytes:
    return _text([*lines, "分享到：微信 微博 QQ空间", "上一篇：某某县召开乡村振兴推进会",
                  "下一篇：没有了", "相关链接", *_RELATED,
                  "版权所有：某某县人民政府 主办：某某县人民政府办公室 备案号：某ICP备00000000号"])


def page_shell(lines: list[str]) -> bytes:
    body = "\n".join(f"<p>{html.escape(line.strip())}</p>" for line in lines[1:])
    menu = "".join(f"<li><a href='/c{i}/'>{m}</a></li>" for i, m in enumerate(_MENU.split(" | ")))
    related = "".join(f"<li><a href='/a/{i}.html'>{t}</a></li>" for i, t in enumerate(_RELATED))
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(lines[0])}_领导讲话_某某县人民政府"
            f"</title></head><body><header><a href='/'>某某县人民政府</a></header><nav><ul>{menu}</ul></nav>"
            "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; 领导讲话</div>"
            f"<div class='article'><h1>{html.escape(lines[0])}</h1>"
            "<div class='info'>发布时间：2026-11-20 来源：县政府办 【字体：大 中 小】</div>"
            f"<div class='content'>{body}</div></div><div class='related'><h3>相关文章</h3><ul>{related}</ul></div>"
            "<footer>版权所有 © 2026 某某县人民政府 备案号：某ICP备00000000号</footer></body></html>")
    return page.encode("utf-8")


def fullwidth_digits(lines: list[str]) -> bytes:
    table = str.maketrans("0123456789", "０１２３４５６７８９")
    return _text([line.translate(table) for line in lines])


def stray_space(lines: list[str], gold: dict[str, Any]) -> bytes:
    """A space typed into the salutation line (同志们 ： / 各位领导、 同志们)."""
    salutation = gold.get("salutation") or ""
    out = []
    done = False
    for line in lines:
        if not done and salutation and line.lstrip().startswith(salutation[:3]):
            line = re.sub(r"([、，,])", r"\1 ", line, count=1) if re.search(r"[、，,]", line[:len(salutation) + 1]) \
                else line.replace(salutation[-2:], salutation[-2:] + " ", 1)
            done = True
        out.append(line)
    return _text(out)


def di_style(lines: list[str]) -> bytes:
    """一、 headings written 第一、 (a writer's variant) when the text has no 第一 series of its own."""
    if any(line.lstrip().startswith("第一") for line in lines):
        return _text(lines)
    return _text([_CN_ORDINAL.sub(lambda m: f"{m.group(1)}第{m.group(2)}、", line) for line in lines])


def crlf_indent(lines: list[str]) -> bytes:
    return ("\r\n".join("　　" + line.strip() for line in lines) + "\r\n").encode("utf-8")


def gbk(lines: list[str]) -> bytes:
    try:
        return ("\n".join(lines) + "\n").encode("gbk")
    except UnicodeEncodeError:
        return _text(lines)


def docx_list(lines: list[str]) -> bytes:
    from build_formats import make_docx  # tests/corpus/archives: 一、 as a Word automatic list

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speech.docx"
        make_docx(lines, "numbered", path)
        return path.read_bytes()


def whole_page_text(lines: list[str]) -> bytes:
    """A whole page copied as text: menus, breadcrumb, title, info and font bars, the speech,
    share bar, pager, related links and footer."""
    return _text([_MENU, "当前位置：首页 > 领导讲话 > 正文", lines[0],
                   "发布时间：2026-11-20  来源：某某县人民政府  浏览次数：1024", "【字号 大 中 小】", *lines[1:],
                   "【打印本页】 【关闭窗口】", "分享到：微信 微博", "上一篇：某某县召开乡村振兴推进会", "相关阅读",
                   *_RELATED, "版权所有 © 2026 某某县人民政府 备案号：某ICP备00000000号"])


def speaker_date(lines: list[str]) -> bytes:
    """A speaker line and a bracketed date line under the title."""
    return _text([lines[0], "某某某", "（2026年11月20日）", *lines[1:]])


def spaced_title(lines: list[str]) -> bytes:
    return _text([" ".join(lines[0].strip()), *lines[1:]])


_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"})


def halfwidth_punct(lines: list[str]) -> bytes:
    """Half-width commas, colons and brackets, as many web copies have them."""
    return _text([line.translate(_HALF) for line in lines])


def word_html(lines: list[str]) -> bytes:
    from build_formats import word_html as make

    return make(lines).encode("utf-8")


def pdf(lines: list[str]) -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    from pdfmaker import make_pdf

    return make_pdf([line.strip() for line in lines])


def docx_title(lines: list[str]) -> bytes:
    from build_formats import make_docx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speech.docx"
        make_docx(lines, "title", path)
        return path.read_bytes()


PERTURBATIONS: dict[str, tuple[str, Callable[..., bytes]]] = {
    "wrap28": (".txt", wrap(28)),
    "wrap60": (".txt", wrap(60, "　　")),
    "menu_top": (".txt", menu_top),
    "dateline_source": (".txt", dateline_source),
    "date_after_title": (".txt", date_source_after_title),
    "font_bar": (".txt", font_bar),
    "related_after": (".txt", related_after),
    "page_shell": (".html", page_shell),
    "fullwidth_digits": (".txt", fullwidth_digits),
    "stray_space": (".txt", stray_space),
    "di_style": (".txt", di_style),
    "crlf_indent": (".txt", crlf_indent),
    "gbk": (".txt", gbk),
    "docx_list": (".docx", docx_list),
    "docx_title": (".docx", docx_title),
    "word_html": (".html", word_html),
    "pdf": (".pdf", pdf),
    "whole_page_text": (".txt", whole_page_text),
    "speaker_date": (".txt", speaker_date),
    "spaced_title": (".txt", spaced_title),
    "halfwidth_punct": (".txt", halfwidth_punct),
}


TITLE_PERTURBATIONS = {"date_after_title", "font_bar", "speaker_date", "spaced_title", "docx_title"}


def skeleton_hits(gold: dict[str, Any], speech: Speech | None) -> dict[str, bool]:
    """Which parts of the skeleton equal the gold."""
    if speech is None:
        return {"salutation": False, "count": False, "headings": False, "closing": False}
    heads = [u.heading for u in speech.directives if u.style != "无序号"]
    matched: set[int] = set()
    for gh in gold["top_headings"]:
        hit = next((k for k, ph in enumerate(heads) if k not in matched and heading_match(gh, ph)), None)
        if hit is not None:
            matched.add(hit)
    return {"salutation": norm(gold["salutation"]) == norm(speech.salutation),
            "count": (gold["transition"] or {}).get("count") == (speech.transition or {}).get("count"),
            "headings": len(matched) == len(heads) == len(gold["top_headings"]),
            "closing": (gold["closing_start"] is None) == (not speech.closing)}


def _one(data: bytes, name: str) -> Speech | None:
    speeches = mine_bytes(data, name).speeches
    return speeches[0] if len(speeches) == 1 else None


def _cases(skip: set[str]) -> list[tuple[str, list[str], dict[str, Any]]]:
    cases = []
    for gold_path in sorted((ARCHIVES / "gold").glob("*.json")):
        if any(gold_path.name.startswith(b) for b in skip):
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        src = ARCHIVES / "src" / (gold_path.stem + ".txt")
        if gold.get("not_speech") or len(gold["speeches"]) != 1 or not src.exists():
            continue
        cases.append((gold_path.stem, _lines(src.read_text(encoding="utf-8")), gold["speeches"][0]))
    return cases


def run(verbose: bool = False, only: str | None = None, skip: frozenset[str] = frozenset("ijk")) -> dict[str, float]:
    cases = _cases(set(skip))
    base_ok = 0
    per: dict[str, list[int]] = {name: [0, 0, 0] for name in PERTURBATIONS if only in (None, name)}
    for stem, lines, gold in cases:
        base = _one(_text(lines), stem + ".txt")
        if not all(skeleton_hits(gold, base).values()):
            continue
        base_ok += 1
        assert base is not None
        for name, (ext, make) in PERTURBATIONS.items():
            if name not in per:
                continue
            if name in TITLE_PERTURBATIONS and not _titled(lines, gold):
                continue
            data = make(lines, gold) if name == "stray_space" else make(lines)
            got = _one(data, stem + ext)
            hits = skeleton_hits(gold, got)
            per[name][0] += 1
            per[name][1] += all(hits.values())
            per[name][2] += got is not None and got.skeleton() == base.skeleton()
            if verbose and not all(hits.values()):
                missed = [k for k, v in hits.items() if not v]
                detail = "no single speech" if got is None else (
                    f"sal={got.salutation!r} count={(got.transition or {}).get('count')} "
                    f"heads={[u.heading[:10] for u in got.directives][:6]} closing={bool(got.closing)}")
                print(f"{stem} {name}: {','.join(missed)}: {detail}")
    total = sum(v[0] for v in per.values())
    figures = {"speeches": float(len(cases)), "base_equal_gold": base_ok / max(len(cases), 1),
               "perturbed_equal_gold": sum(v[1] for v in per.values()) / max(total, 1),
               "perturbed_equal_unperturbed": sum(v[2] for v in per.values()) / max(total, 1)}
    for name, (n, ok, _same) in per.items():
        figures[name] = ok / max(n, 1)
    return figures


def main() -> None:
    argv = sys.argv[1:]
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    figures = run("-v" in argv, only)
    print(f"speeches={int(figures.pop('speeches'))}  " + "  ".join(
        f"{k}={v:.3f}" for k, v in list(figures.items())[:3]))
    print("per perturbation (equal to gold): " + "  ".join(f"{k}={v:.2f}" for k, v in list(figures.items())[3:]))


if __name__ == "__main__":
    main()
