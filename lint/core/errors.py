"""Errors that end in a one-line message and exit code 2, never a traceback."""

from __future__ import annotations


class CopydeskError(Exception):
    """A user-facing error: bad config, bad pack, bad input."""

    def __init__(self, message: str, path: str = "", line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path
        if where and self.line:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(CopydeskError):
    """A configuration file or rule pack that does not validate."""
