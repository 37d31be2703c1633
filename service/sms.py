"""The text line: Twilio messaging webhook rendered as TwiML over the texting core."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, request
from twilio.twiml.messaging_response import MessagingResponse

from service.gsm import to_gsm
from service.optout import control_word
from service.runtime import Runtime, runtime
from service.signature import twilio_signed
from service.texting import TextState
from service.webhook import twiml_response

log = logging.getLogger(__name__)
bp = Blueprint("sms", __name__)
MAX_BODY_CHARS = 1600  # Twilio's own limit for one message


@bp.route("/sms", methods=["GET", "POST"])
@twilio_signed
def incoming() -> Response:
    """One incoming text: opt-out words first (committed before we answer), then the topic."""
    rt = runtime()
    body = request.values.get("Body", "")[:MAX_BODY_CHARS].replace("\x00", "")
    subscriber = rt.hash_phone(request.values.get("From", ""))
    control = control_word(body)
    if control == "stop":
        try:
            _record(rt, subscriber, opted_out=True)
        except Exception:
            log.critical("sms: could not record the opt-out of %s anywhere", subscriber[:12], exc_info=True)
        return twiml_response(str(MessagingResponse()))
    try:
        opted_out = _opted_out(rt, subscriber)
        if control == "start" and opted_out:
            _record(rt, subscriber, opted_out=False)
            return twiml_response(_message(rt.texts.resubscribed()))
        if opted_out:
            return twiml_response(str(MessagingResponse()))
    except Exception:
        log.exception("sms: cannot tell whether %s opted out; staying silent", subscriber[:12])
        return twiml_response(str(MessagingResponse()))
    try:
        return twiml_response(_answer(rt, subscriber, body))
    except Exception:
        log.exception("sms: failed to answer %s", subscriber[:12])
        return twiml_response(_message(rt.texts.error()))


def _record(rt: Runtime, subscriber: str, opted_out: bool) -> None:
    """Commit an opt-out or opt-in; if the store fails, the fsynced journal keeps it."""
    try:
        if rt.journal.pending():
            rt.journal.replay(rt.store)
        rt.store.set_opted_out(subscriber, opted_out)
    except Exception:
        word = "out" if opted_out else "in"
        log.exception("sms: store failed; journalling opt-%s for %s", word, subscriber[:12])
        rt.journal.append(subscriber, opted_out)
    log.info("sms: %s opted %s", subscriber[:12], "out" if opted_out else "back in")


def _opted_out(rt: Runtime, subscriber: str) -> bool:
    """The journal's latest word wins over the store, which may not have it yet."""
    journalled = rt.journal.lookup(subscriber)
    return journalled if journalled is not None else rt.store.is_opted_out(subscriber)


def _answer(rt: Runtime, subscriber: str, body: str) -> str:
    key = f"sms:{subscriber}"
    state = TextState.from_dict(rt.store.get(key))
    line_number = "".join(ch for ch in request.values.get("To", "") if ch in "+0123456789")[:16]
    reply = rt.texts.reply(state, body, line_number)
    rt.store.put(key, reply.state.to_dict(), rt.settings.state_ttl_seconds)
    return _message(reply.message)


def _message(text: str) -> str:
    response = MessagingResponse()
    response.message(to_gsm(text))
    return str(response)
