"""copydesk: a publishing-policy linter for prose, and its library API.

The names below are the stable API (README "Library API"); they are imported on first use, so
``import lint`` stays cheap for the command line::

    from lint import Session, check_text, to_json

    session = Session()                        # each file's nearest config, as the CLI finds it
    result = session.check_text("story.md", text)
    rows = to_json([result])["files"]          # the json format's model, field for field
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lint.core.version import __version__ as __version__

__all__ = [
    "FileResult", "Overrides", "Session", "Severity", "Violation", "__version__",
    "check_paths", "check_text", "to_json",
]

if TYPE_CHECKING:
    from lint.core.model import FileResult, Severity, Violation
    from lint.run.selection import Overrides
    from lint.run.session import Session

_HOMES = {
    "FileResult": "lint.core.model",
    "Severity": "lint.core.model",
    "Violation": "lint.core.model",
    "Overrides": "lint.run.selection",
    "Session": "lint.run.session",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")


def check_text(text: str, path: str = "stdin.md", session: Session | None = None) -> FileResult:
    """Lint ``text`` as the file ``path`` would be (its format and nearest config)."""
    from lint.run.session import Session

    return (session or Session()).check_text(path, text)


def check_paths(paths: list[str], session: Session | None = None) -> list[FileResult]:
    """Lint files and folders as ``copydesk check`` walks them, in this process."""
    from lint.run.session import Session

    return (session or Session()).check_paths(paths)


def to_json(results: list[FileResult], session: Session | None = None,
            encoding: str = "code-points") -> Any:
    """The ``json`` format's document for ``results`` (``files``, each with ``violations``
    holding ``rule``, ``severity``, ``message``, ``line``, ``column``, ``offset`` …), as
    Python values. ``encoding``: the column unit (``code-points``, ``utf-16``, ``utf-8``)."""
    import io
    import json

    from lint import formatters

    rules = session.rules if session is not None else {}
    out = io.StringIO()
    context = formatters.RenderContext(encoding=encoding, rules=rules)  # type: ignore[arg-type]
    formatters.get("json")(out, context).render(results)
    return json.loads(out.getvalue())
