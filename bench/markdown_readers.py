"""Compare Markdown parsers for the reader: time on pathological inputs, exact positions on the
CommonMark spec examples.

``--cases``: each (parser, input) runs in its own subprocess under a timeout, so a parser that
hangs (marko 2.2.4 on nested quotes) cannot hang the bench; the median of ``--runs`` wall times
is reported, or the timeout, or the exception that ended the run (at Python's default
recursion limit). Parsers: ``marko`` (2.2.4
with its GFM extension, the previous reader's parser, if installed: ``pip install
marko==2.2.4``), ``pyromark`` (pulldown-cmark's events with ranges) and ``copydesk`` (the whole
Markdown reader, view and regions, on pyromark).

``--spec``: the 652 examples of the CommonMark spec 0.31.2, read from ``commonmark.json`` (the
markdown-it-py source distribution on PyPI ships it; given with ``--spec-file``, or fetched
with ``pip download`` into a temporary folder). Each example is read as written, with CRLF line
endings, and after a paragraph of non-ASCII text (so byte and code-point offsets part). A text
event is exact when the source its range covers, in code points, is the event's text, or a
character reference for it. The reader's view is checked too: the source's length, every shown
character a source character (or the decoding of the reference or escape it stands for), and
every character of every text event shown (but bare URLs, which are masked). Also counted: how
many examples each parser renders to the spec's HTML (pure CommonMark, no extensions).

Not run by CI. ``.venv/bin/python bench/markdown_readers.py [--cases] [--spec]``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

CASES: dict[str, str] = {  # name -> Python expression building the input
    "quotes-25": "'> ' * 25 + 'a\\n'",
    "quotes-28": "'> ' * 28 + 'a\\n'",
    "quotes-32": "'> ' * 32 + 'a\\n'",
    "quotes-200": "'> ' * 200 + 'a\\n'",
    "quotes-1000": "'> ' * 1000 + 'a\\n'",
    "quote-line-600": "'>' * 600 + ' a\\n'",
    "open-links-20KB": "'[a](' * 5000",
    "refdefs-100KB": "''.join(f'[r{i}]: /u{i}\\n' for i in range(7000))[:100_000]",
    "stars-100KB": "'*' * 100_000",
    "underscores-100KB": "'_' * 100_000",
    "backticks-100KB": "'`a``' * 25_000",
    "star-word-100KB": "'*a_' * 33_000",
    "lists-nested-1000": "''.join('  ' * i + '- a\\n' for i in range(1000))",
    "lists-one-line-5000": "'- ' * 5000 + 'a\\n'",
    "email-a_-100KB": "'a_' * 50_000 + '@'",
    "brackets-100KB": "'[' * 100_000",
}
DRIVERS = {
    "marko": "import marko\nmd = marko.Markdown(extensions=['gfm'])\nrun = md.parse",
    "pyromark": (
        "import pyromark\nfrom copydesk.text.readers.parts.markdown_events import OPTIONS\n"
        "run = lambda s: sum(1 for _ in pyromark.events_with_range(s, options=OPTIONS))"
    ),
    "copydesk": "from copydesk.text.readers.parts.markdown_events import read_markdown as run",
}
TEMPLATE = """{driver}
import time
src = {expr}
for _ in range({runs}):
    start = time.perf_counter()
    run(src)
    print(time.perf_counter() - start, flush=True)
"""


def time_case(parser: str, expr: str, runs: int, timeout: float) -> str:
    code = TEMPLATE.format(driver=DRIVERS[parser], expr=expr, runs=runs)
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s"
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return last.split(":")[0][:30]  # the exception's name
    times = [float(t) for t in done.stdout.split()]
    return f"{statistics.median(times):.3f} s"


def bench_cases(runs: int, timeout: float, only: list[str]) -> None:
    parsers = [p for p in DRIVERS if p != "marko" or _has_marko()]
    print("| input | " + " | ".join(parsers) + " |")
    print("|---|" + "---|" * len(parsers))
    for name, expr in CASES.items():
        if only and name not in only:
            continue
        cells = [time_case(p, expr, runs, timeout) for p in parsers]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


def _has_marko() -> bool:
    try:
        import marko  # noqa: F401
    except ImportError:
        print("marko is not installed: pip install marko==2.2.4 to compare it", file=sys.stderr)
        return False
    return True


def spec_examples(path: Path | None) -> list[dict[str, Any]]:
    if path is None:
        folder = Path(tempfile.mkdtemp(prefix="cm-spec-"))
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                        "--no-binary", ":all:", "-d", str(folder), "markdown-it-py==4.3.0"],
                       check=True)
        sdist = next(folder.glob("markdown_it_py-*.tar.gz"))
        with tarfile.open(sdist) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("commonmark.json"))
            tar.extract(member, folder, filter="data")
            path = folder / member.name
    return list(json.loads(path.read_text(encoding="utf-8")))


PREFIX = "Ünïcödé 😀 漢字 e\u0301\n\n"


def variants(markdown: str) -> dict[str, str]:
    return {"as written": markdown, "CRLF": markdown.replace("\n", "\r\n"),
            "non-ASCII first": PREFIX + markdown}


def text_events(source: str) -> list[tuple[int, int, str, bool]]:
    """pyromark's text events in code points: (start, end, text, blanked whole), the last
    true inside front matter, a code block, an HTML block or an autolink."""
    import pyromark
    from copydesk.text.prose import blank
    from copydesk.text.readers.parts.byte_offsets import ByteOffsets
    from copydesk.text.readers.parts.frontmatter import front_matter_end
    from copydesk.text.readers.parts.markdown_events import OPTIONS

    front = front_matter_end(source)
    source = blank(source[:front]) + source[front:]  # as the reader parses it
    at, hides, out = ByteOffsets(source), [], []
    for event, span in pyromark.events_with_range(source, options=OPTIONS):
        if not isinstance(event, dict):
            continue
        if "Start" in event:
            tag = event["Start"]
            link = tag.get("Link") if isinstance(tag, dict) else None
            hides.append(tag == "HtmlBlock" or (isinstance(tag, dict) and "CodeBlock" in tag)
                         or bool(link and link["link_type"] in ("Autolink", "Email")))
        elif "End" in event:
            hides.pop()
        elif "Text" in event:
            start, end = at(span["start"]), at(span["end"])
            out.append((start, end, event["Text"], any(hides) or start < front))
    return out


def exact_events(source: str) -> tuple[int, list[str]]:
    """(text events checked, the inexact ones) of pyromark's events. Code blocks are left out:
    their text is blanked whole, and pulldown-cmark expands their tabs."""
    checked, bad = 0, []
    for start, end, text, hidden in text_events(source):
        chunk = source[start:end]
        if hidden and chunk != text:
            # blanked whole: a code block's expanded tab, or the indentation pulldown-cmark
            # puts back (an empty range) before an HTML block's line inside a container
            continue
        checked += 1
        if chunk != text and not (chunk.startswith("&") and html.unescape(chunk) == text):
            bad.append(f"{chunk!r} for {text!r}")
    return checked, bad


def exact_marko(source: str) -> tuple[int, int]:
    """(RawText leaves checked, inexact ones) for marko, whose spans index an LF copy."""
    import marko
    from copydesk.text.readers.parts.entities import MD_REFERENCE, decode_reference
    from marko import inline

    norm = source.replace("\r\n", "\n").replace("\r", "\n")
    checked = bad = 0
    stack = [marko.Markdown(extensions=["gfm"]).parse(norm)]
    while stack:
        element = stack.pop()
        if isinstance(element, inline.RawText) and element.source_span:
            s, e = element.source_span
            raw = norm[s:e]  # marko's leaves hold references undecoded; some, decoded
            shown = MD_REFERENCE.sub(lambda m: decode_reference(m.group()) or m.group(), raw)
            checked += 1
            bad += element.children not in (raw, shown)
        elif isinstance(getattr(element, "children", None), list):
            stack.extend(element.children)
    return checked, bad


def view_problems(source: str) -> list[str]:
    """What is wrong with the reader's view of ``source`` (nothing, when exact)."""
    from copydesk.text.readers.parts.gfm_urls import find_links
    from copydesk.text.readers.parts.markdown_events import read_markdown

    prose, regions = read_markdown(source)
    view, problems = prose.text, []
    if prose.source_length != len(source) or (prose.is_identity and len(view) != len(source)):
        problems.append("length")
    shown: set[int] = set()
    for i, ch in enumerate(view):
        s, e = prose.to_source(i, i + 1)
        if ch in " \r\n" and e - s == 1:
            continue  # blanked, or white space kept as written
        chunk = source[s:e]
        if chunk != ch and ch not in (chunk[1:] if chunk[:1] == "\\" else html.unescape(chunk)):
            problems.append(f"view {ch!r} for source {chunk!r}")
        shown.update(range(s, e))
    # the bare links the reader looks for in each block of inline text, which it may blank
    blocks = [r for r in regions if r.kind in ("paragraph", "heading", "table")]
    links = [span for r in blocks for span in find_links(source, r.start, r.end)]
    for start, end, _, hidden in text_events(source):
        missing = [i for i in range(start, end) if not source[i].isspace() and i not in shown]
        if not hidden and any(not any(a <= i < b for a, b in links) for i in missing):
            problems.append(f"text {source[start:end]!r} not shown")
    return problems


def _same_html(got: str, want: str) -> bool:
    """Equal HTML up to the renderers' choices: '"' written as is or as &quot;, white space
    between tags."""
    def norm(text: str) -> str:
        return re.sub(r">\s+<", "><", text.replace("&quot;", '"')).strip()

    return norm(got) == norm(want)


def bench_spec(path: Path | None, verbose: bool) -> None:
    import pyromark

    examples = spec_examples(path)
    try:
        import marko
        has_marko = True
    except ImportError:
        has_marko = False
    print(f"CommonMark spec examples: {len(examples)}")
    conform = sum(_same_html(pyromark.html(x["markdown"]), x["html"]) for x in examples)
    line = f"renders the spec's HTML: pyromark {conform}/{len(examples)}"
    if has_marko:
        md = marko.Markdown()
        done = sum(_same_html(md.convert(x["markdown"]), x["html"]) for x in examples)
        line += f", marko {done}"
    print(line)
    for name in variants(""):
        checked = bad = views = 0
        m_checked = m_bad = 0
        for x in examples:
            source = variants(x["markdown"])[name]
            c, notes = exact_events(source)
            checked, bad = checked + c, bad + len(notes)
            problems = view_problems(source)
            views += bool(problems)
            if verbose and (notes or problems):
                print(f"  example {x['example']} ({name}): {notes + problems}")
            if has_marko and name != "CRLF":
                mc, mb = exact_marko(source)
                m_checked, m_bad = m_checked + mc, m_bad + mb
        row = (f"{name}: pyromark text events {checked - bad}/{checked} exact; "
               f"reader views with a problem: {views}/{len(examples)}")
        if has_marko and name != "CRLF":
            row += f"; marko RawText leaves {m_checked - m_bad}/{m_checked} exact"
        print(row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="time the pathological inputs")
    parser.add_argument("--spec", action="store_true", help="check positions on the spec")
    parser.add_argument("--spec-file", type=Path, help="commonmark.json (else fetched)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    parser.add_argument("--only", nargs="*", default=[], help="these cases only")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not (args.cases or args.spec):
        args.cases = args.spec = True
    if args.spec:
        bench_spec(args.spec_file, args.verbose)
    if args.cases:
        bench_cases(args.runs, args.timeout, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
