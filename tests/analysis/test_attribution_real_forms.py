"""Attribution in the forms published copy takes (issue: real copy, part 1, 2-3).

Every case is run in three layouts of plain text — blank-line paragraphs, blank-line paragraphs
hard-wrapped at a narrow width, and wire copy (first-line indent, hard wraps, no blank lines) —
and must reach the same verdict for each quotation in all of them. The vocabulary of ``want``
is that of tests/analysis/test_attribution_cases.py: ``-`` no speaker found, ``title`` /
``mention`` not speech, or ``route`` / ``route:speaker``.
"""

from __future__ import annotations

import textwrap

import pytest
from copydesk.analysis.editorial import Editorial
from copydesk.text.document import build_document
from test_attribution_cases import Case, c, observe

DESCRIBED = [
    c("described-bank-economist",
      '"We will not sign this deal," Dana Ruiz, chief economist at Banco Atlantico SA, the '
      "country's third-largest lender, said in a note to clients.", "window:Dana Ruiz"),
    c("described-former-us-official",
      "“The numbers simply do not add up,” Tom Okafor, a former U.S. Treasury official who now "
      "runs Okafor Partners Ltd., told reporters.", "window:Okafor"),
    c("described-title-first",
      "“It is a sad day for the port,” the union’s regional secretary, Ana Costa, said on "
      "Tuesday.", "window:Costa"),
    c("described-anonymous-role",
      "“The timing is most extraordinary,” one official at the Department of Trade and "
      "Industry (DTI) said.", "window:official"),
    c("described-adjective-role", '"We will not be bullied into this," one senior delegate said.',
      "window:delegate"),
    c("described-long-lowercase-title",
      '"Farmers who put off buying for three years are buying again," chairman and chief '
      "executive Conrad T. Halvorsen told analysts on a conference call.", "window:Halvorsen"),
    c("described-long-capitalised-title",
      "“There is no money left for it,” Junior Finance Minister Ana Roe told Reuters.",
      "window:Ana Roe"),
    # negatives
    c("described-no-report-verb",
      "“The port will close by June,” Dana Ruiz, a dock worker for 30 years who lost her job "
      "in the spring, remembers.", "-"),
    c("described-banner-read",
      "“We were never consulted,” the banner, hung across the gate by a group of residents, "
      "read.", "inscription:banner"),
]

VERB_FIRST = [
    c("verb-first-said-name",
      '"This is the worst flood in living memory," said Dana Ruiz, who has farmed the valley '
      "since 1979.", "window:Dana Ruiz"),
    c("verb-first-announcer", "“Play ball,” says the announcer, and the crowd roars.",
      "window:announcer"),
    c("verb-first-spokesman", '"Talks will resume next week," said a spokesman for the ministry.',
      "window:spokesman"),
    c("verb-first-anonymous", '"I have never once had a seat on this train," said one commuter, '
      "a solicitor who gave only his first name.", "window:commuter"),
    # negatives
    c("verb-first-poster", "“Cheaper fares for everyone on every route,” says the poster on the "
      "bus shelter.", "inscription:poster"),
    c("verb-first-nobody", "“Back by popular demand this summer,” said nobody in particular.",
      "-"),
]

NOT_NAMES = [
    c("not-name-authors",
      "“Most of the gains went to the top tenth of earners,” the authors write.",
      "window:authors"),
    c("not-name-narrator", "“Nobody here remembers the war,” the film’s narrator says.",
      "window:narrator"),
    c("not-name-filing", "“The defendant knew the brakes were faulty,” a filing states.",
      "window:filing"),
    c("not-name-union", "“Pay talks have broken down for good,” the union said in a statement.",
      "window:union"),
    c("not-name-the-two", '"We will cooperate fully with the inquiry," the two wrote in a letter.',
      "window:two"),
    # negatives
    c("not-name-saying-goes", "“Nobody here remembers the war anymore,” the old saying goes.",
      "-"),
    c("not-name-generic-they", "“An apple a day keeps the doctor away,” they say.", "-"),
]

COLON = [
    c("colon-shouted", "She stood up and shouted: “You will not silence us tonight!”",
      "window:She"),
    c("colon-dash-after-verb",
      "He chided the minister — “you have had three years to fix this and did nothing.”",
      "window:He"),
    c("colon-statement-paragraph",
      "The ministry said in a statement:\n\n“All flights will resume on Monday morning.”",
      "colon:ministry"),
    c("colon-text-follows",
      "The full statement follows:\n\n“We regret the delay caused to every passenger.”",
      "colon:statement"),
    c("colon-as-follows-over-paragraphs",
      "The airline’s statement reads as follows:\n\n“We regret the delay to every passenger.\n\n"
      "“Refunds will be paid in full by the end of the month.\n\n“We will publish the findings "
      "of our review.”", "colon:statement", "continuation:statement", "continuation:statement"),
    # negatives
    c("colon-menu-reads", "The menu reads:\n\n“Soup of the day, bread and a glass of wine.”",
      "-"),
    c("colon-no-speaker", "Then, at last:\n\n“The war is over for all of us now.”", "-"),
]

PARTICIPLE = [
    c("participle-saying",
      "The senator defended the bill on the floor of the chamber on Tuesday, saying, “It will "
      "create jobs in every county.”", "window:senator"),
    c("participle-adding-that",
      "Ruiz left the meeting early, adding that “nothing more can be done tonight.”",
      "window:Ruiz"),
    c("participle-asking",
      "Okafor turned to the board, asking: “Who signed off on these figures?”",
      "window:Okafor"),
    # negatives
    c("participle-waiting",
      "The crowd grew quiet, waiting for “the moment everyone had come to see.”", "-"),
    c("participle-none-before",
      "Saying nothing at all was the point: “silence is also an answer here.”", "-"),
]

PARTIAL = [
    c("partial-said-he-was-ready",
      "He said he was ready “to pay far more than that” if the court asked.", "window:He"),
    c("partial-governor-far-subject",
      "The governor, who has opposed the measure since it was first proposed in the spring, "
      "told a radio station on Sunday that the bill was “a giveaway to the richest families "
      "in the state.”", "sentence:governor"),
    c("partial-described-as",
      "Okafor described the plan as “dead on arrival in the Senate,” according to two aides.",
      "window"),
    # negatives
    c("partial-plan-promised",
      "The plan promised “a full and independent inquiry into every contract.”", "window:plan"),
    c("partial-no-verb",
      "The crowd waited in the rain for “the moment everyone had come to see.”", "-"),
    c("partial-no-source",
      "Everyone there agreed it was “the best night this town has had in years.”", "-"),
]

CONTINUED = [
    c("continued-reported-speech-paragraph",
      'Okafor said the port would reopen on Monday.\n\n"We have no choice but to wait it out."',
      "continuation:Okafor"),
    c("continued-pronoun-sentence-between",
      "“We came here with nothing,” Ana Ruiz said. She paused. “Now we own the bakery.”",
      "window:Ruiz", "continuation:Ruiz"),
    c("continued-two-quotation-paragraphs",
      '"The harbour is finished," Okafor said.\n\n"Nobody will invest here now."\n\n'
      '"Not in my lifetime, anyway."',
      "window:Okafor", "continuation:Okafor", "continuation:Okafor"),
    # negatives
    c("continued-someone-else-appears",
      "“We came here with nothing,” Ana Ruiz said.\n\nThe mayor disagreed.\n\n"
      "“Nobody gave them anything at all.”", "window:Ruiz", "-"),
    c("continued-two-paragraphs-apart",
      "“We came here with nothing,” Ana Ruiz said.\n\nThe bakery opened in 2019.\n\n"
      "“Now we own the house next door too.”", "window:Ruiz", "-"),
]

TRANSCRIPT = [
    c("transcript-name-turn",
      "HOST: And then what did the mayor tell you?\n\n"
      'RUIZ: She said "we are done here for today" and walked out of the room.',
      "transcript:RUIZ"),
    c("transcript-q-turn",
      'Q: Did the minister ever tell you "the money is gone for good"?\n\nA: Never.',
      "transcript:Q"),
    c("transcript-court-record",
      '10       Q.   Did the foreman say "load it anyway, nobody checks the barges"?\n\n'
      "11       A.   He did.", "transcript:Q"),
    c("transcript-caller-in-brackets",
      'CALLER (DENISE): I heard you say "nothing is off the table" last week.',
      "transcript:CALLER (DENISE)"),
    # negatives
    c("transcript-update-label", 'UPDATE: "The bridge will stay closed all week."', "-"),
    c("transcript-initial-is-not-a-turn",
      'A. J. Roe read out "the whole of the charter to the meeting" last night.', "-"),
    c("transcript-lower-case-label",
      'Note to self: "the bridge will stay closed all week long."', "-"),
]

SIGNATURE = [
    c("signature-same-line", "“Best bakery in the whole city, bar none.” ― Dana R.",
      "signature:Dana"),
    c("signature-next-line",
      "“Nobody reads the small print until it is too late.”\n— Tom Okafor",
      "signature:Tom"),
    # negatives
    c("signature-dash-clause",
      "“Nobody reads the small print until it is too late.” — and that is the point.", "-"),
    c("signature-no-sentence-end",
      "“Nobody reads the small print” — Okafor’s favourite line — was his motto.", "-"),
]

TITLES = [
    c("title-agenda", "The “Build Back Better” agenda stalled in the Senate again.", "title"),
    c("title-nickname", "Jimmy “the Hat” Ruiz was released on Friday.", "title"),
    c("title-podcast",
      "Tonight the podcast “Off the Record With Dana Ruiz” returns, the network said.",
      "title"),
    # negative: the same words as speech
    c("title-not-when-speech", "Ruiz said the plan was “Build Back Better all over again.”",
      "window:Ruiz"),
]

MARKS = [
    c("marks-typewriter", "''We will not go back to work,'' Dana Ruiz said.", "window:Ruiz"),
    c("marks-latex", "``We will not go back to work,'' Dana Ruiz said.", "window:Ruiz"),
    c("marks-guillemets", "«We will never leave this place,» Ruiz said in French.",
      "window:Ruiz"),
    c("marks-german", "„We will never leave this place,“ Ruiz said.", "window:Ruiz"),
    c("marks-british-single", "‘We never left,’ she says. ‘Not once, in forty years.’",
      "window:she", "continuation:she"),
    c("marks-straight-single", "'We never left the valley,' she says.", "window:she"),
    c("marks-wrong-way-closing", "“We lost the vote on Tuesday,“ she said.", "window:she"),
    c("marks-double-primes", "″We will not go back to work,″ Dana Ruiz said.", "window:Ruiz"),
    c("marks-stuck-to-full-stop",
      'The count ended at midnight."We won it fair and square," Okafor said.', "window:Okafor"),
    c("marks-single-multi-paragraph",
      "A spokesman said:\n\n'We regret the delay to every passenger.\n\n'Refunds will be paid "
      "in full by the end of the month.'", "colon:spokesman", "continuation:spokesman"),
    # negatives: apostrophes are never quotation marks
    c("marks-apostrophes-straight", "Rock 'n' roll in the '90s was Jones' life, and O'Neill's."),
    c("marks-apostrophes-curly", "The officers’ wives and the ’90s crowd don’t mix, ’tis said."),
]

GROUPS = {
    "described": DESCRIBED,
    "verb-first": VERB_FIRST,
    "not-names": NOT_NAMES,
    "colon": COLON,
    "participle": PARTICIPLE,
    "partial": PARTIAL,
    "continued": CONTINUED,
    "transcript": TRANSCRIPT,
    "signature": SIGNATURE,
    "titles": TITLES,
    "marks": MARKS,
}
CASES = [case for cases in GROUPS.values() for case in cases]


def blank_lines(text: str, width: int | None = None) -> str:
    paragraphs = text.split("\n\n")
    if width:
        paragraphs = ["\n".join(textwrap.wrap(p, width, break_on_hyphens=False))
                      if "\n" not in p else p for p in paragraphs]
    return "\n\n".join(paragraphs) + "\n"


def wire(text: str, width: int = 44) -> str:
    """First-line indent of five spaces, hard wraps, no blank lines (ANPA wire copy)."""
    out = []
    for p in text.split("\n\n"):
        lines = p.split("\n") if "\n" in p else textwrap.wrap(p, width, break_on_hyphens=False)
        out.append("     " + lines[0])
        out.extend(lines[1:])
    return "\n".join(out) + "\n"


LAYOUTS = {
    "blank-line": blank_lines,
    "wrapped": lambda t: blank_lines(t, 38),
    "wire": wire,
}



@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_real_form(case: Case, layout: str) -> None:
    text = LAYOUTS[layout](case.text)
    ed = Editorial(build_document("story.txt", text))
    quotes = ed.quotes
    assert len(quotes) == len(case.want), [text[q.start : q.end] for q in quotes]
    got = [observe(q, w) for q, w in zip(quotes, case.want, strict=True)]
    assert got == list(case.want), text
    assert ed.unmatched_marks == []


def test_every_group_has_positive_and_negative_cases() -> None:
    for name, cases in GROUPS.items():
        positive = [k for k in cases if k.want and all(w != "-" for w in k.want)]
        negative = [k for k in cases if "-" in k.want or not k.want
                    or (any(":" in w for w in k.want) and name == "titles")]
        assert len(positive) >= 2 and len(negative) >= 1, name
    assert len({k.id for k in CASES}) == len(CASES)
