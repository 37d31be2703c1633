"""The small interface every state store keeps: conversation state, opt-outs and usage counts."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)
_ERROR_LISTENERS: list[Callable[[str], None]] = []

# A usage count's labels, always in this order and never anything a person typed or said:
# (event, channel, language, node), e.g. ("topic", "sms", "en", "spread-bones"); node may be "".
CountKey = tuple[str, str, str, str]
# A counter to add to within its limit, as `Store.take` reads it: (key, limit, ttl_seconds, cost).
Take = tuple[str, int, int, int]


@dataclass(frozen=True, order=True, slots=True)
class UsageRow:
    """One day's total for one set of labels, as `Store.counts` returns it (a tuple's `count` is taken)."""

    day: str  # YYYY-MM-DD, in UTC
    event: str
    channel: str
    lang: str
    node: str
    count: int


@dataclass(frozen=True, slots=True)
class Claimed:
    """A queued item one sender holds until its lease ends; `token` proves the hold when settling it."""

    item: str
    value: dict[str, Any]
    token: str
    attempts: int  # how many times it has been claimed, this time included


class Store(Protocol):
    """Per-call and per-phone state by key, the opt-out list by hashed number, and work queues."""

    def get(self, key: str) -> dict[str, Any] | None:
        """The state saved under a key, or None when there is none or it expired."""

    def put(self, key: str, value: dict[str, Any], ttl_seconds: int) -> None:
        """Save a state under a key for a time."""

    def put_many(self, values: list[tuple[str, dict[str, Any], int]]) -> None:
        """Save several (key, state, ttl_seconds) at once, all or none: a webhook's place and its answer
        in one write (one transaction, one round trip) rather than two."""

    def claim(self, key: str, value: dict[str, Any], ttl_seconds: int) -> dict[str, Any] | None:
        """Save `value` only if the key holds nothing live, atomically across hosts; None when saved,
        else what the key holds (so of two hosts handed the same webhook, one acts)."""

    def claim_taking(
        self, key: str, value: dict[str, Any], ttl_seconds: int, takes: Sequence[Take]
    ) -> tuple[dict[str, Any] | None, tuple[bool, ...]]:
        """`claim`, and only when it is won, `take` each of `takes` in order until one is refused: a
        webhook's retry record and its rate limits, in one round trip where the store is remote (Redis).
        Returns what `claim` returns and each tried take's answer (none when the claim was not won)."""

    def texter(self, key: str, subscriber: str) -> tuple[dict[str, Any] | None, bool]:
        """A texter's saved state (as `get`) and whether they opted out, read together."""

    def set_opted_out(self, subscriber: str, opted_out: bool) -> None:
        """Record an opt-out or opt-in durably before returning."""

    def is_opted_out(self, subscriber: str) -> bool:
        """Whether a hashed number has opted out."""

    def ping(self) -> None:
        """Raise StoreError when the store cannot be used."""

    def take(self, key: str, limit: int, ttl_seconds: int, cost: int = 1) -> bool:
        """Add `cost` to a counter (made with a time to live) unless that takes it over `limit`;
        whether it was added. Atomic across threads, workers and hosts sharing the store; a
        negative cost gives back. Raises StoreError when it cannot count (callers then refuse)."""

    def enqueue(self, queue: str, item: str, value: dict[str, Any], ttl_seconds: int) -> None:
        """Add an item to a queue, ready at once and dropped after `ttl_seconds` unless settled first;
        kept (fsynced) before returning, so a restart loses nothing."""

    def claim_next(self, queue: str, lease_seconds: float) -> Claimed | None:
        """Take the oldest ready item for `lease_seconds`, atomically across threads, workers and hosts:
        no other claim gets it until the lease ends (then it is ready again). None when none is ready."""

    def settle(self, queue: str, claimed: Claimed, value: dict[str, Any] | None) -> bool:
        """While `claimed` still holds its item: remove it (value None: done or dropped), or keep `value`
        in its place (progress, the lease unchanged). Whether it still held the item."""

    def add_counts(self, day: str, counts: Mapping[CountKey, int]) -> None:
        """Add to the day's usage totals (day is YYYY-MM-DD); called in batches, never per request."""

    def counts(self, since: str, until: str) -> list[UsageRow]:
        """Every usage total from day `since` to day `until`, both included (YYYY-MM-DD)."""


def on_error(listener: Callable[[str], None]) -> None:
    """Have `listener(backend)` told of each failed store operation (the web layer's metrics count them)."""
    _ERROR_LISTENERS.append(listener)


def report_error(backend: str) -> None:
    """Tell the listeners that a `backend` ("sqlite", "redis") operation failed; never raises."""
    for listener in _ERROR_LISTENERS:
        try:
            listener(backend)
        except Exception:
            log.exception("store: an error listener failed")
