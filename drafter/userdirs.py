"""The writer's own folders, named once: the config home (own templates, 提法 rules, usage
lexicon, misread list) and the cache home (compiled templates and patterns, parsed rules, the
查重 index), wherever the platform keeps them (XDG_CONFIG_HOME / XDG_CACHE_HOME, APPDATA, …)."""

from __future__ import annotations

from pathlib import Path

APP = "drafter"


def config_path(*parts: str) -> Path:
    from platformdirs import user_config_dir  # imported when a command first looks there

    return Path(user_config_dir(APP, appauthor=False), *parts)


def cache_path(*parts: str) -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False), *parts)
