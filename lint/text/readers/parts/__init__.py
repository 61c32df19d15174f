"""Helpers of the readers: the plain-text layout, Markdown byte offsets and bare links, HTML
entities, front matter, and the time budget a markup reader runs under."""
