"""The command bodies called directly, as the Typer app and the fast path call them: the CLI
adds argument parsing and the one reporter, nothing else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter import commands
from drafter.cli import app
from drafter.errors import DrafterError
from drafter.scaffold import SCHEMA_FILENAME

runner = CliRunner()


class Collect:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, text: str) -> None:
        self.lines.append(text)

    @property
    def text(self) -> str:
        return "".join(self.lines)


@pytest.mark.parametrize("args, call", [
    (["templates"], lambda out: commands.run_templates(template_dirs=[], out=out)),
    (["templates", "show", "部署会"], lambda out: commands.run_templates_show("部署会", template_dirs=[], out=out)),
    (["new", "部署会"], lambda out: commands.run_new("部署会", output=None, force=False, from_speech=None,
                                                   template_dirs=[], out=out, err=out)),
    (["schema"], lambda out: commands.run_schema(output=None, force=False, out=out, err=out)),
])
def test_a_command_prints_what_its_run_function_writes(args: list[str], call: Callable[[Collect], None]) -> None:
    out = Collect()
    call(out)
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and result.stdout == out.text and out.text.strip()


def test_run_new_writes_the_outline_and_its_schema_once(tmp_path: Path) -> None:
    err = Collect()
    target = tmp_path / "讲话.yaml"
    commands.run_new("部署会", output=target, force=False, from_speech=None, template_dirs=[],
                     out=err, err=err)
    schema = tmp_path / SCHEMA_FILENAME
    assert target.exists() and schema.exists()
    assert err.lines == [f"已写入 {target}（以及编辑器用的结构说明 {schema}）"]
    second = tmp_path / "另一篇.yaml"
    commands.run_new("部署会", output=second, force=False, from_speech=None, template_dirs=[],
                     out=err, err=err)
    assert err.lines[-1] == f"已写入 {second}"  # the schema is there already
    with pytest.raises(DrafterError, match="文件已存在"):
        commands.run_new("部署会", output=target, force=False, from_speech=None, template_dirs=[],
                         out=err, err=err)
