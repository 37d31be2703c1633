"""Per-phone rate limits, so one number cannot flood the line; counters are kept with the state.

With STATE_URL=redis:// the counters live in the same Redis, so every host counts together; with
SQLite or memory:// they are kept in each worker process's memory. A limited texter gets one polite
reply per window, then silence; a limited caller a short goodbye. STOP and START always get through.
The limits are checked after the Twilio signature, so a forged request cannot use up a number's turn.

Redis counting is done by `limits`, the library Flask-Limiter is built on, called directly:
Flask-Limiter's own hooks ran on every request (0.05 ms, about a tenth of a webhook's own cost) and
its decorators count before our signature check. In-process counting is `LocalWindows` below:
limits' memory storage re-scans every counter from a timer thread every 10 ms while texts arrive,
which cost 0.08 ms a text with 400 phones and 0.49 ms with 20,000.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request
from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

from service.content.prompts import Prompt
from service.core.optout import control_word
from service.web.runtime import runtime, sender_id
from service.web.twilio.twiml import twiml_response

log = logging.getLogger(__name__)
EXTENSION = "mbc_line_rate_limits"
SHARED_SCHEMES = ("redis", "rediss")
REDIS_TIMEOUT_SECONDS = 1.0
SWEEP_EVERY_SECONDS = 60.0


class Counter(Protocol):
    """Counts one hit against a limit for some identifiers; False once over it (limits' strategy API)."""

    def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool: ...


class LocalWindows:
    """Fixed windows in this process's memory: expired ones are dropped lazily, no timer thread."""

    def __init__(self) -> None:
        self._windows: dict[str, tuple[float, int]] = {}  # key -> (window ends, hits)
        self._lock = threading.Lock()
        self._next_sweep = 0.0

    def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool:
        """Count a hit in the current window of `item`; whether it is still within the limit."""
        now = time.time()
        key = item.key_for(*identifiers)
        with self._lock:
            if now >= self._next_sweep:
                self._sweep(now)
            ends, hits = self._windows.get(key, (0.0, 0))
            if now >= ends:
                ends, hits = now + item.get_expiry(), 0
            hits += cost
            self._windows[key] = (ends, hits)
        return hits <= item.amount

    def _sweep(self, now: float) -> None:
        """Forget ended windows, once a minute, so memory stays bounded by the numbers seen lately."""
        self._windows = {key: found for key, found in self._windows.items() if found[0] > now}
        self._next_sweep = now + SWEEP_EVERY_SECONDS


@dataclass(frozen=True)
class RateLimits:
    """The app's counter and the parsed limits for texts and for call starts."""

    limiter: Counter
    texts: tuple[RateLimitItem, ...]
    calls: tuple[RateLimitItem, ...]

    def breached(self, scope: str, items: tuple[RateLimitItem, ...], who: str) -> RateLimitItem | None:
        """Count one turn; the first limit it goes over, or None. A counter store fault lets it through."""
        try:
            for item in items:
                if not self.limiter.hit(item, scope, who):
                    return item
        except Exception:
            log.warning("rate limits: counters unavailable; letting %s through", who[:12], exc_info=True)
        return None

    def first_notice(self, item: RateLimitItem, who: str) -> bool:
        """Whether this is the first turn over `item` in its window: only that one gets the notice."""
        once = type(item)(1, item.multiples)
        try:
            return bool(self.limiter.hit(once, "notice", str(item), who))
        except Exception:
            return False


def init_app(app: Flask, state_url: str, texts: str, calls: str) -> None:
    """Attach the limits; their counters go where the state goes when that is shared (Redis)."""
    limiter: Counter = LocalWindows()
    if urlsplit(state_url).scheme in SHARED_SCHEMES:
        storage = storage_from_string(
            state_url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
        )
        limiter = FixedWindowRateLimiter(storage)
    app.extensions[EXTENSION] = RateLimits(limiter, tuple(parse_many(texts)), tuple(parse_many(calls)))


def _limits() -> RateLimits:
    found: RateLimits = current_app.extensions[EXTENSION]
    return found


def limit_texts(view: Callable[..., Any]) -> Callable[..., Any]:
    """Texts from one phone over the limit: one polite reply, then an empty answer (silence)."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        body = request.values.get("Body", "")[:1600]
        if control_word(body) is not None:
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


def _over(scope: str) -> tuple[RateLimits, str, RateLimitItem | None]:
    """Count this request against its sender's `scope` limits ("texts" or "calls"); the one it broke."""
    limits = _limits()
    who = sender_id(runtime())
    item = limits.breached(scope, limits.texts if scope == "texts" else limits.calls, who)
    if item is not None:
        log.info("rate limits: %s from %s over %s", scope, who[:12], item)
    return limits, who, item


def _goodbye() -> Response:
    rt = runtime()
    response = VoiceResponse()
    response.say(rt.content.prompt(Prompt.BUSY_GOODBYE), voice=rt.settings.voice_name,
                 language=rt.settings.voice_language)
    response.hangup()
    return twiml_response(str(response))
