"""The rule schema: which keys each ``extends:`` kind accepts, and the type of every key.

Vale's keys load unchanged (vale-notes 1); ``id``, ``category``, ``severity`` and ``tests``
are ours. A validator returns an error string or None; the loader adds file and line:col.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Check = Callable[[Any], str | None]


def is_str(v: Any) -> str | None:
    return None if isinstance(v, str) else "must be a string"


def is_bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def is_int(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and v >= 0
    return None if ok else "must be a whole number ≥ 0"


def is_str_list(v: Any) -> str | None:
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return None
    return "must be a list of strings"


def is_str_or_list(v: Any) -> str | None:
    """A string, or a list of them (Vale takes either where it joins the parts)."""
    return None if isinstance(v, str) else is_str_list(v)


def is_str_map(v: Any) -> str | None:
    if isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()):
        return None
    return "must be a mapping of strings to strings"


def is_scope(v: Any) -> str | None:
    if isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(x, str) for x in v)):
        return None
    return "must be a scope name or a list of them"


def is_any(v: Any) -> str | None:
    return None


def is_action(v: Any) -> str | None:
    if not isinstance(v, dict) or not isinstance(v.get("name"), str):
        return "must be a mapping with a 'name' (and optional 'params')"
    if set(v) - {"name", "params"}:
        return f"unknown key '{sorted(set(v) - {'name', 'params'})[0]}' in action"
    params = v.get("params", [])
    if params is not None and is_str_list(params):
        return "action params must be a list of strings"
    return None


def is_tests(v: Any) -> str | None:
    if isinstance(v, list) and all(isinstance(t, dict) for t in v):
        return None
    return "must be a list of test cases"


COMMON: dict[str, Check] = {
    "extends": is_str,
    "message": is_str,
    "level": is_str,
    "severity": is_str,
    "scope": is_scope,
    "link": is_str,
    "description": is_str,
    "source": is_str,  # where a Vale rule comes from (a style guide page): metadata
    # Vale 2's switch to lint inside code spans: accepted, but code stays out of the view
    "code": is_bool,
    "limit": is_int,
    "once": is_bool,
    "yields_to": is_str_list,
    "action": is_action,
    "id": is_str,
    "category": is_str,
    "tests": is_tests,
    "name": is_str,
}

SCOPES = frozenset(
    {
        "text",
        "heading",
        "paragraph",
        "sentence",
        "list",
        "blockquote",
        "table",
        "raw",
        "quote",
        "attributed-quote",
        "link",
        "summary",
    }
    | {f"heading.h{i}" for i in range(1, 7)}
)

PACK_KEYS = frozenset({"pack", "description", "defaults", "rules", "version", "link"})
DEFAULT_KEYS: dict[str, Check] = {
    "severity": is_str,
    "level": is_str,
    "scope": is_scope,
    "category": is_str,
    "link": is_str,
}
TEST_KEYS = frozenset({"name", "input", "want", "contains", "absent", "format"})
