"""A court record's turns run over its numbered lines (issue 14: transcripts are speech)."""

from __future__ import annotations

from lint.analysis.court_record import record_turns
from lint.engine import compile_rules
from lint.runner import Settings, lint_text, select_specs

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


def test_each_turn_runs_over_its_numbered_lines_and_page_breaks() -> None:
    turns = [" ".join(RECORD[s:e].split()) for s, e in record_turns(RECORD)]
    assert "Where were you working in the winter of 2019? Who was 7 your foreman?" in turns
    assert "Did you see the crane that 10 morning?" in turns
    # a question broken by the page number goes on on the next page
    assert "Would you read the line 2 that is highlighted to the jury?" in turns
    # the examination heading and the parenthetical are nobody's words
    assert not any("DIRECT EXAMINATION" in t or "Exhibit 4" in t for t in turns)


def test_plain_prose_with_numbers_is_no_record() -> None:
    prose = "\n".join(f"{n} people came to the {n}th meeting, Q. Roe said." for n in range(12))
    assert record_turns(prose) == []


def test_questions_and_address_in_a_record_are_the_speakers() -> None:
    specs, severity = select_specs(Settings())
    rules = compile_rules(specs, severity)
    found = {v.rule for v in lint_text("record.txt", RECORD, rules).violations}
    assert not {"style.second-person", "style.rhetorical-question"} & found, found
    # the same questions as the writer's own prose are queried
    prose = "Where were you working in the winter of 2019? Who was your foreman at the yard?\n"
    found = {v.rule for v in lint_text("story.txt", prose, rules).violations}
    assert {"style.second-person", "style.rhetorical-question"} <= found
