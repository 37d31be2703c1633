"""SQLite store: the default, one file shared by every worker process of one host."""

from __future__ import annotations

import functools
import json
import os
import secrets
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from service.errors import StoreError
from service.store.base import Claimed, CountKey, Take, UsageRow, report_error

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
CREATE TABLE IF NOT EXISTS queue (
    queue TEXT NOT NULL,
    item TEXT NOT NULL,
    value TEXT NOT NULL,
    added REAL NOT NULL,
    ready REAL NOT NULL,
    expires REAL NOT NULL,
    token TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (queue, item)
);
CREATE INDEX IF NOT EXISTS queue_ready ON queue (queue, ready);
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
# Counters (rate limits, caps) are rows of the state table too, keyed COUNT_PREFIX + their key, the count
# as the value, so a webhook's retry claim and its counts are one statement (see CLAIM_TAKING).
COUNT_PREFIX = "count:"
# A counter's row is added to only while it stays within the limit; an expired one starts again.
TAKE = """
INSERT INTO state (key, value, expires) VALUES (:key, :cost, :expires)
ON CONFLICT(key) DO UPDATE SET
    value = CASE WHEN state.expires <= :now THEN :cost ELSE state.value + :cost END,
    expires = CASE WHEN state.expires <= :now THEN excluded.expires ELSE state.expires END
WHERE state.expires <= :now OR state.value + :cost <= :limit
"""
# A claim and its counters, all or none, in one statement (one WAL commit, not two): the claim's row is
# inserted or takes over an expired one, each counter is added to as TAKE would, but only when the claim
# is not live elsewhere and no counter would go over its limit. SQLite runs it, its check included, under
# the write lock. The first row is the claim (value: its JSON); the others the counters (value: the cost).
CLAIM_TAKING = """
INSERT INTO state (key, value, expires)
SELECT column1, column2, column3 FROM (VALUES {rows})
WHERE NOT EXISTS (SELECT 1 FROM state WHERE key = ? AND expires > ?){refusals}
ON CONFLICT(key) DO UPDATE SET
    value = CASE WHEN state.expires <= ? THEN excluded.value ELSE state.value + excluded.value END,
    expires = CASE WHEN state.expires <= ? THEN excluded.expires ELSE state.expires END
"""
# Before counters were state rows they had a table of their own: its live counts move over on opening.
MOVE_COUNTERS = (
    "INSERT OR IGNORE INTO state (key, value, expires) "
    f"SELECT '{COUNT_PREFIX}' || key, used, expires FROM allowance WHERE expires > ?"
)
PUT = (
    "INSERT INTO state (key, value, expires) VALUES (?, ?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires"
)
# Insert, or take over an expired row: one row changed when claimed, none when someone holds it.
CLAIM = PUT + " WHERE state.expires <= ?"
# One statement takes the oldest ready item and leases it: SQLite runs it under the write lock, so two
# workers (or threads) never claim the same item.
CLAIM_NEXT = """
UPDATE queue SET ready = :until, token = :token, attempts = attempts + 1
WHERE rowid = (SELECT rowid FROM queue WHERE queue = :queue AND ready <= :now AND expires > :now
               ORDER BY added LIMIT 1)
RETURNING item, value, attempts
"""
PURGE_EVERY_SECONDS = 600
T = TypeVar("T")
BUSY_TIMEOUT_SECONDS = 10
# Waits while another process holds the write lock: short, because writes here take microseconds.
# (SQLite's own busy handler sleeps 1, 2, 5, 10 ... ms, which made the queue behind it the tail.)
BUSY_SLEEPS_SECONDS = (0.0001, 0.0002, 0.0005, 0.001, 0.002)
# An unchanged state is rewritten only when less than this share of its time to live is left.
REFRESH_SHARE = 0.5


class SqliteStore:
    """State and opt-outs in one SQLite file (WAL): opt-outs fsynced, menu places cheaply written.

    Each thread of each process keeps one connection (opened on first use, reopened after a fork);
    the threads of a process run their statements in turn (see _Guard).
    Conversation state commits with synchronous=NORMAL, so a power cut may lose the last menu
    positions, which is harmless; an opt-out commits with synchronous=FULL, fsynced before it returns.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._last_purge = 0.0
        self._local = threading.local()
        self._guarding = _Guard(self)
        _GUARDS.add(self._guarding)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # private; its -wal, -shm take its mode
            db = self._open()
            try:
                for statement in filter(str.strip, SCHEMA.split(";")):
                    _retry_busy(db, statement)
                _move_counters(db)
            finally:
                db.close()
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot open the SQLite store at {self.path}: {error}") from error

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        _retry_busy(db, "PRAGMA journal_mode=WAL")
        _retry_busy(db, "PRAGMA synchronous=NORMAL")
        return db

    def _db(self) -> sqlite3.Connection:
        """This thread's connection; a forked worker opens its own rather than sharing its parent's."""
        local = self._local
        if getattr(local, "pid", None) != _PROCESS.pid:
            local.db = self._open()
            local.pid = _PROCESS.pid
            local.seen = {}
        db: sqlite3.Connection = local.db
        return db

    def get(self, key: str) -> dict[str, Any] | None:
        with self._guard():
            query = "SELECT value, expires FROM state WHERE key = ? AND expires > ?"
            row = _retry_busy(self._db(), query, (key, time.time())).fetchone()
        return self._seen(key, row)

    def texter(self, key: str, subscriber: str) -> tuple[dict[str, Any] | None, bool]:
        """One statement for both (a text's two reads): one read transaction, not two."""
        with self._guard():
            value, expires, opted_out = _retry_busy(
                self._db(),
                "SELECT state.value, state.expires, "
                "EXISTS (SELECT 1 FROM opt_out WHERE subscriber = ?) "
                "FROM (SELECT 1) LEFT JOIN state ON state.key = ? AND state.expires > ?",
                (subscriber, key, time.time()),
            ).fetchone()
        return self._seen(key, (value, expires) if value is not None else None), bool(opted_out)

    def _seen(self, key: str, row: tuple[str, float] | None) -> dict[str, Any] | None:
        """Remember what this thread read (so an unchanged put is skipped) and decode it."""
        self._local.seen = {key: (row[0], row[1])} if row else {}
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any], ttl_seconds: int) -> None:
        self.put_many([(key, value, ttl_seconds)])

    def put_many(self, values: list[tuple[str, dict[str, Any], int]]) -> None:
        """One statement for all of them (one WAL commit); a state this thread just read unchanged,
        with long enough left to live, is not written again.

        One statement, not BEGIN ... COMMIT: SQLite runs it without Python's lock, so the write lock
        is never held while the thread waits its turn for the interpreter (with many threads, up to
        the 5 ms switch interval), which queued every other writer behind it."""
        now = time.time()
        rows = [(key, json.dumps(value), now + ttl_seconds) for key, value, ttl_seconds in values]
        rows = [row for row, (_, _, ttl) in zip(rows, values, strict=True)
                if not self._unchanged(row[0], row[1], now + ttl * REFRESH_SHARE)]
        if not rows:
            return
        with self._guard():
            db = self._db()
            _retry_busy(db, _put_rows(len(rows)), tuple(field for row in rows for field in row))
            if now - self._last_purge > PURGE_EVERY_SECONDS:
                self._last_purge = now
                _retry_busy(db, "DELETE FROM state WHERE expires <= ?", (now,))
        self._local.seen = {key: (text, expires) for key, text, expires in rows}

    def claim(self, key: str, value: dict[str, Any], ttl_seconds: int) -> dict[str, Any] | None:
        """One statement: insert, or take over an expired row; what is there when neither."""
        return self.claim_taking(key, value, ttl_seconds, ())[0]

    def claim_taking(
        self, key: str, value: dict[str, Any], ttl_seconds: int, takes: Sequence[Take]
    ) -> tuple[dict[str, Any] | None, tuple[bool, ...]]:
        """The claim and its takes in one statement when all go through (the usual case); else the
        claim's upsert, then (when it changed a row) each take in order until one is refused.

        Not one transaction across statements: a write lock held from one statement to the next is held
        while the thread waits for Python's lock, and every other writer queues behind it (`put_many`).
        Each statement is atomic on its own; the claim comes first, so a retry counts nothing.
        """
        now = time.time()
        text = json.dumps(value)
        with self._guard():
            db = self._db()
            if self._claim_taking_all(db, key, text, ttl_seconds, takes, now):
                return None, (True,) * len(takes)
            if _retry_busy(db, CLAIM, (key, text, now + ttl_seconds, now)).rowcount == 1:
                taken: list[bool] = []
                for take in takes:
                    taken.append(self.take(*take))
                    if not taken[-1]:
                        break
                return None, tuple(taken)
            row = _retry_busy(db, "SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        found = json.loads(row[0]) if row else {}
        return (found if isinstance(found, dict) else {}), ()

    @staticmethod
    def _claim_taking_all(
        db: sqlite3.Connection, key: str, text: str, ttl_seconds: int, takes: Sequence[Take], now: float
    ) -> bool:
        """The claim and every take at once, in one statement, when the claim is free and no take would
        be refused; whether they were made.

        False (nothing changed) when the claim is held, when any take would go over its limit, or when
        the takes are not plain distinct counts (none, a cost outside 0..limit, a key twice): then the
        claim and each take are decided in turn.
        """
        if not takes or len({take_key for take_key, *_ in takes}) < len(takes):
            return False
        if any(not 0 <= cost <= limit for _, limit, _, cost in takes):
            return False
        counters = (field for take_key, _, ttl, cost in takes
                    for field in (COUNT_PREFIX + take_key, cost, now + ttl))
        rows = (key, text, now + ttl_seconds, *counters)
        refusals = tuple(field for take_key, limit, _, cost in takes
                         for field in (COUNT_PREFIX + take_key, now, cost, limit))
        cursor = _retry_busy(db, _claim_taking_sql(len(takes)), (*rows, key, now, *refusals, now, now))
        return cursor.rowcount == len(takes) + 1

    def _unchanged(self, key: str, text: str, fresh_until: float) -> bool:
        """Whether this thread just read the same state, with long enough left to live: no write."""
        seen = getattr(self._local, "seen", {}).get(key)
        return seen is not None and seen[0] == text and seen[1] >= fresh_until

    def set_opted_out(self, subscriber: str, opted_out: bool) -> None:
        with self._guard():
            db = self._db()
            db.execute("PRAGMA synchronous=FULL")
            try:
                if opted_out:
                    _retry_busy(
                        db, "INSERT OR IGNORE INTO opt_out (subscriber, since) VALUES (?, ?)",
                        (subscriber, time.time()),
                    )
                else:
                    _retry_busy(db, "DELETE FROM opt_out WHERE subscriber = ?", (subscriber,))
            finally:
                db.execute("PRAGMA synchronous=NORMAL")

    def is_opted_out(self, subscriber: str) -> bool:
        with self._guard():
            query = "SELECT 1 FROM opt_out WHERE subscriber = ?"
            row = _retry_busy(self._db(), query, (subscriber,)).fetchone()
        return row is not None

    def ping(self) -> None:
        with self._guard():
            _retry_busy(self._db(), "SELECT 1").fetchone()

    def take(self, key: str, limit: int, ttl_seconds: int, cost: int = 1) -> bool:
        """One upsert, so every worker of the host counts on one row, changed only within the limit."""
        if cost > limit:
            return False
        now = time.time()
        with self._guard():
            counter = {"key": COUNT_PREFIX + key, "limit": limit, "cost": cost, "now": now,
                       "expires": now + ttl_seconds}
            cursor = _retry_busy(self._db(), TAKE, counter)
        return cursor.rowcount == 1

    def enqueue(self, queue: str, item: str, value: dict[str, Any], ttl_seconds: int) -> None:
        """Committed with synchronous=FULL, as an opt-out is: a queued text survives a power cut."""
        now = time.time()
        with self._guard():
            db = self._db()
            db.execute("PRAGMA synchronous=FULL")
            try:
                _retry_busy(db, "INSERT INTO queue (queue, item, value, added, ready, expires) "
                                "VALUES (?, ?, ?, ?, ?, ?)",
                            (queue, item, json.dumps(value), now, now, now + ttl_seconds))
                _retry_busy(db, "DELETE FROM queue WHERE queue = ? AND expires <= ?", (queue, now))
            finally:
                db.execute("PRAGMA synchronous=NORMAL")

    def claim_next(self, queue: str, lease_seconds: float) -> Claimed | None:
        now = time.time()
        token = secrets.token_hex(8)
        with self._guard():
            lease = {"queue": queue, "now": now, "until": now + lease_seconds, "token": token}
            row = _retry_busy(self._db(), CLAIM_NEXT, lease).fetchone()
        if row is None:
            return None
        item, value, attempts = row
        return Claimed(item, json.loads(value), token, attempts)

    def settle(self, queue: str, claimed: Claimed, value: dict[str, Any] | None) -> bool:
        with self._guard():
            if value is None:
                cursor = _retry_busy(
                    self._db(), "DELETE FROM queue WHERE queue = ? AND item = ? AND token = ?",
                    (queue, claimed.item, claimed.token),
                )
            else:
                cursor = _retry_busy(
                    self._db(), "UPDATE queue SET value = ? WHERE queue = ? AND item = ? AND token = ?",
                    (json.dumps(value), queue, claimed.item, claimed.token),
                )
        return cursor.rowcount == 1

    def add_counts(self, day: str, counts: Mapping[CountKey, int]) -> None:
        rows = [(day, *key, number) for key, number in counts.items()]
        with self._guard():
            db = self._db()
            _in_transaction(db, lambda: db.executemany(  # one transaction, one fsync, for the whole batch
                "INSERT INTO usage_count (day, event, channel, lang, node, count) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(day, event, channel, lang, node) "
                "DO UPDATE SET count = count + excluded.count",
                rows,
            ))

    def counts(self, since: str, until: str) -> list[UsageRow]:
        with self._guard():
            rows = _retry_busy(
                self._db(),
                "SELECT day, event, channel, lang, node, count FROM usage_count "
                "WHERE day BETWEEN ? AND ? ORDER BY day, event, channel, lang, node",
                (since, until),
            ).fetchall()
        return [UsageRow(*row) for row in rows]

    def _guard(self) -> _Guard:
        """Turn SQLite's errors into StoreError naming the file; a broken connection is reopened."""
        return self._guarding

    def _forget_connection(self) -> None:
        """Drop this thread's connection after an error, so the next call starts afresh."""
        db = getattr(self._local, "db", None)
        self._local.pid = None
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass


class _Guard:
    """The store's error boundary as a reusable context manager (a generator one costs a microsecond),
    and its turns: one thread of a process at a time runs statements.

    Threads of one worker that wrote at once only found the file locked by each other and retried
    (8 threads: ten thousand busy errors in 8,000 texts, and four times one thread's CPU a text); in
    turn they never collide, and SQLite's write lock is left to decide between processes.
    """

    def __init__(self, store: SqliteStore) -> None:
        self.store = store
        self.turns = threading.RLock()  # re-entered where a claim's fallback takes its counts

    def __enter__(self) -> None:
        self.turns.acquire()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: Any) -> None:
        try:
            if isinstance(error, sqlite3.Error):
                self.store._forget_connection()
                report_error("sqlite")
                raise StoreError(f"SQLite store {self.store.path}: {error}") from error
        finally:
            self.turns.release()


class _Process:
    """This process's id, kept current across forks: read on every statement, without a system call."""

    def __init__(self) -> None:
        self.pid = os.getpid()

    def forked(self) -> None:
        """In a new child: its own id, and each store's turns free (no thread of the parent runs here)."""
        self.pid = os.getpid()
        for guard in list(_GUARDS):
            guard.turns = threading.RLock()


_PROCESS = _Process()
_GUARDS: weakref.WeakSet[_Guard] = weakref.WeakSet()
os.register_at_fork(after_in_child=_PROCESS.forked)


def _retry_busy(
    db: sqlite3.Connection, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()
) -> sqlite3.Cursor:
    """Run one statement, retrying with short sleeps while the file is locked, for up to 10 s."""
    deadline: float | None = None  # set at the first busy error, from the monotonic clock
    attempt = 0
    while True:
        try:
            return db.execute(sql, params)
        except sqlite3.OperationalError as error:
            if deadline is None:
                deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
            if not _is_busy(error) or time.monotonic() > deadline:
                raise
        time.sleep(BUSY_SLEEPS_SECONDS[min(attempt, len(BUSY_SLEEPS_SECONDS) - 1)])
        attempt += 1


@functools.cache
def _claim_taking_sql(count: int) -> str:
    """CLAIM_TAKING for a claim and `count` counters."""
    rows = ", ".join(["(?, ?, ?)"] * (count + 1))
    refusal = "\n    AND NOT EXISTS (SELECT 1 FROM state WHERE key = ? AND expires > ? AND value + ? > ?)"
    refusals = refusal * count
    return CLAIM_TAKING.format(rows=rows, refusals=refusals)


def _move_counters(db: sqlite3.Connection) -> None:
    """A store written before counters were state rows: its live counts move over, its table goes."""
    old_table = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'allowance'"
    if not db.execute(old_table).fetchone():
        return

    def move() -> None:
        if db.execute(old_table).fetchone():  # another worker may have moved them meanwhile
            db.execute(MOVE_COUNTERS, (time.time(),))
            db.execute("DROP TABLE allowance")

    _in_transaction(db, move)


@functools.cache
def _put_rows(count: int) -> str:
    """PUT for `count` rows in one statement."""
    return PUT.replace("VALUES (?, ?, ?)", "VALUES " + ", ".join(["(?, ?, ?)"] * count))


def _in_transaction(db: sqlite3.Connection, write: Callable[[], T]) -> T:
    """Run `write` in one immediate transaction (the write lock taken first, waiting while busy)."""
    _retry_busy(db, "BEGIN IMMEDIATE")
    try:
        done = write()
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return done


def _is_busy(error: sqlite3.OperationalError) -> bool:
    """SQLite's 'database is locked' (or busy): another connection holds the lock for now."""
    text = str(error).lower()
    return "locked" in text or "busy" in text
