"""``json`` (one document for the run) and ``json-lines`` (one finding per line).

The schema is the output contract of issue 2: offsets are 0-based code points into the decoded
file, line/column are 1-based with an exclusive end, columns in the chosen encoding, which the
``json`` document names in ``position_encoding``. Each fix replacement has its line/column too.
Fields are added, never renamed; ``json_schema.json`` beside this module is the JSON Schema of
the ``json`` document (and of a ``json-lines`` row, its ``$defs/row``).
"""

from __future__ import annotations

from typing import Any

from ..core.kept import SourceIndex, line_index
from ..core.model import FileResult, Replacement
from ..core.positions import Encoding
from .base import Formatter, Located, locate, severity_counts
from .escape import shown_path


def _replacement(index: SourceIndex, encoding: Encoding, r: Replacement) -> dict[str, Any]:
    line, column = index.column(r.offset, encoding)
    end_line, end_column = index.column(r.end_offset, encoding)
    return {
        "offset": r.offset,
        "end_offset": r.end_offset,
        "text": r.text,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
    }


def violation_dict(loc: Located, index: SourceIndex, encoding: Encoding) -> dict[str, Any]:
    v = loc.v
    fix = None
    if v.fix is not None:
        fix = {"replacements": [_replacement(index, encoding, r) for r in v.fix.replacements]}
    return {
        "rule": v.rule,
        "category": v.category,
        "severity": str(v.severity),
        "message": v.message,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "offset": v.offset,
        "end_offset": v.end_offset,
        "match": loc.match,
        "url": v.url or None,
        "fix": fix,
    }


class Json(Formatter):
    name = "json"
    choice_order = 2

    def render(self, results: list[FileResult]) -> None:
        files = []
        errors = []
        encoding = self.ctx.encoding
        for r in results:
            if r.error:
                errors.append({"path": shown_path(r.path), "message": r.error})
            if r.error and not r.violations and not r.has_text:
                continue
            index = line_index(r)
            found = [violation_dict(x, index, encoding) for x in locate(r, encoding, index)]
            files.append({"path": shown_path(r.path), "violations": found})
        doc = {
            "version": 1,
            "tool": {"name": "copydesk", "version": self.ctx.tool_version},
            "position_encoding": encoding,  # the unit of every column (lines and offsets: fixed)
            "files": files,
            "errors": errors,
            "summary": {
                "files": len(files),
                "violations": sum(len(f["violations"]) for f in files),
                "by_severity": severity_counts(results),
            },
        }
        from . import indented_json  # (not at import: the registry loads us)

        indented_json.dump(doc, self.out)  # json.dump(indent=2), faster
        self.out.write("\n")


class JsonLines(Formatter):
    name = "json-lines"
    choice_order = 3

    def render(self, results: list[FileResult]) -> None:
        from json import dumps  # (not at import: the registry loads every format)

        encoding = self.ctx.encoding
        for r in results:
            index = line_index(r)
            for loc in locate(r, encoding, index):
                row = {"path": shown_path(r.path), **violation_dict(loc, index, encoding)}
                self.out.write(dumps(row, ensure_ascii=False) + "\n")


FORMATS = (Json, JsonLines)
