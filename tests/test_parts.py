"""One table of speech parts (drafter/parts.py): templates, miner, report and phrase library
read their ids, names and order from it."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.corpus.mine import mine_text
from drafter.corpus.report import PART_LABELS as REPORT_LABELS
from drafter.parts import MINED_LABELS, PART_LABELS, PART_ORDER, PARTS, PHRASE_PARTS
from drafter.phrasebook import PARTS as PHRASEBOOK_PARTS
from drafter.templating import PART_LABELS as TEMPLATE_LABELS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_one_table_feeds_every_consumer() -> None:
    assert TEMPLATE_LABELS is PART_LABELS
    assert REPORT_LABELS is MINED_LABELS
    assert PHRASEBOOK_PARTS is PHRASE_PARTS
    assert [p.id for p in PARTS] == PART_ORDER
    assert len(set(PART_ORDER)) == len(PART_ORDER)
    assert all(p.label and not p.label.isascii() for p in PARTS)


def test_the_names_users_see() -> None:
    assert " → ".join(PART_LABELS[p] for p in ("opening", "review", "directives", "closing")) == \
        "开场 → 回顾成绩 → 几点意见 → 结尾号召"
    assert list(MINED_LABELS.values()) == ["标题", "称呼", "开场", "回顾", "问题", "过渡句", "意见", "提醒", "结尾"]
    assert list(PHRASE_PARTS.items()) == [
        ("opening", "开场"), ("review", "回顾"), ("problems", "问题"), ("transition", "过渡"),
        ("directive", "意见"), ("closing", "结尾"), ("reminder", "提醒")]


def test_every_part_a_shipped_template_marks_is_in_the_table() -> None:
    marked = {m for path in TEMPLATES.glob("*.j2")
              for m in re.findall(r"@part (\w+)", path.read_text(encoding="utf-8"))}
    assert marked and marked <= set(PART_ORDER)


def test_the_miner_labels_paragraphs_with_the_tables_keys() -> None:
    text = ("同志们：\n今天召开全县安全生产工作会议。\n一年来，全县安全生产形势总体平稳。\n"
            "下面，我讲三点意见。\n一、压实责任。各级要守土有责。\n二、排查隐患。要全覆盖。\n"
            "三、强化应急。要备足物资。\n同志们，让我们共同努力，确保全县安全生产形势持续稳定！\n")
    speech = mine_text(text, "t.txt").speeches[0]
    roots = {part.split(":")[0] for part, _ in speech.labels}
    assert roots - {"other", "meta"} <= {p.mined for p in PARTS if p.mined}
    assert {"salutation", "opening", "transition", "directive", "closing"} <= roots
