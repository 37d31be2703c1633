"""A last-resort file for opt-outs when the store fails, so a STOP is never lost.

Every worker process of a host shares one journal file in the instance folder. An OS file lock
(`flock` on a lock file beside the journal) makes each append, lookup and replay whole across
processes: a replay can no longer empty the file while another worker appends to it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from service.store.base import Store

try:
    import fcntl
except ImportError:  # Windows runs one process (dev server, talking menu): the thread lock is enough
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)


class OptOutJournal:
    """Append-only, fsynced lines of (hashed number, opted out), replayed into the store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._lock_fd = -1

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the journal for this thread and process alone; re-entrant, so callers can nest."""
        with self._thread_lock:
            if self._depth == 0:
                self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    def _acquire(self) -> None:
        """Take the file lock; if its folder is unusable, go on without it: the store may still work."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            log.error("opt-out journal: cannot lock %s (%s); going on without it", self.lock_path, error)
            return
        if fcntl is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX)

    def _release(self) -> None:
        fd, self._lock_fd = self._lock_fd, -1
        if fd >= 0:
            os.close(fd)  # closing the only descriptor releases the flock

    def append(self, subscriber: str, opted_out: bool) -> None:
        """Write one change to disk and fsync before returning."""
        line = json.dumps({"subscriber": subscriber, "opted_out": opted_out, "at": time.time()})
        with self.locked():
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, (_line_break_after_torn_line(fd) + line + "\n").encode())
                os.fsync(fd)
            finally:
                os.close(fd)

    def pending(self) -> bool:
        """Whether there is anything not yet in the store (a hint: read without the lock)."""
        try:
            return os.stat(self.path).st_size > 0
        except OSError:  # no journal yet, or no folder for one: nothing is waiting in it
            return False

    def lookup(self, subscriber: str) -> bool | None:
        """The latest journalled word for a number, or None when the journal has none."""
        if not self.pending():
            return None
        found: bool | None = None
        with self.locked():
            for _, entry in self._entries(self._lines()):
                if entry.get("subscriber") == subscriber:
                    found = bool(entry.get("opted_out"))
        return found

    def replay(self, store: Store) -> int:
        """Apply the journalled changes in order; a line leaves the journal only once the store has it.

        If the store fails part way, the lines it has not got are kept (and the error raised), so
        the next replay starts where this one stopped.
        """
        if not self.pending():
            return 0
        with self.locked():
            lines = self._lines()
            done = 0  # lines[:done] are in the store (or could not be read)
            try:
                for index, entry in self._entries(lines):
                    store.set_opted_out(str(entry.get("subscriber")), bool(entry.get("opted_out")))
                    done = index + 1
                done = len(lines)
            finally:
                if done:
                    self._keep(lines[done:])
        if lines:
            log.info("replayed %d opt-out change(s) from %s", len(lines), self.path)
        return len(lines)

    def _lines(self) -> list[str]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [line for line in text.splitlines() if line.strip()]

    def _entries(self, lines: list[str]) -> Iterator[tuple[int, dict[str, object]]]:
        """Each readable line with its index; a line that cannot be read is logged and skipped."""
        for index, line in enumerate(lines):
            try:
                entry = json.loads(line)
            except ValueError:
                entry = None
            if not isinstance(entry, dict):
                log.error("opt-out journal %s: line %d cannot be read, skipped", self.path, index + 1)
                continue
            yield index, entry

    def _keep(self, lines: list[str]) -> None:
        """Leave only these lines in the journal, durably: a crash keeps the old file or the new."""
        if not lines:
            fd = os.open(self.path, os.O_WRONLY)
            try:
                os.ftruncate(fd, 0)
                os.fsync(fd)
            finally:
                os.close(fd)
            return
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, "".join(line + "\n" for line in lines).encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, self.path)
        _fsync_folder(self.path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in a folder survive a crash."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _line_break_after_torn_line(fd: int) -> str:
    """A newline when the file ends in a line cut short (a crash mid-write), so the next line stays whole."""
    size = os.fstat(fd).st_size
    if size == 0:
        return ""
    return "" if os.pread(fd, 1, size - 1) == b"\n" else "\n"
