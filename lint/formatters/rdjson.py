"""``rdjson`` and ``rdjsonl``: reviewdog's Diagnostic Format, for review comments from any CI.

``rdjsonl`` writes one ``Diagnostic`` per line, ``rdjson`` one ``DiagnosticResult``
(``{source, severity, diagnostics}``), as reviewdog's ``proto/rdf/reviewdog.proto`` defines
them. Positions are 1-based with an exclusive end and **columns count UTF-8 bytes**, as the
proto says, whatever ``--position-encoding`` asks (the command refuses ``utf-16``); an empty
finding or an insertion has ``start == end``. A finding's fix becomes ``suggestions`` (a range
and its new text; deleting is ``text: ""``), its rule the ``code`` with the rule's link.
Severities map error → ``ERROR``, warning → ``WARNING``, suggestion → ``INFO``. A file that
could not be read or fully checked is an ``ERROR`` diagnostic on the file, without a range, as
in ``github``."""

from __future__ import annotations

from typing import Any

from ..core.kept import SourceIndex, line_index
from ..core.model import FileResult, Severity, Violation
from ..core.positions import Encoding
from .base import Formatter
from .escape import shown_path

SOURCE = {"name": "copydesk", "url": "https://pypi.org/project/copydesk/"}
SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.SUGGESTION: "INFO"}


def _range(index: SourceIndex, start: int, end: int) -> dict[str, Any]:
    line, column = index.column(start, "utf-8")
    end_line, end_column = index.column(end, "utf-8")
    return {
        "start": {"line": line, "column": column},
        "end": {"line": end_line, "column": end_column},
    }


class _Reviewdog(Formatter):
    column_unit = "utf-8"

    @classmethod
    def refusal(cls, encoding: Encoding) -> str | None:
        if encoding == "utf-16":
            return (
                f"--format {cls.name} writes columns in UTF-8 bytes, as reviewdog defines them;"
                " leave out --position-encoding utf-16"
            )
        return None

    def diagnostics(self, result: FileResult) -> list[dict[str, Any]]:
        path = shown_path(result.path)
        out = []
        if result.error:
            out.append(
                {
                    "message": result.error,
                    "location": {"path": path},
                    "severity": "ERROR",
                    "source": SOURCE,
                }
            )
        if result.violations:
            index = line_index(result)
            out.extend(self.diagnostic(path, index, v) for v in result.violations)
        return out

    def diagnostic(self, path: str, index: SourceIndex, v: Violation) -> dict[str, Any]:
        spec = self.ctx.rules.get(v.rule)
        url = v.url or (spec.link if spec else "")
        code = {"value": v.rule, "url": url} if url else {"value": v.rule}
        diagnostic: dict[str, Any] = {
            "message": v.message,
            "location": {"path": path, "range": _range(index, v.offset, v.end_offset)},
            "severity": SEVERITIES[v.severity],
            "source": SOURCE,
            "code": code,
        }
        if v.fix is not None:
            diagnostic["suggestions"] = [
                {"range": _range(index, r.offset, r.end_offset), "text": r.text}
                for r in v.fix.replacements
            ]
        return diagnostic


class Rdjson(_Reviewdog):
    name = "rdjson"
    choice_order = 6

    def render(self, results: list[FileResult]) -> None:
        diagnostics = [d for r in results for d in self.diagnostics(r)]
        doc: dict[str, Any] = {"source": SOURCE}
        worst = [v.severity for r in results for v in r.violations]
        if any(r.error for r in results):
            worst.append(Severity.ERROR)
        if worst:  # the severity of a diagnostic that states none (each of ours does)
            doc["severity"] = SEVERITIES[max(worst)]
        doc["diagnostics"] = diagnostics
        from . import indented_json  # (not at import: the registry loads us)

        indented_json.dump(doc, self.out)
        self.out.write("\n")


class Rdjsonl(_Reviewdog):
    name = "rdjsonl"
    choice_order = 7

    def render(self, results: list[FileResult]) -> None:
        from json import dumps  # (not at import: the registry loads every format)

        for r in results:
            for d in self.diagnostics(r):
                self.out.write(dumps(d, ensure_ascii=False) + "\n")


FORMATS = (Rdjson, Rdjsonl)
