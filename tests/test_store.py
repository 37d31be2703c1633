"""The SQLite store keeps state and opt-outs, durably and with expiry."""

from __future__ import annotations

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
