"""The profanity, legal and safety packs: the optional slur data file, whole-word matching,
masked spellings, lowering inside quotations, and the precision traps of each rule.

No slur is written here: slur tests use a placeholder term in a tmp pack, or build their
input at run time from the shipped data file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from copydesk.core.errors import ConfigError
from copydesk.core.model import Severity, Violation
from copydesk.packs.load import load_pack
from copydesk.packs.locate import builtin_dir
from copydesk.run.engine import compile_rules
from copydesk.run.rule_tests import run_rule_tests
from copydesk.run.session import lint_text

RULES = builtin_dir()


def findings(pack: Path | str, text: str, rule: str | None = None) -> list[Violation]:
    specs = load_pack(Path(pack) if isinstance(pack, Path) else RULES / f"{pack}.yaml").rules
    if rule:
        specs = [s for s in specs if s.id == rule]
    result = lint_text("a.txt", text, compile_rules(specs))
    assert result.error is None, result.error
    return result.violations


def flagged(pack: str, text: str, rule: str) -> list[str]:
    return [text[v.offset : v.end_offset] for v in findings(pack, text, rule)]


# --- the packs' own tests ---------------------------------------------------------------


@pytest.mark.parametrize("pack", ["profanity", "legal", "safety"])
def test_pack_tests_pass_with_coverage(pack: str) -> None:
    assert run_rule_tests(pack, coverage=True, fmt="text") == 0


@pytest.mark.parametrize("pack", ["profanity", "legal", "safety"])
def test_every_rule_is_documented_and_tested(pack: str) -> None:
    for spec in load_pack(RULES / f"{pack}.yaml").rules:
        assert spec.description and spec.link.startswith("https://"), spec.id
        assert spec.category == pack
        firing = [t for t in spec.tests if t.contains or t.want]
        quiet = [t for t in spec.tests if t.want == ()]
        assert len(firing) >= 3 and len(quiet) >= 3, spec.id


# --- the optional slur file -------------------------------------------------------------


def _copy_profanity(tmp_path: Path) -> Path:
    shutil.copy(RULES / "profanity.yaml", tmp_path / "profanity.yaml")
    shutil.copytree(RULES / "data", tmp_path / "data")
    return tmp_path / "profanity.yaml"


def test_missing_slur_file_skips_only_the_slur_rule(tmp_path: Path) -> None:
    pack = _copy_profanity(tmp_path)
    assert "profanity.slur" in [s.id for s in load_pack(pack).rules]
    (tmp_path / "data" / "slurs.yaml").unlink()
    loaded = load_pack(pack)
    ids = [s.id for s in loaded.rules]
    assert "profanity.slur" not in ids
    assert ids == ["profanity.strong", "profanity.mild", "profanity.obfuscated"]
    assert loaded.warnings == []
    text = "What the fuck, slurcanary?"
    found = [text[v.offset : v.end_offset] for v in findings(pack, text)]
    assert found == ["fuck"]


def test_missing_terms_file_is_an_error_unless_optional(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nrules:\n  - id: r\n    extends: profanity\n    message: m\n"
        "    terms_file: data/none.yaml\n"
    )
    with pytest.raises(ConfigError, match="terms file not found"):
        load_pack(pack)
    pack.write_text(pack.read_text() + "    if_missing: skip\n")
    assert load_pack(pack).rules == []


def test_placeholder_term_from_a_tmp_data_file(tmp_path: Path) -> None:
    (tmp_path / "terms.yaml").write_text("terms: [zorblat]\n")
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nrules:\n  - id: r\n    extends: profanity\n    message: \"'%s'\"\n"
        "    severity: error\n    match: both\n    plurals: true\n    quote_lower: 1\n"
        "    terms_file: terms.yaml\n    if_missing: skip\n"
    )
    text = "Zorblats, z0rbl@t and zorblatish, “a zorblat,” she said."
    found = findings(pack, text)
    assert [(text[v.offset : v.end_offset], v.severity) for v in found] == [
        ("Zorblats", Severity.ERROR),
        ("z0rbl@t", Severity.ERROR),
        ("zorblat", Severity.WARNING),  # inside an attributed quotation: one level lower
    ]


def test_shipped_slur_list_fires_in_clear_and_masked() -> None:
    data = yaml.safe_load((RULES / "data" / "slurs.yaml").read_text("utf-8"))
    terms = data["terms"]
    assert 5 <= len(terms) <= 30  # short and curated
    word = max(terms, key=len)
    masked = word[0] + "*" + word[2:]
    text = f"They wrote {word.upper()} and {masked} on the wall."
    assert flagged("profanity", text, "profanity.slur") == [word.upper(), masked]


# --- profanity --------------------------------------------------------------------------


def test_whole_words_only() -> None:
    text = "Scunthorpe, the stringer, the dam, the cockpit, the assassin and the class."
    assert findings("profanity", text) == []


def test_strong_in_a_quotation_is_lowered_not_skipped() -> None:
    text = "“This is bullshit,” the coach said. This is bullshit."
    found = findings("profanity", text, "profanity.strong")
    assert [(v.offset, v.severity) for v in found] == [
        (9, Severity.WARNING),
        (44, Severity.ERROR),
    ]


def test_masked_severity_follows_the_word() -> None:
    text = "F*ck it. D*mn it. The F-16 and the A* search."
    found = findings("profanity", text, "profanity.obfuscated")
    assert [(text[v.offset : v.end_offset], v.severity) for v in found] == [
        ("F*ck", Severity.WARNING),
        ("D*mn", Severity.SUGGESTION),
    ]


def test_bloody_only_as_an_intensifier() -> None:
    text = "It was a bloody battle. It was bloody awful."
    assert flagged("profanity", text, "profanity.mild") == ["bloody"]
    assert findings("profanity", text, "profanity.mild")[0].offset == 31


# --- legal ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Mark Ellison is a fraudster.", "fraudster"),
        ("Police met the murderer John Smith.", "murderer"),
        ("Fraudster Mark Ellison left early.", "Fraudster"),
        ("Mark Ellison is a crook, though a jury acquitted him of fraud.", "crook"),
    ],
)
def test_crime_label_on_a_named_person(text: str, label: str) -> None:
    assert flagged("legal", text, "legal.crime-label") == [label]


def test_a_label_that_is_not_a_crime_asks_for_attribution_not_a_charge() -> None:
    text = "Mark Ellison is a liar, though a jury acquitted him of fraud."
    assert flagged("legal", text, "legal.crime-label") == []
    assert flagged("legal", text, "legal.wrongdoing-label") == ["liar"]


@pytest.mark.parametrize(
    "text",
    [
        "Mark Ellison was convicted of fraud; he is a fraudster.",
        "Mark Ellison pleaded guilty, the fraudster's lawyer said.",
        "Mark Ellison is the victim of a fraudster.",
        "The killer whale was filmed by Mark Ellison.",
        "Killer Mike performed.",
    ],
)
def test_crime_label_quiet(text: str) -> None:
    assert findings("legal", text, "legal.crime-label") == []


def test_presumption_fix() -> None:
    text = "Jones was arrested for murder."
    (v,) = findings("legal", text, "legal.presumption-of-guilt")
    assert v.fix is not None
    fixed = text[: v.offset] + v.fix.replacements[0].text + text[v.end_offset :]
    assert fixed == "Jones was arrested on suspicion of murder."


def test_allegedly_needs_a_source() -> None:
    assert flagged("legal", "Tom Doe allegedly took bribes.", "legal.allegedly-without-source")
    sourced = "Tom Doe allegedly took bribes, a lawsuit filed on Monday says."
    assert findings("legal", sourced, "legal.allegedly-without-source") == []


# --- safety -----------------------------------------------------------------------------


def test_reported_threat_is_lowered_one_level() -> None:
    text = "“I will kill you,” Tom Doe told her. I will kill you."
    found = findings("safety", text, "safety.threat")
    assert [(v.offset, v.severity) for v in found] == [
        (1, Severity.WARNING),
        (37, Severity.ERROR),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Someone should shoot the judge.", ["Someone should shoot"]),
        ("Migrants deserve to die.", ["deserve to die"]),
        ("Nobody deserves to die.", []),
        ("Should he be shot? The film should be shot in Iceland.", []),
    ],
)
def test_incitement(text: str, expected: list[str]) -> None:
    assert flagged("safety", text, "safety.incitement") == expected


def test_dehumanising_reported_speech_is_lowered() -> None:
    text = "The councillor said that migrants are vermin."
    (v,) = findings("safety", text, "safety.dehumanizing-group")
    assert v.severity == Severity.WARNING
    (w,) = findings("safety", "Migrants are vermin.", "safety.dehumanizing-group")
    assert w.severity == Severity.ERROR


def test_graphic_is_document_level_and_reports_once() -> None:
    body = "Villagers found dismembered bodies.\n\nOthers had severed limbs and gouged eyes.\n"
    found = findings("safety", body, "safety.graphic-no-warning")
    assert len(found) == 1 and found[0].offset == body.index("dismembered")
    assert "3 graphic details" in found[0].message
    warned = "Content warning: graphic details.\n\n" + body
    assert findings("safety", warned, "safety.graphic-no-warning") == []


def test_suicide_method_one_finding_per_sentence() -> None:
    text = "He killed himself with a gun and pills. Suicide rates rose, the ONS said."
    assert flagged("safety", text, "safety.suicide-method") == ["gun"]
