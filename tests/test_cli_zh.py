"""The command line speaks Chinese: help pages and usage errors carry no English words
other than command names, option names, choice values, file suffixes and a few proper names."""

from __future__ import annotations

import re

import pytest

from drafter import __version__
from drafter.cli import app, main
from drafter.cli_zh import display_width, translate_help, wrap

from .conftest import ROOT

# Proper names a Chinese help text uses as they are.
PROPER_NAMES = {"drafter", "YAML", "JSON", "Word", "WPS", "Windows", "Ctrl"}


def _allowed_tokens() -> set[str]:
    import typer

    group = typer.main.get_command(app)
    tokens = set(PROPER_NAMES)

    def walk(command: object) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            tokens.add(name)
            walk(sub)
        for param in getattr(command, "params", []):
            choices = getattr(getattr(param, "type", None), "choices", None) or []
            tokens.update(str(c) for c in choices)
    walk(group)
    return tokens


def english_words(text: str) -> set[str]:
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)      # option names
    text = re.sub(r"\.(?:yaml|yml|txt|md|html|htm|docx|doc|wps|pdf|json|tsv|j2)\b", " ", text)  # file suffixes
    text = re.sub(r"_GB2312", " ", text)                              # a font's name
    text = re.sub(r"\$(?:VISUAL|EDITOR)", " ", text)                  # environment variables
    text = re.sub(r"\b(?:gbt9704|common|table|json)(?=[|>）()]|\b)", " ", text)
    words = set(re.findall(r"[A-Za-z]{2,}", text))
    return words - _allowed_tokens()


def run_main(argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsysbinary.readouterr()
    return int(info.value.code or 0), out.decode("utf-8"), err.decode("utf-8")


HELP_PAGES = [["--help"], ["render", "--help"], ["preview", "--help"], ["new", "--help"],
              ["lint", "--help"], ["mine", "--help"], ["phrases", "--help"], ["schema", "--help"],
              ["validate", "--help"], ["edit", "--help"], ["templates", "--help"],
              ["templates", "show", "--help"], []]


@pytest.mark.parametrize("argv", HELP_PAGES, ids=lambda a: " ".join(a) or "(nothing)")
def test_help_pages_are_chinese(argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, err = run_main(argv, capsysbinary)
    assert code == 0 and err == ""
    assert out.startswith("用法：drafter")
    assert english_words(out) == set(), out
    for english in ("Usage", "Options", "Arguments", "Commands", "[required]", "default:",
                    "Show this message", "<path>", "<int", "list[", "<text>", "<str>"):
        assert english not in out


def test_render_help_shows_required_defaults_and_ranges_in_chinese(
        capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    _, render_help, _ = run_main(["render", "--help"], capsysbinary)
    assert "[必填]" in render_help and "[默认：gbt9704]" in render_help
    assert "选项：" in render_help and "参数：" in render_help
    _, preview_help, _ = run_main(["preview", "--help"], capsysbinary)
    assert "[默认：220；取值 60～600]" in preview_help


USAGE_ERRORS = [
    (["rendr", "a.yaml"], "没有这个命令：rendr，是否想写 render？"),
    (["render"], "缺少参数 大纲"),
    (["render", "a.yaml", "b.yaml"], "多余的参数：b.yaml"),
    (["render", "a.yaml", "--colour"], "没有这个选项：--colour"),
    (["render", "a.yaml", "--forse"], "是否想写 --force"),
    (["render", "a.yaml", "-o"], "选项 -o 后面缺少取值"),
    (["render", "a.yaml", "--font-profile", "x"], "--font-profile 只能是 gbt9704、common 之一"),
    (["preview", "a.yaml", "--rate", "5"], "--rate 不能小于 60"),
    (["preview", "a.yaml", "--rate", "abc"], "--rate 应为整数"),
    (["preview", "a.yaml", "--width", "999"], "--width 不能大于 400"),
    (["lint", "--format", "xml"], "只能是 table、json 之一"),
    (["mine"], "缺少参数 路径"),
    (["templates", "shw"], "没有这个命令：shw"),
    (["--watch"], "没有这个选项"),
]


@pytest.mark.parametrize("argv, needle", USAGE_ERRORS, ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_usage_errors_are_chinese_through_and_through(
        argv: list[str], needle: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, err = run_main(argv, capsysbinary)
    assert code == 2 and out == ""
    assert err.startswith("错误：") and needle in err, err
    assert err.count("\n") == 1 and "--help" in err
    assert english_words(err) - set(argv) == set(), err  # the writer's own words may be echoed
    assert "？。" not in err


def test_version_is_written_once(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = run_main(["--version"], capsysbinary)
    assert code == 0 and out == f"drafter {__version__}\n"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert __version__ not in pyproject  # the version lives in drafter/__init__.py only


def test_shell_completion_script(monkeypatch: pytest.MonkeyPatch,
                                 capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    monkeypatch.setenv("_DRAFTER_COMPLETE", "source_bash")
    code, out, err = run_main([], capsysbinary)
    assert code == 0 and "complete" in out and "_DRAFTER_COMPLETE=complete_bash" in out


def test_wrapping_by_display_width() -> None:
    text = "Word 字体方案：gbt9704（方正小标宋、仿宋_GB2312 等公文字体）或 common（Windows/WPS 自带的宋体）"
    for width in (20, 30, 44):
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        # a line may overrun only by one hanging closing mark
        assert all(display_width(line) <= width + 2 for line in lines)
        assert not any(line[0] in "，。）" for line in lines)
        assert not any(line.endswith(("（", "“")) for line in lines[:-1])
        assert any("仿宋_GB2312" in line for line in lines)  # a font's name is not split
        for word in ("gbt9704", "common", "Windows/WPS"):  # ASCII words are never split
            assert any(word in line for line in lines)


def test_translate_help_suffixes() -> None:
    assert translate_help("语速  [default: 220; 60<=x<=600]") == "语速  [默认：220；取值 60～600]"
    assert translate_help("篇  [x>=1]") == "篇  [不小于 1]"
    assert translate_help("[required]") == "[必填]"
    assert translate_help("Show this message and exit.") == "显示本帮助并退出。"
