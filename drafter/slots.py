"""Names for an open slot inside a sentence (引进博士及以上人才〔待补〕人 → 人数).

An inline placeholder is labelled by what it stands for, judged from the word after it (a
measure word or unit) or before it (第 …), never by the field that contains it. When nothing
tells, the marker stays generic: 〔待补〕.
"""

from __future__ import annotations

from .lazyre import compiled

_AFTER = [
    (compiled(r"^(?:万人|人次|人|名|位)"), "人数"),
    (compiled(r"^(?:亿元|万元|千元|元)"), "金额"),
    (compiled(r"^[%％]|^个百分点"), "比例"),
    (compiled(r"^年(?!代)"), "年份"),
    (compiled(r"^月"), "月份"),
    (compiled(r"^[日号]"), "日期"),
    (compiled(r"^(?:个|项|家|所|座|条|次|件|批|户|村|亩|吨|公里|平方米|台|套|场|期)"), "数量"),
]


def slot_name(before: str, after: str) -> str | None:
    if before.endswith("第"):
        return "序号"
    for pattern, name in _AFTER:
        if pattern.match(after):
            return name
    return None
