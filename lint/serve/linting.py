"""What the page asks of the linter: a text's findings under a profile, and one fix applied.

Plain Python on the library API, with no web code, so the endpoints and the tests share it. The
server lints for the folder it was started in: the config found there (or ``--config``) governs
every text, and the page's profile is the command line's ``--profile`` would be (an
:class:`Overrides`). One :class:`Session` per profile is made on first use and kept, so a
keystroke recompiles nothing; each has a lock, because a Session's caches are not made for two
threads at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..config.nearest import config_at, find_config
from ..config.profiles import builtin_profile_names
from ..config.project import Config, load_config_file
from ..core.model import FileResult
from ..run import fixes
from ..run.selection import Overrides
from ..run.session import Session
from ..text.readers import readers, suffix_for

DEFAULT_FORMAT = "markdown"
T = TypeVar("T")


class Refused(ValueError):
    """A request the linter will not serve (unknown profile or format, a stale fix): the
    message is one line, safe to show."""


def formats() -> list[str]:
    """The input formats a text may be read as (the readers: html, markdown, text)."""
    return sorted(readers())


def text_name(fmt: str) -> str:
    """The name a pasted text is linted under: ``story.md`` for Markdown, and so on (it picks
    nothing but the format, which is given anyway; the json document shows it as ``path``)."""
    return f"story{suffix_for(fmt)}"


@dataclass
class _Kept:
    session: Session
    lock: threading.Lock = field(default_factory=threading.Lock)


class Linter:
    """The sessions of one server, one per profile (``""``: the config's own)."""

    def __init__(self, root: Path, config_file: str | None = None) -> None:
        self.root = root.resolve()
        self.config = self._config(config_file)
        self._sessions: dict[str, _Kept] = {}
        self._guard = threading.Lock()  # making a session

    def _config(self, config_file: str | None) -> Config:
        """``--config``, else the nearest config of the folder served, else the defaults
        (rooted there: relative pack paths and globs start from it)."""
        if config_file:
            return load_config_file(Path(config_file))
        found = find_config(self.root)
        return config_at(found) if found is not None else Config(root=self.root)

    def profiles(self) -> list[str]:
        """The shipped profiles (a profile file of the project is the config's to name)."""
        return builtin_profile_names()

    def configured_profile(self) -> str:
        """The profile the config gives pasted text (``news`` when it names none)."""
        return self.config.profile or "news"

    def _kept(self, profile: str) -> _Kept:
        if profile and profile not in self.profiles():
            # only shipped names: a request never names a file for the server to read
            known = ", ".join(self.profiles())
            raise Refused(f"unknown profile {profile!r} (known: {known})")
        with self._guard:
            kept = self._sessions.get(profile)
            if kept is None:
                overrides = Overrides(profile=profile or None)
                kept = self._sessions[profile] = _Kept(Session(self.config, overrides))
            return kept

    def session(self, profile: str = "") -> Session:
        """The session for ``profile`` (``""``: the config's own), made once."""
        return self._kept(profile).session

    def check(self, text: str, fmt: str = DEFAULT_FORMAT, profile: str = "") -> FileResult:
        """Lint ``text`` read as ``fmt`` under ``profile``: :meth:`Session.check_text`."""
        return self.view(text, fmt, profile, lambda result, _: result)

    def view(self, text: str, fmt: str, profile: str,
             show: Callable[[FileResult, Session], T]) -> T:
        """``show(result, session)`` of the text's result, under the session's lock: what
        shows a result reads the session's rules, which a lint may be adding to."""
        if fmt not in readers():
            raise Refused(f"unknown format {fmt!r} (known: {', '.join(formats())})")
        kept = self._kept(profile)
        with kept.lock:
            return show(kept.session.check_text(text_name(fmt), text, fmt), kept.session)

    def fix(self, text: str, finding: int, fmt: str = DEFAULT_FORMAT, profile: str = "",
            expect: dict[str, Any] | None = None) -> tuple[str, FileResult]:
        """``text`` with the fix of its finding number ``finding`` applied (the finding's
        index in the json document's ``violations``), and the result it was found in.

        The text is linted again here, so the offsets applied are the server's code points,
        never the page's. ``expect`` (``rule``, ``offset``) must agree with that finding, or
        the page's view was stale and nothing is applied."""
        result = self.check(text, fmt, profile)
        if not 0 <= finding < len(result.violations):
            raise Refused(f"no finding {finding} in this text (it has "
                          f"{len(result.violations)}): check it again")
        v = result.violations[finding]
        for key, value in (expect or {}).items():
            if value is not None and getattr(v, key, None) != value:
                raise Refused(f"finding {finding} is no longer {key} {value!r}: check it again")
        replacement = fixes.single(v)
        if replacement is None:
            raise Refused(f"finding {finding} ({v.rule}) has no single fix to apply")
        return fixes.apply(text, [replacement]), result
