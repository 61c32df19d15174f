"""Helpers for CLI tests: run ``copydesk`` in-process and write small repos and packs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from copydesk.cli.main import cli

HOUSE_PACK = """\
pack: house
description: A small test pack with one rule per severity.
rules:
  - id: utilize
    extends: existence
    message: "Prefer 'use' to '%s'."
    severity: warning
    tokens: [utilize]
  - id: very
    extends: existence
    message: "Cut '%s'."
    severity: suggestion
    tokens: [very]
  - id: banned
    extends: existence
    message: "'%s' is banned."
    severity: error
    tokens: [synergy]
"""


def run(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args, input=stdin)
    assert "Traceback" not in result.stderr
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


def found(args: list[str], stdin: str | None = None) -> tuple[int, dict[str, list[str]], str]:
    """Exit code, {path: [rule ids]} from the json output, and stderr."""
    code, out, err = run(["check", "--format", "json", *args], stdin)
    doc = json.loads(out)
    return code, {f["path"]: [v["rule"] for v in f["violations"]] for f in doc["files"]}, err
