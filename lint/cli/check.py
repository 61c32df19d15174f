"""``copydesk check``: collect inputs, lint each with its own settings, format, pick the exit code.

Exit codes: 0 clean, 1 a shown finding at or above the file's fail-on level, 2 a usage,
configuration or input error (2 wins over 1; the other files are still checked and reported).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..config.project import Config, load_config_file, vale_config
from ..core.errors import CopydeskError
from ..core.model import FileResult, Severity
from ..formatters.escape import shown_text
from ..run import stopping
from ..text.readers import format_for
from . import report
from .progress import Progress

if TYPE_CHECKING:
    from ..run.parallel import Job, Outcome
    from ..run.session import Session
    from .fixing import Fixer

STDIN = "-"
NO_FILES = "no Markdown, text or HTML files found"


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _warn(message: str) -> None:
    # escaped: a file name or a pack's text must not drive the terminal or split the line
    click.echo(f"copydesk: warning: {shown_text(message)}", err=True)


def _error(message: str) -> None:
    click.echo(f"copydesk: error: {shown_text(message)}", err=True)


def _inputs(paths: tuple[str, ...], session: Session) -> Iterator[tuple[str, bool, bool]]:
    """(path as it will be printed, explicit?, exists?) for each input (``-``: stdin)."""
    from ..run.inputs import inputs

    for given in paths or (".",):
        if given == STDIN:
            yield STDIN, True, True
        else:
            yield from inputs((given,), session.walked_endings)


def _pack_args(packs: tuple[str, ...]) -> tuple[str, ...]:
    # a --pack path is relative to the working folder, not to a config file's folder
    return tuple(str(Path(p).resolve()) if Path(p).exists() else p for p in packs)


def _forced_config(
    config_file: str | None, vale_config_file: str | None, isolated: bool
) -> Config | None:
    """The one config every file gets (``--config``, ``--vale-config``, or none at all with
    ``--isolated``); None: each file's nearest."""
    if sum((bool(config_file), bool(vale_config_file), isolated)) > 1:
        raise CopydeskError("choose one of --config, --vale-config and --isolated")
    if isolated:
        return Config()
    if vale_config_file:
        return vale_config(Path(vale_config_file))
    return load_config_file(Path(config_file)) if config_file else None


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
    color: str = "auto",
    extend_select: tuple[str, ...] = (),
    force_exclude: bool = False,
    fix: bool = False,
    diff: bool = False,
    baseline: str | None = None,
    record_baseline: str | None = None,
    vale_config_file: str | None = None,
    isolated: bool = False,
    ignore_syntax: bool = False,
) -> int:
    from .. import formatters
    from ..run.parallel import Job, run_jobs, use_workers, worker_count
    from ..run.selection import Overrides, resolve_pack
    from ..run.session import Session

    cli = Overrides(
        profile=profile, extra_packs=_pack_args(packs), select=_split(select),
        extend_select=_split(extend_select), ignore=_split(ignore),
    )
    try:
        forced = _forced_config(config_file, vale_config_file, isolated)
        session = Session(forced, cli)  # everything this run loads, and nothing of another's
        # command-line packs and profile are checked once, up front: an error later in the
        # loop then always comes from a config file
        for name in cli.extra_packs:
            resolve_pack(name, str(Path.cwd()))
        if profile:
            session.profile(profile)
    except CopydeskError as exc:
        _error(str(exc))
        return 2
    if output_file is None and sys.stdout is None:  # started with stdout closed (">&-")
        _error("cannot write the report: standard output is closed (use -o FILE)")
        return 2
    shown_as = report.format_name(fmt, output_file, statistics)
    chosen = formatters.get(shown_as)
    if why := chosen.refusal(position_encoding):  # type: ignore[arg-type]
        _error(why)  # before linting: SARIF cannot write UTF-8 columns, say
        return 2
    # the columns kept of each result are in the unit the format writes (rdjson: UTF-8)
    unit = chosen.column_unit or position_encoding
    plan = _plan(paths, stdin_filename, session, min_severity, unit, force_exclude,
                 ignore_syntax)
    if output_file and (clash := _overwrites_input(output_file, plan)):
        _error(f"{output_file}: refusing to write the report over {clash}, an input of this run")
        return 2
    # full shows the findings' lines and SARIF hashes them: keep the lines only then
    # (a baseline fingerprints each finding's line too)
    lines = chosen.needs_lines or bool(baseline or record_baseline)
    text = chosen.needs_text  # html shows each file whole
    fixer = None
    if fix or diff:  # (imported only then: difflib and the atomic writer)
        from .fixing import Fixer

        fixer = Fixer(diff)
    if lines or text or fixer:
        plan = [(replace(job, lines=lines, text=text, fix=bool(fixer))
                 if isinstance(job, Job) else job, c) for job, c in plan]
    todo = [item for item, _ in plan if isinstance(item, Job)]
    workers = worker_count(todo, jobs)
    pooled = use_workers(todo, workers)
    # Linting makes few reference cycles (one in ten thousand objects here) but allocates
    # many containers, so the cyclic collector's default pace (a pass per 700 allocations)
    # spends ~3% of a run finding next to nothing; the modules and settings loaded so far
    # are moved out of its sight for good.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    # a progress line on stderr, for a long run on a terminal only (lint/cli/progress.py)
    progress = Progress(len(todo), sum(job.size() for job in todo))
    done = run_jobs(todo, workers, session)
    try:
        results, configs, config_errors = _collect(plan, done, pooled, session, progress, fixer)
    except BrokenPipeError:  # the reader of --diff (or of stdin's fixed text) went away
        return report.reader_went_away()
    finally:
        done.close()  # an interrupt stops the workers now, not when the frame is freed
        progress.close()  # the report starts on a clean line
    for w in session.warnings:
        _warn(w)
    _check_names(session, [forced] if forced else configs.values())
    for message in config_errors:
        _error(message)
    try:
        if record_baseline:
            from . import baseline_step  # (imported only for a baseline run)

            baseline_step.record(results, record_baseline)
        elif baseline:
            from . import baseline_step

            baseline_step.leave_out_known(results, baseline)
    except CopydeskError as exc:
        _error(str(exc))
        return 2
    # the text read from stdin, fixed, is the output: the report then goes to stderr
    to_stderr = fix and not diff and not output_file and STDIN in paths
    try:
        with contextlib.redirect_stdout(sys.stderr) if to_stderr else contextlib.nullcontext():
            if not diff and not record_baseline:
                report.render(results, shown_as, output_file, position_encoding,
                              "never" if no_color else color,
                              session.rules)
    except BrokenPipeError:
        if output_file:
            _error(f"{output_file}: cannot write: broken pipe")
            return 2
        return report.reader_went_away()
    except OSError as exc:
        _error(f"{output_file or 'standard output'}: cannot write: {exc.strerror or exc}")
        return 2
    if fixer:
        click.echo(fixer.summary(), err=True)
    for r in results:
        for warning in r.warnings:
            _warn(f"{r.path}:{warning}")
        if r.error:
            _error(f"{r.path}: {r.error}")
    if not results and not config_errors:
        _warn(NO_FILES)
        return 0
    if config_errors or any(r.error for r in results):
        return 2
    if diff:  # as ruff: 1 when there is something to fix
        return 1 if fixer and fixer.fixes else 0
    if record_baseline:
        return 0
    return 1 if any(_fails(r, configs.get(id(r)), fail_on) for r in results) else 0


Planned = tuple["Job | Outcome", Config | None]


def _collect(
    plan: list[Planned], done: Iterator[Outcome], pooled: bool, session: Session,
    progress: Progress, fixer: Fixer | None = None,
) -> tuple[list[FileResult], dict[int, Config], dict[str, None]]:
    """The results in input order (as with ``--jobs 1``), the config that governed each (by
    ``id``), and one line per broken config or pack (an ordered set). With ``fixer``, each
    file's fixes are written (or shown) as its outcome arrives."""
    from ..run.parallel import Job

    results: list[FileResult] = []
    configs: dict[int, Config] = {}
    config_errors: dict[str, None] = {}
    metadata: set[object] = set()  # settings whose packs this process has loaded
    for item, config in plan:
        stopping.check()  # a signal whose raise a finaliser swallowed stops the run here
        outcome = next(done) if isinstance(item, Job) else item
        if isinstance(item, Job):
            progress.advance(item.size())
        if outcome.binary and isinstance(item, Job):
            _warn(f"{item.display}: binary file skipped")
        if outcome.config_error:
            config_errors[outcome.config_error] = None
        if pooled and outcome.loaded and isinstance(item, Job) and item.settings not in metadata:
            # a worker loaded the packs in its own process: load them here too (cached, not
            # compiled) for their warnings, rule metadata and --select name checks
            metadata.add(item.settings)
            with contextlib.suppress(CopydeskError):  # the worker has reported it
                session.select_specs(item.settings)
        result = fixer.settle(item, outcome) if fixer and isinstance(item, Job) else outcome.result
        if result is None:
            continue
        results.append(result)
        if config is not None:
            configs[id(result)] = config
    return results, configs, config_errors


def _read_stdin() -> bytes:
    if sys.stdin is None:  # started with stdin closed ("- <&-")
        raise OSError(0, "standard input is closed")
    return sys.stdin.buffer.read()


def _overwrites_input(output_file: str, plan: list[Planned]) -> str | None:
    """The input that ``-o`` names too, if any (the report would replace the story)."""
    from ..run.parallel import Job

    if not os.path.exists(output_file):
        return None
    for item, _ in plan:
        path = item.path if isinstance(item, Job) else None
        with contextlib.suppress(OSError):
            if path and os.path.samefile(path, output_file):
                return item.display  # type: ignore[union-attr]
    return None


def _plan(
    paths: tuple[str, ...],
    stdin_filename: str | None,
    session: Session,
    min_severity: str | None,
    encoding: str,
    force_exclude: bool = False,
    ignore_syntax: bool = False,
) -> list[Planned]:
    """Each input in order: a Job to lint, or the Outcome already known (missing file, bad
    config, unreadable stdin), with the config that governs it."""
    from ..run.inputs import ignored_by_config
    from ..run.parallel import Job, Outcome
    from ..run.selection import format_of

    plan: list[Planned] = []
    for path, explicit, exists in _inputs(paths, session):
        if not exists:
            plan.append((Outcome(FileResult(path, "", error="no such file or directory")), None))
            continue
        display = (stdin_filename or "stdin") if path == STDIN else path
        # stdin is linted as if it lived at --stdin-filename (format and config from there)
        where = Path(stdin_filename or "stdin") if path == STDIN else Path(path)
        try:
            config = session.config_for(where)
            # a named file is linted even where the config ignores it, unless --force-exclude
            # (pre-commit names every staged file: the config's ignore: must still hold)
            if (force_exclude or not explicit) and ignored_by_config(where, config):
                continue
            data = _read_stdin() if path == STDIN else None
        except CopydeskError as exc:  # files under a broken config are not linted
            plan.append((Outcome(config_error=str(exc)), None))
            continue
        except OSError as exc:
            error = f"cannot read: {exc.strerror or exc}"
            plan.append((Outcome(FileResult(display, "", error=error)), None))
            continue
        fmt_in = None if path != STDIN else format_for(stdin_filename) if stdin_filename else "text"
        shown = Severity.parse(min_severity or config.min_severity or "suggestion")
        settings = session.settings_for(where)
        if path != STDIN or stdin_filename:  # a Vale project's [formats] (mdx = md, say)
            fmt_in = format_of(str(where), settings) or fmt_in
        if ignore_syntax:
            fmt_in = "text"
        job = Job(
            path="" if path == STDIN else path,
            display=display,
            explicit=explicit,
            settings=settings,
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


def _check_names(session: Session, configs: Iterable[Config]) -> None:
    """Warn about rule, pack or category names (in --select/--ignore and in the configs that
    governed files) that match nothing loaded: a typo must not silently do nothing."""
    from ..run.selection import VOCAB_NAMES

    known = session.known_names()
    if known == VOCAB_NAMES:
        return  # nothing was loaded (no files): nothing to compare against
    cli = session.overrides
    for option, names in (("--select", cli.select), ("--ignore", cli.ignore)):
        for name in names:
            if name not in known:
                _warn(f"{option} {name}: no loaded rule, pack or category has this name")
    seen: set[int] = set()
    for config in configs:
        if id(config) in seen:
            continue
        seen.add(id(config))
        for name, line, column in config.names:
            if name not in known:
                where = f"{config.path}:{line}:{column}"
                _warn(f"{where}: '{name}': no loaded rule, pack or category has this name")
