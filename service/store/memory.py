"""An in-memory store, for tests and demos: one process only, gone when it stops."""

from __future__ import annotations

import copy
import secrets
import threading
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from service.store.base import Claimed, CountKey, Take, UsageRow

PURGE_AT_ENTRIES = 100_000  # expired entries are dropped once this many are kept: memory stays bounded


class MemoryStore:
    """State and opt-outs in a dict; never for a real line, where opt-outs must survive a restart."""

    def __init__(self) -> None:
        self._state: dict[str, tuple[dict[str, Any], float]] = {}
        self._opted_out: set[str] = set()
        self._counts: Counter[tuple[str, CountKey]] = Counter()
        self._taken: dict[str, tuple[int, float]] = {}  # key -> (used, expires)
        # (queue, item) -> [value, added, ready, expires, token, attempts]
        self._queued: dict[tuple[str, str], list[Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._state.get(key)
            if found is None or found[1] <= time.time():
                return None
            return copy.deepcopy(found[0])

    def put(self, key: str, value: dict[str, Any], ttl_seconds: int) -> None:
        with self._lock:
            self._state[key] = (copy.deepcopy(value), time.time() + ttl_seconds)

    def put_many(self, values: list[tuple[str, dict[str, Any], int]]) -> None:
        now = time.time()
        with self._lock:
            for key, value, ttl_seconds in values:
                self._state[key] = (copy.deepcopy(value), now + ttl_seconds)

    def claim(self, key: str, value: dict[str, Any], ttl_seconds: int) -> dict[str, Any] | None:
        return self.claim_taking(key, value, ttl_seconds, ())[0]

    def claim_taking(
        self, key: str, value: dict[str, Any], ttl_seconds: int, takes: Sequence[Take]
    ) -> tuple[dict[str, Any] | None, tuple[bool, ...]]:
        now = time.time()
        with self._lock:
            found = self._state.get(key)
            if found is not None and found[1] > now:
                return copy.deepcopy(found[0]), ()
            if len(self._state) >= PURGE_AT_ENTRIES:
                self._state = {k: kept for k, kept in self._state.items() if kept[1] > now}
            self._state[key] = (copy.deepcopy(value), now + ttl_seconds)
            taken: list[bool] = []
            for take in takes:
                taken.append(self._take(now, *take))
                if not taken[-1]:
                    break
        return None, tuple(taken)

    def texter(self, key: str, subscriber: str) -> tuple[dict[str, Any] | None, bool]:
        return self.get(key), self.is_opted_out(subscriber)

    def set_opted_out(self, subscriber: str, opted_out: bool) -> None:
        with self._lock:
            if opted_out:
                self._opted_out.add(subscriber)
            else:
                self._opted_out.discard(subscriber)

    def is_opted_out(self, subscriber: str) -> bool:
        with self._lock:
            return subscriber in self._opted_out

    def ping(self) -> None:
        """Always answers: it lives in this process."""

    def take(self, key: str, limit: int, ttl_seconds: int, cost: int = 1) -> bool:
        with self._lock:
            return self._take(time.time(), key, limit, ttl_seconds, cost)

    def _take(self, now: float, key: str, limit: int, ttl_seconds: int, cost: int) -> bool:
        """`take`, with the lock held."""
        used, expires = self._taken.get(key, (0, now + ttl_seconds))
        if expires <= now:
            used, expires = 0, now + ttl_seconds
        if used + cost > limit:
            return False
        self._taken[key] = (used + cost, expires)
        return True

    def enqueue(self, queue: str, item: str, value: dict[str, Any], ttl_seconds: int) -> None:
        now = time.time()
        with self._lock:
            self._queued = {key: entry for key, entry in self._queued.items() if entry[3] > now}
            self._queued[(queue, item)] = [copy.deepcopy(value), now, now, now + ttl_seconds, "", 0]

    def claim_next(self, queue: str, lease_seconds: float) -> Claimed | None:
        now = time.time()
        with self._lock:
            ready = [(entry[1], item) for (name, item), entry in self._queued.items()
                     if name == queue and entry[2] <= now < entry[3]]
            if not ready:
                return None
            entry = self._queued[(queue, min(ready)[1])]
            entry[2], entry[4], entry[5] = now + lease_seconds, secrets.token_hex(8), entry[5] + 1
            return Claimed(min(ready)[1], copy.deepcopy(entry[0]), entry[4], entry[5])

    def settle(self, queue: str, claimed: Claimed, value: dict[str, Any] | None) -> bool:
        with self._lock:
            entry = self._queued.get((queue, claimed.item))
            if entry is None or entry[4] != claimed.token:
                return False
            if value is None:
                del self._queued[(queue, claimed.item)]
            else:
                entry[0] = copy.deepcopy(value)
            return True

    def add_counts(self, day: str, counts: Mapping[CountKey, int]) -> None:
        with self._lock:
            for key, number in counts.items():
                self._counts[(day, key)] += number

    def counts(self, since: str, until: str) -> list[UsageRow]:
        with self._lock:
            return sorted(
                UsageRow(day, *key, count=number)
                for (day, key), number in self._counts.items()
                if since <= day <= until
            )
