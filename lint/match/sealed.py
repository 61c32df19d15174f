"""Cache records that cannot run code: sealed with a per-user key, unpickled from an allow-list.

A cache folder can come from elsewhere (a CI cache restored from another job, a shared
``XDG_CACHE_HOME``), and unpickling runs whatever a pickle names. So a record is trusted only
when both hold:

- its HMAC-SHA256 verifies under this user's key, a random secret kept *outside* the cache
  folder (``$XDG_STATE_HOME/copydesk/cache.key``, else ``~/.local/state/copydesk/cache.key``),
  created on first use with mode 0600 and refused when another user owns it or others may
  read it. A restored or planted cache folder carries no valid seal, so it is only a miss;
- its pickle names only copydesk's own record classes (dataclasses and enums of ``lint``) and
  the standard library's array reconstruction: no function, no other class, ever runs.

Without a usable key there is simply no cache.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import hmac
import importlib
import io
import os
import pickle
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.regular_files import read_bytes

MAGIC = b"copydesk-sealed-1\n"
_MAC = hashlib.sha256().digest_size
_ALLOWED = {("array", "_array_reconstructor"), ("array", "array")}
# copydesk's own record types: anything under this package, whatever name it is installed as
_PACKAGE = __name__.partition(".")[0]


def state_dir() -> Path | None:
    base = os.environ.get("XDG_STATE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~") or not os.path.isdir(home):
            return None  # no home folder: never create one
        base = os.path.join(home, ".local", "state")
    return Path(base) / "copydesk"


@lru_cache(maxsize=4)
def _key_at(path: Path) -> bytes | None:
    try:
        data = read_bytes(path)
        st = os.stat(path)
    except FileNotFoundError:
        return _create_key(path)
    except OSError:
        return None
    if st.st_uid != os.getuid() or st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        return None  # someone else's key, or one others can read, seals nothing
    return data if len(data) >= 32 else None


def _create_key(path: Path) -> bytes | None:
    key = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another run made it first: use theirs
        _key_at.cache_clear()
        return _key_at(path) if path.exists() else None
    except OSError:
        return None
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


def key() -> bytes | None:
    folder = state_dir()
    return None if folder is None else _key_at(folder / "cache.key")


def seal(payload: Any) -> bytes | None:
    secret = key()
    if secret is None:
        return None
    body = pickle.dumps(payload, pickle.HIGHEST_PROTOCOL)
    return MAGIC + hmac.new(secret, body, hashlib.sha256).digest() + body


def unseal(data: bytes) -> Any:
    """The payload of a record this user sealed; ValueError for anything else."""
    secret = key()
    if secret is None or not data.startswith(MAGIC):
        raise ValueError("not a sealed record")
    mac, body = data[len(MAGIC) : len(MAGIC) + _MAC], data[len(MAGIC) + _MAC :]
    if not hmac.compare_digest(mac, hmac.new(secret, body, hashlib.sha256).digest()):
        raise ValueError("seal does not verify")
    return _Allowed(io.BytesIO(body)).load()


class _Allowed(pickle.Unpickler):
    """An unpickler that builds only copydesk's record types (Python's "restricting globals")."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module == _PACKAGE or module.startswith(_PACKAGE + "."):
            found = None
            with contextlib.suppress(ImportError, AttributeError):
                found = getattr(importlib.import_module(module), name)
            if isinstance(found, type) and (
                dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)
            ):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a cache record type")
