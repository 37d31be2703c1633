"""A webhook Twilio delivers again (same MessageSid, or same CallSid and step) is acted on once.

Twilio retries a webhook after a timeout or a dropped connection, perhaps to another host. The
first attempt claims the delivery in the shared store; its answer is saved there (with the
webhook's new place, in the same write, through `save_with_answer`) and kept in a bounded map in
memory. A retry gets that same answer and changes nothing: no page is skipped, no
count, send or opt-out happens twice. A retry that finds the first attempt still working waits for
its answer; if the first attempt died (no answer after CLAIM_WAIT_SECONDS), the retry acts.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, current_app, g

from service.core.kept import Kept
from service.store import Store
from service.web.runtime import runtime
from service.web.twilio.twiml import twiml_response

log = logging.getLogger(__name__)
EXTENSION = "mbc_line_once"
PREFIX = "once:"
ANSWER_TTL_SECONDS = 3600  # Twilio's retries come within seconds; an hour is ample
CLAIM_WAIT_SECONDS = 12.0  # a webhook answers within Twilio's 15 s, so a claim older than this died
POLL_SECONDS = 0.05
KEPT_ANSWERS = 2048  # answers kept in memory per worker, each a few kilobytes
MAX_ID_CHARS = 64
DELIVERY = "mbc_once_delivery"  # this request's delivery, in flask.g, while its view runs
SAVED = "mbc_once_saved"  # the answer save_with_answer stored for it

KeyOf = Callable[[], str]


def init_app(app: Flask) -> None:
    """Give the app its bounded memory of recent answers."""
    app.extensions[EXTENSION] = Kept[str, str](KEPT_ANSWERS)


def once(key_of: KeyOf) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Act on a delivery once; `key_of` names it from the signed request ("" when it cannot be named)."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = key_of()
            if not key:
                return view(*args, **kwargs)
            answered = _earlier_answer(key)
            if answered is not None:
                log.info("once: %s was delivered again; the first answer is given again", key[:40])
                return twiml_response(answered)
            setattr(g, DELIVERY, key)
            try:
                response = view(*args, **kwargs)
            except BaseException:
                _give_up(key)
                raise
            _keep(key, response)
            return response

        return wrapper

    return decorate


def save_with_answer(store: Store, key: str, state: dict[str, Any], ttl_seconds: int, answer: str) -> None:
    """Save a webhook's new place and, for its retries, its answer, in one write; raises as `put` does.

    Outside a delivery that can be named (no MessageSid, no CallSid) only the place is saved.
    """
    delivery = g.get(DELIVERY, "")
    if not delivery:
        store.put(key, state, ttl_seconds)
        return
    store.put_many([(key, state, ttl_seconds), (PREFIX + delivery, {"reply": answer}, ANSWER_TTL_SECONDS)])
    setattr(g, SAVED, answer)


def clean_id(raw: str) -> str:
    """A Twilio id from a form value: letters and digits only, bounded."""
    raw = raw[: MAX_ID_CHARS * 2]
    if raw.isascii() and raw.isalnum():  # as Twilio sends them: nothing to drop
        return raw[:MAX_ID_CHARS]
    kept = (char for char in raw if char.isascii() and char.isalnum())
    return "".join(kept)[:MAX_ID_CHARS]


def _kept() -> Kept[str, str]:
    found: Kept[str, str] = current_app.extensions[EXTENSION]
    return found


def _earlier_answer(key: str) -> str | None:
    """The answer already given for this delivery, or None when this attempt is to act."""
    kept = _kept().peek(key)
    if kept is not None:
        return kept
    store = runtime().store
    try:
        found = store.claim(PREFIX + key, {"at": time.time()}, ANSWER_TTL_SECONDS)
    except Exception:
        log.warning("once: the store cannot say whether %s was seen; acting on it", key[:40], exc_info=True)
        return None
    while found is not None:
        reply = found.get("reply")
        if isinstance(reply, str):
            return reply
        started = found.get("at")
        if not isinstance(started, int | float) or time.time() - started > CLAIM_WAIT_SECONDS:
            log.warning("once: the first attempt at %s gave no answer; this one acts", key[:40])
            return None
        time.sleep(POLL_SECONDS)
        try:
            found = store.get(PREFIX + key) or {}
        except Exception:
            log.warning("once: the store stopped answering while %s waited; acting", key[:40], exc_info=True)
            return None
    return None


def _give_up(key: str) -> None:
    """This attempt failed without an answer: a retry should act at once, not wait for it."""
    try:
        runtime().store.put(PREFIX + key, {"at": 0}, ANSWER_TTL_SECONDS)
    except Exception:
        log.warning("once: could not release %s for a retry", key[:40], exc_info=True)


def _keep(key: str, response: Response) -> None:
    """Save a TwiML answer for this delivery's retries: in the store for every host, and in memory."""
    if response.status_code != 200:
        return
    reply = response.get_data(as_text=True)
    _kept().get(key, lambda: reply)
    if g.get(SAVED) == reply:
        return  # saved already, with the webhook's place (save_with_answer)
    try:
        runtime().store.put(PREFIX + key, {"reply": reply}, ANSWER_TTL_SECONDS)
    except Exception:
        log.warning("once: could not save the answer to %s for a retry", key[:40], exc_info=True)
