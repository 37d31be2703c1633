"""A last-resort file for opt-outs when the store fails, so a STOP is never lost."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from pathlib import Path

from service.store import Store

log = logging.getLogger(__name__)


class OptOutJournal:
    """Append-only, fsynced lines of (hashed number, opted out), replayed into the store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, subscriber: str, opted_out: bool) -> None:
        """Write one change to disk and fsync before returning."""
        line = json.dumps({"subscriber": subscriber, "opted_out": opted_out, "at": time.time()})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, (line + "\n").encode())
                os.fsync(fd)
            finally:
                os.close(fd)

    def pending(self) -> bool:
        """Whether there is anything not yet in the store."""
        return self.path.exists() and self.path.stat().st_size > 0

    def lookup(self, subscriber: str) -> bool | None:
        """The latest journalled word for a number, or None when the journal has none."""
        if not self.pending():
            return None
        found: bool | None = None
        with self._lock:
            for entry in self._entries():
                if entry.get("subscriber") == subscriber:
                    found = bool(entry.get("opted_out"))
        return found

    def _entries(self) -> list[dict[str, object]]:
        entries = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict):
                entries.append(entry)
        return entries

    def replay(self, store: Store) -> int:
        """Apply every journalled change to the store, then empty the journal."""
        with self._lock:
            if not self.pending():
                return 0
            count = 0
            for entry in self._entries():
                store.set_opted_out(str(entry.get("subscriber")), bool(entry.get("opted_out")))
                count += 1
            self.path.write_text("", encoding="utf-8")
        log.info("replayed %d opt-out change(s) from %s", count, self.path)
        return count
