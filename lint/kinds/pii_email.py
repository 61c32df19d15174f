"""``pii-email``: e-mail addresses (policy reference 3.7, H8).

Documentation domains are exempt: example.com, example.org and example.net (RFC 2606) and
anything under the reserved ``.test``, ``.example``, ``.invalid`` and ``.localhost`` names,
with their subdomains; ``exempt_domains`` replaces that list, ``extra_exempt_domains`` adds to
it (a newsroom's own press address, say). Role mailboxes (press@, news@, tips@, info@ …) are
published on purpose, so they are reported one level lower. "@handles" have no domain and
never match.

Readers mask what is not prose, and a bare address, an autolink or a mailto: target in
Markdown or HTML is masked as a link: yet it is published all the same. So the rule also reads
the source where the view is blank, outside code, for an address that stands alone or after
"mailto:" (not the user part of a URL), and reports it at its exact source position.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import accumulate

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, word_list
from .base.rule import Hit, Rule

NAME = "pii-email"
KEYS = {
    "exempt_domains": schema.is_str_list, "extra_exempt_domains": schema.is_str_list,
    "role_mailboxes": schema.is_str_list, "extra_role_mailboxes": schema.is_str_list,
}
EXEMPT_DOMAINS = ["example.com", "example.org", "example.net", "test", "example", "invalid",
                  "localhost"]
ROLE_MAILBOXES = [
    "press", "news", "newsdesk", "tips", "info", "contact", "enquiries", "inquiries", "media",
    "editor", "editors", "letters", "office", "help", "support", "hello", "admin",
    "communications", "comms", "webmaster", "postmaster", "abuse", "privacy", "feedback",
]
# A dot-atom local part (no leading, trailing or doubled dot) and a host name with a
# letters-only top-level domain; a full stop ending the sentence is not part of the domain.
_EMAIL = re.compile(
    r"(?<![\w.%+'-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
    r"@((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63})(?![\w-]|\.[A-Za-z0-9])"
)

# The characters of a local part: an address starts where a run of them before its "@" starts
# (the look-behind forbids each of them before the start, so no start lies inside the run).
_LOCAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_%+.-")
# What may stand right before a masked address: nothing, a space, a bracket or quote, "mailto:"
_STANDS_ALONE = re.compile(r"(?:^|[\s<(\[{\"'=>])(?:mailto:)?$", re.IGNORECASE)
# how many characters before an address a match of it can start ("\nmailto:" and a line
# break that "$" may stand before: 9; a start at the file's start only within that too)
_STANDS_REACH = 12


def local_parts(text: str) -> list[int]:
    """Where the local part before each "@" starts: where an address can."""
    starts = []
    at = text.find("@")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1] in _LOCAL:
            start -= 1
        if start < at:
            starts.append(start)
        at = text.find("@", at + 1)
    return starts


_ADDRESSES = finder.placed(_EMAIL, local_parts)


def addresses(text: str) -> Iterator[re.Match[str]]:
    """``_EMAIL.finditer(text)`` on a text of its own (the source, beside the document)."""
    return iter(_ADDRESSES.matches_at(text, local_parts(text)))


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class Email(EditorialRule):
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.exempt = [d.lower().strip(".") for d in word_list(spec, "exempt_domains",
                                                               EXEMPT_DOMAINS)]
        self.roles = frozenset(r.lower() for r in word_list(spec, "role_mailboxes",
                                                           ROLE_MAILBOXES))

    def _exempt(self, domain: str) -> bool:
        domain = domain.lower()
        return any(domain == d or domain.endswith("." + d) for d in self.exempt)

    def _hit(self, m: re.Match[str], start: int, end: int) -> Hit | None:
        if self._exempt(m.group(1)):
            return None
        local = m.group()[: m.start(1) - m.start() - 1].lower()
        return Hit(start, end, (m.group(),), lower=1 if local in self.roles else 0)

    def check(self, ctx: Context) -> Iterable[Hit]:
        seen: set[tuple[int, str]] = set()  # (line, address) found in the view
        line = _Lines(ctx.text)
        # every address holds an "@": tried only before one, most documents need no scan
        for m in _ADDRESSES.finditer(ctx):
            if hit := self._hit(m, m.start(), m.end()):
                seen.add((line.of(m.start()), m.group().lower()))
                yield hit
        yield from self._masked(ctx, seen)

    def _masked(self, ctx: Context, seen: set[tuple[int, str]]) -> Iterable[Hit]:
        """Addresses the reader masked as links (see the module docstring)."""
        source, prose = ctx.doc.text, ctx.doc.prose
        if source == ctx.text or "@" not in source:
            return
        code = sorted((r.start, r.end) for r in ctx.doc.regions_of("code"))
        # a code region overlaps [s, e) if one starting before e reaches past s: the furthest
        # reach of those is found by bisection (not a scan of every region for each address)
        code_starts = [a for a, _ in code]
        code_reach = list(accumulate((b for _, b in code), max))
        line = _Lines(ctx.text)
        for m in addresses(source):
            s, e = m.span()
            k = bisect_left(code_starts, e) - 1
            if k >= 0 and code_reach[k] > s:
                continue
            # (what stands before it is a few characters: read those, not the file up to it)
            if not _STANDS_ALONE.search(source, max(0, s - _STANDS_REACH), s):
                continue
            vs, ve = prose.to_view(s), prose.to_view(e)
            # the view must be blank there and map back to exactly this span
            if ctx.text[vs:ve].strip() or prose.to_source(vs, ve) != (s, e):
                continue
            # "[amy@x.com](mailto:amy@x.com)": the visible text was reported already
            if (line.of(vs), m.group().lower()) in seen:
                continue
            if hit := self._hit(m, vs, ve):
                yield hit


class _Lines:
    """Line numbers of ascending offsets, counted on from the last one asked (counting from the
    start for each address made a file of thousands of addresses quadratic)."""

    def __init__(self, text: str) -> None:
        self.text, self.at, self.line = text, 0, 0

    def of(self, offset: int) -> int:
        if offset < self.at:  # (never in order of addresses: count afresh)
            self.at = self.line = 0
        self.line += self.text.count("\n", self.at, offset)
        self.at = offset
        return self.line


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Email(spec)
