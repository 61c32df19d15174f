"""The ``copydesk`` command line: check, rules, explain, test-rules.

Exit codes follow ruff: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, configuration or
input errors (2 wins over 1). Other files are still checked when one fails.
"""

from __future__ import annotations

import contextlib
import io
import sys
from typing import Any, TextIO

import click

from .. import formatters
from ..core.version import __version__
from .serve import serve_command

SEVERITIES = ("error", "warning", "suggestion")


class ExitCode:
    CLEAN, FINDINGS, ERROR = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="copydesk")
def cli() -> None:
    """copydesk: a publishing-policy linter for prose."""


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(formatters.choices()),
    default=None,
    help="Output format (default: full on a terminal, concise otherwise).",
)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write output here.")
@click.option("--stdin-filename", help="Name (and config location) for text read from stdin.")
@click.option(
    "--select", multiple=True, help="Only these rules or packs (repeatable, or comma list)."
)
@click.option(
    "--ignore", multiple=True, help="Skip these rules or packs (repeatable, or comma list)."
)
@click.option(
    "--min-severity",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Show findings at or above this severity (default: suggestion).",
)
@click.option(
    "--fail-on",
    type=click.Choice((*SEVERITIES, "never")),
    default=None,
    help="Exit 1 when a finding at or above this severity is shown (default: error).",
)
@click.option("--statistics", is_flag=True, help="Print counts per rule instead of findings.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Use this config file instead of searching for one.",
)
@click.option(
    "--vale-config", "vale_config_file", type=click.Path(dir_okay=False),
    help="Use this Vale configuration (.vale.ini, any name) instead of searching.",
)
@click.option(
    "--ignore-syntax", is_flag=True,
    help="Lint every file as plain text, ignoring its Markdown or HTML (as Vale's flag).",
)
@click.option(
    "--isolated", is_flag=True,
    help="Ignore every configuration file: the built-in packs, and the command line.",
)
@click.option(
    "--pack", "packs", multiple=True, help="Extra pack file or Vale-style folder (repeatable)."
)
@click.option("--profile", help="Profile to apply (news, opinion, wiki, corporate, moderation).")
@click.option(
    "--position-encoding",
    type=click.Choice(("code-points", "utf-16", "utf-8")),
    default="code-points",
    help="Column units for json/json-lines.",
)
@click.option(
    "--color", type=click.Choice(("auto", "always", "never")), default="auto",
    help="Colour the full format: auto (on a terminal, unless NO_COLOR is set), always, never.",
)
@click.option("--no-color", is_flag=True, help="Never colour the output (--color never).")
@click.option(
    "--extend-select", multiple=True,
    help="Add these rules or packs to the selection in force (repeatable, or comma list).",
)
@click.option(
    "--quiet", "-q", is_flag=True,
    help="Print the findings and errors only: no warnings, notes or summaries on stderr.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default 0: one per core; 1: none). Workers start only for 2+ "
    "files over 256 KB in total; the output is the same for any value.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the config's ignore: globs to files named on the command line too "
    "(pre-commit names every file).",
)
@click.option(
    "--fix", is_flag=True,
    help="Apply the unambiguous fixes, then report what remains (stdin: print the fixed text).",
)
@click.option(
    "--diff", is_flag=True,
    help="Print a diff of what --fix would write; write nothing; exit 1 if there is any.",
)
@click.option(
    "--baseline", type=click.Path(dir_okay=False),
    help="Report (and fail on) only the findings not recorded in this baseline file.",
)
def check(quiet: bool, **options: object) -> None:
    """Lint PATHS (files or folders; '-' reads stdin)."""
    from .check import run_check

    if not quiet:
        sys.exit(run_check(**options))  # type: ignore[arg-type]
    with contextlib.redirect_stderr(_ErrorsOnly(sys.stderr)):
        code = run_check(**options)  # type: ignore[arg-type]
    sys.exit(code)


class _ErrorsOnly(io.TextIOBase):
    """Standard error under ``--quiet``: error lines pass, warnings and notes do not."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        if text.startswith("copydesk: error:"):
            self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


@cli.command("rules")
@click.argument("names", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option("--long", is_flag=True, help="Each rule's reason, reference and examples.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@click.option("--pack", "packs", multiple=True)
@click.option("--profile")
def rules_cmd(
    names: tuple[str, ...], fmt: str, long: bool, config_file: str | None,
    packs: tuple[str, ...], profile: str | None,
) -> None:
    """List the loaded rules (NAMES: only these rules or packs) at their effective level."""
    from .info import list_rules

    sys.exit(list_rules(fmt, config_file, packs, profile, names, long))


@cli.command()
@click.argument("rule")
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@click.option("--pack", "packs", multiple=True)
@click.option("--profile")
def explain(
    rule: str, config_file: str | None, packs: tuple[str, ...], profile: str | None
) -> None:
    """Show a rule's reason, reference, examples and level under each profile."""
    from .info import explain_rule

    sys.exit(explain_rule(rule, packs, config_file, profile))


@cli.command("test-rules")
@click.argument("target", required=False)
@click.option("--coverage", is_flag=True, help="Also fail on a rule with no test that flags.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
def test_rules(target: str | None, coverage: bool, fmt: str) -> None:
    """Run every rule's own tests (TARGET: a pack name, file or folder; default: built-ins)."""
    from ..run.rule_tests import run_rule_tests

    sys.exit(run_rule_tests(target, coverage, fmt))


@cli.command("baseline")
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--output-file", "-o", "record_baseline", type=click.Path(dir_okay=False),
    default=".copydesk-baseline.json", show_default=True, help="Where to record the findings.",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@click.option("--pack", "packs", multiple=True)
@click.option("--profile")
@click.option("--select", multiple=True)
@click.option("--ignore", multiple=True)
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None)
def baseline_command(**options: object) -> None:
    """Record the findings in PATHS as known: `check --baseline FILE` then reports new ones."""
    from .check import run_check

    fixed: dict[str, Any] = dict(
        fmt="concise", output_file=None, stdin_filename=None, min_severity=None,
        fail_on=None, statistics=False, position_encoding="code-points", no_color=True,
    )
    sys.exit(run_check(**fixed, **options))  # type: ignore[arg-type]


@cli.command("lsp")
def lsp_command() -> None:
    """Serve the Language Server Protocol on stdin/stdout (for editors)."""
    try:
        from .lsp import main as serve
    except ImportError as exc:  # pygls is the lsp extra's
        click.echo(f"copydesk: error: the language server needs the lsp extra "
                   f"(pip install 'copydesk[lsp]'): {exc}", err=True)
        sys.exit(2)
    serve()


cli.add_command(serve_command)  # copydesk serve (cli/serve.py: its web stack loads when run)


def main(argv: list[str] | None = None) -> int:
    import signal

    from ..match import re_warm
    from ..run import stopping

    handlers = stopping.install()
    code = ExitCode.ERROR
    try:
        with stopping.quiet_finalisers():
            try:
                re_warm.start()  # before the rule modules load: their patterns come compiled
                code = _main(argv)
            finally:
                stopping.finish()  # (a signal before this line raises into the handler below)
    except stopping.Stopped:
        pass
    finally:  # no signal raises from here on (it is only recorded)
        re_warm.save()
        stopping.restore(handlers)
    signum = stopping.received()
    if signum is None:
        return code
    # one line and the shell's convention, 128 + the signal: 130 for Ctrl-C, 143 for TERM
    click.echo(f"copydesk: {'interrupted' if signum == signal.SIGINT else 'terminated'}", err=True)
    return 128 + signum


def _main(argv: list[str] | None) -> int:
    try:
        cli.main(args=argv, prog_name="copydesk", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return ExitCode.ERROR
    except click.exceptions.ClickException as exc:
        exc.show()
        return ExitCode.ERROR
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else ExitCode.ERROR
    except BrokenPipeError:
        return ExitCode.ERROR
    return ExitCode.CLEAN


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
