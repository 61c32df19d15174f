"""The prose view rules read, and its exact map back to source offsets.

Readers build a view of the source with :class:`ProseBuilder`: prose is copied, non-prose is
blanked to spaces (line breaks kept), and where the text a rule should see differs in length
from the source (``it&rsquo;s`` → ``it’s``, a Markdown escape ``\\*`` → ``*``) a substitution is
recorded. With no length-changing substitution the view has the source's length and maps to it
by identity (the fast, common case); otherwise a monotone piece table maps every view offset to
source offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

_BLANK = str.maketrans({c: " " for c in map(chr, range(0x21, 0x80))})


def blank(chunk: str) -> str:
    """Replace every character but line breaks with a space, keeping the length."""
    if chunk.isascii():
        return chunk.translate(_BLANK).replace("\t", " ")
    return "".join(c if c in "\r\n" else " " for c in chunk)


@dataclass(frozen=True, slots=True)
class Piece:
    """view[view_start:view_start+view_len] stands for source[src_start:src_start+src_len].

    ``exact`` pieces map character by character (view_len == src_len); a substitution maps
    as one unit: any view offset inside it points at the whole source span.
    """

    view_start: int
    src_start: int
    view_len: int
    src_len: int
    exact: bool


class ProseText:
    """The text rules see (``text``), with its mapping to source offsets."""

    __slots__ = ("_pieces", "_src_starts", "_view_starts", "source_length", "text")

    def __init__(self, text: str, source_length: int, pieces: list[Piece] | None = None) -> None:
        self.text = text
        self.source_length = source_length
        self._pieces = pieces
        self._view_starts = [p.view_start for p in pieces] if pieces else []
        self._src_starts = [p.src_start for p in pieces] if pieces else []

    @property
    def is_identity(self) -> bool:
        return self._pieces is None

    def _piece_at(self, view_offset: int) -> Piece:
        assert self._pieces is not None
        return self._pieces[max(bisect_right(self._view_starts, view_offset) - 1, 0)]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span [start, end) to the source span it covers."""
        if self._pieces is None:
            return start, end
        p = self._piece_at(start)
        if start >= p.view_start + p.view_len:  # at the very end of the view
            s = p.src_start + p.src_len
        else:
            s = p.src_start + (start - p.view_start if p.exact else 0)
        if end <= start:
            return s, s
        q = self._piece_at(end - 1)
        e = q.src_start + (end - q.view_start if q.exact else q.src_len)
        return s, e

    def to_view(self, src_offset: int) -> int:
        """Map a source offset to the view offset at or after it (for region boundaries)."""
        if self._pieces is None:
            return src_offset
        i = max(bisect_right(self._src_starts, src_offset) - 1, 0)
        p = self._pieces[i]
        delta = src_offset - p.src_start
        if p.exact or delta == 0:
            return p.view_start + min(delta, p.view_len)
        return p.view_start + p.view_len  # inside a substitution: its end


class ProseBuilder:
    """Assemble a view from consecutive source spans, in source order."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._pos = 0  # next source offset to consume
        self._view_len = 0
        self._changed_length = False

    @property
    def position(self) -> int:
        return self._pos

    def _add(self, text: str, src_len: int, exact: bool) -> None:
        if not text and not src_len:
            return
        vs, ss = self._view_len, self._pos
        last = self._pieces[-1] if self._pieces else None
        if exact and last is not None and last.exact:
            self._pieces[-1] = Piece(
                last.view_start,
                last.src_start,
                last.view_len + len(text),
                last.src_len + src_len,
                True,
            )
        else:
            self._pieces.append(Piece(vs, ss, len(text), src_len, exact))
        self._parts.append(text)
        self._view_len += len(text)
        self._pos += src_len

    def keep(self, end: int) -> None:
        """Copy source[position:end] as prose."""
        if end > self._pos:
            self._add(self.source[self._pos : end], end - self._pos, True)

    def blank(self, end: int) -> None:
        """Blank source[position:end] (non-prose), keeping line breaks."""
        if end > self._pos:
            self._add(blank(self.source[self._pos : end]), end - self._pos, True)

    def substitute(self, end: int, text: str) -> None:
        """Show ``text`` for source[position:end] (an entity or escape)."""
        n = end - self._pos
        if len(text) == n:
            self._add(text, n, True)
        else:
            self._changed_length = True
            self._add(text, n, False)

    def finish(self, tail: str = "keep") -> ProseText:
        if tail == "keep":
            self.keep(len(self.source))
        else:
            self.blank(len(self.source))
        text = "".join(self._parts)
        pieces = self._pieces if self._changed_length else None
        return ProseText(text, len(self.source), pieces)
