"""The measuring kinds: ``metric`` (a formula and a condition) and ``readability`` (a grade).

The sample text is "Bananas are yellow. Monkeys eat bananas daily.": 7 words, 2 sentences,
38 letters, 14 syllables (Bananas 3, are 1, yellow 2, Monkeys 2, eat 1, bananas 3, daily 2),
3 long words (over six letters: Bananas, Monkeys, bananas), 2 polysyllabic words and 2 complex
words (the bananas). tests/analysis/test_text_stats.py checks these counts.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from copydesk.core.errors import ConfigError
from copydesk.kinds.base.formula import FormulaError, parse
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

SAMPLE = "Bananas are yellow. Monkeys eat bananas daily.\n"


def pack(tmp_path: Path, rule: str) -> Path:
    path = tmp_path / "k.yaml"
    body = "".join(f"    {line}\n" for line in rule.strip().splitlines())
    path.write_text(f"pack: k\ndescription: d\nrules:\n  - id: r\n{body}", encoding="utf-8")
    return path


def run(tmp_path: Path, rule: str, text: str, path: str = "a.md") -> list[tuple[int, str]]:
    """(source offset, message) of one rule's findings on ``text``."""
    result = lint_text(path, text, compile_rules(load_pack(pack(tmp_path, rule)).rules))
    assert result.error is None, result.error
    return [(v.offset, v.message) for v in result.violations]


def load_error(tmp_path: Path, rule: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_pack(pack(tmp_path, rule))
    return str(info.value)


def metric(formula: str, condition: str, extra: str = "") -> str:
    return (
        f"extends: metric\nmessage: 'Value %s.'\nformula: '{formula}'\n"
        f"condition: '{condition}'\n{extra}"
    )


# --- metric ------------------------------------------------------------------------------


def test_metric_fires_when_the_condition_holds(tmp_path: Path) -> None:
    # words / sentences = 7 / 2 = 3.5
    assert run(tmp_path, metric("words / sentences", "> 3"), SAMPLE) == [(0, "Value 3.50.")]
    assert run(tmp_path, metric("words / sentences", ">= 3.5"), SAMPLE) == [(0, "Value 3.50.")]


def test_metric_is_silent_when_the_condition_fails(tmp_path: Path) -> None:
    assert run(tmp_path, metric("words / sentences", "> 4"), SAMPLE) == []
    assert run(tmp_path, metric("words / sentences", "< 3.5"), SAMPLE) == []


def test_metric_lix_formula(tmp_path: Path) -> None:
    # LIX = words/sentences + long_words*100/words = 3.5 + 300/7 = 46.357…
    rule = metric("(words / sentences) + ((long_words * 100) / words)", "> 35")
    assert run(tmp_path, rule, SAMPLE) == [(0, "Value 46.36.")]


def test_metric_math_functions(tmp_path: Path) -> None:
    # sqrt(polysyllabic_words * 30 / sentences) = sqrt(30) = 5.477…; pow(2, 3) = 8
    rule = metric("math.sqrt((polysyllabic_words * 30.0) / sentences)", "> 5")
    assert run(tmp_path, rule, SAMPLE) == [(0, "Value 5.48.")]
    rule = metric("math.pow(sentences, 3) + max(words, 1) - abs(-1)", "== 14")
    assert run(tmp_path, rule, SAMPLE) == [(0, "Value 14.00.")]


def test_metric_reads_heading_counts_in_vale_spelling(tmp_path: Path) -> None:
    text = "# Title\n\n## One\n\nSome words here.\n\n## Two\n\n- an item\n"
    rule = metric("heading.h2 + list", "> 2")  # 2 second-level headings, 1 list item
    assert run(tmp_path, rule, text) == [(0, "Value 3.00.")]
    assert run(tmp_path, metric("heading.h6", "> 0"), text) == []  # absent: 0


def test_metric_is_silent_without_words(tmp_path: Path) -> None:
    text = "---\ntitle: draft\n---\n# Only a heading\n\n```\ncode words\n```\n"
    assert run(tmp_path, metric("heading_h1", "> 0"), text) == []


def test_metric_alert_is_at_the_start_despite_front_matter(tmp_path: Path) -> None:
    text = "---\ntitle: draft\n---\n# Title\n\nSome words here.\n"
    assert run(tmp_path, metric("heading_h1", "> 0"), text) == [(0, "Value 1.00.")]


def test_metric_with_a_scope_measures_each_block(tmp_path: Path) -> None:
    text = "Short one.\n\nThis paragraph has five words.\n"
    rule = metric("words", "> 3", "scope: paragraph")
    assert run(tmp_path, rule, text) == [(text.index("This"), "Value 5.00.")]


def test_metric_condition_may_name_a_variable(tmp_path: Path) -> None:
    # long_words (3) > sentences (2)
    assert run(tmp_path, metric("long_words", "> sentences"), SAMPLE) == [(0, "Value 3.00.")]


@pytest.mark.parametrize(
    ("rule", "key", "fragment"),
    [
        (metric("words / (sentences", "> 1"), "formula", "is not a formula"),
        (metric("words / paragraphz", "> 1"), "formula", "unknown variable 'paragraphz'"),
        (metric("words", "greater than 8"), "condition", "is not a condition"),
        (metric("words", "> eight"), "condition", "unknown variable 'eight'"),
        ("extends: metric\nmessage: m\ncondition: '> 1'", "formula", "needs a 'formula'"),
        ("extends: metric\nmessage: m\nformula: words", "condition", "needs a 'condition'"),
    ],
)
def test_metric_bad_values_are_errors_naming_the_key(
    tmp_path: Path, rule: str, key: str, fragment: str
) -> None:
    message = load_error(tmp_path, rule)
    assert fragment in message
    assert f"bad {key}" in message or f"'{key}'" in message


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os')",
        "__import__('os').system('true')",
        "words.__class__",
        "math.os",
        "open('/etc/passwd')",
        "(lambda: 1)()",
        "[words]",
        "words if words else 1",
        "'text'",
        "words and sentences",
        "math.sqrt(x=words)",
    ],
)
def test_hostile_formulas_are_refused(formula: str) -> None:
    with pytest.raises(FormulaError):
        parse(formula, {"words", "sentences"})


def test_hostile_formula_through_a_pack_is_a_load_error(tmp_path: Path) -> None:
    rule = 'extends: metric\nmessage: m\nformula: "__import__(\'os\').getcwd()"\ncondition: "> 0"'
    assert "bad formula" in load_error(tmp_path, rule)


def test_huge_exponents_are_bounded() -> None:
    assert parse("10 ** 10 ** 10", ()).value({}) == math.inf
    assert parse("math.pow(words, 99999)", {"words"}).value({"words": 7.0}) == math.inf
    assert math.isnan(parse("0 / 0", ()).value({}))
    with pytest.raises(FormulaError):
        parse("1" + "0" * 400, ())  # an integer no float holds
    with pytest.raises(FormulaError):
        parse("+".join(["1"] * 300), ())  # too many parts
    with pytest.raises(FormulaError):
        parse("(" * 300 + "1" + ")" * 300, ())


def test_an_infinite_value_is_not_reported(tmp_path: Path) -> None:
    assert run(tmp_path, metric("words / 0", "> 1"), SAMPLE) == []


# --- readability --------------------------------------------------------------------------


def readability(metrics: str, grade: float) -> str:
    return f"extends: readability\nmessage: 'Grade %s.'\nmetrics: [{metrics}]\ngrade: {grade}"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        # 0.39 * 7/2 + 11.8 * 14/7 - 15.59 = 1.365 + 23.6 - 15.59 = 9.375
        ("Flesch-Kincaid", "9.38"),
        # 0.4 * (7/2 + 100 * 2/7) = 0.4 * 32.0714 = 12.8286
        ("Gunning Fog", "12.83"),
        # 0.0588 * 38/7 * 100 - 0.296 * 2/7 * 100 - 15.8 = 31.92 - 8.4571 - 15.8 = 7.6629
        ("Coleman-Liau", "7.66"),
        # 1.0430 * sqrt(2 * 30 / 2) + 3.1291 = 1.043 * 5.4772 + 3.1291 = 8.8418
        ("SMOG", "8.84"),
        # 4.71 * 38/7 + 0.5 * 7/2 - 21.43 = 25.5686 + 1.75 - 21.43 = 5.8886
        ("Automated Readability", "5.89"),
    ],
)
def test_readability_each_metric(tmp_path: Path, name: str, value: str) -> None:
    assert run(tmp_path, readability(f"'{name}'", 1), SAMPLE) == [(0, f"Grade {value}.")]
    assert run(tmp_path, readability(f"'{name}'", float(value) + 0.01), SAMPLE) == []


def test_readability_grade_is_the_mean_of_the_metrics(tmp_path: Path) -> None:
    # (9.375 + 8.8418) / 2 = 9.1084
    rule = readability("Flesch-Kincaid, SMOG", 9)
    assert run(tmp_path, rule, SAMPLE) == [(0, "Grade 9.11.")]
    assert run(tmp_path, readability("Flesch-Kincaid, SMOG", 9.2), SAMPLE) == []


def test_readability_takes_one_metric_without_a_list(tmp_path: Path) -> None:
    rule = "extends: readability\nmessage: 'Grade %s.'\nmetrics: SMOG\ngrade: 8"
    assert run(tmp_path, rule, SAMPLE) == [(0, "Grade 8.84.")]


def test_readability_is_silent_without_words(tmp_path: Path) -> None:
    assert run(tmp_path, readability("SMOG", 0), "# Heading only\n\n```\nx = 1\n```\n") == []


def test_readability_measures_the_document_whatever_the_scope(tmp_path: Path) -> None:
    rule = readability("'Flesch-Kincaid'", 1) + "\nscope: heading"
    assert run(tmp_path, rule, SAMPLE) == [(0, "Grade 9.38.")]


@pytest.mark.parametrize(
    ("rule", "fragment"),
    [
        (readability("'Flesch Kincaid'", 8), "unknown metric 'Flesch Kincaid'"),
        (readability("", 8), "needs 'metrics'"),
        ("extends: readability\nmessage: m\nmetrics: [SMOG]", "needs a 'grade'"),
        ("extends: readability\nmessage: m\nmetrics: [SMOG]\ngrade: high", "must be a number"),
    ],
)
def test_readability_bad_values_are_errors(tmp_path: Path, rule: str, fragment: str) -> None:
    assert fragment in load_error(tmp_path, rule)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("a.txt", SAMPLE),
        ("a.html", "<h1>Fruit</h1><p>Bananas are yellow. Monkeys eat bananas daily.</p>"),
    ],
)
def test_metric_reads_plain_text_and_html(tmp_path: Path, path: str, text: str) -> None:
    # the same two sentences of prose, whatever the format; the HTML heading is not counted
    assert run(tmp_path, metric("words / sentences", "> 3"), text, path) == [(0, "Value 3.50.")]
