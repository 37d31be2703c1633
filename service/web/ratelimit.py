"""Per-phone rate limits, so one number cannot flood the line; counters are kept with the state.

With STATE_URL=redis:// the counters live in the same Redis, so every host counts together; with
SQLite or memory:// they are kept in each worker process's memory. A limited texter gets one polite
reply per window, then silence; a limited caller a short goodbye. STOP and START always get through.
The limits are checked after the Twilio signature, so a forged request cannot use up a number's turn.

Counting is done by `limits`, the library Flask-Limiter is built on, called directly: Flask-Limiter's
own hooks ran on every request (0.05 ms, about a tenth of a webhook's own cost) and its decorators
count before our signature check.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request
from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

from service.content.prompts import Prompt
from service.core.optout import control_word
from service.web.runtime import runtime
from service.web.twiml import twiml_response

log = logging.getLogger(__name__)
EXTENSION = "mbc_line_rate_limits"
SHARED_SCHEMES = ("redis", "rediss")
REDIS_TIMEOUT_SECONDS = 1.0


@dataclass(frozen=True)
class RateLimits:
    """The app's counter and the parsed limits for texts and for call starts."""

    limiter: FixedWindowRateLimiter
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
    if urlsplit(state_url).scheme in SHARED_SCHEMES:
        storage = storage_from_string(
            state_url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
        )
    else:
        storage = storage_from_string("memory://")
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
        rt = runtime()
        who = rt.hash_phone(request.values.get("From", ""))
        limits = _limits()
        item = limits.breached("texts", limits.texts, who)
        if item is None:
            return view(*args, **kwargs)
        log.info("rate limits: texts from %s over %s", who[:12], item)
        response = MessagingResponse()
        if limits.first_notice(item, who):
            response.message(rt.content.prompt(Prompt.SMS_SLOW_DOWN))
        return twiml_response(str(response))

    return wrapper


def limit_calls(view: Callable[..., Any]) -> Callable[..., Any]:
    """Calls from one phone over the limit: a short goodbye and hang up."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        rt = runtime()
        who = rt.hash_phone(request.values.get("From", ""))
        limits = _limits()
        item = limits.breached("calls", limits.calls, who)
        if item is None:
            return view(*args, **kwargs)
        log.info("rate limits: calls from %s over %s", who[:12], item)
        return _goodbye()

    return wrapper


def _goodbye() -> Response:
    rt = runtime()
    response = VoiceResponse()
    response.say(rt.content.prompt(Prompt.BUSY_GOODBYE), voice=rt.settings.voice_name,
                 language=rt.settings.voice_language)
    response.hangup()
    return twiml_response(str(response))
