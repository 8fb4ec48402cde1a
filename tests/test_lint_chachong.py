"""查重 (D133, lint --against): copied sentences found with their source; the archive index is
cached by content, rebuilt when files change or the cache is damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import DrafterError
from drafter.lint import chachong as lint_chachong
from drafter.lint import lint_paths

from .conftest import SHARED
from .conftest import make_docx as _docx

runner = CliRunner()

OLD = [
    "去年以来，全县上下紧紧围绕年度目标任务，锚定高质量发展不放松，各项工作取得了新的成效。",
    "一季度全县新签约亿元以上项目十二个，新开工项目九个，项目建设呈现出量质齐升的良好态势。",
    "我们一定要把思想和行动统一到县委的决策部署上来，以只争朝夕的精神抓好各项工作落实。",
]
WEB = "营商环境没有最好只有更好，我们要以企业和群众的满意度作为检验工作成效的根本标准。"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "旧稿"
    folder.mkdir()
    (folder / "2025年工作会议.txt").write_text("同志们：\n\n" + "\n".join(OLD) + "\n", encoding="utf-8")
    (folder / "范文").mkdir()
    (folder / "范文" / "营商环境.md").write_text(f"# 范文\n\n{WEB}\n", encoding="utf-8")
    _docx(folder / "讲话.docx", ["在全县干部大会上的讲话", "要坚持以项目论英雄、以发展论实绩，把招商引资作为经济工作的生命线来抓。"])
    return folder


def d133(findings):
    return [f for f in findings if f.code == "D133"]


def test_copied_sentences_are_found_with_their_source(write, archive: Path) -> None:
    changed = OLD[1].replace("十二个", "十五个").replace("九个", "八个")  # a few characters changed
    draft = write("稿.txt", "2026年3月1日\n同志们：\n今天我们召开全县项目建设推进会，研究部署下一阶段工作。\n"
                  f"{OLD[0]}\n{changed}\n要抓紧。{WEB}\n"
                  "要坚持以项目论英雄、以发展论实绩，把招商引资作为经济工作的生命线来抓。\n")
    found = d133(lint_paths([str(draft)], against=[str(archive)]))
    assert [(f.line, f.severity) for f in found] == [(4, "warning"), (5, "warning"), (6, "warning"), (7, "warning")]
    assert "2025年工作会议.txt 第3行" in found[0].message and "相同" in found[0].message
    assert "几乎相同" in found[1].message and "第4行" in found[1].message
    assert "营商环境.md 第3行" in found[2].message and found[2].column == 5
    assert "讲话.docx 第2段" in found[3].message


def test_short_and_unrelated_sentences_are_not_flagged(write, archive: Path) -> None:
    draft = write("稿.txt", "同志们：\n各项工作取得了新的成效。\n"
                  "今天我们召开全县项目建设推进会，研究部署下一阶段工作。\n"
                  "全县上下要围绕年度目标任务，抓好项目建设，推动各项工作落到实处。\n")
    assert d133(lint_paths([str(draft)], against=[str(archive)])) == []


def test_docx_draft_and_outline_findings_have_their_place(tmp_path: Path, write, archive: Path) -> None:
    draft = _docx(tmp_path / "稿.docx", ["同志们：", "今天开会。", OLD[2]])
    [finding] = d133(lint_paths([str(draft)], against=[str(archive)]))
    assert finding.where == "第3段" and "2025年工作会议.txt 第5行" in finding.message
    from .test_lint_tifa import _outline

    outline, line = _outline(write, WEB, "2026-04-18")
    [finding] = d133(lint_paths([str(outline)], against=[str(archive)]))
    assert finding.line == line and finding.where == "directives[0].body[0]"


def test_a_draft_inside_the_archive_does_not_match_itself(archive: Path) -> None:
    own = archive / "2025年工作会议.txt"
    assert d133(lint_paths([str(own)], against=[str(archive)])) == []


def test_the_index_is_cached_and_rebuilt_when_a_file_changes(archive: Path) -> None:
    first = lint_chachong.open_archive([str(archive)])
    assert not first.cached
    caches = list(lint_chachong.cache_dir().glob("*.idx"))
    assert caches and all(p.stat().st_size > 0 for p in caches)
    second = lint_chachong.open_archive([str(archive)])
    assert second.cached and [second.sentence(i) for i in range(len(second.starts))] == [first.sentence(i) for i in range(len(first.starts))] and second.files == first.files
    added = "全县各级各部门要严格落实安全生产责任制，坚决守住安全生产底线。"
    (archive / "2025年工作会议.txt").write_text(f"同志们：\n{added}\n", encoding="utf-8")
    third = lint_chachong.open_archive([str(archive)])
    assert not third.cached
    assert lint_chachong.search(third, lint_chachong._norm(added)) is not None
    assert lint_chachong.search(third, lint_chachong._norm(OLD[0])) is None


def test_a_damaged_cache_is_rebuilt(write, archive: Path) -> None:
    lint_chachong.open_archive([str(archive)])
    target = lint_chachong.cache_dir() / f"{lint_chachong.cache_key(lint_chachong.archive_files([str(archive)]))}.idx"
    target.write_bytes(target.read_bytes()[:100])
    again = lint_chachong.open_archive([str(archive)])
    assert not again.cached
    assert lint_chachong.open_archive([str(archive)]).cached  # and written back whole
    draft = write("稿.txt", f"同志们：\n{OLD[0]}\n")
    target.write_bytes(b"not a cache")
    assert len(d133(lint_paths([str(draft)], against=[str(archive)]))) == 1


def test_cli_against_reports_copies_as_json(write, archive: Path) -> None:
    draft = write("稿.txt", f"同志们：\n{OLD[0]}\n")
    result = runner.invoke(app, ["lint", str(draft), "--against", str(archive), "--format", "json"])
    assert result.exit_code == 0, result.output  # copies are warnings
    [finding] = [f for f in json.loads(result.output) if f["code"] == "D133"]
    assert finding["line"] == 2 and "2025年工作会议.txt" in finding["message"]
    table = runner.invoke(app, ["lint", str(draft), "--against", str(archive)])
    assert "D133" in table.output and "警告" in table.output
    ignored = runner.invoke(app, ["lint", str(draft), "--against", str(archive), "--ignore", "D133"])
    assert "D133" not in ignored.output


def test_cli_against_a_missing_or_empty_archive_says_so(write, tmp_path: Path) -> None:
    draft = write("稿.txt", f"同志们：\n{OLD[0]}\n")
    missing = runner.invoke(app, ["lint", str(draft), "--against", str(tmp_path / "没有")])
    assert missing.exit_code == 2 and "找不到" in missing.output
    empty = tmp_path / "空"
    empty.mkdir()
    result = runner.invoke(app, ["lint", str(draft), "--against", str(empty)])
    assert result.exit_code == 2 and "没有讲话稿文件" in result.output and ".pdf" in result.output
    with pytest.raises(DrafterError):
        lint_paths([str(draft)], against=[str(write("x.pdf", "x"))])


def test_saved_pages_and_pdfs_in_the_archive_are_read_like_mine_reads_them(write, tmp_path: Path) -> None:
    """A saved page (menus and links around the speech) and a PDF (lines broken at the page
    width, mid-sentence) are archive files too; the page's furniture is not indexed."""
    from tests.pdfmaker import make_pdf

    folder = tmp_path / "旧稿"
    folder.mkdir()
    menu = "首页 | 机构概况 | 政务公开 | 互动交流"
    page = ("<html><head><meta charset=\"utf-8\"><title>在全县工作会议上的讲话--县政府办</title></head><body>"
            f"<div class=nav>{menu}</div><div class=article><h1>在全县工作会议上的讲话</h1>"
            + "".join(f"<p>{line}</p>" for line in ["同志们：", OLD[0], OLD[1]])
            + "</div><div class=footer>推荐阅读：县政府办公室主办 版权所有</div></body></html>")
    (folder / "讲话.html").write_text(page, encoding="utf-8")
    (folder / "讲话_files").mkdir()  # a saved page's assets are not part of the archive
    (folder / "讲话_files" / "nav.htm").write_text(f"<html><body><p>{WEB}</p></body></html>", encoding="utf-8")
    (folder / "会议.pdf").write_bytes(make_pdf(["同志们：", OLD[2]]))
    draft = write("稿.txt", f"同志们：\n{OLD[0]}\n{OLD[2]}\n{WEB}\n首页 | 机构概况 | 政务公开 | 互动交流\n")
    found = d133(lint_paths([str(draft)], against=[str(folder)]))
    assert [f.line for f in found] == [2, 3], [f.message for f in found]
    assert "讲话.html 第" in found[0].message and "会议.pdf 第" in found[1].message
    assert len(OLD[2]) > 28  # the PDF broke it mid-sentence: it was joined again to be found
    single = d133(lint_paths([str(draft)], against=[str(folder / "会议.pdf")]))
    assert [f.line for f in single] == [3]


HANZI = st.sampled_from(list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(HANZI, min_size=20, max_size=50), min_size=3, max_size=8, unique=True),
       st.integers(0, 7), st.integers(0, 2), st.data())
def test_any_sentence_with_up_to_two_changes_is_found(tmp_path_factory, sentences, pick, changes, data) -> None:
    folder = tmp_path_factory.mktemp("a")
    (folder / "a.txt").write_text("\n".join(s + "。" for s in sentences), encoding="utf-8")
    archive = lint_chachong.build([folder / "a.txt"])
    query = list(sentences[pick % len(sentences)])
    for _ in range(changes):
        index = data.draw(st.integers(3, len(query) - 4))
        query[index] = "某"
    match = lint_chachong.search(archive, "".join(query))
    assert match is not None and archive.line_of[match.sid] >= 1


def test_a_copied_clause_inside_a_new_sentence_is_found(write, archive: Path) -> None:
    clause = OLD[2].rstrip("。")
    line = f"今年任务很重，大家要各负其责、形成合力；{clause}；会后各单位要抓紧传达。"
    draft = write("稿.txt", f"同志们：\n{line}\n")
    [finding] = d133(lint_paths([str(draft)], against=[str(archive)]))
    assert finding.line == 2 and finding.column == line.index(clause) + 1 and "第5行" in finding.message


CORPUS = SHARED / "corpus"


@pytest.mark.skipif(not (CORPUS / "dev").is_dir(), reason="the shared corpus is not next to this checkout")
def test_on_real_speeches_only_the_copied_sentences_are_flagged(write) -> None:
    """Archive: the dev speeches. Draft: sentences of the seed speeches (not in the archive) with
    six dev sentences planted, three of them with two characters changed."""
    import random
    import re

    rng = random.Random(5)

    def sentences(folder: str) -> list[str]:
        out = []
        for path in sorted((CORPUS / folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            out += [s.strip() for s in re.findall(r"[^。！？\n]+[。！？]", text) if 20 <= len(s.strip()) <= 80]
        return out

    own, other = sentences("dev"), sentences("seeds")
    planted = rng.sample(own, 6)
    for k in range(3):
        chars = list(planted[k])
        for i in (5, 12):
            chars[i] = "某"
        planted[k] = "".join(chars)
    body = rng.sample(other, 60)
    for k, sentence in enumerate(planted):
        body.insert(k * 9 + 1, sentence)
    draft = write("稿.txt", "\n".join(body) + "\n")
    found = {f.line for f in d133(lint_paths([str(draft)], against=[str(CORPUS / "dev")]))}
    assert found == {i for i, line in enumerate(body, 1) if line in planted}
