"""Text me this: a caller's chosen topic sent by SMS to the phone they call from, never to an opt-out.

Nor to a phone whose texts did not arrive lately (service.web.webhooks.delivery): it is not offered, and the
caller hears why once a call.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from flask import Flask, current_app, request

from service.core import wording
from service.core.calls import TextOutcome, Turn
from service.web.runtime import Runtime, sender_id
from service.web.twilio import sends
from service.web.twilio.outbound import SendError, TextSender, Unsubscribed
from service.web.webhooks.delivery import opted_out_at_twilio, record_sent, status_url, texts_paused

log = logging.getLogger(__name__)
EXTENSION = "mbc_line_textme"
# Twilio waits 15 s for a webhook: no page is started after this, so even a slow API (each message
# may take SEND_TIMEOUT_SECONDS) leaves time to answer the caller.
SEND_BUDGET_SECONDS = 8.0


def init_app(app: Flask, sender: TextSender | None) -> None:
    """Keep the app's sender (None when the account settings are not there: nothing is offered)."""
    app.extensions[EXTENSION] = sender


def sender_of(app: Flask) -> TextSender | None:
    """An app's sender, or None."""
    found: TextSender | None = app.extensions.get(EXTENSION)
    return found


def send_topic(rt: Runtime, turn: Turn) -> TextOutcome:
    """Send the turn's topic to the caller (`From`) from the line (`To`); why not, when it cannot."""
    sender = sender_of(current_app)
    caller = request.values.get("From", "").strip()
    line = request.values.get("To", "").strip()
    if sender is None:
        log.warning("textme: no sender to send with")
        return TextOutcome.FAILED
    phone = sender_id(rt)
    refused = _not_to_this_phone(rt, phone)
    if refused is not None:
        return refused
    pages = wording.call_text_pages(rt.content, turn.send_text, turn.state.lang)
    refusal = sends.text_refusal(rt, caller, line, len(pages))
    if refusal is not None:
        return refusal
    deadline = time.monotonic() + SEND_BUDGET_SECONDS
    callback = status_url(rt)
    for number, page in enumerate(pages, 1):
        if number > 1 and time.monotonic() > deadline:
            log.warning("textme: out of time after %d of %d texts", number - 1, len(pages))
            return TextOutcome.FAILED
        try:
            record_sent(rt, sender.send(caller, line, [page], callback), phone)
        except Unsubscribed:
            log.info("textme: Twilio says the caller's phone opted out (21610); recorded as a STOP")
            opted_out_at_twilio(rt, phone)
            if number == 1:
                sends.give_back_text(rt, len(pages))
            return TextOutcome.OPTED_OUT
        except SendError:
            log.warning("textme: could not send text %d of %d of %s", number, len(pages), turn.send_text)
            if number == 1:
                sends.give_back_text(rt, len(pages))
            return TextOutcome.FAILED
    log.info("textme: sent %s (%d texts) to the caller", turn.send_text, len(pages))
    return TextOutcome.SENT


def _not_to_this_phone(rt: Runtime, phone: str) -> TextOutcome | None:
    """Why nothing may be sent to this phone (its hash): it opted out, or texts to it did not arrive."""
    try:
        opted_out = rt.optouts.is_opted_out(phone)
    except Exception:
        log.exception("textme: could not check the opt-outs, so nothing was sent")
        return TextOutcome.FAILED
    if opted_out:
        log.info("textme: the caller's phone opted out of texts; nothing sent")
        return TextOutcome.OPTED_OUT
    if texts_paused(rt, phone):
        log.info("textme: texts to the caller's phone did not arrive lately; nothing sent")
        return TextOutcome.PAUSED
    return None


def unless_paused(rt: Runtime, turn: Turn, told: bool) -> Turn:
    """No offer to text a phone whose texts did not arrive; in its place, once a call (`told`), why."""
    if not turn.offer_text or not texts_paused(rt, sender_id(rt)):
        return turn
    return replace(turn, offer_text=False, texts_paused=not told)
