"""The safety and legal kinds' fast paths find exactly what a plain scan finds: their patterns
tried only where a first word starts, and the surname memory read only where it can change."""

from __future__ import annotations

import bisect
import re
from typing import Any

import pytest
from copydesk.analysis.context import Context
from copydesk.analysis.people import people
from copydesk.kinds.base.legal import sentence_people
from copydesk.kinds.base.safety import SentenceFacts, sentences_holding
from copydesk.kinds.incitement import _DEATH_TO, _WISH
from copydesk.kinds.threat import _INTENT
from copydesk.kinds.unsourced_allegation import _ALLEGED
from copydesk.match.finder import Finder, Plan
from copydesk.match.openers import pattern_first_words
from copydesk.match.scan import Scan
from copydesk.packs.load import load_pack
from copydesk.packs.locate import builtin_dir
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.text.document import build_document
from hypothesis import given, settings
from hypothesis import strategies as st

# Words of the rules' patterns, near misses, and the awkward characters: hyphens, both
# apostrophes, CRLF, capitals, ſ (an s to IGNORECASE), İ, punctuation that ends sentences.
WORDS = [
    "I",
    "i",
    "we",
    "We",
    "WE",
    "we’re",
    "we're",
    "I’ll",
    "I'll",
    "will",
    "gonna",
    "going",
    "to",
    "kill",
    "shoot",
    "you",
    "him",
    "the",
    "judge",
    "Someone",
    "someone",
    "should",
    "must",
    "people",
    "y’all",
    "y'all",
    "deserve",
    "deserves",
    "die",
    "be",
    "shot",
    "hanged",
    "Death",
    "death",
    "DEATH",
    "migrants",
    "Migrants",
    "are",
    "vermin",
    "like",
    "rats",
    "breed",
    "the",
    "disabled",
    "a",
    "plague",
    "suicide",
    "Suicide",
    "took",
    "her",
    "own",
    "life",
    "by",
    "hanging",
    "overdose",
    "pills",
    "gun",
    "jumped",
    "from",
    "dismembered",
    "severed",
    "limbs",
    "pool",
    "pools",
    "of",
    "blood",
    "disembowelled",
    "charred",
    "bodies",
    "arrested",
    "for",
    "murder",
    "Detained",
    "fraud",
    "alleged",
    "allegedly",
    "Allegedly",
    "fraudster",
    "con",
    "man",
    "war",
    "criminal",
    "bribe-taker",
    "Mark",
    "Ellison",
    "is",
    "ſuicide",
    "ſhould",
    "İ",
    "Death-to",
    "-",
    "‐",
    ",",
    ".",
    "?",
    "!",
    "’",
    "'",
    "\r\n",
    "\n\n",
    "  ",
    "x",
    "killer",
    "preamble",
    "weed",
    "Iwe",
    "poor",
    "gay",
    "Gay",
    "people",
    "asylum",
    "seekers",
    "diſabled",
    "THE",
    "animals",
    "sub-human",
    "nothing",
    "but",
    "no",
    "better",
    "than",
]


def _ruleset() -> RuleSet:
    packs = [load_pack(builtin_dir() / f"{name}.yaml") for name in ("safety", "legal")]
    return compile_rules([spec for pack in packs for spec in pack.rules])


RULESET = _ruleset()


def _anchored(rule: Any) -> list[tuple[re.Pattern[str], Finder]]:
    """(pattern, its finder) of each anchored rule."""
    kind = rule.spec.extends
    if kind == "incitement":
        return [(rule.call, rule.calls), (_WISH, rule.wishes), (_DEATH_TO, rule.deaths)]
    if kind == "threat":
        return [(_INTENT, rule.finder)]
    if kind == "unsourced-allegation":
        return [(_ALLEGED, rule.finder)]
    if kind == "graphic-no-warning":
        return [(rule.descriptors, rule.finder)]
    if kind == "suicide-method":
        return [(rule.cue, rule.finder)]
    if kind in ("crime-label", "presumed-guilt"):
        return [(rule.pattern, rule.finder)]
    return []


PAIRS = [pair for rule in RULESET.rules for pair in _anchored(rule)]


def _ctx(text: str) -> Context:
    return Context(build_document("t.txt", text, "text"), RULESET.shared)


def test_every_safety_and_legal_pattern_is_anchored() -> None:
    assert len(PAIRS) == 10  # the legal pack now holds two label rules (crime, wrongdoing)
    assert all(finder.pattern is pattern for pattern, finder in PAIRS)
    assert all(finder.places.index is not None for _, finder in PAIRS)  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "", "\n"]))
def test_anchored_patterns_find_what_the_scan_finds(words: list[str], sep: str) -> None:
    ctx = _ctx(sep.join(words))
    sentences = ctx.editorial.sentences
    for pattern, finder in PAIRS:
        want = [m.span() for m in pattern.finditer(ctx.text)]
        assert [m.span() for m in finder.finditer(ctx)] == want
        holding = set(sentences_holding(ctx, finder))
        matched = {i for i, (s, e) in enumerate(sentences) if pattern.search(ctx.text, s, e)}
        assert matched <= holding


DEHUMANISING = next(r for r in RULESET.rules if r.spec.extends == "dehumanising-group")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "\n", " \t "]))
def test_group_phrases_find_what_the_scan_finds(words: list[str], sep: str) -> None:
    """Tried only where a whole group phrase starts ("the disabled", "gay people")."""
    rule = DEHUMANISING
    assert rule.finder.places.index is not None
    ctx = _ctx(sep.join(words))
    want = [m.span() for m in rule.pattern.finditer(ctx.text)]
    assert [m.span() for m in rule.finder.finditer(ctx)] == want


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The  disabled\tare vermin, and THE POOR ARE RATS.", 2),
        ("Gay people are nothing but animals; gay\r\npeople breed like rats", 2),
        ("-the poor are rats, xthe poor are rats, the poorest are rats", 0),
        ("the diſabled are vermin; the poor are rats", 2),  # ſ: the scan, which folds it to s
        ("İ think the poor are lice", 1),
    ],
)
def test_group_phrases_on_tricky_texts(text: str, found: int) -> None:
    rule = DEHUMANISING
    ctx = _ctx(text)
    want = [m.span() for m in rule.pattern.finditer(ctx.text)]
    assert [m.span() for m in rule.finder.finditer(ctx)] == want
    assert len(want) == found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.integers(0, 200), st.integers(0, 200))
def test_anchored_windows_find_what_a_bounded_scan_finds(words: list[str], a: int, b: int) -> None:
    """Windows may start or end inside a word ("suicide" cut to "suic", "killer" to "kill")."""
    ctx = _ctx(" ".join(words))
    text = ctx.text
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for pattern, finder in PAIRS:
        want = [m.span() for m in pattern.finditer(text, start, end)]
        assert [m.span() for m in finder.finditer(ctx, start, end)] == want
        first = pattern.search(text, start, end)
        got = finder.search(ctx, start, end)
        assert (got and got.span()) == (first and first.span())


def test_a_window_ending_inside_a_word_is_scanned() -> None:
    pattern = re.compile(r"(?<![\w-])(?:kill)(?![\w-])")
    text = "they killer"
    finder = Finder(pattern, _Nowhere(), cuts_words=True)  # no anchor: "killer" is no first word
    ctx = _ctx(text)
    assert [m.group() for m in finder.finditer(ctx, 0, 9)] == ["kill"]
    assert finder.search(ctx, 0, 9) is not None


class _Nowhere:
    """Places of a pattern that opens nowhere in the text."""

    def plan(self, scan: Scan) -> Plan:
        return [], []

    def starts(self, scan: Scan) -> list[int]:
        return []


@pytest.mark.parametrize(
    ("pattern", "flags", "words"),
    [
        (
            r"(?<![\w-])(?:pools? of blood|disembowell?ed|gouged(?:-out| out)? eyes?)(?![\w-])",
            re.I,
            {"pool", "pools", "disemboweled", "disembowelled", "gouged"},
        ),
        (r"(?<![\w’'])(?:I|[Ww]e)(?:\s+will|[’']ll)", 0, {"I", "We", "we"}),
        (r"\b(?=[ds])(?:deserves?\s+to|should\s+be)", re.I, {"deserve", "deserves", "should"}),
        (r"(?<![\w-])poison(?:ed|ing)?\b", re.I, {"poison", "poisoned", "poisoning"}),
        (r"(?<![\w-])ab{0,2}(?![\w-])", 0, {"a", "ab", "abb"}),
        (r"(?<![\w-])a(?:b )+", 0, {"ab"}),
    ],
)
def test_first_words_of_a_pattern(pattern: str, flags: int, words: set[str]) -> None:
    assert pattern_first_words(pattern, flags) == words


@pytest.mark.parametrize(
    "pattern",
    [
        r"abc\b",  # no word start: the match may open inside a word
        r"(?<![\w-])abc",  # nothing ends the word: "abcd" would match
        r"(?<![\w-])a\w+\b",  # a class of word characters: unbounded
        r"(?<![\w-])ab+\b",  # an unbounded repeat of a word character
        r"(?<![\w-])(?:-a|b)\b",  # a match opening on a hyphen
        r"(?<![\w-])a(?:b )*",  # zero repeats leave "a" open
        r"(?<![\w-])a.c\b",  # any character
        r"(?<![\w-])(a)\1\b",  # a back-reference
        r"(?<![\w-])a\u0345\b",  # a mark IGNORECASE may equate with a letter
    ],
)
def test_patterns_whose_first_words_are_unknown(pattern: str) -> None:
    assert pattern_first_words(pattern, re.I) is None


# --- the surname memory -------------------------------------------------------------------

NAME_WORDS = [
    "Mark",
    "Ellison",
    "Ellison's",
    "Ellison’s",
    "Roe",
    "Roe.",
    "Roe's.",
    "Roe.'s",
    "Roebuck",
    "Dr",
    "dr.",
    "judge",
    "Judge",
    "Jane",
    "Mr.",
    "Mrs",
    "The",
    "the",
    "In",
    "I",
    "A",
    "A's",
    "I's.",
    "US",
    "S",
    "Li",
    "Lin",
    "New",
    "York",
    "Street",
    "May",
    "Theresa",
    "King",
    "O'Neil",
    "Ellison-Smith",
    "Zoë",
    "x5Dr",
    "5",
    "said",
    "was",
    "a",
    "fraudster",
    "and",
    "of",
]
GLUE = [" ", " ", " ", ", ", ". ", "\n\n", "  ", "; ", "? ", " ("]


def _read_all(ctx: Context, wanted: list[int]) -> dict[int, list[tuple[int, int]]]:
    """The memory by definition: every sentence up to the last wanted one is read."""
    text, sentences = ctx.text, ctx.editorial.sentences
    surnames: set[str] = set()
    out = {}
    for i in range(max(wanted) + 1):
        s, e = sentences[i]
        found = people(text, s, e)
        for m in re.finditer(r"\w[\w’'-]*", text[:e]):
            if m.start() < s:
                continue
            bare = re.sub(r"[’']s$", "", m.group())
            if surnames and bare in surnames and not any(a <= m.start() < b for a, b in found):
                found.append((m.start(), m.start() + len(bare)))
        surnames.update(re.sub(r"[’']s$", "", text[a:b].split()[-1]) for a, b in found)
        if i in wanted:
            out[i] = sorted(found)
    return out


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(NAME_WORDS), st.sampled_from(GLUE)), min_size=1, max_size=40
    ),
    st.lists(st.integers(0, 50), min_size=1, max_size=3),
    st.booleans(),
)
def test_surname_memory_reads_what_it_must(
    pieces: list[tuple[str, str]], picks: list[int], doubled: bool
) -> None:
    """Same people as reading every sentence; "Roe's's" (a possessive surname) is the general
    reading's case."""
    text = "".join(w + g for w, g in pieces) + ("Roe's's" if doubled else "")
    ctx = Context(build_document("t.txt", text, "text"), None)  # type: ignore[arg-type]
    n = len(ctx.editorial.sentences)
    wanted = sorted({p % n for p in picks} | {n - 1}) if n else []  # the last: most memory
    if wanted:
        assert sentence_people(ctx, wanted) == _read_all(ctx, wanted)


def test_a_surname_after_an_honorific_is_remembered() -> None:
    text = "Police met judge Roe. It rained. The weather was fine.\n\nRoe is a fraudster."
    ctx = Context(build_document("t.txt", text, "text"), None)  # type: ignore[arg-type]
    last = len(ctx.editorial.sentences) - 1
    assert [text[a:b] for a, b in sentence_people(ctx, [last])[last]] == ["Roe"]


def test_sentence_facts_know_a_sentence_that_ends_inside_a_word() -> None:
    facts = SentenceFacts("ab cd. ef", [(0, 1), (3, 6), (7, 9)])
    assert facts.cut == [0] and facts.ordered and facts.starts == [0, 3, 7]
    assert not SentenceFacts("ab cd", [(0, 5), (3, 5)]).ordered


SURNAME_PIECES = ["Roe", "Ro", "Roes", "Lee", " ", "  ", "x", "Roe's", "L", "buck", "Jane",
                  "judge", "Judge", "mr.", "Mr", "(", ".", ". ", ",", "\n\n", "3", "K\u212aing",
                  "aMark", "the", "Jean-Paul", "O'Neil", "councillor", "St.", "A.B."]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(SURNAME_PIECES), max_size=30),
    st.sets(st.sampled_from(["Roe", "Ro", "Roes", "Lee", "L", "Roebuck", "Jane", "Mark"]),
            min_size=1),
    st.integers(min_value=0, max_value=4),
)
def test_surname_sources_equal_a_search_for_each_target(
    pieces: list[str], targets: set[str], cut: int
) -> None:
    """The sources found once per document, then filtered by target, are what a search for
    " Target" (one alternation of the targets) and the same checks at each hit find."""
    from copydesk.analysis.people import TOKEN, name_core
    from copydesk.kinds.base import legal as lb

    text = "".join(pieces)
    ctx = Context(build_document("t.txt", text, "text"), None)  # type: ignore[arg-type]
    facts, sentences = lb._facts(ctx), ctx.editorial.sentences
    if facts.general or not sentences:
        return
    end = sentences[cut][0] if cut < len(sentences) else len(text)
    wanted = {t for t in targets if facts.may_be_surname(t)}

    def expected(end: int) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        if not wanted:
            return out
        alts = "|".join(re.escape(t) for t in sorted(wanted, key=len, reverse=True))
        for m in re.compile(f" (?:{alts})").finditer(ctx.text, 0, end):
            at = m.start() + 1
            i = bisect.bisect_right(facts.starts, at) - 1
            if i < 0 or at >= sentences[i][1] or at - 2 < sentences[i][0]:
                continue
            s, e = sentences[i]
            lo = max(s, ctx.text.rfind(" ", s, at - 1) + 1)
            before = lb._TOKEN_BEFORE.search(ctx.text, lo, at - 1)
            if before is None or not lb._may_precede_name(before.group()):
                continue
            token = TOKEN.match(ctx.text, at, e)
            surname = lb._bare(name_core(token.group())) if token else ""
            if surname in wanted:
                out.setdefault(i, set()).add(surname)
        return out

    # the sources are read as far as asked, then further for a later question
    assert facts.surname_sources(sentences, targets, end) == expected(end)
    assert facts.surname_sources(sentences, targets, len(text)) == expected(len(text))


def test_surname_sources_after_a_name_or_an_honorific() -> None:
    from copydesk.kinds.base import legal as lb

    text = "Police met Jean-Paul Roe. Later judge Lee spoke. The Mark was low. O'Neil L went."
    ctx = Context(build_document("t.txt", text, "text"), None)  # type: ignore[arg-type]
    facts, sentences = lb._facts(ctx), ctx.editorial.sentences
    targets = {"Roe", "Lee", "Mark", "Police", "L"}
    # asked first about the first sentence only, then about all
    assert facts.surname_sources(sentences, targets, sentences[1][0]) == {0: {"Roe"}}
    sources = facts.surname_sources(sentences, targets, len(text))
    assert sources == {0: {"Roe"}, 1: {"Lee"}, 2: {"Mark"}}  # "The" is capitalised
    # surnames shorter than the three characters a place is first compared on
    short = "Police met Jane Li. Later judge Ng spoke."
    ctx = Context(build_document("t.txt", short, "text"), None)  # type: ignore[arg-type]
    assert lb._facts(ctx).surname_sources(ctx.editorial.sentences, {"Li", "Ng"},
                                          len(short)) == {0: {"Li"}, 1: {"Ng"}}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Roe", "roe", "Mc", "’s", "'s", "’", "'", "-", "s", " ", "I", "é",
                              "Lee", "A", "x"]), max_size=25),
    st.sampled_from(["Roe", "Roe’", "Roe’s", "McRoe", "I", "A", "Lee-Roe", "Roe-", "Ro", "x"]),
)
def test_possessed_equals_a_search_per_word(pieces: list[str], word: str) -> None:
    """One pass finds what ``word + "’s" in text`` found, for every capitalised word."""
    from copydesk.kinds.base.legal import _CAPITALISED, _Facts

    text = "".join(pieces)
    facts = _Facts.__new__(_Facts)
    facts.text, facts._possessed = text, None
    expected = _CAPITALISED.fullmatch(word) is not None and (
        word + "’s" in text or word + "'s" in text
    )
    assert (_CAPITALISED.fullmatch(word) is not None and word in facts.possessed()) == expected
