"""The host's script (主持词) for the meeting a speech is given at.

It is built from the same outline and the same speech context as the speech, so the two
agree by construction: the same meeting name, the same speaker, and a summing-up that
names the speech's own top-level directives with their count. Facts are assembled here;
every word the host says lives in the templates under ``templates/host/``.

A meeting type's host facts live in its template header (one place):

    host_heard: 略              what was heard is not an item of this sitting (a plenum's closing)
    host: 仪式                 the register: 会议 (default) or 仪式 (opening ceremonies, signings)
    host_adopted: 表决          adopted documents are deliberated and voted on (全会); default 宣读文件
    host_speakers: 表态发言      how the speakers' item is named; default 交流发言
    host_speech: 表态发言        what the speech itself is: 讲话 (default), 表态发言 (an appointee's), 讲党课
    host_verb: 举行 / host_event: 开班式   how the host opens it: 我们举行……培训班开班式 (default 召开)
    host_after: 略             no “会后，……要……” instructions (a forum of guests, a 党课, an appointment)
    host_close: 闭幕 / 结束 / 座谈   how it ends: a plenum is declared closed; default 散会
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from .errors import OutlineError, Problem
from .lazyre import compiled
from .loader import LoadedOutline, load_outline
from .render import ContextBuilder, Node, RenderResult, open_in, render_outline, run_template
from .templating import make_environment, template_dirs

if TYPE_CHECKING:
    from .document import Document

HOST_TEMPLATES = {"会议": "host/meeting.j2", "仪式": "host/ceremony.j2"}
_TITLE_WORDS = compiled(
    r"(书记|副书记|市长|县长|区长|镇长|乡长|省长|主任|局长|部长|主席|校长|院长|董事长|总经理|经理|"
    r"厅长|处长|科长|组长|委员|常委|秘书长|主委|会长|行长|党委|党组)$")
_NOBODY = ("会议", "大会", "会上", "全会")
_PAST = compiled(r"^(?P<who>.+?)(?P<verb>通报|传达|宣读|作|介绍|汇报|报告|部署)了(?P<what>.+)$")


def split_person(text: str | None) -> tuple[str, str]:
    """“市委书记 林志远” → (“市委书记”, “林志远”); a text with no space is all title."""
    if not text or text.startswith("〔"):
        return "", ""
    parts = text.split()
    if len(parts) >= 2:
        return "".join(parts[:-1]), parts[-1]
    return text, ""


def person_ref(text: str | None) -> str:
    """How the host names a leader: 市委书记林志远同志; a title alone stays as it is."""
    title, name = split_person(text)
    if name:
        return f"{title}{name}同志"
    return title


def short_heading(heading: str) -> str:
    """The first clause of a directive's heading: the name the host gives it (从A、B和C三个方面),
    without a leading 要, which reads badly after 从."""
    first = re.split(r"[，,；;。：:！？]", heading, maxsplit=1)[0].strip() or heading
    return first[1:] if first.startswith("要") and len(first) > 3 else first


def directive_headings(document: Document) -> list[str]:
    """The speech's top-level directives as the host sums them up: each one's run-in heading or text."""
    return [b.runin or b.text for b in document.blocks if b.part == "directives" and b.level == 1]


class AgendaEntry(TypedDict):
    """One item the host announces: 请{who}{kind}{what}, or a whole clause; main: the speech."""

    kind: str
    who: str | None
    what: str | None
    clause: str | None
    main: bool


def _item(kind: str, who: str | None = None, what: str | None = None,
          clause: str | None = None, main: bool = False) -> AgendaEntry:
    return {"kind": kind, "who": who, "what": what, "clause": clause, "main": main}


def derive_agenda(ctx: Node, meta: dict[str, str], speaker_ref: str) -> list[AgendaEntry]:
    """The agenda as the outline implies it, when the writer gave none."""
    mt = ctx["meeting"]
    items: list[AgendaEntry] = []
    for heard in [] if meta.get("host_heard") == "略" else mt["heard"]:
        m = _PAST.match(heard)
        who = m["who"] if m and m["who"] not in _NOBODY else None
        if m and m["verb"] in ("通报", "传达"):
            items.append(_item(m["verb"], who, m["what"]))
        elif m and m["verb"] == "宣读":
            items.append(_item("宣读文件", who, m["what"]))
        else:
            items.append(_item("通报", None, None, heard.replace("了", "", 1)))
    adopted = "、".join(mt["adopted"]) if mt["adopted"] else ""
    if adopted:
        if meta.get("host_adopted") == "表决":  # deliberated in the groups; the plenary votes
            items.append(_item("表决", None, adopted))
        else:
            items.append(_item("宣读文件", None, adopted))
    if mt["honoured"]:  # the awards follow the reading of the decision, before any speech
        read = next((n for n, i in enumerate(items)
                     if i["kind"] == "宣读文件" and "表彰" in (i["what"] or "")), None)
        if read is None:
            items.append(_item("宣读文件", None, "表彰决定"))
            read = len(items) - 1
        items.insert(read + 1, _item("颁奖", None, mt["honoured"]))
    if mt["speakers"]:
        kind = meta.get("host_speakers") or "交流发言"
        who = "、".join(mt["speakers"])
        items.append(_item(kind, who))
    items.append(_item(main_speech_kind(meta), speaker_ref, main=True))
    return items


def main_speech_kind(meta: dict[str, str]) -> str:
    """What the speech is, as the host introduces it: 讲话, 致辞 at a ceremony, or what the
    type's header says (an appointee's 表态发言)."""
    return meta.get("host_speech") or ("致辞" if meta.get("host") == "仪式" else "讲话")


def _given_agenda(ctx: Node, meta: dict[str, str], speaker_ref: str) -> list[AgendaEntry]:
    items = [_item(n["kind"], n["who"], n["what"]) for n in ctx["meeting"]["agenda"]]
    speeches = [i for i in items if i["kind"] in ("讲话", "致辞")]
    if not speeches:  # the speech this outline is for is always on the agenda, last
        speeches = [_item(main_speech_kind(meta), speaker_ref)]
        items.append(speeches[0])
    for item in speeches:
        item["who"] = item["who"] or speaker_ref
    if speeches:  # the last speech is the leader's: it gets the applause and the summing-up
        speeches[-1]["main"] = True
    return items


def _check_host(loaded: LoadedOutline) -> None:
    host = loaded.outline.meeting.host
    if host and not host.startswith("〔"):
        title, name = split_person(host)
        if not name:
            line, column = loaded.where("meeting.host")
            raise OutlineError(problems=[Problem(
                f"主持人“{host}”只写了职务，没有写姓名", file=loaded.source,
                line=line, column=column, path="meeting.host",
                hint="职务和姓名之间空一格，如“市委副书记、市长 王某某”；姓名未定时写“〔待补〕”")])


def render_host(loaded: LoadedOutline, *, extra_template_dirs: list[Path] | None = None,
                speech: RenderResult | None = None) -> RenderResult:
    """The host's script for the outline's meeting, as a Document; ``speech``: the outline's speech,
    when the caller has rendered it already (with the same template folders)."""
    from .document import MarkupError, parse_markup
    from .errors import TemplateError

    _check_host(loaded)
    if speech is None:
        speech = render_outline(loaded, extra_template_dirs=extra_template_dirs)
    dirs = template_dirs(extra_template_dirs)
    builder = ContextBuilder(loaded)
    ctx = builder.build()
    meta = speech.template.meta
    speaker_ref = person_ref(ctx["speaker"]) or builder.markers.add("speaker", "讲话人")
    items = (_given_agenda(ctx, meta, speaker_ref) if ctx["meeting"]["agenda"]
             else derive_agenda(ctx, meta, speaker_ref))
    _, speaker_name = split_person(ctx["speaker"])
    host = {
        "items": items,
        "speaker_ref": speaker_ref,
        "speaker_short": f"{speaker_name}同志" if speaker_name else speaker_ref,
        "directives": [short_heading(heading) for heading in directive_headings(speech.document)],
        "register": meta.get("host", "会议"),
        "speech_kind": main_speech_kind(meta),
        "verb": meta.get("host_verb", "召开"),
        "after": meta.get("host_after") != "略",
        "close": meta.get("host_close", "散会"),
        "event": meta.get("host_event", ""),
        "salutation": next((b.text for b in speech.document.blocks if b.kind == "salutation"),
                           "同志们："),
    }
    register = host["register"] if host["register"] in HOST_TEMPLATES else "会议"
    env = make_environment(dirs)
    markup = run_template(env, HOST_TEMPLATES[register],
                          {"o": ctx, "h": host, "todo": builder.markers.add})
    try:
        document = parse_markup(markup)
    except MarkupError as exc:
        raise TemplateError(f"主持词模板输出的第 {exc.line_number} 行不是块标记："
                            f"{exc.line.strip()[:40]}") from None
    return RenderResult(document=document, markers=open_in(document, builder.markers, loaded),
                        template=speech.template,
                        speaker=split_person(ctx["meeting"]["host"])[1] or None)


def render_host_file(path: Path | str, *, extra_template_dirs: list[Path] | None = None) -> RenderResult:
    return render_host(load_outline(path), extra_template_dirs=extra_template_dirs)
