"""Usage counting on the webhooks: one-line hooks that count what a call or a text did, never raising."""

from __future__ import annotations

import logging

from flask import Flask, current_app

from service.core.calls import CallState, Turn
from service.core.kept import Kept
from service.core.texts import TextReply
from service.store.base import CountKey
from service.usage.counter import UsageCounter
from service.usage.events import SMS, VOICE, Event, call_events, count_key, text_events
from service.web.runtime import runtime, runtime_of

log = logging.getLogger(__name__)
EXTENSION = "mbc_line_usage"
KEYS_EXTENSION = "mbc_line_usage_keys"
MAX_KNOWN_KEYS = 10_000

__all__ = ["Event", "count", "count_call", "count_text", "init_app"]


def init_app(app: Flask) -> None:
    """Give the app its counter (unless USAGE_COUNTS=0)."""
    rt = runtime_of(app)
    app.extensions[EXTENSION] = UsageCounter(rt.store) if rt.settings.usage_counts else None
    app.extensions[KEYS_EXTENSION] = Kept(MAX_KNOWN_KEYS)


def counter_of(app: Flask) -> UsageCounter | None:
    """An app's counter, or None when counting is off."""
    found: UsageCounter | None = app.extensions.get(EXTENSION)
    return found


def count(event: Event | str, *, channel: str, lang: str = "", node: str = "", amount: int = 1) -> None:
    """Count one thing that happened, e.g. count(Event.URGENT, channel="sms", lang="en"); never raises."""
    _count_all([(str(event), channel, lang, node)], amount)


def count_call(before: CallState | None, turn: Turn) -> None:
    """Count a call turn (`before` None for a new call): topics, menus, wrong keys, silences."""
    try:
        events = call_events(before, turn, runtime().content)
        _count_all([(str(event), VOICE, turn.state.lang, node) for event, node in events])
    except Exception:
        log.exception("usage: could not count a call turn")


def count_text(reply: TextReply, channel: str = SMS) -> None:
    """Count a text reply: the text, and the topic, menu or help it got, or that it matched nothing."""
    try:
        _count_all([(str(event), channel, reply.state.lang, node) for event, node in text_events(reply)])
    except Exception:
        log.exception("usage: could not count a text")


def _count_all(labels: list[CountKey], amount: int = 1) -> None:
    """Count each set of labels once (or `amount` times) under the counter's lock; never raises."""
    try:
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        counter = counter_of(app)
        if counter is not None:
            counter.add_many((_stored_key(app, found), amount) for found in labels)
    except Exception:
        log.exception("usage: could not count %s", [found[0] for found in labels])


def _stored_key(app: Flask, labels: CountKey) -> CountKey:
    """count_key's checked labels, worked out once per distinct labels (a few hundred at most)."""
    known: Kept[CountKey, CountKey] = app.extensions[KEYS_EXTENSION]
    return known.get(labels, lambda: count_key(*labels, content=runtime_of(app).content))
