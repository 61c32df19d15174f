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
from collections.abc import Iterable

from lint.context import Context
from lint.kinds import Hit, Rule, SharedMatchers
from lint.kinds.editorial_base import EditorialRule, word_list
from lint.kinds.pii_base import cue_near, phrases
from lint.packs import schema
from lint.packs.spec import RuleSpec

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


def nino_valid(prefix: str) -> bool:
    return prefix[0] not in "DFIUV" and prefix[1] not in "DFIOUV" and prefix not in _NINO_NEVER


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class GovernmentId(EditorialRule):
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        # "SSN" and "NI" are acronyms: matched in capitals only, so "ni" or "ssn" in a word
        # list of another language cannot trigger them.
        self.ssn_cue = _cue(word_list(spec, "ssn_words", SSN_WORDS))
        self.nino_cue = _cue(word_list(spec, "nino_words", NINO_WORDS))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        for m in _SSN.finditer(text):
            from stdnum.us import ssn  # only now: importing stdnum costs ~20 ms of startup

            digits = m.group(1) + m.group(3) + m.group(4)
            if ssn.is_valid(digits) and cue_near(ctx, self.ssn_cue, m.start(), m.end()):
                yield Hit(m.start(), m.end(), ("Social Security number", m.group()))
        for m in _NINO.finditer(text):
            if nino_valid(m.group(1)) and cue_near(ctx, self.nino_cue, m.start(), m.end()):
                yield Hit(m.start(), m.end(), ("National Insurance number", m.group()))


def _cue(words: list[str]) -> re.Pattern[str]:
    acronyms = [w for w in words if w.rstrip(".s").isupper()]
    spelled = [w for w in words if w not in acronyms]
    parts = [f"(?i:{phrases(spelled)})"] if spelled else []
    if acronyms:
        parts.append(phrases(acronyms))
    return re.compile("|".join(parts) or r"(?!)")


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return GovernmentId(spec)
