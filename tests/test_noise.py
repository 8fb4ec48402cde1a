"""One noise table (corpus/noise.py): the miner's cleaner removes every kind in it and lint's D117
reports every kind in it; adding a kind is one entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.corpus import noise
from drafter.corpus.clean import TRUNCATED, clean_text
from drafter.corpus.furniture import residue
from drafter.corpus.layout import fullwidth_to_ascii
from drafter.corpus.noise import NOISE, Act, Noise
from drafter.corpus.paragraphs import normalise_paragraphs, restore_paragraphs
from drafter.lint import lint_draft

BODY = ("今天我们召开全县安全生产工作会议，主要任务是部署今冬明春的安全生产工作。"
        "各级各部门要把思想和行动统一到县委、县政府的决策部署上来，抓好各项工作落实。")

# One line of each kind, as a copied page shows it (with what of it must be gone after cleaning).
SAMPLES: dict[str, tuple[str, str]] = {
    "data_uri": ("图片data:image/png;base64,iVBORw0KGgo", "data:image"),
    "tag": ("<p class=\"text\">", "<p"),
    "style": ("@page { size: 8.27in 11.69in; margin-left: 1in } p.cjk { font-family: \"宋体\" }", "font-family"),
    "entity": ("会议&nbsp;开始", "&nbsp;"),
    "breadcrumb": ("您的位置：讲话稿", "您的位置"),
    "info_bar": ("发布时间：2024-03-15", "发布时间"),
    "tools": ("【打印本页】【关闭窗口】", "打印本页"),
    "login": ("请先登录", "请先登录"),
    "pager": ("下一页", "下一页"),
    "site_footer": ("主办单位：某某网", "主办单位"),
    "page_number": ("第 2 页 共 5 页", "共 5 页"),
    "doc_notice": ("本文档由用户上传，仅供学习参考，如有侵权请联系删除", "仅供学习参考"),
    "generator": ("本文由某某智能写作助手生成", "写作助手"),
    "blurb": ("以下是小编整理的讲话稿，供大家参考。", "小编"),
    "related": ("推荐阅读", "推荐阅读"),
    "site_nav": ("当前位置：讲话稿", "当前位置"),
    "farm_intro": ("下面是小编为大家整理的讲话稿。", "小编"),
    "title_label": ("文章标题：在全县工作会议上的讲话", "文章标题"),
    "site_title": ("【正文】", "【正文】"),
    "farm_title": ("安全生产讲话稿范文大全", "范文大全"),
    "collection_index": ("安全生产讲话稿（3篇）", "3篇"),
    "paywall_gap": ("……（某某网省略500字，正式会员可完整阅读）……", "省略500字"),
    "paywall_end": ("……（未完，全文共3000字，当前仅显示1000字）", "全文共"),
    "trial_end": ("试读结束", "试读结束"),
    "login_end": ("（查看全文内容，请先注册或登录）", "查看全文"),
    "dotted_end": ("…………………………", "…………"),
    "footer": ("免责声明：本站部分内容来自网络", "免责声明"),
    "url": ("详见https://www.example.cn/a.html", "https://"),
    "editorial": ("（此处略）", "此处略"),
    "table_bars": ("| 在全县工作会议上的讲话 |", "|"),
    "glyph": ("要设臵专门岗位", "设臵"),
}


def _page(line: str, *, last: bool = False) -> str:
    return f"同志们：\n{BODY}\n{BODY}\n{line}\n" if last else f"同志们：\n{line}\n{BODY}\n{BODY}\n"


def _cleaned(text: str) -> str:
    """The paragraphs the miner reads, after every cleaning step."""
    cleaned = clean_text(text)
    return "\n".join(normalise_paragraphs(restore_paragraphs(fullwidth_to_ascii(cleaned.text))))


def test_every_kind_has_a_sample_and_a_chinese_name() -> None:
    assert [k.id for k in NOISE] == list(SAMPLES)
    assert all(k.name and not k.name.isascii() for k in NOISE)
    assert len({k.id for k in NOISE}) == len(NOISE)


@pytest.mark.parametrize("kind", NOISE, ids=[k.id for k in NOISE])
def test_the_cleaner_removes_every_kind(kind: Noise) -> None:
    line, mark = SAMPLES[kind.id]
    text = _cleaned(_page(line, last=kind.act in (Act.END, Act.FOOTER)))  # where a page ends
    assert mark not in text
    assert "各级各部门要把思想和行动统一" in text  # the speech itself stays
    if kind.act in (Act.GAP, Act.END):
        assert TRUNCATED in text


@pytest.mark.parametrize("kind", [k for k in NOISE if k.report], ids=[k.id for k in NOISE if k.report])
def test_lint_reports_every_kind_it_can_see(kind: Noise) -> None:
    line, mark = SAMPLES[kind.id]
    found = residue(line)
    assert found, line
    assert found[0][0] is kind
    assert mark in found[0][2] or found[0][2] in line


def test_a_kind_lint_leaves_alone_is_one_only_a_whole_page_shows() -> None:
    quiet = [k.id for k in NOISE if not k.report]
    assert quiet == ["collection_index"]
    assert residue("今年全县在核心期刊发表论文（12篇）") == []


def test_furniture_words_in_a_speech_line_are_not_residue() -> None:
    assert residue("同志们：要做好投稿工作。要把版权所有意识树起来。") == []
    assert residue(BODY) == []


def test_nested_pieces_are_one_finding_but_a_page_cut_hides_nothing() -> None:
    notice = "……（某某网https://www.example.cn省略500字，正式会员可完整阅读）"
    assert [(k.id, where) for k, where, _ in residue(notice)] == [("paywall_gap", 0)]
    cut = "正文……（未完，全文共3000字）上一篇：某某讲话 http://www.example.cn"
    assert [k.id for k, _, _ in residue(cut)] == ["paywall_end", "footer", "url"]


def test_adding_a_noise_kind_is_one_entry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    advert = Noise("advert", "网页广告", Act.STRIP, r"【广告】[^【\n]*")
    monkeypatch.setattr(noise, "NOISE", (*NOISE, advert))
    page = _page("【广告】公文写作培训班火热报名中")
    assert "培训班" not in _cleaned(page)
    draft = tmp_path / "讲话.txt"
    draft.write_text(page, encoding="utf-8")
    findings = [f.message for f in lint_draft(draft, set()) if f.code == "D117"]
    assert findings == ["网页复制留下的网页广告：“【广告】公文写作培训班火热报名中”"]
