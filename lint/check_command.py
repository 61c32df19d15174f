"""``copydesk check``: collect inputs, lint each with its own settings, format, pick the exit code."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from lint.config import Config, config_at, find_config, load_config_file
from lint.discovery import walk
from lint.document import looks_binary
from lint.errors import CopydeskError
from lint.model import FileResult, Severity

STDIN = "-"


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _warn(message: str) -> None:
    click.echo(f"copydesk: warning: {message}", err=True)


def _inputs(paths: tuple[str, ...], results: list[FileResult]) -> Iterator[tuple[str, bool]]:
    """(path as it will be printed, explicit?) for each input; missing paths become errors."""
    for given in paths or (".",):
        if given == STDIN:
            yield STDIN, True
            continue
        p = Path(given)
        if p.is_dir():
            for rel in walk(p):
                yield (rel.as_posix() if given == "." else os.path.join(given, rel.as_posix())), False
        elif p.exists():
            yield given, True
        else:
            results.append(FileResult(given, "", error="no such file or directory"))


def run_check(
    paths: tuple[str, ...], fmt: str | None, output_file: str | None, stdin_filename: str | None,
    select: tuple[str, ...], ignore: tuple[str, ...], min_severity: str | None, fail_on: str | None,
    statistics: bool, config_file: str | None, packs: tuple[str, ...], profile: str | None,
    position_encoding: str, no_color: bool,
) -> int:
    from lint.runner import WARNINGS, Overrides, lint_bytes, ruleset_for, settings_for

    cli = Overrides(profile=profile, extra_packs=packs, select=_split(select), ignore=_split(ignore))
    try:
        forced = load_config_file(Path(config_file)) if config_file else None
    except CopydeskError as exc:
        click.echo(f"copydesk: error: {exc}", err=True)
        return 2
    results: list[FileResult] = []
    fatal = False
    walked = 0
    first_config: Config | None = forced
    for path, explicit in _inputs(paths, results):
        display = stdin_filename or "stdin" if path == STDIN else path
        where = Path(stdin_filename or ".") if path == STDIN else Path(path)
        try:
            config = forced or config_at(find_config(where.resolve().parent))
            first_config = first_config or config
            if not explicit and _ignored_by_config(where, config):
                continue
            data = sys.stdin.buffer.read() if path == STDIN else where.read_bytes()
            if not explicit and looks_binary(data):
                _warn(f"{display}: binary file skipped")
                continue
            walked += 1
            settings = settings_for(str(where), config, cli)
            ruleset = ruleset_for(settings)
        except CopydeskError as exc:
            click.echo(f"copydesk: error: {exc}", err=True)
            fatal = True
            break
        except OSError as exc:
            results.append(FileResult(display, "", error=f"cannot read: {exc.strerror}"))
            continue
        results.append(lint_bytes(display, data, ruleset, _format_of(stdin_filename) if path == STDIN else None))
    for w in dict.fromkeys(WARNINGS):
        _warn(w)
    WARNINGS.clear()
    if fatal:
        return 2
    if not results and not paths:
        _warn("no Markdown, text or HTML files found")
    elif not results and walked == 0:
        _warn("no Markdown, text or HTML files found")
        return 0
    cfg = first_config or Config()
    shown_min = Severity.parse(min_severity or cfg.min_severity or "suggestion")
    for r in results:
        r.violations = [v for v in r.violations if v.severity >= shown_min]
    _render(results, fmt, output_file, statistics, position_encoding, no_color)
    for r in results:
        if r.error:
            click.echo(f"copydesk: error: {r.path}: {r.error}", err=True)
    if any(r.error for r in results):
        return 2
    threshold = fail_on or cfg.fail_on or "error"
    if threshold == "never":
        return 0
    limit = Severity.parse(threshold)
    return 1 if any(v.severity >= limit for r in results for v in r.violations) else 0


def _format_of(stdin_filename: str | None) -> str | None:
    from lint.document import format_for

    return format_for(stdin_filename) if stdin_filename else "text"


def _ignored_by_config(path: Path, config: Config) -> bool:
    if not config.ignore:
        return False
    from pathspec import PathSpec

    try:
        rel = path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return False
    return PathSpec.from_lines("gitwildmatch", config.ignore).match_file(rel)


def _render(results: list[FileResult], fmt: str | None, output_file: str | None, statistics: bool,
            encoding: str, no_color: bool) -> None:
    from lint import formatters
    from lint.runner import loaded_packs

    stream = sys.stdout
    fmt = fmt or ("full" if stream.isatty() and not output_file else "concise")
    if fmt not in formatters.REGISTRY:
        fmt = "concise"
    color = not no_color and not output_file and stream.isatty() and "NO_COLOR" not in os.environ
    rules = {s.id: s for p in loaded_packs() for s in p.rules}
    ctx = formatters.RenderContext(encoding=encoding, color=color, rules=rules)  # type: ignore[arg-type]
    name = "statistics" if statistics and "statistics" in formatters.REGISTRY else fmt
    buffer = io.StringIO()
    formatters.get(name)(buffer, ctx).render(results)
    if output_file:
        Path(output_file).write_text(buffer.getvalue(), encoding="utf-8")
    else:
        stream.write(buffer.getvalue())
        stream.flush()
