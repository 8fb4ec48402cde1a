"""A non-editable install, run from another folder, finds its templates and schema."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import GOLDEN, ROOT


def test_wheel_install_renders_from_another_directory(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    # The running interpreter's packages provide the dependencies (and hatchling), so no
    # network is needed; they come after the venv's own, so the venv's drafter wins.
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    outer = [p for p in sys.path if p.endswith("site-packages")]
    Path(purelib, "outer-deps.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--quiet",
         str(ROOT)], capture_output=True, text=True, cwd=tmp_path)
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([str(python), "-c", "import drafter; print(drafter.__file__)"],
                           capture_output=True, text=True, cwd=elsewhere, env=env, check=True)
    assert str(venv) in where.stdout  # the installed copy, not the source tree
    outline = ROOT / "outlines" / "deploy.yaml"
    for command in ([str(bindir / "drafter"), "render", str(outline)],
                    [str(python), "-m", "drafter", "render", str(outline)]):
        result = subprocess.run(command, capture_output=True, cwd=elsewhere, env=env)
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.decode("utf-8") == (GOLDEN / "deploy.txt").read_text(encoding="utf-8")
    listing = subprocess.run([str(bindir / "drafter"), "templates"], capture_output=True,
                             text=True, cwd=elsewhere, env=env, check=True)
    assert "plenum-closing" in listing.stdout
    phrases = subprocess.run([str(bindir / "drafter"), "phrases", "结尾", "--topic", "招商", "--date", "2026"],
                             capture_output=True, cwd=elsewhere, env=env, check=True)
    assert "招商引资" in phrases.stdout.decode("utf-8")  # the phrase library ships in the wheel
