"""Probe every built-in rule and analysis with pathological inputs, looking for super-linear cost.

Generates a family of ~100 KB inputs that no editor writes but a linter must survive (runs of
one punctuation mark, quote marks of every kind, brackets, digits, a 10,000-row table of quoted
cells, one line without spaces, one word repeated, deep indentation …) as .txt, .md and .html,
and lints each with the default packs in a forked child under a timeout, timing the reader,
the shared analyses and each rule's ``check`` separately (CPU time). With ``--ratio`` each
case is also run at a quarter of the size: a linear cost grows ×4, a quadratic one ×16.

    .venv/bin/python bench/adversarial.py                 # every case at 100 KB
    .venv/bin/python bench/adversarial.py --ratio --only quote   # cases named *quote*, 25 vs 100
    .venv/bin/python bench/adversarial.py --profile dots.txt     # cProfile one case

Not a test (tests/adversarial/ holds the hang guards); see bench/README.md.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checkout

checkout.use()  # this checkout's lint/ as copydesk

SIZE = 100_000
Gen = Callable[[int], str]


def fill(unit: str) -> Gen:
    """``unit`` repeated to about ``n`` characters."""
    return lambda n: unit * max(1, n // len(unit))


def rows(row: str) -> Gen:
    """A table of about ``n`` characters: a header, a rule, then ``row`` over and over."""
    return lambda n: "| a | b |\n|---|---|\n" + (row + "\n") * max(1, n // (len(row) + 1))


def nested(n: int) -> str:
    """Ever deeper indentation, list nesting and quote nesting, line after line."""
    out, size, depth = [], 0, 0
    while size < n:
        depth = depth % 60 + 1
        line = " " * depth + "- " * (depth % 7) + "> " * (depth % 5) + "Some words said here."
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


CASES: dict[str, Gen] = {
    # runs of one mark (sentence ends, dashes, separators)
    **{f"run{name}": fill(ch) for name, ch in [
        ("dot", "."), ("bang", "!"), ("ask", "?"), ("ellipsis", "…"), ("comma", ","),
        ("semi", ";"), ("colon", ":"), ("dash", "-"), ("emdash", "—"), ("space", " "),
        ("newline", "\n"), ("blankpara", "\n\n"), ("tab", "\t"), ("hash", "#"), ("pipe", "|"),
        ("gt", ">"), ("lt", "<"), ("amp", "&"), ("at", "@"), ("dollar", "$"), ("pct", "%"),
        ("star", "*"), ("under", "_"), ("tick", "`"), ("slash", "/"), ("backslash", "\\"),
    ]},
    "mixedends": fill(".!?"), "dotspace": fill(". "), "bangspace": fill("! "),
    # quote marks, alone, paired, unbalanced, alternating, nested
    **{f"q{i}": fill(ch) for i, ch in enumerate('"“”\'‘’«»„‹›')},
    "qspaced": fill('" '), "qcurlyspaced": fill("“ ”"), "qpairs": fill('"a" '),
    "qcurlypairs": fill("“a” "), "qopenonly": fill("“a "), "qcloseonly": fill("a” "),
    "qsingles": fill("‘a’ "), "qguillemets": fill("«a» "), "qapos": fill("it's "),
    "qalternate": fill("“”"), "qnested": fill("“a ‘b “c ‘d "), "qunbalanced": fill('"a b '),
    "qsaid": fill('"Yes," he said. '), "qsentences": fill('She said "no" today. '),
    "qscare": fill('the "so-called" plan '), "qlongopen": lambda n: "“" + "word " * (n // 5),
    "qmixed": fill('«a» "b" '), "qcolon": fill("key: “value” "), "qsaying": fill("saying “a” "),
    "qunique": lambda n: " ".join(f"“w{i:06d}x”" for i in range(n // 11)),
    "qthey": fill("they said “a” "), "qopensingle": fill("‘a\n"), "qverbs": fill("said "),
    "qnames": lambda n: "AAAA " * (n // 10) + "said “a” " * (n // 18),
    "qlabel": fill("Quote:\n“a”\n"), "qposts": fill("jo · 3h\n“a”\n\n"),
    # brackets and emphasis
    **{f"b{i}": fill(ch) for i, ch in enumerate("[](){}")},
    "brackets": fill("[]("), "linklike": fill("[a](b) "), "badlinks": fill("[a]("),
    "emptylinks": fill("[]() "), "parens": fill("(a "), "emph": fill("*a* _b_ "),
    "stars": fill("**"), "unders": fill("__"),
    # digits and phone-like runs
    "digits": fill("1"), "digitspace": fill("1 "), "phones": fill("555-123-4567 "),
    "intlphones": fill("+1 (555) 123-4567 "), "digitdash": fill("1-"), "digitdot": fill("1."),
    "numbers": fill("12,345.67 "), "percents": fill("5% "), "money": fill("$5 million "),
    "cards": fill("4111 1111 1111 1111 "), "ids": fill("123-45-6789 "),
    "ibans": fill("GB82 WEST 1234 5698 7654 32 "), "emails": fill("a@b.co "),
    # tables of quoted cells (the scare-quotes case)
    "table": rows('| "a" | "b" |'), "tablecurly": rows("| “a” | “b” |"),
    "tablewords": rows('| "so-called" | experts say |'),
    # words
    "nospace": fill("a"), "nospaceword": fill("word"), "said": fill("said "),
    "experts": fill("experts say "), "many": fill("many "), "according": fill("according to "),
    "the": fill("the "), "caps": fill("WORD "), "initials": fill("A. "), "mr": fill("Mr. "),
    "us": fill("U.S. "), "i": fill("I "), "sentences": fill("It is. "),
    "longsentence": lambda n: "word, " * (n // 6) + ".", "qa": fill("Q. Yes?\nA. No.\n"),
    "turns": fill("SMITH: yes.\n"),
    # lines and layout
    "shortlines": fill("a\n"), "shortsentences": fill("Hi.\n"), "indent": nested,
    "deeplist": lambda n: "".join("  " * (i % 200) + "- a\n" for i in range(n // 200)),
    "deepquote": lambda n: "".join("> " * (i % 200) + "a\n" for i in range(n // 200)),
    "headings": fill("# a\n"), "hr": fill("---\n"),
    # markup
    "htmlp": fill("<p>a</p>"),
    "htmldiv": lambda n: "<div>" * (n // 10) + "a" + "</div>" * (n // 10),
    "htmlquotes": fill('<p>"a"</p>'), "htmlopen": fill("<p"), "htmlcomment": fill("<!--"),
    "entities": fill("&amp;"),
}


def formats(name: str, text: str) -> list[tuple[str, str]]:
    """The case as plain text, Markdown and HTML (as is: the reader must cope)."""
    return [(f"{name}.txt", text), (f"{name}.md", text), (f"{name}.html", text)]


def _child(path: str, text: str, out: Connection) -> None:
    """Lint ``text`` as ``path``, sending (step, seconds) after each step."""
    try:
        _steps(path, text, out)
    except Exception as exc:  # a crash is a finding too: report it and go on
        out.send((f"CRASH {type(exc).__name__}: {str(exc)[:80]}", 0.0))
        out.send(("done", 0.0))


def _steps(path: str, text: str, out: Connection) -> None:
    from copydesk.analysis.context import Context
    from copydesk.match.patterns import RuleTimeout
    from copydesk.run.engine import _run
    from copydesk.text.document import build_document
    from copydesk.text.readers import format_for

    rs = RULESET
    clock = time.process_time
    t = clock()
    doc = build_document(path, text, format_for(path))
    out.send(("reader", clock() - t))
    ctx = Context(doc, rs.shared)
    ed = ctx.editorial
    for step in ("blocks", "sentence_list", "_quotes", "turns", "claims"):
        t = clock()
        getattr(ed, step)
        out.send((f"analysis:{step}", clock() - t))
    for rule in rs.rules:
        t = clock()
        try:
            _run(rule, ctx, rs.severity[rule.spec.id])
        except RuleTimeout:
            out.send((f"TIMEOUT {rule.spec.id}", clock() - t))
            continue
        out.send((rule.spec.id, clock() - t))
    out.send(("done", 0.0))


def run_case(path: str, text: str, timeout: float) -> tuple[dict[str, float], str]:
    """Per-step CPU seconds of one case, and what it was doing if it ran out of time."""
    parent, child = mp.Pipe(duplex=False)
    proc = mp.get_context("fork").Process(target=_child, args=(path, text, child))
    proc.start()
    child.close()
    steps: dict[str, float] = {}
    deadline, last = time.monotonic() + timeout, "reader"
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not parent.poll(left):
            proc.kill()
            proc.join()
            return steps, f"HUNG after {last}"
        try:
            step, secs = parent.recv()
        except EOFError:
            proc.join()
            return steps, f"DIED after {last} (exit {proc.exitcode})"
        if step == "done":
            proc.join()
            return steps, ""
        steps[step], last = secs, step


def report(path: str, steps: dict[str, float], problem: str, small: dict[str, float] | None,
           floor: float) -> None:
    total = sum(steps.values())
    worst = sorted(steps.items(), key=lambda kv: -kv[1])[:3]
    parts = []
    growth = {}
    if small is not None:  # a step that grows ×8 or more from a quarter of the input is suspect
        growth = {step: secs / small[step] for step, secs in steps.items()
                  if small.get(step, 0) > 0.002 and secs > 0.05 and secs / small[step] >= 8}
    worst = sorted({**dict(worst), **{s: steps[s] for s in growth}}.items(), key=lambda kv: -kv[1])
    for step, secs in worst:
        if secs < floor and step not in growth:
            continue
        ratio = f" ×{growth[step]:.0f}" if step in growth else ""
        parts.append(f"{step} {secs:.2f}s{ratio}")
    timeouts = [s for s in steps if s.startswith(("TIMEOUT", "CRASH"))]
    print(f"{path:24} {total:7.2f}s  {'; '.join(parts)} {' '.join(timeouts)} {problem}",
          flush=True)


def profile(path: str, size: int) -> None:
    import cProfile
    import pstats


    name = path.rsplit(".", 1)[0]
    text = CASES[name](size)
    cProfile.runctx("lint_text(path, text, RULESET)", globals(), locals(), "/tmp/adv.prof")
    pstats.Stats("/tmp/adv.prof").sort_stats("cumulative").print_stats(30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=SIZE)
    ap.add_argument("--only", default="", help="cases whose name holds this")
    ap.add_argument("--ext", default="txt,md,html", help="formats to try")
    ap.add_argument("--ratio", action="store_true", help="also run at a quarter of the size")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--floor", type=float, default=0.3, help="steps faster than this go unsaid")
    ap.add_argument("--profile", metavar="CASE.EXT")
    args = ap.parse_args()
    if args.profile:
        return profile(args.profile, args.size)
    exts = tuple(f".{e}" for e in args.ext.split(","))
    for name, gen in CASES.items():
        if args.only not in name:
            continue
        big, quarter = gen(args.size), gen(args.size // 4)
        for (path, text), (_, small_text) in zip(formats(name, big), formats(name, quarter),
                                                 strict=True):
            if not path.endswith(exts):
                continue
            small = run_case(path, small_text, args.timeout)[0] if args.ratio else None
            steps, problem = run_case(path, text, args.timeout)
            report(path, steps, problem, small, args.floor)


def _ruleset():  # type: ignore[no-untyped-def]
    from copydesk.run.engine import compile_rules
    from copydesk.run.session import Settings, select_specs

    specs, severity = select_specs(Settings())
    return compile_rules(specs, severity)


if __name__ == "__main__":
    RULESET = _ruleset()  # compiled once; each forked child inherits it
    main()
