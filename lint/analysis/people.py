"""PERSON detection by heuristics (policy reference H7): who in a stretch of prose is a person.

No NER model is available, so a PERSON is:

- an honorific or title followed by one or more capitalised name tokens ("Dr Amy Roe",
  "Councillor Roe", "Gen. Gerasimov");
- two or more consecutive capitalised name tokens ("Jane Roe"), unless a token is an
  organisation or place head word ("Elm Street", "Leeds City Council") or the run is in the
  small gazetteer below ("North Korea", "Red Army"). At the start of a sentence the first
  token is capitalised anyway, so a sentence opener ("The", "In", "When") is dropped first and
  the rest must still hold two name tokens.

Name tokens have a capital and at least one lower-case letter: all-capitals acronyms (BBC,
KCNA) and tokens with digits (LS6) are never names. The lists are deliberately small: privacy
and legal rules use a PERSON only as supporting evidence next to a stronger cue.
"""

from __future__ import annotations

import re

HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev fr gen col capt cpt lt sgt maj adm cmdr "
    "president senator sen rep councillor councilor cllr judge justice mayor governor gov "
    "minister chancellor secretary sheriff officer detective inspector constable chief "
    "professor doctor general colonel captain sergeant major admiral bishop rabbi imam pastor "
    "father sister brother king queen prince princess".split()
)
# Words that head an organisation or place name: a run containing one is not a person.
ORG_WORDS = frozenset(
    "street st road rd avenue ave lane drive close way crescent place terrace gardens grove "
    "court square boulevard park bridge hill city county district state states kingdom "
    "republic union nations council ministry department office agency authority service "
    "university college school hospital church cathedral mosque temple party army navy force "
    "forces corps police bank company group inc ltd plc llc corp corporation foundation trust "
    "institute association committee commission parliament congress senate assembly court "
    "house airport station news times post herald guardian telegraph journal press tv radio "
    "street river lake mountain mount island islands sea ocean gulf bay valley north south "
    "east west northern southern eastern western central united national international "
    "federal royal new saint".split()
)
MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Capitalised only because they open a sentence.
OPENERS = frozenset(
    "the a an in on at of for to from by with as after before when while if but and or so "
    "this that these those there here it its his her their our my your we they he she i "
    "yesterday today tomorrow last next meanwhile however although though since until "
    "during under over according despite".split()
)
GAZETTEER = frozenset(
    {"north korea", "south korea", "state department", "red army", "storm corps", "hong kong",
     "new york", "los angeles", "san francisco", "buenos aires", "sri lanka", "costa rica",
     "saudi arabia", "el salvador", "white house", "downing street", "wall street",
     "silicon valley", "middle east", "prime minister", "supreme court"}
)
NAME = re.compile(r"[A-Z][A-Za-z’'-]*[a-z][A-Za-z’'-]*|[A-Z]\.")
TOKEN = re.compile(r"[A-Za-z][\w’'.-]*")
_JOINED_CAPITAL = re.compile(r"[\w’'.-](?: |\r?\n)[A-Z]")
# one space, or the line break of a hard wrap ("Dave\nPike"), joins two words of a name
_ONE_SPACE = frozenset({" ", "\n", "\r\n"})


def name_core(token: str) -> str:
    """The token without a possessive or a trailing full stop."""
    for tail in ("’s", "'s", "."):
        if token.endswith(tail) and len(token) > len(tail) + 1:
            token = token[: -len(tail)]
    return token


def _is_name(token: str) -> bool:
    if not "A" <= token[0] <= "Z":  # most tokens: a name starts with a capital
        return False
    return bool(NAME.fullmatch(name_core(token))) and token.lower().rstrip(".") not in MONTHS_DAYS


def _runs(text: str, start: int, end: int) -> list[list[re.Match[str]]]:
    """Runs of capitalised tokens separated by single spaces (no punctuation between)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for m in TOKEN.finditer(text, start, end):
        joined = bool(current) and text[current[-1].end() : m.start()] in _ONE_SPACE
        if current and not joined:
            runs.append(current)
            current = []
        current.append(m)
        # a possessive or comma-free stop ends the run after this token ("Roe's home")
        if m.group().endswith(("’s", "'s")):
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _sentence_start(text: str, start: int, pos: int) -> bool:
    before = text[start:pos].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


def people(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of PERSON mentions in ``text[start:end]`` (usually one sentence)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    # every mention has a token joined by one space to a capitalised one ("Dr Roe", "Jane Roe")
    if not _JOINED_CAPITAL.search(text, start, end):
        return out
    for run in _runs(text, start, end):
        i = 0
        while i < len(run):
            j = i
            while j < len(run) and _is_name(run[j].group()):
                j += 1
            if j > i:
                span = _person(text, start, run[i:j], run[i - 1].group() if i else "")
                if span:
                    out.append(span)
            i = j + 1
    return out


def _person(
    text: str, start: int, names: list[re.Match[str]], before: str
) -> tuple[int, int] | None:
    words = [name_core(m.group()).lower().rstrip(".") for m in names]
    titled = before.lower().rstrip(".") in HONORIFICS
    # leading honorifics belong to the mention but do not count as names
    k = 0
    while k < len(words) - 1 and words[k] in HONORIFICS:
        titled, k = True, k + 1
    if not titled and _sentence_start(text, start, names[0].start()) and words[0] in OPENERS:
        k += 1
    rest = words[k:]
    if not rest or any(w in ORG_WORDS for w in rest) or " ".join(rest) in GAZETTEER:
        return None
    if not titled and len(rest) < 2:
        return None
    first = names[0] if titled else names[k]
    last = names[-1]
    return first.start(), last.start() + len(name_core(last.group()))
