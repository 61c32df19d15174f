"""The command's side of a baseline: record a run's findings (``copydesk baseline``), or leave
out of a ``check --baseline FILE`` report the findings the file knows (:mod:`copydesk.run.baseline`
does the matching), saying on stderr how many were left out or recorded."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.model import FileResult
from ..run import baseline


def record(results: list[FileResult], where: str) -> None:
    count = baseline.write(results, Path(where))
    click.echo(f"copydesk: {count} finding{'s' * (count != 1)} recorded in {where}", err=True)


def leave_out_known(results: list[FileResult], where: str) -> None:
    """Drop the known findings from ``results`` in place (the results stay the same objects:
    the command looks up each one's config by identity). Raises ConfigError for a bad file."""
    filtered, known = baseline.new_only(results, Path(where))
    for result, kept in zip(results, filtered, strict=True):
        result.violations = kept.violations
    if known:
        click.echo(f"copydesk: {known} finding{'s' * (known != 1)} in the baseline {where} "
                   "not shown", err=True)
