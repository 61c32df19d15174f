"""Which files a run lints: the paths it is given, folders walked, and a config's ``ignore:``.

A walked file is named as the folder was given plus its relative path (``docs`` and ``docs/``
both give ``docs/a.md``; ``.`` gives ``a.md``), never made absolute. A path named directly is
always linted (it is "explicit"); a walked one is left out when its config's ``ignore:`` globs
(relative to the config's folder) match it, or when it turns out to be binary.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..config.discovery import walk
from ..config.project import Config


def inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, bool, bool]]:
    """(path as it will be printed, explicit?, exists?) for each file of ``paths`` (or ``.``)."""
    for given in paths or (".",):
        p = Path(given)
        if p.is_dir():
            bare = given in (".", "./")
            for rel in walk(p):
                yield (rel.as_posix() if bare else os.path.join(given, rel.as_posix())), False, True
        else:
            yield given, True, p.exists()


def ignored_by_config(path: Path, config: Config) -> bool:
    """Is a walked file excluded by its config's ``ignore:`` globs (relative to the config)?"""
    if not config.ignore:
        return False
    from pathspec import PathSpec

    try:
        rel = path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return False
    return PathSpec.from_lines("gitignore", config.ignore).match_file(rel)
