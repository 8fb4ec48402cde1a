"""What writers' archives hold: Word files with automatic numbering, saved web pages, PDFs,
GBK text, whole pages copied as text — read, set aside and structured alike."""

from __future__ import annotations

import html
import json
import os
import shutil
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.corpus import read_doc
from drafter.corpus.furniture import set_aside
from drafter.corpus.layout import rejoin
from drafter.corpus.mine import mine_bytes
from drafter.corpus.read_docx import cn_counting, docx_text, format_number
from drafter.corpus.read_html import clean_title, read_html
from drafter.corpus.readers import read_document
from drafter.corpus.starts import clean_title_line, find_salutation
from drafter.numbering import find_ordinal
from tests.pdfmaker import make_pdf

HERE = Path(__file__).resolve().parent
ARCHIVES = HERE / "corpus" / "archives"

# Written for this test in the genre's formulae; two levels, a count, a closing.
TITLE = "在全镇2027年重点工作推进会上的讲话"
LINES = [
    TITLE,
    "同志们：",
    "今天召开全镇重点工作推进会，主要任务是总结前段工作，部署下一阶段任务。下面，我讲三点意见。",
    ("H1", "统一思想，进一步增强抓落实的紧迫感"),
    "今年是“十五五”规划承上启下的关键一年，各项任务时间紧、要求高，全镇上下要把思想统一到镇党委的部署上来，把心思集中到抓落实上来。",
    ("H2", "认清形势"),
    "当前我镇发展正处在爬坡过坎的关键阶段，机遇和挑战并存，必须保持清醒头脑，增强工作的主动性和预见性，在比学赶超中争先进位。",
    ("H2", "找准差距"),
    "对照年初确定的目标任务，我们在项目建设、产业培育等方面还有明显差距，各村各部门要逐项对账，拿出具体的追赶措施和时间安排。",
    ("H1", "突出重点，全力推动各项任务落地见效"),
    "要聚焦产业发展、民生实事和基层治理三个方面，一项一项抓推进，一件一件抓落实，确保年底各项指标全面完成，以实绩实效取信于民。",
    ("H1", "压实责任，切实改进工作作风"),
    "各级干部要把责任扛在肩上，把工作抓在手上，对定下来的事情雷厉风行、马上就办，坚决防止推诿扯皮、敷衍应付，真正做到守土有责。",
    "同志们，任务已经明确，关键在于落实。让我们以更加饱满的热情、更加务实的作风，奋力完成全年目标任务！",
]
_CN = "一二三四五六七八九十"


def _plain_lines() -> list[str]:
    out, top, sub = [], 0, 0
    for line in LINES:
        if isinstance(line, tuple):
            level, text = line
            if level == "H1":
                top, sub = top + 1, 0
                out.append(f"{_CN[top - 1]}、{text}")
            else:
                sub += 1
                out.append(f"（{_CN[sub - 1]}）{text}")
        else:
            out.append(line)
    return out


def _docx(lines: list[str | tuple[str, str]]) -> bytes:
    """A .docx whose headings are Word automatic lists (一、 at level 0, （一） at level 1)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f"<w:abstractNum {nsdecls('w')} w:abstractNumId=\"77\">"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
        "<w:lvlText w:val=\"%1、\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
        "<w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum>"))
    numbering.append(parse_xml(f"<w:num {nsdecls('w')} w:numId=\"77\"><w:abstractNumId w:val=\"77\"/></w:num>"))
    for k, line in enumerate(lines):
        if isinstance(line, tuple):
            para = document.add_paragraph(line[1])
            level = 0 if line[0] == "H1" else 1
            para._p.get_or_add_pPr().append(parse_xml(
                f"<w:numPr {nsdecls('w')}><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"77\"/></w:numPr>"))
        else:
            document.add_paragraph(line, style="Title" if k == 0 else None)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(lines: list[str]) -> bytes:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    return (f"<html><head><meta charset=\"gbk\"><title>{lines[0]}--党政办-某某镇人民政府</title></head><body>"
            "<div class=\"nav\"><a>首页</a><a>政务公开</a><a>领导讲话</a><a>办事服务</a></div>"
            "<div class=\"crumb\">当前位置：首页 &gt; 领导讲话 &gt; 正文</div>"
            "<aside class=\"sidebar\"><h3>热门文章</h3><ul><li>某某镇开展环境整治</li></ul></aside>"
            f"<div class=\"article\"><h1>{lines[0]}</h1><div class=\"info\">发布时间：2026-11-20 来源：党政办</div>"
            f"<div class=\"content\">{body}</div><div class=\"share\">分享到：微信 微博</div></div>"
            "<div class=\"related\"><h3>推荐阅读</h3><ul><li><a>关于做好冬季安全工作的通知</a></li></ul></div>"
            "<div class=\"footer\">版权所有 某某镇人民政府 备案号：某ICP备00000000号</div></body></html>"
            ).encode("gbk")


def _skeleton(data: bytes, name: str) -> list[object]:
    result = mine_bytes(data, name)
    assert not result.skipped, result.skipped
    assert len(result.speeches) == 1, (name, result.notes)
    speech = result.speeches[0]
    return [speech.title, *speech.skeleton()]


def test_same_speech_in_four_kinds_mines_to_the_same_skeleton() -> None:
    plain = _plain_lines()
    expected = _skeleton("\n".join(plain).encode("utf-8"), "speech.txt")
    assert expected[1:4] == ["同志们", 3, [
        ("统一思想，进一步增强抓落实的紧迫感", [("认清形势", []), ("找准差距", [])]),
        ("突出重点，全力推动各项任务落地见效", []), ("压实责任，切实改进工作作风", [])]]
    assert expected[0] == TITLE and expected[4] is True
    assert _skeleton(_docx(LINES), "speech.docx") == expected
    assert _skeleton(_page(plain), "speech.html") == expected
    assert _skeleton(make_pdf(plain), "speech.pdf") == expected


def test_docx_numbering_is_drawn_as_word_shows_it() -> None:
    text = docx_text(_docx(LINES), "x.docx")
    assert "一、统一思想" in text and "（一）认清形势" in text and "（二）找准差距" in text
    assert "二、突出重点" in text and "三、压实责任" in text  # level 1 restarts under each heading
    assert [cn_counting(n) for n in (1, 10, 11, 20, 21, 100, 105)] == [
        "一", "十", "十一", "二十", "二十一", "一百", "一百零五"]
    assert format_number(3, "decimalFullWidth") == "３" and format_number(2, "upperRoman") == "II"


def test_docx_zip_bomb_is_refused() -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b" " * 30_000_000 + b"</a>")
    result = mine_bytes(buffer.getvalue(), "bomb.docx")
    assert result.skipped and "压缩炸弹" in result.skipped


def test_page_furniture_is_set_aside_wherever_it_sits() -> None:
    document = read_document(_page(_plain_lines()), "page.html")
    assert document.title == TITLE  # h1, not the <title> with the site's suffix
    for furniture in ("首页", "热门文章", "推荐阅读", "版权所有", "分享到", "发布时间"):
        assert furniture not in document.text
    copied = "\n".join(["网站首页 政务公开 领导讲话 办事服务 互动交流", "当前位置：首页 > 领导讲话 > 正文",
                        "推荐阅读", "关于做好冬季安全工作的通知", "某某镇开展环境整治",
                        "会议讲话是机关常用文稿，以下是小编为大家整理的讲话稿，供大家参考。",
                        *_plain_lines(), "上一篇：某某镇召开会议", "版权所有 © 某某镇", "用户名：", "注册"])
    kept, removed = set_aside(copied)
    assert removed >= 7 and "冬季安全" not in kept and "上一篇" not in kept and "小编" not in kept
    assert all(line in kept for line in _plain_lines())


def test_titles_lose_site_suffixes_and_prefixes() -> None:
    assert clean_title("在全镇工作会议上的讲话--党政办-某某中学") == "在全镇工作会议上的讲话"
    assert clean_title("[县长在县委书记]县长在全县经济工作会议上的讲话") == "县长在全县经济工作会议上的讲话"
    assert clean_title("区长在安全生产会议上的讲话[VIP]") == "区长在安全生产会议上的讲话"
    assert clean_title("开学典礼校长致辞_讲话致辞_某某网") == "开学典礼校长致辞"
    assert clean_title_line("最新小学家长会校长发言稿") == "小学家长会校长发言稿"
    assert clean_title_line("【小学校长开学典礼致辞】") == "小学校长开学典礼致辞"
    assert clean_title_line("附件在全市工作会议上的讲话（2011年11月3日 根据录音整理）王某某") == "在全市工作会议上的讲话"
    assert clean_title_line("县长在全县座谈会上讲话县长在全县座谈会上的讲话") == "县长在全县座谈会上的讲话"


@pytest.mark.parametrize("salutation", [
    "同志们", "各位领导、同志们", "尊敬的各位来宾", "各位代表", "同学们、老师们", "各位家长",
    "女士们、先生们", "尊敬的各位老师、亲爱的同学们"])
def test_salutation_in_all_common_forms(salutation: str) -> None:
    found = find_salutation(f"{salutation}：")
    assert found is not None and found[0] == salutation
    # after a page title, a menu and a date line
    text = "\n".join(["首页 新闻中心 通知公告 领导讲话", "在某某会议上的讲话", "2026年11月20日", f"{salutation}：",
                      *_plain_lines()[2:]])
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert speech.salutation == salutation and speech.title == "在某某会议上的讲话"


def test_comma_salutation_at_the_start_of_the_speech() -> None:
    text = "在某局作风建设会上的讲话\n同志们，我到局里工作已经半年了，今天讲几个问题。\n" + "\n".join(_plain_lines()[3:])
    assert mine_bytes(text.encode("utf-8"), "s.txt").speeches[0].salutation == "同志们"


_BODY = [
    "今天召开全镇重点工作推进会，主要任务是总结前段工作，部署下一阶段任务。下面，我讲三点意见。",
    "一、统一思想，进一步增强抓落实的紧迫感", "今年各项任务时间紧、要求高，全镇上下要把思想统一到镇党委的部署上来。",
    "二、突出重点，全力推动各项任务落地见效", "要聚焦产业发展、民生实事和基层治理三个方面，一项一项抓推进。",
    "三、压实责任，切实改进工作作风", "各级干部要把责任扛在肩上，对定下来的事情雷厉风行、马上就办。",
    "同志们，让我们奋力完成全年目标任务！"]
_HEADS = ["统一思想，进一步增强抓落实的紧迫感", "突出重点，全力推动各项任务落地见效", "压实责任，切实改进工作作风"]


@pytest.mark.parametrize(("head", "opening", "salutation"), [
    (["镇党委书记 某某某"], "同志们，今天这个会开得很及时，刚才几位同志的发言都很好，我完全赞同，希望大家回去以后认真抓好落实。",
     "同志们"),
    ([], "尊敬的各位领导，同志们，今天我们在这里召开全镇工作推进会，这是镇党委研究决定召开的一次重要会议。",
     "尊敬的各位领导，同志们"),
    (["（2026年11月2日）", "某某某"], "各位领导、同志们，这次会议的主要任务是总结前段工作，安排部署下一阶段重点任务。",
     "各位领导、同志们"),
    (["来源：某某镇政府网 发布时间：2026-11-02 浏览次数：88"], "亲爱的同学们，辛勤工作的老师们：今天我们在这里举行开学典礼。",
     "亲爱的同学们，辛勤工作的老师们"),
])
def test_salutation_running_into_the_first_sentence_after_head_lines(
        head: list[str], opening: str, salutation: str) -> None:
    """Speaker, date, source and page-info lines between the title and a salutation that ends
    in a comma (or a colon) and runs straight into a long first sentence."""
    text = "\n".join(["在全镇工作推进会上的讲话", *head, opening, *_BODY])
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert speech.salutation == salutation and speech.title == "在全镇工作推进会上的讲话"
    assert [u.heading for u in speech.directives] == _HEADS


def test_a_group_named_in_the_salutation_is_an_address_and_a_pronoun_is_not() -> None:
    assert find_salutation("亲爱的同学们，辛勤工作的高三教师们：上午好！") == ("亲爱的同学们，辛勤工作的高三教师们", 18)
    assert find_salutation("全体职工们：") == ("全体职工们", 6)
    assert find_salutation("我们：一要抓落实") is None and find_salutation("他们：") is None


def test_salutation_after_a_blogs_story_of_the_occasion() -> None:
    story = [f"第{k}段：写在前面的经过，会议开到中午才散，临时接到通知要在团拜会上讲几句话。" for k in range(1, 10)]
    text = "\n".join(["新春团拜会致辞", *story, "各位同事们：", "大家中午好！",
                      "春风送暖，转瞬又是一年。在此，我代表院党组，给同事们拜年，祝大家新春愉快。",
                      "最后，再祝大家新春快乐、阖家幸福！", "谢谢大家！"])
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert speech.salutation == "各位同事们" and speech.closing


def test_table_bars_and_title_label_are_furniture_and_sentence_headings_open_paragraphs() -> None:
    sentence = "这一年，我们按照县委部署扎实推进各项工作，经济运行稳中有进，民生保障持续加强，社会大局和谐稳定。"
    row = (f"| 在2026年新春茶话会上的讲话 同志们，朋友们：岁序更替，华章日新。{sentence * 2}"
           f"一、回望来路，奋斗的足迹铿锵有力 {sentence * 2}会议议程有两项。一、听取报告；二、审议文件。{sentence}"
           f"二、致敬过往，奋斗的身影可亲可敬 {sentence} |")
    text = "\n".join(["| 标题：在2026年新春茶话会上的讲话 |", row])
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert speech.title == "在2026年新春茶话会上的讲话" and speech.salutation == "同志们，朋友们"
    assert [u.heading for u in speech.directives] == ["回望来路，奋斗的足迹铿锵有力", "致敬过往，奋斗的身影可亲可敬"]


def test_an_inline_preview_in_the_transition_leaves_the_numbered_headings_as_the_points() -> None:
    body = list(_BODY)
    body[0] = "在刚才几位同志讲话的基础上，我再讲三点意见，也是三句话：一是认清形势。二是抢抓机遇。三是强化责任。"
    text = "\n".join(["在全镇工作推进会上的讲话", "同志们：", "今天的会议很重要。", *body])
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert speech.transition and speech.transition["count"] == 3
    assert [u.heading for u in speech.directives] == _HEADS
    # without numbered headings after it, the inline items are the points
    text = "\n".join(["在全镇工作推进会上的讲话", "同志们：", body[0] + "这三句话，请大家回去认真落实。"])
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert [u.heading for u in speech.directives][:3] == ["认清形势", "抢抓机遇", "强化责任"]


def test_announced_count_chooses_the_top_level() -> None:
    parts = ["在全县工作会议上的讲话", "同志们：", "下面，我讲点意见，讲3个问题。"]
    for k, topic in enumerate(("思想认识问题", "重点任务问题", "工作作风问题"), 1):
        parts.append(f"第{_CN[k - 1]}个问题，关于{topic}。")
        for j in range(1, 5):
            parts.append(f"第{_CN[j - 1]}，要把第{j}项工作抓实抓细，明确责任人和完成时限，确保按期见效。")
    parts.append("同志们，让我们真抓实干，确保全年目标任务圆满完成！")
    speech = mine_bytes("\n".join(parts).encode("utf-8"), "s.txt").speeches[0]
    assert speech.transition and speech.transition["count"] == 3
    assert [u.heading for u in speech.directives] == ["关于思想认识问题", "关于重点任务问题", "关于工作作风问题"]
    assert all(len(u.children) == 4 for u in speech.directives)


def test_unnumbered_body_gives_unnumbered_points() -> None:
    text = ("在某某座谈会上的讲话\n同志们：\n听了大家的发言，很受启发。下面，我讲几句话。\n"
            "第一句话是要珍惜机遇。大家要看到发展的有利条件，把握好当前的窗口期。\n"
            "再一句话是要苦干实干。各项任务已经明确，关键在于抓好落实。\n"
            "同志们，让我们共同努力，把各项工作做得更好！")
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert speech.closing and speech.directives
    assert all(u.style == "无序号" and not u.ordinal for u in speech.directives)


@pytest.mark.parametrize(("raw", "kept"), [
    ("引进博士及以上人才**人", "引进博士及以上人才〔待补〕人"), ("由×××同志负责", "由〔待补〕同志负责"),
    ("在○○村召开", "在〔待补〕村召开"), ("完成XX项", "完成〔待补〕项"), ("达到__万元", "达到〔待补〕万元")])
def test_placeholders_become_open_markers_and_are_never_deleted(raw: str, kept: str) -> None:
    text = f"在某某会议上的讲话\n同志们：\n今年以来，我们{raw}，各项工作有序推进。下面，我讲两点意见。\n" + "\n".join(
        _plain_lines()[3:])
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert any(kept in para for para in speech.opening + speech.review), speech.opening


def test_hard_wraps_are_joined_and_paragraph_ends_kept() -> None:
    plain = _plain_lines()
    wrapped = "\n".join(line[i:i + 30] for line in plain for i in range(0, len(line), 30))
    assert rejoin(wrapped).split("\n") == plain


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="发展改革稳定工作会议同志们我讲三点意见一二三、，。：！\n ", max_size=80), max_size=12))
def test_any_text_mines_as_txt_and_as_page_without_error(lines: list[str]) -> None:
    text = "\n".join(line.strip() for line in lines if line.strip())
    mine_bytes(text.encode("utf-8"), "x.txt")  # never raises
    mine_bytes(_page([TITLE, *text.split("\n")]), "x.html")


def test_gbk_speech_with_new_from(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from drafter.cli import app

    speech = tmp_path / "speech.txt"
    speech.write_bytes("\n".join(_plain_lines()).encode("gbk"))
    result = CliRunner().invoke(app, ["new", "deploy", "--from", str(speech)])
    assert result.exit_code == 0, result.output
    assert "统一思想，进一步增强抓落实的紧迫感" in result.output


def test_new_from_docx_and_lint_docx_page_and_pdf(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from drafter.cli import app

    for name, data in (("s.docx", _docx(LINES)), ("s.html", _page(_plain_lines())), ("s.pdf", make_pdf(_plain_lines()))):
        path = tmp_path / name
        path.write_bytes(data)
        result = CliRunner().invoke(app, ["new", "deploy", "--from", str(path)])
        assert result.exit_code == 0 and "压实责任，切实改进工作作风" in result.output, (name, result.output)
        result = CliRunner().invoke(app, ["lint", str(path), "--format", "json"])
        assert result.exit_code in (0, 1), (name, result.output)
        json.loads(result.stdout)


def test_doc_without_libreoffice_names_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_doc, "soffice", lambda: None)
    result = mine_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc")
    assert result.skipped and "LibreOffice" in result.skipped


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_through_libreoffice_and_pure_python(tmp_path: Path) -> None:
    import subprocess

    source = tmp_path / "speech.docx"
    source.write_bytes(_docx(LINES))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    data = (tmp_path / "speech.doc").read_bytes()
    pure = read_doc.word97_text(data)  # the pure-Python route: text without list numbers
    assert pure is not None and "压实责任，切实改进工作作风" in pure and "一、" not in pure
    if os.environ.get("DRAFTER_TEST_LIBREOFFICE"):  # a second LibreOffice run: about 5 s more
        speech = mine_bytes(data, "speech.doc").speeches[0]  # numbers drawn in by LibreOffice
        assert [u.heading for u in speech.directives][2] == "压实责任，切实改进工作作风"


# Batches d to h were each measured once, then tuned on (f's measured misses fixed on branch tune5,
# g's on tune-g, h's on tune-h), so all are asserted. A fresh test batch (say HELDOUT8.txt, batch i)
# is named here until it has been measured: read, its outcomes not asserted.
TEST_BATCH_LISTS: tuple[str, ...] = ()
UNASSERTED_LISTS: tuple[str, ...] = ()  # a batch measured once and not yet tuned on


def test_collected_archive_reads_without_error() -> None:
    if not ARCHIVES.is_dir():
        pytest.skip("no collected archive")
    # a test batch: its outcomes are figures, not assertions
    def listed(lists: tuple[str, ...]) -> set[str]:
        return {name for list_name in lists if (ARCHIVES / list_name).exists()
                for name in (ARCHIVES / list_name).read_text(encoding="utf-8").split()}

    test_batch = listed(TEST_BATCH_LISTS)
    unasserted = test_batch | listed(UNASSERTED_LISTS)
    # DRAFTER_SKIP_TEST_BATCH=1: a tuning session does not even mine the test batch
    skip_stems = {Path(n).stem for n in test_batch} if os.environ.get("DRAFTER_SKIP_TEST_BATCH") else set()
    for gold_path in sorted((ARCHIVES / "gold").glob("*.json")):
        if gold_path.stem in skip_stems:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = mine_bytes((ARCHIVES / gold["file"]).read_bytes(), gold["file"])
        if gold["file"] in unasserted:
            continue  # read without an exception is all a test may ask of it
        assert not result.skipped, (gold["file"], result.skipped)
        if gold["not_speech"]:
            assert not result.speeches, gold["file"]


def test_word_exported_page_is_read_whole() -> None:
    page = ("<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><body><div class=WordSection1>" +
            "".join(f"<p class=MsoNormal><span>{html.escape(line)}<o:p></o:p></span></p>" for line in _plain_lines())
            + "</div></body></html>")
    title, text = read_html(page)
    assert text.split("\n") == _plain_lines()


def _house_archive(folder: Path) -> Path:
    folder.mkdir()
    plain = _plain_lines()
    hostile = "同志们，{{ 7*7 }}{% for x in range(3) %}让我们同心协力、砥砺前行，以实干实绩交出合格答卷！"
    for k in range(2):  # two speeches, not one saved twice: each has a sentence of its own
        lines = [*plain[:4], ("各村要抓紧行动，不等不靠。", "各部门要主动作为，靠前服务。")[k], *plain[4:-1], hostile]
        (folder / f"s{k}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def test_emitted_house_style_extends_the_type_and_keeps_its_frames(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from drafter.cli import app

    archive = _house_archive(tmp_path / "archive")
    house = tmp_path / "house"
    result = CliRunner().invoke(app, ["mine", str(archive), "--emit-templates", str(house)])
    assert result.exit_code == 0, result.output
    template = (house / "deploy-house.j2").read_text(encoding="utf-8")
    assert '{% extends "deploy.j2" %}' in template and "s0.txt" in template
    assert "{% for" not in template.replace('"{% for', "")  # mined text is a string literal
    outline = (HERE.parent / "outlines" / "deploy.yaml").read_text(encoding="utf-8")
    shipped = tmp_path / "shipped.yaml"
    shipped.write_text(outline, encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text(outline.replace("template: deploy", "template: deploy-house", 1), encoding="utf-8")
    ours = CliRunner().invoke(app, ["render", str(mine), "--template-dir", str(house)])
    theirs = CliRunner().invoke(app, ["render", str(shipped)])
    assert ours.exit_code == 0 and theirs.exit_code == 0, ours.output
    assert "49" not in ours.stdout and "今天召开全镇重点工作推进会" in ours.stdout  # the archive's opening
    # every paragraph the archive did not replace reads as the shipped type has it
    replaced = [line for line in theirs.stdout.splitlines() if line not in ours.stdout.splitlines()]
    assert len(replaced) <= 2, replaced


def test_emit_templates_onto_a_file_fails_before_anything_is_written(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from drafter.cli import app

    archive = _house_archive(tmp_path / "archive")
    target = tmp_path / "house.j2"
    target.write_text("mine", encoding="utf-8")
    book = tmp_path / "book.json"
    result = CliRunner().invoke(app, ["mine", str(archive), "--phrasebank", str(book),
                                      "--emit-templates", str(target)])
    assert result.exit_code == 2 and "文件夹" in result.output and "Traceback" not in result.output
    assert not book.exists() and target.read_text(encoding="utf-8") == "mine"


def test_mined_text_in_a_template_is_data() -> None:
    from jinja2.sandbox import SandboxedEnvironment

    from drafter.corpus.house_style import frame_to_jinja, literal

    hostile = '{% for x in range(3) %}{{ 7*7 }}{% endraw %}"\\'
    env = SandboxedEnvironment()
    env.filters["cn_count"] = str
    assert env.from_string(literal(hostile)).render() == hostile
    assert env.from_string(frame_to_jinja("下面，我讲{数}点{{意见}}。")).render(o={"count": 3}) == "下面，我讲3点{{意见}}。"


def test_pool_is_used_only_when_it_pays_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.corpus import runner

    for k in range(3):
        (tmp_path / f"s{k}.txt").write_text("\n".join(_plain_lines()), encoding="utf-8")
    from drafter.corpus.inputs import collect_inputs

    inputs = collect_inputs([str(tmp_path)])
    assert runner.plan_jobs(2, inputs)[0] == 1  # a few KB: start-up would cost more
    monkeypatch.setattr(runner, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(runner.os, "getloadavg", lambda: (8.0, 8.0, 8.0), raising=False)
    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    jobs, why = runner.plan_jobs(2, inputs)
    assert jobs == 1 and why and "忙" in why  # a busy machine: one process
    monkeypatch.setattr(runner.os, "getloadavg", lambda: (0.0, 0.0, 0.0), raising=False)
    assert runner.plan_jobs(2, inputs) == (2, None)
    pooled = [r.to_json() for r in runner.mine_inputs(inputs, jobs=2)]
    single = [r.to_json() for r in runner.mine_inputs(inputs, jobs=1)]
    assert pooled == single and len(pooled) == 3


def test_letter_spaced_title_and_full_width_digits_are_normalised() -> None:
    text = ("在 全 镇 重 点 工 作 推 进 会 上 的 讲 话\n同志们：\n今年全镇完成投资２０．５亿元，下面，我讲三点意见。\n"
            + "\n".join(_plain_lines()[3:]))
    speech = mine_bytes(text.encode("utf-8"), "s.txt").speeches[0]
    assert speech.title == "在全镇重点工作推进会上的讲话"
    assert speech.transition and "完成投资20.5亿元" in speech.transition["text"]


def test_docx_headings_from_styles() -> None:
    from docx import Document

    document = Document()
    document.add_paragraph(TITLE, style="Title")
    for line in _plain_lines()[1:]:
        ordinal = find_ordinal(line)
        if ordinal is not None and ordinal.style == "一、":
            document.add_paragraph(line[ordinal.end:], style="Heading 1")  # no number shown
        elif ordinal is None:
            document.add_paragraph(line)
    buffer = BytesIO()
    document.save(buffer)
    speech = mine_bytes(buffer.getvalue(), "styled.docx").speeches[0]
    assert [u.heading for u in speech.directives] == [
        "统一思想，进一步增强抓落实的紧迫感", "突出重点，全力推动各项任务落地见效", "压实责任，切实改进工作作风"]
    assert all(u.ordinal == "" for u in speech.directives) and speech.transition["count"] == 3
