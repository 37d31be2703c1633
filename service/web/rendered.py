"""Finished TwiML kept by what decided it, so a turn heard before is not built again."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

MAX_ENTRIES = 4096  # each a few kilobytes: at most some megabytes a worker


class RenderedTwiml:
    """A bounded map from a render's inputs to its TwiML; the oldest entry goes first when full.

    Building TwiML (wording, twilio's builders, ElementTree) is the largest part of a webhook's
    own work, and most turns repeat: every call opens the same way, menus are heard again and again.
    The key must hold everything the TwiML depends on; content and settings are fixed for an app.
    """

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._found: dict[Hashable, str] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], str]) -> str:
        """The TwiML for `key`, built by `build` the first time."""
        found = self._found.get(key)
        if found is not None:
            return found
        found = build()
        with self._lock:
            if len(self._found) >= self.max_entries:
                del self._found[next(iter(self._found))]
            self._found[key] = found
        return found

    def __len__(self) -> int:
        return len(self._found)
