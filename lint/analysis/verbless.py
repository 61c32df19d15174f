"""Attribution routes that need no report verb (real-copy 3): the layout names the speaker.

- ``transcript``: the quotation sits in a turn of a transcript or interview (``RUIZ:``,
  ``Q:``/``A:`` opening its paragraph): the turn's speaker is quoting.
- ``inscription``: words on a thing (a banner reading “…”, “…,” the sign on the gate read):
  the thing is the source, and nobody needs to have said them.
- ``headline``: headline style, in a heading or a first line standing above the story ("Judge
  blocks map: ‘Not a close case’", "Mayor Whitcombe: “…”"): the subject before the colon.
- ``signature``: a comment, post or epigraph signed after it ("“…” ― Dana R., Leeds").
- ``post``: in a comment thread, what a reader quotes in a post is the reader's report of it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ..match.patterns import trie_pattern
from .blocks import Block
from .lexicon import INSCRIPTION_NOUNS
from .quote import Quote
from .speaker_search import ends_with_colon
from .speakers import name_run

if TYPE_CHECKING:
    from .attribution_state import AttributionState as Attributor

# a signature after the quotation: a dash and a name ("― Dana R., Leeds")
_SIGNATURE = re.compile(r"[ \t]*\n?[ \t]*(?:[―—–]|--?)[ \t]*\n?[ \t]*"
                        r"(@?[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*)"
                        r"[ \t]*(?:[,.;(]|\n|$)")
_ENDS_SENTENCE = re.compile(r"[.!?…][\s’']*$")
_TRAILING = " \t\r\n.,;:!?”’\"'"
_INSCRIPTION = re.compile(r"(?i:\b(?:" + trie_pattern(sorted(INSCRIPTION_NOUNS)) + r")\b)")


def transcript(att: Attributor, q: Quote) -> bool:
    m = att.turn_of(q.block, q.start)
    if m is None:
        return False
    group = m.lastindex or 1
    att.set(q, "transcript", m.group(group), m.start(group))
    return True


def inscription(att: Attributor, q: Quote) -> bool:
    b = att.blocks[q.block]
    lo, hi = max(b.start, q.start - 50), min(b.end, q.end + 40)
    if not _INSCRIPTION.search(att.text, lo, hi):
        return False  # (one search; the words are read below only if a thing is named)
    before = [t for _, t in att.tokens(max(b.start, q.start - 50), q.start)][-4:]
    after = [t for _, t in att.tokens(q.end, min(b.end, q.end + 40))][:3]
    for word in reversed(before + after):
        if word.lower() in INSCRIPTION_NOUNS:
            att.set(q, "inscription", word, q.start)
            return True
    return False


def headline(att: Attributor, q: Quote) -> bool:
    b = att.blocks[q.block]
    # (the cheap tests first: the rest of the block is read only in a heading or the first)
    if not (b.heading or (q.block == 0 and len(att.blocks) > 1 and _ends_line(att, q, b))):
        return False
    if not ends_with_colon(att.text, b.start, q.start):
        return False
    found = att.block_source_before(q.block, q.start)
    if found is None:  # (a word cut at the quotation: read the words up to it)
        tokens = att.tokens(b.start, q.start)
        j = next((j for j in range(len(tokens)) if att.source_at(tokens, j)), -1)
        found = (name_run(tokens, j), tokens[j][0]) if j >= 0 else ("", -1)
    speaker, at = found
    if speaker:
        att.set(q, "headline", speaker, at)
        return True
    return False


def _ends_line(att: Attributor, q: Quote, b: Block) -> bool:
    """``not text[q.end : b.end].strip(_TRAILING)``: nothing but closing punctuation after the
    quotation in its block. The block's last other character is found once, reading back."""
    last = att.block_tails.get(b.start)
    if last is None:
        last = b.end
        while last > b.start and att.text[last - 1] in _TRAILING:
            last -= 1
        att.block_tails[b.start] = last
    return last <= q.end


def signature(att: Attributor, q: Quote) -> bool:
    s, e = q.inner
    if not q.closed or not _ENDS_SENTENCE.search(att.text, s, e):
        return False
    m = _SIGNATURE.match(att.text, q.end)
    if m is None:
        return False
    att.set(q, "signature", m.group(1).lstrip("@"), m.start(1))
    return True


def post(att: Attributor, q: Quote) -> bool:
    # back from the last post starting by the quotation, while one may still reach its end
    # (posts are in order: a scan of all of them for each quotation was quadratic)
    k = bisect_right(att.post_starts, q.start) - 1
    while k >= 0 and att.post_reach[k] >= q.end and att.posts[k][1] < q.end:
        k -= 1
    if k < 0 or att.post_reach[k] < q.end:
        return False
    att.set(q, "post", "", q.start)
    return True
