"""The fast paths of the analysis layer give the same answers as the plain computation."""

from __future__ import annotations

import pytest

from lint.analysis.figures import FIGURE, figure_anchors, find_figures
from lint.context import Context
from lint.document import build_document
from lint.kinds.legal_base import sentence_people

FIGURE_TEXTS = [
    "About 40 people died and ABOUT 2,000 were hurt.",
    "Twenty-one hundred troops, a dozen tanks and two-thirds of the fleet.",
    "ſome 40 people and İstanbul's 3 million residents; prices doubled.",
    "The K index rose by between 5 and 10 per cent, $4bn in all.",
    "He counted ten",  # a number word at the very end of the text
]


@pytest.mark.parametrize("text", FIGURE_TEXTS)
def test_anchors_cover_every_figure_start(text: str) -> None:
    anchors = set(figure_anchors(text))
    starts = [m.start() for m in FIGURE.finditer(text)]
    assert starts and set(starts) <= anchors


def test_sentence_anchors_when_a_word_runs_past_the_sentence() -> None:
    text = "Some said ten" + "nis"  # a window that ends inside "tennis"
    end = len("Some said ten")
    with_doc = find_figures(text, 0, end, figure_anchors(text))
    assert [(f.start, f.end) for f in with_doc] == [(10, 13)]
    assert with_doc == find_figures(text, 0, end)


def _ctx(text: str) -> Context:
    return Context(build_document("t.txt", text), None)  # type: ignore[arg-type]


def test_surname_memory_reaches_a_wanted_sentence_past_unread_ones() -> None:
    text = (
        "Mark Ellison spoke on Monday. The weather was fine. Nothing else happened.\n\n"
        "Later, Ellison was called a fraudster."
    )
    ctx = _ctx(text)
    last = len(ctx.editorial.sentences) - 1
    alone = sentence_people(ctx, [last])
    everything = sentence_people(ctx, range(last + 1))
    assert [text[a:b] for a, b in alone[last]] == ["Ellison"]
    assert alone[last] == everything[last]
    assert [text[a:b] for a, b in everything[0]] == ["Mark Ellison"]


def test_no_wanted_sentences_reads_nothing() -> None:
    assert sentence_people(_ctx("Jane Roe is here."), []) == {}
