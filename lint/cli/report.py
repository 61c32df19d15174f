"""Where a report goes: the format chosen, then rendered to stdout or written whole to ``-o``.

A report file is written through :func:`copydesk.core.atomic_file.atomic_output`; on stdout, a
reader
that goes away (``| head -1``) ends the run quietly with the exit code of a tool killed by
SIGPIPE.
"""

from __future__ import annotations

import contextlib
import os
import sys

from ..core.atomic_file import atomic_output
from ..core.model import FileResult
from ..core.rule_spec import RuleSpec

# what a process killed by SIGPIPE reports to its shell (128 + 13), as `cat big | head -1` does
EXIT_BROKEN_PIPE = 141


def reader_went_away() -> int:
    """The reader of our output has gone (``| head -1``): stop quietly, as other tools do. What
    is still buffered for stdout is dropped (it would fail again as the interpreter exits)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def format_name(fmt: str | None, output_file: str | None, statistics: bool) -> str:
    from .. import formatters

    tty = sys.stdout is not None and sys.stdout.isatty()
    fmt = fmt or ("full" if tty and not output_file else "concise")
    if fmt not in formatters.REGISTRY:
        fmt = "concise"
    return "statistics" if statistics and "statistics" in formatters.REGISTRY else fmt


def render(
    results: list[FileResult],
    name: str,
    output_file: str | None,
    encoding: str,
    color_mode: str,
    rules: dict[str, RuleSpec] | None = None,
) -> None:
    """Render ``results`` as the format ``name``; ``rules`` is the run's rule metadata (the
    session's), for the formats that describe rules (SARIF, statistics)."""
    from .. import formatters

    stream = sys.stdout
    # auto: on a terminal, unless NO_COLOR is set (https://no-color.org); never into a file
    tty = stream.isatty() and "NO_COLOR" not in os.environ
    color = not output_file and (color_mode == "always" or (color_mode == "auto" and tty))
    rules = rules or {}
    ctx = formatters.RenderContext(encoding=encoding, color=color, rules=rules)  # type: ignore[arg-type]
    # written as rendered, not built in memory first: with many findings the whole output
    # (and its encoded copy) would outweigh the results themselves
    if output_file:
        with atomic_output(output_file) as out:
            formatters.get(name)(out, ctx).render(results)
    else:
        formatters.get(name)(stream, ctx).render(results)
        stream.flush()
