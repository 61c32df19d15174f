"""Measure copydesk's speed against proselint on corpora built from ``../shared/corpora`` (issue 5).

Runs ``copydesk check`` (the one next to ``sys.executable``) and, when found, proselint as
subprocesses on the same files, alternating, and prints medians, MB/s, peak RSS, findings and
the speed-up, plus linearity (one file vs ~100), rule-count flatness (20,000 vs 200 literal
terms), startup (one 5 KB file) and each output format. Not a test; ``.ci/run`` never runs it.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # sibling helper module; bench/ is not a package

ROOT = Path(__file__).resolve().parent.parent
FINDING = re.compile(rb"^.+?:\d+:\d+:", re.M)  # path:line:col: in both tools' line formats
# how each of copydesk's other output formats opens a finding (for the "formats" measurement)
FORMATS = ("concise", "full", "json", "json-lines", "github", "sarif")
OPENS_FINDING = {
    "full": re.compile(rb"^\S.*?:\d+:\d+: ", re.M),
    "json": re.compile(rb'^ *"rule": ', re.M),
    "json-lines": re.compile(rb"^\{", re.M),
    "github": re.compile(rb"^::", re.M),
    "sarif": re.compile(rb'^ *"ruleId": ', re.M),
}
PROSELINT_ERRORS = (b"Error encountered", b"Traceback")


@dataclass
class Run:
    wall: float
    rss_kb: int  # max RSS of the largest single process of the run (see run_once)
    tree_kb: int  # summed RSS of the process tree, sampled (0 unless --big)
    rc: int
    findings: int
    problem: str = ""


@dataclass
class Row:
    name: str
    tool: str
    files: int
    nbytes: int
    runs: list[Run] = field(default_factory=list)
    note: str = ""
    fmt: str = "concise"  # copydesk's output format (how its findings are counted)

    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)


def tree_rss_kb(pid: int) -> int:
    """Sum of VmRSS over ``pid`` and its descendants (Linux /proc; 0 elsewhere)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir() if Path("/proc/self").exists() else []:
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parent[int(entry.name)] = int(fields.get("PPid", "0").strip())
        rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
    family, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent.items() if pp == p and c not in family]
        family.update(kids)
        frontier.extend(kids)
    return sum(rss.get(p, 0) for p in family)


TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run_once(
    argv: list[str], out: Path | None, sample_tree: bool, tool: str, fmt: str = "concise"
) -> Run:
    """One timed run; findings are counted from ``out`` (copydesk -o) or stdout (proselint).

    Peak RSS comes from GNU ``/usr/bin/time -f %M`` when it exists. Our own ``wait4`` would do
    too, but Linux carries the forking Python's RSS high-water mark over exec, so a child of
    this (big) process would never report less than this process's own RSS.
    """
    with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as se, \
            tempfile.NamedTemporaryFile(suffix=".rss") as rssf:
        cmd = [TIME, "-f", "%M", "-o", rssf.name, *argv] if TIME else argv
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=so, stderr=se, stdin=subprocess.DEVNULL)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                peak[0] = max(peak[0], tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True) if sample_tree else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        so.seek(0)
        se.seek(0)
        stdout, stderr = so.read(), se.read()
        rss_lines = Path(rssf.name).read_text().split()
        rss_kb = int(rss_lines[-1]) if TIME and rss_lines else usage.ru_maxrss
    printed = out.read_bytes() if out is not None else stdout
    run = Run(wall, rss_kb, peak[0], rc, len(OPENS_FINDING.get(fmt, FINDING).findall(printed)))
    if rc not in (0, 1) or b"Traceback" in stderr:
        run.problem = f"exit {rc}: {stderr.decode(errors='replace')[-400:].strip()}"
    elif tool == "proselint" and any(e in stderr for e in PROSELINT_ERRORS):
        run.problem = "proselint reported an error: " + stderr.decode(errors="replace")[-400:]
    elif run.findings == 0:
        run.problem = "no findings printed"
    return run


class Proselint:
    """Finds proselint and knows its CLI shape: ``proselint check FILE...`` (0.16+) or
    ``proselint FILE...`` (older); both accept many files in one call."""

    def __init__(self, exe: str) -> None:
        self.exe = exe
        helptext = subprocess.run([exe, "--help"], capture_output=True, text=True).stdout
        self.prefix = ["check"] if re.search(r"^\s+check\s", helptext, re.M) else []
        version = subprocess.run([exe, "version"] if self.prefix else [exe, "--version"],
                                 capture_output=True, text=True)
        self.version = (version.stdout + version.stderr).strip().splitlines()[-1:] or ["?"]

    def argv(self, files: list[Path]) -> list[str]:
        return [self.exe, *self.prefix, *map(str, files)]


def find_proselint(path: str | None) -> Proselint | None:
    exe = path or shutil.which("proselint")
    return Proselint(exe) if exe else None


def copydesk_exe() -> str:
    here = Path(sys.executable).parent / "copydesk"
    return str(here) if here.exists() else (shutil.which("copydesk") or "copydesk")


def measure(jobs: list[tuple[Row, list[str], Path | None]], runs: int, sample: bool) -> None:
    """Alternate the rows' commands round by round: A B A B ... so drift hits them alike."""
    for i in range(runs):
        for row, argv, out in jobs:
            r = run_once(argv, out, sample, row.tool, row.fmt)
            row.runs.append(r)
            print(f"  [{i + 1}/{runs}] {row.name:<12} {row.tool:<22} {r.wall:8.2f} s  "
                  f"exit {r.rc}  {r.findings} findings {r.problem}", file=sys.stderr, flush=True)


def fmt_row(row: Row) -> str:
    mb = row.nbytes / corpus.MB
    med = row.median()
    rss = max(r.rss_kb for r in row.runs) * 1024 / corpus.MB
    tree = max(r.tree_kb for r in row.runs) * 1024 / corpus.MB
    finds = sorted({r.findings for r in row.runs})
    exits = sorted({r.rc for r in row.runs})
    ok = "ok" if not any(r.problem for r in row.runs) else "PROBLEM"
    rss_s = f"{rss:7.1f}" + (f" ({tree:.0f} tree)" if tree else "")
    return (f"| {row.name} | {row.tool} | {row.files} | {mb:.2f} | {len(row.runs)} | {med:.3f} | "
            f"{mb / med:.3f} | {rss_s} | {'/'.join(map(str, finds))} | "
            f"{'/'.join(map(str, exits))} {ok} |")


def verdict(value: float, limit: float, higher_is_better: bool) -> str:
    good = value >= limit if higher_is_better else value <= limit
    return "PASS" if good else "MISS"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5)")
    ap.add_argument("--quick", action="store_true", help="1 MB corpora instead of 10 MB")
    ap.add_argument("--big", action="store_true", help="also 100 MB in 1,000 files (peak RSS)")
    ap.add_argument("--big-runs", type=int, default=1, help="runs for --big (default 1)")
    ap.add_argument("--no-proselint", action="store_true", help="do not run proselint")
    ap.add_argument("--proselint", metavar="PATH", help="proselint executable (default: PATH)")
    ap.add_argument("--profile", default="news", help="copydesk --profile ('' for none)")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, help="build corpora here and keep them")
    ap.add_argument("--only", default="startup,plain,markdown,linearity,rules,formats",
                    help="comma list of measurements to run (default: all)")
    args = ap.parse_args(argv)
    only = set(args.only.split(","))

    exe = copydesk_exe()
    check_help = subprocess.run([exe, "check", "--help"], capture_output=True, text=True).stdout
    has_jobs = "--jobs" in check_help
    profile = ["--profile", args.profile] if args.profile else []
    pl = None if args.no_proselint else find_proselint(args.proselint)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="copydesk-speed-"))
    work.mkdir(parents=True, exist_ok=True)

    total = corpus.MB if args.quick else 10 * corpus.MB
    sentences = corpus.load_sentences(args.corpora)
    files = corpus.plain_files(sentences, total, 100, args.seed)
    plain_dir, md_dir = work / "plain", work / "markdown"
    n_plain = corpus.write_corpus(plain_dir, [corpus.plain_text(p) for p in files], ".txt")
    rng = random.Random(args.seed)
    n_md = corpus.write_corpus(md_dir, [corpus.markdown_text(p, rng) for p in files], ".md")
    one = work / "one" / "all.txt"
    one.parent.mkdir(exist_ok=True)
    n_one = one.write_bytes("".join(corpus.plain_text(p) for p in files).encode("utf-8"))
    small = work / "small" / "small.txt"
    small.parent.mkdir(exist_ok=True)
    n_small = small.write_bytes(corpus.small_file(files[0]).encode("utf-8"))
    real = corpus.real_words(sentences, 20, args.seed)
    packs = {}
    for n in (200, 20_000):
        packs[n] = work / f"terms-{n}.yaml"
        packs[n].write_text(corpus.term_pack(f"benchterms{n}", n, real, args.seed), "utf-8")

    out = work / "copydesk-out.txt"

    def cd(paths: list[Path], *extra: str, fmt: str = "concise") -> list[str]:
        return [exe, "check", *map(str, paths), "--format", fmt, "-o", str(out),
                *profile, *extra]

    jobs1 = ["--jobs", "1"] if has_jobs else []
    plain_files = sorted(plain_dir.iterdir())
    md_files = sorted(md_dir.iterdir())
    print(f"# copydesk speed ({'quick, ' if args.quick else ''}{args.runs} runs, seed {args.seed})")
    print(f"copydesk: {exe} {' '.join(profile)}; --jobs {'yes' if has_jobs else 'NO (run as is)'}"
          f"; cores {os.cpu_count()}; Python {sys.version.split()[0]}")
    if pl:
        print(f"proselint: {pl.exe} ({pl.version[0]}), invoked as "
              f"`proselint {' '.join([*pl.prefix, 'FILE...'])}`: all files in one call")
    else:
        print("proselint: not run (--no-proselint or not found)")
    print(f"corpora: {work} (from {len(sentences)} records of {args.corpora})")
    print("peak RSS: " + ("GNU /usr/bin/time -f %M" if TIME else "os.wait4 ru_maxrss "
                          "(floored at this script's own RSS)") + ", largest single process")

    rows: dict[str, Row] = {}

    def pair(name: str, paths: list[Path], nbytes: int, pl_files: list[Path]) -> None:
        rows[name] = Row(name, "copydesk", len(pl_files), nbytes)
        batch = [(rows[name], cd(paths), out)]
        if pl:
            rows[name + "/pl"] = Row(name, "proselint", len(pl_files), nbytes)
            batch.append((rows[name + "/pl"], pl.argv(pl_files), None))
        measure(batch, args.runs, False)

    # One untimed run of each tool on the small file first: .pyc files, page cache, lazy imports.
    run_once(cd([small]), out, False, "copydesk")
    if pl:
        run_once(pl.argv([small]), None, False, "proselint")
    if "startup" in only:
        pair("startup-5KB", [small], n_small, [small])
    if "plain" in only:
        pair("plain", [plain_dir], n_plain, plain_files)
    if "markdown" in only:
        pair("markdown", [md_dir], n_md, md_files)
    if "linearity" in only:
        one_row = Row("one-file", "copydesk" + (" --jobs 1" if has_jobs else ""), 1, n_one)
        batch = [(one_row, cd([one], *jobs1), out)]
        if has_jobs or "plain" not in rows:
            rows["split"] = Row("100-files", "copydesk" + (" --jobs 1" if has_jobs else ""),
                                len(plain_files), n_plain)
            batch.insert(0, (rows["split"], cd([plain_dir], *jobs1), out))
        else:
            rows["split"] = rows["plain"]  # no --jobs: the plain run is the same command
        measure(batch, args.runs, False)
        rows["one"] = one_row
    if "rules" in only:
        for n in (200, 20_000):
            rows[f"terms{n}"] = Row(f"terms-{n}", f"copydesk --select benchterms{n}",
                                    len(plain_files), n_plain)
        measure([(rows[f"terms{n}"], cd([plain_dir], "--pack", str(packs[n]), "--select",
                                        f"benchterms{n}"), out) for n in (200, 20_000)],
                args.runs, False)
    if "formats" in only:  # the parent process renders every finding: its cost per format
        for fmt in FORMATS:
            rows[f"format-{fmt}"] = Row(f"format-{fmt}", f"copydesk --format {fmt}",
                                        len(plain_files), n_plain, fmt=fmt)
        measure([(rows[f"format-{fmt}"], cd([plain_dir], fmt=fmt), out) for fmt in FORMATS],
                args.runs, False)
    if args.big:
        big_files = corpus.plain_files(sentences, 100 * corpus.MB, 1000, args.seed + 1)
        big_dir = work / "big"
        n_big = corpus.write_corpus(big_dir, [corpus.plain_text(p) for p in big_files], ".txt")
        rows["big"] = Row("big-100MB", "copydesk", len(big_files), n_big)
        measure([(rows["big"], cd([big_dir]), out)], args.big_runs, True)

    print("\n| measurement | tool | files | MB | runs | median s | MB/s | peak RSS MB | "
          "findings | exit |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    seen: set[int] = set()
    for row in rows.values():
        if id(row) not in seen and row.runs:
            seen.add(id(row))
            print(fmt_row(row))

    print()
    for name, target in (("plain", 20.0), ("markdown", 4.0)):
        if name in rows and name + "/pl" in rows:
            ratio = rows[name + "/pl"].median() / rows[name].median()
            print(f"{name}: copydesk/proselint speed ratio {ratio:.2f}x "
                  f"(target >= {target:g}x) {verdict(ratio, target, True)}")
    if "one" in rows:
        lin = rows["one"].median() / rows["split"].median()
        print(f"linearity: one file / 100 files = {lin:.2f} (target <= 1.3) "
              f"{verdict(lin, 1.3, False)}" + ("" if has_jobs else "; no --jobs in the CLI"))
    if "terms20000" in rows:
        rc = rows["terms20000"].median() / rows["terms200"].median()
        print(f"rule count: 20,000 / 200 terms = {rc:.2f} (target <= 1.5) "
              f"{verdict(rc, 1.5, False)}")
    if "format-concise" in rows:
        base = rows["format-concise"].median()
        print("formats (plain corpus, wall vs concise): " + ", ".join(
            f"{fmt} {rows[f'format-{fmt}'].median() / base:.2f}" for fmt in FORMATS))
    if "startup-5KB" in rows:
        st = rows["startup-5KB"].median()
        print(f"startup: copydesk on {n_small} bytes median {st:.3f} s (target < 0.3 s) "
              f"{'PASS' if st < 0.3 else 'MISS'}")
    if "big" in rows:
        peak = max(max(r.tree_kb, r.rss_kb) for r in rows["big"].runs) * 1024 / corpus.MB
        print(f"big: peak RSS {peak:.0f} MB (target < 500 MB) {'PASS' if peak < 500 else 'MISS'}")
    problems = [r for row in rows.values() for r in row.runs if r.problem]
    for r in problems[:5]:
        print(f"problem: {r.problem}")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
