"""copydesk: a publishing-policy linter for prose, and its library API.

The names below are the stable API (README "Library API"); they are imported on first use, so
``import copydesk`` stays cheap for the command line::

    from copydesk import Session, check_text, to_json

    session = Session()                        # each file's nearest config, as the CLI finds it
    result = session.check_text("story.md", text)
    rows = to_json([result])["files"]          # the json format's model, field for field
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .core.version import __version__ as __version__

__all__ = [
    "FileResult", "Overrides", "Session", "Severity", "Violation", "__version__",
    "check_paths", "check_text", "to_json",
]

if TYPE_CHECKING:
    from .core.model import FileResult, Severity, Violation
    from .run.selection import Overrides
    from .run.session import Session

# relative to this package, which is installed as ``copydesk`` (the source folder is lint/)
_HOMES = {
    "FileResult": ".core.model",
    "Severity": ".core.model",
    "Violation": ".core.model",
    "Overrides": ".run.selection",
    "Session": ".run.session",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_text(text: str, path: str = "stdin.md", session: Session | None = None) -> FileResult:
    """Lint ``text`` as the file ``path`` would be (its format and nearest config)."""
    from .run.session import Session

    return (session or Session()).check_text(path, text)


def check_paths(paths: list[str], session: Session | None = None) -> list[FileResult]:
    """Lint files and folders as ``copydesk check`` walks them, in this process."""
    from .run.session import Session

    return (session or Session()).check_paths(paths)


def to_json(results: list[FileResult], session: Session | None = None,
            encoding: str = "code-points") -> Any:
    """The ``json`` format's document for ``results`` (``files``, each with ``violations``
    holding ``rule``, ``severity``, ``message``, ``line``, ``column``, ``offset`` …), as
    Python values. ``encoding``: the column unit (``code-points``, ``utf-16``, ``utf-8``)."""
    import io
    import json

    from . import formatters

    rules = session.rules if session is not None else {}
    out = io.StringIO()
    context = formatters.RenderContext(encoding=encoding, rules=rules)  # type: ignore[arg-type]
    formatters.get("json")(out, context).render(results)
    return json.loads(out.getvalue())
