"""``check --fix`` and ``check --diff`` in the command: write each fixed file, or show its diff.

Each file was linted with its fixes chosen (:mod:`copydesk.run.fix_job`, in this process or a
worker); here, in input order, the command writes it back (:mod:`copydesk.cli.write_back`) and
reports the findings of the fixed text, or of the text as read when the file changed since it
was read (a warning) or could not be written (an error). ``--diff`` prints a unified diff of
what ``--fix`` would write and writes nothing. Text read from stdin is printed whole, fixed, on
stdout (the report then goes to stderr).
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from difflib import unified_diff
from typing import TYPE_CHECKING, BinaryIO

import click

from ..core.model import FileResult, Replacement
from ..formatters.escape import shown_text
from . import write_back

if TYPE_CHECKING:
    from ..run.parallel import Job, Outcome

_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")  # lines as diff and patch see them: "\n" ends one


class Fixer:
    """Settles each fixed job and counts the fixes (see the module's docstring)."""

    def __init__(self, diff: bool) -> None:
        self.diff = diff
        self.fixes = 0
        self.files = 0

    def settle(self, job: Job, outcome: Outcome) -> FileResult | None:
        """The result to report for ``job``, once its fixes are written (or shown)."""
        fixes = outcome.fixes
        if not job.path:  # stdin
            if fixes is not None and job.data is not None:
                old, new, data = write_back.fixed(job.data, fixes.replacements)
                self._done(job, fixes.replacements, old, new)
            else:
                data = job.data or b""
            result = outcome.result
            if not self.diff and result is not None and not result.error and sys.stdout:
                _out().write(data)
                _out().flush()
            return outcome.result
        if fixes is None:
            return outcome.result
        try:
            data, st = write_back.read_unchanged(job.path, fixes.digest)
            old, new, fixed = write_back.fixed(data, fixes.replacements)
            if not self.diff:
                write_back.replace_file(job.path, data, st, fixed)
        except write_back.Changed:
            _warn(f"{job.display}: changed since it was read: not fixed")
            return fixes.before
        except (OSError, ValueError) as exc:
            why = getattr(exc, "strerror", None) or exc
            return replace(fixes.before, error=f"cannot write the fixes: {why}")
        self._done(job, fixes.replacements, old, new)
        return outcome.result if not self.diff else fixes.before

    def _done(self, job: Job, replacements: tuple[Replacement, ...], old: str, new: str) -> None:
        self.fixes += len(replacements)
        self.files += 1
        if self.diff:
            sys.stdout.flush()
            _out().write(diff(job.display, old, new).encode("utf-8"))
            _out().flush()

    def summary(self) -> str:
        fixes = f"{self.fixes} fix{'es' if self.fixes != 1 else ''}"
        files = f"{self.files} file{'s' if self.files != 1 else ''}"
        verb = "would be applied" if self.diff else "applied"
        return f"copydesk: {fixes} {verb} in {files}"


def diff(name: str, old: str, new: str) -> str:
    """A unified diff from ``old`` to ``new`` (``patch -p0`` applies it), with the mark
    ``\\ No newline at end of file`` where a last line has none."""
    shown = shown_text(name)  # a name's control characters must not split the header
    out = []
    for line in unified_diff(_LINE.findall(old), _LINE.findall(new), shown, shown):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _out() -> BinaryIO:
    return sys.stdout.buffer


def _warn(message: str) -> None:
    click.echo(f"copydesk: warning: {shown_text(message)}", err=True)
