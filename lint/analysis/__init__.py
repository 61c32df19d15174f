"""Editorial analysis over the prose view: words, quotations and their speakers, figures, cues.

Computed once per document (lazily, on first use by a rule) and shared by every rule that needs
it. Everything is a heuristic over the prose view; no model is downloaded.
"""
