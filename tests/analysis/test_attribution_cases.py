"""Table-driven attribution cases (policy reference H3): every route, positive and negative.

Each case is a short text and, for each quotation in document order, what the analysis must
conclude: ``"-"`` unattributed, ``"title"`` / ``"mention"`` not speech at all, or a route
(``window``, ``colon``, ``continuation``, ``blockquote``), optionally with ``:speaker``, where the
speaker must occur in the speaker the analysis found.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from copydesk.analysis.editorial import Editorial
from copydesk.analysis.quote import Quote
from copydesk.text.document import build_document


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    want: tuple[str, ...]
    fmt: str = "text"


def c(id: str, text: str, *want: str, fmt: str = "text") -> Case:
    return Case(id, text, want, fmt)


AFTER = [
    c("after-mayor-said", "“We will rebuild the whole town,” the mayor said.", "window:mayor"),
    c(
        "after-said-name",
        "“Nobody told us anything about the closure,” said Maria Lopez, a nurse.",
        "window:Maria Lopez",
    ),
    c("after-pronoun-added", "“It is over for all of us now,” he added quietly.", "window:he"),
    c(
        "after-straight",
        '"We expect a deal by Friday," a spokesperson said.',
        "window:spokesperson",
    ),
    c(
        "after-abbrev-dr",
        "“The vote was rigged from the start,” Dr. Amal Haddad said on Tuesday.",
        "window:Haddad",
    ),
    c("after-initials", "“We will appeal this ruling,” J. R. Hale told the court.", "window:Hale"),
    c(
        "after-decimal",
        "“Growth will reach 2.5 per cent this year,” the economist said.",
        "window:economist",
    ),
    # negatives
    c(
        "after-verb-next-sentence",
        "“We will rebuild the whole town.” The mayor said nothing else.",
        "-",
    ),
    c("after-sign-read", "“Everything is fine in the valley,” the sign on the gate read.",
      "inscription:sign"),
    c("after-no-source",
      "“We will rebuild the whole town,” came the reply from the back of the hall.", "-"),
    c("after-it-was-claimed", "“Prices will double by the spring,” it was later claimed.", "-"),
]

BEFORE = [
    c("before-told-colon", "Smith told reporters: “We expect a deal by Friday.”", "window:Smith"),
    c(
        "before-told-that",
        "The governor told reporters that “the budget is balanced for once.”",
        "window:governor",
    ),
    c(
        "before-said-comma",
        "Ana Ruiz said, “We came here with nothing and built it all.”",
        "window:Ana Ruiz",
    ),
    c(
        "before-statement",
        "In a statement, the ministry said it “regrets the loss of life on both sides.”",
        "window:ministry",
    ),
    c(
        "before-us-ambassador",
        "The U.S. ambassador told reporters that “talks will resume in Geneva.”",
        "window:ambassador",
    ),
    # negatives
    c(
        "before-reported-speech-previous-sentence",
        "The mayor said the town would recover. “Nobody believes a word of it.”",
        "continuation:mayor",
    ),
    c(
        "before-banner-reading",
        "Residents held up a banner reading “we will not be moved from this valley.”",
        "inscription:banner",
    ),
    c(
        "before-told-nothing",
        "He told reporters nothing. “The deal is off for good,” a sign read.",
        "inscription:sign",
    ),
    c(
        "before-other-quote-between",
        "The mayor called the plan “bold,” and the banner read “nobody here believes a word "
        "of it.”",
        "window:mayor",
        "inscription:banner",
    ),
    c("before-no-verb", "The crowd waited in the rain for “the moment everyone had come to see.”",
      "-"),
    c("before-no-source",
      "Nobody in the hall expected “a full and independent inquiry into every contract.”", "-"),
]

SPLIT = [
    c(
        "split-said-ruiz",
        "“The deal is done,” said Ruiz, “and nobody can undo it now.”",
        "window:Ruiz",
        "window:Ruiz",
    ),
    c(
        "split-straight",
        '"The deal is done," said Ruiz, "and nobody can undo it now."',
        "window:Ruiz",
        "window:Ruiz",
    ),
    c(
        "split-she-added",
        "“We lost the vote,” she said, “but we will be back next year.”",
        "window:she",
        "window:she",
    ),
    c(
        "split-next-sentence-same-speaker",
        "“We tried,” the coach said. “We really did try, every week.”",
        "window:coach",
        "continuation:coach",
    ),
    # negatives
    c("split-no-verb", "“The deal is done,” and in truth “nobody can undo it now.”", "-", "-"),
    c(
        "split-no-source",
        "“Prices will fall sharply,” said nobody at all, “and wages will rise.”",
        "-",
        "-",
    ),
    c(
        "split-other-speaker-between",
        "“We tried,” the coach said. Fans booed. “You did nothing at all this season.”",
        "window:coach",
        "-",
    ),
]

ACCORDING = [
    c(
        "according-ministry",
        "According to the ministry, “all flights will resume on Monday morning.”",
        "window:ministry",
    ),
    c(
        "according-after",
        "“Turnout was the highest in decades,” according to Ana Ruiz, the clerk.",
        "window:Ana Ruiz",
    ),
    c(
        "according-to-the-report",
        "“Wages fell for a third year,” according to the report.",
        "window:report",
    ),
    # negatives
    c(
        "according-to-plan",
        "Everything went according to plan: “smooth, quick and entirely painless.”",
        "-",
    ),
    c(
        "according-previous-sentence",
        "Work is going according to the ministry’s schedule. “It will open in May, weeks early.”",
        "-",
    ),
]

COLON = [
    c(
        "colon-previous-line",
        "Colonel Jane Roe had this to say earlier in 2025:\n"
        "Quote: “These troops are barely trained at all.”",
        "colon:Jane Roe",
    ),
    c(
        "colon-previous-paragraph",
        "The top general admitted in an interview that:\n\n"
        "“They are numerous. They rely on their numbers.”",
        "colon:general",
    ),
    c(
        "colon-line-break-long-intro",
        "A note.\n\n"
        "The witness said in a long, careful and often halting speech to the committee, "
        "the families and the press gathered in the cold hall:\n"
        "“I am sorry for everything that happened.”",
        "colon:witness",
    ),
    c(
        "colon-kicker-label",
        "The minister wrote on Friday:\nKicker: “We will not be moved on this.”",
        "colon:minister",
    ),
    # negatives
    c(
        "colon-heading-between",
        "Colonel Jane Roe had this to say:\nWhat Comes Next\n"
        "“These troops are barely trained at all.”",
        "-",
    ),
    c("colon-no-verb", "The sign on the door:\n“No entry after dark for anyone.”", "-"),
    c(
        "colon-no-source",
        "Then came the words everyone had waited to hear, said quietly:\n"
        "“The war is over for all of us.”",
        "-",
    ),
    c(
        "continuation-reported-speech-previous-line",
        "Colonel Jane Roe said a lot earlier in 2025.\n“These troops are barely trained.”",
        "continuation:Roe",
    ),
    c(
        "colon-two-paragraphs-back",
        "Colonel Jane Roe had this to say:\n\nThe weather was cold.\n\n"
        "“These troops are barely trained.”",
        "-",
    ),
]

PRONOUN = [
    c("pronoun-she", "“I never saw the letter before today,” she said.", "window:she"),
    c(
        "pronoun-it-company",
        "The company lost its appeal on Friday. “We will take this to the supreme court,” it said.",
        "window:it",
    ),
    c(
        "pronoun-they-family",
        "Ana and Tom Ruiz opened the bakery in 2019. They said: “Nobody gave us a single loan.”",
        "window:They",
    ),
    c("pronoun-why-she-asked", "“Why?” she asked.", "window:she"),
    # negatives: impersonal "it" and generic "they" have no antecedent
    c("pronoun-it-is-said", "“Crime does not pay in the end,” it is said.", "-"),
    c("pronoun-they-say", "“An apple a day keeps the doctor away,” they say.", "-"),
]

DOCUMENT = [
    c(
        "document-report",
        "“Prices rose faster than wages for a third year,” the report said.",
        "window:report",
    ),
    c(
        "document-statement-hailed",
        "The statement hailed the soldiers as “heroes of the whole motherland.”",
        "window:statement",
    ),
    c(
        "document-court-filing",
        "“The defendant knew the brakes were faulty,” the court filing says.",
        "window:filing",
    ),
    # negatives
    c(
        "document-other-sentence",
        "The report was never published. “Prices rose faster than wages again.”",
        "-",
    ),
    c(
        "document-no-verb",
        "The statement ran to four pages and “heroes of the motherland” appeared twice.",
        "-",
    ),
]

CONTINUATION = [
    c(
        "continuation-next-paragraph",
        "“We came here with nothing,” Ana Ruiz said.\n\n"
        "“Now we own the bakery and the house next door.”",
        "window:Ruiz",
        "continuation:Ruiz",
    ),
    c(
        "continuation-open-quote-forward",
        "Ana Ruiz said: “We came here with nothing at all.\n\n"
        "“Now we own the bakery and the house next door.”",
        "window:Ruiz",
        "continuation:Ruiz",
    ),
    c(
        "continuation-open-quote-backward",
        "“We came here with nothing at all.\n\n"
        "“Now we own the bakery and the house next door,” Ana Ruiz said.",
        "continuation:Ruiz",
        "window:Ruiz",
    ),
    c(
        "continuation-label-opens-paragraph",
        "“We came here with nothing,” Ana Ruiz said.\n\nQuote: “Now we own the bakery next door.”",
        "window:Ruiz",
        "continuation:Ruiz",
    ),
    # negatives
    c(
        "continuation-heading-between",
        "“We came here with nothing,” Ana Ruiz said.\n\nThe Bakery Years\n\n"
        "“Now we own the bakery next door.”",
        "window:Ruiz",
        "-",
    ),
    c(
        "continuation-two-paragraphs",
        "“We came here with nothing,” Ana Ruiz said.\n\nThe town has changed.\n\n"
        "“Now we own the bakery.”",
        "window:Ruiz",
        "-",
    ),
    c(
        "continuation-previous-unattributed",
        "“We came here with nothing at all.”\n\n“Now we own the bakery and the house next door.”",
        "-",
        "-",
    ),
    c(
        "continuation-other-person-intervenes",
        "“We came here with nothing,” Ana Ruiz said. Her neighbour Tom Hale remembers it "
        "differently."
        "\n\n“Nobody gave them a thing, ever.”",
        "window:Ruiz",
        "-",
    ),
    c(
        "continuation-runs-on-over-quotation-paragraphs",
        "“We came here with nothing,” Ana Ruiz said.\n\n“Now we own the bakery.”\n\n"
        "“And the house next door.”",
        "window:Ruiz",
        "continuation:Ruiz",
        "continuation:Ruiz",
    ),
]

BLOCKQUOTE = [
    c(
        "blockquote-colon-line",
        "The mayor wrote to residents on Monday:\n\n"
        "> “We will rebuild the whole town, street by street.”\n",
        "blockquote:mayor",
        fmt="markdown",
    ),
    c(
        "blockquote-two-lines",
        "In her letter, Ana Ruiz said:\n\n> “We will rebuild the town,\n> street by street.”\n",
        "blockquote:Ruiz",
        fmt="markdown",
    ),
    # negatives
    c(
        "blockquote-heading-intro",
        "# The Plan\n\n> “We will rebuild the whole town, street by street.”\n",
        "-",
        fmt="markdown",
    ),
    c(
        "blockquote-document-intro",
        "Here is the plan:\n\n> “We will rebuild the whole town, street by street.”\n",
        "blockquote:plan",
        fmt="markdown",
    ),
    c(
        "blockquote-no-verb",
        "Here is what happened next:\n\n> “We will rebuild the whole town, street by street.”\n",
        "-",
        fmt="markdown",
    ),
    c(
        "blockquote-after-reported-speech",
        "The mayor wrote to residents.\n\n> “We will rebuild the whole town.”\n",
        "continuation:mayor",
        fmt="markdown",
    ),
]

TRAPS = [
    c(
        "trap-so-called",
        "Meanwhile, the so-called “international community of nations” watches.",
        "-",
    ),
    c(
        "trap-so-called-near-verb",
        "The so-called “peace plan for the region” was never signed.",
        "-",
    ),
    c("trap-title-novel", "Her novel, “The Salt Road,” won the prize.", "title"),
    c(
        "trap-title-film-with-verb",
        "The film “Letters From the Front Line” opens Friday, the studio said.",
        "title",
    ),
    c(
        "trap-not-title-novelist",
        "“The Salt Road is my best book,” said the novelist Mary Hale.",
        "window:Mary Hale",
    ),
    c("trap-mention-word", "The word “unprecedented” appears in every press release.", "mention"),
    c(
        "trap-hails-from",
        "The coach hails from a town where “nobody ever leaves before forty.”",
        "-",
    ),
    c(
        "trap-hails-and-said",
        "The coach, who hails from Ohio, said: “Nobody ever leaves my town.”",
        "window",
    ),
    c("trap-why-name-asked", "“Why now?” Ruiz asked.", "window:Ruiz"),
    c("trap-stop-shouted", "“Stop!” the officer shouted.", "window:officer"),
    c(
        "trap-ellipsis",
        "“We waited... and waited for help that never came,” Ana Ruiz said.",
        "window:Ruiz",
    ),
    c(
        "trap-nested-single",
        "“She told me ‘never again’ and walked out of the room,” Tom Hale said.",
        "window:Tom Hale",
    ),
    c(
        "trap-apostrophes",
        "“The soldiers’ letters weren’t sent,” the colonel’s wife said.",
        "window:wife",
    ),
    c("trap-apostrophes-no-quotes", "Pyongyang’s troops don’t understand their officers’ orders."),
    c(
        "trap-straight-no-speaker",
        '"We have been ignored for ten years by everyone." Residents are furious.',
        "-",
    ),
    c(
        "trap-label-then-window",
        "Quote: “They who fought for justice are all heroes,” declared Kim.",
        "window:Kim",
    ),
    c(
        "trap-asked-name-comma",
        "“Is anyone listening?” asked Tom Hale, a farmer.",
        "window:Tom Hale",
    ),
    c(
        "trap-sentence-start-quantifier",
        "Nobody argued. Everyone agreed: “The plan is the best we have.”",
        "-",
    ),
]

CASES = (
    AFTER
    + BEFORE
    + SPLIT
    + ACCORDING
    + COLON
    + PRONOUN
    + DOCUMENT
    + CONTINUATION
    + BLOCKQUOTE
    + TRAPS
)


def observe(q: Quote, want: str) -> str:
    """Describe ``q`` in the vocabulary of ``want`` (speaker only when the case names one)."""
    if q.is_title:
        return "title"
    if q.is_mention:
        return "mention"
    if not q.attributed:
        return "-"
    route, _, speaker = want.partition(":")
    if speaker and route == q.route and speaker in q.speaker:
        return want
    return f"{q.route}:{q.speaker}" if speaker else q.route


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_attribution_case(case: Case) -> None:
    path = "case.md" if case.fmt == "markdown" else "case.txt"
    quotes = Editorial(build_document(path, case.text)).quotes
    assert len(quotes) == len(case.want), [case.text[q.start : q.end] for q in quotes]
    got = [observe(q, w) for q, w in zip(quotes, case.want, strict=True)]
    assert got == list(case.want)


def test_case_count_and_route_coverage() -> None:
    """At least 60 cases, and every route has two positive and two negative cases."""
    assert len(CASES) >= 60
    groups = {
        "after": AFTER,
        "before": BEFORE,
        "split": SPLIT,
        "according": ACCORDING,
        "colon": COLON,
        "pronoun": PRONOUN,
        "document": DOCUMENT,
        "continuation": CONTINUATION,
        "blockquote": BLOCKQUOTE,
    }
    for name, cases in groups.items():
        positive = [k for k in cases if all(w not in ("-", "title", "mention") for w in k.want)]
        negative = [k for k in cases if "-" in k.want]
        assert len(positive) >= 2 and len(negative) >= 2, name
    assert len({k.id for k in CASES}) == len(CASES)
