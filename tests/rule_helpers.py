"""Helpers for kind tests: lint a text with one rule written in a pack of its own."""

from __future__ import annotations

from pathlib import Path

from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text


def run_rule(
    tmp_path: Path, rule: str, text: str, path: str = "a.txt", accept: tuple[str, ...] = ()
) -> list[tuple[str, str, str | None]]:
    """(matched source text, message, fix text) of the findings of ``rule`` (a rule's YAML
    lines) on ``text``, read as the file ``path``, with ``accept`` as the vocabulary."""
    pack = tmp_path / "k.yaml"
    body = "".join(f"    {line}\n" for line in rule.strip().splitlines())
    pack.write_text(f"pack: k\ndescription: d\nrules:\n  - id: r\n{body}")
    result = lint_text(path, text, compile_rules(load_pack(pack).rules, accept=accept))
    assert result.error is None, result.error
    out = []
    for v in result.violations:
        fix = None if v.fix is None else v.fix.replacements[0].text
        out.append((text[v.offset : v.end_offset], v.message, fix))
    return out
