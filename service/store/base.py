"""The small interface every state store keeps: conversation state and opt-outs."""

from __future__ import annotations

from typing import Any, Protocol


class Store(Protocol):
    """Per-call and per-phone state by key, and the opt-out list by hashed number."""

    def get(self, key: str) -> dict[str, Any] | None:
        """The state saved under a key, or None when there is none or it expired."""

    def put(self, key: str, value: dict[str, Any], ttl_seconds: int) -> None:
        """Save a state under a key for a time."""

    def set_opted_out(self, subscriber: str, opted_out: bool) -> None:
        """Record an opt-out or opt-in durably before returning."""

    def is_opted_out(self, subscriber: str) -> bool:
        """Whether a hashed number has opted out."""

    def ping(self) -> None:
        """Raise StoreError when the store cannot be used."""
