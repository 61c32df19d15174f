"""The CSS of the HTML report and of the serve page (one string, inlined: no network).

Severity is never colour alone: an error is underlined solid and thick, a warning wavy, a
suggestion dotted, and each note names its severity in words with a shape (■ ▲ ●). A
category's hue (``--cd-hue``, set per element by :mod:`html_view`) only tints a light
background under near-black text, so text contrast stays above 4.5:1 whatever the hue.
"""

CSS = """
:root{color-scheme:light;--cd-ink:#1b1b1b;--cd-muted:#4a4a4a;--cd-paper:#fff;
--cd-err:#b3261e;--cd-warn:#8a4600;--cd-sug:#0b57a4;--cd-focus:#1a1aa6;--cd-line:#c9c9c9}
.cd-report{margin:0;background:var(--cd-paper);color:var(--cd-ink);
font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.cd-report main{max-width:84rem;margin:0 auto;padding:1rem 1.5rem 3rem}
.cd-skip{position:absolute;left:-999px;top:0}
.cd-skip:focus{left:.5rem;z-index:20;background:#fff;padding:.3rem .6rem;
outline:3px solid var(--cd-focus)}
.cd-report h1{font-size:1.5rem;margin:.5rem 0}
.cd-report a{color:#0b4f9c}
.cd-report a:focus-visible,.cd-report button:focus-visible{outline:3px solid var(--cd-focus);
outline-offset:2px}
.cd-meta,.cd-keys{color:var(--cd-muted);font-size:.9rem}
.cd-keys kbd{border:1px solid #888;border-radius:3px;padding:0 .3em;background:#f4f4f4;
color:var(--cd-ink)}
.cd-summary{display:flex;flex-wrap:wrap;gap:1rem 2.5rem;align-items:flex-start;margin:1rem 0}
.cd-chart{margin:0;min-width:16rem}
.cd-chart figcaption{font-weight:700;margin-bottom:.3rem}
.cd-bars{list-style:none;margin:0;padding:0}
.cd-bars li{display:grid;grid-template-columns:9rem 10rem 3rem;gap:.5rem;align-items:center}
.cd-bar{display:block;height:.9rem;background:#e6e6e6;border-radius:2px;overflow:hidden}
.cd-bar>span{display:block;height:100%;background:hsl(var(--cd-hue,220) 55% 42%);
print-color-adjust:exact;-webkit-print-color-adjust:exact}
.cd-bars .cd-sev-error .cd-bar>span{background:var(--cd-err)}
.cd-bars .cd-sev-warning .cd-bar>span{background:var(--cd-warn)}
.cd-bars .cd-sev-suggestion .cd-bar>span{background:var(--cd-sug)}
.cd-count{text-align:right;font-variant-numeric:tabular-nums}
.cd-toc h2{font-size:1.15rem;margin:1.2rem 0 .5rem}
.cd-toc table{border-collapse:collapse;font-size:.95rem}
.cd-toc th,.cd-toc td{border-bottom:1px solid var(--cd-line);padding:.2rem .7rem;text-align:left}
.cd-toc td.cd-count{text-align:right}
.cd-file{border-top:2px solid var(--cd-line);margin-top:2rem;padding-top:.5rem}
.cd-file h2{font-size:1.15rem;margin:.3rem 0 .8rem;overflow-wrap:anywhere}
.cd-error{border-left:6px solid var(--cd-err);background:#fdf0ef;padding:.5rem .8rem;margin:.5rem 0}
.cd-error strong{color:var(--cd-err)}
.cd-doc{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,26rem);gap:1.5rem;
align-items:start}
@media (max-width:52rem){.cd-doc{grid-template-columns:minmax(0,1fr)}}
.cd-text{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext;
font:1.05rem/1.75 Georgia,"Times New Roman",serif;color:var(--cd-ink);margin:0}
.cd-margin{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto;font-size:.9rem;
line-height:1.4}
.cd-margin-title{font-size:.95rem;margin:0 0 .4rem}
.cd-none{color:var(--cd-muted)}
mark.cd-finding{background:hsl(var(--cd-hue,50) 90% 89%);color:var(--cd-ink);border-radius:2px;
text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.22em;
text-decoration-skip-ink:none;cursor:pointer;print-color-adjust:exact;
-webkit-print-color-adjust:exact}
mark.cd-sev-error{text-decoration-style:solid;text-decoration-color:var(--cd-err);
text-decoration-thickness:3px}
mark.cd-sev-warning{text-decoration-style:wavy;text-decoration-color:var(--cd-warn)}
mark.cd-sev-suggestion{text-decoration-style:dotted;text-decoration-color:var(--cd-sug)}
mark.cd-multi{background-image:linear-gradient(135deg,rgba(0,0,0,.07) 25%,transparent 25%,
transparent 50%,rgba(0,0,0,.07) 50%,rgba(0,0,0,.07) 75%,transparent 75%);background-size:8px 8px}
mark.cd-empty::before{content:"\\2038";font-weight:700;color:var(--cd-err)}
mark.cd-current{outline:2px dashed var(--cd-focus);outline-offset:1px}
mark.cd-finding:focus{outline:3px solid var(--cd-focus);outline-offset:2px}
.cd-notes{list-style:none;margin:0;padding:0}
.cd-note{border-left:6px solid hsl(var(--cd-hue,50) 55% 42%);background:#f7f7f7;padding:.4rem .6rem;
margin:0 0 .5rem;break-inside:avoid}
.cd-note.cd-active{background:#fff6c7;outline:2px solid var(--cd-focus)}
.cd-note-n{display:inline-block;min-width:1.7em;text-align:center;border-radius:1em;background:#333;
color:#fff!important;text-decoration:none;font-weight:700;font-size:.8rem}
.cd-sev-label{font-weight:700;text-transform:uppercase;font-size:.75rem;letter-spacing:.04em}
.cd-sev-error>.cd-sev-label{color:var(--cd-err)}
.cd-sev-warning>.cd-sev-label{color:var(--cd-warn)}
.cd-sev-suggestion>.cd-sev-label{color:var(--cd-sug)}
.cd-sev-error>.cd-sev-label::before{content:"\\25A0  "}
.cd-sev-warning>.cd-sev-label::before{content:"\\25B2  "}
.cd-sev-suggestion>.cd-sev-label::before{content:"\\25CF  "}
.cd-cat-label{color:var(--cd-muted);font-size:.8rem}
.cd-msg{display:block;margin:.15rem 0}
.cd-match{font-family:Georgia,serif;overflow-wrap:anywhere;white-space:pre-wrap}
.cd-rule{font-size:.8rem;overflow-wrap:anywhere}
.cd-desc{display:block;color:var(--cd-muted);font-size:.85rem}
.cd-about summary{cursor:pointer;color:var(--cd-muted);font-size:.8rem}
.cd-tip .cd-about{display:none}
.cd-fix{margin:.3rem 0 0}
.cd-fix-label{font-weight:700}
.cd-edit{white-space:pre-wrap}
.cd-fix del{background:#fde2e1;color:#7a0000}
.cd-fix ins{background:#dcf3df;color:#0a4a14}
.cd-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.cd-tip{position:absolute;z-index:10;max-width:26rem;background:#fff;color:var(--cd-ink);
border:1px solid #555;border-radius:4px;box-shadow:0 4px 14px rgba(0,0,0,.25);padding:.5rem .6rem;
font:.9rem/1.4 system-ui,sans-serif}
.cd-tip .cd-note{margin:0;background:transparent;list-style:none}
.cd-tip[hidden]{display:none}
@media print{
.cd-report main{max-width:none;padding:0}
.cd-doc{display:block}
.cd-margin{position:static;max-height:none;overflow:visible;margin-top:1rem;font-size:10pt}
.cd-tip,.cd-keys,.cd-skip{display:none!important}
mark[data-n]::before{content:attr(data-n);font:700 .6em sans-serif;vertical-align:super;
margin-right:.1em;color:#000}
mark.cd-empty[data-n]::before{content:"\\2038" attr(data-n)}
.cd-note{background:none;border-left-width:3px}
.cd-note.cd-active{outline:none;background:none}
.cd-about{display:none}
.cd-note-n{background:none;color:#000!important;border:1px solid #000}
mark.cd-current,mark.cd-finding:focus{outline:none}
.cd-file{break-before:page}
.cd-file:first-of-type{break-before:auto}
.cd-rule-link::after{content:" <" attr(href) ">";font-size:.75em;overflow-wrap:anywhere}
}
"""
