"""copydesk: a publishing-policy linter for prose. The import package is ``lint``."""

__version__ = "0.1.0"
