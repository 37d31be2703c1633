"""SQLite store specifics: waiting for another process's write lock, and no rewrite when nothing changed."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from service.store.sqlite import SqliteStore


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


def test_threads_of_one_worker_claiming_at_once_never_pass_a_limit(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "state.db")
    start = threading.Barrier(8)
    answers: list[tuple[bool, ...]] = []

    def text(number: int) -> None:
        start.wait(5)
        found, taken = store.claim_taking(f"once:SM{number}", {"at": 1}, 60, [("texts:abc", 5, 60, 1)])
        if found is None:  # each its own delivery: every claim is won
            answers.append(taken)

    threads = [threading.Thread(target=text, args=(number,), daemon=True) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)  # a thread stuck on the store's turns fails the test, not the run
    assert sorted(answers) == [(False,)] * 3 + [(True,)] * 5


def test_a_worker_forked_while_a_thread_is_mid_statement_can_use_the_store(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "state.db")
    store.put("sms:x", {"menu": "main"}, 60)
    inside, leave = threading.Event(), threading.Event()

    def statement_in_progress() -> None:
        with store._guard():  # as a thread of the master would be, mid-statement, at the fork
            inside.set()
            leave.wait(5)

    holder = threading.Thread(target=statement_in_progress)
    holder.start()
    inside.wait(5)
    try:
        pid = os.fork()
        if pid == 0:  # the new worker: it must not wait for a thread that does not exist here
            signal.alarm(5)
            read = store.get("sms:x") == {"menu": "main"}
            store.put("sms:y", {"menu": "spread"}, 60)
            os._exit(0 if read else 1)
        _, status = os.waitpid(pid, 0)
    finally:
        leave.set()
        holder.join()
    assert os.waitstatus_to_exitcode(status) == 0
    assert store.get("sms:y") == {"menu": "spread"}


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


def test_counts_made_before_an_upgrade_still_hold_after_it(tmp_path: Path) -> None:
    """A store written when counters had a table of their own: a phone at its limit stays at it."""
    path = tmp_path / "state.db"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE allowance (key TEXT PRIMARY KEY, used INTEGER, expires REAL)")
        old.execute("INSERT INTO allowance VALUES ('texts:day:abc', 3, ?)", (time.time() + 3600,))
        old.execute("INSERT INTO allowance VALUES ('texts:day:gone', 3, ?)", (time.time() - 1,))
    store = SqliteStore(path)
    assert not store.take("texts:day:abc", 3, 86400)  # still at its limit of 3
    assert store.take("texts:day:gone", 3, 86400)  # that day had ended: it starts again
    takes = [("texts:day:abc", 3, 86400, 1), ("texts:min:abc", 5, 60, 1)]
    assert store.claim_taking("once:sms:SM1", {"at": 1.0}, 60, takes) == (None, (False,))
    with sqlite3.connect(path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "allowance" not in tables
    SqliteStore(path)  # opening it again finds nothing to move
