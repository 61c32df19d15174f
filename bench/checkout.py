"""Import one checkout's copydesk, whichever tree it is: ``use(tree)`` makes ``import copydesk``
load ``tree/lint``, so a benchmark scores this checkout or an older one (``--tree``) alike.

The source folder is ``lint/`` and the installed package ``copydesk``; checkouts from before the
rename import themselves as ``lint.…``, later ones relatively. Loading the folder as ``lint``
(the tree first on ``sys.path``) and answering every ``copydesk.…`` import with the ``lint.…``
module serves both, with one copy of each module.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name: str, path: object = None, target: object = None):  # type: ignore[no-untyped-def]
        if name == "copydesk" or name.startswith("copydesk."):
            return importlib.machinery.ModuleSpec(name, self)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module("lint" + spec.name[len("copydesk"):])

    def exec_module(self, module: ModuleType) -> None:
        pass  # already run under its ``lint`` name


def use(tree: Path = ROOT) -> None:
    """Make ``import copydesk`` (and ``import lint``) load ``tree/lint``."""
    sys.path.insert(0, str(tree.resolve()))
    if not any(isinstance(f, _Alias) for f in sys.meta_path):
        sys.meta_path.insert(0, _Alias())
