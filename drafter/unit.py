"""The unit speaking: level, name, leadership, scope word, people and branches.

One table (LEVELS) holds the words each level uses; `resolve_unit` fills what the outline
leaves out, inferring the level from the meeting name, speaker, title and organizer. The
render path imports this module, so it stays plain Python (no pydantic, no jieba).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import NamedTuple

from .lazyre import compiled
from .textnorm import HANZI

FIELDS = ("level", "name", "leadership", "scope", "people", "branches")


class LevelWords(NamedTuple):  # NamedTuple: created at every start, a fifth of a frozen dataclass's cost
    """Defaults for one level. ``self_word`` names the unit in running text (本县, 本校)."""

    leadership: str
    scope: str
    people: str
    branches: str
    self_word: str
    cadres: str = "广大干部群众"


# One table, one place: every level word a template may need.
LEVELS: dict[str, LevelWords] = {
    "省": LevelWords("省委、省政府", "全省", "全省人民", "各级各部门", "本省"),
    "市": LevelWords("市委、市政府", "全市", "全市人民", "各级各部门", "本市"),
    "县": LevelWords("县委、县政府", "全县", "全县人民", "各级各部门", "本县"),
    "区": LevelWords("区委、区政府", "全区", "全区人民", "各级各部门", "本区"),
    "乡镇": LevelWords("镇党委、镇政府", "全镇", "全镇群众", "各村、各站所", "本镇"),
    "街道": LevelWords("街道党工委、办事处", "全街道", "辖区居民群众", "各社区、各科室", "本街道"),
    "部门": LevelWords("局党组", "全系统", "全系统广大干部职工", "各科室、各直属单位", "本系统", "广大干部职工"),
    "学校": LevelWords("校党委", "全校", "全体师生", "各院系、各部门", "本校", "全体教职员工"),
    "企业": LevelWords("公司党委", "全公司", "广大干部职工", "各部门、各子公司", "本公司", "广大干部职工"),
    "单位": LevelWords("单位党委", "全单位", "全体干部职工", "各部门", "本单位", "广大干部职工"),
}

# What a writer may type for the level.
LEVEL_ALIASES: dict[str, str] = {
    **{k: k for k in LEVELS},
    "省级": "省", "市级": "市", "州": "市", "盟": "市", "县级": "县", "县区": "县", "旗": "县",
    "区县": "区", "乡": "乡镇", "镇": "乡镇", "街道办": "街道", "社区": "街道",
    "局": "部门", "委": "部门", "机关": "部门", "系统": "部门",
    "校": "学校", "高校": "学校", "大学": "学校", "中学": "学校", "小学": "学校",
    "公司": "企业", "集团": "企业", "国企": "企业",
}

# Scope words that name a level (全县 → 县). Longest first.
SCOPE_LEVEL: dict[str, str] = {
    "全街道": "街道", "全公司": "企业", "全集团": "企业", "全系统": "部门", "全行业": "部门",
    "全学院": "学校", "全单位": "单位", "全省": "省", "全市": "市", "全州": "市", "全县": "县",
    "全区": "区", "全镇": "乡镇", "全乡": "乡镇", "全校": "学校", "全局": "部门",
}
_SCOPE = compiled("|".join(sorted(SCOPE_LEVEL, key=len, reverse=True)))

# Speaker titles (县委书记 王某某). Order matters: the first match wins.
_TITLE_RULES: list[tuple[str, str]] = [
    (r"街道党工委|街道办事处|街道办", "街道"),
    (r"镇党委|乡党委|镇长|乡长|镇人大", "乡镇"),
    (r"校长|校党委|学院|大学|中学|小学|学校", "学校"),
    (r"董事长|总经理|公司|集团|总裁", "企业"),
    (r"局长|局党组|厅长|厅党组|委员会主任|党组书记", "部门"),
    (r"省委|省长|省政府|省人大|省政协", "省"),
    (r"市委|市长|市政府|市人大|市政协|州委|州长", "市"),
    (r"县委|县长|县政府|县人大|县政协|旗委|旗长", "县"),
    (r"区委|区长|区政府|区人大|区政协", "区"),
]

# A unit's own name at the start of a text (云川县2026年…, 中共云川县委…): an institution
# (school, company, department) first, else the place.
@cache
def _unit_name() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An institution (school, company, department) first, else the place; compiled on first
    use (a class over the CJK block costs a millisecond at every start)."""
    return (compiled(rf"^(?:中共)?([{HANZI}]{{2,16}}?(?:大学|学院|中学|小学|学校|集团有限公司|有限公司|集团|公司|"
                       r"局|委员会))(?!长)"),
            compiled(rf"^(?:中共)?([{HANZI}]{{2,10}}?(?:街道|镇|乡|县|区|市|省|州))"))


def _name_at_start(text: str) -> str | None:
    text = re.sub(r"^在", "", text.strip())
    institution, place = _unit_name()
    m = institution.match(text) or place.match(text)
    return m.group(1) if m and not m.group(1).startswith("全") else None


_LEVEL_OF_NAME: list[tuple[str, str]] = [
    (r"(大学|学院|中学|小学|学校)$", "学校"),
    (r"(公司|集团)$", "企业"), (r"(局|委员会)$", "部门"),
    (r"街道$", "街道"), (r"[镇乡]$", "乡镇"), (r"区$", "区"), (r"县$", "县"),
    (r"[市州]$", "市"), (r"省$", "省"),
]


def _part(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def _texts(data: Mapping[str, object]) -> list[str]:
    meeting = _part(data, "meeting")
    raw = [meeting.get("name"), data.get("title"), data.get("speaker"), meeting.get("post"),
           meeting.get("organizer")]
    return [str(t) for t in raw if isinstance(t, str) and t.strip()]


def infer_level(data: Mapping[str, object]) -> str | None:
    """The level an outline speaks at, read from its meeting name, title, speaker, organizer."""
    texts = _texts(data)
    meeting = _part(data, "meeting")
    # 1. a scope word in the meeting name or title: 全县…大会
    for text in (meeting.get("name"), data.get("title")):
        if isinstance(text, str):
            m = _SCOPE.search(text)
            if m:
                return SCOPE_LEVEL[m.group(0)]
    # 2. the speaker's title, the post taken up (任职讲话), then the organizer
    for text in (data.get("speaker"), meeting.get("post"), meeting.get("organizer")):
        if isinstance(text, str):
            for pattern, level in _TITLE_RULES:
                if re.search(pattern, text):
                    return level
    # 3. a unit name opening any of the texts (云川县…)
    for text in texts:
        name = _name_at_start(text)
        found = level_of_name(name) if name else None
        if found:
            return found
    return None


def level_of_name(name: str) -> str | None:
    for pattern, level in _LEVEL_OF_NAME:
        if re.search(pattern, name):
            return level
    return None


def infer_name(data: Mapping[str, object], level: str) -> str | None:
    """云川县 from 云川县2026年…大会 or 中共云川县委; None when no text names the unit."""
    meeting = _part(data, "meeting")
    for text in (meeting.get("name"), data.get("title"), meeting.get("post"), meeting.get("organizer"),
                 data.get("speaker")):
        if not isinstance(text, str):
            continue
        name = _name_at_start(text)
        if name and level_of_name(name) == level:
            return name
    return None


def _adapt(words: LevelWords, level: str, name: str | None) -> LevelWords:
    """Fit the defaults to the name: a 乡 says 全乡, a 集团 says 全集团, a 局 keeps 局党组."""
    if not name:
        return words
    if level == "乡镇" and name.endswith("乡"):
        return LevelWords("乡党委、乡政府", "全乡", "全乡群众", words.branches, "本乡")
    if level == "企业" and "集团" in name:
        return LevelWords("集团党委", "全集团", words.people, "各部门、各子公司", "本集团",
                          words.cadres)
    if level == "学校" and re.search(r"(中学|小学|学校)$", name):
        return LevelWords("学校党委", "全校", words.people, "各年级、各处室", "本校", words.cadres)
    if level == "部门" and name.endswith("委员会"):
        return LevelWords("委党组", words.scope, words.people, words.branches, words.self_word,
                          words.cadres)
    return words


def normalize_level(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return LEVEL_ALIASES.get(value.strip())


def resolve_unit(data: Mapping[str, object]) -> dict[str, str]:
    """Every unit field as a non-empty string: explicit values win, then inference, then
    the level's defaults. A city (市) is assumed when nothing tells the level."""
    given = {k: v.strip() for k, v in _part(data, "unit").items() if isinstance(v, str) and v.strip()}
    level = normalize_level(given.get("level"))
    if level is None and given.get("name"):
        level = level_of_name(given["name"])
    if level is None and given.get("scope"):
        level = SCOPE_LEVEL.get(given["scope"])
    if level is None:
        level = infer_level(data) or "市"
    name = given.get("name") or infer_name(data, level)
    words = _adapt(LEVELS[level], level, name)
    return {
        "level": level,
        "name": name or words.self_word,
        "leadership": given.get("leadership") or words.leadership,
        "scope": given.get("scope") or words.scope,
        "people": given.get("people") or words.people,
        "branches": given.get("branches") or words.branches,
        "party": (given.get("leadership") or words.leadership).split("、")[0],
        "self": words.self_word,
        "cadres": words.cadres,
    }


def scope_words(level: str) -> set[str]:
    """The scope words that belong to a level (全县 for 县; 全镇 and 全乡 for 乡镇)."""
    return {word for word, lv in SCOPE_LEVEL.items() if lv == level}
