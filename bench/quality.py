"""Benchmark: score copydesk's default packs against the human-labelled corpora (../shared)
and the real-copy suite of our own stories (tests/fixtures/realcopy, scored by realcopy.py).

Every corpus record's text is linted in this one process as a plain-text document; a record
counts as flagged when a violation falls in a category its corpus rule letters map to. Not run
by CI. Usage: ``.venv/bin/python bench/quality.py --split dev`` (see bench/README.md);
``--suite realcopy`` for the stories alone, ``--tree DIR`` to score another checkout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LETTERS = {"a": "attribution", "b": "sourcing", "c": "neutrality", "d": "weasel", "e": "sourcing"}
FILES = {
    "claimbuster": "claimbuster/claimbuster.jsonl",
    "wikiweasel": "wikiweasel_szeged/wikiweasel.jsonl",
    "babe": "babe/babe.jsonl",
    "wiki_npov": "wiki_npov_hube2019/wiki_npov.jsonl",
    "newssd": "newssd_eng/newssd_eng.jsonl",
    "wnc": "wnc_pryzant_sample/wnc_sample.jsonl",
}
DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SEED = 20250101  # fixed so that intervals are reproducible run to run
RESAMPLES = 1000

Span = tuple[int, int]
Finding = tuple[str, str, int, int]  # rule, category, start, end (code points into the text)


# ----------------------------------------------------------------------------- pure metrics
@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0


def confusion(gold: Sequence[bool], pred: Sequence[bool]) -> Counts:
    c = Counter(zip(gold, pred, strict=True))
    return Counts(c[(True, True)], c[(False, True)], c[(True, False)], c[(False, False)])


def prf(c: Counts) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty prediction (or gold) set scores 0, not undefined."""
    p = c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0
    r = c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..1) of values."""
    s = sorted(values)
    if not s:
        return 0.0
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def bootstrap(
    items: Sequence[Any], stat: Callable[[Sequence[Any]], Sequence[float]],
    resamples: int = RESAMPLES, seed: int = SEED,
) -> list[tuple[float, float]]:
    """95% percentile intervals of each value ``stat`` returns, resampling ``items`` with
    replacement (records, or pairs for the paired score)."""
    if not items:
        return []
    rng = random.Random(seed)
    draws = [stat(rng.choices(items, k=len(items))) for _ in range(resamples)]
    return [(percentile(col, 0.025), percentile(col, 0.975)) for col in zip(*draws, strict=True)]


def prf_of_pairs(pairs: Sequence[tuple[bool, bool]]) -> tuple[float, float, float]:
    """P, R, F1 of (gold, pred) pairs: the statistic bootstrapped over records."""
    c = Counter(pairs)
    return prf(Counts(c[(True, True)], c[(False, True)], c[(True, False)], c[(False, False)]))


def overlaps(a: Span, b: Span) -> bool:
    """True when the two half-open spans share at least one character."""
    return max(a[0], b[0]) < min(a[1], b[1])


def span_recall(gold: Sequence[Sequence[Span]], found: Sequence[Sequence[Span]]) -> tuple[int, int]:
    """(gold spans overlapped by a finding of the same record, gold spans); zero-width gold
    spans (pure insertions) cannot be overlapped by a character and are left out."""
    hit = total = 0
    for spans, flags in zip(gold, found, strict=True):
        for s in spans:
            if s[1] > s[0]:
                total += 1
                hit += any(overlaps(s, f) for f in flags)
    return hit, total


def paired_score(pairs: Sequence[tuple[bool, bool]]) -> float:
    """Share of (biased flagged, neutral flagged) pairs where only the biased side is flagged."""
    return sum(b and not n for b, n in pairs) / len(pairs) if pairs else 0.0


def per_thousand(count: int, total: int) -> float:
    return 1000 * count / total if total else 0.0


def quoted_ranges(text: str) -> list[Span]:
    """Stretches inside double quotes: straight quotes toggle, curly quotes open/close; an
    unclosed quote runs to the end and a stray closing curly quote starts at 0 (a quote that
    began in an earlier sentence of the article)."""
    out: list[Span] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if start is None and ch in "\"“":
            start = i + 1
        elif start is not None and ch in "\"”":
            out.append((start, i))
            start = None
        elif start is None and ch == "”":
            out.append((0, i))
    if start is not None:
        out.append((start, len(text)))
    return out


def all_inside(spans: Sequence[Span], ranges: Sequence[Span]) -> bool:
    return bool(spans) and all(any(r[0] <= s[0] and s[1] <= r[1] for r in ranges) for s in spans)


def findings_hash(findings: dict[str, list[Finding]]) -> str:
    """SHA-256 of the sorted (rule, start, end) findings per record id, as canonical JSON."""
    canon = {k: sorted([f[0], f[2], f[3]] for f in v) for k, v in findings.items()}
    blob = json.dumps(canon, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# ----------------------------------------------------------------------------- running copydesk
def load(corpora: Path, name: str, split: str) -> list[dict[str, Any]]:
    with (corpora / FILES[name]).open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    return [r for r in recs if r["label"] is not None and split in ("all", r["split"])]


def analyse(records: list[dict[str, Any]], ruleset: Any) -> tuple[list[list[Finding]], float]:
    from copydesk.run.session import lint_text

    out: list[list[Finding]] = []
    t0 = time.perf_counter()
    for r in records:
        res = lint_text("record.txt", r["text"], ruleset, "text")
        if res.error:
            print(f"warning: {r['id']}: {res.error}", file=sys.stderr)
        out.append([(v.rule, v.category, v.offset, v.end_offset) for v in res.violations])
    return out, time.perf_counter() - t0


# ----------------------------------------------------------------------------- scoring rows
@dataclass(frozen=True)
class Target:
    text: str
    check: Callable[[dict[str, Any]], bool]


def f1_target(f1: float, p: float) -> Target:
    return Target(f"F1>={f1:.2f} P>={p:.2f}", lambda m: m["f1"] >= f1 and m["p"] >= p)


@dataclass
class Row:
    name: str
    gold: list[bool]
    flags: list[list[Finding]]
    cats: frozenset[str]
    spans: list[list[Span]] | None = None
    floor: str = ""
    target: Target | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def pred(self) -> list[bool]:
        return [any(f[1] in self.cats for f in fl) for fl in self.flags]


def cats_of(rec: dict[str, Any], override: frozenset[str] | None) -> frozenset[str]:
    return override if override is not None else frozenset(LETTERS[x] for x in rec["rules"])


def build_rows(name: str, recs: list[dict[str, Any]], found: list[list[Finding]],
               override: frozenset[str] | None) -> list[Row]:
    cats = cats_of(recs[0], override)  # every record of a corpus carries the same letters
    gold = [r["label"] == 1 for r in recs]
    spans = [[(s["start"], s["end"]) for s in r.get("spans") or []] for r in recs]
    if name == "claimbuster":
        keep = [i for i, r in enumerate(recs) if r["meta"].get("has_number") is True]
        return [Row("claimbuster (has_number)", [gold[i] for i in keep], [found[i] for i in keep],
                    cats, None, "P 0.98 R 0.27 F1 0.42", f1_target(0.52, 0.90))]
    if name == "wikiweasel":
        dox = [[(s["start"], s["end"]) for s in r["spans"] if s["type"] == "doxastic"]
               for r in recs]
        return [
            Row("wikiweasel doxastic", ["doxastic" in (r["meta"].get("cue_types") or [])
                                        for r in recs], found, cats, dox,
                "P 0.49 R 0.44 F1 0.46", f1_target(0.56, 0.60)),
            Row("wikiweasel all-cues (diag)", gold, found, cats, spans),
        ]
    floors = {"babe": (0.76, 0.15, 0.25), "wiki_npov": (0.32, 0.12, 0.18),
              "newssd": (0.38, 0.05, 0.09)}
    if name in floors:
        fp, fr, ff = floors[name]
        floor, target = f"P {fp:.2f} R {fr:.2f} F1 {ff:.2f}", f1_target(ff + 0.10, fp)
        row = Row(name, gold, found, cats, spans if name == "babe" else None, floor, target)
        if name == "wiki_npov":
            hard = [i for i, r in enumerate(recs) if r["meta"].get("subset") == "neutral_cw_hard"]
            pred = row.pred()
            row.extra["cw_hard_fa_per_1000"] = per_thousand(sum(pred[i] for i in hard), len(hard))
            row.extra["cw_hard_n"] = len(hard)
        if name != "babe":
            return [row]
        keep = [i for i, r in enumerate(recs) if not (r["label"] == 1 and all_inside(
            spans[i], quoted_ranges(r["text"])))]
        bare = [i for i, r in enumerate(recs) if not quoted_ranges(r["text"])]
        return [row] + [Row(label, [gold[i] for i in ix], [found[i] for i in ix], cats,
                            [spans[i] for i in ix])
                        for label, ix in (("babe w/o quoted bias (diag)", keep),
                                          ("babe w/o any quotes (diag)", bare))]
    row = Row(name, gold, found, cats, spans, "paired 0.06",
              Target("paired>=0.16", lambda m: m["paired"] >= 0.16))
    sides: dict[str, dict[bool, bool]] = defaultdict(dict)
    for r, p in zip(recs, row.pred(), strict=True):
        sides[r["meta"]["pair_id"]][r["label"] == 1] = p
    pairs = [(s[True], s[False]) for s in sides.values() if len(s) == 2]
    row.extra["paired"] = paired_score(pairs)
    row.extra["paired_ci"] = (bootstrap(pairs, lambda ps: (paired_score(ps),)) or [(0.0, 0.0)])[0]
    row.extra["pairs"] = len(pairs)
    return [row]


def score(row: Row) -> dict[str, Any]:
    pred = row.pred()
    c = confusion(row.gold, pred)
    p, r, f = prf(c)
    cis = bootstrap(list(zip(row.gold, pred, strict=True)), prf_of_pairs)
    m: dict[str, Any] = {"row": row.name, "n": len(pred), "positives": c.tp + c.fn,
                         "p": p, "r": r, "f1": f,
                         "ci": dict(zip(("p", "r", "f1"), cis, strict=True)),
                         "fa_per_1000": per_thousand(c.fp, c.fp + c.tn), "floor": row.floor,
                         "categories": sorted(row.cats), **row.extra}
    if row.spans is not None:
        flagged = [[(x[2], x[3]) for x in fl if x[1] in row.cats] for fl in row.flags]
        m["span_hit"], m["span_total"] = span_recall(row.spans, flagged)
    m["target"] = row.target.text if row.target else "diagnostic"
    m["status"] = ("PASS" if row.target.check(m) else "MISS") if row.target else "-"
    return m


def per_rule(row: Row) -> dict[str, dict[str, Any]]:
    """Rule id -> positive and negative records it fires on, and whether it counts for the row."""
    out: dict[str, dict[str, Any]] = {}
    for g, fl in zip(row.gold, row.flags, strict=True):
        for rule, cat in {(f[0], f[1]) for f in fl}:
            e = out.setdefault(rule, {"positives": 0, "negatives": 0, "counts": cat in row.cats})
            e["positives" if g else "negatives"] += 1
    return dict(sorted(out.items()))


# ----------------------------------------------------------------------------- output
def ci(m: dict[str, Any], key: str) -> str:
    lo, hi = m["ci"][key] if m["ci"] else (0.0, 0.0)
    return f"{m[key]:.2f} [{lo:.2f},{hi:.2f}]"


def print_table(results: list[dict[str, Any]], speed: list[dict[str, Any]], split: str) -> None:
    head = (f"{'row':27} {'n':>5} {'pos':>5}  {'precision':16} {'recall':16} {'F1':16} "
            f"{'spanR':>5} {'FA/1k':>6}  {'floor':20} {'target':17} status")
    print(f"copydesk quality, split={split}\n{head}\n{'-' * len(head)}")
    for m in results:
        sr = f"{m['span_hit'] / m['span_total']:.2f}" if m.get("span_total") else "-"
        print(f"{m['row']:27} {m['n']:5} {m['positives']:5}  {ci(m, 'p'):16} {ci(m, 'r'):16} "
              f"{ci(m, 'f1'):16} {sr:>5} {m['fa_per_1000']:6.1f}  {m['floor']:20} "
              f"{m['target']:17} {m['status']}")
        if "paired" in m:
            lo, hi = m["paired_ci"]
            print(f"{'':29}paired score {m['paired']:.3f} [{lo:.3f},{hi:.3f}] "
                  f"over {m['pairs']} pairs")
        if "cw_hard_fa_per_1000" in m:
            print(f"{'':29}false alarms on neutral_cw_hard: {m['cw_hard_fa_per_1000']:.1f}/1k "
                  f"of {m['cw_hard_n']}")
    print(f"\n{'data set':12} {'records':>8} {'MB':>7} {'seconds':>8} {'records/s':>10} "
          f"{'MB/s':>7}")
    total: dict[str, Any] = {"dataset": "all"}
    total.update({k: sum(s[k] for s in speed) for k in ("records", "mb", "seconds")})
    total["records_per_s"] = total["records"] / total["seconds"] if speed else 0.0
    total["mb_per_s"] = total["mb"] / total["seconds"] if speed else 0.0
    for s in [*speed, total]:
        print(f"{s['dataset']:12} {s['records']:8} {s['mb']:7.2f} {s['seconds']:8.2f} "
              f"{s['records_per_s']:10.0f} {s['mb_per_s']:7.3f}")


def parse_categories(values: list[str]) -> dict[str, frozenset[str]]:
    """``cat,cat`` applies to every data set; ``dataset=cat,cat`` to one."""
    out: dict[str, frozenset[str]] = {}
    for v in values:
        name, _, cats = v.rpartition("=")
        for ds in [name] if name else list(FILES):
            out[ds] = frozenset(c.strip() for c in cats.split(",") if c.strip())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["test", "dev", "train", "all"], default="test")
    ap.add_argument("--datasets", default=",".join(FILES),
                    help="comma list of: " + ", ".join(FILES))
    ap.add_argument("--categories", action="append", default=[],
                    help="override categories: 'cat,cat' or 'dataset=cat,cat' (repeatable)")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--json", action="store_true", help="print machine-readable results only")
    ap.add_argument("--hash", action="store_true", help="print the SHA-256 of all findings")
    ap.add_argument("--repeat", type=int, default=1,
                    help="analyse each data set N times; speed is the median")
    ap.add_argument("--per-rule", action="store_true", help="flags per rule on positives/negatives")
    ap.add_argument("--suite", choices=["corpora", "realcopy", "all"], default="all",
                    help="the labelled corpora, the real-copy stories (tests/fixtures/realcopy), "
                         "or both (default)")
    ap.add_argument("--tree", type=Path, default=Path(__file__).resolve().parents[1],
                    help="score the copydesk of this checkout (for a before/after)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import checkout

    checkout.use(args.tree)  # score that checkout's lint/ as copydesk
    if args.suite in ("realcopy", "all"):
        import realcopy

        found = realcopy.report(realcopy.score(realcopy.load_suite()))
        if args.json and args.suite == "realcopy":
            print(json.dumps(found, indent=2))
        elif not args.json:
            realcopy.print_report(found)
            print()
        if args.suite == "realcopy":
            return 0
    from copydesk.run.engine import compile_rules
    from copydesk.run.session import Settings, select_specs

    names = [d.strip() for d in args.datasets.split(",") if d.strip()]
    if unknown := [d for d in names if d not in FILES]:
        ap.error(f"unknown data set(s): {', '.join(unknown)}")
    overrides = parse_categories(args.categories)
    specs, severity = select_specs(Settings())
    ruleset = compile_rules(specs, severity)
    results, speed, rules, all_findings = [], [], {}, {}
    for name in names:
        recs = load(args.corpora, name, args.split)
        if not recs:
            print(f"note: {name} has no records in split {args.split}", file=sys.stderr)
            continue
        runs = [analyse(recs, ruleset) for _ in range(args.repeat)]
        found, secs = runs[0][0], statistics.median(t for _, t in runs)
        mb = sum(len(r["text"].encode("utf-8")) for r in recs) / 1e6
        speed.append({"dataset": name, "records": len(recs), "mb": mb, "seconds": secs,
                      "records_per_s": len(recs) / secs, "mb_per_s": mb / secs})
        all_findings.update({r["id"]: f for r, f in zip(recs, found, strict=True)})
        for row in build_rows(name, recs, found, overrides.get(name)):
            results.append(score(row))
            rules[row.name] = per_rule(row)
    if not results:
        print(f"no records to score in split {args.split}", file=sys.stderr)
        return 1
    digest = findings_hash(all_findings)
    if args.json:
        out = {"split": args.split, "results": results, "speed": speed}
        if args.per_rule:
            out["per_rule"] = rules
        if args.hash:
            out["findings_sha256"] = digest
        print(json.dumps(out, indent=2))
        return 0
    print_table(results, speed, args.split)
    if args.per_rule:
        for row_name, counts in rules.items():
            print(f"\nper rule, {row_name}: records flagged, positives / negatives "
                  "(* = category scored for this row)")
            for rule, e in counts.items():
                pos, neg = e["positives"], e["negatives"]
                print(f"  {'*' if e['counts'] else ' '} {rule:40} {pos:6} / {neg:6}"
                      f"   precision {pos / (pos + neg):.2f}")
    if args.hash:
        print(f"\nfindings sha256: {digest} ({len(all_findings)} records)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
