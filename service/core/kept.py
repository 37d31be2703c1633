"""Answers worked out once and kept, up to a bound: the one memo the line's hot paths share."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()


class Kept(Generic[K, V]):
    """A bounded map from a pure computation's inputs to its answer; the oldest goes first when full.

    The key must hold everything the answer depends on (what is fixed for the owner, such as the
    content, may be left out). Safe across threads: a lookup is one dict read, an insert is locked.
    """

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._found: dict[K, V] = {}
        self._lock = threading.Lock()

    def get(self, key: K, build: Callable[[], V]) -> V:
        """The answer for `key`, built by `build` the first time (None is an answer too)."""
        found = self._found.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        answer = build()
        with self._lock:
            if len(self._found) >= self.max_entries:
                del self._found[next(iter(self._found))]
            self._found[key] = answer
        return answer

    def peek(self, key: K) -> V | None:
        """The kept answer for `key`, or None when there is none (nothing is built)."""
        found = self._found.get(key, _MISSING)
        return None if found is _MISSING else found  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._found)

    def __iter__(self) -> Iterator[K]:
        return iter(list(self._found))
