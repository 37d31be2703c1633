"""Text me this: a caller's chosen topic sent by SMS to the phone they call from, never to an opt-out."""

from __future__ import annotations

import logging
import time

from flask import Flask, current_app, request

from service.core import wording
from service.core.calls import TextOutcome, Turn
from service.web.runtime import Runtime
from service.web.twilio import sends
from service.web.twilio.outbound import SendError, TextSender

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
    try:
        opted_out = rt.optouts.is_opted_out(rt.hash_phone(caller))
    except Exception:
        log.exception("textme: could not check the opt-outs, so nothing was sent")
        return TextOutcome.FAILED
    if opted_out:
        log.info("textme: the caller's phone opted out of texts; nothing sent")
        return TextOutcome.OPTED_OUT
    pages = wording.call_text_pages(rt.content, turn.send_text, turn.state.lang)
    refusal = sends.text_refusal(rt, caller, line, len(pages))
    if refusal is not None:
        return refusal
    deadline = time.monotonic() + SEND_BUDGET_SECONDS
    for number, page in enumerate(pages, 1):
        if number > 1 and time.monotonic() > deadline:
            log.warning("textme: out of time after %d of %d texts", number - 1, len(pages))
            return TextOutcome.FAILED
        try:
            sender.send(caller, line, [page])
        except SendError:
            log.warning("textme: could not send text %d of %d of %s", number, len(pages), turn.send_text)
            if number == 1:
                sends.give_back_text(rt, len(pages))
            return TextOutcome.FAILED
    log.info("textme: sent %s (%d texts) to the caller", turn.send_text, len(pages))
    return TextOutcome.SENT
