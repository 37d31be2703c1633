"""SQLite store: the default, one file shared by every worker process of one host."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from service.errors import StoreError
from service.store.base import CountKey, UsageRow

SCHEMA = """
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS opt_out (
    subscriber TEXT PRIMARY KEY,
    since REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS usage_count (
    day TEXT NOT NULL,
    event TEXT NOT NULL,
    channel TEXT NOT NULL,
    lang TEXT NOT NULL,
    node TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, event, channel, lang, node)
);
"""
PURGE_EVERY_SECONDS = 600


class SqliteStore:
    """State and opt-outs in one SQLite file, written with full durability."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._last_purge = 0.0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # private; its -wal, -shm take its mode
            with self._connect() as db:
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot open the SQLite store at {path}: {error}") from error

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=FULL")
            yield db
        finally:
            db.close()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._guard(), self._connect() as db:
            row = db.execute(
                "SELECT value FROM state WHERE key = ? AND expires > ?", (key, time.time())
            ).fetchone()
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any], ttl_seconds: int) -> None:
        now = time.time()
        with self._guard(), self._connect() as db:
            db.execute(
                "INSERT INTO state (key, value, expires) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires",
                (key, json.dumps(value), now + ttl_seconds),
            )
            if now - self._last_purge > PURGE_EVERY_SECONDS:
                self._last_purge = now
                db.execute("DELETE FROM state WHERE expires <= ?", (now,))

    def set_opted_out(self, subscriber: str, opted_out: bool) -> None:
        with self._guard(), self._connect() as db:
            if opted_out:
                db.execute(
                    "INSERT OR IGNORE INTO opt_out (subscriber, since) VALUES (?, ?)",
                    (subscriber, time.time()),
                )
            else:
                db.execute("DELETE FROM opt_out WHERE subscriber = ?", (subscriber,))

    def is_opted_out(self, subscriber: str) -> bool:
        with self._guard(), self._connect() as db:
            row = db.execute("SELECT 1 FROM opt_out WHERE subscriber = ?", (subscriber,)).fetchone()
        return row is not None

    def ping(self) -> None:
        with self._guard(), self._connect() as db:
            db.execute("SELECT 1").fetchone()

    def add_counts(self, day: str, counts: Mapping[CountKey, int]) -> None:
        rows = [(day, *key, number) for key, number in counts.items()]
        with self._guard(), self._connect() as db:
            db.execute("BEGIN")  # one transaction, one fsync, for the whole batch
            db.executemany(
                "INSERT INTO usage_count (day, event, channel, lang, node, count) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(day, event, channel, lang, node) DO UPDATE SET count = count + excluded.count",
                rows,
            )
            db.execute("COMMIT")

    def counts(self, since: str, until: str) -> list[UsageRow]:
        with self._guard(), self._connect() as db:
            rows = db.execute(
                "SELECT day, event, channel, lang, node, count FROM usage_count "
                "WHERE day BETWEEN ? AND ? ORDER BY day, event, channel, lang, node",
                (since, until),
            ).fetchall()
        return [UsageRow(*row) for row in rows]

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn SQLite's errors into StoreError naming the file."""
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(f"SQLite store {self.path}: {error}") from error
