"""Run random documents through every built-in rule; keep and shrink what breaks (issue 15).

A document breaks copydesk when linting it raises, when its FileResult carries an error, or
when a finding's span or position is off (``problems``: the same checks the property test
makes). Failures are counted by signature (exception type and the file:line that raised it,
or the problem with its numbers masked); with ``--save`` the first document of each is kept,
with ``--minimise`` also shrunk to a smallest one that fails the same way:

    .venv/bin/python tests/adversarial/fuzz.py --count 2000 --seed 1 --save .scratch/crash
    .venv/bin/python tests/adversarial/fuzz.py --minimise .scratch/crash/*.html
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from copydesk.core.model import FileResult


def problems(text: str, result: FileResult) -> list[str]:
    """What is wrong with a result: an error, a span outside the text, a line:col that does not
    lead back to its offset or that counts a line end (``\\r\\n``, ``\\n``, lone ``\\r``) as a
    character of its line."""
    from copydesk.core.positions import LineIndex

    out = [f"error: {result.error}"] if result.error else []
    lines = LineIndex(text)
    n = len(text)
    for v in result.violations:
        spans = [(v.offset, v.end_offset)]
        if v.fix is not None:
            spans += [(r.offset, r.end_offset) for r in v.fix.replacements]
        for start, end in spans:
            if not 0 <= start <= end <= n:
                out.append(f"{v.rule}: span {start}..{end} outside 0..{n}")
        for offset in (v.offset, v.end_offset):
            if not 0 <= offset <= n:
                continue
            line, col = lines.position(offset)
            before = text[lines.starts[line - 1] : offset]
            # only a CRLF's \r may stand before the offset, and only when the \n follows
            split_crlf = before.endswith("\r") and text[offset : offset + 1] == "\n"
            crossed = "\n" in before or "\r" in (before[:-1] if split_crlf else before)
            if lines.offset(line, col) != offset or crossed:
                out.append(f"{v.rule}: offset {offset} at {line}:{col} is not on its line")
    return out


def signature(lint: Callable[[str], FileResult], text: str) -> str | None:
    """What goes wrong linting ``text``, numbers masked so that alike failures group."""
    try:
        found = problems(text, lint(text))
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
    return re.sub(r"\d+", "N", found[0]) if found else None


def minimise(text: str, fails: Callable[[str], bool]) -> str:
    """Delta debugging over characters: drop chunks while ``fails`` holds, halving the chunk
    size when none can go, down to single characters."""
    size = max(1, len(text) // 2)
    while True:
        i, shrunk = 0, False
        while i < len(text):
            candidate = text[:i] + text[i + size :]
            if fails(candidate):
                text, shrunk = candidate, True
            else:
                i += size
        if size == 1 and not shrunk:
            return text
        if not shrunk:
            size = max(1, size // 2)


def main() -> int:
    # appended, not put first: PYTHONPATH=<an older checkout> fuzzes that checkout's lint
    sys.path.append(str(Path(__file__).resolve().parents[2]))
    sys.path.append(str(Path(__file__).resolve().parent))
    from copydesk.run.engine import compile_rules
    from copydesk.run.session import Settings, lint_text, select_specs
    from random_docs import GENERATORS

    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=sorted(GENERATORS), action="append")
    ap.add_argument("--save", type=Path, help="folder for the first document of each failure")
    ap.add_argument("--minimise", nargs="+", type=Path, metavar="FILE", help="shrink these")
    args = ap.parse_args()
    specs, severity = select_specs(Settings())
    ruleset = compile_rules(specs, severity)
    if args.minimise:
        for path in args.minimise:
            text = path.read_bytes().decode("utf-8")

            def lint(t: str, name: str = path.name) -> FileResult:
                return lint_text(name, t, ruleset)

            wanted = signature(lint, text)
            if wanted is None:
                print(f"{path}: no failure")
                continue
            small = minimise(text, lambda t, w=wanted, lint=lint: signature(lint, t) == w)
            print(f"{path}: {wanted}\n  {small!r}")
        return 0
    failed = 0
    for fmt in args.format or sorted(GENERATORS):
        name, make = GENERATORS[fmt]
        seen: dict[str, int] = {}
        for i in range(args.count):
            text = make(random.Random(f"{args.seed}-{fmt}-{i}"))
            problem = signature(lambda t, name=name: lint_text(name, t, ruleset), text)
            if problem is None:
                continue
            failed += 1
            if problem not in seen and args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{fmt}-{i}{Path(name).suffix}").write_text(text, newline="")
            seen[problem] = seen.get(problem, 0) + 1
        print(f"{fmt}: {args.count} documents, {sum(seen.values())} failed")
        for problem, count in sorted(seen.items(), key=lambda kv: -kv[1]):
            print(f"  {count:5d}  {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
