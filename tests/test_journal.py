"""The opt-out journal keeps every acknowledged STOP, across worker processes and store outages."""

from __future__ import annotations

import logging
import multiprocessing
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.errors import StoreError
from service.store.journal import OptOutJournal
from service.store.memory import MemoryStore
from service.store.optouts import OptOuts
from service.store.sqlite import SqliteStore

PROCESSES = 4
STOPS_EACH = 200
STORE_ROUND_TRIP_SECONDS = 0.001


class FlakyStore:
    """A store whose opt-out writes fail now and then, as a table locked for milliseconds does."""

    def __init__(self, inner: SqliteStore, fail_rate: float, seed: int) -> None:
        self.inner = inner
        self.fail_rate = fail_rate
        self.random = random.Random(seed)

    def set_opted_out(self, subscriber: str, opted_out: bool) -> None:
        time.sleep(STORE_ROUND_TRIP_SECONDS)
        if self.random.random() < self.fail_rate:
            raise StoreError("opt_out table is locked")
        self.inner.set_opted_out(subscriber, opted_out)

    def is_opted_out(self, subscriber: str) -> bool:
        return self.inner.is_opted_out(subscriber)


class FailsAfter(MemoryStore):
    """A store that takes a few opt-out writes, then fails."""

    def __init__(self, writes: int) -> None:
        super().__init__()
        self.writes_left = writes

    def set_opted_out(self, subscriber: str, opted_out: bool) -> None:
        if self.writes_left <= 0:
            raise StoreError("gone")
        self.writes_left -= 1
        super().set_opted_out(subscriber, opted_out)


@pytest.fixture
def shared_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder for the workers' journal and database: in memory (tmpfs) where there is one.

    fsync there costs nothing, so the test spends its time on the race it looks for, not the disk.
    """
    shm = Path("/dev/shm")
    if not shm.is_dir():
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=shm, prefix="journal-test-") as folder:
        yield Path(folder)


def stop_many(journal_path: str, db_path: str, worker: int) -> list[str]:
    """One worker process: STOP from many phones on a flaky store; return the ones acknowledged."""
    logging.disable(logging.CRITICAL)
    optouts = OptOuts(FlakyStore(SqliteStore(Path(db_path)), 0.3, worker), OptOutJournal(Path(journal_path)))
    acknowledged = []
    for n in range(STOPS_EACH):
        subscriber = f"worker{worker}-phone{n}"
        try:
            optouts.record(subscriber, opted_out=True)
        except Exception:
            continue  # not acknowledged: the webhook would have logged it as critical
        acknowledged.append(subscriber)
    return acknowledged


def test_no_acknowledged_stop_is_lost_across_processes_while_the_store_fails_on_and_off(
    shared_folder: Path,
) -> None:
    journal, db = shared_folder / "journal.jsonl", shared_folder / "state.db"
    SqliteStore(db)
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        results = pool.starmap(stop_many, [(str(journal), str(db), w) for w in range(PROCESSES)], chunksize=1)
    acknowledged = [s for result in results for s in result]
    assert len(acknowledged) == PROCESSES * STOPS_EACH
    store = SqliteStore(db)
    OptOuts(store, OptOutJournal(journal)).replay()
    lost = [s for s in acknowledged if not store.is_opted_out(s)]
    assert lost == [], f"{len(lost)} acknowledged STOPs lost"


def test_a_store_failing_mid_replay_keeps_only_the_lines_it_has_not_got(tmp_path: Path) -> None:
    journal = OptOutJournal(tmp_path / "journal.jsonl")
    for phone in ("a", "b", "c"):
        journal.append(phone, True)
    store = FailsAfter(writes=1)
    with pytest.raises(StoreError):
        journal.replay(store)
    assert store.is_opted_out("a")
    assert [journal.lookup(p) for p in ("a", "b", "c")] == [None, True, True]
    healthy = MemoryStore()
    assert journal.replay(healthy) == 2
    assert healthy.is_opted_out("b") and healthy.is_opted_out("c") and not journal.pending()


def test_a_line_cut_short_by_a_crash_does_not_swallow_the_next_stop(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    path.write_text('{"subscriber": "a", "opted_ou')
    journal = OptOutJournal(path)
    journal.append("b", True)
    store = MemoryStore()
    journal.replay(store)
    assert store.is_opted_out("b")


def test_the_journal_and_its_lock_are_private(tmp_path: Path) -> None:
    journal = OptOutJournal(tmp_path / "journal.jsonl")
    journal.append("a", True)
    assert (tmp_path / "journal.jsonl").stat().st_mode & 0o777 == 0o600
    assert journal.lock_path.stat().st_mode & 0o777 == 0o600


def test_an_older_journalled_word_never_overwrites_a_newer_one(tmp_path: Path) -> None:
    store = MemoryStore()
    optouts = OptOuts(store, OptOutJournal(tmp_path / "journal.jsonl"))
    broken = FailsAfter(writes=0)
    OptOuts(broken, optouts.journal).record("a", opted_out=False)  # journalled: the store was down
    optouts.record("a", opted_out=True)  # the store is back: the older opt-in is replayed first
    optouts.replay()
    assert store.is_opted_out("a") and optouts.is_opted_out("a")


def test_a_journal_folder_that_cannot_be_used_does_not_stop_a_stop_reaching_the_store(tmp_path: Path) -> None:
    blocker = tmp_path / "instance"
    blocker.write_text("a file where the instance folder should be")
    store = MemoryStore()
    OptOuts(store, OptOutJournal(blocker / "journal.jsonl")).record("a", opted_out=True)
    assert store.is_opted_out("a")
