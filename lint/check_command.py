"""``copydesk check``: collect inputs, lint each with its own settings, format, pick the exit code.

Exit codes: 0 clean, 1 a shown finding at or above the file's fail-on level, 2 a usage,
configuration or input error (2 wins over 1; the other files are still checked and reported).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lint.config import Config, clear_caches, config_at, find_config, load_config_file
from lint.discovery import walk
from lint.document import format_for
from lint.errors import CopydeskError
from lint.model import FileResult, Severity

if TYPE_CHECKING:
    from lint.parallel import Job, Outcome
    from lint.runner import Overrides

STDIN = "-"
NO_FILES = "no Markdown, text or HTML files found"


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _warn(message: str) -> None:
    click.echo(f"copydesk: warning: {message}", err=True)


def _error(message: str) -> None:
    click.echo(f"copydesk: error: {message}", err=True)


def _inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, bool, bool]]:
    """(path as it will be printed, explicit?, exists?) for each input.

    A walked file is printed as the folder was given plus its relative path (``docs`` and
    ``docs/`` both give ``docs/a.md``; ``.`` gives ``a.md``), never made absolute.
    """
    for given in paths or (".",):
        if given == STDIN:
            yield STDIN, True, True
            continue
        p = Path(given)
        if p.is_dir():
            bare = given in (".", "./")
            for rel in walk(p):
                yield (rel.as_posix() if bare else os.path.join(given, rel.as_posix())), False, True
        else:
            yield given, True, p.exists()


def _pack_args(packs: tuple[str, ...]) -> tuple[str, ...]:
    # a --pack path is relative to the working folder, not to a config file's folder
    return tuple(str(Path(p).resolve()) if Path(p).exists() else p for p in packs)


def run_check(
    paths: tuple[str, ...],
    fmt: str | None,
    output_file: str | None,
    stdin_filename: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_severity: str | None,
    fail_on: str | None,
    statistics: bool,
    config_file: str | None,
    packs: tuple[str, ...],
    profile: str | None,
    position_encoding: str,
    no_color: bool,
    jobs: int | None = None,
) -> int:
    from lint.parallel import Job, run_jobs, use_workers
    from lint.profiles import load_profile
    from lint.runner import WARNINGS, Overrides, resolve_pack, select_specs

    clear_caches()
    cli = Overrides(
        profile=profile, extra_packs=_pack_args(packs), select=_split(select), ignore=_split(ignore)
    )
    try:
        forced = load_config_file(Path(config_file)) if config_file else None
        # command-line packs and profile are checked once, up front: an error later in the
        # loop then always comes from a config file
        for name in cli.extra_packs:
            resolve_pack(name, str(Path.cwd()))
        if profile:
            load_profile(profile)
    except CopydeskError as exc:
        _error(str(exc))
        return 2
    shown_as = _format_name(fmt, output_file, statistics)
    plan = _plan(paths, stdin_filename, forced, cli, min_severity, position_encoding)
    if shown_as == "full":  # only `full` prints the findings' lines: keep them only then
        plan = [(replace(job, lines=True) if isinstance(job, Job) else job, c) for job, c in plan]
    todo = [item for item, _ in plan if isinstance(item, Job)]
    workers = jobs or os.cpu_count() or 1
    pooled = use_workers(todo, workers)
    if pooled:  # the workers lint: stop recording patterns before they fork
        from lint import re_warm

        re_warm.stop()
    # Linting makes few reference cycles (one in ten thousand objects here) but allocates
    # many containers, so the cyclic collector's default pace (a pass per 700 allocations)
    # spends ~3% of a run finding next to nothing; the modules and settings loaded so far
    # are moved out of its sight for good.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    done = run_jobs(todo, workers)
    results: list[FileResult] = []
    configs: dict[int, Config] = {}  # id(result) -> the config that governed it
    config_errors: dict[str, None] = {}  # ordered set: one line per broken config or pack
    metadata: set[object] = set()  # settings whose packs this process has loaded
    for item, config in plan:  # in input order, as with --jobs 1
        outcome = next(done) if isinstance(item, Job) else item
        if outcome.binary and isinstance(item, Job):
            _warn(f"{item.display}: binary file skipped")
        if outcome.config_error:
            config_errors[outcome.config_error] = None
        if pooled and outcome.loaded and isinstance(item, Job) and item.settings not in metadata:
            # a worker loaded the packs in its own process: load them here too (cached, not
            # compiled) for their warnings, rule metadata and --select name checks
            metadata.add(item.settings)
            with contextlib.suppress(CopydeskError):  # the worker has reported it
                select_specs(item.settings)
        if outcome.result is None:
            continue
        results.append(outcome.result)
        if config is not None:
            configs[id(outcome.result)] = config
    for w in dict.fromkeys(WARNINGS):
        _warn(w)
    WARNINGS.clear()
    _check_names(cli)
    for message in config_errors:
        _error(message)
    try:
        _render(results, shown_as, output_file, position_encoding, no_color)
    except OSError as exc:
        _error(f"{output_file}: cannot write: {exc.strerror or exc}")
        return 2
    for r in results:
        for notice in r.notices:
            _warn(f"{r.path}: {notice}")
        if r.error:
            _error(f"{r.path}: {r.error}")
    if not results and not config_errors:
        _warn(NO_FILES)
        return 0
    if config_errors or any(r.error for r in results):
        return 2
    return 1 if any(_fails(r, configs.get(id(r)), fail_on) for r in results) else 0


Planned = tuple["Job | Outcome", Config | None]


def _plan(
    paths: tuple[str, ...],
    stdin_filename: str | None,
    forced: Config | None,
    cli: Overrides,
    min_severity: str | None,
    encoding: str,
) -> list[Planned]:
    """Each input in order: a Job to lint, or the Outcome already known (missing file, bad
    config, unreadable stdin), with the config that governs it."""
    from lint.parallel import Job, Outcome
    from lint.runner import settings_for

    plan: list[Planned] = []
    for path, explicit, exists in _inputs(paths):
        if not exists:
            plan.append((Outcome(FileResult(path, "", error="no such file or directory")), None))
            continue
        display = (stdin_filename or "stdin") if path == STDIN else path
        # stdin is linted as if it lived at --stdin-filename (format and config from there)
        where = Path(stdin_filename or "stdin") if path == STDIN else Path(path)
        try:
            config = forced or config_at(find_config(where.resolve().parent))
            if not explicit and _ignored_by_config(where, config):
                continue
            data = sys.stdin.buffer.read() if path == STDIN else None
        except CopydeskError as exc:  # files under a broken config are not linted
            plan.append((Outcome(config_error=str(exc)), None))
            continue
        except OSError as exc:
            error = f"cannot read: {exc.strerror or exc}"
            plan.append((Outcome(FileResult(display, "", error=error)), None))
            continue
        fmt_in = None if path != STDIN else format_for(stdin_filename) if stdin_filename else "text"
        shown = Severity.parse(min_severity or config.min_severity or "suggestion")
        job = Job(
            path="" if path == STDIN else path,
            display=display,
            explicit=explicit,
            settings=settings_for(str(where), config, cli),
            config_path=config.path,
            fmt=fmt_in,
            shown=shown,
            encoding=encoding,  # type: ignore[arg-type]
            data=data,
        )
        plan.append((job, config))
    return plan


def _fails(result: FileResult, config: Config | None, fail_on: str | None) -> bool:
    threshold = fail_on or (config.fail_on if config else None) or "error"
    if threshold == "never":
        return False
    limit = Severity.parse(threshold)
    return any(v.severity >= limit for v in result.violations)


def _check_names(cli: Overrides) -> None:
    """Warn about --select/--ignore names that match no loaded rule, pack or category."""
    from lint.runner import loaded_packs

    known: set[str] = {"vocab", "vocab.reject"}
    for pack in loaded_packs():
        for spec in pack.rules:
            known.update((spec.id, spec.pack, spec.category))
    if not known - {"vocab", "vocab.reject"}:
        return  # nothing was loaded (no files): nothing to compare against
    for option, names in (("--select", cli.select), ("--ignore", cli.ignore)):
        for name in names:
            if name not in known:
                _warn(f"{option} {name}: no loaded rule, pack or category has this name")


def _ignored_by_config(path: Path, config: Config) -> bool:
    """Is a walked file excluded by its config's ``ignore:`` globs (relative to the config)?"""
    if not config.ignore:
        return False
    from pathspec import PathSpec

    try:
        rel = path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return False
    return PathSpec.from_lines("gitignore", config.ignore).match_file(rel)


def _format_name(fmt: str | None, output_file: str | None, statistics: bool) -> str:
    from lint import formatters

    fmt = fmt or ("full" if sys.stdout.isatty() and not output_file else "concise")
    if fmt not in formatters.REGISTRY:
        fmt = "concise"
    return "statistics" if statistics and "statistics" in formatters.REGISTRY else fmt


def _render(
    results: list[FileResult],
    name: str,
    output_file: str | None,
    encoding: str,
    no_color: bool,
) -> None:
    from lint import formatters
    from lint.runner import loaded_packs

    stream = sys.stdout
    color = not no_color and not output_file and stream.isatty() and "NO_COLOR" not in os.environ
    rules = {s.id: s for p in loaded_packs() for s in p.rules}
    ctx = formatters.RenderContext(encoding=encoding, color=color, rules=rules)  # type: ignore[arg-type]
    # written as rendered, not built in memory first: with many findings the whole output
    # (and its encoded copy) would outweigh the results themselves
    if output_file:
        with open(output_file, "w", encoding="utf-8") as out:
            formatters.get(name)(out, ctx).render(results)
    else:
        formatters.get(name)(stream, ctx).render(results)
        stream.flush()
