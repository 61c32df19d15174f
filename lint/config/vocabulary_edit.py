"""Add a term to a project's accepted vocabulary, keeping the config file's comments and layout.

The editor's "accept this term" action lands here: the term goes into ``vocabulary.accept`` of
the ``.copydesk.yaml`` that governs the document (a new one in the given folder when there is
none) as an exact, case-sensitive pattern. The file is rewritten with ruamel.yaml's round trip,
so comments, order and quoting stay, and written atomically, and only if it has not changed
since it was read. A config in ``pyproject.toml`` is not edited: the caller says so instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.atomic_file import atomic_output
from ..core.errors import ConfigError

CONFIG_NAME = ".copydesk.yaml"


def accept_term(term: str, config_path: str, folder: Path) -> Path:
    """Add ``term`` to the accepted vocabulary of the config at ``config_path`` (or of a new
    ``.copydesk.yaml`` in ``folder`` when empty); the file written. Raises ConfigError."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    path = Path(config_path) if config_path else folder / CONFIG_NAME
    if path.name == "pyproject.toml":
        raise ConfigError(f"{path}: add '{term}' to [tool.copydesk.vocabulary] accept by hand "
                          "(copydesk does not rewrite pyproject.toml)")
    before = path.read_bytes() if path.exists() else b""
    yaml = YAML()  # round trip: comments and layout kept
    yaml.preserve_quotes = True
    data = yaml.load(before.decode("utf-8")) if before.strip() else CommentedMap()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config is not a mapping")
    vocabulary = data.setdefault("vocabulary", CommentedMap())
    accept = vocabulary.setdefault("accept", [])
    pattern = re.escape(term)
    if pattern not in accept:
        accept.append(pattern)
    with atomic_output(str(path)) as out:
        yaml.dump(data, out)
        now = path.read_bytes() if path.exists() else b""
        if now != before:  # raised inside: the file is left as the writer made it
            raise ConfigError(f"{path}: changed while being edited; not written")
    return path

