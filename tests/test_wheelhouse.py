"""scripts/wheelhouse.py builds the right pip commands and finds what a target still lacks
(no network here: the download itself is checked by hand, see README)."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheelhouse() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wheelhouse", ROOT / "scripts" / "wheelhouse.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["wheelhouse"] = module
    spec.loader.exec_module(module)
    return module


def test_download_command_for_windows(wheelhouse: ModuleType, tmp_path: Path) -> None:
    cmd = wheelhouse.download_command("drafter.whl", tmp_path, platform="windows", python_version="3.12")
    assert cmd[1:4] == ["-m", "pip", "download"]
    assert "--only-binary=:all:" in cmd
    assert cmd[cmd.index("--python-version") + 1] == "3.12"
    assert cmd[cmd.index("--implementation") + 1] == "cp"
    platforms = [cmd[i + 1] for i, a in enumerate(cmd) if a == "--platform"]
    assert platforms == ["win_amd64"]
    abis = [cmd[i + 1] for i, a in enumerate(cmd) if a == "--abi"]
    assert abis == ["cp312", "abi3", "none"]
    assert cmd[-1] == "drafter.whl" and cmd[cmd.index("--dest") + 1] == str(tmp_path)


def test_download_command_for_linux_lists_older_manylinux_tags(wheelhouse: ModuleType, tmp_path: Path) -> None:
    cmd = wheelhouse.download_command("x", tmp_path, platform="linux", python_version="3.11")
    platforms = [cmd[i + 1] for i, a in enumerate(cmd) if a == "--platform"]
    assert platforms[0] == "manylinux_2_28_x86_64"
    assert {"manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux1_x86_64"} <= set(platforms)
    assert not any("win" in p for p in platforms)


def test_all_targets(wheelhouse: ModuleType) -> None:
    assert wheelhouse.targets(["linux", "windows"], ["3.11", "3.12", "3.13"]) == [
        ("linux", "3.11"), ("linux", "3.12"), ("linux", "3.13"),
        ("windows", "3.11"), ("windows", "3.12"), ("windows", "3.13")]


def _wheel(folder: Path, filename: str, requires: list[str]) -> None:
    name, version = filename.split("-")[:2]
    with zipfile.ZipFile(folder / filename, "w") as archive:
        meta = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
        meta += [f"Requires-Dist: {r}" for r in requires]
        archive.writestr(f"{name}-{version}.dist-info/METADATA", "\n".join(meta) + "\n")


def test_missing_requirements_judges_markers_for_the_target(wheelhouse: ModuleType, tmp_path: Path) -> None:
    _wheel(tmp_path, "drafter-1.0-py3-none-any.whl", ["typer>=0.12", "lxml"])
    _wheel(tmp_path, "typer-0.29-py3-none-any.whl", ['colorama; platform_system == "Windows"',
                                                     "rich[emoji]>=13; extra == 'all'"])
    _wheel(tmp_path, "lxml-6.0-cp312-cp312-win_amd64.whl", [])
    _wheel(tmp_path, "lxml-6.0-cp311-cp311-manylinux2014_x86_64.whl", [])
    # Windows needs colorama (a marker pip would judge on this Linux machine) and no rich.
    assert wheelhouse.missing_requirements(tmp_path, "windows", "3.12") == ["colorama"]
    # Linux 3.11 has its lxml and needs no colorama; Linux 3.12 lacks an lxml for cp312.
    assert wheelhouse.missing_requirements(tmp_path, "linux", "3.11") == []
    assert wheelhouse.missing_requirements(tmp_path, "linux", "3.12") == ["lxml"]
    _wheel(tmp_path, "colorama-0.4.6-py2.py3-none-any.whl", [])
    assert wheelhouse.missing_requirements(tmp_path, "windows", "3.12") == []


def test_dry_run_prints_commands_only(wheelhouse: ModuleType, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "wh"
    assert wheelhouse.main(["--dry-run", "--platform", "windows", "--python", "3.13", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "pip wheel --no-deps" in printed and "--platform win_amd64" in printed
    assert not out.exists()
