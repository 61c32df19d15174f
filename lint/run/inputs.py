"""Which files a run lints: the paths it is given, folders walked, and a config's ``ignore:``.

A walked file is named as the folder was given plus its relative path (``docs`` and ``docs/``
both give ``docs/a.md``; ``.`` gives ``a.md``), never made absolute. A path named directly is
always linted (it is "explicit"); a walked one is left out when its config's ``ignore:`` globs
(relative to the config's folder) match it, or when it turns out to be binary.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ..config.discovery import walk
from ..config.project import Config


def inputs(
    paths: tuple[str, ...], also: Callable[[Path], frozenset[str]] | None = None
) -> Iterator[tuple[str, bool, bool]]:
    """(path as it will be printed, explicit?, exists?) for each file of ``paths`` (or ``.``).
    ``also(folder)``: the further file name endings its config reads (see
    :func:`walked_endings`)."""
    for given in paths or (".",):
        p = Path(given)
        if p.is_dir():
            bare = given in (".", "./")
            for rel in walk(p, also(p) if also else frozenset()):
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


def walked_endings(config: Config) -> frozenset[str]:
    """The endings a Vale project's ``[formats]`` maps to a format copydesk reads (``mdx = md``):
    a folder walk lints those files too, as Vale's does."""
    if config.vale is None or not config.vale.formats:
        return frozenset()
    from ..text.readers import by_suffix

    readable = by_suffix()
    return frozenset(f".{ext.lower()}" for ext, mapped in config.vale.formats
                     if f".{mapped.lower()}" in readable)
