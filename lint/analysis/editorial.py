"""The per-document editorial analysis: blocks, sentences, quotations with speakers.

Built lazily from a Context and cached on it; rule kinds ask for what they need.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from ..text.document import Document
from .attribution import attribute
from .blocks import Block, blocks_of
from .claims import Claims, Sentence
from .quotations import find_quotes
from .quote import Quote
from .sentences import split

# what marks a press release (looked for with plain substring tests: a regex over the whole
# text with these alternatives tried at every character cost a tenth of the linting)
_RELEASE_MARKS = ("PRNewswire", "PR Newswire", "Business Wire", "BUSINESS WIRE", "GLOBE NEWSWIRE",
                  "GlobeNewswire", "Accesswire", "FOR IMMEDIATE RELEASE", "For Immediate Release")
_RELEASE_REACH = 1500  # characters from either end of the file where a release shows itself
_CONTACT = re.compile(r"(?:Media|Press|Investor|MEDIA|PRESS|INVESTOR) (?:Contacts?|Relations|"
                      r"CONTACTS?|RELATIONS)\s*:")


# a comment's header line: "handle · 3h", "Posted by handle · Mar 2, 2026, 9:40 PM"
_COMMENT_HEADER = re.compile(
    r"^(?:Posted by \S+|[\w.-]+) · (?:\d+\s?[smhdw]|\w{3}\.? \d{1,2}, \d{4}[^\n]*)$",
    re.MULTILINE,
)


class Editorial:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.prose.text

    @cached_property
    def blocks(self) -> list[Block]:
        return blocks_of(self.doc)

    @cached_property
    def sentence_list(self) -> list[Sentence]:
        out: list[Sentence] = []
        for i, b in enumerate(self.blocks):
            out.extend(Sentence(s, e, i) for s, e in split(self.text, b.start, b.end))
        return out

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.sentence_list]

    @cached_property
    def links(self) -> list[tuple[int, int]]:
        prose = self.doc.prose
        return sorted(
            (prose.to_view(r.start), prose.to_view(r.end))
            for r in self.doc.regions
            if r.kind == "link"
        )

    @cached_property
    def claims(self) -> Claims:
        return Claims(self.text, self.blocks, self.sentence_list, self.quotes, self.links,
                      self.turns)

    @cached_property
    def press_release(self) -> bool:
        """A press release speaks for its issuer: its figures and superlatives are the
        issuer's own claims, sourced by the release itself. Told by a release wire's name
        (PR Newswire, Business Wire, GlobeNewswire), "FOR IMMEDIATE RELEASE" or a media or
        investor contact line near the top or the foot of the file (read in the source: the
        reader blanks the dateline)."""
        text = self.doc.text
        # the marks sit at a release's head (dateline, FOR IMMEDIATE RELEASE) or foot (contacts);
        # a news story naming Business Wire in its eighth paragraph is not a release
        ends = text if len(text) <= 2 * _RELEASE_REACH else (
            text[:_RELEASE_REACH] + "\n" + text[-_RELEASE_REACH:])
        return any(m in ends for m in _RELEASE_MARKS) or _CONTACT.search(ends) is not None

    @cached_property
    def turns(self) -> list[tuple[int, int]]:
        """Words that are someone else's, like a quotation: each transcript turn ("RUIZ: …",
        "Q: …") from after the speaker's label to the end of the paragraph, and in a comment
        thread every paragraph after the first comment header ("kristin_oakdale · 3h",
        "Posted by GreenwayGabe · Mar 2, 2026"): the readers' own posts. (A court record's
        turns are paragraphs of their own: lint/text/readers/parts/text_court.py.)"""
        from .turns import block_turn

        out = []
        for i, b in enumerate(self.blocks):
            m = None if b.heading else block_turn(self.text, self.blocks, i, b.end)
            if m is not None:
                out.append((m.end(), b.end))
        return sorted(out + self.posts)

    @cached_property
    def posts(self) -> list[tuple[int, int]]:
        """In a comment thread (two or more comment headers), the paragraphs after the first."""
        if "·" not in self.text:
            return []  # (no header can be there: the usual case, found without a regex)
        headers = {m.start(): m.end() for m in _COMMENT_HEADER.finditer(self.text)}
        if len(headers) < 2:
            return []
        first = min(headers)
        # a paragraph opening with its header line: the post is what follows the header
        return [(headers.get(b.start, b.start), b.end) for b in self.blocks
                if b.start >= first and not b.heading and headers.get(b.start, 0) < b.end]

    @cached_property
    def _quotes(self) -> tuple[list[Quote], list[int]]:
        quotes, unmatched = find_quotes(self.text, self.blocks)
        attribute(self.text, self.blocks, self.sentences, quotes, posts=self.posts)
        return quotes, unmatched

    @property
    def quotes(self) -> list[Quote]:
        return self._quotes[0]

    @property
    def unmatched_marks(self) -> list[int]:
        return self._quotes[1]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_of(self, offset: int) -> Block:
        """The block holding view offset ``offset`` (the last one starting at or before it)."""
        i = bisect_right(self._block_starts, offset) - 1
        return self.blocks[max(i, 0)]
