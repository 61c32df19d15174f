"""Dump every finding on a set of Markdown files, to compare two Markdown readers.

Lints each ``.md`` under the given folders (default: tests/fixtures, examples and, if present,
/tmp/speedwork/markdown) with every built-in pack through the library, and writes one JSON line
per finding (path, rule, offset, end, matched source text). Run it on two trees and diff the
outputs: ``.venv/bin/python bench/markdown_findings.py > before.jsonl``. Not run by CI.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from copydesk.run.engine import compile_rules
from copydesk.run.session import Settings, lint_text, select_specs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "fixtures", ROOT / "examples", Path("/tmp/speedwork/markdown")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    args = parser.parse_args()
    specs, severity = select_specs(Settings())
    ruleset = compile_rules(specs, severity)
    for folder in args.folders:
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*.md")):
            text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
            result = lint_text(str(path), text, ruleset)
            for note in getattr(result, "warnings", []):
                print(json.dumps({"path": str(path), "warning": note}))
            for v in sorted(result.violations, key=lambda v: v.sort_key()):
                row = {"path": str(path), "rule": v.rule, "offset": v.offset,
                       "end": v.end_offset, "text": text[v.offset : v.end_offset]}
                print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
