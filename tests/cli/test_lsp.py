"""``copydesk lsp`` driven by a real LSP client (pytest-lsp): open → diagnostics → code action
→ edit → new diagnostics, positions in UTF-16 after an emoji, hover, and the config found
from the document's folder as ``copydesk check`` finds it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

PACK = """\
pack: house
rules:
  - id: utilize
    extends: substitution
    message: "Use '%s' instead of '%s'."
    severity: warning
    link: https://example.org/house#utilize
    description: Plain words read faster.
    swap: {utilize: use}
"""
STORY = "# Plan 🚀\n\n🚀 We utilize the bridge.\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "house.yaml").write_text(PACK, "utf-8")
    (tmp_path / ".copydesk.yaml").write_text("# our house\npacks: [house.yaml]\n", "utf-8")
    return tmp_path


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "copydesk", "lsp"]),
)
async def client(lsp_client: LanguageClient, workspace: Path) -> AsyncIterator[None]:
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=workspace.as_uri(),
    ))
    yield
    await lsp_client.shutdown_session()


async def _diagnostics(
    client: LanguageClient, uri: str, waiting: asyncio.Future[Any] | None = None
) -> list[lsp.Diagnostic]:
    """The next diagnostics published (a hang guard far above the real wait)."""
    waiting = waiting or _expect(client)
    params = await asyncio.wait_for(waiting, timeout=60)
    assert params.uri == uri
    return list(params.diagnostics)


def _expect(client: LanguageClient) -> asyncio.Future[Any]:
    """Wait for the next diagnostics from now on (before the request that causes them)."""
    waiting = client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return asyncio.ensure_future(waiting)


@pytest.mark.asyncio
async def test_open_fix_and_lint_again(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "story.md").as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=STORY,
    )))
    (found,) = await _diagnostics(client, uri)
    assert found.code == "house.utilize" and found.source == "copydesk"
    assert found.severity == lsp.DiagnosticSeverity.Warning
    # line 2 (0-based); the emoji before it is two UTF-16 units: "🚀 We " is 6 units
    assert (found.range.start.line, found.range.start.character) == (2, 6)
    assert (found.range.end.line, found.range.end.character) == (2, 13)

    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=found.range.start,
    ))
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "Plain words read faster." in hover.contents.value
    assert "https://example.org/house#utilize" in hover.contents.value

    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=found.range,
        context=lsp.CodeActionContext(diagnostics=[found]),
    ))
    assert actions is not None
    titles = [a.title for a in actions]
    assert titles == ["copydesk: replace with 'use' (house.utilize)",
                      "copydesk: accept 'utilize' in the project vocabulary",
                      "copydesk: disable house.utilize on this line"]
    fix = actions[0]
    assert isinstance(fix, lsp.CodeAction) and fix.edit and fix.edit.changes
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "use" and edit.range == found.range

    fixed = STORY.replace("utilize", "use")
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=fixed)],
    ))
    assert await _diagnostics(client, uri) == []

    # the other action: a comment above the line silences the rule there
    disable = actions[2]
    assert isinstance(disable, lsp.CodeAction) and disable.edit and disable.edit.changes
    (insert,) = disable.edit.changes[uri]
    assert insert.range.start == lsp.Position(line=2, character=0)
    lines = STORY.split("\n")
    silenced = "\n".join([*lines[:2], insert.new_text.rstrip("\n"), *lines[2:]])
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=silenced)],
    ))
    assert await _diagnostics(client, uri) == []


@pytest.mark.asyncio
async def test_accepting_a_term_writes_the_config_and_lints_again(
    client: LanguageClient, workspace: Path
) -> None:
    uri = (workspace / "story.md").as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=STORY,
    )))
    (found,) = await _diagnostics(client, uri)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=found.range,
        context=lsp.CodeActionContext(diagnostics=[found]),
    ))
    (accept,) = [a for a in actions or [] if "project vocabulary" in a.title]
    command = accept  # a bare command: the server edits the config and lints again
    assert isinstance(command, lsp.Command) and command.command == "copydesk.acceptTerm"
    waiting = _expect(client)
    await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
        command=command.command, arguments=command.arguments,
    ))
    assert await _diagnostics(client, uri, waiting) == []  # linted again with the new vocabulary
    config = (workspace / ".copydesk.yaml").read_text("utf-8")
    assert config.startswith("# our house\npacks: [house.yaml]\n")  # comments and layout kept
    assert "vocabulary:\n  accept:\n  - utilize\n" in config
