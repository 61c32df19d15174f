"""What the page shows of one result: the annotated fragment, the json document and the counts.

The fragment is the HTML report's (``formatters/html_view.py``), rendered here from the
result's code-point offsets: the page receives finished HTML and never computes a position in
JavaScript's UTF-16 strings. Its finding ``n`` (``<DOC_ID>-<n>``, from 1) is the json
document's ``violations[n - 1]``: both follow the result's order, the engine's sort.
"""

from __future__ import annotations

from typing import Any

from .. import to_json
from ..core.model import FileResult
from ..formatters import html_view
from ..run.session import Session

DOC_ID = "doc"  # the page shows one document: its findings are doc-1, doc-2, …


def document(result: FileResult, session: Session) -> Any:
    """The ``json`` format's document for the result (:func:`copydesk.to_json`)."""
    return to_json([result], session)


def fragment(result: FileResult, session: Session) -> str:
    """The annotated text and its notes, as the HTML report shows them."""
    return html_view.annotated_document(result.text, result.violations, session.rules,
                                        doc_id=DOC_ID)


def counts(doc: Any) -> dict[str, int]:
    """Findings by severity, and in all (the page's summary line)."""
    summary = doc["summary"]
    return {**summary["by_severity"], "total": summary["violations"]}


def stylesheet() -> str:
    return html_view.stylesheet()


def script() -> str:
    return html_view.script()
