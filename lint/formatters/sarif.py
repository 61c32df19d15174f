"""``sarif``: a SARIF 2.1.0 log that GitHub code scanning accepts (engineering notes B2).

Choices worth knowing:
- ``columnKind`` is always written. Columns, ``charOffset`` and ``charLength`` are code points
  (``unicodeCodePoints``) unless ``ctx.encoding`` is ``utf-16`` (``utf16CodeUnits``). SARIF has
  no UTF-8 column kind, so the command refuses ``utf-8`` (:meth:`Sarif.refusal`) rather than
  drop it silently; a caller that renders with it anyway gets code points, so labelled.
  Offsets count from the first character after a dropped BOM, like every offset in the model.
- URIs are relative to the file's repository root, with ``uriBaseId`` and
  ``originalUriBaseIds`` (``sarif_uris``), so they are the same from any working directory.
- ``tool.driver.rules`` lists only the rules that have a result in this log, sorted by id, so
  ``ruleIndex`` is stable and the upload stays small. A rule missing from ``ctx.rules`` (say a
  synthetic one) gets a descriptor built from its first finding: GitHub requires one.
- ``partialFingerprints`` carry two hashes. ``primaryLocationLineHash`` is GitHub's own kind:
  a hash of the rule and the text of the finding's first line (its runs of whitespace made one
  space, its ends stripped), then ``:`` and which occurrence of that hash in the file it is
  (from 1), so an alert follows its line when lines are added above it. (A result kept by a
  worker without its lines, see ``Formatter.needs_lines``, has none; the upload action then
  computes it from the checkout.) ``copydeskFingerprint/v1`` hashes rule, path, matched text
  and how many earlier findings in the file had the same rule and text, so an alert survives
  edits elsewhere in the file.
- Files that could not be read or fully checked become error notifications in
  ``invocations[0]``, which then reports ``executionSuccessful: false``.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ..core.kept import SourceIndex, line_index
from ..core.model import FileResult, Severity, Violation
from ..core.positions import Encoding
from ..core.rule_spec import RuleSpec
from .base import Formatter, Located, locate
from .escape import shown_path
from .sarif_uris import Roots, artifact_uri

__all__ = ["Sarif", "artifact_uri", "fingerprint", "fix_description", "line_hash"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/copydesk/"
FINGERPRINT = "copydeskFingerprint/v1"
_VERB = re.compile(r"%(?:\[\d+\])?[sdvq]")
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def fingerprint(rule: str, uri: str, match: str, occurrence: int) -> str:
    key = "\x00".join((rule, uri, match, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def line_hash(rule: str, line: str) -> str:
    """The hash half of ``primaryLocationLineHash``: rule and line text, whitespace folded."""
    key = rule + "\x00" + " ".join(line.split())
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    head, dot, _ = text.partition(". ")
    return head + ("." if dot else "")


def rule_descriptor(rule_id: str, spec: RuleSpec | None, example: Violation) -> dict[str, Any]:
    description = " ".join((spec.description if spec else "").split())
    full = description or (example.message if spec is None else _VERB.sub("…", spec.message))
    short = _first_sentence(full) or rule_id
    link = spec.link if spec else example.url
    help_text = full + (f"\n\nReference: {link}" if link else "")
    help_md = full + (f"\n\n[Reference]({link})" if link else "")
    severity = spec.severity if spec else example.severity
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "name": rule_id.rsplit(".", 1)[-1],
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_md},
    }
    if link:
        descriptor["helpUri"] = link
    descriptor["defaultConfiguration"] = {"level": LEVELS[severity]}
    descriptor["properties"] = {"tags": [spec.category if spec else example.category]}
    return descriptor


def fix_description(text: str | SourceIndex, v: Violation) -> str:
    reps = v.fix.replacements if v.fix else ()
    if len(reps) != 1:
        return f"Apply the fix suggested by {v.rule}."
    old, new = text[reps[0].offset : reps[0].end_offset], reps[0].text
    if not new:
        return f"Delete '{old}'."
    return f"Insert '{new}'." if not old else f"Replace '{old}' with '{new}'."


class _Units:
    """Converts code-point offsets of one file into the log's column kind."""

    def __init__(self, result: FileResult, encoding: Encoding) -> None:
        self.encoding = encoding
        self.index = self.text = line_index(result)  # the text, or what was kept of it

    def offset(self, offset: int) -> int:
        return self.index.utf16_offset(offset) if self.encoding == "utf-16" else offset

    def region(self, start: int, end: int) -> dict[str, int]:
        line, col = self.index.column(start, self.encoding)
        end_line, end_col = self.index.column(end, self.encoding)
        char_offset = self.offset(start)
        return {
            "startLine": line,
            "startColumn": col,
            "endLine": end_line,
            "endColumn": end_col,
            "charOffset": char_offset,
            "charLength": self.offset(end) - char_offset,
        }


class Sarif(Formatter):
    name = "sarif"
    choice_order = 5
    needs_lines = True  # primaryLocationLineHash hashes each finding's line

    @classmethod
    def refusal(cls, encoding: Encoding) -> str | None:
        if encoding == "utf-8":
            return (
                "--format sarif cannot write UTF-8 columns: SARIF 2.1.0 counts columns in code"
                " points or UTF-16 units only (use --position-encoding code-points or utf-16)"
            )
        return None

    def render(self, results: list[FileResult]) -> None:
        encoding: Encoding = "utf-16" if self.ctx.encoding == "utf-16" else "code-points"
        roots = Roots()
        found: list[tuple[dict[str, str], _Units, Located]] = []
        for r in results:
            conv = _Units(r, encoding)
            artifact = roots.location(r.path)
            found.extend((artifact, conv, loc) for loc in locate(r, encoding))
        examples: dict[str, Violation] = {}
        for *_, loc in found:
            examples.setdefault(loc.v.rule, loc.v)
        order = sorted(examples)
        rules = [rule_descriptor(i, self.ctx.rules.get(i), examples[i]) for i in order]
        position = {rule_id: n for n, rule_id in enumerate(order)}
        seen: dict[tuple[str, str, str], int] = {}  # (uri, rule, match): how many so far
        hashed: dict[tuple[str, str], int] = {}  # (uri, line hash): how many so far
        sarif_results = []
        for artifact, conv, loc in found:
            uri, rule = artifact["uri"], loc.v.rule
            occurrence = seen.get((uri, rule, loc.match), 0)
            seen[(uri, rule, loc.match)] = occurrence + 1
            prints = {}
            try:
                lines = line_hash(rule, conv.index.line_text(loc.line))
            except KeyError:  # a kept result without its lines: github/codeql-action's upload
                pass  # computes the hash from the checkout when it is missing
            else:
                nth = hashed[(uri, lines)] = hashed.get((uri, lines), 0) + 1
                prints["primaryLocationLineHash"] = f"{lines}:{nth}"
            prints[FINGERPRINT] = fingerprint(rule, uri, loc.match, occurrence)
            sarif_results.append(self._result(artifact, conv, loc, position[rule], prints))
        notifications = [
            {
                "level": "error",
                "message": {"text": f"{shown_path(r.path)}: {r.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": roots.location(r.path)}}],
            }
            for r in results
            if r.error
        ]
        invocation: dict[str, Any] = {"executionSuccessful": not notifications}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        run = {
            "tool": {
                "driver": {
                    "name": "copydesk",
                    "version": self.ctx.tool_version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "invocations": [invocation],
            "originalUriBaseIds": roots.original_uri_base_ids(),
            "columnKind": "utf16CodeUnits" if encoding == "utf-16" else "unicodeCodePoints",
            "results": sarif_results,
        }
        doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        from . import indented_json  # (not at import: the registry loads us)

        indented_json.dump(doc, self.out)  # json.dump(indent=2), faster
        self.out.write("\n")

    def _result(
        self,
        artifact: dict[str, str],
        conv: _Units,
        loc: Located,
        rule_index: int,
        prints: dict[str, str],
    ) -> dict[str, Any]:
        v = loc.v
        result: dict[str, Any] = {
            "ruleId": v.rule,
            "ruleIndex": rule_index,
            "level": LEVELS[v.severity],
            "message": {"text": v.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": conv.region(v.offset, v.end_offset),
                    }
                }
            ],
            "partialFingerprints": prints,
        }
        if v.fix is not None:
            replacements = [
                {
                    "deletedRegion": conv.region(rep.offset, rep.end_offset),
                    "insertedContent": {"text": rep.text},
                }
                for rep in v.fix.replacements
            ]
            result["fixes"] = [
                {
                    "description": {"text": fix_description(conv.text, v)},
                    "artifactChanges": [
                        {"artifactLocation": artifact, "replacements": replacements}
                    ],
                }
            ]
        return result


FORMATS = (Sarif,)
