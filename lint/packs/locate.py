"""Where the built-in packs live: ``lint/_packs`` in a wheel, ``<checkout>/rules`` otherwise.

hatchling force-includes ``rules/`` as ``lint/_packs`` in the wheel; an editable install imports
``lint`` from the checkout, where ``_packs`` does not exist (engineering notes B4), so the
loader falls back to the checkout's ``rules/``.
"""

from __future__ import annotations

from pathlib import Path


def builtin_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_packs"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"


def builtin_pack_names() -> list[str]:
    d = builtin_dir()
    return sorted(p.stem for p in d.glob("*.yaml"))


def builtin_pack_path(name: str) -> Path | None:
    p = builtin_dir() / f"{name}.yaml"
    return p if p.is_file() else None
