"""Helpers for the usage tests: read back what an app counted."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from flask import Flask

from service.web.runtime import runtime_of
from service.web.webhooks.usage import counter_of


def counted(app: Flask) -> Counter[tuple[str, str, str, str]]:
    """Everything the app counted today (UTC) and yesterday, after writing its buffer to the store."""
    counter = counter_of(app)
    assert counter is not None
    assert counter.flush()
    today = dt.datetime.now(dt.UTC).date()
    rows = runtime_of(app).store.counts((today - dt.timedelta(days=1)).isoformat(), today.isoformat())
    totals: Counter[tuple[str, str, str, str]] = Counter()
    for row in rows:
        totals[(row.event, row.channel, row.lang, row.node)] += row.count
    return totals
