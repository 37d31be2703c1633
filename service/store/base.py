"""The small interface every state store keeps: conversation state, opt-outs and usage counts."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)
_ERROR_LISTENERS: list[Callable[[str], None]] = []

# A usage count's labels, always in this order and never anything a person typed or said:
# (event, channel, language, node), e.g. ("topic", "sms", "en", "spread-bones"); node may be "".
CountKey = tuple[str, str, str, str]


@dataclass(frozen=True, order=True, slots=True)
class UsageRow:
    """One day's total for one set of labels, as `Store.counts` returns it (a tuple's `count` is taken)."""

    day: str  # YYYY-MM-DD, in UTC
    event: str
    channel: str
    lang: str
    node: str
    count: int


class Store(Protocol):
    """Per-call and per-phone state by key, and the opt-out list by hashed number."""

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
