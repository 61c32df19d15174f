"""The fast paths of the profanity and privacy kinds find exactly what a plain scan finds."""

from __future__ import annotations

import re
import string
import sys
from functools import cache

import regex
from copydesk.analysis.context import Context
from copydesk.core.model import Severity
from copydesk.core.rule_spec import RuleSpec
from copydesk.kinds.base.pii import DIGIT_CHAIN
from copydesk.kinds.pii_email import _EMAIL, addresses
from copydesk.kinds.pii_government_id import GovernmentId
from copydesk.kinds.pii_home_address import _ADDRESS
from copydesk.kinds.pii_iban import (
    _CANDIDATE,
    _GROUP_END,
    _SORT_CODE,
    _WORD_GOES_ON,
    Iban,
    checksum_fails,
    sort_starts,
)
from copydesk.kinds.pii_payment_card import PaymentCard
from copydesk.kinds.pii_phone import _MAYBE, phone_windows
from copydesk.kinds.profanity import (
    _DISGUISED,
    Profanity,
    disguised_in,
    literal_heads,
    mask_starts,
    masked_match,
)
from copydesk.match import finder
from copydesk.match.patterns import CASE_TRAPS, finditer_at, fold
from copydesk.match.scan import Scan
from copydesk.match.shared import SharedMatchers
from copydesk.text.document import build_document
from hypothesis import given, settings
from hypothesis import strategies as st

TERMS = ["fuck", "shit", "son of a bitch", "pissed off", "bullshit", "arse", "wanker"]
PATTERNS = [
    r"bloody(?=\s+(?:awful|good|hell))",
    r"what the hell|the hell (?:out|with)|go to hell|hell of an?|bloody hell|like hell",
]
# Words, spellings and separators around the terms' edges: capitals, plurals, a long s and a
# dotted capital I (folding traps), hyphens, apostrophes, underscores and line breaks.
WORDS = ["fuck", "Fucks", "FUCKES", "fucking", "ſhit", "shit", "bullshit", "son", "of", "a",
         "bitch", "Son-of-a-bitch", "pissed", "off", "pissed-off", "arse", "arses", "İ", "What",
         "the", "hell", "HELL", "Bloody", "awful", "good", "go", "to", "an", "like", "é",
         "f*ck", "sh!t", "f-ck", "w@nker", "a$$", "b*llsh1t", "x_", "_", "’", "'", "-", "1",
         "\r\n", "\n", " ", "  ", ",", "shit’s", "fuck'd", "hello", "shell"]
MASK_ALPHABET = "abfkcuhstAF*#@$!|+_-1390é’' \n"


@cache
def _everything() -> str:
    """Every code point but the surrogates."""
    return "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)


def _rule(mode: str, plurals: bool = False) -> tuple[Profanity, SharedMatchers]:
    shared = SharedMatchers()
    options = {"terms": TERMS, "mild_terms": ["damn", "crap"], "patterns": PATTERNS,
               "match": mode, "plurals": plurals}
    spec = RuleSpec(id="t.prof", pack="t", category="t", extends="profanity", message="%s",
                    severity=Severity.WARNING, options=options)
    return Profanity(spec, shared), shared


def disguised(text: str) -> list[re.Match[str]]:
    """The disguised candidates of ``text``, tried at the mask starts only."""
    return list(finditer_at(_DISGUISED, text, mask_starts(text)))


def _hits(rule: Profanity, ctx: Context) -> list[tuple[int, int, int]]:
    return [(h.start, h.end, h.lower) for h in rule.check(ctx)]


def _scanned(rule: Profanity, ctx: Context) -> list[tuple[int, int, int]]:
    """The findings of the plain scans the fast paths replace, in check()'s order."""
    text, out = ctx.text, []
    if rule.mode in ("plain", "both"):
        assert rule.plain is not None
        for m in rule.plain.finditer(text):
            out.append((m.start(), m.end(), rule._lower(m.group().lower(), 0, 0, [])))
        for p in rule.patterns:
            out += [(m.start(), m.end(), 0) for m in p.finditer(text)]
    if rule.mode in ("masked", "both"):
        for m in _DISGUISED.finditer(text):
            piece = m.group()
            while len(piece) >= 4:
                word = None
                if not piece.isalpha():
                    word = next((f for f in rule.forms if masked_match(piece, f)), None)
                if word is not None:
                    out.append((m.start(), m.start() + len(piece), rule._lower(word, 0, 0, [])))
                    break
                if piece[-1] not in "!-_":
                    break
                piece = piece[:-1]
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from(["plain", "both"]),
       st.booleans(), st.sampled_from([" ", "", "\n"]))
def test_anchored_profanity_equals_the_scans(
    words: list[str], mode: str, plurals: bool, sep: str
) -> None:
    rule, shared = _rule(mode, plurals)
    ctx = Context(build_document("t.txt", sep.join(words), "text"), shared)
    assert _hits(rule, ctx) == _scanned(rule, ctx)


@given(st.sampled_from(["", " ſo"]))  # a long s: the heads near it are tried as well
def test_anchored_profanity_finds_what_it_should(trap: str) -> None:
    rule, shared = _rule("both", plurals=True)
    text = "Son-of-a-bitch, FUCKES and f*ck: what the hell, bloody awful. Shit." + trap
    ctx = Context(build_document("t.txt", text, "text"), shared)
    assert ctx.scan.folds_exactly == (not trap)
    found = [text[s:e] for s, e, _ in _hits(rule, ctx)]
    assert found == ["Son-of-a-bitch", "FUCKES", "Shit", "bloody", "what the hell", "f*ck"]
    assert found == [text[s:e] for s, e, _ in _scanned(rule, ctx)]


def test_a_case_trap_inside_a_head_is_still_found() -> None:
    """A long ſ matches "s" under IGNORECASE, and the folded text has no "hells of a" there:
    the offsets from which a head reaches the trap letter are tried as well."""
    rule, shared = _rule("plain", plurals=True)
    patterns = [r"bloody(?=\s+(?:awful|good|hell))", r"hells of an?"]
    rule.patterns = [regex.compile(f"(?<!\\w)(?:{p})(?!\\w)", regex.I) for p in patterns]
    rule.heads = [literal_heads(p) for p in patterns]
    rule.pattern_finders = [finder.literal_heads(p, heads or [])
                            for p, heads in zip(rule.patterns, rule.heads, strict=True)]
    text = "It was hellſ of a day for the piſſed off crowd."
    ctx = Context(build_document("t.txt", text, "text"), shared)
    found = [text[s:e] for s, e, _ in _hits(rule, ctx)]
    assert found == ["piſſed off", "hellſ of a"]
    assert found == [text[s:e] for s, e, _ in _scanned(rule, ctx)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=MASK_ALPHABET, max_size=80))
def test_disguised_candidates_equal_the_scan(text: str) -> None:
    assert [m.span() for m in disguised(text)] == [m.span() for m in _DISGUISED.finditer(text)]


def test_disguised_candidates_at_the_length_limits() -> None:
    for letters in (1, 2, 23, 24, 25, 30):
        for text in ("a" * letters + "*b", "(" + "B" * letters + "1", "é" + "c" * letters + "#"):
            want = [m.span() for m in _DISGUISED.finditer(text)]
            assert [m.span() for m in disguised(text)] == want


def test_literal_heads() -> None:
    assert literal_heads(PATTERNS[0]) == ["bloody"]
    assert literal_heads("What the hell|hell of an?|ab+c") == ["what the hell", "hell of a", "ab"]
    assert literal_heads("x{2}y") is None  # an optional first character: no head
    assert literal_heads(r"a\|b|c") == ["a", "c"]
    assert literal_heads("[a-z]ing") is None  # a class: no head
    assert literal_heads("(?x) a b") is None  # an inline flag may change the whole pattern
    assert literal_heads("word|(?:x|y)z") is None  # one alternative opens with a group
    assert literal_heads("café") is None  # not ASCII: IGNORECASE equivalents not checked


def test_regex_ignorecase_equates_an_ascii_character_only_with_its_folding() -> None:
    """A head is looked up in the folded text: every character ``regex`` (IGNORECASE) matches
    with a printable ASCII one must fold to the same, or be a case trap (the rule then also
    tries each offset from which a head reaches that letter)."""
    for ch in string.printable:
        for m in regex.finditer(regex.escape(ch), _everything(), regex.IGNORECASE | regex.M):
            c = m.group()
            assert fold(c) == fold(ch) or CASE_TRAPS.fullmatch(c), (ch, hex(ord(c)))


# -- pii-iban ----------------------------------------------------------------------------------

IBAN_WORDS = ["GB82", "WEST", "1234", "5698", "7654", "32", "GB82WEST12345698765432", "TO",
              "JANE", "GB83", "DE89", "3704", "0044", "0532", "0130", "00", "sort", "Sort",
              "SORT", "ſort", "code", "code:", "is", "12-34-56", "12 34 56", ",", "account",
              "number", "31926819", "resort", "-", "\n", "x", "٨٢", "AGB82", "G", "B8", "2"]


def _iban_scan(text: str) -> list[tuple[int, int]]:
    """pii-iban's findings as the plain scans gave them."""
    from stdnum import iban

    out = []
    for m in _CANDIDATE.finditer(text):
        ends = [m.start() + e.start() for e in _GROUP_END.finditer(m.group())]
        for end in reversed(ends):
            if _WORD_GOES_ON.match(text, end) or end - m.start() > 42:
                continue
            if iban.is_valid(text[m.start() : end]):
                out.append((m.start(), end))
                break
    if re.search("[sSſ][oO][rR][tT]", text):
        out += [m.span(1) for m in _SORT_CODE.finditer(text)]
    return out


def _iban_rule() -> Iban:
    spec = RuleSpec(id="t.iban", pack="t", category="t", extends="pii-iban", message="%s",
                    severity=Severity.WARNING, options={})
    return Iban(spec)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(IBAN_WORDS), max_size=25), st.sampled_from([" ", ""]))
def test_iban_equals_the_scans(words: list[str], sep: str) -> None:
    ctx = Context(build_document("t.txt", sep.join(words), "text"), SharedMatchers())
    assert [(h.start, h.end) for h in _iban_rule().check(ctx)] == _iban_scan(ctx.text)


def test_iban_finds_numbers_and_sort_codes() -> None:
    text = ("Pay GB82 WEST 1234 5698 7654 32 TO JANE, not GB82 WEST 1234 5698 7654 33. "
            "ſort code 12-34-56.")
    ctx = Context(build_document("t.txt", text, "text"), SharedMatchers())
    found = [text[h.start : h.end] for h in _iban_rule().check(ctx)]
    assert found == ["GB82 WEST 1234 5698 7654 32", "12-34-56"]


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{0,4}(?: [A-Z0-9]{1,4}){0,7}", fullmatch=True))
def test_checksum_precheck_never_rejects_a_valid_iban(number: str) -> None:
    from stdnum import iban

    if checksum_fails(number):
        assert not iban.is_valid(number)
    if iban.is_valid(number):
        assert not checksum_fails(number)
    fixed = number[:2] + iban.calc_check_digits(number) + number[4:]
    assert not checksum_fails(fixed)  # the right check digits always pass the precheck


def test_only_sort_spellings_fold_to_sort() -> None:
    """Every character IGNORECASE takes for a letter of "sort" folds to it (or is ſ)."""
    for letter in "sort":
        for m in re.finditer(letter, _everything(), re.IGNORECASE):
            assert fold(m.group()) == letter or m.group() == "ſ", hex(ord(m.group()))
    assert sort_starts(fold("Sort SORT ſort resort")) == [0, 5, 10, 17]


# -- pii-government-id and pii-payment-card ----------------------------------------------------

ID_WORDS = ["SSN", "SSNs", "social", "Social", "security", "number", "national", "National",
            "insurance", "NI", "NINO", "no.", "536-22-8726", "536 22 8726", "536228726",
            "QQ 12 34 56 C", "AB123456C", "AB 12 34 56 D", "12", "34", "-", ".", "\n", "x" * 20,
            "y" * 45, "1", "A", "ſocial", "ſecurity", "inſurance", "ABC", "4111 1111 1111 1111",
            "4111-1111-1111-1111"]


def _gov_rule() -> GovernmentId:
    spec = RuleSpec(id="t.gov", pack="t", category="t", extends="pii-government-id",
                    message="%s", severity=Severity.WARNING, options={})
    return GovernmentId(spec)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ID_WORDS), max_size=30), st.sampled_from([" ", ", ", ""]))
def test_government_ids_near_cues_equal_the_full_scan(words: list[str], sep: str) -> None:
    ctx = Context(build_document("t.txt", sep.join(words), "text"), SharedMatchers())
    fast = _gov_rule()
    full = _gov_rule()
    full.ssn_finders = full.nino_finders = None  # no cue positions: the full scans
    want = [(h.start, h.end) for h in full.check(ctx)]
    assert [(h.start, h.end) for h in fast.check(ctx)] == want


def test_government_ids_at_the_edge_of_a_cue_s_reach() -> None:
    for gap in range(30, 70):
        for text in (f"SSN{' ' * gap}536-22-8726.", f"536-22-8726{' ' * gap}SSN.",
                     f"NINO{',' * gap}QQ 12 34 56 C", f"QQ 12 34 56 C{',' * gap}NI"):
            ctx = Context(build_document("t.txt", text, "text"), SharedMatchers())
            full = _gov_rule()
            full.ssn_finders = full.nino_finders = None
            want = [(h.start, h.end) for h in full.check(ctx)]
            assert [(h.start, h.end) for h in _gov_rule().check(ctx)] == want
            assert want or gap > 30  # near enough, the number is found


def test_a_case_trap_inside_a_cue_is_still_found() -> None:
    for text in ("Her social ſecurity number is 536-22-8726.",
                 "Her natıonal insurance number: QQ 12 34 56 C."):
        ctx = Context(build_document("t.txt", text, "text"), SharedMatchers())
        full = _gov_rule()
        full.ssn_finders = full.nino_finders = None
        want = [(h.start, h.end) for h in full.check(ctx)]
        assert want and [(h.start, h.end) for h in _gov_rule().check(ctx)] == want


def test_payment_card_chains() -> None:
    spec = RuleSpec(id="t.card", pack="t", category="t", extends="pii-payment-card",
                    message="%s", severity=Severity.WARNING, options={})
    text = "Card 4111 1111 1111 1111, order 1234 5678 9012 3456, ref 4111-1111-1111-1111 ok."
    ctx = Context(build_document("t.txt", text, "text"), SharedMatchers())
    found = [text[h.start : h.end] for h in PaymentCard(spec).check(ctx)]
    assert found == ["4111 1111 1111 1111", "4111-1111-1111-1111"]


# -- the digit-led scans: card chains, house numbers, phone lines ------------------------------

DIGIT_ALPHABET = "0123456789٣ -.,+/\nabA:#"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=DIGIT_ALPHABET, max_size=60))
def test_digit_led_patterns_tried_at_digit_runs_equal_the_scans(text: str) -> None:
    starts = Scan(text).digit_runs
    first = [i for i, c in enumerate(text) if c.isdecimal() and not text[i - 1 : i].isdecimal()]
    assert starts == first
    for pattern in (DIGIT_CHAIN, _ADDRESS):
        want = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in finditer_at(pattern, text, starts)] == want
    # the lines pii-phone hands to the matcher are the same
    assert phone_windows(finditer_at(_MAYBE, text, starts), text) == phone_windows(
        _MAYBE.finditer(text), text
    )


def test_digit_runs_follow_the_document() -> None:
    one, two = "a 12 b 345", "67 c 8"
    assert Scan(one).digit_runs == [2, 7]
    assert Scan(two).digit_runs == [0, 5]


def test_phone_lines_and_houses_in_prose() -> None:
    text = ("Call 020 7946 0123 or 07700 900123, 1,234,567,890 people.\n"
            "She lives at 14 Elm Street, Leeds LS6 2AB.\n12345678 9 and 123456789012345.")
    starts = Scan(text).digit_runs
    lines = phone_windows(finditer_at(_MAYBE, text, starts), text)
    assert [text[a:b][:5] for a, b in lines] == ["Call ", "12345"]  # not the address line
    assert lines == phone_windows(_MAYBE.finditer(text), text)
    assert [m.group() for m in finditer_at(_ADDRESS, text, starts)] == [
        "14 Elm Street, Leeds LS6 2AB"
    ]


# -- pii-email ---------------------------------------------------------------------------------

EMAIL_ALPHABET = "ab.@-_'%+é x1\n:<"
EMAIL_WORDS = ["amy@example.co.uk", "a.b@x.com", ".a@x.io", "a..b@x.io", "@handle", "x@y",
               "mailto:", "press@news.org", "'q@r.net", "é@s.fr", "e@", "@", ".", " ", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=EMAIL_ALPHABET, max_size=60),
                 st.lists(st.sampled_from(EMAIL_WORDS), max_size=12).map("".join)))
def test_addresses_tried_before_each_at_equal_the_scan(text: str) -> None:
    assert [m.span() for m in addresses(text)] == [m.span() for m in _EMAIL.finditer(text)]


def test_addresses_in_prose() -> None:
    text = "Write to amy.roe@mail.example.co.uk or @handle, not x@y; ping press@news.org."
    assert [m.group() for m in addresses(text)] == ["amy.roe@mail.example.co.uk",
                                                    "press@news.org"]


def test_disguised_candidates_follow_the_document() -> None:
    one, two = (Context(build_document("t.txt", text, "text"), SharedMatchers())
                for text in ("What the f*ck, sh!t.", "a$$hole"))
    assert [m.group() for m in disguised_in(one)] == ["f*ck", "sh!t"]
    assert [m.group() for m in disguised_in(two)] == ["a$$hole"]
    assert disguised_in(one) is disguised_in(one)  # found once a document


def test_government_ids_in_a_long_run_of_number_characters() -> None:
    text = "NI " + "QQ 12 34 56 C NI AB 12 " * 40 + "536-22-8726 SSN 536 22 8726 - NI"
    ctx = Context(build_document("t.txt", text, "text"), SharedMatchers())
    full = _gov_rule()
    full.ssn_finders = full.nino_finders = None
    want = [(h.start, h.end) for h in full.check(ctx)]
    assert len(want) > 40
    assert [(h.start, h.end) for h in _gov_rule().check(ctx)] == want
