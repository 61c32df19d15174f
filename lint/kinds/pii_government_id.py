"""``pii-government-id``: national identity numbers next to words that name them (H8).

- US Social Security numbers ("123-45-6789", "123 45 6789", "123456789") with "SSN" or
  "social security" in the same sentence, validated by ``stdnum.us.ssn`` (no area 000, 666 or
  900-999, no group 00 or serial 0000, no published advertising numbers).
- UK National Insurance numbers ("QQ 12 34 56 C") with "national insurance", "NI number" or
  "NINO" in the same sentence. python-stdnum has no NINO module, so the check is here: the
  letters D, F, I, U and V never start one, O is never second, suffixes run A-D, and the
  prefixes BG, GB, NK, KN, TN, NT and ZZ are never issued. HMRC's own specimen prefix QQ is
  allowed, like the fictional phone ranges: the linter cannot know a number is made up.

Both formats collide with other numbers (order codes, part numbers), so the context word is
required; the words are YAML-tunable (``ssn_words``, ``nino_words`` and their ``extra_``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.finder import Finder
from ..match.patterns import CASE_TRAPS, fold, trie_pattern
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, word_list
from .base.pii import cue_near, phrases
from .base.rule import Hit, Rule

NAME = "pii-government-id"
KEYS = {
    "ssn_words": schema.is_str_list, "extra_ssn_words": schema.is_str_list,
    "nino_words": schema.is_str_list, "extra_nino_words": schema.is_str_list,
}
SSN_WORDS = ["SSN", "SSNs", "social security number", "social security no.", "social security"]
NINO_WORDS = [
    "national insurance", "national insurance number", "NI number", "NI no.", "NINO", "NI",
]
# Each pattern opens on a character class and checks the character before it right after, so
# that the scan skips to candidate characters at C speed (a leading look-behind would be tried
# at every position); the matches are the same.
_SSN = re.compile(r"(\d(?<![\w-]\d)\d\d)([- ]?)(\d{2})\2(\d{4})(?![\w-]|[.,]\d)")
_NINO = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![\w-])")
_NINO_NEVER = frozenset("BG GB NK KN TN NT ZZ".split())
# The only characters a number of either pattern holds (besides Unicode digits): a position
# after any other character cannot be inside a match, so a scan may start there.
_IN_NUMBER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ -")
# A number is reported only when a cue starts at most 60 characters before its start or 40
# after its end (see cue_near), and a number is at most 13 characters long: only numbers
# starting within this distance of a cue's start can be reported.
_REACH = 64
# How far past its start a match attempt reads (13 characters and a 2-character look-ahead):
# a scan cut this far past the last start it needs sees the same as the full scan there.
_LOOK = 16


def nino_valid(prefix: str) -> bool:
    return prefix[0] not in "DFIUV" and prefix[1] not in "DFIOUV" and prefix not in _NINO_NEVER


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class GovernmentId(EditorialRule):
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        # "SSN" and "NI" are acronyms: matched in capitals only, so "ni" or "ssn" in a word
        # list of another language cannot trigger them.
        ssn_words = word_list(spec, "ssn_words", SSN_WORDS)
        nino_words = word_list(spec, "nino_words", NINO_WORDS)
        self.ssn_cue, self.ssn_finders = _cue(ssn_words), _finders(ssn_words)
        self.nino_cue, self.nino_finders = _cue(nino_words), _finders(nino_words)

    def check(self, ctx: Context) -> Iterable[Hit]:
        for m in _near(_SSN, ctx, self.ssn_finders):
            from stdnum.us import ssn  # only now: importing stdnum costs ~20 ms of startup

            digits = m.group(1) + m.group(3) + m.group(4)
            if ssn.is_valid(digits) and cue_near(ctx, self.ssn_cue, m.start(), m.end()):
                yield Hit(m.start(), m.end(), ("Social Security number", m.group()))
        for m in _near(_NINO, ctx, self.nino_finders):
            if nino_valid(m.group(1)) and cue_near(ctx, self.nino_cue, m.start(), m.end()):
                yield Hit(m.start(), m.end(), ("National Insurance number", m.group()))


def _acronym(word: str) -> bool:
    return word.rstrip(".s").isupper()


def _finders(words: list[str]) -> list[Finder] | None:
    """Where a cue match may start: the cue words as :func:`phrases` spells them, without
    their boundaries, in one prefix trie for the text as written (the acronyms) and one for
    the folded text (the IGNORECASE words, tried near a case trap too). None when a word is
    empty or holds a case trap: then the whole text is scanned."""
    if any(not w or CASE_TRAPS.search(w) for w in words):
        return None
    tries = []
    for acronym in (True, False):
        kind = {w if acronym else fold(w) for w in words if _acronym(w) == acronym}
        if kind:
            tries.append((re.compile(trie_pattern(sorted(kind))), acronym))
    # a trie spells each of its words in full along one path, so its pattern is at least as
    # long as any word: a safe reach
    reach = max(len(trie.pattern) for trie, _ in tries)
    return [finder.placed(None, partial(_all_starts, trie), folded_places=not acronym,
                          trap_reach=0 if acronym else reach)
            for trie, acronym in tries]


def _all_starts(trie: re.Pattern[str], text: str) -> list[int]:
    """Where a match of ``trie`` starts, overlapping ones too."""
    starts = []
    m = trie.search(text)
    while m is not None:
        starts.append(m.start())
        m = trie.search(text, m.start() + 1)
    return starts


def cue_starts(ctx: Context, finders: list[Finder]) -> list[int]:
    """Sorted offsets where a cue may start."""
    starts: set[int] = set()
    for cues in finders:
        starts.update(cues.starts(ctx) or ())
    return sorted(starts)


def _safe_start(text: str, at: int, floor: int) -> int:
    """The nearest offset at or before ``at`` that no match of _SSN or _NINO straddles, or
    ``floor`` (where the scan is exact already) if that comes first."""
    while at > floor and (text[at - 1] in _IN_NUMBER or text[at - 1].isdecimal()):
        at -= 1
    return at


def _near(
    pattern: re.Pattern[str], ctx: Context, finders: list[Finder] | None
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(ctx.text)`` that start within reach of a cue, found
    by scanning only there: each scan starts where no match can straddle, so it finds what
    the full scan finds from that point on."""
    text = ctx.text
    starts = None if finders is None else cue_starts(ctx, finders)
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0  # the full scan's matches are known up to here
    for cue in starts:
        low, high = cue - _REACH, cue + _REACH
        if high <= pos:
            continue
        pos = max(pos, _safe_start(text, max(0, low), pos))
        for m in pattern.finditer(text, pos, high + _LOOK):
            if m.start() >= high:
                break
            pos = m.end()
            if m.start() >= low:
                yield m


def _cue(words: list[str]) -> re.Pattern[str]:
    acronyms = [w for w in words if _acronym(w)]
    spelled = [w for w in words if w not in acronyms]
    parts = [f"(?i:{phrases(spelled)})"] if spelled else []
    if acronyms:
        parts.append(phrases(acronyms))
    return re.compile("|".join(parts) or r"(?!)")


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return GovernmentId(spec)
