"""The text line: Twilio messaging webhook rendered as TwiML over the texting core."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from flask import Blueprint, Response, request
from twilio.twiml.messaging_response import MessagingResponse

from service.content.prompts import Prompt
from service.core import wording
from service.core.gsm import to_gsm
from service.core.optout import confirmed_by_twilio, control_word, language_of
from service.core.texts import TextReply, TextState
from service.web.runtime import Runtime, runtime, sender_id
from service.web.twilio.ratelimit import limit_texts
from service.web.twilio.signature import twilio_signed
from service.web.twilio.twiml import twiml_response
from service.web.webhooks import usage

log = logging.getLogger(__name__)
bp = Blueprint("sms", __name__)
MAX_BODY_CHARS = 1600
_NOT_PHONE = re.compile(r"[^+0-9]")  # Twilio's own limit for one message


@bp.route("/sms", methods=["GET", "POST"])
@twilio_signed
@limit_texts
def incoming() -> Response:
    """One incoming text: opt-out words first (committed before we answer), then the topic."""
    rt = runtime()
    body = request.values.get("Body", "")[:MAX_BODY_CHARS].replace("\x00", "")
    subscriber = sender_id(rt)
    opt_out_type = request.values.get("OptOutType", "")[:16]
    control = control_word(body, opt_out_type)
    if control == "stop":
        try:
            rt.optouts.record(subscriber, opted_out=True)
        except Exception:
            log.critical("sms: could not record the opt-out of %s anywhere", subscriber[:12], exc_info=True)
        usage.count(usage.Event.OPT_OUT, channel="sms")
        return twiml_response(_opted_out(rt, body, opt_out_type))
    key = f"sms:{subscriber}"
    try:
        saved, opted_out = rt.optouts.texter(key, subscriber)
        if control == "start" and opted_out:
            rt.optouts.record(subscriber, opted_out=False)
            usage.count(usage.Event.OPT_IN, channel="sms")
            return twiml_response(_message(rt, rt.texts.resubscribed()))
        if opted_out:
            return twiml_response(str(MessagingResponse()))
    except Exception:
        log.exception("sms: cannot tell whether %s opted out; staying silent", subscriber[:12])
        return twiml_response(str(MessagingResponse()))
    try:
        return twiml_response(_answer(rt, key, TextState.from_dict(saved), body))
    except Exception:
        log.exception("sms: failed to answer %s", subscriber[:12])
        return twiml_response(_message(rt, rt.texts.error()))


def _opted_out(rt: Runtime, body: str, opt_out_type: str) -> str:
    """Silence where Twilio confirms the opt-out itself; else the line's one confirmation."""
    response = MessagingResponse()
    if not confirmed_by_twilio(body, opt_out_type):
        response.message(to_gsm(wording.sms_prompt(rt.content, Prompt.SMS_OPTED_OUT, language_of(body))))
    return str(response)


def _answer(rt: Runtime, key: str, state: TextState, body: str) -> str:
    reply = rt.texts.reply(state, body, datetime.now(UTC))
    rt.store.put(key, reply.state.to_dict(), rt.settings.state_ttl_seconds)
    usage.count_text(reply)
    return _message(rt, reply)


def _line_phone(rt: Runtime) -> str:
    """The number HELP offers for calls: LINE_PHONE, else the number this text was sent to."""
    if rt.settings.line_phone:
        return rt.settings.line_phone
    return _NOT_PHONE.sub("", request.values.get("To", "")[:64])[:16]


def _message(rt: Runtime, reply: TextReply) -> str:
    """The reply's TwiML, built once per distinct reply (and number texted)."""
    line_phone = _line_phone(rt)
    return rt.rendered.get(("sms", reply, line_phone), lambda: _build(rt, reply, line_phone))


def _build(rt: Runtime, reply: TextReply, line_phone: str) -> str:
    response = MessagingResponse()
    message = wording.text_message(rt.content, reply, line_phone, rt.settings.helpline_phone)
    response.message(to_gsm(message))
    return str(response)
