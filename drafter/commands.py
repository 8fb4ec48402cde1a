"""Command bodies shared by the Typer app and the start-up fast path.

They take plain arguments, write through the given callbacks and return an exit code;
user-caused problems raise DrafterError (the caller prints it and exits 2).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Writer = Callable[[str], None]


def run_render(outline: Path, *, output: Path | None, force: bool, final: bool,
               template_dirs: list[Path], out: Writer, err: Writer) -> int:
    from .errors import OutputError
    from .export import exporter_for, supported_suffixes
    from .output import check_target, write_atomic
    from .render import render_file

    exporter = None
    if output is not None:
        exporter = exporter_for(output.suffix)
        if exporter is None:
            suffix = output.suffix or "（无后缀）"
            raise OutputError(f"不支持的输出格式“{suffix}”，支持：{supported_suffixes()}",
                              file=str(output))
        check_target(output, force=force)
    result = render_file(outline, extra_template_dirs=template_dirs)
    if result.markers:
        err(f"还有 {len(result.markers)} 处待补内容：")
        for marker in result.markers:
            err(f"  {marker.path}：{marker.marker}")
        if final:
            err("定稿检查未通过：请补全以上内容后再生成（未输出任何内容）。")
            return 1
    if exporter is None:
        from .export.text import export as to_text

        out(to_text(result.document))
    else:
        assert output is not None
        write_atomic(output, exporter(result.document), force=force)
        err(f"已写入 {output}")
    return 0
