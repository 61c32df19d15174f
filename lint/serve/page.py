"""The one HTML page ``copydesk serve`` sends: its markup and style, self-contained.

No network beyond this server: the CSS and JS are inline (the report's own, from
``formatters/html_view.py``, then the page's), each tag carrying the response's CSP nonce.
What the server tells the page (profiles, formats, file endings, the body limit) is written
into escaped attributes, never into script text. The page's own classes and ids start
``cds-``: ``cd-`` names belong to the shared view's stylesheet.
"""

from __future__ import annotations

import json

from ..core.version import __version__
from ..formatters.html_view import escape
from ..text.readers import by_suffix
from .limits import MAX_BODY
from .page_script import JS
from .view import script, stylesheet

PAGE_CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
 background:#f4f3ef;color:#1b1b1b}
header.cds-bar{display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center;
 padding:.6rem 1rem;background:#1f2d3d;color:#fff}
header.cds-bar h1{font-size:1.05rem;margin:0;font-weight:600;letter-spacing:.02em}
header.cds-bar label{font-size:.9rem;display:flex;gap:.4rem;align-items:center}
header.cds-bar select,header.cds-bar input{font:inherit;font-size:.9rem}
#cds-summary{margin-left:auto;font-size:.9rem;font-variant-numeric:tabular-nums}
#cds-summary.cds-problem{color:#ffd27a}
main.cds-page{display:grid;grid-template-columns:minmax(16rem,1fr) minmax(0,2fr);gap:1rem;
 padding:1rem}
@media (max-width:70rem){main.cds-page{grid-template-columns:minmax(0,1fr)}}
.cds-editor{display:flex;flex-direction:column;gap:.4rem}
.cds-editor label{font-size:.85rem;color:#4a4a4a}
#cds-text{width:100%;min-height:70vh;resize:vertical;padding:.7rem;font:15px/1.5 ui-monospace,
 "DejaVu Sans Mono",monospace;border:1px solid #b9b6ad;border-radius:4px;background:#fff;
 unicode-bidi:plaintext}
#cds-view{min-height:70vh;background:#fff;border:1px solid #d8d5cc;border-radius:4px;
 padding:1rem}
#cds-view[data-state=pending]{opacity:.75}
.cds-empty-view{color:#4a4a4a}
button.cds-apply{font:inherit;font-size:.85rem;margin:.3rem 0 0;padding:.15rem .6rem;
 border:1px solid #1f5f3a;border-radius:3px;background:#e7f4ec;color:#123d25;cursor:pointer}
button.cds-apply:hover,button.cds-apply:focus{background:#cfead9}
.cds-warnings{font-size:.85rem;color:#6b4a00;margin:0 0 .6rem;padding-left:1.2rem}
"""


def render(nonce: str, profiles: list[str], configured: str, formats: list[str]) -> str:
    """The page, its inline style and script tagged with ``nonce``."""
    n = escape(nonce)
    profile_options = [f'<option value="">as configured ({escape(configured)})</option>']
    profile_options += [f'<option value="{escape(p)}">{escape(p)}</option>'
                        for p in profiles]
    format_options = "".join(
        f'<option value="{escape(f)}"{" selected" if f == "markdown" else ""}>'
        f"{escape(f)}</option>" for f in formats)
    suffixes = escape(json.dumps(by_suffix()))
    accept = escape(",".join(sorted(by_suffix())))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>copydesk</title>
<style nonce="{n}">{stylesheet()}</style>
<style nonce="{n}">{PAGE_CSS}</style>
</head>
<body data-suffixes="{suffixes}" data-max-body="{MAX_BODY}">
<header class="cds-bar">
<h1>copydesk <small>{escape(__version__)}</small></h1>
<label>Format <select id="cds-format">{format_options}</select></label>
<label>Profile <select id="cds-profile">{"".join(profile_options)}</select></label>
<label>Open a file <input type="file" id="cds-file" accept="{accept}"></label>
<p id="cds-summary" role="status" aria-live="polite">Paste a story to check it.</p>
</header>
<main class="cds-page">
<div class="cds-editor">
<label for="cds-text">Story (paste, type or open a file; nothing is stored)</label>
<textarea id="cds-text" spellcheck="false" autocomplete="off" dir="auto"
 placeholder="Paste your story here"></textarea>
</div>
<section id="cds-view" aria-label="Annotated story" data-state="idle">
<p class="cds-empty-view">The annotated story appears here: every finding highlighted, its note
in the margin (j / k move between findings), its fix one click away.</p>
</section>
</main>
<script nonce="{n}">{script()}</script>
<script nonce="{n}">{JS}</script>
</body></html>
"""
