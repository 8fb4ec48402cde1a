"""The preview, exactly as a 40-column terminal shows it: CJK characters take two cells, so
centring, wrapping and the statistics panel's borders must count cells, not characters."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from drafter.document import parse_markup
from drafter.preview import build_preview
from drafter.stats import compute_stats

MARKUP = """\
@part head
@title 在全县安全生产工作会议上的讲话
@meta 县长 王某某
@meta （2026年12月1日）
@part opening
@salutation 同志们：
@p 今天召开会议，主要任务是部署今冬明春安全生产工作
@part directives
@h 1 一、 压实责任
@hr 2 （一） 抓好隐患排查
@p 各乡镇要逐项建立台账，〔待补：整改时限〕前完成整改
@np 一是 加强值班值守
@part closing
@closing 同志们，让我们共同努力
"""

EXPECTED = (
    "     在全县安全生产工作会议上的讲话     ",
    "              县长　王某某              ",
    "           （2026年12月1日）            ",
    "",
    "同志们：",
    "　　今天召开会议，主要任务是部署今冬明春",
    "安全生产工作。",
    "　　一、压实责任",
    "　　（一）抓好隐患排查。各乡镇要逐项建立",
    "台账，〔待补：整改时限〕前完成整改。",
    "　　一是加强值班值守。",
    "　　同志们，让我们共同努力。",
    "",
    "╭─────────────── 统计 ────────────────╮",
    "│ 字数      121                       │",
    "│ 讲话时长  不到1分钟（按200字/分钟） │",
    "│ 意见      1点，下设要点1个          │",
    "│ 待补      1处                       │",
    "│ 各点篇幅  一51字                    │",
    "╰─────────────────────────────────────╯",
)


def test_the_preview_text_at_40_columns() -> None:
    document = parse_markup(MARKUP)
    buffer = StringIO()
    Console(file=buffer, width=40).print(build_preview(document, compute_stats(document, rate=200)))
    assert buffer.getvalue() == "\n".join(EXPECTED) + "\n"
