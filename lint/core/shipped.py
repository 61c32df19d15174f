"""Where the data shipped with copydesk lives: ``copydesk/_packs`` in a wheel, ``<checkout>/rules``
otherwise.

The build installs ``rules/`` as ``copydesk/_packs`` (pyproject.toml); an editable install
imports ``copydesk`` from the checkout's ``lint/``, where ``_packs`` does not exist (engineering
notes B4), so the lookup falls back to the checkout's ``rules/``. The built-in packs sit at the
top of that folder and the built-in profiles in its ``profiles/``: both packs and config ask here.
"""

from __future__ import annotations

from pathlib import Path


def shipped_dir() -> Path:
    """The folder of the built-in packs (and of ``profiles/``)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_packs"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"
