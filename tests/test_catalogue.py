"""The catalogue: bad inputs across every command. Each ends in exit 2 (1 for lint findings),
one clear Chinese message, no traceback, and no file created, changed or deleted."""

from __future__ import annotations

import io
import os
import socket
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app

from .conftest import ROOT, snapshot

runner = CliRunner()
GOOD = (ROOT / "outlines" / "deploy.yaml").read_text(encoding="utf-8")
BOMB = "\n".join(['a: &a ["x","x","x","x","x","x","x","x","x","x"]'] + [
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(8)]) + "\n"


@dataclass
class Case:
    args: list[str]
    needle: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    code: int = 2
    env: dict[str, str] = field(default_factory=dict)
    allowed_new: tuple[str, ...] = ()  # files a failed run may leave on purpose (the writer's draft)
    process: bool = False  # run the real console entry (usage errors are translated there)
    links: dict[str, str] = field(default_factory=dict)  # symlink name -> target
    fifos: tuple[str, ...] = ()
    stdin: bytes | str | None = None  # bytes to feed, or a path to read standard input from


def py(code: str) -> str:
    """An editor command: a Python one-liner given the draft's path as sys.argv[1]."""
    return f"{sys.executable} -c \"import sys, os, pathlib; p = pathlib.Path(sys.argv[1]); {code}\""


def zip_bomb() -> bytes:
    """A small .docx whose document part inflates past the cap (a real bomb is thousands:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (65 * 1024 * 1024))
    return buffer.getvalue()


DRAFT = (".o.yaml.drafter-edit",)
GBK_NAME = os.fsdecode("工作会议".encode("gbk")) + ".txt"  # as unzip leaves names from Chinese Windows
SPEECH = "同志们：\n下面，我讲两点意见。\n一、抓项目\n要抓项目。\n二、抓落实\n要抓落实。\n"
LOCK = f"{os.getpid()} {socket.gethostname()}\n"


def outline(text: str | bytes) -> dict[str, str | bytes]:
    return {"o.yaml": text}


def template(body: str) -> dict[str, str | bytes]:
    return {"o.yaml": "template: mine\n", "tpl/mine.j2": body}


CASES: dict[str, Case] = {
    # reading outlines
    "missing outline": Case(["render", "nope.yaml"], "找不到大纲文件"),
    "outline is a folder": Case(["render", "."], "文件夹"),
    "empty outline": Case(["render", "o.yaml"], "是空的", outline("")),
    "comments only": Case(["render", "o.yaml"], "只有注释", outline("# 以后再写\n")),
    "binary outline": Case(["render", "o.yaml"], "二进制", outline(b"\x89PNG\x00\x00")),
    "GBK outline": Case(["render", "o.yaml"], "不是 UTF-8", outline("title: 讲话\n".encode("gbk"))),
    "huge outline": Case(["render", "o.yaml"], "过大", outline("title: " + "长" * 800_000 + "\n")),
    # there is no "paragraph file" to move long text into: the hint names what a writer can do
    "speech given as outline": Case(["validate", "o.yaml"], "drafter mine", outline("# " + "长" * 800_000 + "\n")),
    "deep nesting": Case(["render", "o.yaml"], "嵌套超过", outline("title: " + "[" * 60 + "]" * 60 + "\n")),
    "alias bomb": Case(["render", "o.yaml"], "别名炸弹", outline(BOMB)),
    "unclosed quote": Case(["render", "o.yaml"], "引号没有闭合", outline('title: "讲话\n')),
    "unclosed bracket": Case(["render", "o.yaml"], "没有闭合", outline("directives: [一, 二\n")),
    "tab indentation": Case(["render", "o.yaml"], "制表符", outline("meeting:\n\tname: 会\n")),
    "bad indentation": Case(["render", "o.yaml"], "缩进", outline("meeting:\n  name: 会\n    purpose: x\n")),
    "two documents": Case(["render", "o.yaml"], "多个 YAML 文档", outline("title: 一\n---\ntitle: 二\n")),
    "list at the root": Case(["render", "o.yaml"], "这里却是列表", outline("- 一\n")),
    "text at the root": Case(["render", "o.yaml"], "这里却是一段文字", outline("讲话稿\n")),
    "full-width colon": Case(["render", "o.yaml"], "全角冒号", outline("title：讲话\n")),
    "unknown key": Case(["render", "o.yaml"], "是否想写“title”", outline("titel: 讲话\n")),
    "unknown nested key": Case(["render", "o.yaml"], "是否想写“purpose”", outline("meeting:\n  purpse: x\n")),
    "Chinese key": Case(["render", "o.yaml"], "字段名请用英文", outline("标题: 讲话\n")),
    "duplicate key": Case(["render", "o.yaml"], "重复的键", outline("title: 一\ntitle: 二\n")),
    "wrong type top": Case(["render", "o.yaml"], "应为映射", outline("meeting: 全市会议\n")),
    "wrong type list": Case(["render", "o.yaml"], "应为列表", outline("directives: 三点\n")),
    "wrong type nested": Case(["render", "o.yaml"], "应为文本", outline("directives:\n  - heading: 123\n")),
    "wrong type deep": Case(["render", "o.yaml"], "directives[0].points[0].body",
                            outline("directives:\n  - heading: 一\n    points:\n      - heading: 二\n        body: 三\n")),
    "missing heading": Case(["render", "o.yaml"], "缺少必填字段", outline("directives:\n  - body: [正文]\n")),
    "bad ordinal style": Case(["render", "o.yaml"], "未知的序号样式", outline("numbering: [甲]\n")),
    "bad transition style": Case(["render", "o.yaml"], "未知的过渡句样式", outline("transition: {style: 讲点}\n")),
    "closed series too long": Case(["render", "o.yaml"], "只适合二至四项",
                                   outline("numbering: [首先]\ndirectives: [一, 二, 三, 四, 五]\n")),
    "number out of range": Case(["render", "o.yaml"], "不小于", outline("target_length: 5\n")),
    # templates
    "unknown template": Case(["render", "o.yaml"], "未知的会议类型", outline("template: 茶话会\n")),
    "template path escape": Case(["render", "o.yaml"], "不能包含路径", outline("template: ../../etc/passwd\n")),
    "sandbox: class walk": Case(["render", "o.yaml", "-t", "tpl"], "沙箱", template("@p {{ ''.__class__.__mro__ }}\n")),
    "sandbox: globals": Case(["render", "o.yaml", "-t", "tpl"], "沙箱",
                             template("@p {{ cycler.__init__.__globals__['os'].popen('id').read() }}\n")),
    "sandbox: file include": Case(["render", "o.yaml", "-t", "tpl"], "找不到模板", template("{% include '/etc/passwd' %}\n")),
    "template syntax error": Case(["render", "o.yaml", "-t", "tpl"], "mine.j2:2", template("@p 一\n@p {% if %}\n")),
    "template missing field": Case(["render", "o.yaml", "-t", "tpl"], "meeting.chair", template("@p {{ o.meeting.chair }}\n")),
    "template links to a secret": Case(["render", "o.yaml", "-t", "tpl"], "模板文件夹之外",
                                       {**template("{% include 'leak.j2' %}\n"), "secret.txt": "@p 机密内容\n"},
                                       links={"tpl/leak.j2": "../secret.txt"}),
    "template folder links to /etc": Case(["render", "o.yaml", "-t", "tpl"], "模板文件夹之外",
                                          template("{% include 'etc/hostname' %}\n"), links={"tpl/etc": "/etc"}),
    "meeting type links to a secret": Case(["render", "o.yaml", "-t", "tpl"], "未知的会议类型",
                                           {"o.yaml": "template: leak\n", "secret.txt": "机密第一行\n"},
                                           links={"tpl/leak.j2": "../secret.txt"}),
    "template saved as GBK": Case(["render", "o.yaml", "-t", "tpl"], "不是 UTF-8",
                                  {"o.yaml": "template: mine\n", "tpl/mine.j2": "@p 讲话\n".encode("gbk")}),
    "template is a FIFO": Case(["render", "o.yaml", "-t", "tpl"], "不是普通文件", {"o.yaml": "template: mine\n"},
                               fifos=("tpl/mine.j2",)),
    "validate GBK template": Case(["validate", "o.yaml", "-t", "tpl"], "不是 UTF-8",
                                  {"o.yaml": "template: mine\n", "tpl/mine.j2": "@p 讲话\n".encode("gbk")}),
    "sandbox: string times 10**9": Case(["render", "o.yaml", "-t", "tpl"], "过大", template("@p {{ 'a' * 10**9 }}\n")),
    "sandbox: nested range loops": Case(["render", "o.yaml", "-t", "tpl"], "循环和调用超过",
                                        template("{% for i in range(100000) %}{% for j in range(100000) %}"
                                                 "{% endfor %}{% endfor %}@p x\n")),
    "sandbox: lipsum is gone": Case(["render", "o.yaml", "-t", "tpl"], "lipsum", template("@p {{ lipsum(10**6) }}\n")),
    "sandbox: 2**10000000": Case(["render", "o.yaml", "-t", "tpl"], "乘方结果过大", template("@p {{ 2**10000000 }}\n")),
    "sandbox: center filter": Case(["render", "o.yaml", "-t", "tpl"], "过大", template("@p {{ 'a'|center(10**9) }}\n")),
    "sandbox: ljust method": Case(["render", "o.yaml", "-t", "tpl"], "过大", template("@p {{ 'a'.ljust(10**9) }}\n")),
    "sandbox: % width": Case(["render", "o.yaml", "-t", "tpl"], "格式化", template("@p {{ '%0999999999d' % 1 }}\n")),
    "sandbox: format width": Case(["render", "o.yaml", "-t", "tpl"], "格式化", template("@p {{ '{:>999999999}'.format(1) }}\n")),
    "sandbox: replace blow-up": Case(["render", "o.yaml", "-t", "tpl"], "过大",
                                     template("{% set s = 'a' * 100000 %}@p {{ s.replace('a', s) }}\n")),
    "sandbox: doubling with ~": Case(["render", "o.yaml", "-t", "tpl"], "过大", template(
        "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}@p x\n")),
    "sandbox: exponential macro": Case(["render", "o.yaml", "-t", "tpl"], "循环和调用超过", template(
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}@p {{ f(30) }}\n")),
    "sandbox: squaring integers": Case(["render", "o.yaml", "-t", "tpl"], "整数过大", template(
        "{% set ns = namespace(x=3) %}{% for i in range(30) %}{% set ns.x = ns.x * ns.x %}{% endfor %}@p x\n")),
    "sandbox: huge output": Case(["render", "o.yaml", "-t", "tpl"], "已停止",
                                 template("{% for i in range(90000) %}@p {{ 'x' * 90 }}\n{% endfor %}")),
    "missing template folder": Case(["render", "o.yaml", "-t", "无此目录"], "模板文件夹不存在", outline(GOOD)),
    # outputs
    "existing output": Case(["render", "o.yaml", "-o", "out.txt"], "文件已存在", {**outline(GOOD), "out.txt": "旧稿"}),
    "existing docx": Case(["render", "o.yaml", "-o", "out.docx"], "文件已存在", {**outline(GOOD), "out.docx": b"PK"}),
    "missing output folder": Case(["render", "o.yaml", "-o", "无此目录/out.txt"], "不存在", outline(GOOD)),
    "output is a folder": Case(["render", "o.yaml", "-o", "dir.docx"], "是一个文件夹", {**outline(GOOD), "dir.docx/x": "x"}),
    "output is a folder without suffix": Case(["render", "o.yaml", "-o", "稿件"], "是一个文件夹", {**outline(GOOD), "稿件/x": "x"}),
    "reading copy into a folder": Case(["render", "o.yaml", "--reading-copy", "-o", "稿件"], "是一个文件夹",
                                       {**outline(GOOD), "稿件/x": "x"}),
    "unknown suffix": Case(["render", "o.yaml", "-o", "out.pdf"], ".docx", outline(GOOD)),
    "final with open facts": Case(["render", "o.yaml", "--final", "-o", "out.txt"], "定稿检查未通过",
                                  outline("title:\n"), code=1),
    "new over existing": Case(["new", "deploy", "-o", "o.yaml"], "文件已存在", outline("mine")),
    "new unknown type": Case(["new", "茶话会"], "未知的会议类型"),
    "new --from binary": Case(["new", "deploy", "--from", "s.txt"], "二进制", {"s.txt": b"\x00\x01"}),
    # issue 8: new --from reads speeches through the corpus decoder, as mine does
    "new --from GBK speech": Case(["new", "deploy", "--from", "s.txt"], "抓好项目建设",
                                  {"s.txt": "同志们：\n下面，我讲两点意见。\n一、抓好项目建设\n要抓紧抓实。\n"
                                            "二、改进工作作风\n要真抓实干。\n".encode("gbk")}, code=0),
    "schema over existing": Case(["schema", "-o", "s.json"], "文件已存在", {"s.json": "{}"}),
    # mine, phrases, lint
    "mine nothing readable": Case(["mine", "empty"], "没有读到", {"empty/x.pdf": b"%PDF"}),
    "mine outline over existing": Case(["mine", "s.txt", "-o", "o.yaml"], "文件已存在",
                                       {"s.txt": "同志们：\n下面，我讲两点意见。\n一、甲\n要甲。\n二、乙\n要乙。\n", **outline("mine")}),
    "mine emit templates onto a file": Case(
        ["mine", "s.txt", "--phrasebank", "b.json", "--emit-templates", "t.j2"], "文件夹",
        {"s.txt": "同志们：\n下面，我讲两点意见。\n一、甲\n要甲。\n二、乙\n要乙。\n", "t.j2": "mine"}),
    "phrases unknown part": Case(["phrases", "序言"], "未知的部分"),
    "phrases broken book": Case(["phrases", "opening", "--phrasebank", "b.json"], "不是有效的 JSON", {"b.json": "{"}),
    "lint findings": Case(["lint", "d.txt"], "D101", {"d.txt": "今年完成xx亿元。\n"}, code=1),
    "lint unknown rule": Case(["lint", "d.txt", "--ignore", "D999"], "未知的规则代码", {"d.txt": "好。\n"}),
    "lint broken docx": Case(["lint", "d.docx"], "无法读取", {"d.docx": b"not a zip"}),
    "lint invalid outline": Case(["lint", "o.yaml"], "未知字段", outline("titel: 讲话\n")),
    # editing
    "edit missing": Case(["edit", "nope.yaml"], "找不到大纲文件"),
    "edit: editor crashes": Case(["edit", "o.yaml"], "编辑器异常退出", outline(GOOD),
                                 env={"VISUAL": f"{sys.executable} -c \"import sys; open(sys.argv[1], 'a').write('# x'); sys.exit(9)\""},
                                 allowed_new=(".o.yaml.drafter-edit",)),
    "edit: no such editor": Case(["edit", "o.yaml"], "无法启动编辑器", outline(GOOD), env={"VISUAL": "no-such-editor-xyz"},
                                 allowed_new=(".o.yaml.drafter-edit",)),
    "edit: outline is a folder": Case(["edit", "d"], "文件夹", {"d/o.yaml": GOOD}),
    "edit: outline is a FIFO": Case(["edit", "o.yaml"], "不是普通文件", fifos=("o.yaml",)),
    "edit: editor deletes the draft": Case(["edit", "o.yaml"], "删除了修改稿", outline(GOOD),
                                           env={"VISUAL": py("os.remove(p)")}),
    "edit: editor leaves a folder": Case(["edit", "o.yaml"], "文件夹", outline(GOOD),
                                         env={"VISUAL": py("os.remove(p); os.mkdir(p)")}),
    "edit: editor saves GBK": Case(["edit", "o.yaml"], "不是 UTF-8", outline(GOOD), allowed_new=DRAFT,
                                   env={"VISUAL": py("p.write_bytes(p.read_text('utf-8').encode('gbk', 'replace'))")}),
    "edit: editor appends 3 MB": Case(["edit", "o.yaml"], "过大", outline(GOOD), allowed_new=DRAFT,
                                      env={"VISUAL": py("p.write_bytes(p.read_bytes() + b'#' * 3000000)")}),
    "edit: already being edited": Case(["edit", "o.yaml"], "正在另一个 drafter edit 中编辑",
                                       {**outline(GOOD), ".o.yaml.drafter-lock": LOCK}),
    "edit: VISUAL with an open quote": Case(["edit", "o.yaml"], "写法有误", outline(GOOD),
                                            env={"VISUAL": 'vim "'}),
    "edit: symlink loop": Case(["edit", "o.yaml"], "符号链接", links={"o.yaml": "o.yaml"}),
    # reading: regular files only, caps count bytes read
    "render a FIFO": Case(["render", "o.yaml"], "不是普通文件", fifos=("o.yaml",)),
    "render /dev/zero": Case(["render", "/dev/zero"], "不是普通文件"),
    "render a link to /dev/zero": Case(["render", "o.yaml"], "不是普通文件", links={"o.yaml": "/dev/zero"}),
    "render 30 MB from a pipe": Case(["render", "-"], "过大", stdin=b"title: " + b"x" * (30 * 1024 * 1024)),
    "render - from a GBK pipe": Case(["render", "-"], "<标准输入>:1：大纲文件不是 UTF-8", stdin="title: 讲话\n".encode("gbk")),
    "render /dev/stdin pipe": Case(["render", "/dev/stdin"], "不是普通文件", stdin=b"title: x\n", process=True),
    "lint a link to /dev/zero": Case(["lint", "d.txt"], "不是普通文件", links={"d.txt": "/dev/zero"}),
    "lint a FIFO": Case(["lint", "d.txt"], "不是普通文件", fifos=("d.txt",)),
    "lint docx zip bomb": Case(["lint", "d.docx"], "压缩炸弹", {"d.docx": zip_bomb()}),
    "new --from /dev/zero": Case(["new", "deploy", "--from", "/dev/zero"], "不是普通文件"),
    "new --from a folder": Case(["new", "deploy", "--from", "."], "文件夹"),
    "mine /dev/zero": Case(["mine", "/dev/zero"], "不是普通文件"),
    "mine - from /dev/zero": Case(["mine", "-"], "过大", stdin="/dev/zero", process=True),
    "UTF-16 without BOM": Case(["render", "o.yaml"], "没有 BOM 的 UTF-16", outline("title: 讲话\n".encode("utf-16-le"))),
    "phrasebank is {}": Case(["phrases", "opening", "--phrasebank", "b.json"], "结构不对", {"b.json": "{}"}),
    "phrasebank is the schema": Case(["phrases", "opening", "--phrasebank", "b.json"], "结构不对",
                                     {"b.json": (ROOT / "drafter" / "outline.schema.json").read_bytes()}),
    "phrasebank deeply nested": Case(["phrases", "opening", "--phrasebank", "b.json"], "短语库",
                                     {"b.json": "[" * 100_000 + "]" * 100_000}),
    "phrasebank bad example": Case(["phrases", "opening", "--phrasebank", "b.json"], "examples[0]",
                                   {"b.json": '{"parts": {"opening": [{"frame": "x", "count": 1, "examples": [1]}]}}'}),
    # names and text from outside are data
    "non-UTF-8 name: mine --json": Case(["mine", "--json", "."], "\\xb9", {GBK_NAME: SPEECH}, code=0),
    "non-UTF-8 name: mine report": Case(["mine", "."], "\\xb9", {GBK_NAME: SPEECH}, code=0),
    "non-UTF-8 name: lint": Case(["lint", "."], "\\xb9", {GBK_NAME: "今年完成xx亿元。\n"}, code=1),
    "non-UTF-8 name: render": Case(["render", GBK_NAME], "\\xb9", {GBK_NAME: "titel: 讲话\n"}),
    "newline in a name: render": Case(["render", "a\nb.yaml"], "a\\nb.yaml", {"a\nb.yaml": "titel: 讲话\n"}),
    "[/url] in a lint finding": Case(["lint", "d.txt"], "[/url]", {"d.txt": "今年完成任务。详见http://a/[/url]\n"}, code=1),
    "[red] in a mined file name": Case(["mine", "."], "a[red].txt", {"a[red].txt": SPEECH}, code=0),
    "file name over 255 bytes": Case(["render", "长" * 90 + ".yaml"], "文件名过长"),
    "output name over 255 bytes": Case(["render", "o.yaml", "-o", "长" * 90 + ".txt"], "文件名过长", outline(GOOD)),
    "mine -o name over 255 bytes": Case(["mine", "s.txt", "-o", "长" * 90 + ".yaml"], "文件名过长", {"s.txt": SPEECH}),
    "lint name over 255 bytes": Case(["lint", "长" * 90 + ".txt"], "文件名过长"),
    # numbers a speech can say, and every message in plain Chinese with a position
    "date \\b to .docx (issue 8)": Case(["render", "o.yaml", "-o", "out.docx"], "已写入", outline('date: "\\b"\n'),
                                        code=0, allowed_new=("out.docx",)),
    "new --from a GBK speech (issue 8)": Case(["new", "deploy", "--from", "s.txt"], "抓项目",
                                              {"s.txt": SPEECH.encode("gbk")}, code=0),
    "a date that does not exist": Case(["render", "o.yaml"], "o.yaml:1:7 date：日期“2025-13-01”不存在", outline("date: 2025-13-01\n")),
    "a number as a key": Case(["render", "o.yaml"], "o.yaml:2:3 meeting：键“1”不是字段名", outline("meeting:\n  1: 会\n")),
    "nan target length": Case(["render", "o.yaml"], "o.yaml:1:16 target_length：应为普通的数", outline("target_length: .nan\n")),
    "timestamp for text": Case(["render", "o.yaml"], "请加引号", outline("title: 2025-02-05 10:00:00\n")),
    "growth nan": Case(["render", "o.yaml"], "不是一个数（nan）", outline(
        "review:\n  achievements:\n    - indicator: 投资\n      growth: .nan\n")),
    "growth 1.2e+29": Case(["render", "o.yaml"], "读不出来", outline(
        "review:\n  achievements:\n    - indicator: 投资\n      growth: 1.2e+29\n")),
    "value -inf": Case(["render", "o.yaml"], "o.yaml:4:14", outline(
        "review:\n  achievements:\n    - indicator: 投资\n      value: -.inf\n")),
    "a !!set": Case(["render", "o.yaml"], "!!set", outline("directives: !!set {甲: null, 乙: null}\n")),
    "templates show X -t missing": Case(["templates", "show", "deploy", "-t", "无此目录"], "模板文件夹不存在"),
    "ASCII stderr stays readable": Case(["render", "nope.yaml"], "找不到大纲文件", env={"PYTHONIOENCODING": "ascii"},
                                        process=True),
    # usage
    "preview watch missing": Case(["preview", "--watch", "nope.yaml"], "找不到大纲文件"),
    "preview bad rate": Case(["preview", "o.yaml", "--rate", "5"], "参数取值无效", outline(GOOD), process=True),
    "missing argument": Case(["render"], "缺少参数 大纲", process=True),
    "unknown option": Case(["render", "o.yaml", "--colour"], "没有这个选项", outline(GOOD), process=True),
    "unknown command": Case(["rendr", "o.yaml"], "没有这个命令", outline(GOOD), process=True),
}


SANDBOX_LIMITS = [name for name in CASES if name.startswith("sandbox: ") and name not in (
    "sandbox: class walk", "sandbox: globals", "sandbox: file include", "sandbox: lipsum is gone")]


@pytest.mark.parametrize("name", SANDBOX_LIMITS)
def test_sandbox_refusals_name_template_and_line(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    case = CASES[name]
    for rel, content in case.files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    start = time.monotonic()
    result = runner.invoke(app, case.args)
    assert time.monotonic() - start < 8, name
    assert ("tpl/mine.j2" if name == "sandbox: huge output" else "tpl/mine.j2:1") in result.stderr, result.stderr


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    for rel, content in case.files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for rel, target in case.links.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).symlink_to(target)
    for rel in case.fifos:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(tmp_path / rel)
    monkeypatch.chdir(tmp_path)
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    before = snapshot(tmp_path)
    if case.process:
        import subprocess

        stdin = open(case.stdin, "rb") if isinstance(case.stdin, str) else None  # noqa: SIM115
        try:
            done = subprocess.run([sys.executable, "-m", "drafter", *case.args], capture_output=True,
                                  cwd=tmp_path, timeout=60, stdin=stdin,
                                  input=case.stdin if isinstance(case.stdin, bytes) else None)
        finally:
            if stdin is not None:
                stdin.close()
        code, stdout, stderr = done.returncode, done.stdout.decode(), done.stderr.decode()
    else:
        result = runner.invoke(app, case.args, input=case.stdin if isinstance(case.stdin, bytes) else None)
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    output = stdout + stderr
    assert code == case.code, output
    assert case.needle in output, output
    assert "Traceback" not in output
    assert "机密" not in output  # nothing from outside the template folders is ever shown
    if case.code == 2:
        assert stdout == ""
        errors = [line for line in stderr.splitlines() if line.startswith("错误：")]
        assert len(errors) == 1, output  # one message (it may list several problems below it)
    after = snapshot(tmp_path)
    for allowed in case.allowed_new:
        after.pop(allowed, None)
    assert after == before, "a failed command must not create, change or delete files"
