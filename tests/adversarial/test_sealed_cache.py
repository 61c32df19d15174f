"""A planted or restored cache record can never run code or change what a run finds."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from copydesk.match import disk_cache, sealed
from copydesk.packs.load import load_pack

PACK = """\
pack: house
rules:
  - id: banned
    extends: existence
    message: "'%s' is banned."
    severity: error
    tokens: [synergy]
"""


class Payload:
    """Unpickling this runs a shell command: what an attacker would plant."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    cache_home, state_home = tmp_path / "cache", tmp_path / "state"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    monkeypatch.setenv("XDG_STATE_HOME", str(state_home))
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    sealed._key_at.cache_clear()
    yield cache_home / "copydesk", state_home / "copydesk"
    sealed._key_at.cache_clear()


def _pack(tmp_path: Path) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def _record(folder: Path) -> Path:
    (record,) = folder.glob("pack-*.record")
    return record


def test_a_planted_pickle_never_runs(tmp_path: Path, homes: tuple[Path, Path]) -> None:
    pack = _pack(tmp_path)
    first = load_pack(pack)
    record = _record(homes[0])
    marker = tmp_path / "pwned"
    evil = pickle.dumps(Payload(marker))
    # a bare pickle (the old record format), and one sealed with this user's own key (a
    # leaked key): neither is ever unpickled beyond copydesk's own record types
    for planted in (evil, sealed.seal(Payload(marker))):
        assert planted is not None
        record.write_bytes(planted)
        assert load_pack(pack).rules == first.rules
        assert not marker.exists()
        assert sealed.unseal(record.read_bytes())  # rewritten with a good record


def test_a_record_sealed_by_another_key_is_a_miss(tmp_path: Path, homes: tuple[Path, Path]) -> None:
    pack = _pack(tmp_path)
    load_pack(pack)
    record = _record(homes[0])
    theirs = record.read_bytes()
    # another machine's cache, restored here: same layout, another user's key
    (homes[1] / "cache.key").write_bytes(os.urandom(32))
    sealed._key_at.cache_clear()
    with pytest.raises(ValueError, match="seal does not verify"):
        sealed.unseal(theirs)
    assert [r.id for r in load_pack(pack).rules] == ["house.banned"]


def test_a_key_others_can_read_disables_the_cache(
    tmp_path: Path, homes: tuple[Path, Path]
) -> None:
    load_pack(_pack(tmp_path))
    key = homes[1] / "cache.key"
    assert key.stat().st_mode & 0o777 == 0o600  # created private
    os.chmod(key, 0o644)
    sealed._key_at.cache_clear()
    assert sealed.key() is None and sealed.seal("x") is None
    for record in homes[0].glob("*.record"):
        record.unlink()
    load_pack(_pack(tmp_path))
    assert list(homes[0].glob("*.record")) == []  # nothing written without a private key


def test_a_missing_home_creates_no_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "COPYDESK_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    gone = tmp_path / "no-such-home"
    monkeypatch.setenv("HOME", str(gone))
    sealed._key_at.cache_clear()
    assert disk_cache.cache_dir() is None and sealed.state_dir() is None
    assert [r.id for r in load_pack(_pack(tmp_path)).rules] == ["house.banned"]
    assert not gone.exists()
