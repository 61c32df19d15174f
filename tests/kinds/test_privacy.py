"""The privacy pack (policy reference 3.7, H7, H8): what each rule reports, what it leaves
alone, at which severity, and at exactly which offsets in the source."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from copydesk.analysis.people import people
from copydesk.core.model import Severity, Violation
from copydesk.packs.load import load_pack
from copydesk.packs.locate import builtin_dir
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.run.session import lint_text

ROOT = Path(__file__).resolve().parents[2]


@cache
def privacy() -> RuleSet:
    return compile_rules(load_pack(builtin_dir() / "privacy.yaml").rules)


def found(text: str, rule: str | None = None, path: str = "t.txt") -> list[Violation]:
    result = lint_text(path, text, privacy())
    assert result.error is None
    return [v for v in result.violations if rule is None or v.rule == f"privacy.{rule}"]


def spans(text: str, rule: str) -> list[str]:
    return [text[v.offset : v.end_offset] for v in found(text, rule)]


NUMBERS = [
    ("email", "amy.roe@gmail.com"),
    ("phone", "+44 20 7946 0958"),
    ("phone", "(415) 555-0142"),
    ("payment-card", "4111 1111 1111 1111"),
    ("bank-account", "GB82 WEST 1234 5698 7654 32"),
    ("government-id", "123-45-6789"),
    ("home-address", "14 Elm Street"),
]


@pytest.mark.parametrize(("rule", "number"), NUMBERS)
@pytest.mark.parametrize("path", ["t.txt", "t.md"])
def test_offsets_are_exact_after_crlf_and_emoji(rule: str, number: str, path: str) -> None:
    lead = {"government-id": "Her SSN", "home-address": "Jane Roe lives at"}.get(rule, "See")
    text = f"Intro line 🎉 with an emoji.\r\n\r\nMore 👍🏽 text.\r\n{lead} {number} today.\r\n"
    hits = found(text, rule, path)
    assert [text[v.offset : v.end_offset] for v in hits] == [number]
    # the position is the first occurrence, counted in code points past the emoji and CRs
    assert hits[0].offset == text.index(number)


def test_severities_follow_the_brief() -> None:
    text = (
        "Write to jane.doe@gmail.com or call 020 7946 0958. Card 4111 1111 1111 1111, "
        "IBAN GB82 WEST 1234 5698 7654 32, SSN 123-45-6789. Jane Roe lives at 14 Elm Street."
    )
    levels = {v.rule.split(".")[1]: v.severity for v in found(text)}
    assert levels == {
        "email": Severity.WARNING, "phone": Severity.WARNING, "home-address": Severity.WARNING,
        "payment-card": Severity.ERROR, "bank-account": Severity.ERROR,
        "government-id": Severity.ERROR,
    }


def test_messages_say_what_was_found_and_what_to_do() -> None:
    text = "Card 5500 0000 0000 0004 and NI number QQ 12 34 56 C."
    messages = {v.rule: v.message for v in found(text)}
    card = messages["privacy.payment-card"]
    assert "'5500 0000 0000 0004' (Mastercard)" in card and "mask" in card
    nino = messages["privacy.government-id"]
    assert nino.startswith("National Insurance number 'QQ 12 34 56 C'") and "remove" in nino


def test_role_mailbox_is_one_level_lower() -> None:
    hits = found("Tips to tips@herald.co.uk or amy@herald.co.uk.", "email")
    assert [(v.offset, v.severity) for v in hits] == [
        (8, Severity.SUGGESTION), (29, Severity.WARNING)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Write to jane@sub.example.com or desk@news.example.net.",
        "Fixture: someone@host.test, else@nowhere.invalid.",
        "Follow @jane_roe and email me@localhost for help.",
    ],
)
def test_documentation_domains_are_exempt(text: str) -> None:
    assert spans(text, "email") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Fictional: 212-555-0199.", "212-555-0199"),
        ("Call 01632 960123 now.", "01632 960123"),
        ("Reach him on +1 415 555 0142 tonight.", "+1 415 555 0142"),
        ("“My number is 020 7946 0123,” Roe said.", "020 7946 0123"),
    ],
)
def test_phone_numbers_fire_including_fictional_ranges(text: str, number: str) -> None:
    assert spans(text, "phone") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "An additional 11,000-12,000 soldiers arrived.",
        "The 2019-2020 season and the 1914-1918 war.",
        "Resolution 2334 passed; see No. 020 7946 0958 in the archive.",
        "ISBN 978-0-917360-56-5 was reprinted.",
        "The vote was 7-2 on 2024-03-15, with 145,000,000 cast.",
        "Card 4111 1111 1111 1111 was charged.",
    ],
)
def test_phone_traps_stay_quiet(text: str) -> None:
    assert spans(text, "phone") == []


def test_card_and_iban_pick_whole_groups() -> None:
    text = "Paid with 6011 1111 1111 1117 2026 from DE89 3704 0044 0532 0130 00 NOW."
    assert spans(text, "payment-card") == ["6011 1111 1111 1117"]
    assert spans(text, "bank-account") == ["DE89 3704 0044 0532 0130 00"]


@pytest.mark.parametrize(
    "text",
    [
        "Her SSN is 666-12-3456.",  # area 666 is never issued
        "Her SSN is 123-00-6789.",  # group 00
        "The ssn field held 123-45-0000.",  # serial 0000
        "His national insurance number is ZZ 12 34 56 A.",  # administrative prefix
        "His national insurance number is QQ 12 34 56 E.",  # suffix beyond D
        "Invoice 123-45-6789 is due; national insurance rose.",  # not an SSN cue
    ],
)
def test_invalid_or_uncued_ids_stay_quiet(text: str) -> None:
    assert spans(text, "government-id") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Her flat at 3 St Mary's Road was searched.", "3 St Mary's Road"),
        ("Roe’s house at 5 Mill Lane, Leeds LS6 2AB, was sold.", "5 Mill Lane, Leeds LS6 2AB"),
        ("They moved to 22B Orchard Close in May.", "22B Orchard Close"),
    ],
)
def test_home_addresses(text: str, address: str) -> None:
    assert spans(text, "home-address") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "The restaurant at 14 Elm Street reopened, owner Jane Roe said.",
        "Jane Roe lives on Elm Street.",
        "Officials moved to 1600 Pennsylvania Avenue in January.",
        "The council's office at 30 Market Street opens at nine.",
    ],
)
def test_addresses_that_are_not_homes(text: str) -> None:
    assert spans(text, "home-address") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Roe lives here.", ["Jane Roe"]),
        ("Police said Mr Smith left.", ["Mr Smith"]),
        ("When Dr. Amy Roe’s car broke down", ["Dr. Amy Roe"]),
        ("BBC News said North Korea fired from Elm Street.", []),
        ("The Red Army met on Monday March 3.", []),
        ("In London the State Department spoke.", []),
    ],
)
def test_people(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in people(text)] == names


def test_pack_tests_pass_with_coverage() -> None:
    from copydesk.run.rule_tests import run_case

    specs = privacy().rules
    assert len(specs) == 6
    for rule in specs:
        cases = rule.spec.tests
        assert sum(bool(c.contains or c.want) for c in cases) >= 3, rule.spec.id
        assert sum(c.want == () for c in cases) >= 3, rule.spec.id
        assert rule.spec.link.startswith("https://") and rule.spec.description
        for case in cases:
            outcome = run_case(rule.spec, case)
            assert outcome.passed, (rule.spec.id, case.name, outcome.detail)


def test_validators_load_lazily() -> None:
    code = (
        "import sys, copydesk.kinds, copydesk.run.engine; "
        "print(sorted(m for m in ('phonenumbers', 'stdnum') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_unknown_phone_region_is_a_pack_error(tmp_path: Path) -> None:
    from copydesk.core.errors import CopydeskError

    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "pack: mine\nrules:\n  - id: phone\n    extends: pii-phone\n    message: x\n"
        "    regions: [GB, XX]\n",
        encoding="utf-8",
    )
    with pytest.raises(CopydeskError, match=r"mine\.yaml:6:.*unknown region 'XX'"):
        load_pack(pack)


def test_extra_exempt_domain(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "pack: mine\nrules:\n  - id: email\n    extends: pii-email\n    message: '%s'\n"
        "    extra_exempt_domains: [herald.co.uk]\n",
        encoding="utf-8",
    )
    rules = compile_rules(load_pack(pack).rules)
    text = "Mail amy@herald.co.uk or amy@gmail.com."
    hits = lint_text("t.txt", text, rules).violations
    assert [text[v.offset : v.end_offset] for v in hits] == ["amy@gmail.com"]


@pytest.mark.parametrize(
    ("path", "text", "want"),
    [
        # the Markdown reader masks bare addresses and autolinks as links; still published
        ("t.md", "Mail 🎉 amy.roe@gmail.com\r\nor <bob@gmail.com>.", ["amy.roe@gmail.com",
                                                                     "bob@gmail.com"]),
        # a mailto: target whose visible text is the same address is reported once
        ("t.md", "[amy@gmail.com](mailto:amy@gmail.com) or [write](mailto:bob@gmail.com)",
         ["amy@gmail.com", "bob@gmail.com"]),
        # an HTML entity inside the address: the finding covers the source as written
        ("t.html", "<p>Mail bob&#64;gmail.com today</p>", ["bob&#64;gmail.com"]),
        # code, URLs with a user part, and documentation domains stay quiet
        ("t.md", "Run `git config user.email amy@gmail.com`.\n\nSee <https://dan@gmail.com>, "
                 "https://x.com/a@b.com and <tips@example.com>.", []),
    ],
)
def test_email_in_markup(path: str, text: str, want: list[str]) -> None:
    assert [text[v.offset : v.end_offset] for v in found(text, "email", path)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Sort code: 20 00 00 — call me.", ["20 00 00"]),
        ("🎉\r\nHis sort code is 40-47-84 and account number 12345678.",
         ["40-47-84 and account number 12345678"]),
        ("The sort code field was blank; the score was 12-34-56.", []),
        ("Flight 12-34-56 left the sort code office.", []),
    ],
)
def test_sort_codes_need_their_words(text: str, want: list[str]) -> None:
    assert spans(text, "bank-account") == want
