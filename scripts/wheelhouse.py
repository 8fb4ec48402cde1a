"""Build a wheelhouse: drafter's wheel and every dependency, for installing without network.

Run it on a machine with internet, copy the folder to the intranet machine, then install with

    pip install --no-index --find-links FOLDER drafter

Usage (from the project folder):

    python3 scripts/wheelhouse.py -o drafter-wheelhouse                    # all targets below
    python3 scripts/wheelhouse.py --platform windows --python 3.12 -o wh   # one target

Targets: Windows x64 (win_amd64) and Linux x86_64 (manylinux, glibc >= 2.28 by default),
CPython 3.11, 3.12 and 3.13. Only binary wheels are downloaded (--only-binary=:all:), so the
target machine never needs a compiler; pip resolves each target separately with --platform,
--python-version, --implementation cp and --abi. Nothing outside the output folder is written.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

try:  # pip always carries packaging; a separate install is used when present
    from packaging.requirements import Requirement
    from packaging.tags import Tag
    from packaging.utils import canonicalize_name, parse_wheel_filename
except ImportError:  # pragma: no cover - depends on the machine
    from pip._vendor.packaging.requirements import Requirement  # type: ignore[no-redef]
    from pip._vendor.packaging.tags import Tag  # type: ignore[no-redef]
    from pip._vendor.packaging.utils import (  # type: ignore[no-redef]
        canonicalize_name,
        parse_wheel_filename,
    )

ROOT = Path(__file__).resolve().parent.parent

PLATFORMS: dict[str, list[str]] = {
    # Every manylinux tag up to glibc 2.28 (Debian 10, RHEL 8, UOS/Kylin V10 and later), listed
    # one by one: pip before 23.1 does not expand a manylinux_2_X tag to the older ones.
    "linux": ["manylinux_2_28_x86_64", "manylinux_2_24_x86_64", "manylinux_2_17_x86_64",
              "manylinux2014_x86_64", "manylinux_2_12_x86_64", "manylinux2010_x86_64",
              "manylinux_2_5_x86_64", "manylinux1_x86_64"],
    "windows": ["win_amd64"],
}
PYTHONS = ["3.11", "3.12", "3.13"]

INSTRUCTIONS = """drafter 离线安装包
================

这个文件夹里是 drafter 及其全部依赖的安装包（.whl），适用于：{targets}。

在没有网络的电脑上安装（需要已装好 Python 3.11 或更高版本）：

Windows（命令提示符 cmd，假设本文件夹在 D:\\{name}）：
    py -3 -m venv %USERPROFILE%\\drafter
    %USERPROFILE%\\drafter\\Scripts\\pip install --no-index --find-links D:\\{name} drafter
    %USERPROFILE%\\drafter\\Scripts\\drafter --help

Linux（假设本文件夹在 /media/u盘/{name}）：
    python3 -m venv ~/drafter
    ~/drafter/bin/pip install --no-index --find-links /media/u盘/{name} drafter
    ~/drafter/bin/drafter --help

--no-index 表示只用本文件夹里的安装包，不联网。
"""


def build_own_wheel(out: Path, *, python: str = sys.executable) -> list[str]:
    """The command that builds drafter's own wheel into `out`."""
    return [python, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(ROOT)]


def download_command(requirement: str, out: Path, *, platform: str, python_version: str,
                     python: str = sys.executable) -> list[str]:
    """The `pip download` command for one target: binary wheels only, resolved for that target."""
    digits = python_version.replace(".", "")
    command = [python, "-m", "pip", "download", "--only-binary=:all:", "--dest", str(out),
               "--implementation", "cp", "--python-version", python_version]
    for tag in PLATFORMS[platform]:
        command += ["--platform", tag]
    # cpXY for version-specific wheels, abi3 for stable-ABI ones, none for pure Python.
    command += ["--abi", f"cp{digits}", "--abi", "abi3", "--abi", "none"]
    return [*command, requirement]


def marker_environment(platform: str, python_version: str) -> dict[str, str]:
    """The environment markers of a target machine. `pip download --platform` evaluates
    markers on the machine it runs on, so a dependency such as typer's
    `colorama; platform_system == "Windows"` is missed when preparing Windows on Linux."""
    windows = platform == "windows"
    return {
        "os_name": "nt" if windows else "posix",
        "sys_platform": "win32" if windows else "linux",
        "platform_system": "Windows" if windows else "Linux",
        "platform_machine": "AMD64" if windows else "x86_64",
        "platform_release": "", "platform_version": "",
        "python_version": python_version, "python_full_version": f"{python_version}.0",
        "implementation_name": "cpython", "implementation_version": f"{python_version}.0",
        "platform_python_implementation": "CPython", "extra": "",
    }


def wheel_tags(platform: str, python_version: str) -> set[Tag]:
    """Tags a target accepts (enough for the wheels on PyPI; not pip's whole ordered list)."""
    digits = python_version.replace(".", "")
    minor = int(python_version.split(".")[1])
    interpreters = [f"cp3{m}" for m in range(minor, 1, -1)]
    tags = {Tag(f"cp{digits}", f"cp{digits}", plat) for plat in PLATFORMS[platform]}
    tags |= {Tag(i, "abi3", plat) for i in interpreters for plat in PLATFORMS[platform]}
    tags |= {Tag(i, "none", plat) for i in [f"cp{digits}", "py3"] for plat in PLATFORMS[platform]}
    tags |= {Tag(p, "none", "any") for p in ("py3", f"py{digits}", f"cp{digits}", "py2.py3")}
    return tags


def _requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode("utf-8")
    return [Requirement(line.split(":", 1)[1].strip())
            for line in metadata.splitlines() if line.startswith("Requires-Dist:")]


def missing_requirements(folder: Path, platform: str, python_version: str,
                         root: str = "drafter") -> list[str]:
    """What a target would still need: walks the requirements from `root` through the wheels
    in `folder` that the target accepts, evaluating markers for the target."""
    accepted = wheel_tags(platform, python_version)
    env = marker_environment(platform, python_version)
    wheels: dict[str, list[tuple[Path, str]]] = {}
    for wheel in folder.glob("*.whl"):
        name, version, _, tags = parse_wheel_filename(wheel.name)
        if tags & accepted:
            wheels.setdefault(canonicalize_name(name), []).append((wheel, str(version)))
    missing: list[str] = []
    seen: set[tuple[str, str]] = set()
    todo: list[tuple[Requirement, str]] = [(Requirement(root), "")]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({**env, "extra": extra}):
            continue
        key = canonicalize_name(requirement.name)
        candidates = [w for w, v in wheels.get(key, [])
                      if requirement.specifier.contains(v, prereleases=True)]
        if not candidates:
            # Without its marker: pip would judge the marker on this machine again.
            text = f"{requirement.name}{str(requirement.specifier)}"
            if text not in missing:
                missing.append(text)
            continue
        for wanted in ["", *sorted(requirement.extras)]:
            if (key, wanted) not in seen:
                seen.add((key, wanted))
                todo += [(r, wanted) for r in _requirements(candidates[0])]
    return missing


def targets(platforms: list[str], pythons: list[str]) -> list[tuple[str, str]]:
    return [(p, v) for p in platforms for v in pythons]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="下载 drafter 及其全部依赖的安装包，供内网电脑离线安装（pip install --no-index --find-links 文件夹 drafter）。")
    parser.add_argument("-o", "--output", type=Path, default=Path("drafter-wheelhouse"),
                        help="安装包文件夹（默认 drafter-wheelhouse）")
    parser.add_argument("--platform", choices=[*PLATFORMS, "all"], default="all",
                        help="目标平台：windows（Windows x64）、linux（Linux x86_64）或 all（默认）")
    parser.add_argument("--python", nargs="+", choices=PYTHONS, default=PYTHONS, metavar="版本",
                        help="目标 Python 版本（默认 3.11 3.12 3.13）")
    parser.add_argument("--dry-run", action="store_true", help="只显示要执行的命令")
    args = parser.parse_args(argv)
    platforms = list(PLATFORMS) if args.platform == "all" else [args.platform]
    out: Path = args.output.resolve()

    def run(command: list[str]) -> None:
        print("$ " + " ".join(command), flush=True)
        if not args.dry_run:
            subprocess.run(command, check=True)

    try:
        with tempfile.TemporaryDirectory() as tmp:
            own = Path(tmp)
            run(build_own_wheel(own))
            wheels = sorted(own.glob("drafter-*.whl")) if not args.dry_run else [own / "drafter.whl"]
            if not wheels:
                print("错误：没有生成 drafter 的安装包。", file=sys.stderr)
                return 1
            wheel = wheels[-1]
            if not args.dry_run:
                out.mkdir(parents=True, exist_ok=True)
            # drafter's wheel is pure Python; downloading it per target also resolves its dependencies.
            for platform, version in targets(platforms, args.python):
                run(download_command(str(wheel), out, platform=platform, python_version=version))
                # Dependencies behind markers pip judged on this machine, not the target.
                for _ in range(5):
                    missing = [] if args.dry_run else missing_requirements(out, platform, version)
                    if not missing:
                        break
                    for requirement in missing:
                        run(download_command(requirement, out, platform=platform, python_version=version))
                else:
                    print(f"错误：{platform} Python {version} 仍缺少：{'、'.join(missing)}", file=sys.stderr)
                    return 1
    except subprocess.CalledProcessError as exc:
        print(f"错误：命令失败（退出码 {exc.returncode}），安装包不完整。", file=sys.stderr)
        return 1
    if not args.dry_run:
        names = {"windows": "Windows x64", "linux": "Linux x86_64"}
        described = "、".join(f"{names[p]} Python {'/'.join(args.python)}" for p in platforms)
        (out / "安装说明.txt").write_text(
            INSTRUCTIONS.format(targets=described, name=out.name), encoding="utf-8")
        print(f"已写入 {out}（{len(list(out.glob('*.whl')))} 个安装包）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
