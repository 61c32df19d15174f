"""Re-check an archive that outgrows one machine: copydesk over a Dask bag of files or records.

A bag's partitions go to Dask's workers; each partition makes one :class:`Session` (so packs
load and rules compile once per partition, not per story) and lints its stories, and every
finding comes back as one row of ``--format json-lines`` (``path``, ``rule``, ``severity``,
``line``, ``column`` …): the rows a single ``copydesk check`` would print, whatever the
cluster. Rows can be written as JSON lines (``bag.map(json.dumps).to_textfiles(...)``) or
made a dataframe (``bag.to_dataframe()``, with pandas installed). Install with the ``archive``
extra (``dask[bag,distributed]``); README "Archive scale" has the recipe for a real cluster.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dask.bag import Bag

    from .core.model import FileResult
    from .run.session import Session

Record = tuple[str, str]  # (the story's name or path, its text)
FILES_PER_PARTITION = 200  # check_files' default: a session's start-up is ~0.3 s of work


@dataclass(frozen=True)
class Options:
    """What each partition's session is made from (sent to the workers, so plain values).
    ``config`` None: each story's nearest config, as the command finds it from its path."""

    config: str | None = None
    profile: str | None = None
    packs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def check_records(
    records: Iterable[Record], options: Options | None = None
) -> list[dict[str, Any]]:
    """Lint ``records`` here, with one session: the ``json-lines`` rows of their findings, in
    order, and a row with ``path`` and ``error`` for a story that could not be linted."""
    session = _session(options or Options())
    return _rows([session.check_text(name, text) for name, text in records], session)


def check_paths(paths: Iterable[str], options: Options | None = None) -> list[dict[str, Any]]:
    """As :func:`check_records`, for files read here (a file that is not UTF-8 text, or cannot
    be read, is an ``error`` row, as ``copydesk check`` reports it)."""
    from .core.model import FileResult
    from .core.regular_files import read_bytes

    session = _session(options or Options())
    results = []
    for path in paths:
        try:
            results.append(session.check_bytes(path, read_bytes(path)))
        except OSError as exc:
            results.append(FileResult(path, "", error=f"cannot read: {exc.strerror or exc}"))
    return _rows(results, session)


def check_bag(records: Bag, options: Options | None = None) -> Bag:
    """The rows of every finding of a bag of ``(name, text)`` records, a session a partition."""
    return records.map_partitions(check_records, options or Options())


def check_files(paths: Iterable[str], options: Options | None = None,
                npartitions: int | None = None) -> Bag:
    """The rows of every finding of the files ``paths``, read and linted on the workers."""
    import dask.bag as db

    names = sorted(paths)
    # each partition loads packs and compiles rules once: ~200 stories a partition by default,
    # but at least 8 (up to one a story), so that a small archive still spreads over workers
    parts = npartitions or min(max(-(-len(names) // FILES_PER_PARTITION), 8), max(len(names), 1))
    bag = db.from_sequence(names, npartitions=parts)
    return bag.map_partitions(check_paths, options or Options())


def _session(options: Options) -> Session:
    from .config.project import load_config_file
    from .run.selection import Overrides
    from .run.session import Session

    config = load_config_file(Path(options.config)) if options.config else None
    overrides = Overrides(
        profile=options.profile, extra_packs=options.packs, select=options.select,
        ignore=options.ignore,
    )
    return Session(config, overrides)


def _rows(results: list[FileResult], session: Session) -> list[dict[str, Any]]:
    """The ``json-lines`` rows of ``results`` (the format's own writer), then error rows."""
    from . import formatters

    out = io.StringIO()
    formatters.get("json-lines")(out, formatters.RenderContext(rules=session.rules)).render(results)
    rows: list[dict[str, Any]] = [json.loads(line) for line in out.getvalue().splitlines()]
    return rows + [{"path": r.path, "error": r.error} for r in results if r.error]
