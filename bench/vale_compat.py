"""Replay Vale's own acceptance fixtures (``When I test "X"`` scenarios) against copydesk.

For each scenario: read the fixture's ini, copy the enabled rules of the supported kinds into
temporary Vale-style folders (one per style, rule files unchanged; a rule copydesk rejects is
dropped and counted), run ``copydesk check --format json --pack <folder>…`` in the fixture
directory on its Markdown/text/HTML files, and compare ``file:line:col:Rule:message`` lines with
the expected ones. Prints matched/expected per fixture and a total. Not a test: it reads
../shared/vale-testdata, which a user's clone does not have.

    .venv/bin/python bench/vale_compat.py [--data ../shared/vale-testdata] [-v]
"""

from __future__ import annotations

import argparse
import configparser
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SUPPORTED = {
    "existence", "substitution", "occurrence", "repetition", "consistency", "conditional",
    "spelling",
}
LINTED = {".md", ".markdown", ".txt", ".html", ".htm"}
INI_NAMES = (".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale")
# Vale's built-in rule that fixtures switch on as "Vale.Repetition" (written out here in
# Vale's own schema; the other built-ins need spelling or vocabularies).
BUILTIN_REPETITION = (
    "extends: repetition\nmessage: \"'%s' is repeated!\"\nlevel: error\nalpha: true\n"
    "ignorecase: true\ntokens:\n  - '[^\\s\\.!?]+'\n"
)
LEVELS = {"suggestion": 1, "warning": 2, "error": 3}


@dataclass
class Scenario:
    name: str
    fixture: str
    expected: list[str]


@dataclass
class Outcome:
    scenario: Scenario
    expected: list[str]
    got: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def matched(self) -> int:
        pool = list(self.got)
        n = 0
        for line in self.expected:
            if line in pool:
                pool.remove(line)
                n += 1
        return n


def scenarios(features: Path) -> list[Scenario]:
    out = []
    for feature in sorted(features.glob("*.feature")):
        text = feature.read_text(encoding="utf-8")
        pattern = (
            r"Scenario: ([^\n]*)\n(?:\s*#[^\n]*\n)*\s*When I test \"([^\"]+)\"\n"
            r'\s*Then the output should contain exactly:\n\s*"""\n(.*?)"""'
        )
        for m in re.finditer(pattern, text, re.S):
            lines = [x.strip() for x in m.group(3).splitlines() if x.strip()]
            out.append(Scenario(m.group(1).strip(), m.group(2).strip("/"), lines))
    return out


def read_ini(folder: Path) -> configparser.ConfigParser | None:
    for name in INI_NAMES:
        path = folder / name
        if path.is_file():
            ini = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
            ini.optionxform = str  # type: ignore[assignment,method-assign]
            ini.read_string("[__top__]\n" + path.read_text(encoding="utf-8"))
            return ini
    return None


def expand_braces(glob: str) -> list[str]:
    m = re.search(r"\{([^}]*)\}", glob)
    if not m:
        return [glob]
    return [
        x
        for alt in m.group(1).split(",")
        for x in expand_braces(glob[: m.start()] + alt + glob[m.end() :])
    ]


def enabled_rules(ini: configparser.ConfigParser, file: str, styles: Path) -> dict[str, str | None]:
    """Rule id -> level override (None: the rule's own) that apply to ``file``."""
    rules: dict[str, str | None] = {}
    for section in ini.sections():
        if section == "__top__":
            continue
        if not any(fnmatch.fnmatch(file, g) for g in expand_braces(section)):
            continue
        for key, value in ini[section].items():
            if key == "BasedOnStyles":
                for style in (s.strip() for s in value.split(",") if s.strip()):
                    for f in sorted((styles / style).glob("*.yml")):
                        rules.setdefault(f"{style}.{f.stem}", None)
            elif "." in key and not key.startswith("["):
                v = value.strip()
                if v.upper() == "NO":
                    rules.pop(key, None)
                else:
                    rules[key] = v.lower() if v.lower() in LEVELS else rules.get(key)
    return rules


def rule_file(styles: Path, rule_id: str) -> str | None:
    style, _, name = rule_id.partition(".")
    if rule_id == "Vale.Repetition":
        return BUILTIN_REPETITION
    path = styles / style / f"{name}.yml"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def accepted(rule_text: str, scratch: Path) -> bool:
    """Does copydesk load this rule file unchanged (and run its kind)?"""
    from copydesk.core.errors import CopydeskError
    from copydesk.packs.load import load_pack

    probe = scratch / "_probe" / "P"
    shutil.rmtree(probe, ignore_errors=True)
    probe.mkdir(parents=True)
    (probe / "R.yml").write_text(rule_text, encoding="utf-8")
    try:
        return bool(load_pack(probe).rules)
    except CopydeskError:
        return False


def run_fixture(sc: Scenario, data: Path, scratch: Path, verbose: bool) -> Outcome:
    folder = data / "fixtures" / sc.fixture
    expected = [e for e in sc.expected if Path(e.split(":", 1)[0]).suffix in LINTED]
    out = Outcome(sc, expected, [])
    ini = read_ini(folder) if folder.is_dir() else None
    if ini is None:
        out.notes.append("no fixture or ini")
        return out
    styles_rel = ini["__top__"].get("StylesPath", "styles")
    styles = (folder / styles_rel).resolve()
    min_level = LEVELS.get(ini["__top__"].get("MinAlertLevel", "suggestion").lower(), 1)
    files = sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.suffix in LINTED
    )
    for file in files:
        rules = enabled_rules(ini, file, styles)
        packs = scratch / sc.fixture.replace("/", "_") / file.replace("/", "_")
        shutil.rmtree(packs, ignore_errors=True)
        select = []
        for rule_id in rules:
            text = rule_file(styles, rule_id)
            if text is None:
                continue
            try:
                kind = (yaml.safe_load(text) or {}).get("extends")
            except yaml.YAMLError:
                continue
            if kind not in SUPPORTED:
                continue
            if not accepted(text, scratch):
                out.notes.append(f"rejected {rule_id}")
                continue
            style, _, name = rule_id.partition(".")
            (packs / style).mkdir(parents=True, exist_ok=True)
            (packs / style / f"{name}.yml").write_text(text, encoding="utf-8")
            select.append(rule_id)
        if not select:
            continue
        args = [sys.executable, "-m", "copydesk", "check", "--format", "json", "--fail-on", "never"]
        for style_dir in sorted(packs.iterdir()):
            args += ["--pack", str(style_dir)]
        args += ["--select", ",".join(select), file]
        proc = subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=120)
        try:
            report = json.loads(proc.stdout)
        except json.JSONDecodeError:
            out.notes.append(f"{file}: {proc.stderr.strip()[:200]}")
            continue
        for f in report["files"]:
            for v in f["violations"]:
                if LEVELS[v["severity"]] >= min_level:
                    out.got.append(
                        f"{f['path']}:{v['line']}:{v['column']}:{v['rule']}:{v['message']}"
                    )
    if verbose:
        for line in sorted(set(expected) - set(out.got)):
            print(f"    missing  {line}")
        for line in sorted(set(out.got) - set(expected)):
            print(f"    extra    {line}")
    return out


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=here.parent / "shared" / "vale-testdata")
    parser.add_argument("-v", "--verbose", action="store_true")
    opts = parser.parse_args()
    sys.path.insert(0, str(here / "bench"))
    import checkout

    checkout.use(here)  # this checkout's lint/ as copydesk
    total_matched = total_expected = total_extra = 0
    with tempfile.TemporaryDirectory() as tmp:
        for sc in scenarios(opts.data / "features"):
            if opts.verbose:
                print(f"{sc.fixture}:")
            o = run_fixture(sc, opts.data, Path(tmp), opts.verbose)
            if not o.expected:
                continue
            extra = len(o.got) - o.matched
            total_matched += o.matched
            total_expected += len(o.expected)
            total_extra += extra
            note = f"  ({'; '.join(o.notes)})" if o.notes else ""
            print(f"{o.matched:4d}/{len(o.expected):<4d} extra {extra:<3d} {sc.fixture}{note}")
    share = 100 * total_matched / total_expected if total_expected else 0
    print(
        f"TOTAL {total_matched}/{total_expected} expected lines matched ({share:.0f}%),",
        f"{total_extra} extra",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
