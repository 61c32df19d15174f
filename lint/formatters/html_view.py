"""One checked document as HTML, as it reads, every finding highlighted at its exact span.

Shared by ``--format html`` (the report) and ``copydesk serve`` (the page): both inline
:func:`stylesheet` and :func:`script` and place :func:`annotated_document` fragments.

**Positions.** A violation's offsets are code-point offsets into ``text`` (Python ``str``
indices): the text is sliced at them, never searched again. Every character of the source
reaches the DOM as itself: ``&``, ``<``, ``>`` and quotes are escaped, and ``\\r`` is written
``&#13;`` because an HTML parser turns a literal CR LF into LF. (A NUL or a lone surrogate, which
decoded files never hold, become U+FFFD: HTML cannot carry them.)

**The marks.** The text is cut at every start and end of every finding, so marks never nest:
each piece of text covered by one or more findings is one
``<mark class="cd-finding cd-sev-<severity> cd-cat-<category>…" data-finding="<id> <id>…">``
whose ``data-finding`` lists, space-separated and in document order, the ids of *all* the
findings covering that piece (select one finding's pieces with ``[data-finding~="<id>"]``). A
finding's id is ``<doc_id>-<n>``, ``n`` counting from 1 in the order of
:meth:`Violation.sort_key`; its text is the concatenation, in document order, of the
``textContent`` of the marks carrying its id, which is exactly ``text[offset:end_offset]``. A
piece covered by several findings has the class of the most severe of them and the category
classes of all. A zero-length finding is an empty ``<mark class="cd-finding cd-empty …">``
carrying only its own id. The first piece of each finding has ``tabindex="0"``, the id
``<finding id>`` (the lowest when findings start together) and ``data-first`` (the findings
that start there); every piece has ``aria-describedby`` naming the notes of its findings.

**The notes.** Each finding has ``<li class="cd-note" id="<finding id>-note">`` in the
article's margin list: number, severity as a word, message, rule id and link, the matched text,
and a fix as ``<del>``/``<ins>`` suggested edits.

A mark or note carries its category's hue as ``style="--cd-hue:N"``: a page with a
Content-Security-Policy needs ``style-src 'unsafe-inline'`` (the report's policy allows inline
styles, and no script but its own).

``doc_id`` becomes part of element ids and of the space-separated list above, so any character
of it outside ``[A-Za-z0-9_-]`` is replaced by ``_``. Choose ids that no finding id of another
document can equal (the report uses ``f1``, ``f2``…: never a ``-`` followed by digits).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence

from ..core.model import Severity, Violation
from ..core.rule_spec import RuleSpec
from . import html_script, html_style

_NOT_ID = re.compile(r"[^A-Za-z0-9_-]")
_NOT_CLASS = re.compile(r"[^a-z0-9-]+")
# what HTML cannot carry as text (NUL, lone surrogates), and the CR its parser would fold
_SPECIAL = re.compile("[\r\x00\ud800-\udfff]")
_SAFE_URL = re.compile(r"https?://[^\s\"'<>\\]+\Z", re.IGNORECASE)
MATCH_SHOWN = 120  # code points of a match quoted in its note


def _sub(m: re.Match[str]) -> str:
    return "&#13;" if m[0] == "\r" else "\ufffd"


# html.escape's table, without importing the html package (and its entity table) at start-up:
# the registry of formats imports this module on every run
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``text`` as HTML text or attribute value that parses back to the same characters."""
    text = text.translate(_ESCAPES)
    return _SPECIAL.sub(_sub, text) if _SPECIAL.search(text) else text


def class_name(name: str) -> str:
    """A category (or any name) as a class-name part: ``[a-z0-9-]`` only, never empty."""
    return _NOT_CLASS.sub("-", name.lower()).strip("-") or "none"


def safe_id(doc_id: str) -> str:
    return _NOT_ID.sub("_", doc_id) or "_"


def hue(category: str) -> int:
    """A stable hue for a category: the same colour in every report and on the page."""
    return zlib.crc32(category.encode("utf-8", "replace")) % 360


def safe_url(url: str) -> str | None:
    """``url`` if it is a plain http(s) address (never ``javascript:``, ``data:``…)."""
    return url if _SAFE_URL.match(url) else None


def stylesheet() -> str:
    """The CSS both the report and the page inline."""
    return html_style.CSS


def script() -> str:
    """The JS (keyboard navigation, note display) both inline."""
    return html_script.JS


def annotated_document(
    text: str, violations: Sequence[Violation], rules: Mapping[str, RuleSpec], *, doc_id: str
) -> str:
    """HTML fragment (one <article class="cd-doc" id=doc_id>…) of the text as it reads, every
    finding highlighted."""
    doc = safe_id(doc_id)
    ordered = sorted(violations, key=lambda v: v.sort_key())
    size = len(text)
    spans = []
    for v in ordered:  # clamped: a bad offset must not break the page (nor raise)
        start = min(max(v.offset, 0), size)
        spans.append((start, min(max(v.end_offset, start), size)))
    ids = [f"{doc}-{n}" for n in range(1, len(ordered) + 1)]
    body = _marked_text(text, ordered, spans, ids)
    notes = "".join(
        _note(text, v, span, fid, n, rules)
        for n, (v, span, fid) in enumerate(zip(ordered, spans, ids, strict=True), 1)
    )
    count = len(ordered)
    label = f"{count} finding" + ("" if count == 1 else "s")
    margin = (
        f'<ol class="cd-notes">{notes}</ol>' if ordered
        else '<p class="cd-none">No findings.</p>'
    )
    return (
        f'<article class="cd-doc" id="{doc}" data-findings="{count}">'
        f'<div class="cd-text" dir="auto">{body}</div>'
        f'<aside class="cd-margin" aria-label="{label}"><h3 class="cd-margin-title">{label}'
        f"</h3>{margin}</aside></article>"
    )


def _marked_text(
    text: str, ordered: list[Violation], spans: list[tuple[int, int]], ids: list[str]
) -> str:
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    empties: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(spans):
        if start == end:
            empties.setdefault(start, []).append(i)
        else:
            starts.setdefault(start, []).append(i)
            ends.setdefault(end, []).append(i)
    cuts = sorted({0, len(text), *starts, *ends, *empties})
    active: dict[int, None] = {}  # findings covering the current piece, as an ordered set
    out: list[str] = []
    for here, after in zip(cuts, [*cuts[1:], None], strict=True):
        for i in ends.get(here, ()):
            del active[i]
        for i in empties.get(here, ()):
            out.append(_mark([i], [i], "", ordered, ids, empty=True))
        beginning = starts.get(here, [])
        for i in beginning:
            active[i] = None
        if after is None or after == here:
            continue
        piece = text[here:after]
        if active:
            out.append(_mark(sorted(active), beginning, piece, ordered, ids))
        else:
            out.append(escape(piece))
    return "".join(out)


def _mark(
    covering: list[int], first: list[int], piece: str, ordered: list[Violation],
    ids: list[str], empty: bool = False,
) -> str:
    found = [ordered[i] for i in covering]
    severity = max(v.severity for v in found)
    categories = dict.fromkeys(class_name(v.category) for v in found)
    classes = ["cd-finding", f"cd-sev-{severity}", *(f"cd-cat-{c}" for c in categories)]
    if empty:
        classes.append("cd-empty")
    if len(found) > 1:
        classes.append("cd-multi")
    described = " ".join(f"{ids[i]}-note" for i in covering)
    attrs = [
        f'class="{" ".join(classes)}"',
        f'data-finding="{" ".join(ids[i] for i in covering)}"',
        f'aria-describedby="{described}"',
        f'style="--cd-hue:{hue(found[0].category)}"',
    ]
    if first:
        attrs += [
            f'id="{ids[first[0]]}"', 'tabindex="0"',
            f'data-first="{" ".join(ids[i] for i in first)}"',
            f'data-n="{",".join(str(i + 1) for i in first)}"',
        ]
    if empty:  # nothing to read: say what is there
        attrs += ['role="img"', f'aria-label="finding {covering[0] + 1}: {severity} here"']
    return f"<mark {' '.join(attrs)}>{escape(piece)}</mark>"


def _note(
    text: str, v: Violation, span: tuple[int, int], fid: str, n: int,
    rules: Mapping[str, RuleSpec],
) -> str:
    spec = rules.get(v.rule)
    severity = str(v.severity)
    matched = text[span[0] : span[1]]
    quoted = matched if len(matched) <= MATCH_SHOWN else matched[:MATCH_SHOWN] + "…"
    parts = [
        f'<li class="cd-note cd-sev-{severity} cd-cat-{class_name(v.category)}" id="{fid}-note"'
        f' data-finding="{fid}" style="--cd-hue:{hue(v.category)}">',
        f'<a class="cd-note-n" href="#{fid}" aria-label="finding {n}, go to the text">{n}</a> ',
        f'<span class="cd-sev-label">{severity}</span> ',
        f'<span class="cd-cat-label">{escape(v.category)}</span> ',
        f'<span class="cd-msg">{escape(v.message)}</span> ',
    ]
    if matched:
        parts.append(f'<q class="cd-match" dir="auto">{escape(quoted)}</q> ')
    url = safe_url(v.url or (spec.link if spec else ""))
    rule = f'<code class="cd-rule">{escape(v.rule)}</code>'
    if url:
        rule = f'<a class="cd-rule-link" href="{escape(url)}" rel="noreferrer">{rule}</a>'
    parts.append(rule)
    if spec and spec.description:
        # folded: a rule's description runs to a paragraph, the message is what to act on
        parts.append(f'<details class="cd-about"><summary>About this rule</summary>'
                     f'<span class="cd-desc">{escape(spec.description)}</span></details>')
    if v.fix and v.fix.replacements:
        parts.append(_fix(text, v))
    parts.append("</li>")
    return "".join(parts)


def _fix(text: str, v: Violation) -> str:
    """The fix as suggested edits: what goes (<del>) and what comes (<ins>), per replacement."""
    edits = []
    for rep in v.fix.replacements if v.fix else ():
        old = text[max(rep.offset, 0) : max(rep.end_offset, rep.offset, 0)]
        edit = ""
        if old:
            edit += f'<del dir="auto"><span class="cd-sr">delete </span>{escape(old)}</del>'
        if old and rep.text:
            edit += '<span class="cd-arrow" aria-hidden="true"> \u2192 </span>'
        if rep.text:
            edit += f'<ins dir="auto"><span class="cd-sr">insert </span>{escape(rep.text)}</ins>'
        edits.append(f'<span class="cd-edit">{edit}</span>')
    return '<p class="cd-fix"><span class="cd-fix-label">Suggested edit:</span> ' + (
        " ".join(edits) + "</p>"
    )


# severity names, most severe first (the summary's and the legend's order)
SEVERITIES = tuple(str(s) for s in sorted(Severity, reverse=True))
