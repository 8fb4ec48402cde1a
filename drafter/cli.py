"""The command line: parse the arguments, then call one `run_<name>` function (drafter.commands,
drafter.mining) that does the work and writes through the given callbacks.

Imports of anything heavy happen inside the commands that need them, so that `drafter render`
starts fast. What ends a run early (a user's error, Ctrl-C, a broken or full output) goes to the
one reporter, drafter.streams.report_failure, which the start-up fast path calls too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer

from .cli_zh import ChineseGroup, usage_message
from .errors import DrafterError

app = typer.Typer(
    name="drafter",
    cls=ChineseGroup,
    help="drafter：领导讲话稿起草助手。用 YAML 大纲描述讲话，生成格式规范的讲话稿。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
templates_app = typer.Typer(cls=ChineseGroup, help="列出会议类型（模板），或查看某一类型的组成。",
                            invoke_without_command=True, no_args_is_help=False)
app.add_typer(templates_app, name="templates")

class FontProfileChoice(StrEnum):
    gbt9704 = "gbt9704"
    common = "common"


TemplateDirOption = typer.Option(None, "--template-dir", "-t", metavar="<文件夹>",
                                 help="自定义模板文件夹（可多次指定），可新增或覆盖内置会议类型")


def _write_stdout(text: str) -> None:
    # UTF-8 whatever the locale; a broken pipe or full disk is an OutputError (drafter.streams).
    from .streams import write_out

    write_out(text)


def _err(text: str) -> None:
    from .streams import write_err

    write_err(text)


@contextmanager
def user_errors() -> Iterator[None]:
    """The one reporter (drafter.streams.report_failure) for what ends a command early: a
    DrafterError, Ctrl-C, a broken or full standard output. Anything else is a bug."""
    try:
        yield
    except (Exception, KeyboardInterrupt) as exc:
        from .streams import report_failure

        code = report_failure(exc)
        if code is None:
            raise
        raise typer.Exit(code) from None


def _show_version(value: bool) -> None:
    if value:
        from . import __version__

        _write_stdout(f"drafter {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_show_version, is_eager=True,
                                 help="显示版本号并退出。"),
) -> None:
    """drafter：领导讲话稿起草助手。用 YAML 大纲描述讲话，生成格式规范的讲话稿。"""


def _dirs(template_dir: Optional[list[Path]]) -> list[Path]:
    return list(template_dir or [])


@app.command()
def render(
    outline: Path = typer.Argument(..., metavar="大纲", help="大纲文件（.yaml）"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="<文件>",
                                          help="写入文件，格式由后缀决定；不写则打印到屏幕"),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的输出文件"),
    final: bool = typer.Option(False, "--final", help="定稿：仍有〔待补〕时拒绝输出（退出码 1）"),
    template_dir: Optional[list[Path]] = TemplateDirOption,
    font_profile: FontProfileChoice = typer.Option(
        FontProfileChoice.gbt9704, "--font-profile",
        help="Word 字体方案：gbt9704（方正小标宋、仿宋_GB2312 等公文字体）或 common（Windows/WPS 自带的宋体、黑体、楷体、仿宋）"),
    host: bool = typer.Option(False, "--host", help="生成同一会议的主持词，而不是讲话稿"),
    reading_copy: bool = typer.Option(
        False, "--reading-copy", help="生成念稿：大字号、段落不跨页，只能用 -o 写入 .docx 或 .html"),
    pinyin: bool = typer.Option(True, "--pinyin/--no-pinyin", help="念稿中给生僻字、易读错字词注拼音"),
    pauses: bool = typer.Option(False, "--pauses", help="念稿中在较长的主语后加停顿号“／”"),
) -> None:
    """把大纲生成讲话稿：打印到屏幕，或用 -o 写入 .txt / .md / .html / .docx 文件。"""
    with user_errors():
        from .commands import run_render

        code = run_render(outline, output=output, force=force, final=final,
                          template_dirs=_dirs(template_dir), out=_write_stdout, err=_err,
                          font_profile=font_profile.value, host=host, reading_copy=reading_copy,
                          pinyin=pinyin, pauses=pauses)
    if code:
        raise typer.Exit(code)


@app.command()
def preview(
    outline: Path = typer.Argument(..., metavar="大纲", help="大纲文件（.yaml）"),
    rate: int = typer.Option(220, "--rate", metavar="<字数>", min=60, max=600, help="语速（字/分钟），用于估算讲话时长"),
    width: Optional[int] = typer.Option(None, "--width", metavar="<列数>", min=20, max=400, help="显示宽度（字符）"),
    watch: bool = typer.Option(False, "--watch", "-w", help="大纲或模板一保存就重新显示，按 Ctrl-C 退出"),
    template_dir: Optional[list[Path]] = TemplateDirOption,
    host: bool = typer.Option(False, "--host", help="预览主持词，并估算主持词、讲话和全场的时长"),
) -> None:
    """在终端里预览讲话稿，并显示字数、讲话时长、意见条数和各点篇幅。"""
    with user_errors():
        from .commands import run_preview

        run_preview(outline, rate=rate, width=width, host=host, template_dirs=_dirs(template_dir),
                    watch=watch, err=_err)


@app.command()
def validate(
    outline: Path = typer.Argument(..., metavar="大纲", help="大纲文件（.yaml）"),
    template_dir: Optional[list[Path]] = TemplateDirOption,
) -> None:
    """检查大纲：字段、会议类型和序号样式都有效，才算通过；列出全部问题。"""
    with user_errors():
        from .commands import run_validate

        run_validate(outline, template_dirs=_dirs(template_dir), err=_err)


@app.command()
def new(
    meeting_type: str = typer.Argument(..., metavar="类型", help="会议类型，见 drafter templates"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="<文件>", help="写入大纲文件；不写则打印"),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的文件"),
    from_speech: Optional[Path] = typer.Option(None, "--from", metavar="<讲话稿>", help="从一篇已有的讲话稿提取内容填入大纲"),
    template_dir: Optional[list[Path]] = TemplateDirOption,
) -> None:
    """生成一份带注释的大纲，填空即可使用；--from 用已有讲话稿的内容预先填好。"""
    with user_errors():
        from .commands import run_new

        run_new(meeting_type, output=output, force=force, from_speech=from_speech,
                template_dirs=_dirs(template_dir), out=_write_stdout, err=_err)


class LintFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def lint(
    paths: Optional[list[str]] = typer.Argument(None, metavar="路径", help="大纲（.yaml）或讲话稿（.txt .md .docx .doc .wps .html .pdf），可以是文件夹"),
    output_format: LintFormat = typer.Option(LintFormat.table, "--format", help="table（表格）或 json（供其他工具读取）"),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", metavar="<规则代码>", help="这次不检查的规则代码，可多次指定"),
    names: Optional[list[str]] = typer.Option(None, "--name", metavar="<地名>", help="本地地名、单位（查旧稿残留用），可多次指定"),
    usage: Optional[list[str]] = typer.Option(None, "--usage", metavar="<文件>", help="自己的用词表（.tsv，格式同内置表），可多次指定"),
    rules: bool = typer.Option(False, "--rules", help="列出全部规则"),
    tifa: Optional[list[str]] = typer.Option(None, "--tifa", metavar="<文件>", help="另加的提法规则文件（.yaml），可多次指定"),
    against: Optional[list[str]] = typer.Option(None, "--against", metavar="<路径>", help="查重：与这些文件或文件夹（.txt .md .docx）比对，可多次指定"),
) -> None:
    """检查大纲和讲话稿：占位符、数目不符、序号、标点、繁体、拼音、乱码、重复、旧稿残留、提法等；--against 与旧稿查重。有错误时退出码为 1。"""
    with user_errors():
        from .commands import run_lint

        code = run_lint(paths or [], output_format=output_format.value, ignore=ignore or [],
                        names=names or [], list_rules=rules, out=_write_stdout,
                        tifa=tifa or [], against=against or [], usage=usage or [])
    if code:
        raise typer.Exit(code)


@app.command()
def edit(outline: Path = typer.Argument(..., metavar="大纲", help="大纲文件（.yaml）")) -> None:
    """用编辑器修改大纲，保存时检查，不会丢失内容。

    编辑器取 $VISUAL 或 $EDITOR。出错时可回到编辑器、仍然保存或放弃；原文件只会被整体替换，上一版留作“文件名~”。
    """
    with user_errors():
        from .commands import run_edit

        run_edit(outline, err=_err)


@app.command()
def schema(
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="<文件>", help="写入文件；不写则打印"),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的文件"),
) -> None:
    """打印大纲的结构说明（JSON 格式，供编辑器补全和检查）。"""
    with user_errors():
        from .commands import run_schema

        run_schema(output=output, force=force, out=_write_stdout, err=_err)


@app.command()
def mine(
    paths: list[str] = typer.Argument(..., metavar="路径", help="讲话稿文件或文件夹（.txt .md .docx .doc .wps .html .pdf，可多个），- 表示标准输入"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="<大纲>", help="把一篇讲话的结构写成大纲（.yaml）"),
    speech: Optional[int] = typer.Option(None, "--speech", metavar="<第几篇>", min=1, help="文件中有多篇讲话时，选第几篇"),
    as_json: bool = typer.Option(False, "--json", help="每个文件输出一行 JSON，供其他工具使用"),
    report: bool = typer.Option(False, "--report", help="显示汇总报告（默认）"),
    phrasebank: Optional[Path] = typer.Option(None, "--phrasebank", metavar="<文件>", help="把常用语句框架写入 JSON 文件"),
    min_count: int = typer.Option(2, "--min-count", metavar="<篇数>", min=1, max=1000,
                                  help="短语库只收至少在这么多篇讲话中出现的句式"),
    unit: Optional[list[str]] = typer.Option(None, "--unit", metavar="<名称>",
                                             help="本地、本单位的名称（如 云川县、县交通运输局），在短语库中换成 {地}/{单位}，可多次指定"),
    emit_templates: Optional[Path] = typer.Option(None, "--emit-templates", metavar="<文件夹>",
                                                  help="按本单位的常用语生成模板，写入这个文件夹"),
    jobs: int = typer.Option(1, "--jobs", "-j", metavar="<进程数>", min=1, max=64, help="并行进程数"),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的输出文件"),
    template_dir: Optional[list[Path]] = TemplateDirOption,
) -> None:
    """从讲话稿中提取结构、常用开头结尾和过渡句，可生成大纲、短语库和模板。"""
    with user_errors():
        from .mining import run_mine

        code = run_mine(paths, output=output, speech_number=speech, as_json=as_json,
                        report=report, phrasebank_path=phrasebank, templates_dir=emit_templates,
                        jobs=jobs, force=force, out=_write_stdout, err=_err, min_count=min_count,
                        units=tuple(unit or ()), template_dirs=_dirs(template_dir))
    if code:
        raise typer.Exit(code)


@app.command()
def phrases(
    part: str = typer.Argument(..., metavar="部分", help="开场、回顾、问题、过渡、意见、结尾或提醒"),
    topic: Optional[str] = typer.Option(None, "--topic", metavar="<话题>", help="话题，如：招商、安全生产、党建；没有专门用语时给出通用用语"),
    date: Optional[str] = typer.Option(None, "--date", metavar="<日期>", help="讲话日期，如 2026-03-01；只给出这一年适用的用语（默认今天）"),
    outline: Optional[Path] = typer.Option(None, "--outline", metavar="<大纲>", help="按这份大纲的日期和会议类型挑选用语"),
    meeting: Optional[str] = typer.Option(None, "--meeting", metavar="<类型>", help="会议类型，见 drafter templates；该类型的专用语排在前面"),
    register: Optional[str] = typer.Option(None, "--register", metavar="<语体>", help="语体：会议讲话、致辞、党课"),
    phrasebank: Optional[Path] = typer.Option(None, "--phrasebank", metavar="<文件>",
                                              help="用这个短语库（drafter mine --phrasebank 生成的 .json，或照内置格式写的 .yaml）"),
    limit: int = typer.Option(20, "--limit", metavar="<条数>", min=1, max=500, help="最多显示几条"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON 列表，供其他工具使用"),
) -> None:
    """列出讲话各部分的常用句式（内置短语库，或 drafter mine --phrasebank 生成的短语库），按讲话日期去掉过时提法。"""
    with user_errors():
        from .commands import run_phrases

        run_phrases(part, topic=topic, phrasebank_path=phrasebank, limit=limit, out=_write_stdout,
                    date=date, outline=outline, meeting=meeting, register=register, as_json=as_json)


@templates_app.callback()
def templates_list(
    ctx: typer.Context,
    template_dir: Optional[list[Path]] = TemplateDirOption,
) -> None:
    """列出所有会议类型（内置和自定义）。"""
    ctx.obj = _dirs(template_dir)
    if ctx.invoked_subcommand is not None:
        return
    with user_errors():
        from .commands import run_templates

        run_templates(template_dirs=ctx.obj, out=_write_stdout)


@templates_app.command("show")
def templates_show(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="名称", help="会议类型的名称、中文名或别名"),
    template_dir: Optional[list[Path]] = TemplateDirOption,
) -> None:
    """显示一个会议类型的组成部分和它用到的大纲字段。"""
    with user_errors():
        from .commands import run_templates_show

        dirs = [*(ctx.obj or []), *_dirs(template_dir)]  # -t before or after show
        run_templates_show(name, template_dirs=dirs, out=_write_stdout)


# --- entry point: Chinese messages for usage errors too ---------------------------------

def main(argv: Optional[list[str]] = None) -> None:
    """Run the Typer app without standalone mode, so that usage errors are reported in
    Chinese and Ctrl-C prints one line. (drafter.entry calls this after the fast path.)"""
    from typer._click import exceptions as click_exceptions

    args = sys.argv[1:] if argv is None else argv
    if os.environ.get("_DRAFTER_COMPLETE"):  # shell completion: register Typer's shell scripts
        from typer._completion_classes import completion_init

        completion_init()
    try:
        code = app(args=args, prog_name="drafter", standalone_mode=False)
    except click_exceptions.NoArgsIsHelpError as exc:
        _write_stdout(exc.format_message() + "\n")  # `drafter` alone: the help, not an error
        sys.exit(0)
    except click_exceptions.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "drafter"
        message = usage_message(exc)
        stop = "" if message.endswith(("。", "？")) else "。"
        _err(f"错误：{message}{stop}用 {command} --help 查看用法。")
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt, DrafterError) as exc:  # Ctrl-C; the help not written
        from .streams import report_failure

        sys.exit(report_failure(KeyboardInterrupt() if isinstance(exc, typer.Abort) else exc))
    sys.exit(code if isinstance(code, int) else 0)
