"""The catalogue: bad inputs across every command. Each ends in exit 2 (1 for lint findings),
one clear Chinese message, no traceback, and no file created, changed or deleted."""

from __future__ import annotations

import sys
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
                             template("@p {{ lipsum.__globals__['os'].popen('id').read() }}\n")),
    "sandbox: file include": Case(["render", "o.yaml", "-t", "tpl"], "找不到模板", template("{% include '/etc/passwd' %}\n")),
    "template syntax error": Case(["render", "o.yaml", "-t", "tpl"], "mine.j2:2", template("@p 一\n@p {% if %}\n")),
    "template missing field": Case(["render", "o.yaml", "-t", "tpl"], "meeting.chair", template("@p {{ o.meeting.chair }}\n")),
    "missing template folder": Case(["render", "o.yaml", "-t", "无此目录"], "模板文件夹不存在", outline(GOOD)),
    # outputs
    "existing output": Case(["render", "o.yaml", "-o", "out.txt"], "文件已存在", {**outline(GOOD), "out.txt": "旧稿"}),
    "existing docx": Case(["render", "o.yaml", "-o", "out.docx"], "文件已存在", {**outline(GOOD), "out.docx": b"PK"}),
    "missing output folder": Case(["render", "o.yaml", "-o", "无此目录/out.txt"], "不存在", outline(GOOD)),
    "output is a folder": Case(["render", "o.yaml", "-o", "dir.docx"], "是一个文件夹", {**outline(GOOD), "dir.docx/x": "x"}),
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
    # usage
    "preview watch missing": Case(["preview", "--watch", "nope.yaml"], "找不到大纲文件"),
    "preview bad rate": Case(["preview", "o.yaml", "--rate", "5"], "参数取值无效", outline(GOOD), process=True),
    "missing argument": Case(["render"], "缺少参数 OUTLINE", process=True),
    "unknown option": Case(["render", "o.yaml", "--colour"], "没有这个选项", outline(GOOD), process=True),
    "unknown command": Case(["rendr", "o.yaml"], "没有这个命令", outline(GOOD), process=True),
}


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    for rel, content in case.files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    before = snapshot(tmp_path)
    if case.process:
        import subprocess

        done = subprocess.run([sys.executable, "-m", "drafter", *case.args], capture_output=True,
                              cwd=tmp_path, timeout=60)
        code, stdout, stderr = done.returncode, done.stdout.decode(), done.stderr.decode()
    else:
        result = runner.invoke(app, case.args)
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    output = stdout + stderr
    assert code == case.code, output
    assert case.needle in output, output
    assert "Traceback" not in output
    if case.code == 2:
        assert stdout == ""
        errors = [line for line in stderr.splitlines() if line.startswith("错误：")]
        assert len(errors) == 1, output  # one message (it may list several problems below it)
    after = snapshot(tmp_path)
    for allowed in case.allowed_new:
        after.pop(allowed, None)
    assert after == before, "a failed command must not create, change or delete files"
