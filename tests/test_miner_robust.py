"""Kinds of failure the metamorphic check (benchmarks/perturb_miner.py) found: writer-realistic
changes to a speech that must not change what is mined. Every text here is written for the test."""

from __future__ import annotations

import pytest

from drafter.corpus.layout import wrap_width
from drafter.corpus.mine import mine_bytes


def _mine(text: str, name: str = "s.txt") -> list:  # type: ignore[type-arg]
    return mine_bytes(text.encode("utf-8"), name).speeches


_BODY = ("金秋时节，硕果满枝。在这收获的季节里，我们迎来了中秋佳节和国庆佳节。值此双节来临之际，我谨代表单位领导班子，"
         "向全体职工和家属致以节日的问候！")
_MORE = ("一年来，全体职工立足岗位、无私奉献，各项工作取得了新的成绩。这些成绩凝聚着大家的智慧和汗水，"
         "体现了大家对事业的热爱和担当。")


@pytest.mark.parametrize("salutation", ["亲爱的全体职工及家属朋友们 :", "各位职工、亲爱的家属朋友们 ："])
def test_head_lines_that_share_a_length_are_no_hard_wrap(salutation: str) -> None:
    """A crumb, a title, a date line, a speaker line and the salutation of about one length above
    long paragraphs: nothing was wrapped, nothing is joined."""
    lines = ["当前位置：首页 > 职工之家文化", "在迎中秋庆国庆职工座谈会上的致辞", "发布日期：2026年9月28日上午",
             "单位党委书记、主任 王某某同志", salutation, _BODY, _MORE, _MORE.replace("一年来", "这一年")]
    assert sum(15 <= len(line) <= 16 for line in lines) >= 4
    assert wrap_width(lines) is None
    speeches = _mine("\n".join(lines))
    assert len(speeches) == 1
    assert speeches[0].salutation == salutation.rstrip(" :：").replace(" ", "")
    # the same paragraphs wrapped at 24 characters are joined again
    wrapped = [line[i:i + 24] for line in lines[4:] for i in range(0, len(line), 24)]
    assert wrap_width(wrapped) == 24


@pytest.mark.parametrize("mark", [" :", " ："])
def test_a_forum_jammer_run_after_a_spaced_colon_keeps_the_salutation(mark: str) -> None:
    text = ("在年度表彰会上的讲话\n同志们" + mark + " $ |2 R9 ~* D' K8 ?! f% R# c4 p 很高兴参加今天的表彰会，"
            "向受表彰的先进集体和个人表示祝贺！" + _MORE + "\n" + _MORE)
    speeches = _mine(text)
    assert len(speeches) == 1
    assert speeches[0].salutation == "同志们"
    assert "R9" not in "".join(p for _, p in speeches[0].labels)


_NO_SALUTATION = [
    "在全县重点项目建设推进会上的讲话",
    "刚才，各乡镇、各部门汇报了今年重点项目的推进情况，讲得都很实在。总的看，全县项目建设势头良好，但也存在开工率不高、"
    "要素保障不足等问题，必须引起我们高度重视。下面，我讲三点意见。",
    "一、坚定信心，切实增强抓项目的紧迫感",
    "项目是发展的生命线。我们要把抓项目作为推动高质量发展的总抓手，以项目建设的新成效检验干部作风。",
    "二、突出重点，全力推动项目早开工早见效",
    "要盯住年度目标，逐个项目排出时间表、路线图，确保按期开工、按期投产。",
    "三、压实责任，营造全力抓项目的浓厚氛围",
    "各级各部门要把责任扛在肩上，领导干部要带头包抓重点项目，一线解决问题。",
]


@pytest.mark.parametrize("page_lines", [
    ["2026-11-20 09:30  来源：某某县融媒体中心"],  # the noise table's info bar
    ["来源：某某县人民政府  作者：某某"],
    ["2026-11-20 09:30 某某县融媒体中心"],  # no label the table knows: the head reads past it
    ["2026年11月20日", "县政府办公室 发布"],
])
def test_page_lines_above_the_title_of_a_speech_without_salutation(page_lines: list[str]) -> None:
    plain = _mine("\n".join(_NO_SALUTATION))
    speeches = _mine("\n".join([*page_lines, *_NO_SALUTATION]))
    assert len(plain) == len(speeches) == 1
    assert speeches[0].title == "在全县重点项目建设推进会上的讲话"
    assert speeches[0].skeleton() == plain[0].skeleton()
    assert len(speeches[0].directives) == 3


def _wrap(paragraphs: list[str], width: int) -> str:
    return "\n".join(p[i:i + width] for p in paragraphs for i in range(0, len(p), width))


_BLURB = "这是一篇关于冬季安全生产工作的讲话稿，供各单位在部署工作时学习参考使用，请结合本地实际情况认真抓好贯彻落实工作。"


@pytest.mark.parametrize("salutation_line", ["同志们：", "在全县冬季安全生产工作会议上的讲话【篇一】 同志们："])
def test_a_sentence_ending_at_the_margin_does_not_swallow_the_salutation(salutation_line: str) -> None:
    """Hard-wrapped, a paragraph whose last sentence ends exactly at the margin looks as if it
    ran on; a salutation line after it opens a paragraph all the same."""
    assert len(_BLURB) % 28 == 0
    body = [_BLURB, salutation_line, *_NO_SALUTATION[1:]]
    speeches = _mine(_wrap(body, 28))
    assert len(speeches) == 1
    assert speeches[0].salutation == "同志们"
    assert len(speeches[0].directives) == 3


@pytest.mark.parametrize("width", [28, 30])
def test_a_title_near_the_margin_is_not_run_into_the_first_heading(width: int) -> None:
    title = "第一篇：在全县冬季安全生产工作推进会议上的讲话（摘要）" + "稿" * (width - 28)
    assert len(title) == width - 1  # the title reaches the margin
    body = [title, *(p for p in _NO_SALUTATION[2:])]
    speeches = _mine(_wrap(body, width))
    assert len(speeches) == 1
    assert [u.heading[:4] for u in speeches[0].directives] == ["坚定信心", "突出重点", "压实责任"]


def test_a_space_of_the_source_at_a_wrapped_line_start_is_no_indent() -> None:
    para = ("要盯住年度目标，逐个项目排出时间表、路线图，确保按期开工" + " 按期投产，各级各部门要把责任扛在肩上，"
            "领导干部要带头包抓重点项目， 一线解决问题，确保全年目标任务圆满完成。")
    assert para[28] == " "
    lines = _wrap([_NO_SALUTATION[0], *_NO_SALUTATION[1:3], para, *_NO_SALUTATION[4:]], 28).split("\n")
    assert any(line.startswith(" ") for line in lines)
    speeches = _mine("\n".join(lines))
    first = speeches[0].directives[0]
    assert len(first.body) == 1  # one paragraph, not broken at the source's space


@pytest.mark.parametrize("groups", [["各位代表、", "同志们："], ["各位委员，", "同志们："]])
def test_a_salutation_set_over_two_lines_under_a_title_at_the_margin_of_a_pdf(groups: list[str]) -> None:
    from tests.pdfmaker import WIDTH, make_pdf

    title = "在某某县第十九届人民代表大会第一次会议闭幕式上的讲话"
    assert WIDTH - 3 <= len(title) <= WIDTH  # the title's line reaches the margin
    pdf = make_pdf([title, *groups, *_NO_SALUTATION[1:]])
    speeches = mine_bytes(pdf, "s.pdf").speeches
    assert len(speeches) == 1
    assert speeches[0].title == title
    assert speeches[0].salutation == "".join(groups).rstrip("：")


@pytest.mark.parametrize("address", ["https://www.example.cn/a/2026/1120.html", "www.example.gov.cn/news/1.html"])
def test_an_address_in_a_one_line_text_takes_no_chinese_with_it(address: str) -> None:
    """A converted text on one line: the address stops at the first Chinese character, so the
    speech after it (and its closing) stays."""
    from drafter.corpus.clean import clean_text

    line = (f"在全县冬季安全生产工作会议上的讲话 来源：{address}同志们：今天召开全县冬季安全生产工作会议，"
            "主要任务是分析形势、部署工作。各级各部门要压实责任，狠抓落实，坚决守住安全底线。"
            "同志们，安全生产责任重于泰山。让我们以更加务实的作风，确保全县安全生产形势持续稳定！")
    cleaned = clean_text(line).text
    assert address[-6:] not in cleaned
    assert "让我们以更加务实的作风" in cleaned
    speeches = _mine(line)
    assert len(speeches) == 1 and speeches[0].salutation == "同志们"
    assert "让我们以更加务实的作风" in "".join(p for _, p in speeches[0].labels)


@pytest.mark.parametrize("line", ["标题：在全县冬季安全生产工作会议上的讲话", "| 题目：在全县冬季安全生产工作会议上的讲话 |",
                                  "文章标题:在全县冬季安全生产工作会议上的讲话"])
def test_a_page_label_before_the_title_goes_and_the_title_stays(line: str) -> None:
    speeches = _mine("\n".join([line, "同志们：", *_NO_SALUTATION[1:]]))
    assert len(speeches) == 1
    assert speeches[0].title == "在全县冬季安全生产工作会议上的讲话"


@pytest.mark.parametrize(("last", "kept"), [
    ("同志们，让我们以更加饱满的热情投入工作，预祝大会圆满成功！", True),
    ("预祝各项工作取得新的更大成绩！", True),
    ("出席今天会议的有县委、县政府领导班子成员，各乡镇、各部门主要负责同志。", False),
])
def test_a_host_script_keeps_a_closing_only_when_it_reads_as_one(last: str, kept: bool) -> None:
    """The host's wrap-up is missing: the last paragraph stays the closing only when it carries
    a speech's closing signal (the one table segment.closing_signalled reads) or 散会."""
    text = "\n".join([
        "在全县冬季安全生产工作会议上的主持词", "同志们：",
        "今天召开全县冬季安全生产工作会议，主要任务是部署今冬明春安全生产工作。会议有三项议程。",
        "一、请县应急管理局局长通报全县安全生产形势", "二、请各乡镇代表作表态发言", "三、请县长作重要讲话",
        "刚才，县长作了重要讲话，讲得很全面、很透彻，希望大家认真抓好落实。", last])
    speeches = _mine(text)
    assert len(speeches) == 1
    assert speeches[0].directives == []
    assert bool(speeches[0].closing) is kept


_REPORT_HEAD = "市委理论学习中心组举行专题学习会"
_REPORT_LEAD = "11月20日，市委理论学习中心组举行专题学习会，深入学习贯彻党的二十届四中全会精神。市委书记某某主持会议并讲话。"
_REPORT_POINTS = [
    "某某强调，要深刻领会全会精神，把思想和行动统一到党中央决策部署上来。",
    "一、要在学深悟透上下功夫。要原原本本学，及时跟进学，联系实际学。",
    "二、要在推动发展上见实效。要紧扣“十五五”规划目标任务，谋划推进一批重大项目。",
    "三、要在狠抓落实上求突破。各级领导干部要带头真抓实干，以钉钉子精神抓好工作落实。",
]


@pytest.mark.parametrize("shape", ["dated", "dated, no attendance line", "近期 lead", "近期 lead, no attendance line"])
def test_a_report_listing_a_leaders_numbered_points_is_no_speech(shape: str) -> None:
    """A news report that lists what a leader stressed as 一、二、三、 reads like a speech's body;
    its dateline, its 某某强调，… and its closing line of who attended give it away."""
    lead = _REPORT_LEAD if shape.startswith("dated") else _REPORT_LEAD.replace("11月20日", "近期")
    lines = [_REPORT_HEAD, lead, *_REPORT_POINTS]
    if "no attendance" not in shape:
        lines.append("市领导某某、某某等参加学习。")
    result = mine_bytes("\n".join(lines).encode("utf-8"), "news.txt")
    assert result.speeches == []
    assert any("新闻报道" in n for n in result.notes)


def test_the_same_points_spoken_to_an_audience_stay_a_speech() -> None:
    lines = ["在市委理论学习中心组专题学习会上的讲话", "同志们：",
             "今天，我们举行专题学习会，深入学习贯彻党的二十届四中全会精神。下面，我讲三点意见。",
             *_REPORT_POINTS[1:], "市领导班子成员要带头参加学习。"]
    speeches = _mine("\n".join(lines))
    assert len(speeches) == 1 and len(speeches[0].directives) == 3


_CLOSED_BODY = ["在全县重点工作推进会上的讲话", "同志们：", "今天召开这次会议，主要任务是总结工作、部署任务。下面，我讲三点意见。",
                *_NO_SALUTATION[2:]]


@pytest.mark.parametrize("closing", ["以上是我的几点意见，不妥之处请大家批评指正。", "我就讲这些，谢谢大家。",
                                     "希望大家以这次会议为新的起点，奋发进取，再创佳绩！"])
@pytest.mark.parametrize("note", [[], ["（根据录音整理）"], ["（本文有删节）"]])
def test_a_speakers_own_closing_formula_closes_even_under_an_editors_note(closing: str, note: list[str]) -> None:
    speeches = _mine("\n".join([*_CLOSED_BODY, closing, *note]))
    assert len(speeches) == 1 and len(speeches[0].directives) == 3
    assert speeches[0].closing == [closing]


def test_a_summing_up_of_the_years_work_is_no_closing() -> None:
    last = "总之，在过去的一年里，全镇各项工作取得了新的进展，这是全镇上下共同努力的结果。"
    speeches = _mine("\n".join([*_CLOSED_BODY, last]))
    assert speeches[0].closing == []


@pytest.mark.parametrize("digits", ["cn", "arabic"])
def test_a_heading_run_into_a_long_paragraph_after_a_sentence_end_opens_a_paragraph(digits: str) -> None:
    """A converter ran the heading into the paragraph before it (……讲三点意见。1、统一思想……);
    a short inline list (……三项工作。1、抓学习。2、抓宣传。) stays where it is."""
    mark = (lambda i: "一二三"[i] + "、") if digits == "cn" else (lambda i: f"{i + 1}、")
    intro = ("今天召开全县重点工作推进会，主要任务是总结前段工作，分析当前形势，部署下一阶段任务，"
             "动员全县上下进一步统一思想、振奋精神。下面，我讲三点意见。")
    points = [f"{mark(i)}{h}。各级各部门要把思想统一到县委的部署上来，切实增强做好工作的责任感和紧迫感，"
              f"确保各项任务落到实处、取得实效，以实绩实效检验工作成效。" for i, h in
              enumerate(["统一思想，提高认识", "突出重点，狠抓落实", "加强领导，压实责任"])]
    text = "在全县重点工作推进会上的讲话\n同志们：\n" + intro + "".join(points)
    speeches = _mine(text)
    assert [u.heading for u in speeches[0].directives] == ["统一思想，提高认识", "突出重点，狠抓落实", "加强领导，压实责任"]
    inline = intro + f"要抓好三项工作。{mark(0)}抓学习。{mark(1)}抓宣传。{mark(2)}抓落实。各级各部门要认真抓好落实。"
    from drafter.corpus.paragraphs import restore_paragraphs
    assert restore_paragraphs(inline) == [inline]


def _piece(title: str, salutation: str) -> list[str]:
    return [title, salutation + "：", "今天召开这次会议，主要任务是总结工作、部署任务。下面，我讲两点意见。",
            "一、统一思想，提高认识", "各级各部门要把思想统一到县委的部署上来，切实增强做好工作的责任感和紧迫感。",
            "二、突出重点，狠抓落实", "要聚焦重点任务，逐项细化措施，确保各项工作按时保质完成。",
            "同志们，任务已经明确，关键在于落实。让我们真抓实干，奋力完成全年目标任务！"]


@pytest.mark.parametrize("labels", [("【篇一】", "【篇二】"), ("【第1篇】", "【第2篇】"), ("范文一：", "范文二："),
                                    ("精选范文1", "精选范文2"), ("第1篇：", "第2篇：")])
@pytest.mark.parametrize("glued", [False, True])
def test_a_collection_label_in_other_clothes_starts_a_new_speech(labels: tuple[str, str], glued: bool) -> None:
    """Short pieces (too short to be told apart by their salutations alone) under collection labels,
    on a line of their own or after the piece's title, which stays with its piece."""
    titles = ("在全县安全生产工作会议上的讲话", "在全县教育工作会议上的讲话")
    lines = ["安全生产和教育工作会议讲话稿（2篇）"]
    for label, title, salutation in zip(labels, titles, ("同志们", "各位领导、同志们"), strict=True):
        piece = _piece(title, salutation)
        lines += [title + label, *piece[1:]] if glued else [label, *piece]
    speeches = _mine("\n".join(lines))
    assert [(s.title, s.salutation, len(s.directives)) for s in speeches] == [
        (titles[0], "同志们", 2), (titles[1], "各位领导、同志们", 2)]
