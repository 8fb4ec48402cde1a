"""The metamorphic check (benchmarks/perturb_miner.py) on speeches written for the test: every
writer-realistic change (wraps, page shells, date and source lines, Word lists, PDFs, spaced
titles, half-width punctuation …) leaves the mined skeleton as the unchanged text gives it."""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus" / "archives"))

from benchmarks.perturb_miner import PERTURBATIONS, skeleton_hits  # noqa: E402
from drafter.corpus.mine import mine_bytes  # noqa: E402

SPEECHES = {
    "numbered": [
        "在全县2027年重点项目建设推进会上的讲话",
        "同志们：",
        "今天召开全县重点项目建设推进会，主要任务是总结前段工作，分析当前形势，部署下一阶段任务。"
        "刚才，各乡镇和县直有关部门作了交流发言，讲得都很好。下面，我讲三点意见。",
        "一、坚定信心，切实增强抓项目促发展的紧迫感",
        "今年是“十五五”规划承上启下的关键一年，项目建设任务重、要求高。全县上下要把思想统一到县委的部署上来，"
        "把心思集中到抓项目上来，以项目建设的新成效推动高质量发展。",
        "二、突出重点，全力推动项目早开工早见效",
        "要盯住年度目标，逐个项目排出时间表、路线图，确保按期开工、按期投产。对进展滞后的项目，要逐一分析原因，"
        "拿出过硬措施，限期赶上进度。",
        "三、压实责任，营造全力抓项目的浓厚氛围",
        "各级领导干部要带头包抓重点项目，深入一线解决问题。县直各部门要主动靠前服务，提高审批效率，"
        "切实为项目建设创造良好环境。",
        "同志们，任务已经明确，关键在于落实。让我们以更加务实的作风，奋力完成全年各项目标任务！",
    ],
    "no transition": [
        "在全镇冬季征兵工作会议上的讲话",
        "各位领导、同志们：",
        "冬季征兵工作即将开始，镇党委、镇政府决定召开这次会议，对今年的征兵工作进行安排部署。征兵工作是国防建设的一项基础性工作，"
        "各村要高度重视，精心组织，确保圆满完成今年的征兵任务。",
        "今年征兵工作时间紧、任务重，各村要抓好宣传发动，把征兵政策讲清楚，激发适龄青年的参军热情。",
        "希望大家以对党和人民高度负责的态度，认真做好征兵工作，为国防和军队建设作出新的贡献！",
    ],
    "cut after its first point": [
        "在县政协第十一届委员会第五次会议闭幕会上的讲话",
        "各位委员、",
        "同志们：",
        "县政协第十一届委员会第五次会议，在县委的坚强领导下，经过全体委员的共同努力，圆满完成了各项议程，即将胜利闭幕。"
        "我先讲几点意见",
        "。",
        "一、提高站位，切实增强履职尽责的使命感",
        "今年是“十五五”开局之年，做好政协工作意义重大，大家对此要有清醒的认识。",
        "第一，从全县发展的大局看。全县上下正在奋力推进高质量发展，各项任务十分繁重，需要广大政协委员凝心聚力、建言献策。",
        "第二，从委员自身的职责看。政协委员肩负着人民的重托，要在其位、谋其政、尽其责，",
    ],
}
GOLD = {
    "numbered": {"salutation": "同志们", "transition": {"count": 3}, "closing_start": "同志们，任务已经明确",
                 "top_headings": ["坚定信心，切实增强抓项目促发展的紧迫感", "突出重点，全力推动项目早开工早见效",
                                  "压实责任，营造全力抓项目的浓厚氛围"], "title": SPEECHES["numbered"][0]},
    "cut after its first point": {"salutation": "各位委员、同志们", "transition": {"count": None}, "closing_start": None,
                                  "top_headings": ["提高站位，切实增强履职尽责的使命感"],
                                  "title": SPEECHES["cut after its first point"][0]},
    "no transition": {"salutation": "各位领导、同志们", "transition": None, "closing_start": "希望大家",
                      "top_headings": [], "title": SPEECHES["no transition"][0]},
}


@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
@pytest.mark.parametrize("speech", sorted(SPEECHES))
def test_a_writer_realistic_change_keeps_the_skeleton(speech: str, name: str) -> None:
    lines, gold = SPEECHES[speech], GOLD[speech]
    plain = mine_bytes(("\n".join(lines) + "\n").encode("utf-8"), "s.txt").speeches
    assert len(plain) == 1 and all(skeleton_hits(gold, plain[0]).values())
    ext, make = PERTURBATIONS[name]
    data = make(lines, gold) if name == "stray_space" else make(lines)
    changed = mine_bytes(data, "s" + ext).speeches
    assert len(changed) == 1
    assert skeleton_hits(gold, changed[0]) == {"salutation": True, "count": True, "headings": True, "closing": True}
    assert changed[0].skeleton() == plain[0].skeleton()
