"""The SQLite store keeps state and opt-outs, durably and with expiry."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from service.errors import StoreError
from service.store import open_store
from service.store.sqlite import SqliteStore


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    return SqliteStore(tmp_path / "state.db")


def test_state_round_trips(store: SqliteStore) -> None:
    store.put("voice:CA1", {"node": "spread", "trail": ["main"]}, 60)
    assert store.get("voice:CA1") == {"node": "spread", "trail": ["main"]}
    assert store.get("voice:CA2") is None


def test_state_expires(store: SqliteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.put("sms:x", {"menu": "main"}, 1)
    assert store.get("sms:x") == {"menu": "main"}
    later = time.time() + 1.5
    monkeypatch.setattr(time, "time", lambda: later)
    assert store.get("sms:x") is None


def test_opt_outs_survive_reopening(tmp_path: Path) -> None:
    SqliteStore(tmp_path / "s.db").set_opted_out("abc", True)
    reopened = SqliteStore(tmp_path / "s.db")
    assert reopened.is_opted_out("abc")
    reopened.set_opted_out("abc", False)
    assert not SqliteStore(tmp_path / "s.db").is_opted_out("abc")


def test_sqlite_urls(tmp_path: Path) -> None:
    absolute = tmp_path / "a" / "b.db"
    store = open_store(f"sqlite:///{absolute}", tmp_path)
    store.set_opted_out("x", True)
    assert absolute.exists()


def test_an_unusable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open"):
        SqliteStore(blocker / "state.db")


def test_the_database_and_its_wal_files_are_private(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "state.db")
    reader = sqlite3.connect(tmp_path / "state.db")  # an open connection keeps the -wal and -shm files
    try:
        reader.execute("SELECT 1 FROM opt_out").fetchall()
        store.set_opted_out("abc", True)
        modes = {f.name: f.stat().st_mode & 0o777 for f in tmp_path.glob("state.db*")}
    finally:
        reader.close()
    assert modes == {"state.db": 0o600, "state.db-wal": 0o600, "state.db-shm": 0o600}
