"""The opt-out list as the webhooks use it: the store first, the journal when the store fails."""

from __future__ import annotations

import logging
from typing import Any

from service.store.base import Store
from service.store.journal import OptOutJournal

log = logging.getLogger(__name__)


class OptOuts:
    """Records and answers opt-outs so that an acknowledged STOP is never lost."""

    def __init__(self, store: Store, journal: OptOutJournal) -> None:
        self.store = store
        self.journal = journal

    def record(self, subscriber: str, opted_out: bool) -> str:
        """Commit an opt-out or opt-in; if the store fails, the fsynced journal keeps it.

        Says where it was kept: "store" or "journal" (when the journal fails too, it raises).

        The journal's lock is held throughout, so across all of a host's workers the store and the
        journal see changes in the order they were made: an older journalled word never overwrites
        a newer one.
        """
        kept = "store"
        with self.journal.locked():
            try:
                if self.journal.pending():
                    self.journal.replay(self.store)
                self.store.set_opted_out(subscriber, opted_out)
            except Exception:
                word = "out" if opted_out else "in"
                log.exception("opt-outs: store failed; journalling opt-%s for %s", word, subscriber[:12])
                self.journal.append(subscriber, opted_out)
                kept = "journal"
        log.info("opt-outs: %s opted %s", subscriber[:12], "out" if opted_out else "back in")
        return kept

    def is_opted_out(self, subscriber: str) -> bool:
        """The journal's latest word wins over the store, which may not have it yet."""
        journalled = self.journal.lookup(subscriber)
        return journalled if journalled is not None else self.store.is_opted_out(subscriber)

    def texter(self, key: str, subscriber: str) -> tuple[dict[str, Any] | None, bool]:
        """A texter's saved state and whether they opted out (the journal's word first), read at once."""
        state, opted_out = self.store.texter(key, subscriber)
        journalled = self.journal.lookup(subscriber)
        return state, journalled if journalled is not None else opted_out

    def replay(self) -> int:
        """Move whatever the journal holds into the store (at start, and after an outage)."""
        return self.journal.replay(self.store)
