"""The labels that open a draft's working lines ("Quote:", "Note:", "TODO:" …): not prose of
the story. The plain-text reader lays such lines out on their own; the analysis never takes a
label for a speaker."""

from __future__ import annotations

DRAFT_LABELS = ("Quote", "Punchline", "Note", "TODO", "FIXME", "Kicker", "Lede", "Nut graf",
                "Hed", "Dek", "Subhead", "Caption", "Pull quote")
