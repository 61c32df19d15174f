"""What the suppression tests share: lint a text with the citations pack (and more packs) in
one format and list each finding as (line, rule, matched text)."""

from __future__ import annotations

from pathlib import Path

from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

FORMATS = ("a.md", "a.txt", "a.html")


def flagged(builtin: Path, name: str, text: str, *extra: Path) -> list[tuple[int, str, str]]:
    """(line, rule, matched text) of every finding of citations (and ``extra``) in ``text``."""
    specs = [s for p in (builtin / "citations.yaml", *extra) for s in load_pack(p).rules]
    result = lint_text(name, text, compile_rules(specs))
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return [
        (sum(1 for s in starts if s <= v.offset), v.rule, text[v.offset : v.end_offset])
        for v in result.violations
    ]


def wrap(name: str, body: str) -> str:
    """``body`` lines as paragraphs of the format (HTML gets <p> around prose lines)."""
    if not name.endswith(".html"):
        return body
    return "\n".join(
        ln if not ln or ln.startswith("<!--") else f"<p>{ln}</p>" for ln in body.split("\n")
    )
