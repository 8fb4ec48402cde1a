"""A fast acceptor for outlines: the JSON Schema subset that the Outline model generates.

Why: importing pydantic and building the model costs ~100 ms, more than the whole render.
The pydantic model stays the single source of truth: it generates ``outline.schema.json``
(shipped; a test keeps it in sync). This checker only answers "certainly valid?" and is at
least as strict as pydantic: whatever it rejects goes to pydantic, which either accepts it
(with its coercions) or explains precisely what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .jsontypes import JSON

SCHEMA_FILE = "outline.schema.json"


@lru_cache(maxsize=1)
def shipped_schema() -> JSON:
    # A plain path, not importlib.resources: that import alone costs ~15 ms at start-up.
    text = Path(__file__).with_name(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def conforms(data: object, schema: JSON | None = None) -> bool:
    root = schema or shipped_schema()
    defs = root.get("$defs", {})
    return _check(data, root, defs if isinstance(defs, dict) else {}, 0)


def _check(value: Any, schema: dict[str, Any], defs: dict[str, Any], depth: int) -> bool:
    if depth > 60:
        return False
    if "$ref" in schema:
        return _check(value, defs[schema["$ref"].rsplit("/", 1)[-1]], defs, depth + 1)
    if "anyOf" in schema:
        return any(_check(value, s, defs, depth + 1) for s in schema["anyOf"])
    if "enum" in schema and value not in schema["enum"]:
        return False
    kind = schema.get("type")
    if kind == "object":
        return _object(value, schema, defs, depth)
    if kind == "array":
        items = schema.get("items", {})
        return isinstance(value, list) and all(_check(v, items, defs, depth + 1) for v in value)
    if kind is None:
        # An enum alone was checked above; anything else the subset does not know: let
        # pydantic decide.
        return "enum" in schema
    return _scalar(value, kind, schema)


def _object(value: Any, schema: dict[str, Any], defs: dict[str, Any], depth: int) -> bool:
    if not isinstance(value, dict):
        return False
    props = schema.get("properties", {})
    if any(not isinstance(k, str) or k not in props for k in value):
        return False  # unknown keys: pydantic forbids them
    if any(r not in value for r in schema.get("required", [])):
        return False
    return all(_check(v, props[k], defs, depth + 1) for k, v in value.items())


def _scalar(value: Any, kind: str, schema: dict[str, Any]) -> bool:
    if kind == "string":
        if schema.get("format") == "date":
            # YAML turns 2025-02-05 into a date; pydantic accepts it. A datetime is
            # left to pydantic's judgement.
            return type(value) is dt.date
        return isinstance(value, str)
    if kind == "integer":
        return type(value) is int and _in_bounds(value, schema)
    if kind == "number":
        return type(value) in (int, float) and _in_bounds(value, schema)
    if kind == "boolean":
        return type(value) is bool
    return kind == "null" and value is None


def _in_bounds(value: float, schema: dict[str, Any]) -> bool:
    # nan, inf and absurd sizes go to pydantic, which explains them (outline.sayable_number)
    if not -1e15 <= value <= 1e15:
        return False
    if "minimum" in schema and value < schema["minimum"]:
        return False
    return not ("maximum" in schema and value > schema["maximum"])
