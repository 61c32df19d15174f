"""Plain-text layouts: paragraphs, headings, tables and furniture (readers/parts/text_layout.py).

Unit tests read small stories written in the forms real copy takes (wire takes with slugs,
indents, hard wraps and end markers; CMS pastes one paragraph per line; blank-line files,
wrapped or not; mixed files). The property tests render one story in four layouts and ask the
whole default rule set for the same findings, at the moved positions, in every layout.
"""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_right
from collections import Counter
from functools import cache

import pytest
from copydesk.analysis.editorial import Editorial
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.run.session import Settings, lint_text, select_specs
from copydesk.text.document import build_document
from copydesk.text.readers.parts.text_furniture import (
    dateline_end,
    is_byline,
    is_end_marker,
    is_slug,
    is_table_row,
)
from copydesk.text.readers.text import detect_regions, read_text
from copydesk.text.regions import Region
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def spans(text: str, kind: str = "paragraph") -> list[str]:
    _, regions = read_text(text)
    return [text[r.start : r.end] for r in regions if r.kind == kind]


def view(text: str) -> str:
    prose, _ = read_text(text)
    assert len(prose.text) == len(text) and prose.is_identity
    return prose.text


def assert_blanked(text: str, *pieces: str) -> None:
    """Each piece is blanked in the view (same length, line breaks kept); the rest is kept."""
    shown = view(text)
    for piece in pieces:
        at = text.index(piece)
        assert shown[at : at + len(piece)] == re.sub(r"[^\r\n]", " ", piece), piece
    for i, (a, b) in enumerate(zip(text, shown, strict=True)):
        assert b == a or b == " ", (i, a, b)


# -- wire copy: slug, headline, byline, 5-space indents, ~65-column wraps, table, end marks

WIRE = """\
BC-Port-Strike 2ndLd-Writethru 03-04 0512
Dockers Vote To Extend Strike At Lisbon
By Jane Roe
     LISBON, March 4 (Reuters) - Dock workers at Lisbon voted on
Wednesday to extend a nine-day strike into next week, rejecting a
government offer.
     "We will not go back on those terms, and the minister knows
why," Helena Duarte, secretary-general of the dockers' union, said
after the count.
     Port operator Lisgrua said first-quarter results would suffer:
     Shr            42 cts    vs        38 cts
     Net          12.1 mln    vs      10.8 mln
     Revs        214.3 mln    vs     198.6 mln
     The union has called a further meeting for Sunday morning.
(Reporting by Ana Ruiz; Editing by Tom Hale)
more
-0-
"""


def test_wire_paragraphs_start_at_indents() -> None:
    assert spans(WIRE) == [
        "LISBON, March 4 (Reuters) - Dock workers at Lisbon voted on\nWednesday to extend a "
        "nine-day strike into next week, rejecting a\ngovernment offer.",
        '"We will not go back on those terms, and the minister knows\nwhy," Helena Duarte, '
        "secretary-general of the dockers' union, said\nafter the count.",
        "Port operator Lisgrua said first-quarter results would suffer:",
        "The union has called a further meeting for Sunday morning.",
    ]
    assert spans(WIRE, "heading") == ["Dockers Vote To Extend Strike At Lisbon"]
    assert spans(WIRE, "table") == [
        "Shr            42 cts    vs        38 cts\n     Net          12.1 mln    vs      10.8 "
        "mln\n     Revs        214.3 mln    vs     198.6 mln"
    ]


def test_wire_furniture_is_blanked_and_the_view_keeps_its_length() -> None:
    assert_blanked(
        WIRE,
        "BC-Port-Strike 2ndLd-Writethru 03-04 0512",
        "By Jane Roe",
        "LISBON, March 4 (Reuters) -",
        "Shr            42 cts    vs        38 cts",
        "(Reporting by Ana Ruiz; Editing by Tom Hale)",
        "more",
        "-0-",
    )
    shown = view(WIRE)
    assert "Dock workers at Lisbon voted on" in shown  # the prose after the dateline stays
    assert "Dockers Vote To Extend Strike At Lisbon" in shown  # a headline is a heading: prose


def test_a_quotation_wrapped_over_two_lines_is_paired_and_attributed() -> None:
    ed = Editorial(build_document("s.txt", WIRE))
    assert ed.unmatched_marks == []
    [quote] = ed.quotes
    assert WIRE[quote.start : quote.end].startswith('"We will not go back')
    assert quote.attributed and "Duarte" in quote.speaker


@cache
def default_rules() -> RuleSet:
    specs, severity = select_specs(Settings())
    return compile_rules(specs, severity)


def findings(text: str) -> list[tuple[str, str]]:
    result = lint_text("story.txt", text, default_rules(), "text")
    return [(v.rule, text[v.offset : v.end_offset]) for v in result.violations]


def test_wire_story_has_no_unbalanced_quotation_and_no_agency_as_source() -> None:
    found = findings(WIRE)
    assert not [f for f in found if f[0] == "attribution.unbalanced-quotes"]
    assert not [f for f in found if "Reuters" in f[1] or "Jane Roe" in f[1]]


def test_tab_indented_wire_with_a_reuter_end() -> None:
    text = (
        "BC-DENMARK-FISH 11-02 0312\n"
        "DENMARK REJECTS EC HERRING QUOTA CUT\n"
        "\tCOPENHAGEN, Nov 2 (Reuter) - Denmark's fisheries ministry on\n"
        "Thursday rejected a European Community proposal to cut herring\n"
        "catches by 35 pct next year.\n"
        "\tFisheries Minister Henning Kjaer-Lassen, speaking to\n"
        "reporters outside parliament, called the figure arbitrary.\n"
        "REUTER\n"
    )
    assert spans(text) == [
        "COPENHAGEN, Nov 2 (Reuter) - Denmark's fisheries ministry on\nThursday rejected a "
        "European Community proposal to cut herring\ncatches by 35 pct next year.",
        # heading-like, but the first line of an indented paragraph: not a heading
        "Fisheries Minister Henning Kjaer-Lassen, speaking to\nreporters outside parliament, "
        "called the figure arbitrary.",
    ]
    assert spans(text, "heading") == ["DENMARK REJECTS EC HERRING QUOTA CUT"]
    assert_blanked(text, "BC-DENMARK-FISH 11-02 0312", "COPENHAGEN, Nov 2 (Reuter) -", "REUTER")


def test_ap_head_with_credit_line_and_transmission_slugs() -> None:
    text = (
        "AP-NR-09-14-88 0958EDT\n"
        "r a PM-Storm-Carolinas 2ndLd-Writethru a0612 09-14 0598\n"
        "Hurricane Floods Carolina Coast\n"
        "By JANE ROE, Associated Press Writer\n"
        "    WILMINGTON, N.C. (AP) -- Hurricane Delia pushed a surge of\n"
        "seawater across the barrier islands early Wednesday.\n"
        "    The Red Cross said it had opened 46 shelters in the two\n"
        "states.\n"
        "AP-NR-09-14-88 1017EDT\n"
    )
    assert spans(text) == [
        "WILMINGTON, N.C. (AP) -- Hurricane Delia pushed a surge of\nseawater across the "
        "barrier islands early Wednesday.",
        "The Red Cross said it had opened 46 shelters in the two\nstates.",
    ]
    assert_blanked(
        text,
        "AP-NR-09-14-88 0958EDT",
        "r a PM-Storm-Carolinas 2ndLd-Writethru a0612 09-14 0598",
        "By JANE ROE, Associated Press Writer",
        "WILMINGTON, N.C. (AP) --",
        "AP-NR-09-14-88 1017EDT",
    )


def test_byline_agency_line_and_dateline_on_their_own_lines() -> None:
    text = (
        "AM-Budget,0390\n"
        "Rescuers Reach Six Trapped Miners\n"
        "By GLENN TATE\n"
        "Associated Press Writer\n"
        "BECKLEY, W.Va. (AP)\n"
        "Rescue crews broke through a wall of fallen rock early Tuesday and\n"
        "found all six coal miners alive.\n"
        "END\n"
    )
    assert spans(text) == [
        "Rescue crews broke through a wall of fallen rock early Tuesday and\n"
        "found all six coal miners alive."
    ]
    assert_blanked(
        text, "AM-Budget,0390", "By GLENN TATE", "Associated Press Writer", "BECKLEY, W.Va. (AP)"
    )
    assert_blanked(text, "END")


# -- one paragraph per line (a CMS paste)

CMS = (
    "Port Ellery council passes budget after late-night fight over police overtime\n"
    "By Rafael Donnelly | Staff writer\n"
    "PORT ELLERY — The City Council approved a $2.1 billion operating budget early Thursday "
    "after a nine-hour meeting that turned on police overtime and library hours.\n"
    "The vote was 7-4. Mayor Joanne Whitlock, who proposed the budget in April, is expected to "
    "sign it on Friday, her office said.\n"
    "Her amendment failed, 3-8.\n"
    "“Every year we are told overtime will come down, and every year it goes up,” "
    "Councilwoman Beatriz Fonseca-Hale said during the debate on the police budget.\n"
)


def test_cms_paste_is_one_paragraph_per_line() -> None:
    lines = CMS.splitlines()
    assert spans(CMS) == lines[2:]
    assert spans(CMS, "heading") == [lines[0]]
    assert_blanked(CMS, "By Rafael Donnelly | Staff writer", "PORT ELLERY —")


def test_short_lines_without_blank_lines_are_not_one_paragraph_per_line() -> None:
    # hard-wrapped at ~64 with no blank lines and no indents: a line ending a sentence ends
    # its paragraph only where the next word would have fitted on it
    text = (
        "LONDON, Nov 14 (Reuter) - British Rail will raise fares on London\n"
        "commuter routes by an average of 9.5 pct in January, the\n"
        "state-owned railway said on Wednesday. It is the biggest rise in\n"
        "six years.\n"
        "Passenger groups reacted angrily. \"Fares go up every January and\n"
        'the trains get no better," said Margaret Oyelowo-Penn, chairwoman\n'
        "of the London Regional Passengers Committee.\n"
        "In the House of Commons, the opposition Labour Party's transport\n"
        'spokesman asked: "Why should a nurse in Sevenoaks pay for this?"\n'
    )
    assert [s.split("\n")[0][:30] for s in spans(text)] == [
        "LONDON, Nov 14 (Reuter) - Brit",
        "Passenger groups reacted angri",
        "In the House of Commons, the o",
    ]
    ed = Editorial(build_document("s.txt", text))
    assert ed.unmatched_marks == []
    assert ed.quotes[0].speaker.endswith("Oyelowo-Penn")


def test_a_full_line_ending_a_sentence_does_not_end_the_paragraph() -> None:
    text = (
        "The ministry said in a statement that the vote would be held on.\n"
        "Monday. The union said it expected to win the vote by a wide margin.\n"
        "Talks resume on Tuesday.\n"
        "Shipping agents said at least six container lines had told their\n"
        "customers they would divert cargo to Spanish ports from Friday.\n"
    )
    assert len(spans(text)) == 2  # "on." is full (the next word would not fit): runs on


def test_a_colon_ending_an_introduction_ends_its_paragraph_in_wrapped_copy() -> None:
    text = (
        "Junior transport minister Robert Ashdown-Smythe replied that the\n"
        "fares were a matter for the railway's board. He said:\n"
        '"The honourable gentleman knows perfectly well that ministers do\n'
        'not set fares and have not done so since 1968."\n'
    )
    assert len(spans(text)) == 2


def test_labelled_lines_are_paragraphs_of_their_own() -> None:
    text = "The minister wrote on Friday:\nKicker: “We will not be moved on this.”\n"
    assert spans(text) == text.splitlines()


# -- blank lines between paragraphs

BLANK = """\
Port Strike Enters Second Week

Dock workers at Lisbon and Setubal voted on Wednesday to extend
a nine-day strike into next week. The Port of Lisbon Authority
And The Union Of Dockers Representing Workers Met On
Tuesday. No agreement was reached.

“We will not go back on those terms,” said Helena Duarte, the
union’s secretary-general. “The minister knows why.”
"""


def test_blank_line_stretches_are_paragraphs_even_when_wrapped() -> None:
    stretches = BLANK.split("\n\n")
    assert spans(BLANK) == [stretches[1], stretches[2].rstrip("\n")]
    # a capitalised line inside a wrapped paragraph is not a heading
    assert spans(BLANK, "heading") == ["Port Strike Enters Second Week"]


def test_blank_line_file_without_wraps_keeps_a_stretch_together() -> None:
    text = "Intro line one.\nIntro line two.\n\nSecond paragraph here.\n"
    assert spans(text) == ["Intro line one.\nIntro line two.", "Second paragraph here."]


def test_stretch_of_long_lines_in_a_blank_line_file_is_one_paragraph_per_line() -> None:
    long_a = "Dock workers at Lisbon voted on Wednesday to extend a nine-day strike, " * 2 + "end."
    long_b = "The port authority said some 40 cargo ships were waiting at anchor, " * 2 + "end."
    text = f"Headline Over The Story\n\nFirst paragraph.\n\n{long_a}\n{long_b}\n"
    assert spans(text) == ["First paragraph.", long_a, long_b]


def test_indented_paragraph_starts_in_a_blank_line_stretch() -> None:
    text = (
        "Header paragraph.\n\n"
        "  The first paragraph of the body, which wraps onto\n"
        "a second line.\n"
        "  The second paragraph of the body.\n"
    )
    assert spans(text) == [
        "Header paragraph.",
        "The first paragraph of the body, which wraps onto\na second line.",
        "The second paragraph of the body.",
    ]


def test_every_line_indented_alike_is_no_indent_signal() -> None:
    text = (
        "    The vote was taken by show of hands at a meeting of about\n"
        "    2,000 members of the dockers' union in a warehouse at the\n"
        "    Alcantara terminal.\n"
    )
    assert len(spans(text)) == 1


def test_headings_stand_where_a_paragraph_could_start() -> None:
    text = "The vote failed.\nWhat Happens Next\nTurnout was low and nobody came.\n"
    assert spans(text, "heading") == ["What Happens Next"]
    assert spans(text) == ["The vote failed.", "Turnout was low and nobody came."]


# -- mixed files

def test_mixed_file_blank_line_head_and_indented_wire_body() -> None:
    text = (
        "Council Backs Waterfront Ballpark\n\n"
        "By MARGARET O'NEILL, Associated Press Writer\n\n"
        "     PROVIDENCE, R.I. (AP) -- The City Council voted 9-6 early\n"
        "Thursday to lend 42 million dollars toward a stadium.\n"
        "     Opponents said they would try to force a referendum.\n"
        "     ``They can have their ballpark,'' said Manuel Furtado, 74.\n"
        "\n"
        "A neighborhood group said it had collected 4,000 signatures.\n"
        "\n"
        "-30-\n"
    )
    assert spans(text) == [
        "PROVIDENCE, R.I. (AP) -- The City Council voted 9-6 early\nThursday to lend 42 "
        "million dollars toward a stadium.",
        "Opponents said they would try to force a referendum.",
        "``They can have their ballpark,'' said Manuel Furtado, 74.",
        "A neighborhood group said it had collected 4,000 signatures.",
    ]
    assert spans(text, "heading") == ["Council Backs Waterfront Ballpark"]
    assert_blanked(text, "By MARGARET O'NEILL, Associated Press Writer", "-30-")


# -- furniture, one kind at a time

def test_slugs() -> None:
    for slug in (
        "BC-Port-Strike 2ndLd-Writethru 03-04 0512",
        "AM-Budget,0390",
        "BC-Stadium Vote,0480",
        "a0347  11-07 0361",
        "UPI 11-07-85 05:42 AES",
        "PORTUGAL-STRIKE/",
    ):
        assert is_slug(slug), slug
    for line in ("US-China Talks Resume", "US-China talks resumed on Monday.", "x = 1", "0"):
        assert not is_slug(line), line


def test_bylines() -> None:
    for line in (
        "By Jane Roe",
        "By JANE ROE, Associated Press Writer",
        "By Harriet Quon and Malik Ferreira",
        "By Rafael Donnelly | Staff writer",
        "By Élodie Vuilleumier",
    ):
        assert is_byline(line), line
    for line in ("By Tuesday, the union had agreed.", "By Tuesday, the union had agreed to talk"):
        assert not is_byline(line), line


def test_end_markers() -> None:
    for mark in ("-0-", "(END)", "###", "-30-", "-- 30 --"):
        assert is_end_marker(mark, in_tail=False), mark
    for word in ("more", "MORE", "END", "Reuter", "AP"):
        assert is_end_marker(word, in_tail=True) and not is_end_marker(word, in_tail=False)


def test_end_words_only_at_the_end_of_a_stretch() -> None:
    text = "The talks went on and on and the union wanted\nmore\nmoney for its members.\n"
    assert view(text) == text


def test_tables_of_figures() -> None:
    for row in (
        "Shr 31 cts vs 28 cts",
        "Net 4,821,000 vs 4,293,000",
        "Revs        214.3 mln    vs     198.6 mln",
        "WHEAT  MAY   2.91-3/4     UP 5-1/2",
        "Net income      12.1      10.8",
    ):
        assert is_table_row(row), row
    for line in (
        "It earned 4.1 mln dlrs, or 31 cts a share, vs 3.2 mln dlrs.",
        "The company said net income rose 12 pct in the quarter to 12.1 mln",
    ):
        assert not is_table_row(line), line


def test_table_between_paragraphs_with_caption_and_note() -> None:
    text = (
        "Meridian Foods said its net profit rose 12 pct.\n"
        "Qtr ended Jan 31\n"
        "Shr 42 cts vs 38 cts\n"
        "Net 12.1 mln vs 10.8 mln\n"
        "Year\n"
        "Shr 1.61 dlrs vs 1.44 dlrs\n"
        "NOTE: Year net includes a gain of 3.2 mln dlrs, or 11 cts a\n"
        "share, from the sale of a flour mill.\n"
        "Meridian shares fell 1-1/8 to 31-3/4.\n"
    )
    assert spans(text) == [
        "Meridian Foods said its net profit rose 12 pct.",
        "Meridian shares fell 1-1/8 to 31-3/4.",
    ]
    [table] = spans(text, "table")
    assert table.startswith("Qtr ended Jan 31") and table.endswith("flour mill.")
    assert view(text).count("Shr") == 0


def test_a_single_row_of_figures_is_prose() -> None:
    text = "Shr 31 cts vs 28 cts\n"
    assert view(text) == text


def test_a_comment_line_ends_a_paragraph_and_stays_in_the_view() -> None:
    text = (
        "The council met on Tuesday and\nagreed the budget.\n"
        "<!-- copydesk-disable-next-line citations.tk -->\n"
        "The budget is $TK million.\n"
    )
    assert spans(text) == ["The council met on Tuesday and\nagreed the budget.",
                           "The budget is $TK million."]
    assert view(text) == text
    assert not [f for f in findings(text) if f[0] == "citations.tk"]


def test_nothing_is_furniture_without_a_story() -> None:
    for text in ("AM-Budget,0390\n", "NINO,,,,QQ 12 34 56 C", "By Jane Roe\n"):
        assert view(text) == text


def test_datelines() -> None:
    for opening in (
        "LISBON, March 3 (Reuters) -",
        "WASHINGTON (AP) --",
        "PORT ELLERY —",
        "KESTREL FALLS, Ill. —",
        "NEWPORT, R.I., Feb. 12, 2021 /PRNewswire/ --",
    ):
        line = f"{opening} Dock workers walked out."
        assert dateline_end(line) == len(opening), opening
    assert dateline_end("DRAFT - not edited - runs long") == 0
    assert dateline_end("NATO said on Monday it would act.") == 0


def test_dateline_blanked_only_in_the_first_paragraph() -> None:
    text = "LISBON - Dock workers walked out.\n\nBRUSSELS - The Commission said nothing.\n"
    assert_blanked(text, "LISBON -")
    assert "BRUSSELS - The" in view(text)


# -- positions

def test_crlf_line_endings_give_the_same_spans() -> None:
    lf = WIRE
    crlf = lf.replace("\n", "\r\n")
    assert [s.replace("\r\n", "\n") for s in spans(crlf)] == spans(lf)
    assert [s.replace("\r\n", "\n") for s in spans(crlf, "table")] == spans(lf, "table")
    shown = view(crlf)
    assert shown.replace("\r", "") == view(lf)
    for kind in ("paragraph", "heading", "table"):
        assert all(not s.endswith("\r") for s in spans(crlf, kind))


def test_a_question_and_answer_exchange_is_a_paragraph_a_line() -> None:
    text = ("Q. Where were you working\nthat winter?\nA. At the Kessler yard.\n"
            "Q. Did you tell your foreman?\nA. I did.\n")
    assert paragraph_words(text) == [
        "Q. Where were you working that winter?".split(), "A. At the Kessler yard.".split(),
        "Q. Did you tell your foreman?".split(), "A. I did.".split(),
    ]
    # in a wrapped paragraph, a line opening with an initial is not an answer
    prose = ("The council met until late on Tuesday and the vote, when it came, was as\n"
             "close as anyone in the chamber could remember in years of budget fights.\n"
             "A. Roe counted the ballots twice before the clerk read out the final tally\n"
             "to the room, and nobody asked for a third count after that.\n")
    assert len(paragraph_words(prose)) == 1


def test_detect_regions_counts_from_base() -> None:
    text = "Talks Resume\n\nThe union met on Sunday.\n"
    base = 1000
    assert detect_regions(text, base) == [
        Region(r.start + base, r.end + base, r.kind, r.level) for r in detect_regions(text)
    ]
    assert detect_regions(text) == [Region(0, 12, "heading", 1), Region(14, 38, "paragraph")]


# -- property: one story, four layouts, the same findings

SENTENCES = [
    "“We will not go back on those terms, and the minister knows why,” said Helena Duarte, "
    "the union’s secretary-general.",
    "“Nobody here wants a long strike,” Duarte told reporters outside the warehouse.",
    "The port authority said in a statement: “Every berth will reopen as soon as the crews "
    "return.”",
    '"We have families, we have rents to pay, and we know what the ships cost," Marques said.',
    "“It is the worst frost since 1985. Nobody expected it,” said Thierry Lanson, a grower.",
    "“Why should the taxpayers keep writing checks?” asked state Sen. Nora Baptiste.",
    "Duarte said the union was ready “to sit down tonight” if the government dropped its plan.",
    "The stoppage has cost shippers about 1.8 billion escudos, or 12.4 million dollars.",
    "Fares will rise by an average of 9.5 percent in January.",
    "Some 40 cargo ships were waiting at anchor in the estuary on Wednesday.",
    "Revenue rose 14 percent to 412.6 million dollars in the third quarter.",
    "About 2,000 members of the union attended the meeting on Tuesday night.",
    "Critics say the plan was rushed through without a proper review.",
    "Some people believe the figures have been massaged by the ministry.",
    "The minister reportedly offered to resign twice during the talks.",
    "It is widely believed that the talks will fail before the holiday.",
    "Experts say the harbour has never been busier than it is this year.",
    "The vote was taken by a show of hands in a warehouse at the terminal.",
    "Talks are due to resume on Monday morning in the ministry building.",
    "Shipping agents said at least six container lines had diverted cargo to Spanish ports.",
    "Opponents said they would try to force a referendum on the stadium.",
    "The shocking decision was a disaster for the town and its people.",
    "He passed away peacefully at his home in the old quarter.",
    "The banner on the gate read “No surrender on the quay.",
    "A source close to the talks said the offer would be withdrawn.",
    "According to the port authority, the strike has cost more than any before it.",
    "It was the biggest walkout in the history of the port.",
    "Many residents left the city before the storm.",
    "If you think the strike will end soon, think again.",
    "Why would anyone cross a picket line in this weather?",
    "Dave Pike is a crook and everyone on the council knows it.",
    "Call the union office on 07700 900461 for details of the ballot.",
    "The union leader, a thug according to his rivals, denied the claims.",
    "What a load of bullshit, one docker shouted at the minister.",
    "“We tried everything,” the coach said. “We really did.”",
    "Police said the suspect had admitted the attack on the night guard.",
    "Officials at the Transport Ministry in Lisbon declined to comment on the figures.",
]
HEADLINES = ["Dockers Vote To Extend Strike", "Port Strike Enters Second Week", ""]

paragraphs = st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=5).map(" ".join)
stories = st.tuples(st.sampled_from(HEADLINES), st.lists(paragraphs, min_size=1, max_size=6))
widths = st.integers(50, 100)


def wrap(paragraph: str, width: int, indent: str = "") -> str:
    return "\n".join(
        textwrap.wrap(
            paragraph, width, initial_indent=indent, break_long_words=False, break_on_hyphens=False
        )
    )


def blank_lines(headline: str, paras: list[str], width: int) -> str:
    blocks = [headline] if headline else []
    return "\n\n".join(blocks + [wrap(p, width) for p in paras]) + "\n"


def wire(headline: str, paras: list[str], width: int) -> str:
    lines = [headline] if headline else []
    return "\n".join(lines + [wrap(p, width, "     ") for p in paras]) + "\n"


def one_per_line(headline: str, paras: list[str]) -> str:
    return "\n".join(([headline] if headline else []) + paras) + "\n"


# Rules that once read line breaks themselves (literal spaces in a pattern, "$" before a line
# break, a look-back stopping at the line start): each case is a sentence whole and wrapped,
# which must give the same findings (test_line_breaks_are_spaces_to_every_rule); all but the
# sourced figure make their rule fire.
LINE_BREAK_CASES = {
    "weasel.agentless-passive": (
        "It is widely believed that the talks will fail.",
        "It\nis widely believed that the talks will fail.",
    ),
    "privacy.phone": (
        "Call the union office on 07700 900461 today.",
        "Call the union office on\n07700 900461 today.",
    ),
    "legal.crime-label": (
        "We all know that Dave Pike is a crook.",
        "We all know that Dave\nPike is a crook.",
    ),
    "sourcing.unsourced-figure": (
        "A source close to the talks said the offer would be withdrawn. The strike has cost "
        "shippers about 12.4 million dollars.",
        "A source\nclose to the talks said the offer would be withdrawn. The strike has cost "
        "shippers about 12.4 million dollars.",
    ),
    "weasel.vague-source": (
        "He asked Nora Baptiste. Experts say the harbour is busy.",
        "He asked Nora Baptiste.\nExperts say the harbour is busy.",
    ),
}


def located(text: str, rules: frozenset[str] | None = None) -> Counter[tuple[str, int, str]]:
    """Findings as (rule, index of the first word of the match, the match, spaces normalised):
    of ``rules`` if given, else of every rule."""
    words = [m.start() for m in re.finditer(r"\S+", text)]
    result = lint_text("story.txt", text, default_rules(), "text")
    return Counter(
        (
            v.rule,
            max(bisect_right(words, v.offset) - 1, 0),
            " ".join(text[v.offset : v.end_offset].split()),
        )
        for v in result.violations
        if rules is None or v.rule in rules
    )


@pytest.mark.parametrize("rule", sorted(LINE_BREAK_CASES))
def test_line_breaks_are_spaces_to_every_rule(rule: str) -> None:
    one_line, wrapped = LINE_BREAK_CASES[rule]
    only = frozenset({rule})
    assert located(one_line, only) == located(wrapped, only)
    assert bool(located(one_line, only)) == (rule != "sourcing.unsourced-figure")


def paragraph_words(text: str) -> list[list[str]]:
    return [text[r.start : r.end].split() for r in read_text(text)[1] if r.kind == "paragraph"]


PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(stories, widths, widths, widths)
def test_every_layout_reads_as_the_same_story(
    story: tuple[str, list[str]], w1: int, w2: int, w3: int
) -> None:
    headline, paras = story
    layouts = {
        "blank-line": blank_lines(headline, paras, w1),
        "blank-line-2": blank_lines(headline, paras, w2),
        "wire": wire(headline, paras, w3),
        "one-per-line": one_per_line(headline, paras),
    }
    want_paragraphs = [p.split() for p in paras]
    for name, text in layouts.items():
        assert paragraph_words(text) == want_paragraphs, name
    expected = located(layouts["one-per-line"])
    for name, text in layouts.items():
        assert located(text) == expected, name


@PROPERTY
@given(stories, widths)
def test_crlf_reads_like_lf(story: tuple[str, list[str]], width: int) -> None:
    lf = wire(*story, width)
    crlf = lf.replace("\n", "\r\n")
    assert paragraph_words(crlf) == paragraph_words(lf)
    prose_lf, prose_crlf = read_text(lf)[0].text, read_text(crlf)[0].text
    assert prose_crlf.replace("\r", "") == prose_lf
