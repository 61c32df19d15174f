"""Output formats: the registry of every format, which the command reads its choices from.

A format is a module of this package that lists its :class:`Formatter` classes in ``FORMATS``
(each class names itself, and says where it stands among ``--format``'s choices); the registry
finds them by importing each module here, so adding a format is its module and its tests.
Modules without ``FORMATS`` (``base``, ``escape``, ``indented_json``) are shared helpers.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import (
    Formatter,
    Located,
    RenderContext,
    locate,
    severity_counts,
)

__all__ = [
    "REGISTRY", "Formatter", "Located", "RenderContext", "choices", "get",
    "locate", "severity_counts",
]


def _discover() -> dict[str, type[Formatter]]:
    found: dict[str, type[Formatter]] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        for cls in getattr(importlib.import_module(f"{__name__}.{module}"), "FORMATS", ()):
            if cls.name in found:
                raise RuntimeError(f"format '{cls.name}' is declared twice")
            found[cls.name] = cls
    return found


REGISTRY: dict[str, type[Formatter]] = _discover()


def get(name: str) -> type[Formatter]:
    return REGISTRY[name]


def choices() -> tuple[str, ...]:
    """The names ``--format`` accepts, in their declared order."""
    listed = [cls for cls in REGISTRY.values() if cls.choice_order is not None]
    return tuple(cls.name for cls in sorted(listed, key=lambda cls: cls.choice_order or 0))
