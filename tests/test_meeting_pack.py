"""The meeting pack: the host's script and the reading copy, from the same outline as the speech."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.export.text import export as to_text
from drafter.host import render_host_file, short_heading
from drafter.numbering import cn_count
from drafter.render import render_file

from .conftest import GOLDEN, OUTLINES

runner = CliRunner()
HOST_GOLDEN = GOLDEN / "host"


def _top_headings(outline: Path) -> list[str]:
    blocks = render_file(outline).document.blocks
    return [short_heading(b.runin or b.text) for b in blocks
            if b.part == "directives" and b.level == 1]


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_host_golden(outline: Path, request: pytest.FixtureRequest) -> None:
    text = to_text(render_host_file(outline).document)
    golden = HOST_GOLDEN / f"{outline.stem}.txt"
    if request.config.getoption("--update-goldens"):
        HOST_GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "run pytest --update-goldens once, then read the files"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_host_agrees_with_the_speech(outline: Path) -> None:
    speech = render_file(outline)
    host = render_host_file(outline)
    text = to_text(host.document)
    assert host.markers == []
    for stray in ("None", "{{", "〔待补", ",", ";", "  ", "共有二项", "一项议程，请"):
        assert stray not in text, stray
    ceremony = speech.template.meta.get("host") == "仪式"
    summed_up = not ceremony and "host_speech" not in speech.template.meta
    ending = {"散会": "散会！", "闭幕": "闭幕！", "结束": "到此结束。", "座谈": "座谈会就到这里"}
    close = speech.template.meta.get("host_close", "散会")
    assert ("到此结束" in text) if ceremony else ("现在开会" in text and ending[close] in text)
    # The agenda's announced count is the number of items introduced.
    announced = re.search(r"共有(.+?)项议程", text)
    if announced:
        introduced = len(re.findall(r"^\u3000\u3000(首先|下面|最后)，", text, re.M))
        assert announced.group(1) == cn_count(introduced)
    # The same speaker, and a summing-up with the speech's own directives and count.
    speaker = speech.speaker or ""
    if speaker:
        assert "".join(speaker.split()) + "同志" in text
    headings = _top_headings(outline)
    if len(headings) > 1 and summed_up:
        assert f"{cn_count(len(headings))}个方面" in text
        for heading in headings:
            assert heading in text
    name = re.match(r"在(.+)上的讲话$", speech.document.title)
    if name:
        assert host.document.title == f"在{name.group(1)}上的主持词"


OUTLINE = """\
template: deploy
speaker: 县委书记 王某某
date: 2026-03-10
meeting:
  name: 全县春季农业生产工作会议
  host: 县委副书记、县长 李某某
  present: 县四套班子领导
  attendees: 各乡镇党委书记、乡镇长
directives:
  - heading: 稳住粮食生产，把面积落到地块
    body: [要压茬推进春播春管，确保播种面积只增不减。]
  - heading: 抓好农资保障，把服务送到田间
    body: [要组织好种子化肥调运。]
"""


def test_summing_up_follows_the_directives(write) -> None:  # type: ignore[no-untyped-def]
    path = write("o.yaml", OUTLINE)
    text = to_text(render_host_file(path).document)
    assert "从稳住粮食生产和抓好农资保障两个方面" in text
    assert "出席今天会议的有县四套班子领导。参加会议的还有各乡镇党委书记、乡镇长。" in text
    assert "主持人：县委副书记、县长\u3000李某某" in text
    assert "各乡镇、各部门" in text or "各乡镇" in text  # the county's branches, not 各级各部门
    changed = OUTLINE.replace("抓好农资保障，把服务送到田间", "强化科技支撑，把良种良法推到地头")
    changed += "  - heading: 压实工作责任，把任务分到人头\n    body: [要压实责任。]\n"
    text = to_text(render_host_file(write("p.yaml", changed)).document)
    assert "从稳住粮食生产、强化科技支撑和压实工作责任三个方面" in text
    assert "抓好农资保障" not in text


def test_explicit_agenda_in_order(write) -> None:  # type: ignore[no-untyped-def]
    agenda = OUTLINE.replace("directives:", """  agenda:
    - {kind: 宣誓, who: 新任职干部, what: 宪法宣誓}
    - {kind: 通报, who: 县农业农村局, what: 全县春季农业生产准备情况}
    - {kind: 签约, who: 县政府和省农科院代表, what: 农业科技合作协议}
    - {kind: 讲话}
directives:""")
    text = to_text(render_host_file(write("o.yaml", agenda)).document)
    assert "今天的会议共有四项议程。" in text
    order = [text.index(s) for s in ("首先，请新任职干部进行宪法宣誓。",
                                      "下面，进行会议第二项议程，请县农业农村局通报全县春季农业生产准备情况。",
                                      "下面，进行会议第三项议程，请县政府和省农科院代表签署农业科技合作协议。",
                                      "下面，请县委书记王某某同志作重要讲话。大家欢迎！")]
    assert order == sorted(order)


def test_an_agenda_without_the_speech_still_calls_the_speaker(write) -> None:  # type: ignore[no-untyped-def]
    agenda = OUTLINE.replace("directives:", """  agenda:
    - {kind: 通报, who: 县农业农村局, what: 春耕准备情况}
directives:""")
    text = to_text(render_host_file(write("o.yaml", agenda)).document)
    assert "今天的会议共有两项议程。" in text
    assert text.index("请县农业农村局通报春耕准备情况") < text.index("下面，请县委书记王某某同志作重要讲话。")


def test_single_item_meeting(write) -> None:  # type: ignore[no-untyped-def]
    text = to_text(render_host_file(write("o.yaml", OUTLINE)).document)
    assert "今天的会议只有一项议程。\n\u3000\u3000下面，请县委书记王某某同志作重要讲话。大家欢迎！" in text


@pytest.mark.parametrize("change, message", [
    ("  agenda: [{kind: 唱歌, who: 大家}]\n", "未知的议程类别“唱歌”"),
    ("  agenda: [{kind: 讲话, who: 大家, when: 上午}]\n", "when"),
])
def test_bad_agenda_is_refused(write, tmp_path: Path, change: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = write("o.yaml", OUTLINE.replace("directives:", change + "directives:"))
    out = tmp_path / "主持词.docx"
    result = runner.invoke(app, ["render", str(path), "--host", "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_host_without_a_name_is_refused(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("o.yaml", OUTLINE.replace("县委副书记、县长 李某某", "县长"))
    out = tmp_path / "主持词.txt"
    result = runner.invoke(app, ["render", str(path), "--host", "-o", str(out)])
    assert result.exit_code == 2
    assert "只写了职务，没有写姓名" in result.output and "o.yaml:6" in result.output
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_reading_copy_only_as_docx_or_html(write, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    path = write("o.yaml", OUTLINE)
    out = tmp_path / f"念稿{suffix}"
    result = runner.invoke(app, ["render", str(path), "--reading-copy", "-o", str(out)])
    assert result.exit_code == 2 and "念稿只能写成 .docx 或 .html" in result.output
    assert not out.exists()
    result = runner.invoke(app, ["render", str(path), "--reading-copy"])
    assert result.exit_code == 2


def _reading_copy(write, tmp_path: Path, *flags: str) -> Path:  # type: ignore[no-untyped-def]
    path = write("o.yaml", OUTLINE)
    out = tmp_path / "念稿.docx"
    result = runner.invoke(app, ["render", str(path), "--reading-copy", "-o", str(out), *flags])
    assert result.exit_code == 0, result.output
    return out


def test_reading_copy_docx_reads_back(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx

    out = _reading_copy(write, tmp_path)
    document = docx.Document(str(out))
    normal = document.styles["Normal"]
    assert normal.font.size.pt >= 18
    assert normal.paragraph_format.keep_together and normal.paragraph_format.widow_control
    assert 1.5 <= normal.paragraph_format.line_spacing <= 2
    body = [p for p in document.paragraphs if p.text.strip()]
    runs = [r for p in body for r in p.runs if r.text.strip()]
    assert runs and all(r.font.size is None or r.font.size.pt >= 18 for r in runs[3:])
    headings = [p for p in body if p.text.startswith(("一、", "二、"))]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "<w:ruby>" in xml and ">chá<" in xml  # 压茬: a planted, commonly misread word
    footer = zipfile.ZipFile(out).read("word/footer1.xml").decode("utf-8")
    assert 'w:val="36"' in footer  # page numbers at 18 pt
    names = zipfile.ZipFile(out).namelist()  # drafter's own package, like every .docx it writes
    assert not any("thumbnail" in n or n.startswith("customXml") for n in names)
    assert b"<Application>drafter</Application>" in zipfile.ZipFile(out).read("docProps/app.xml")


def test_reading_copy_without_pinyin(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = _reading_copy(write, tmp_path, "--no-pinyin")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "<w:ruby>" not in xml and "压茬" in xml


def test_reading_copy_pause_marks_are_optional(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plain = zipfile.ZipFile(_reading_copy(write, tmp_path)).read("word/document.xml").decode()
    assert "／" not in plain
    out = tmp_path / "念稿.html"
    result = runner.invoke(app, ["render", str(write("o.yaml", OUTLINE)), "--reading-copy",
                                 "--pauses", "-o", str(out)])
    assert result.exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<ruby>" in html and "<rt>chá</rt>" in html and "font: 18pt" in html


def test_preview_host_plans_the_meeting(write) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["preview", str(write("o.yaml", OUTLINE)), "--host", "--width", "100"])
    assert result.exit_code == 0
    assert "现在开会" in result.output
    for label in ("主持词时长", "讲话时长", "合计"):
        assert label in result.output


def test_lint_checks_host_against_speech(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("o.yaml", OUTLINE)
    speech, host = tmp_path / "讲话稿.txt", tmp_path / "主持词.txt"
    assert runner.invoke(app, ["render", str(path), "-o", str(speech)]).exit_code == 0
    assert runner.invoke(app, ["render", str(path), "--host", "-o", str(host)]).exit_code == 0
    clean = runner.invoke(app, ["lint", str(speech), str(host), "--format", "json"])
    assert '"D15' not in clean.output
    text = host.read_text(encoding="utf-8")
    host.write_text(text.replace("两个方面", "三个方面").replace("县委书记王某某", "县长王某某"),
                    encoding="utf-8")
    found = runner.invoke(app, ["lint", str(speech), str(host), "--format", "json"])
    assert '"D152"' in found.output and '"D151"' in found.output


def test_outline_lint_checks_its_own_pack() -> None:
    from drafter.lint import lint_paths

    for outline in OUTLINES:
        assert not [f for f in lint_paths([str(outline)]) if f.code.startswith("D15")]


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice and pdftotext are not installed")
def test_reading_copy_pages_end_with_whole_paragraphs(tmp_path: Path) -> None:
    outline = next(p for p in OUTLINES if p.stem == "deploy")
    out = tmp_path / "念稿.docx"
    assert runner.invoke(app, ["render", str(outline), "--reading-copy", "-o", str(out)]).exit_code == 0
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "念稿.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for page in pages[:-1]:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # The last body line before the page number ends a paragraph (or is a heading).
        last = next(line for line in reversed(lines) if not re.fullmatch(r"[—\-\s\d]+", line))
        assert last[-1] in "。！？：”" or re.match(r"^[一二三四五六七八九十]+、", last), last


LONG_TITLE = OUTLINE.replace("全县春季农业生产工作会议", "全县春季农业生产暨高标准农田建设和农村人居环境整治推进会议")


def test_docx_pair_with_a_title_on_two_lines(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """drafter breaks a long .docx title over two lines; read back it is still one title, so
    the speech and the host's script are compared by their whole meeting names."""
    from drafter.corpus.readers import read_document

    speech, host, other = (tmp_path / n for n in ("讲话稿.docx", "主持词.docx", "别的会.docx"))
    path = write("o.yaml", LONG_TITLE)
    assert runner.invoke(app, ["render", str(path), "-o", str(speech)]).exit_code == 0
    assert runner.invoke(app, ["render", str(path), "--host", "-o", str(host)]).exit_code == 0
    title = read_document(speech.read_bytes(), speech.name).title
    assert title == "在全县春季农业生产暨高标准农田建设和农村人居环境整治推进会议上的讲话"
    clean = runner.invoke(app, ["lint", str(speech), str(host), "--format", "json"])
    assert '"D15' not in clean.output
    changed = write("p.yaml", LONG_TITLE.replace("全县春季", "全县夏季"))
    assert runner.invoke(app, ["render", str(changed), "--host", "-o", str(other)]).exit_code == 0
    found = runner.invoke(app, ["lint", str(speech), str(other), "--format", "json"])
    assert '"D150"' in found.output


@pytest.mark.parametrize("style", ["一、", "第一，", "首先", "一是"])
def test_outline_pack_agrees_in_every_top_level_numbering(style: str, tmp_path: Path) -> None:
    """The host sums up the speech's own directives, whatever ordinals the speech shows them with
    (the check once mined the rendered speech back and misread 首先/其次 as nested points)."""
    from drafter.lint import lint_paths

    source = next(p for p in OUTLINES if p.stem == "mobilize").read_text(encoding="utf-8")
    kept = [line for line in source.splitlines() if not line.startswith("numbering:")]
    outline = tmp_path / "o.yaml"
    outline.write_text("\n".join([*kept, f"numbering: [{style}]", ""]), encoding="utf-8")
    assert not [f for f in lint_paths([str(outline)]) if f.code.startswith("D15")]


def test_outline_pack_finds_a_host_template_that_miscounts(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    """A writer's own host template that fixes the count and the list disagrees with the speech."""
    from drafter.lint import lint_paths
    from drafter.templating import builtin_template_dir

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    host_dir = tmp_path / "config" / "drafter" / "templates" / "host"
    host_dir.mkdir(parents=True)
    builtin = builtin_template_dir() / "host"
    shutil.copy(builtin / "_items.j2", host_dir)
    frame = (builtin / "meeting.j2").read_text(encoding="utf-8")
    assert "{{ ds|join_cn }}{{ ds|length|cn_count }}个方面" in frame
    (host_dir / "meeting.j2").write_text(
        frame.replace("{{ ds|join_cn }}{{ ds|length|cn_count }}个方面", "统一思想和狠抓落实五个方面"),
        encoding="utf-8")
    outline = next(p for p in OUTLINES if p.stem == "deploy")
    found = [f for f in lint_paths([str(outline)]) if f.code.startswith("D15")]
    headings = _top_headings(outline)
    assert sorted(f.code for f in found) == ["D152"] + ["D153"] * len(headings)
    assert any(f.code == "D152" and f"实际有{len(headings)}点" in f.message for f in found)
    assert sorted(f.message for f in found if f.code == "D153") == sorted(
        f"讲话稿第{n}点“{h}”没有出现在主持词对讲话的概括中" for n, h in enumerate(headings, 1))
