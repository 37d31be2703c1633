"""Text me this: a caller's chosen topic queued for the phone they call from, never for an opt-out.

Nor for a phone whose texts did not arrive lately (service.web.webhooks.delivery): it is not offered, and
the caller hears why once a call. The webhook checks and counts every limit, queues the text and
answers at once ("on its way"); a thread sends it (service.web.webhooks.outbox).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from flask import Flask, current_app, request

from service.core import wording
from service.core.calls import TextOutcome, Turn
from service.web.ops import metrics
from service.web.runtime import Runtime, sender_id
from service.web.twilio import sends
from service.web.twilio.outbound import TextSender
from service.web.webhooks.delivery import status_url, texts_paused
from service.web.webhooks.outbox import Outbox, make_outbox

log = logging.getLogger(__name__)
EXTENSION = "mbc_line_textme"
QUEUED = "queued"  # the send metric's outcome for a text the webhook queued


def init_app(app: Flask, sender: TextSender | None) -> None:
    """Keep the app's outbox (None without the account settings: nothing is offered)."""
    app.extensions[EXTENSION] = make_outbox(app, sender)


def outbox_of(app: Flask) -> Outbox | None:
    """An app's outbox, or None."""
    found: Outbox | None = app.extensions.get(EXTENSION)
    return found


def send_topic(rt: Runtime, turn: Turn) -> TextOutcome:
    """Queue the turn's topic for the caller (`From`) from the line (`To`); why not, when it cannot."""
    outcome = _queue_topic(rt, turn)
    metrics.count_send(QUEUED if outcome is TextOutcome.SENT else outcome)
    return outcome


def _queue_topic(rt: Runtime, turn: Turn) -> TextOutcome:
    outbox = outbox_of(current_app)
    caller = request.values.get("From", "").strip()
    line = request.values.get("To", "").strip()
    if outbox is None:
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
    counts = sends.text_counts(rt, len(pages))
    try:
        outbox.put(caller, line, pages, phone, status_url(rt), counts, turn.send_text)
    except Exception:
        log.exception("textme: could not queue %s, so it will not be sent", turn.send_text)
        sends.give_back_counts(rt.store, counts)
        return TextOutcome.FAILED
    log.info("textme: queued %s (%d texts) for the caller", turn.send_text, len(pages))
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
