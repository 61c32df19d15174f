"""Find the paragraphs and headings in the lines of a plain-text file, whatever its layout.

Plain copy marks paragraphs in one of four ways, and a file may mix them. The file is cut into
*stretches* (runs of non-blank lines between blank lines); furniture (slug, headline, byline,
end markers, tables: :mod:`.text_story`) is set aside, and the prose lines of each
stretch are read by the first of these signals the stretch shows:

1. **First-line indent** (wire copy): a line after the first indented 2+ columns more than the
   least-indented lines starts a paragraph; the less-indented lines after it continue it.
2. **One paragraph per line** (a CMS paste): most lines end a sentence, and some are longer
   than any wrapped line would be (over 100 characters); or (wire copy of one-line
   paragraphs) every line is indented alike and ends a sentence.
3. **Hard wraps** (and any file without blank lines between paragraphs): a line ends its
   paragraph when it ends a sentence (or an introduction with a colon) and is clearly short:
   the next line's first word would have fitted on it, so no greedy wrap broke it there. The
   width is the stretch's longest line, never wider than the real one, so a wrapped paragraph
   is never cut; a quotation open at the end of a line runs on unless the next line reopens it.
4. **Blank lines between paragraphs**: a stretch that shows none of the signals above and is
   not wrapped at a fixed width (its lines that end mid-sentence do not all reach one width)
   is one paragraph.

In 3 and 4 a line opening with a label ("Quote:", "HOST:", "Q:") after a sentence starts a
paragraph. A heading is a short line whose long words are mostly capitalised (``is_heading``),
standing where a paragraph could start and ending its own block (never a line inside a wrapped
or indented paragraph). A dateline opening a story's first paragraph is marked for blanking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ....match.patterns import glyph_positions
from ...draft_labels import DRAFT_LABELS
from .text_furniture import closes, dateline_end
from .text_story import FURNITURE, HEADING, Line
from .text_story import mark_furniture as _mark_furniture

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NO_HEADING_END = tuple('.!:;,”"’)]}')
_QUOTE_GLYPHS = ('"', "“", "”")
_OPEN_BEFORE = frozenset(" \t([{—–“‘/")  # a straight quote after one of these opens a quotation
# a drafting label or a speaker's name in capitals opening a line: a paragraph of its own
_LABEL = re.compile(
    "(?:" + "|".join(DRAFT_LABELS) + r"|[A-Z](?:[A-Z.'’ -]*[A-Z.])?(?: \([A-Z ]+\))?)[ \t]*:[ \t]"
)
_SLACK = 3  # columns a line must have to spare before it counts as clearly short

PARAGRAPH = "paragraph"


def is_heading(line: str) -> bool:
    """Short, no closing punctuation, and its longer words mostly capitalised."""
    stripped = line.strip()
    if not stripped or stripped.endswith(_NO_HEADING_END):
        return False
    words = stripped.split()
    if len(words) > 12:
        return False
    long_words = [w for w in _WORD.findall(stripped) if len(w) > 3]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised >= 0.75 * len(long_words)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading, table or piece of furniture over source span [start, end).

    ``prose_start`` is where a paragraph's prose begins: after the dateline that opens it
    (which the prose view blanks), otherwise at ``start``."""

    kind: str
    start: int
    end: int
    prose_start: int


def layout(text: str, base: int = 0) -> list[Block]:
    """The blocks of ``text`` in source order, offsets counted from ``base``."""
    lines: list[Line] = []
    offset = base
    for raw in text.split("\n"):
        lines.append(Line(offset, raw))
        offset += len(raw) + 1
    stretches: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.text:
            stretches[-1].append(i)
        elif stretches[-1]:
            stretches.append([])
    stretches = [s for s in stretches if s]
    kinds = _mark_furniture(lines, stretches)
    like = [bool(line.text) and is_heading(line.text) for line in lines]
    # a file that sets paragraphs apart with blank lines has two or more stretches of prose
    blank_separated = sum(any(kinds[i] is None and not like[i] for i in s) for s in stretches) > 1
    blocks: list[Block] = []
    for stretch in stretches:
        blocks += _furniture_blocks(lines, stretch, kinds)
        if len(stretch) > 1:
            blocks += _Stretch(lines, stretch, kinds, like, blank_separated).blocks()
        elif kinds[stretch[0]] is None:  # one line, one block: the common case, made short
            line = lines[stretch[0]]
            kind = HEADING if like[stretch[0]] else PARAGRAPH
            blocks.append(Block(kind, line.start, line.end, line.start))
    blocks.sort(key=lambda b: b.start)
    return _mark_datelines(text, base, blocks)


class _Stretch:
    """The paragraphs and headings of one stretch, read by the first signal it shows."""

    def __init__(
        self,
        lines: list[Line],
        stretch: list[int],
        kinds: list[str | None],
        like: list[bool],
        blank_separated: bool,
    ) -> None:
        self.lines = lines
        # runs of consecutive prose lines: furniture between two lines ends a paragraph
        self.runs: list[list[int]] = []
        for i in stretch:
            if kinds[i] is not None:
                continue
            if self.runs and self.runs[-1][-1] + 1 == i:
                self.runs[-1].append(i)
            else:
                self.runs.append([i])
        self.next = {a: b for run in self.runs for a, b in pairwise(run)}
        self.like = {i: like[i] for run in self.runs for i in run}  # heading-like lines
        prose = list(self.like)
        body = [i for i in prose if not self.like[i]]
        self.base = min((lines[i].indent for i in prose), default=0)
        # the longest line of several words that is not heading-like (one overlong word may
        # overrun the width, a headline may be longer): the wrap width, if the stretch is
        # wrapped. It is never wider than the real width, so a line it calls full was full.
        self.fill = max(
            (lines[i].width for i in body if len(lines[i].text.split(None, 1)) > 1), default=0
        )
        # wrapped copy breaks mid-sentence only where the next word would not fit
        mid = [i for i in body if i in self.next and not closes(lines[i].text)]
        full = sum(1 for i in mid if self._full(i, _SLACK))
        self.wrapped = self.fill >= 40 and len(mid) >= 2 and full >= 0.8 * len(mid)
        self.mode = self._mode(prose, body, blank_separated)
        # an exchange of questions and answers, "Q. …" / "A. …" with one space (alone, "A. "
        # may be an initial): two or more lines open with each
        opening = [lines[i].text[:3] for i in body]
        self.exchange = opening.count("Q. ") >= 2 and opening.count("A. ") >= 2

    def _full(self, i: int, slack: int = 0) -> bool:
        """Line ``i`` had no room for the next line's first word (and ``slack`` more columns:
        copy wrapped by hand stops a little short now and then)."""
        nxt = self.next.get(i)
        if nxt is None:
            return False
        return self.lines[i].width + 1 + self.lines[nxt].first_word + slack > self.fill

    def _mode(self, prose: list[int], body: list[int], blank_separated: bool) -> str:
        lines = self.lines
        if self._indented(prose):
            return "indent"
        ends = sum(1 for i in body if closes(lines[i].text))
        if len(body) >= 2 and ends >= 0.75 * len(body) and any(lines[i].width > 100 for i in body):
            return "per-line"
        if self.base >= 2 and len(body) >= 2 and ends == len(body):
            return "per-line"  # wire copy of one-line paragraphs: every line indented, all end
        if blank_separated and not self.wrapped:
            return "block"
        return "flow"

    def _indented(self, prose: list[int]) -> bool:
        """Lines after the first start further in than the least-indented lines, and the lines
        before them end sentences (with a hanging indent, as in a list, they mostly do not)."""
        indented = [i for i in prose[1:] if self.lines[i].indent >= self.base + 2]
        before = [i - 1 for i in indented if self.next.get(i - 1) == i and not self.like[i - 1]]
        ends = sum(1 for i in before if closes(self.lines[i].text))
        return bool(indented) and 2 * ends >= len(before)

    def _ends_paragraph(self, i: int, open_quote: bool) -> bool:
        """Whether the paragraph holding line ``i`` ends with it (``i`` is not last in its run)."""
        nxt = self.lines[self.next[i]]
        if self.mode == "indent":
            return nxt.indent >= self.base + 2
        if self.mode == "per-line":
            return True
        text = self.lines[i].text
        labelled = _LABEL.match(nxt.text) or (self.exchange and nxt.text[:3] in ("Q. ", "A. "))
        if labelled and (closes(text) or text.endswith(":")):
            return True  # a labelled line ("Quote:", "HOST:", "Q:", "A. ") after a sentence
        if self.mode == "block":
            return False
        # the end of a sentence, or a colon introducing a quotation set as its own paragraph,
        # on a line clearly shorter than the wrap width
        if not (closes(text) or text.endswith(":")) or self._full(i, _SLACK):
            return False
        # a quotation open at the end of the line runs on, unless the next line reopens it
        return not open_quote or nxt.text[0] in '"“'

    def _heading(self, i: int, in_paragraph: bool) -> bool:
        """A heading-like line is a heading where a paragraph could start and when it ends its
        own block: never the first line of an indented paragraph or a line a wrap filled."""
        if self.mode == "per-line":
            return True
        # inside a wrapped or indented paragraph, a paragraph can start only after a sentence
        wraps = self.wrapped or self.mode == "indent"
        if in_paragraph and wraps and not closes(self.lines[i - 1].text):
            return False
        nxt = self.next.get(i)
        if self.mode == "indent" and nxt is not None:
            return self.lines[nxt].indent >= self.base + 2
        return not self._full(i)

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        lines = self.lines
        for run in self.runs:
            para: list[int] = []
            open_quote = False
            for i in run:
                if self.like[i] and self._heading(i, bool(para)):
                    out += _paragraph(lines, para)
                    out.append(Block(HEADING, lines[i].start, lines[i].end, lines[i].start))
                    para = []
                    continue
                para.append(i)
                if self.mode == "flow" and i in self.next:  # only flow reads quotations
                    open_quote = _quote_open(lines[i].text, open_quote)
                if i not in self.next or self._ends_paragraph(i, open_quote):
                    out += _paragraph(lines, para)
                    para, open_quote = [], False
        return out


def _paragraph(lines: list[Line], para: list[int]) -> list[Block]:
    if not para:
        return []
    start = lines[para[0]].start
    return [Block(PARAGRAPH, start, lines[para[-1]].end, start)]


def _quote_open(text: str, open_quote: bool) -> bool:
    """Whether a double quotation is open after ``text`` (pairing as copydesk.analysis.quotations
    does: curly marks by direction, a straight mark by what stands before it)."""
    for j, mark in glyph_positions(text, _QUOTE_GLYPHS):
        if mark == '"':
            if not open_quote and text[j - 1 : j].isdigit():
                continue  # a prime: 6" pipe
            open_quote = j == 0 or text[j - 1] in _OPEN_BEFORE
        else:
            open_quote = mark == "“"
    return open_quote


def _furniture_blocks(
    lines: list[Line], stretch: list[int], kinds: list[str | None]
) -> list[Block]:
    """Blocks for the lines already classified: each run of lines of one kind is one block."""
    out: list[Block] = []
    for k, i in enumerate(stretch):
        kind = kinds[i]
        if kind is None:
            continue
        line = lines[i]
        if kind != HEADING and k and kinds[stretch[k - 1]] == kind:
            prev = out.pop()
            out.append(Block(kind, prev.start, line.end, prev.start))
        else:
            out.append(Block(kind, line.start, line.end, line.start))
    return out


def _mark_datelines(text: str, base: int, blocks: list[Block]) -> list[Block]:
    """Mark the dateline opening a story's first paragraph ("LISBON, March 3 (Reuters) -") so
    the agency is not read as a source."""
    story_start = True  # at the top of the file, and after furniture (a slug, a byline)
    out: list[Block] = []
    for b in blocks:
        if b.kind == FURNITURE:
            story_start = True
        elif b.kind == PARAGRAPH and story_start:
            first_line = text[b.start - base : b.end - base].split("\n", 1)[0]
            b = Block(b.kind, b.start, b.end, b.start + dateline_end(first_line))
            story_start = False
        out.append(b)
    return out
