"""The rule kinds (the ``extends:`` values), one module each, found by file name.

Every module directly in this folder is a kind: ``pii_phone.py`` is the kind ``pii-phone``. It
declares ``NAME`` (that ``extends:`` value) and ``KEYS`` (its YAML keys and their checks) and
provides ``validate(spec)`` (raise :class:`~copydesk.kinds.base.rule.KindError` for a bad value)
and ``compile(spec, shared)`` returning a :class:`~copydesk.kinds.base.rule.Rule`. What several
kinds share lives in :mod:`copydesk.kinds.base`. Adding a kind is adding its module (and its tests).

Listing the kinds reads the folder and imports nothing: a module is imported on first use, so
a run pays only for the kinds its packs use (a kind's import compiles its regexes).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from types import ModuleType

# Vale kinds recognised but not run: a rule of one loads with a warning and is skipped. (A kind
# that needs an optional library says so itself: its module's ``unavailable()`` gives the
# reason its rules cannot run here, or None; lint/packs/load.py asks on every load.)
SKIPPED_KINDS = frozenset({"script"})


class _Registry(Mapping[str, ModuleType]):
    """The kinds by ``extends:`` name; iterating lists the names without importing any module."""

    def __init__(self) -> None:
        self._names = {
            m.name.replace("_", "-"): m.name
            for m in pkgutil.iter_modules(__path__)
            if not m.ispkg
        }
        self._loaded: dict[str, ModuleType] = {}

    def __getitem__(self, name: str) -> ModuleType:
        mod = self._loaded.get(name)
        if mod is None:
            mod = importlib.import_module(f"{__name__}.{self._names[name]}")
            if getattr(mod, "NAME", None) != name:  # a kind names itself as its file does
                raise LookupError(f"kind module {mod.__name__} must declare NAME = {name!r}")
            self._loaded[name] = mod
        return mod

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._names))

    def __len__(self) -> int:
        return len(self._names)


KINDS: Mapping[str, ModuleType] = _Registry()
