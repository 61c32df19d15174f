"""A court record is read turn by turn (issue 14: transcripts are speech): each turn is one
paragraph over its numbered lines and page breaks, and the line numbers are not prose."""

from __future__ import annotations

from copydesk.run.engine import compile_rules
from copydesk.run.session import Settings, lint_text, select_specs
from copydesk.text.readers.parts.text_court import court_layout
from copydesk.text.readers.text import read_text

RECORD = """\
                                                              41
 1            THE COURT: Be seated. Mr. Ibarra, you may call your
 2  first witness.
 3            MR. IBARRA: Thank you, Your Honor.
 4       DIRECT EXAMINATION
 5  BY MR. IBARRA:
 6       Q.   Where were you working in the winter of 2019? Who was
 7  your foreman?
 8       A.   At the Kessler yard. My foreman was Luis Ocampo.
 9       Q.   Did you see the crane that
10  morning?
11       A.   Yes. You could see it from the gate.
12            (Exhibit 4 marked.)
13       Q.   Do you recognise it?
14       A.   I do.

                                                              42
 1       Q.   Would you read the line
 2  that is highlighted to the jury?
 3       A.   It says the crane was inspected.
"""


def regions(text: str) -> list[tuple[str, str]]:
    view, found = read_text(text)
    return [(r.kind, " ".join(view.text[r.start : r.end].split())) for r in found]


def test_each_turn_is_a_paragraph_over_its_lines_and_page_breaks() -> None:
    found = regions(RECORD)
    assert ("paragraph", "Q. Where were you working in the winter of 2019? Who was your foreman?"
            ) in found
    assert ("paragraph", "Q. Did you see the crane that morning?") in found
    # a question broken by the page number goes on on the next page
    assert ("paragraph", "Q. Would you read the line that is highlighted to the jury?") in found
    # the examination heading and the parenthetical are paragraphs of their own
    assert ("heading", "DIRECT EXAMINATION") in found
    assert ("paragraph", "(Exhibit 4 marked.)") in found
    # no line or page number is left in the prose
    assert not any(text[:1].isdigit() or " 42" in text for _, text in found)


def test_the_view_keeps_every_position() -> None:
    view, _ = read_text(RECORD)
    assert len(view.text) == len(RECORD)
    assert all(v == s or v == " " for v, s in zip(view.text, RECORD, strict=True))


def test_numbered_lines_without_questions_are_no_record() -> None:
    listing = "\n".join(f"{n}  people came to the meeting, John Q. Public said." for n in range(12))
    assert court_layout(listing) is None
    # a record needs most of its lines numbered
    assert court_layout(RECORD + "A line of prose that runs on.\n" * 40) is None
    assert court_layout(RECORD) is not None


def test_questions_and_address_in_a_record_are_the_speakers() -> None:
    specs, severity = select_specs(Settings())
    rules = compile_rules(specs, severity)
    found = {v.rule for v in lint_text("record.txt", RECORD, rules).violations}
    assert not {"style.second-person", "style.rhetorical-question"} & found, found
    # the same questions as the writer's own prose are queried
    prose = "Where were you working in the winter of 2019? Who was your foreman at the yard?\n"
    found = {v.rule for v in lint_text("story.txt", prose, rules).violations}
    assert {"style.second-person", "style.rhetorical-question"} <= found
