"""Replay Vale's own acceptance fixtures through copydesk, as a Vale user would run it.

Every scenario of ``features/*.feature`` is replayed the way Vale's step definitions run it
(``When I test "X"`` enters ``fixtures/X`` and lints ``.``; ``I use Vocab``, ``I apply style``,
``I test scope``, ``I lint``, ``I run vale`` on the scenario's own files…): ``copydesk check
--format json`` in that folder, with no ``--pack`` and no ``--select``, so copydesk finds and
reads the ``.vale.ini`` itself (``--vale-config`` only where the scenario passes ``--config``).
Expected and reported ``path:line:col:Style.Rule:message`` lines are matched one to one.

Counted: alerts in Markdown, text and HTML files. Scenarios that need a Vale command-line
feature copydesk does not have (output templates, ``--filter``, ``--ext``,
``--glob``, a string argument, ``vale sync``, ``vale fix``) are counted apart ("CLI only").
Prints per kind and per step, then both totals. Not a test: it reads ../shared/vale-testdata,
which a user's clone does not have.

    .venv/bin/python bench/vale_compat.py [--data ../shared/vale-testdata] [-v] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

LINTED = {".md", ".markdown", ".txt", ".html", ".htm"}
ALERT = re.compile(r"^([^:]+):(\d+):(\d+):([^:]+):(.*)$")
FILE_STEP = re.compile(r'file named "([^"]+)" with:\s*\n\s*"""\n(.*?)"""', re.S)
BUILT_IN = {"Vale.Spelling": "spelling", "Vale.Repetition": "repetition",
            "Vale.Terms": "vocab (Vale.Terms)", "Vale.Avoid": "vocab (Vale.Avoid)"}


@dataclass
class Scenario:
    feature: str
    name: str
    when: str
    files: list[tuple[str, str]]
    expected: list[str]
    exact: bool  # "should contain exactly": any other line is an extra


@dataclass
class Run:
    """How to replay a scenario: where, which inputs, which copydesk flags."""

    cwd: Path | None
    targets: list[str] | None = None  # None: lint "."
    flags: list[str] = field(default_factory=list)
    stdin: str | None = None  # a file fed on stdin, shown as stdin.<ext>
    cli_only: str = ""  # the Vale feature copydesk lacks, if any


def scenarios(features: Path) -> list[Scenario]:
    out = []
    for feature in sorted(features.glob("*.feature")):
        lines = [x for x in feature.read_text(encoding="utf-8").splitlines()
                 if not x.strip().startswith("#")]
        text = "\n".join(lines)
        background = re.search(r"Background:(.*?)(?=\n\s*Scenario:)", text, re.S)
        shared = FILE_STEP.findall(background.group(1)) if background else []
        for m in re.finditer(r"Scenario: ([^\n]*)\n(.*?)(?=\n\s*Scenario:|\Z)", text, re.S):
            body = m.group(2)
            when = re.search(r"When (I [^\n]*)", body)
            expected = re.search(
                r'Then the output should contain( exactly)?:\s*\n\s*"""\n(.*?)"""', body, re.S)
            out.append(Scenario(
                feature.stem, m.group(1).strip(), when.group(1).strip() if when else "",
                shared + FILE_STEP.findall(body),
                [x.strip() for x in expected.group(2).splitlines() if ALERT.match(x.strip())]
                if expected else [],
                bool(expected and expected.group(1)),
            ))
    return out


def plan(sc: Scenario, fixtures: Path, scratch: Path) -> Run:
    """Vale's step definitions, as copydesk runs."""
    w = sc.when
    args = re.findall(r'"([^"]*)"', w)
    for step, folder in (("I test scope", "scopes"), ("I apply style", "styles"),
                         ("I use Vocab", "vocab")):
        if w.startswith(step):
            return Run(fixtures / folder / args[0])
    for step, folder in (("I test comments for", "comments"),
                         ("I test patterns for", "patterns")):
        if w.startswith(step):
            return Run(fixtures / folder, [args[0]])
    if w.startswith("I lint simple"):
        return Run(fixtures / "formats", args[0].split(), ["--ignore-syntax"])
    for step, missing in (("I test template", "template"), ("I use filter", "filter"),
                          ("I lint file", "ext"),
                          ("I test glob", "glob"), ("I test dir glob", "glob"),
                          ("I lint string", "string"), ("I sync", "sync"), ("I fix", "fix")):
        if w.startswith(step):
            return Run(None, cli_only=missing)
    if w.startswith("I test "):
        return Run(fixtures / args[0].strip("/"))
    if w.startswith("I lint with config"):
        config = (fixtures / "formats" / args[0]).resolve()
        return Run(fixtures / "formats", ["test.md"], ["--vale-config", str(config)])
    if w.startswith("I run cat"):
        return Run(fixtures / "formats", stdin=args[0],
                   flags=["--stdin-filename", f"stdin{args[1]}"])
    if w.startswith(("I run vale", "I assign minAlertLevel")):
        # the scenario's own files, two folders below the fixtures (as Vale's aruba tree)
        work = scratch / "aruba" / "tmp" / "aruba"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        for name, body in sc.files:
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_text(_dedent(body), encoding="utf-8")
        if w.startswith("I assign"):
            return Run(work, [args[1]], ["--min-severity", args[0]])
        return Run(work, None if args[0] == "." else args[0].split())
    if w.startswith(("I lint AsciiDoc", "I lint reStructuredText", "I lint path")):
        return Run(None, cli_only="format")
    if w.startswith("I lint "):
        return Run(fixtures / "formats", args[0].split())
    return Run(None, cli_only="unknown step")


def _dedent(body: str) -> str:
    lines = body.splitlines()
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return "\n".join(x[indent:] for x in lines) + "\n"


def run_copydesk(run: Run) -> tuple[list[str], str]:
    """copydesk's alerts as Vale's line output, and its stderr."""
    assert run.cwd is not None
    cmd = [sys.executable, "-m", "copydesk", "check", "--format", "json", "--fail-on", "never",
           *run.flags]
    data = None
    if run.stdin is not None:
        data = (run.cwd / run.stdin).read_text(encoding="utf-8")
        cmd.append("-")
    else:
        cmd += run.targets or ["."]
    proc = subprocess.run(cmd, cwd=run.cwd, input=data, capture_output=True, text=True,
                          timeout=300)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return [], proc.stderr.strip()
    lines = [f"{f['path'].removeprefix('./')}:{v['line']}:{v['column']}:{v['rule']}:{v['message']}"
             for f in report["files"] for v in f["violations"]]
    return lines, proc.stderr.strip()


def kind_of(rule: str, data: Path) -> str:
    if rule in BUILT_IN:
        return BUILT_IN[rule]
    style, _, name = rule.partition(".")
    for path in [*data.glob(f"styles/**/{style}/{name}.yml"),
                 *data.glob(f"fixtures/**/{style}/{name}.yml")]:
        try:
            return str((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("extends"))
        except yaml.YAMLError:
            return "?"
    return "?"


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=here.parent / "shared" / "vale-testdata")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("--json", type=Path, help="write every expected line's outcome here")
    opts = parser.parse_args()
    data = opts.data.resolve()
    rows = []
    extra_total = scenario_count = 0
    extra_kinds: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        # the aruba folder sits two levels below a folder holding styles/ and fixtures/
        (scratch / "aruba").mkdir()
        for name in ("styles", "fixtures"):
            (scratch / "aruba" / name).symlink_to(data / name)
        for sc in scenarios(data / "features"):
            expected = [e for e in sc.expected if Path(ALERT.match(e)[1]).suffix in LINTED]
            if not expected:
                continue
            run = plan(sc, data / "fixtures", scratch)
            got, err = run_copydesk(run) if run.cwd and not run.cli_only else ([], "")
            pool = list(got)
            for line in expected:
                ok = line in pool
                if ok:
                    pool.remove(line)
                rows.append({"feature": sc.feature, "scenario": sc.name, "line": line,
                             "matched": ok, "kind": kind_of(ALERT.match(line)[4], data),
                             "step": sc.when.split('"')[0].strip(),
                             "cli_only": run.cli_only})
            # (a scenario that says "should contain" allows other lines)
            extras = [x for x in pool if Path(x.split(":", 1)[0]).suffix in LINTED and sc.exact]
            scenario_count += 1
            extra_total += len(extras)
            missed = {_without_column(e) for e in expected if e not in got}
            for line in extras:
                if _without_column(line) in missed:
                    extra_kinds["column"] += 1  # Vale's alert, at Vale's re-searched column
                elif kind_of(ALERT.match(line)[4], data) == "spelling":
                    extra_kinds["spelling"] += 1  # a word one dictionary knows
                else:
                    extra_kinds["other"] += 1
            if opts.verbose:
                shown = sum(1 for r in rows[-len(expected):] if r["matched"])
                print(f"{shown:3d}/{len(expected):<3d} {sc.feature}: {sc.name}"
                      + (f"  [CLI only: {run.cli_only}]" if run.cli_only else ""))
                for line in expected:
                    if line not in got:
                        print(f"      missing {line}")
                for line in extras:
                    print(f"      extra   {line}")
                if err and not got:
                    print(f"      stderr  {err.splitlines()[-1][:160]}")
    _report(rows, extra_total, scenario_count, extra_kinds)
    if opts.json:
        opts.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def _without_column(line: str) -> tuple[str, ...]:
    """An alert line less its column: the same alert Vale puts at another column."""
    m = ALERT.match(line)
    return (m[1], m[2], m[4], m[5]) if m else (line,)


def _report(rows: list[dict[str, object]], extra: int, scenarios: int,
            kinds: Counter[str]) -> None:
    for title, key in (("by kind", "kind"), ("by step", "step")):
        table: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            table[str(r[key])]["expected"] += 1
            table[str(r[key])]["matched"] += bool(r["matched"])
        print(f"\n{title:28s} matched / expected")
        for name, c in sorted(table.items(), key=lambda kv: -kv[1]["expected"]):
            print(f"  {name:26s} {c['matched']:4d} / {c['expected']:<4d}")
    total = len(rows)
    if not total or not scenarios:
        print("no scenario with expected Markdown, text or HTML alerts")
        return
    matched = sum(bool(r["matched"]) for r in rows)
    ini_rows = [r for r in rows if not r["cli_only"]]
    ini_matched = sum(bool(r["matched"]) for r in ini_rows)
    print(f"\nALL      {matched}/{total} expected alerts ({100 * matched / total:.1f}%)")
    print(f"INI ONLY {ini_matched}/{len(ini_rows)} expected alerts "
          f"({100 * ini_matched / max(len(ini_rows), 1):.1f}%; leaving out "
          f"{total - len(ini_rows)} that need a Vale command-line feature)")
    print(f"EXTRA    {extra} alerts Vale does not give, in {scenarios} scenarios "
          f"({10 * extra / scenarios:.1f} per ten): {kinds['column']} are Vale's own alerts "
          f"at their real column (Vale's re-search puts them elsewhere), {kinds['spelling']} "
          f"are spelling (a word one dictionary knows and the other not), {kinds['other']} other "
          f"({10 * kinds['other'] / scenarios:.1f} per ten)")


if __name__ == "__main__":
    raise SystemExit(main())
