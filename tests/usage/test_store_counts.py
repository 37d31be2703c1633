"""Every store keeps usage totals per day and adds batches together."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.store.base import Store, UsageRow
from service.store.memory import MemoryStore
from service.store.sqlite import SqliteStore


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return SqliteStore(tmp_path / "state.db") if request.param == "sqlite" else MemoryStore()


def test_batches_add_up_per_day_and_labels(store: Store) -> None:
    store.add_counts("2026-11-01", {("topic", "sms", "en", "spread-bones"): 2,
                                    ("call", "voice", "en", ""): 1})
    store.add_counts("2026-11-01", {("topic", "sms", "en", "spread-bones"): 3})
    store.add_counts("2026-11-02", {("topic", "sms", "en", "spread-bones"): 1})
    assert store.counts("2026-11-01", "2026-11-01") == [
        UsageRow("2026-11-01", "call", "voice", "en", "", 1),
        UsageRow("2026-11-01", "topic", "sms", "en", "spread-bones", 5),
    ]
    days = [r.day for r in store.counts("2026-11-01", "2026-11-02")]
    assert days == ["2026-11-01", "2026-11-01", "2026-11-02"]


def test_the_range_includes_both_ends_and_nothing_else(store: Store) -> None:
    for day in ("2026-10-31", "2026-11-01", "2026-11-30", "2026-12-01"):
        store.add_counts(day, {("text", "sms", "en", ""): 1})
    assert [r.day for r in store.counts("2026-11-01", "2026-11-30")] == ["2026-11-01", "2026-11-30"]
    assert store.counts("2027-01-01", "2027-12-31") == []


def test_sqlite_totals_survive_reopening(tmp_path: Path) -> None:
    SqliteStore(tmp_path / "s.db").add_counts("2026-11-01", {("opt_out", "sms", "", ""): 1})
    SqliteStore(tmp_path / "s.db").add_counts("2026-11-01", {("opt_out", "sms", "", ""): 1})
    assert SqliteStore(tmp_path / "s.db").counts("2026-11-01", "2026-11-01")[0].count == 2
