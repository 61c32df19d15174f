"""Which config governs a file: the nearest ``.copydesk.yaml`` (or ``pyproject.toml`` with a
``[tool.copydesk]`` table, or else a Vale ``.vale.ini``) at or above its folder, searching no
higher than :func:`ceiling`.

:func:`find_config` and :func:`config_at` look afresh on every call; a :class:`ConfigFinder`
remembers, for the life of one session, each folder's real path, the file found for it and the
config parsed from that file, so a run over 20,000 files searches and parses each once. A run
that follows edits (a test, an editor) starts a new finder.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from pathlib import Path

from ..core.regular_files import read_text
from ..core.work_tree import work_tree_top
from .project import CONFIG_NAMES, VALE_NAMES, Config, load_config_file


def _has_table(pyproject: Path) -> bool:
    try:
        text = read_text(pyproject)
    except (OSError, ValueError):
        return False
    try:
        return "copydesk" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        # a broken file that mentions our table is ours to report, not to skip silently
        return "tool.copydesk" in text


def find_config(folder: Path) -> Path | None:
    """The nearest config file at or above ``folder``, no higher than :func:`ceiling`."""
    top = ceiling(folder)
    for candidate_dir in (folder, *folder.parents):
        hit = next((candidate_dir / n for n in CONFIG_NAMES if (candidate_dir / n).is_file()), None)
        pyproject = candidate_dir / "pyproject.toml"
        if hit is None and pyproject.is_file() and _has_table(pyproject):
            hit = pyproject
        if hit is None:  # a Vale project: its ini, in Vale's order of names
            hit = next((candidate_dir / n for n in VALE_NAMES if (candidate_dir / n).is_file()),
                       None)
        if hit is not None:
            return hit
        if candidate_dir == top:
            break
    return None


def ceiling(folder: Path) -> Path:
    """How high a config search from ``folder`` may climb.

    Inside a git repository, to its root. Elsewhere, as yamllint does: to the home folder when
    ``folder`` is under it, else to the working folder when under that, else nowhere above
    ``folder``, so that a stray ``/tmp/.copydesk.yaml`` cannot silence every check under /tmp.
    """
    if (top := work_tree_top(folder)) is not None:
        return top
    home = Path(os.path.expanduser("~"))
    for limit in (home, Path.cwd()):
        with contextlib.suppress(OSError):
            limit = limit.resolve()
            if folder.is_relative_to(limit) and limit.is_dir():
                return limit
    return folder


def config_at(path: Path | None) -> Config:
    """The parsed config at ``path``; the defaults when there is none."""
    return Config() if path is None else load_config_file(path)


class ConfigFinder:
    """Each folder's config, found and parsed once: or ``forced`` (``--config``) for every file."""

    def __init__(self, forced: Config | None = None) -> None:
        self.forced = forced
        self._real: dict[str, Path] = {}
        self._found: dict[Path, Path | None] = {}
        self._parsed: dict[Path, Config] = {}

    def for_file(self, path: str | Path) -> Config:
        """The config that governs ``path`` (a file that need not exist). Raises ConfigError."""
        return self.for_folder(Path(path).parent)

    def for_folder(self, where: str | Path) -> Config:
        """The config that governs the files of the folder ``where``. Raises ConfigError."""
        if self.forced is not None:
            return self.forced
        folder = self._real_folder(str(where))
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        found = self._found[folder]
        if found is None:
            return Config()
        if found not in self._parsed:
            self._parsed[found] = load_config_file(found)  # an error is raised again next time
        return self._parsed[found]

    def _real_folder(self, folder: str) -> Path:
        """A folder's real path, once per folder: resolving each of 20,000 files (a system
        call per path component) was most of the parent's planning time."""
        real = self._real.get(folder)
        if real is None:
            real = self._real[folder] = Path(folder).resolve()
        return real
