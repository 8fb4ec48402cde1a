"""One factory for the Jinja environment, and the catalogue of meeting-type templates.

Every template, built-in or the writer's own, runs in Jinja's sandbox with StrictUndefined.
A meeting-type template is a top-level ``*.j2`` file that starts with a header comment holding
every fact about the type, one ``key: value`` a line:

    {#- drafter
    name: 工作部署会
    aliases: 推进会 调度会
    description: 一句话说明
    new.meeting.name: 全市重点项目建设推进会      (drafter new: an example or value per field,
    new.open: reminders reminders.items           fields opened or closed beyond the usual ones)
    mine: 部署|推进                                (drafter mine: a speech whose title or first
    mine_order: 10                                 lines match is of this type; lower order first)
    numbering: 第一， 一是                         (ordinal style per level, from the first, when
                                                   the outline sets no numbering of its own)
    host_close: 闭幕                               (render --host: see host.py)
    -#}

A template that extends another meeting type (``{% extends "deploy.j2" %}`` right after its
header, as the house styles mine writes do) takes over the header facts it does not state, except
its name, aliases, description and mining signals.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import TemplateError
from .lazyre import compiled
from .parts import PART_LABELS as PART_LABELS  # the one table of parts
from .parts import PART_ORDER
from .textnorm import is_hanzi

if TYPE_CHECKING:
    from jinja2 import Environment

    from .numbering import OrdinalStyle

TEMPLATE_SUFFIX = ".j2"
DEFAULT_TYPE = "deploy"  # an outline without `template:`, a mined speech no signal matches
_HEADER = compiled(r"\A\s*\{#-?\s*drafter\s*\n(.*?)-?#\}", re.S)
_EXTENDS = compiled(r"""\s*\{%-?\s*extends\s+["']([^"'/\\]+)\.j2["']\s*-?%\}""")
_OWN = ("name", "aliases", "description", "mine", "mine_order")  # never taken from a parent
_SCAFFOLD = "new."
MINE_ORDER = 50  # where a type without mine_order is tried


def _name_ok(name: str) -> bool:
    """A meeting type's id: Latin letters, digits, ideographs, and _ or - after the first
    character (tested by character: a regex class over the ideographs costs a millisecond to
    compile on every render)."""
    return bool(name) and name[0] not in "_-" and all(
        (ch.isascii() and (ch.isalnum() or ch in "_-")) or is_hanzi(ch) for ch in name)


def builtin_template_dir() -> Path:
    """Installed wheels carry the templates inside the package; a source checkout keeps
    them at the top level (templates/), where the build backend picks them up."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    if packaged.is_dir():
        return packaged
    return here.parent / "templates"


def user_template_dir() -> Path:
    """The writer's own templates under the platform's config home (XDG_CONFIG_HOME, APPDATA, …)."""
    from .userdirs import config_path

    return config_path("templates")


def template_dirs(extra: list[Path] | None = None) -> list[Path]:
    """Search order: --template-dir folders, then the user folder, then the built-ins."""
    dirs: list[Path] = []
    for d in extra or []:
        if not d.is_dir():
            raise TemplateError(f"模板文件夹不存在：{d}", hint="请检查 --template-dir 的路径")
        dirs.append(d)
    user = user_template_dir()
    if user.is_dir():
        dirs.append(user)
    dirs.append(builtin_template_dir())
    return dirs


@dataclass
class TemplateInfo:
    id: str
    name: str
    description: str
    aliases: list[str] = field(default_factory=list)
    path: Path = Path()
    builtin: bool = True
    meta: dict[str, str] = field(default_factory=dict)  # the whole header: host facts, …

    @property
    def filename(self) -> str:
        return self.id + TEMPLATE_SUFFIX

    @property
    def scaffold_hints(self) -> dict[str, str]:
        """What `drafter new` writes for this type: values and examples by outline path, and
        the parts it opens (open) or leaves closed (closed) beyond the usual ones."""
        return {k[len(_SCAFFOLD):]: v for k, v in self.meta.items() if k.startswith(_SCAFFOLD)}

    def numbering(self) -> list[OrdinalStyle]:
        """The type's ordinal style per level (header `numbering:`, styles separated by spaces):
        open series only (not 首先 or 一方面, which fit two to four items), each level its own."""
        from .numbering import series_limits, style_of

        styles: list[OrdinalStyle] = []
        for word in self.meta.get("numbering", "").split():
            style = style_of(word)
            if style is None or style in styles or series_limits(style)[1] is not None:
                raise TemplateError(
                    f"模板头部的 numbering 中“{word}”不能作为一层的序号样式", file=str(self.path),
                    hint="每层写一个不同的序号样式，用空格隔开，如：numbering: 第一， 一是")
            styles.append(style)
        return styles

    @property
    def mine_order(self) -> int:
        value = self.meta.get("mine_order", "")
        return int(value) if value.isdigit() else MINE_ORDER


def _read_header(path: Path) -> dict[str, str]:
    from .errors import DrafterError
    from .reading import read_limited

    try:
        head = read_limited(path, limit=1024 * 1024, what="模板文件").decode("utf-8")
    except (DrafterError, UnicodeDecodeError):
        return {}
    match = _HEADER.match(head)
    if not match:
        return {}
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    parent = _EXTENDS.match(head, match.end())
    if parent:
        meta[_PARENT] = parent.group(1)
    return meta


_PARENT = " extends"  # not a key a header line can hold (keys are stripped)


def _inherit(found: dict[str, TemplateInfo]) -> None:
    """Header facts a template leaves out come from the meeting type it extends."""
    def facts(info: TemplateInfo, seen: tuple[str, ...]) -> dict[str, str]:
        parent = found.get(info.meta.get(_PARENT, ""))
        if parent is None or parent.id in seen:
            return info.meta
        inherited = {k: v for k, v in facts(parent, (*seen, parent.id)).items() if k not in _OWN}
        return {**inherited, **info.meta}

    merged = {key: facts(info, (key,)) for key, info in found.items()}
    for key, info in found.items():
        info.meta = merged[key]


def catalogue(dirs: list[Path]) -> dict[str, TemplateInfo]:
    """Meeting-type templates by id; earlier folders override later ones."""
    from .reading import inside

    builtin = builtin_template_dir().resolve()
    found: dict[str, TemplateInfo] = {}
    for d in reversed(dirs):
        shipped = d.resolve() == builtin  # resolved once a folder: this is on the render path
        for path in sorted(d.glob("*" + TEMPLATE_SUFFIX)):
            stem = path.stem
            if stem.startswith("_") or stem == "base" or not _name_ok(stem):
                continue
            linked = path.is_symlink()
            if linked and not inside(str(path), str(d)):
                continue  # a symlink out of the folder is not a template (the loader refuses it)
            meta = _read_header(path)
            found[stem] = TemplateInfo(
                id=stem, name=meta.get("name", stem),
                description=meta.get("description", "（自定义模板，未写说明）"),
                aliases=meta.get("aliases", "").split(), path=path,
                builtin=path.resolve().parent == builtin if linked else shipped, meta=meta)
    _inherit(found)
    return dict(sorted(found.items(), key=lambda kv: (not kv[1].builtin, kv[0])))


def resolve_template(name: str, dirs: list[Path]) -> TemplateInfo:
    """Find a meeting type by id, Chinese name or alias; never by a path."""
    cleaned = name.strip()
    if not _name_ok(cleaned) or ".." in cleaned:
        raise TemplateError(
            f"模板名称“{name}”无效：只能是会议类型的名称，不能包含路径或“..”",
            hint="用 drafter templates 查看可用的会议类型")
    cat = catalogue(dirs)
    if cleaned in cat:
        return cat[cleaned]
    for info in cat.values():
        if cleaned == info.name or cleaned in info.aliases:
            return info
    known = "、".join(f"{i.id}（{i.name}）" for i in cat.values())
    import difflib

    words = {w: i.id for i in cat.values() for w in (i.id, i.name, *i.aliases)}
    close = difflib.get_close_matches(cleaned, list(words), n=1, cutoff=0.5)
    hint = f"是否想写“{words[close[0]]}”？" if close else None
    if cleaned.endswith("-house"):  # made by drafter mine --emit-templates, kept in its own folder
        hint = "本单位模板（drafter mine --emit-templates 生成的）要用 --template-dir 指明所在的文件夹"
    raise TemplateError(f"未知的会议类型“{name}”，可用的有：{known}", hint=hint)


_ENV_CACHE: dict[tuple[str, ...], Environment] = {}


def cache_dir() -> Path:
    from .userdirs import cache_path

    # Versioned: code compiled before the sandbox's loop budget must never be loaded again.
    return cache_path("jinja-bounded-1")


def _bytecode_cache() -> Any:
    """Compiled templates cached on disk (keyed by source checksum, so edits are seen).
    Compiling the templates is most of a render's own time. Never required: any failure to
    read or write the cache just means compiling again."""
    if os.environ.get("DRAFTER_NO_CACHE"):
        return None
    from jinja2 import FileSystemBytecodeCache

    class QuietCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(Exception):
                super().dump_bytecode(bucket)

    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietCache(str(directory))


def make_environment(dirs: list[Path]) -> Environment:
    """The one Jinja environment factory: sandboxed, strict, filters registered here."""
    key = tuple(str(d) for d in dirs)
    if key in _ENV_CACHE:
        return _ENV_CACHE[key]
    from jinja2 import StrictUndefined

    from . import filters
    from .sandbox import BoundedSandbox, FolderLoader

    class OutlineUndefined(StrictUndefined):
        """Names the outline path of a field a template needs but the outline lacks."""

        @property
        def _undefined_message(self) -> str:
            path = getattr(self._undefined_obj, "outline_path", None)
            if path is not None and isinstance(self._undefined_name, str):
                full = f"{path}.{self._undefined_name}" if path else self._undefined_name
                return f"模板用到了大纲中没有的字段“{full}”"
            return str(super()._undefined_message)

    env = BoundedSandbox(
        loader=FolderLoader([str(d) for d in dirs]),
        undefined=OutlineUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=False, auto_reload=True, bytecode_cache=_bytecode_cache())
    env.add_filters(filters.FILTERS)
    env.globals.update(filters.GLOBALS)
    _ENV_CACHE[key] = env
    return env


@dataclass
class TemplateDescription:
    info: TemplateInfo
    overrides: list[str]  # blocks of the skeleton this type writes itself
    parts: list[str]
    fields: list[str]  # outline paths the type and its partials read
    sources: list[str]  # template files involved


def describe_template(info: TemplateInfo, dirs: list[Path]) -> TemplateDescription:
    """What a meeting type is made of, read from its source: no rendering needed."""
    from jinja2 import meta, nodes

    env = make_environment(dirs)
    seen: list[str] = []
    stack = [info.filename]
    fields: set[str] = set()
    parts: set[str] = set()
    overrides: list[str] = []
    loader = env.loader
    assert loader is not None  # make_environment always sets the folder loader
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.append(name)
        try:
            source = loader.get_source(env, name)[0]
            tree = env.parse(source)
        except Exception as exc:  # a broken user template: say which
            raise TemplateError(f"无法读取模板“{name}”：{exc}") from None
        if name == info.filename:
            overrides = [b.name for b in tree.find_all(nodes.Block)]
        parts.update(re.findall(r"@part (\w+)", source))
        stack.extend(ref for ref in meta.find_referenced_templates(tree) if ref)
        aliases: dict[str, str] = {}
        for assign in tree.find_all(nodes.Assign):
            chain = _chain(assign.node)
            if isinstance(assign.target, nodes.Name) and chain and chain[0] == "o":
                aliases[assign.target.name] = ".".join(chain[1:])
        for node in tree.find_all(nodes.Getattr):
            chain = _chain(node)
            if not chain:
                continue
            if chain[0] == "o" and len(chain) > 1:
                fields.add(".".join(chain[1:]))
            elif chain[0] in aliases and aliases[chain[0]]:
                fields.add(".".join([aliases[chain[0]], *chain[1:]]))
    # Keep the longest paths only (meeting.name, not meeting).
    longest = sorted(f for f in fields if not any(g.startswith(f + ".") for g in fields))
    derived = {"count", "points_total"}
    return TemplateDescription(
        info=info, overrides=[o for o in overrides if not o.startswith("default_")]
        + [o for o in overrides if o.startswith("default_")],
        parts=[p for p in PART_ORDER if p in parts],
        fields=[f for f in longest if f.split(".")[0] not in derived], sources=seen)


def _chain(node: Any) -> list[str]:
    from jinja2 import nodes

    names: list[str] = []
    while isinstance(node, nodes.Getattr):
        names.append(node.attr)
        node = node.node
    if isinstance(node, nodes.Name):
        names.append(node.name)
        return names[::-1]
    return []
