"""Where a path's git work tree begins: the nearest folder at or above it holding ``.git`` (a
folder, or a linked worktree's file). The walk, the config search and SARIF's URIs ask here."""

from __future__ import annotations

from pathlib import Path


def work_tree_top(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder`` (which need not exist), or None."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
