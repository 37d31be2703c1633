"""Per-phone rate limits, so one number cannot flood the line; counters are kept in the state store.

The counters are fixed windows counted in the store itself (`Store.take`): with SQLite every worker
of the host counts on one row, and a HUP or restart forgets nothing; with Redis every host counts
together. When the store cannot count (Redis down or refusing writes), each worker goes on counting
in its own memory (`LocalWindows`), so the limits still hold, never open. A limited texter gets one
polite reply per window, then silence; a limited caller a short goodbye. STOP and START always get
through. The limits are checked after the Twilio signature, so a forged request cannot use up a
number's turn.

Flask-Limiter was passed over: its hooks ran on every request and its decorators count before our
signature check. `limits` (its engine) still parses the settings ("15/minute;150/day").
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from flask import Flask, Response, current_app, g, request
from limits import RateLimitItem, parse_many
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

from service.content.prompts import Prompt
from service.core.optout import control_word
from service.store import Store
from service.store.base import Take
from service.web.ops import metrics
from service.web.runtime import runtime, sender_id
from service.web.twilio.sends import withheld
from service.web.twilio.twiml import twiml_response

log = logging.getLogger(__name__)
EXTENSION = "mbc_line_rate_limits"
# Callers who hide their number all look alike, so they share one count, this many phones' worth:
# one of them cannot shut out the others, and together they still cannot flood the line.
WITHHELD_SHARE = 10
SWEEP_EVERY_SECONDS = 60.0
_LONG_AGO = float("-inf")  # before any moment of any clock
COUNTED = "mbc_limits_counted"  # in flask.g: (scope, each take's answer) when counted with the claim


class Counter(Protocol):
    """Counts one hit against a limit for some identifiers; False once over it (limits' strategy API)."""

    def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool: ...


class LocalWindows:
    """Fixed windows in this process's memory: expired ones are dropped lazily, no timer thread.

    Times are time.monotonic(): a wall clock set back cannot hold a window open. Its zero is
    undefined (often the boot), so "not yet" is minus infinity, never 0.0.
    """

    def __init__(self) -> None:
        self._windows: dict[str, tuple[float, int]] = {}  # key -> (window ends, hits)
        self._lock = threading.Lock()
        self._next_sweep = _LONG_AGO

    def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool:
        """Count a hit in the current window of `item`; whether it is still within the limit."""
        now = time.monotonic()
        key = item.key_for(*identifiers)
        with self._lock:
            if now >= self._next_sweep:
                self._sweep(now)
            ends, hits = self._windows.get(key, (_LONG_AGO, 0))
            if now >= ends:
                ends, hits = now + item.get_expiry(), 0
            hits += cost
            self._windows[key] = (ends, hits)
        return hits <= item.amount

    def _sweep(self, now: float) -> None:
        """Forget ended windows, once a minute, so memory stays bounded by the numbers seen lately."""
        self._windows = {key: found for key, found in self._windows.items() if found[0] > now}
        self._next_sweep = now + SWEEP_EVERY_SECONDS


class StoreWindows:
    """Fixed windows counted in the state store; this worker's memory when the store cannot count."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.fallback = LocalWindows()

    def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool:
        """Count a hit in the current window of `item`; whether it is still within the limit."""
        try:
            return self.store.take(*window_take(item, *identifiers, cost=cost))
        except Exception:
            log.warning("rate limits: the store cannot count; counting in this worker", exc_info=True)
            return self.fallback.hit(item, *identifiers, cost=cost)


def window_take(item: RateLimitItem, *identifiers: str, cost: int = 1) -> Take:
    """The store counter of `item`'s current window for `identifiers`, as `Store.take` reads it."""
    seconds = item.get_expiry()
    window = int(time.time() // seconds)
    return f"limit:{item.key_for(*identifiers)}:{window}", item.amount, seconds, cost


@dataclass(frozen=True)
class RateLimits:
    """The app's counter and the parsed limits for texts and for call starts."""

    limiter: Counter
    texts: tuple[RateLimitItem, ...]
    calls: tuple[RateLimitItem, ...]

    def breached(self, scope: str, items: tuple[RateLimitItem, ...], who: str) -> RateLimitItem | None:
        """Count one turn; the first limit it goes over, or None. Counted already, with the request's
        retry record (`takes`), when the store could do both in one write."""
        counted = g.get(COUNTED)
        if counted is not None and counted[0] == scope:
            refused = [item for item, taken in zip(items, counted[1], strict=False) if not taken]
            return refused[0] if refused else None
        for item in items:
            if not self.limiter.hit(item, scope, who):
                return item
        return None

    def first_notice(self, item: RateLimitItem, who: str) -> bool:
        """Whether this is the first turn over `item` in its window: only that one gets the notice."""
        once = type(item)(1, item.multiples)
        try:
            return bool(self.limiter.hit(once, "notice", str(item), who))
        except Exception:
            return False


def init_app(app: Flask, store: Store, texts: str, calls: str) -> None:
    """Attach the limits; their counters live in the state store."""
    limiter = StoreWindows(store)
    app.extensions[EXTENSION] = RateLimits(limiter, tuple(parse_many(texts)), tuple(parse_many(calls)))


def _limits() -> RateLimits:
    found: RateLimits = current_app.extensions[EXTENSION]
    return found


def limit_texts(view: Callable[..., Any]) -> Callable[..., Any]:
    """Texts from one phone over the limit: one polite reply, then an empty answer (silence)."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _control_word() is not None:
            return view(*args, **kwargs)  # STOP and START are never held back
        limits, who, item = _over("texts")
        if item is None:
            return view(*args, **kwargs)
        response = MessagingResponse()
        if limits.first_notice(item, who):
            response.message(runtime().content.prompt(Prompt.SMS_SLOW_DOWN))
        return twiml_response(str(response))

    return wrapper


def limit_calls(view: Callable[..., Any]) -> Callable[..., Any]:
    """Calls from one phone over the limit: a short goodbye and hang up."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _, _, item = _over("calls")
        return view(*args, **kwargs) if item is None else _goodbye()

    return wrapper


@dataclass(frozen=True)
class ScopeCounts:
    """A scope's limits as a retry record takes them with its claim (service.web.twilio.once.Counts)."""

    scope: str

    def takes(self) -> list[Take]:
        """This request's counts in the scope; none for a STOP or START, which are never held back."""
        if self.scope == "texts" and _control_word():
            return []
        _, items, who = _limits_for(self.scope)
        return [window_take(item, self.scope, who) for item in items]

    def counted(self, taken: tuple[bool, ...]) -> None:
        """The claim took them: the limits read these answers rather than counting again."""
        setattr(g, COUNTED, (self.scope, taken))


TEXT_COUNTS = ScopeCounts("texts")
CALL_COUNTS = ScopeCounts("calls")


def _control_word() -> str | None:
    return control_word(request.values.get("Body", "")[:1600], request.values.get("OptOutType", "")[:16])


def _limits_for(scope: str) -> tuple[RateLimits, tuple[RateLimitItem, ...], str]:
    """The app's limits, this request's `scope` limits ("texts" or "calls") and whom they count."""
    limits = _limits()
    items = limits.texts if scope == "texts" else limits.calls
    who = sender_id(runtime())
    if withheld(request.values.get("From", "")):  # all alike: one count for them all, larger
        who = "withheld"
        items = tuple(type(item)(item.amount * WITHHELD_SHARE, item.multiples) for item in items)
    return limits, items, who


def _over(scope: str) -> tuple[RateLimits, str, RateLimitItem | None]:
    """Count this request against its sender's `scope` limits ("texts" or "calls"); the one it broke."""
    limits, items, who = _limits_for(scope)
    item = limits.breached(scope, items, who)
    if item is not None:
        log.info("rate limits: %s from %s over %s", scope, who[:12], item)
        metrics.count_rate_limited(scope)
    return limits, who, item


def _goodbye() -> Response:
    rt = runtime()
    response = VoiceResponse()
    for lang in rt.content.languages:  # before the language choice: each language in its own voice
        voice, language = rt.settings.say_voice(lang)
        response.say(rt.content.prompt(Prompt.BUSY_GOODBYE, lang), voice=voice, language=language)
    response.hangup()
    return twiml_response(str(response))
