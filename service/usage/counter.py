"""Counts kept in memory per process and written to the store in batches, off the request path.

A webhook only adds to a dict under a lock (about a microsecond). A background thread writes the
totals every FLUSH_SECONDS, sooner after FLUSH_EVENTS counts, and once more when the process exits.
A store that fails or has no `add_counts` loses nothing the caller notices: the error is logged
and the counts are kept for the next try, up to MAX_PENDING_KEYS.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable

from service.store.base import CountKey, Store

log = logging.getLogger(__name__)
FLUSH_SECONDS = 30.0
FLUSH_EVENTS = 500
MAX_PENDING_KEYS = 50_000
REPEAT_ERROR_LOG_SECONDS = 600.0
SECONDS_A_DAY = 86_400  # UTC days have no leap seconds in POSIX time
_STARTING = threading.Lock()  # two first counts at once in a new process start one thread, not two


def utc_day(moment: float) -> str:
    """The UTC day of a moment as YYYY-MM-DD: the report's unit of time."""
    return time.strftime("%Y-%m-%d", time.gmtime(moment))


class UsageCounter:
    """One per app; safe across threads, and across a fork (each process keeps its own buffer)."""

    def __init__(
        self,
        store: Store,
        flush_seconds: float = FLUSH_SECONDS,
        flush_events: int = FLUSH_EVENTS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.flush_seconds = flush_seconds
        self.flush_events = flush_events
        self.clock = clock
        self._pid = -1
        self._closed = False
        self._reset()

    def _reset(self) -> None:
        """Fresh buffer, lock and thread handle: at first use and in a forked child."""
        self._lock = threading.Lock()
        self._writing = threading.Lock()  # one flush at a time: a caller's flush waits for the thread's
        self._wake = threading.Event()
        self._pending: Counter[tuple[str, CountKey]] = Counter()
        self._since_flush = 0
        self._thread: threading.Thread | None = None
        self._last_error_log: float | None = None  # monotonic time of the last log; None: never
        self._today = (0.0, 0.0, "")  # the UTC day being counted: (starts, ends, YYYY-MM-DD)

    def add(self, key: CountKey, amount: int = 1) -> None:
        """Count now, write later; never raises into a webhook."""
        self.add_many(((key, amount),))

    def add_many(self, counts: Iterable[tuple[CountKey, int]]) -> None:
        """Several counts of one moment (a webhook's turn) under one lock."""
        if self._pid != os.getpid():
            self._start()
        day = self._day(self.clock())
        with self._lock:
            for key, amount in counts:
                self._pending[(day, key)] += amount
                self._since_flush += 1
            wake = self._since_flush >= self.flush_events
        if wake:
            self._wake.set()

    def _day(self, now: float) -> str:
        """utc_day(now), worked out once a day rather than once a count."""
        start, end, day = self._today
        if not start <= now < end:
            start = now - now % SECONDS_A_DAY
            day = utc_day(now)
            self._today = (start, start + SECONDS_A_DAY, day)
        return day

    def pending(self) -> int:
        """How many distinct totals wait to be written (for tests and the benchmark)."""
        with self._lock:
            return len(self._pending)

    def flush(self) -> bool:
        """Write what is buffered; True when the store took all of it."""
        with self._writing:
            return self._flush()

    def _flush(self) -> bool:
        with self._lock:
            batch, self._pending = self._pending, Counter()
            self._since_flush = 0
        if not batch:
            return True
        by_day: dict[str, dict[CountKey, int]] = {}
        for (day, key), number in batch.items():
            by_day.setdefault(day, {})[key] = number
        written: set[str] = set()
        try:
            for day, counts in sorted(by_day.items()):
                self.store.add_counts(day, counts)
                written.add(day)
        except Exception:
            self._keep(batch, written)
            return False
        return True

    def close(self) -> None:
        """Stop the thread and write the rest (at exit)."""
        self._closed = True
        self._wake.set()
        self.flush()

    # --- internals ---------------------------------------------------------------------

    def _start(self) -> None:
        """First count in this process: new buffer and flusher (a forked child must not share them)."""
        with _STARTING:
            if self._pid == os.getpid():
                return
            self._reset()
            self._pid = os.getpid()
            self._thread = threading.Thread(target=self._run, name="usage-counts", daemon=True)
            self._thread.start()
            atexit.register(self.close)

    def _run(self) -> None:
        while not self._closed:
            self._wake.wait(self.flush_seconds)
            self._wake.clear()
            if not self._closed:
                self.flush()

    def _keep(self, batch: Counter[tuple[str, CountKey]], written: set[str]) -> None:
        """Put back what the store did not take, and log (not too often) why."""
        now = time.monotonic()  # its zero is undefined (often the boot): never compare it with a constant
        last = self._last_error_log
        if last is None or now - last > REPEAT_ERROR_LOG_SECONDS:
            self._last_error_log = now
            log.exception("usage: could not write counts to the store; keeping them for the next try")
        with self._lock:
            for (day, key), number in batch.items():
                if day not in written and len(self._pending) < MAX_PENDING_KEYS:
                    self._pending[(day, key)] += number
