"""The JSON shapes drafter reads and writes: `--json` output, the outline schema, phrasebanks.

Real types, not another name for Any: a reader narrows a value (isinstance) before using it."""

from __future__ import annotations

from typing import TypeAlias

JSONScalar: TypeAlias = str | int | float | bool | None
JSONValue: TypeAlias = JSONScalar | list["JSONValue"] | dict[str, "JSONValue"]
JSON: TypeAlias = dict[str, JSONValue]  # one JSON object
