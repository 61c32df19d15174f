"""Hang guards for the analyses and rules that were quadratic on ~100 KB of pathological input
(issue 15, item 2; found with bench/adversarial.py).

Each case lints one such input with the rules that read it and asserts only that it ends well
inside a CPU-time ceiling (at least 20× its cost on the machine that set it, measured with
time.process_time: a hang guard, never a speed test) and that the result is sane: no error on
the FileResult, findings inside the text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pytest
from copydesk.core.model import FileResult
from copydesk.match import patterns as matchers
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.run.session import Settings, lint_text, select_specs

SIZE = 100_000


def fill(unit: str, size: int = SIZE) -> str:
    return unit * max(1, size // len(unit))


def table(row: str) -> str:
    """A Markdown table of about SIZE characters (10,000 rows or so): one "sentence"."""
    return "| a | b |\n|---|---|\n" + (row + "\n") * (SIZE // (len(row) + 1))


@dataclass(frozen=True)
class Case:
    name: str
    rules: tuple[str, ...]  # what reads the input (the shared analyses come with them)
    path: str  # its name: the suffix picks the reader
    text: Callable[[], str]
    ceiling: float  # CPU seconds: ≥ 20× the cost measured when the case was fixed


QUOTES = ("attribution.unattributed-quote", "attribution.late-attribution")
CASES = [
    # the sentence splitter tried every mark of a run of them, each to the run's end
    Case("dots", ("style.rhetorical-question",), "dots.txt", lambda: fill("."), 10),
    Case("bangs", ("style.rhetorical-question",), "bangs.md", lambda: fill("!"), 10),
    Case("marks", ("style.rhetorical-question",), "marks.html", lambda: fill(".!?"), 10),
    # scare-quotes read each quotation's whole sentence; a table is one sentence
    Case("quoted cells", ("neutrality.scare-quotes",), "t.md", lambda: table('| "a" | "b" |'),
         30),
    Case("quoted cells, text", ("neutrality.scare-quotes",), "t.txt",
         lambda: table('| "a" | "b" |'), 20),
    Case("quoted words", ("neutrality.scare-quotes",), "t.md",
         lambda: table("| “word” | “other” |"), 20),
    Case("unique quoted words", ("neutrality.scare-quotes",), "u.txt",
         lambda: " ".join(f"“w{i:06d}x”" for i in range(SIZE // 11)), 20),
    Case("Greek quoted cells", ("neutrality.scare-quotes",), "g.md",
         lambda: table("| «λόγος» | «σκοπός» |"), 20),
    # attribution read each quotation's sentence (or its head) again
    Case("curly marks", QUOTES, "c.txt", lambda: fill("“ ”"), 20),
    Case("name: “quote”", QUOTES, "k.txt", lambda: fill("key: “value” "), 40),
    Case("saying “…”", QUOTES, "s.txt", lambda: fill("saying “a” "), 20),
    Case("they said “…”", QUOTES, "t.txt", lambda: fill("they said “a” "), 20),
    Case("quotations in a heading", QUOTES, "h.md", lambda: "# " + fill("Ana: “a” "), 40),
    Case("open single quotations", QUOTES, "o.txt", lambda: fill("‘a\n\n"), 20),
    Case("posts", QUOTES, "p.txt", lambda: fill("jo · 3h\n“a”\n\n"), 20),
    Case("block quotes", QUOTES, "b.md", lambda: fill("> “a” said Ana.\n\n"), 20),
    # the excerpt of each stray mark split the rest of its paragraph
    Case("straight marks", ("attribution.unbalanced-quotes",), "q.txt", lambda: fill('"'), 40),
    Case("backticks", ("attribution.unbalanced-quotes",), "q.html", lambda: fill("`"), 40),
    # the matcher read long runs of digits; the chain of digits was tried from each digit
    Case("digits and spaces", ("privacy.phone", "privacy.payment-card"), "d.txt",
         lambda: fill("1 "), 20),
    Case("digits and dots", ("privacy.phone",), "d.txt", lambda: fill("1."), 40),
    Case("figures", ("privacy.phone",), "f.txt", lambda: fill("12,345.67 "), 20),
    Case("card-like chain", ("privacy.payment-card",), "c.txt", lambda: fill("4 "), 40),
    Case("cards", ("privacy.payment-card",), "c.txt", lambda: fill("4111 1111 1111 1111 "), 20),
    # a raw pattern tried every "[" to the line's end, and timed out
    Case("brackets", ("citations.empty-link",), "b.txt", lambda: fill("[", 30_000), 10),
    # e-mail: a line count and a look back from the file's start for each address
    Case("addresses", ("privacy.email",), "e.md", lambda: fill("a@b.co "), 20),
    # a search to the next sentence's end for each group; the head of each term's sentence
    Case("experts say", ("weasel.vague-source",), "e.txt", lambda: fill("experts say "), 20),
    Case("so-called", ("neutrality.doubt-term",), "s.txt", lambda: fill('the "so-called" plan '),
         20),
    Case("labels", ("neutrality.contentious-label", "neutrality.loaded-language"), "l.txt",
         lambda: fill("was called terrorists by "), 20),
]


@cache
def ruleset(rules: tuple[str, ...]) -> RuleSet:
    specs, severity = select_specs(Settings(select=rules))
    assert {s.id for s in specs} == set(rules)
    return compile_rules(specs, severity)


def cpu_lint(case: Case) -> tuple[FileResult, float]:
    rules = ruleset(case.rules)
    text = case.text()
    start = time.process_time()
    result = lint_text(case.path, text, rules)
    return result, time.process_time() - start


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_pathological_input_ends_in_time(case: Case) -> None:
    result, spent = cpu_lint(case)
    assert spent < case.ceiling, f"{case.name}: {spent:.1f}s of CPU (hang guard {case.ceiling}s)"
    assert result.error is None and not result.warnings
    assert all(0 <= v.offset <= v.end_offset <= len(result.text) for v in result.violations)


def test_a_built_in_rule_out_of_time_is_a_notice_not_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A built-in rule that runs out of time is copydesk's fault, not the user's setup's: the
    file is reported without error (the run does not exit 2), with a notice naming the rule."""
    monkeypatch.setattr(matchers, "TIMEOUT_SECONDS", 1e-9)
    rules = ruleset(("citations.empty-link",))
    result = lint_text("x.md", "[" + "a" * 50_000 + "]()\n" * 2, rules)
    assert result.error is None
    assert any("citations.empty-link" in n for n in result.warnings)


# -- the look-ups that replaced a scan answer what the scan did -----------------------------

def test_comparable_is_ignorecase_over_unicode() -> None:
    """Folded words equal after the case-trap map are the words re.IGNORECASE matches: every
    character is grouped by its comparable form, and re must match each group's members to
    one another (U+0345, which the index never holds, and İ, folded apart, aside)."""
    import re

    from copydesk.analysis.sentence_words import comparable

    groups: dict[str, list[str]] = {}
    for cp in range(0x30000):
        if not 0xD800 <= cp < 0xE000:
            groups.setdefault(comparable(chr(cp)), []).append(chr(cp))
    for members in groups.values():
        first = members[0]
        for other in members[1:]:
            if "\u0345" in first + other or "\u0130" in first + other:
                continue
            assert re.fullmatch(re.escape(first.lower()), other, re.IGNORECASE), (first, other)
    word = re.compile(r"\w")
    assert all(len(comparable(chr(cp))) == 1
               and bool(word.match(chr(cp))) == bool(word.match(comparable(chr(cp))))
               for cp in range(0x30000) if not 0xD800 <= cp < 0xE000)


def test_sentence_words_answer_what_the_scan_did(monkeypatch: pytest.MonkeyPatch) -> None:
    """SentenceWords against the slicing and searching it replaced, on random sentences, for
    a span that opens inside the sentence and opens and closes on a mark (a quotation's), as
    the rule asks."""
    import random
    import re

    from copydesk.analysis import sentence_words
    from copydesk.analysis.quotations import WORD
    from copydesk.analysis.sentence_words import SentenceWords
    from copydesk.kinds.scare_quotes import _echoed

    monkeypatch.setattr(sentence_words, "SHORT", 0)  # the index, however short the sentence
    rng = random.Random(15)
    pieces = ["elite", "Elite", "al", "qaeda", "-", "'", "’", " ", " ", "so", "called", "ſo",
              "σκοπός", "ΣΚΟΠΌΣ", "x", "ab", "«", "»", "\u0345", "İs", ",", "."]
    marks = re.compile(r"\W")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        places = [m.start() for m in marks.finditer(text, start)]
        inside = [p for p in places if p < end]  # (a quotation opens inside its sentence)
        if not inside:
            continue
        lo = rng.choice(inside)
        hi = rng.choice([p for p in places if p >= lo]) + 1
        read = SentenceWords(text, start, end)
        assert read.last_words(lo, 4) == WORD.findall(text, start, lo)[-4:]
        words = {w.lower() for w in WORD.findall(text, rng.randint(0, len(text))) if len(w) > 3}
        if not words:
            continue
        echo = read.echoed(words, lo, hi)
        if echo is not None:
            assert echo == _echoed(words, text[start:lo] + " " + text[hi:end]), (text, lo, hi)


def test_openings_answer_what_the_patterns_did() -> None:
    """Openings.label_only and line_label against the full-length pattern calls."""
    import random
    import re

    from copydesk.analysis.openings import Openings
    from copydesk.text.draft_labels import DRAFT_LABELS

    alt = "|".join(map(re.escape, DRAFT_LABELS))
    label = re.compile(r"[\s>]*(?:(?:" + alt + r")\s*:\s*)?$")
    line_label = re.compile(r"(?:^|\n)[ \t>]*(?:(?:" + alt + r")\s*:)?[ \t]*$")
    rng = random.Random(18)
    pieces = [" ", "\n", "\t", ">", ":", "Quote", "Nut graf", "Note", "x", "said", "“a”"]
    for n in (5, 40, 120):
        for _ in range(1500):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, n)))
            lo = rng.randint(0, len(text))
            hi = rng.randint(lo, len(text))
            openings = Openings(text)
            assert openings.label_only(lo, hi) == bool(label.fullmatch(text, lo, hi))
            m = line_label.search(text, lo, hi)
            assert openings.line_label(lo, hi) == (m.start() if m else -1), (text, lo, hi)


def test_excerpt_words_answer_what_splitting_did(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long block's words found by bisection are the words splitting the block found."""
    import random

    from copydesk.analysis.blocks import Block
    from copydesk.kinds import unbalanced_quotes

    rng = random.Random(2)
    for _ in range(2000):
        text = "".join(rng.choice(["ab", " ", "\n", '"', "“", "x", "\u3000"])
                       for _ in range(rng.randint(0, 40)))
        lo = rng.randint(0, len(text))
        block = Block(lo, rng.randint(lo, len(text)), False)
        at = rng.randint(block.start, block.end)
        monkeypatch.setattr(unbalanced_quotes, "SHORT_BLOCK", 0)
        long_way = unbalanced_quotes._Words(text, block)
        monkeypatch.setattr(unbalanced_quotes, "SHORT_BLOCK", 1 << 30)
        short_way = unbalanced_quotes._Words(text, block)
        assert long_way.after(text, at) == short_way.after(text, at)
        assert long_way.before(text, at) == short_way.before(text, at)


def test_sentence_boundaries_are_what_the_plain_pattern_found() -> None:
    """The boundary pattern that takes a run of marks whole finds what ``[.!?]+`` did, also
    from a block that opens inside a run."""
    import random
    import re

    from copydesk.analysis.sentences import _boundaries

    plain = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\u00C0-\u024F])")
    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choice('..!?" ’)A a\n') for _ in range(rng.randint(1, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in _boundaries(text, start, end)] == [
            m.span() for m in plain.finditer(text, start, end)], (text, start, end)


def test_phone_windows_skipped_hold_no_number() -> None:
    """Where pii-phone skips the matcher, the matcher would have found nothing it keeps."""
    import random

    rules = ruleset(("privacy.phone",))
    phone = rules.rules[0]
    rng = random.Random(7)
    pieces = ["020 7946 0018", "(212) 555-0123", "+44 ", "1", "12,345", ",", ".", "/", " ",
              "-", "ext ", "x", "#", "Call ", "ISBN ", "2019-2020", "07700 900123", "\n"]
    skipped = 0
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if phone._may_hold_number(text, 0, len(text)):  # type: ignore[attr-defined]
            continue
        skipped += 1
        kept = [c for c in phone._candidates(text.replace("\n", " "))  # type: ignore[attr-defined]
                if phone._plausible(text, c[0], c[1])]  # type: ignore[attr-defined]
        assert kept == [], text
    assert skipped > 50
