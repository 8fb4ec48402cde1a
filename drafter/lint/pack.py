"""Agreement between a host's script (主持词) and the speech of the same meeting (D150–D153).

Given both, as drafts in one `drafter lint` run or rendered from one outline, the host must
name the same meeting and the same speaker, and sum the speech up with its own directives
and their count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lazyre import compiled

if TYPE_CHECKING:
    from pathlib import Path

    from .registry import Context, Finding, Paragraph, Run, Speech

_HOST_TITLE = compiled(r"^在(.+)上的主持词$")
_SPEECH_TITLE = compiled(r"^在(.+?)上的(?:讲话|致辞|发言|总结讲话|动员讲话|主持讲话)$")
_SUMMARY = compiled(r"从(.+?)([一二两三四五六七八九十]+)个方面")
_DATE_LINE = compiled(r"^[（(].*[）)]$")


@dataclass
class Parsed:
    title: str
    speaker: str  # the line under the title: 市委书记 林志远
    paragraphs: list[Paragraph]


def is_host_script(paras: list[Paragraph]) -> bool:
    head = paras[0].text.strip() if paras else ""
    return head.endswith("主持词") or any(p.text.strip() == "现在开会。" for p in paras[:8])


def _parse(paras: list[Paragraph]) -> Parsed:
    title = paras[0].text.strip() if paras else ""
    speaker = ""
    for para in paras[1:4]:
        text = para.text.strip()
        if text.endswith("：") or _DATE_LINE.match(text):
            break
        speaker = text.removeprefix("主持人：")
    return Parsed(title, speaker, paras)


def check_agreement(host_paras: list[Paragraph], speech_paras: list[Paragraph], ctx: Context,
                    speech_name: str, headings: list[str] | None = None) -> None:
    """Findings on the host script (ctx is the host's file); ``headings``: the speech's top-level
    directives when they are known (a speech rendered from an outline), else the speech is mined."""
    host, speech = _parse(host_paras), _parse(speech_paras)
    hm, sm = _HOST_TITLE.match(host.title), _SPEECH_TITLE.match(speech.title)
    if hm and sm and hm.group(1) != sm.group(1):
        ctx.add("D150", host_paras[0], f"主持词的会议名称“{hm.group(1)}”与讲话稿（{speech_name}）的"
                f"“{sm.group(1)}”不一致", fix=f"统一为“{sm.group(1)}”")
    body = "\n".join(p.text for p in host_paras)
    parts = speech.speaker.split()
    if parts:
        name, title = parts[-1], "".join(parts[:-1])
        expected = f"{title}{name}"
        if name not in body:
            ctx.add("D151", host_paras[0], f"主持词里没有出现讲话人“{name}”（{speech_name}）",
                    fix=f"介绍讲话时写“请{expected}同志作重要讲话”")
        elif title and expected not in body:
            para = next((p for p in host_paras if name in p.text), host_paras[0])
            ctx.add("D151", para, f"主持词对讲话人的职务称呼与讲话稿不一致，讲话稿是“{expected}”",
                    fix=f"改为“{expected}”")
    summary = next(((p, m) for p in host_paras if (m := _SUMMARY.search(p.text))), None)
    if summary is None:
        return  # no summary to check: the speech need not be mined
    from ..host import short_heading
    from ..numbering import cn_to_int

    if headings is None:
        headings = _mined_headings(speech_paras, speech_name)
    if not headings:
        return
    para, m = summary
    said = cn_to_int(m.group(2))
    if said is not None and said != len(headings):
        ctx.add("D152", para, f"主持词说讲话从{m.group(2)}个方面作了部署，讲话稿实际有{len(headings)}点",
                column=m.start(2) + 1, fix="按讲话稿的意见条数改正")
    for number, heading in enumerate(headings, 1):
        short = short_heading(heading)
        if short not in m.group(1):
            ctx.add("D153", para, f"讲话稿第{number}点“{short}”没有出现在主持词对讲话的概括中",
                    column=m.start(1) + 1, fix="按讲话稿的意见标题改写这句概括")


def _mined_headings(speech_paras: list[Paragraph], speech_name: str) -> list[str]:
    from ..corpus.mine import mine_text

    speeches = mine_text("\n".join(p.text for p in speech_paras), speech_name).speeches
    return [d.heading for d in speeches[0].directives] if speeches else []


def check_outline(speech: Speech, ctx: Context) -> None:  # D150–D153
    """The host's script rendered from the same outline agrees with the speech."""
    if speech.outline is None:
        return
    from ..export.text import export
    from ..host import directive_headings, render_host
    from .registry import Paragraph

    host = render_host(speech.outline, speech=speech.result).document
    lines = [line for line in export(host).splitlines() if line.strip()]
    check_agreement([Paragraph(line.strip("\u3000"), None, f"主持词第{i}段")
                     for i, line in enumerate(lines, 1)],
                    [Paragraph(p.text, None, p.label) for p in speech.paras if p.text], ctx, "讲话稿",
                    directive_headings(speech.result.document) if speech.result else None)


def check_drafts(run: Run) -> list[Finding]:  # D150–D153
    """A host's script linted together with speeches: checked against the one speech of the
    run, or against the speech whose title names the same meeting."""
    from .read import read_paragraphs
    from .registry import Context

    drafts: list[Path] = run.drafts
    if len(drafts) < 2:
        return []
    read = {path: read_paragraphs(path) for path in drafts}
    hosts = [p for p in drafts if is_host_script(read[p])]
    speeches = [p for p in drafts if p not in hosts]
    findings: list[Finding] = []
    for host in hosts:
        title = read[host][0].text.strip().removesuffix("上的主持词")
        same = [s for s in speeches if read[s] and read[s][0].text.strip().startswith(title)]
        pair = same or (speeches if len(speeches) == 1 else [])
        for speech in pair[:1]:
            ctx = Context(str(host), run.ignore)
            check_agreement(read[host], read[speech], ctx, speech.name)
            findings += ctx.findings
    return findings
