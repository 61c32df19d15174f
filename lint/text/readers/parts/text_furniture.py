"""Recognise the furniture of plain-text copy, one line at a time: what is not prose.

Wire and newsroom copy carries lines that are not part of the story: the slug or keyword line
(``BC-Port-Strike 2ndLd-Writethru 03-04 0512``), the byline and the agency line under it, a
dateline or timestamp on its own line, an editors' note, end markers (``-0-``, ``MORE``,
``REUTER``), a ``(Reporting by …)`` trailer and tables of figures. Each predicate here takes the
text of one line stripped of surrounding whitespace; :mod:`.text_story` applies
them where each may stand in a story (a slug above it, an end marker below it, a table
anywhere).
"""

from __future__ import annotations

import re

_LOWER_WORD_IN = re.compile(r"(?<![^ \t,])[a-z]{2,}(?![^ \t,])")  # a lower-case word
_DIGIT = re.compile(r"\d")
_PLAIN_WORD = re.compile(r"[A-Za-z]{3,}")
_CYCLE = re.compile(r"(?:AM|PM|BC|AP|APN|UPI)-\S")  # the wire cycle that opens a keyword
_CODE = re.compile(r"[A-Za-z]|[A-Z]{2,}|[A-Za-z0-9/:.-]*\d[A-Za-z0-9/:.-]*|\w+-[\w-]+")
_CAPS_KEYWORD = re.compile(r"[A-Z0-9]+(?:[-/][A-Z0-9]+)+/?")  # PORTUGAL-STRIKE/

# a dateline: CITY (up to four upper-case words), an optional state or country ("Ill.",
# "N.C.", "W.Va.", "Portugal"), an optional date ("March 3") and an optional agency ("(Reuters)")
_CITY = r"[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"
_PLACE = r"(?P<place>,[ \t]*(?:(?:[A-Z][a-z]{0,3}\.){2,}|[A-Z][a-z]+\.?)(?:[ \t]+[A-Z][a-z]+\.?)*)?"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?P<date>,?[ \t]*{_MONTH}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?)?"
_AGENCY = r"(?P<agency>[ \t]*(?:\([A-Z][\w&.'’ -]{0,30}\)|/[A-Z][\w.-]{0,30}/))?"
_DASH = r"[ \t]*(?:--?|—|–|_)"
_DATELINE = _CITY + _PLACE + _DATE + _AGENCY
_DATELINE_ALONE = re.compile(rf"{_DATELINE}(?P<dash>{_DASH})?")
# the dash, then the first sentence of the story
_DATELINE_OPENS = re.compile(rf"{_DATELINE}{_DASH}(?=[ \t]+[\"“‘'(A-Z0-9])")

_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME = (
    rf"[{_UPPER}][\w'’.-]*"
    rf"(?:[ \t]+(?:[{_UPPER}][\w'’.-]*|de|da|del|di|van|von|der|den|la|le|bin))*"
)
_BYLINE = re.compile(
    rf"By[ \t]+{_NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+){_NAME})*"
    r"(?:[ \t]*[,|][ \t]*[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,4})?"
)
_TIMESTAMP = re.compile(r"(?:Published|Updated|Posted|Last updated|First published)\b.*\d")
_EDITORS_NOTE = re.compile(r"(?:Eds|EDS|Editors|EDITORS)[ \t]*:|FOR IMMEDIATE RELEASE|EMBARGOED")
_COMMENT = re.compile(r"<!--(?:(?!-->).)*-->")

_END_MARK = re.compile(
    r"-+ ?(?:0|30|more|MORE) ?-+|###|# # #|\((?:END|MORE|more)\)|\[(?:END|MORE)\b[^\]]*\]"
)
TAIL_WORDS = frozenset({"more", "MORE", "END", "ENDS", "Reuter", "REUTER", "Reuters", "AP"})
_TRAILER = re.compile(
    r"\((?:Additional |Further )?(?:reporting|writing|editing|edited|compiled|reported)"
    r"[ \t]+by\b",
    re.IGNORECASE,
)

_NUMBER = re.compile(r"[-+(]?[$£€]?\d[\d,./:-]*%?\)?")
# words a row of figures may hold besides its label: units, comparisons, directions
_FIGURE_WORDS = frozenset(
    "vs vs. mln mln. bln billion million pct cts cents dlrs dlr pence yen marks francs "
    "profit loss nil up off unch unchanged dn shr net revs avg".split()
)
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*$")


def is_slug(s: str) -> bool:
    """A keyword or transmission line ("BC-Port-Strike 2ndLd-Writethru 03-04 0512",
    "AM-Budget,0390", "UPI 11-07-85 05:42 AES"): codes and figures, at most two plain words,
    no lower-case word and no sentence end."""
    if len(s) > 90 or _SENTENCE_END.search(s) or _LOWER_WORD_IN.search(s):
        return False  # too long, a sentence, or ordinary words: not a slug
    tokens = [t for t in re.split(r"[ \t,]+", s) if t]
    if len(tokens) == 1 and _CAPS_KEYWORD.fullmatch(tokens[0]):
        return True
    if sum(1 for t in tokens if _PLAIN_WORD.fullmatch(t)) > 2:
        return False  # an upper-case headline
    if any(_CYCLE.match(t) for t in tokens):
        return True
    # codes and figures only: story number, date, time, word count ("a0347 11-07 0361")
    return (
        len(tokens) >= 2
        and len(_DIGIT.findall(s)) >= 6
        and all(_CODE.fullmatch(t) for t in tokens)
    )


def is_byline(s: str) -> bool:
    return len(s) <= 100 and _BYLINE.fullmatch(s) is not None


def is_credit(s: str) -> bool:
    """The agency or job line under a byline ("Associated Press Writer", "Reuters")."""
    words = s.split()
    return 0 < len(words) <= 5 and all(w[0].isupper() for w in words) and not closes(s)


def is_head_furniture(s: str) -> bool:
    """Slug, byline, timestamp, editors' note or a dateline standing on its own line."""
    return (
        is_slug(s)
        or is_byline(s)
        or (len(s) <= 80 and _TIMESTAMP.match(s) is not None)
        or _EDITORS_NOTE.match(s) is not None
        or is_dateline_alone(s)
    )


def is_dateline_alone(s: str) -> bool:
    m = _DATELINE_ALONE.fullmatch(s)
    # a bare upper-case line is a headline; a dateline has a place, date, agency or dash
    return m is not None and any(m.group(g) for g in ("place", "date", "agency", "dash"))


def dateline_end(s: str) -> int:
    """Length of the dateline opening ``s`` (up to and including its dash: "LISBON, March 3
    (Reuters) -", "WASHINGTON (AP) --", "PORT ELLERY —"), or 0. The caller asks only of a
    story's first paragraph."""
    m = _DATELINE_OPENS.match(s)
    return m.end() if m else 0


def is_end_marker(s: str, in_tail: bool) -> bool:
    """``-0-``, ``(END)`` or ``###`` anywhere; ``MORE``, ``REUTER`` and the like only as the
    last line of a stretch (``in_tail``), where no sentence could be wrapped onto them."""
    return _END_MARK.fullmatch(s) is not None or (in_tail and s in TAIL_WORDS)


def is_comment(s: str) -> bool:
    """A line that is one HTML comment (a suppression comment, a note to the desk): it ends a
    paragraph but is left in the view as it was (copydesk.run.suppress reads it from the source)."""
    return _COMMENT.fullmatch(s) is not None


def opens_trailer(s: str) -> bool:
    return _TRAILER.match(s) is not None


def closes(s: str) -> bool:
    """The line ends a sentence: . ! or ? possibly followed by closing quotes or brackets."""
    return _SENTENCE_END.search(s) is not None


def is_table_row(s: str) -> bool:
    """A short label followed by figures: in columns set apart by runs of spaces, or compared
    with "vs" (``Shr 31 cts vs 28 cts``). Prose has more words and commas between them."""
    if not s or len(s) > 80 or ", " in s or "; " in s or s[-1] in ".!?:;,":
        return False
    if _DIGIT.search(s) is None:
        return False
    tokens = s.split()
    if not any(_NUMBER.fullmatch(t) for t in tokens):
        return False
    words = [t for t in tokens if t.isalpha()]
    if not words:
        return False  # a row has a label ("Shr", "Net income", "WHEAT MAY")
    label = [t for t in words if t.lower() not in _FIGURE_WORDS]
    if "vs" in tokens or "vs." in tokens:
        return len(label) <= 4
    return _COLUMN_GAP.search(s) is not None and len(label) <= 5


def is_table_header(s: str) -> bool:
    """A caption or column-head line of a table ("Qtr ended Jan 31", "CLOSE   CHANGE")."""
    if not s or len(s) > 60 or s[-1] in ".!?:;,":
        return False
    return any(c.isdigit() for c in s) or s.upper() == s or _COLUMN_GAP.search(s) is not None


def is_table_note(s: str) -> bool:
    """The note that follows a table of results ("NOTE: Year net includes …")."""
    return re.match(r"(?i)note\b[ \t]*[-:—–]", s) is not None
