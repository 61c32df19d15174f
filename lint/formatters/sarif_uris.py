"""Where SARIF says a file is: a URI relative to its repository's root, whatever the cwd.

GitHub code scanning matches a result's ``artifactLocation.uri`` against the repository's
paths, so a run from ``docs/`` must still say ``docs/story.md``. A file's root is the top of
its git work tree (the nearest folder up holding ``.git``, a folder or a worktree's file),
else the current directory. Each root becomes a ``uriBaseId``: ``%SRCROOT%`` is the root of
the current directory (the usual, and only, one), ``%SRCROOT2%`` … any other (a submodule, a
second checkout named on the command line), in the order first met. ``originalUriBaseIds``
gives each its absolute ``file:`` URI, so a consumer can resolve every URI wherever it runs.
A file under no root (outside every repository and the cwd) keeps an absolute ``file:`` URI.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from ..core.work_tree import work_tree_top

SRCROOT = "%SRCROOT%"


def artifact_uri(path: str, root: Path | None = None) -> str:
    """A relative POSIX URI reference from ``root`` (default: the cwd), with no leading ``./``;
    outside it, an absolute ``file:`` URI."""
    base = root if root is not None else Path.cwd()
    p = Path(os.path.abspath(path)) if root is not None or Path(path).is_absolute() else Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(base)
        except ValueError:
            return p.as_uri()
    posix = PurePath(p).as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    # the file name's own bytes, percent-encoded: exact even when they are not UTF-8
    return quote(os.fsencode(posix), safe="/-._~!$&'()*+,;=@")


class Roots:
    """The roots of one log's files, each with its ``uriBaseId``."""

    def __init__(self) -> None:
        cwd = Path.cwd()
        self.ids: dict[Path, str] = {work_tree_top(cwd) or cwd: SRCROOT}
        self._tops: dict[Path, Path | None] = {}  # folder -> its root (files share folders)

    def _root(self, folder: Path) -> Path:
        if folder not in self._tops:
            self._tops[folder] = work_tree_top(folder)
        return self._tops[folder] or next(iter(self.ids))

    def location(self, path: str) -> dict[str, str]:
        """The ``artifactLocation`` of ``path``: its URI and the id of the root it is under."""
        absolute = Path(os.path.abspath(path))
        root = self._root(absolute.parent)
        uri = artifact_uri(str(absolute), root)
        if uri.startswith("file:"):
            return {"uri": uri}
        if root not in self.ids:
            self.ids[root] = f"%SRCROOT{len(self.ids) + 1}%"
        return {"uri": uri, "uriBaseId": self.ids[root]}

    def original_uri_base_ids(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for root, name in self.ids.items():
            uri = root.as_uri()
            out[name] = {"uri": uri if uri.endswith("/") else uri + "/"}
        return out
