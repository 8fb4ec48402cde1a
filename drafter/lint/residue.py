"""Residue of an old speech (D114): places, units, people, meetings and years that are not this
speech's own: what a copied speech keeps."""

from __future__ import annotations

from typing import Any

from ..lazyre import compiled
from ..textnorm import HANZI
from .registry import Context, Paragraph, Speech


def check(speech: Speech, ctx: Context) -> None:  # D114
    check_residue(speech.paras, ctx, own=speech.own, year=speech.year, meeting=speech.meeting)


_PLACE = compiled(rf"[{HANZI}]{{2,8}}?(?:开发区|高新区|新区|经开区|自治州|省|市|县|区|镇|乡)")
_GENERIC = compiled(r"^(全|我|本|各|该|外|城|市|县|区|镇|乡|省|社|小|地|街|片|园|景|城|辖|两|周边|县区|市县|省市|乡镇|市区|县市|城区|全省|全国|"
                      r"市县乡|省市县|各县|各市|各区|各乡镇|先发地区|发达地区|欠发达地区)")


def check_residue(paras: list[Paragraph], ctx: Context, *, own: set[str], year: int | None,
                  meeting: str | None) -> None:
    """Names of places and meetings that are not this speech's own: what a copied speech keeps."""
    if not own and year is None and not meeting:
        return
    reported: set[str] = set()
    tagger = None
    if own:
        from ..corpus.tokenizer import default_tokenizer

        tagger = default_tokenizer()
    for para in paras:
        if tagger is not None:
            _tagged_residue(para, tagger, own, reported, ctx)
        if own:
            _place_residue(para, own, reported, ctx)
        if meeting:
            _meeting_residue(para, meeting, ctx)
        if year:
            _year_residue(para, year, ctx)


def _place_residue(para: Paragraph, own: set[str], reported: set[str], ctx: Context) -> None:
    for m in _PLACE.finditer(para.text):
        name = m.group(0)
        if _GENERIC.match(name) or len(name) < 3 or name in reported or _SCOPE_END.search(name):
            continue  # 在全县, 动员全县: a scope word, judged by D120
        if any(name in o or o in name or name[:2] == o[:2] for o in own):
            continue
        reported.add(name)
        ctx.add("D114", para, f"“{name}”不在本讲话声明的地名、单位中，可能是旧稿残留",
                column=m.start() + 1, fix="核对是否应改为本地名称；是本地的就加到 lint.names")


_SESSION = compiled(r"([一二三四五六七八九十]+)届([一二三四五六七八九十]+)次")


def _meeting_residue(para: Paragraph, meeting: str, ctx: Context) -> None:
    declared = _SESSION.search(meeting)
    for m in _SESSION.finditer(para.text):
        if declared and m.group(0) != declared.group(0):
            ctx.add("D114", para, f"“{m.group(0)}”与本次会议（{declared.group(0)}）不符，可能是旧稿残留",
                    column=m.start() + 1, fix=f"改为“{declared.group(0)}”")


_DATED_MEETING = compiled(r"((?:19|20)\d\d)年(?:度)?[^，。；]{0,12}?(?:工作会议|全会|会议|大会|工作会)")


def _year_residue(para: Paragraph, year: int, ctx: Context) -> None:
    for m in _DATED_MEETING.finditer(para.text):
        if int(m.group(1)) < year - 1:
            ctx.add("D114", para, f"“{m.group(0)}”比讲话日期早了 {year - int(m.group(1))} 年，可能是旧稿残留",
                    column=m.start() + 1, fix="核对年份")


_SCOPE_END = compiled(r"全[省市州县区镇乡]$")
_JOINED = compiled(r"^[和与及同跟向在对][省市县区镇乡]$")  # 甲镇和县应急管理局: not 和县
_TITLE_AFTER = compiled(r"^(?:同志|书记|副书记|市长|副市长|县长|副县长|区长|主任|局长|部长|主席|省长)")
_LEVELS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡")


def _tagged_residue(para: Paragraph, tagger: Any, own: set[str], reported: set[str],
                    ctx: Context) -> None:
    """Part-of-speech tags name what regex cannot: places (ns) and organisations (nt) that
    are not this speech's, and people (nr) named with a title (王建国同志, 李书记)."""
    words = tagger.tag(para.text)
    position = 0
    for k, (word, tag) in enumerate(words):
        start = position
        position += len(word)
        if len(word) < 2 or word in reported or _GENERIC.match(word) or _JOINED.match(word):
            continue
        if any(word in o or o in word or word[:2] == o[:2] for o in own):
            continue
        following = "".join(w for w, _ in words[k + 1:k + 3])
        if tag == "nr" and _TITLE_AFTER.match(following):
            kind = "人名"
        elif tag in ("ns", "nt") and (word.endswith(_LEVELS) or tag == "nt"):
            kind = "地名" if tag == "ns" else "单位"
        else:
            continue
        reported.add(word)
        ctx.add("D114", para, f"{kind}“{word}”不在本讲话声明的名称中，可能是旧稿残留", column=start + 1,
                fix="核对是否应改为本地的名称；是本地的就加到 lint.names（或 --name）")


