"""``html``: one self-contained page showing every checked document with its findings.

At the top, a summary (findings by severity and by category as bar charts whose labels and
counts are text) and a table of contents, files with the most findings first; then each file
in that order, as it reads, with its findings highlighted (:mod:`.html_view` draws them).
Everything is inline (styles, script, charts): the page loads nothing, so it can be opened from
a CI artefact or an e-mail offline. Everything from the run (texts, paths, messages, rule ids,
errors) is escaped, and a Content-Security-Policy lets only the page's own script run: a story
can never inject markup or script into its report.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter

from ..core.model import FileResult
from .base import Formatter, severity_counts
from .escape import shown_path
from .full import plural
from .html_view import SEVERITIES, annotated_document, class_name, escape, hue, script, stylesheet

KEYS = (
    '<p class="cd-keys">Keys: <kbd>j</kbd> or <kbd>n</kbd> next finding, <kbd>k</kbd> or '
    "<kbd>p</kbd> previous, <kbd>Esc</kbd> hides the note; <kbd>Tab</kbd> also moves from "
    "finding to finding.</p>"
)


def _policy(js: str) -> str:
    # Only the script whose hash this is may run (no inline handlers, no other script);
    # nothing may be fetched. Styles stay inline: the marks carry their category's hue.
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src 'none'; form-action 'none'; base-uri 'none'"
    )


class Html(Formatter):
    name = "html"
    choice_order = 8  # after the machine formats: it is read in a browser
    needs_text = True  # it shows each document whole

    def render(self, results: list[FileResult]) -> None:
        js = script()
        # (doc id, result) with the most findings first, then in command-line order
        ranked = sorted(
            ((f"f{i}", r) for i, r in enumerate(results, 1)),
            key=lambda item: -len(item[1].violations),
        )
        total = sum(len(r.violations) for r in results)
        checked = sum(1 for r in results if not r.error)
        title = f"copydesk: {plural(total, 'finding')} in {plural(len(results), 'file')}"
        write = self.out.write
        write(
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_policy(js)}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="generator" content="copydesk">'
            f"<title>{escape(title)}</title><style>{stylesheet()}</style></head>\n"
            '<body class="cd-report"><a class="cd-skip" href="#cd-files">Skip to the documents'
            f'</a><main><h1>{escape(title)}</h1><p class="cd-meta">'
            f"{plural(checked, 'file')} checked"
        )
        failed = len(results) - checked
        if failed:
            write(f"; {plural(failed, 'file')} could not be checked")
        write(f" &middot; copydesk {escape(self.ctx.tool_version)}</p>{KEYS}\n")
        write(self._summary(results))
        write(self._contents(ranked))
        write('<div id="cd-files">\n')
        for doc_id, result in ranked:
            write(self._file(doc_id, result))
        if not results:
            write('<p class="cd-none">No files were checked.</p>')
        write(f"</div></main><script>{js}</script></body></html>\n")

    def _summary(self, results: list[FileResult]) -> str:
        by_severity = severity_counts(results)
        by_category = Counter(v.category for r in results for v in r.violations)
        severities = [(s, by_severity[s], f"cd-sev-{s}", "") for s in SEVERITIES]
        categories = [
            (c, n, f"cd-cat-{class_name(c)}", f"--cd-hue:{hue(c)}")
            for c, n in sorted(by_category.items(), key=lambda item: (-item[1], item[0]))
        ]
        charts = _chart("Findings by severity", severities)
        if categories:
            charts += _chart("Findings by category", categories)
        return f'<section class="cd-summary" aria-label="Summary">{charts}</section>\n'

    def _contents(self, ranked: list[tuple[str, FileResult]]) -> str:
        if not ranked:
            return ""
        head = "".join(f'<th scope="col">{s}</th>' for s in SEVERITIES)
        rows = []
        for doc_id, r in ranked:
            counts = severity_counts([r])
            state = (
                '<td class="cd-count">could not be checked</td>' if r.error and not r.violations
                else f'<td class="cd-count">{len(r.violations)}</td>'
            )
            rows.append(
                f'<tr><th scope="row"><a href="#{doc_id}-file">{escape(shown_path(r.path))}</a>'
                f"</th>{state}"
                + "".join(f'<td class="cd-count">{counts[s]}</td>' for s in SEVERITIES)
                + "</tr>"
            )
        return (
            '<nav class="cd-toc" aria-labelledby="cd-toc-title"><h2 id="cd-toc-title">Files, '
            "most findings first</h2><table><thead><tr>"
            f'<th scope="col">File</th><th scope="col">Findings</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></nav>\n"
        )

    def _file(self, doc_id: str, result: FileResult) -> str:
        path = escape(shown_path(result.path))
        count = len(result.violations)
        parts = [
            f'<section class="cd-file" id="{doc_id}-file" aria-labelledby="{doc_id}-title">'
            f'<h2 id="{doc_id}-title">{path} <span class="cd-meta">'
            f"({plural(count, 'finding')})</span></h2>"
        ]
        if result.error:
            fully = " fully" if count else ""
            parts.append(
                f'<p class="cd-error" role="note"><strong>Could not be checked{fully}:</strong> '
                f"{escape(result.error)}</p>"
            )
        if result.kept is not None:  # the text was dropped: only what was kept can be shown
            parts.append('<p class="cd-none">The text of this file was not kept.</p>')
        elif result.text or count:
            doc = annotated_document(result.text, result.violations, self.ctx.rules, doc_id=doc_id)
            if count:
                parts.append(doc)
            else:  # a clean file's text is there to read, folded so the findings stand out
                parts.append(f"<details><summary>Show the text</summary>{doc}</details>")
        elif not result.error:
            parts.append('<p class="cd-none">The file is empty.</p>')
        parts.append("</section>\n")
        return "".join(parts)


def _chart(caption: str, rows: list[tuple[str, int, str, str]]) -> str:
    """A bar chart as a list: each row's name and count are text (the chart's own text
    alternative, read in order by a screen reader); the bars are drawn for the eye only."""
    top = max((row[1] for row in rows), default=0)
    items = []
    for name, n, cls, style in rows:
        width = round(100 * n / top) if top else 0
        items.append(
            f'<li class="{cls}" style="{style}"><span class="cd-bar-label">{escape(name)}</span>'
            f'<span class="cd-bar" aria-hidden="true"><span style="width:{width}%"></span></span>'
            f'<span class="cd-count">{n}</span></li>'
        )
    return (
        f'<figure class="cd-chart"><figcaption>{escape(caption)}</figcaption>'
        f'<ul class="cd-bars">{"".join(items)}</ul></figure>'
    )


FORMATS = (Html,)
