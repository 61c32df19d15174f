"""``copydesk lsp``: a language server, so that editors show findings as the writer types.

Diagnostics come on open, on save and, a moment after the last keystroke, on change; each is a
finding at its exact span, in the position encoding the client and server agreed on (UTF-16
unless the client offers UTF-8 or UTF-32). Code actions: apply a rule's fix, disable the rule on
the line (a ``copydesk-disable-next-line`` comment above it), and accept the words in the
project vocabulary (written into the governing ``.copydesk.yaml``, comments kept). Hover over
a finding shows its rule's reason and link. A document's config and packs are found from its
path, as ``copydesk check`` finds them; one Session serves the whole editing session.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..core.errors import CopydeskError
from ..core.model import Severity, Violation
from ..core.positions import Encoding, LineIndex
from ..core.version import __version__
from ..run.session import Session

ACCEPT_TERM = "copydesk.acceptTerm"  # the command behind "accept in the project vocabulary"
DEBOUNCE_SECONDS = 0.3  # after the last change, before the document is linted again
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: lsp.DiagnosticSeverity.Information,
}
_UNITS: dict[str, Encoding] = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "code-points"}


@dataclass
class Finding:
    """A finding as the client sees it, kept for code actions and hover."""

    v: Violation
    range: lsp.Range
    fix: list[lsp.TextEdit]
    matched: str  # the source text of the finding


class CopydeskServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("copydesk", __version__)
        self.session = Session()
        self.findings: dict[str, list[Finding]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    @property
    def units(self) -> Encoding:
        kind = self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16
        return _UNITS.get(str(getattr(kind, "value", kind)), "utf-16")

    def position(self, index: LineIndex, offset: int) -> lsp.Position:
        line, column = index.column(offset, self.units)
        return lsp.Position(line=line - 1, character=column - 1)

    def lint(self, uri: str) -> None:
        """Lint the document as it is in the editor and publish its findings."""
        doc = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) or uri
        result = self.session.check_text(path, doc.source)
        index = LineIndex(doc.source)
        found = []
        for v in result.violations:
            where = lsp.Range(start=self.position(index, v.offset),
                              end=self.position(index, v.end_offset))
            edits = []
            if v.fix is not None and len(v.fix.replacements) == 1:
                r = v.fix.replacements[0]
                edits = [lsp.TextEdit(range=lsp.Range(start=self.position(index, r.offset),
                                                      end=self.position(index, r.end_offset)),
                                      new_text=r.text)]
            found.append(Finding(v, where, edits, doc.source[v.offset : v.end_offset]))
        self.findings[uri] = found
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=doc.version, diagnostics=[_diagnostic(f) for f in found],
        ))

    def lint_soon(self, uri: str) -> None:
        """Lint ``uri`` once the writer has paused (each change restarts the wait)."""
        if (waiting := self.pending.pop(uri, None)) is not None:
            waiting.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, self._lint_pending, uri)

    def _lint_pending(self, uri: str) -> None:
        self.pending.pop(uri, None)
        if uri in self.workspace.text_documents:
            self.lint(uri)


def _diagnostic(f: Finding) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=f.range, message=f.v.message, severity=_SEVERITY.get(f.v.severity),
        source="copydesk", code=f.v.rule,
        code_description=lsp.CodeDescription(href=f.v.url) if f.v.url else None,
    )


def _before(a: lsp.Position, b: lsp.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def _touches(found: lsp.Range, asked: lsp.Range) -> bool:
    return not _before(found.end, asked.start) and not _before(asked.end, found.start)


server = CopydeskServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: CopydeskServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: CopydeskServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.lint_soon(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: CopydeskServer, params: lsp.DidSaveTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: CopydeskServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.findings.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION,
    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
)
def code_action(
    ls: CopydeskServer, params: lsp.CodeActionParams
) -> list[lsp.CodeAction | lsp.Command]:
    uri = params.text_document.uri
    actions: list[lsp.CodeAction | lsp.Command] = []
    for f in ls.findings.get(uri, []):
        if not _touches(f.range, params.range):
            continue
        diagnostic = [_diagnostic(f)]
        if f.fix:
            actions.append(lsp.CodeAction(
                title=f"copydesk: replace with '{f.fix[0].new_text}' ({f.v.rule})",
                kind=lsp.CodeActionKind.QuickFix, diagnostics=diagnostic, is_preferred=True,
                edit=lsp.WorkspaceEdit(changes={uri: f.fix}),
            ))
        spec = ls.session.rules.get(f.v.rule)
        if f.matched.strip() and (spec is None or spec.options.get("vocab", True)):
            # (only for rules that heed the vocabulary) a bare command, which every client
            # reads as one: the server edits the config and lints again
            actions.append(lsp.Command(
                title=f"copydesk: accept '{f.matched}' in the project vocabulary",
                command=ACCEPT_TERM, arguments=[uri, f.matched],
            ))
        line = f.range.start.line
        above = lsp.Position(line=line, character=0)
        comment = f"<!-- copydesk-disable-next-line {f.v.rule} -->\n"
        actions.append(lsp.CodeAction(
            title=f"copydesk: disable {f.v.rule} on this line",
            kind=lsp.CodeActionKind.QuickFix, diagnostics=diagnostic,
            edit=lsp.WorkspaceEdit(changes={uri: [
                lsp.TextEdit(range=lsp.Range(start=above, end=above), new_text=comment)
            ]}),
        ))
    return actions


@server.command(ACCEPT_TERM)
def accept_term(ls: CopydeskServer, uri: str, term: str) -> str | None:
    """Add ``term`` to the vocabulary of the config governing ``uri`` (a new .copydesk.yaml in
    the workspace folder, or the document's, when there is none), then lint again."""
    from ..config.vocabulary_edit import accept_term as add

    path = Path(to_fs_path(uri) or uri)
    try:
        config = ls.session.config_for(path)
        folder = Path(ls.workspace.root_path or path.parent)
        written = add(term, config.path, folder)
    except (CopydeskError, OSError) as exc:
        ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error,
                                                     message=f"copydesk: {exc}"))
        return None
    ls.session = Session()  # the config changed: find and read it again
    for open_uri in list(ls.workspace.text_documents):
        ls.lint(open_uri)
    return str(written)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: CopydeskServer, params: lsp.HoverParams) -> lsp.Hover | None:
    at = lsp.Range(start=params.position, end=params.position)
    parts = []
    for f in ls.findings.get(params.text_document.uri, []):
        if not _touches(f.range, at):
            continue
        spec = ls.session.rules.get(f.v.rule)
        text = f"**{f.v.rule}** ({f.v.severity}): {f.v.message}"
        if spec is not None and spec.description:
            text += "\n\n" + " ".join(spec.description.split())
        if f.v.url:
            text += f"\n\n[{f.v.url}]({f.v.url})"
        parts.append(text)
    if not parts:
        return None
    value = "\n\n---\n\n".join(parts)
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=value))


def main(argv: Any = None) -> None:
    """Serve over standard input and output (what editors start)."""
    server.start_io()
