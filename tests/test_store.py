"""The SQLite store keeps state and opt-outs, durably and with expiry."""

from __future__ import annotations

import sqlite3
import threading
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


def test_a_write_waits_for_another_process_holding_the_lock(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "state.db")
    other = sqlite3.connect(tmp_path / "state.db", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another worker in the middle of a write
    releaser = threading.Timer(0.05, lambda: other.execute("COMMIT"))
    releaser.start()
    store.set_opted_out("abc", True)
    store.put("sms:x", {"menu": "main"}, 60)
    releaser.join()
    other.close()
    assert store.is_opted_out("abc") and store.get("sms:x") == {"menu": "main"}


def _expires(path: Path, key: str) -> float:
    with sqlite3.connect(path) as db:
        return float(db.execute("SELECT expires FROM state WHERE key = ?", (key,)).fetchone()[0])


def test_an_unchanged_state_is_not_written_again_until_half_its_life_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SqliteStore(tmp_path / "state.db")
    start = time.time()
    monkeypatch.setattr(time, "time", lambda: start)
    store.put("sms:x", {"menu": "main"}, 100)
    monkeypatch.setattr(time, "time", lambda: start + 10)
    store.put("sms:x", store.get("sms:x") or {}, 100)
    assert _expires(tmp_path / "state.db", "sms:x") == start + 100  # no write
    store.put("sms:x", {"menu": "spread"}, 100)
    assert _expires(tmp_path / "state.db", "sms:x") == start + 110  # a change is written
    monkeypatch.setattr(time, "time", lambda: start + 70)
    store.put("sms:x", store.get("sms:x") or {}, 100)
    assert _expires(tmp_path / "state.db", "sms:x") == start + 170  # kept alive past half its life
