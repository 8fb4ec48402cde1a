"""The parts of a speech, once: id, Chinese names and order (speech-genre.md).

Templates mark them (``@part review``), the outline and renderer use the ids, the miner labels a
speech's paragraphs with them and reports them, the phrase library files its phrases by them.
Light on purpose: the render path imports it.
"""

from __future__ import annotations

from typing import NamedTuple


class Part(NamedTuple):  # NamedTuple: created at every start, a fifth of a frozen dataclass's cost
    id: str  # the outline's and the templates' key (@part review)
    label: str  # what a template's structure shows (drafter templates): 回顾成绩
    short: str = ""  # what the miner's report shows: 回顾; "" when the miner does not find it
    mined: str = ""  # the miner's paragraph label and the phrase library's key: review, directive
    phrase_name: str = ""  # the phrase library's name when it differs from ``short`` (过渡)
    phrase_rank: int = 0  # place in the phrase library's listing; 0: no phrases of this part


# In speech order.
PARTS: tuple[Part, ...] = (
    Part("title", "标题", "标题", "title"),
    Part("salutation", "称呼", "称呼", "salutation"),
    Part("opening", "开场", "开场", "opening", phrase_rank=1),
    Part("review", "回顾成绩", "回顾", "review", phrase_rank=2),
    Part("problems", "指出问题", "问题", "problems", phrase_rank=3),
    Part("pivot", "转折"),
    Part("transition", "过渡句", "过渡句", "transition", phrase_name="过渡", phrase_rank=4),
    Part("directives", "几点意见", "意见", "directive", phrase_rank=5),
    Part("implementation", "抓落实"),
    Part("reminders", "节令提醒", "提醒", "reminder", phrase_rank=7),
    Part("closing", "结尾号召", "结尾", "closing", phrase_rank=6),
)

# A template's parts: id → label, and their order.
PART_LABELS: dict[str, str] = {p.id: p.label for p in PARTS}
PART_ORDER: list[str] = [p.id for p in PARTS]
# The parts the miner reports: id → short name.
MINED_LABELS: dict[str, str] = {p.id: p.short for p in PARTS if p.mined}
# The phrase library's parts: key → name, in its listing order.
PHRASE_PARTS: dict[str, str] = {
    p.mined: p.phrase_name or p.short for p in sorted(PARTS, key=lambda p: p.phrase_rank) if p.phrase_rank}
