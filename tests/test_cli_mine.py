"""`drafter mine` and `drafter phrases` through Typer's runner, with bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from drafter.cli import app

from .conftest import snapshot
from .test_corpus import SPEECH

runner = CliRunner()


def invoke(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.txt").write_text(SPEECH, encoding="utf-8")
    (folder / "2024" / "b.md").write_bytes(SPEECH.replace("三点", "三个方面的").encode("gb18030"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\x00\x00\x00binary")
    (folder / "notes.xlsx").write_bytes(b"ignored: not a kind the miner reads")
    return folder


def test_mine_json_one_object_per_file(tmp_path: Path) -> None:
    result = invoke("mine", str(corpus(tmp_path)), "--json")
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(o["source"]).name for o in objects] == ["b.md", "a.txt", "empty.txt", "image.txt"]
    by_name = {Path(o["source"]).name: o for o in objects}
    assert by_name["b.md"]["encoding"] == "GB18030/GBK"
    assert by_name["a.txt"]["speeches"][0]["transition"]["count"] == 3
    assert "二进制" in by_name["image.txt"]["skipped"]
    assert by_name["empty.txt"]["speeches"] == []
    assert "跳过" in result.stderr


def test_mine_report_is_the_default(tmp_path: Path) -> None:
    result = invoke("mine", str(corpus(tmp_path)))
    assert result.exit_code == 0
    out = result.stdout
    assert "共 4 个文件" in out and "找到讲话 2 篇" in out
    assert "序号样式" in out and "过渡句" in out and "跳过的文件和提示" in out


def test_mine_outline_validates_and_renders(tmp_path: Path) -> None:
    source = tmp_path / "speech.txt"
    source.write_text(SPEECH, encoding="utf-8")
    target = tmp_path / "outline.yaml"
    result = invoke("mine", str(source), "-o", str(target))
    assert result.exit_code == 0, result.output
    rendered = invoke("render", str(target))
    assert rendered.exit_code == 0, rendered.output
    assert "一、提高站位，增强抓项目的责任感" in rendered.stdout
    assert "下面，我讲三点意见。" in rendered.stdout
    again = invoke("mine", str(target), "-o", str(target))
    assert again.exit_code == 2 and "文件已存在" in again.output


def test_mine_outline_from_a_file_with_several_speeches(tmp_path: Path) -> None:
    source = tmp_path / "two.txt"
    source.write_text("合集篇一\n" + SPEECH + "\n合集篇二\n" + SPEECH, encoding="utf-8")
    target = tmp_path / "o.yaml"
    result = invoke("mine", str(source), "-o", str(target))
    assert result.exit_code == 2 and "--speech" in result.output and not target.exists()
    assert invoke("mine", str(source), "-o", str(target), "--speech", "2").exit_code == 0


def test_mine_stdin() -> None:
    result = invoke("mine", "-", "--json", stdin=SPEECH.encode("utf-8"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] == "<标准输入>"


def test_mine_phrasebank_and_emitted_templates(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    book, templates = tmp_path / "book.json", tmp_path / "house"
    result = invoke("mine", str(folder), "--phrasebank", str(book), "--emit-templates", str(templates),
                    "--min-count", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(book.read_text(encoding="utf-8"))
    transitions = [f["text"] for f in data["parts"]["transition"]]
    assert "下面，我讲{数}点意见。" in transitions
    assert data["directives"] and all(d["keywords"] for d in data["directives"])
    emitted = sorted(p.name for p in templates.iterdir())
    assert emitted == ["deploy-house.j2"]  # beside, not over, the shipped deploy.j2 it extends
    outline = tmp_path / "o.yaml"
    outline.write_text("template: deploy-house\nmeeting: {name: 全市工作会议}\ndirectives: [抓落实, 转作风]\n",
                       encoding="utf-8")
    rendered = invoke("render", str(outline), "--template-dir", str(templates))
    assert rendered.exit_code == 0, rendered.output
    phrases = invoke("phrases", "transition", "--phrasebank", str(book))
    assert "下面，我讲{数}点意见。" in phrases.stdout


def test_phrases_from_the_shipped_phrasebank() -> None:
    result = invoke("phrases", "过渡")
    assert result.exit_code == 0 and "下面" in result.stdout
    topical = invoke("phrases", "opening", "--topic", "招商")
    assert topical.exit_code == 0
    listed = invoke("phrases", "结尾", "--limit", "3").stdout.splitlines()
    assert len([line for line in listed if line.startswith("  ") and not line.startswith("   ")]) == 3
    bad = invoke("phrases", "序言")
    assert bad.exit_code == 2 and "未知的部分" in bad.output


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = invoke("mine", str(empty_dir))
    assert result.exit_code == 2 and "没有" in result.output
    assert invoke("mine", str(tmp_path / "missing.txt")).exit_code == 2


def test_text_that_is_not_a_speech_is_reported(tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text("“我们将推进产业提质增效。”主任孙某说。\n“要把项目抓在手上。”局长陈某表示。\n"
                    "“全年要确保开门红。”主任李某介绍。\n", encoding="utf-8")
    shopping = tmp_path / "list.txt"
    shopping.write_text("白菜\n萝卜\n鸡蛋\n", encoding="utf-8")
    result = invoke("mine", str(news), str(shopping))
    assert result.exit_code == 0
    assert "新闻报道" in result.stdout and "找到讲话 0 篇" in result.stdout


def test_jobs_give_the_same_results(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    one = invoke("mine", str(folder), "--json").stdout
    two = invoke("mine", str(folder), "--json", "--jobs", "2").stdout
    assert one == two


def test_failed_mine_writes_nothing(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    before = snapshot(tmp_path)
    result = invoke("mine", str(folder), "--emit-templates", str(folder))  # not empty, no --force
    assert result.exit_code == 2
    assert snapshot(tmp_path) == before


def test_a_long_title_in_the_report_table_is_marked_as_shortened() -> None:
    from drafter.mine_view import _clip

    title = "县长在县委全委（扩大）会暨全县经济工作会议上的讲话"
    assert _clip(title, 24) == title[:23] + "…" and len(_clip(title, 24)) == 24
    assert _clip("在全县大会上的讲话", 24) == "在全县大会上的讲话"


def test_phrase_sources_in_word_files_keep_no_line_and_raise_nothing(tmp_path: Path) -> None:
    """A .docx (or PDF) is no text file: the phrase's source line is unknown, not a crash
    (mine DIR --emit-templates over an archive of Word files ended in a traceback)."""
    from drafter.corpus.phrases import LineFinder

    from .conftest import make_docx

    path = tmp_path / "讲话.docx"
    make_docx(path, ["在全县大会上的讲话", "同志们：", "今天召开全县大会，主要任务是部署全年工作。"])
    assert LineFinder(path).line("今天召开全县大会，主要任务是部署全年工作。") is None


def test_house_style_from_a_folder_of_word_files(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from drafter.cli import app

    from .conftest import make_docx

    archive = tmp_path / "历年讲话"
    archive.mkdir()
    for n in range(2):
        make_docx(archive / f"s{n}.docx", [
            f"在全县第{n + 1}次安全生产工作会议上的讲话", "同志们：",
            "今天召开全县安全生产工作会议，主要任务是部署当前安全生产工作。",
            "下面，我讲两点意见。", "一、提高认识", "要把安全生产摆在突出位置。",
            "二、压实责任", "要把责任落实到岗位到人。", "同志们，让我们以更加有力的措施抓好安全生产！"])
    result = CliRunner().invoke(app, ["mine", str(archive), "--emit-templates", str(tmp_path / "house")])
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
