"""Load YAML fast (PyYAML) and point at the offending key precisely when it is wrong (ruamel).

Validation works on plain data and reports a *key path* such as ``("rules", 3, "swap")``;
:func:`locate` re-reads the file with ruamel.yaml only when an error must be shown, so the
common path never pays for round-trip parsing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import yaml

from ..core.errors import ConfigError

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

KeyPath = Sequence[str | int]


class _UniqueKeys(_Loader):  # type: ignore[misc]
    """A SafeLoader that refuses a key given twice in one mapping: PyYAML would keep the last
    silently, and a rule whose second ``tokens:`` replaced its first is a bug to report."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        first: dict[tuple[str, str], yaml.Mark] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                continue
            key = (key_node.tag, key_node.value)
            if key in first:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key_node.value!r} (first on line {first[key].line + 1})",
                    key_node.start_mark,
                )
            first[key] = key_node.start_mark
        return super().construct_mapping(node, deep)


def load_yaml(text: str, path: str) -> Any:
    try:
        # a SafeLoader (C-accelerated when available) that also refuses duplicate keys
        return yaml.load(text, Loader=_UniqueKeys)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ConfigError(f"invalid YAML: {exc.problem or exc}", path, line, col) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", path) from None


@lru_cache(maxsize=8)
def _round_trip(text: str) -> Any:
    """ruamel's round-trip tree of ``text``, never changed once made. A memo of a pure
    function, not run state: several errors or rule lines may point into one file, and the
    last few files are kept (a long-lived process does not keep every file it ever read)."""
    from ruamel.yaml import YAML

    try:
        return YAML(typ="rt").load(text)
    except Exception:
        return None


def locate(text: str, key_path: KeyPath, at_key: bool = True) -> tuple[int, int]:
    """1-based (line, column) of the key (or value) at ``key_path``; (0, 0) if unknown."""
    node = _round_trip(text)
    if node is None:
        return 0, 0
    line = col = -1
    for step in key_path:
        try:
            lc = node.lc
            if isinstance(step, int):
                line, col = lc.item(step)
            else:
                line, col = lc.key(step) if at_key else lc.value(step)
            node = node[step]
        except Exception:
            break
    return (line + 1, col + 1) if line >= 0 else (0, 0)


def fail(
    message: str, path: str, text: str, key_path: KeyPath, at_key: bool = False
) -> ConfigError:
    """A ConfigError positioned at ``key_path`` in the file ``path`` holding ``text``."""
    line, col = locate(text, key_path, at_key)
    if line == 0:  # the whole document (a one-rule Vale file) or an unparseable spot
        line, col = 1, 1
    return ConfigError(message, path, line, col)
