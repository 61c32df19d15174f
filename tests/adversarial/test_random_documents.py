"""Property: no random Markdown, HTML or plain-text document breaks copydesk (issue 15).

The documents come from ``random_docs`` (misnested and unclosed tags, entities, every line
ending, NBSP, zero-width and bidi marks, transcripts, court records, tables …), driven by
Hypothesis's ``randoms()`` so that a failure shrinks. Linted with every built-in rule, each
must give a FileResult with no error, every span inside the text, and every finding's line and
column leading back to its offset without counting a line end as part of its line (``fuzz.py``
runs the same checks over thousands of seeded documents).
"""

from __future__ import annotations

import random

import pytest
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.run.session import Settings, lint_text, select_specs
from fuzz import problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from random_docs import GENERATORS

_RULES: list[RuleSet] = []


def every_rule() -> RuleSet:
    # compiled once for the module; a fixture would be rebuilt for each Hypothesis example
    if not _RULES:
        specs, severity = select_specs(Settings())
        _RULES.append(compile_rules(specs, severity))
    return _RULES[0]


@pytest.mark.parametrize("fmt", sorted(GENERATORS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_random_document_lints_cleanly(fmt: str, rng: random.Random) -> None:
    name, make = GENERATORS[fmt]
    text = make(rng)
    result = lint_text(name, text, every_rule())
    assert problems(text, result) == [], repr(text)
