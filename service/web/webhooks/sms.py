"""The text line: Twilio messaging webhook rendered as TwiML over the texting core.

SMS and WhatsApp arrive here alike; a WhatsApp sender's From is "whatsapp:+1...". WhatsApp has no
160-character pages and no GSM alphabet, so it gets a whole topic in one message with its accents
(service.web.webhooks.channels); each address opts out on its own.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from flask import Blueprint, Response, request
from twilio.twiml.messaging_response import MessagingResponse

from service.content.prompts import Prompt
from service.core import wording
from service.core.gsm import to_gsm
from service.core.optout import confirmed_by_twilio, language_of
from service.core.texts import Show, TextReply, TextState
from service.safety.triage import Concern, triage
from service.web.ops import metrics
from service.web.runtime import Runtime, runtime, sender_id
from service.web.twilio.controls import control, message_body, opt_out_type
from service.web.twilio.once import clean_id, once, save_with_answer
from service.web.twilio.ratelimit import TEXT_COUNTS, limit_texts
from service.web.twilio.signature import twilio_signed
from service.web.twilio.twiml import twiml_response
from service.web.webhooks import usage
from service.web.webhooks.channels import (
    WHATSAPP,
    Channel,
    channel_of,
    is_media_only,
    message_text,
    saved_state,
)

log = logging.getLogger(__name__)
bp = Blueprint("sms", __name__)
_NOT_PHONE = re.compile(r"[^+0-9]")
SILENCE = str(MessagingResponse())


def _delivery() -> str:
    """A text's name for retries: its MessageSid."""
    message_sid = clean_id(request.values.get("MessageSid", ""))
    return f"sms:{message_sid}" if message_sid else ""


@bp.route("/sms", methods=["GET", "POST"])
@twilio_signed
@once(_delivery, TEXT_COUNTS)  # the rate limits are taken with the retry record's claim
@limit_texts
def incoming() -> Response:
    """One incoming text: opt-out first (committed before we answer), then the topic."""
    rt = runtime()
    body = message_body()
    subscriber = sender_id(rt)
    channel = channel_of()
    said = control(body)
    if said == "stop":
        kept = "lost"
        try:
            kept = rt.optouts.record(subscriber, opted_out=True)
        except Exception:
            log.critical("sms: could not record the opt-out of %s anywhere", subscriber[:12], exc_info=True)
        usage.count(usage.Event.OPT_OUT, channel=channel)
        metrics.count_opt_out(channel, kept)
        return twiml_response(_opted_out(rt, body, channel))
    key = f"sms:{subscriber}"
    try:
        saved, opted_out = rt.optouts.texter(key, subscriber)
        if said == "start" and (opted_out or opt_out_type()):
            if opted_out:
                rt.optouts.record(subscriber, opted_out=False)
                usage.count(usage.Event.OPT_IN, channel=channel)
            reply = rt.texts.keyword(TextState.from_dict(saved), body, Show.RESUBSCRIBED)
            return twiml_response(_message(rt, reply, channel))
        if opted_out:
            return twiml_response(SILENCE)
    except Exception:
        log.exception("sms: cannot tell whether %s opted out; staying silent", subscriber[:12])
        return twiml_response(SILENCE)
    try:
        return twiml_response(_answer(rt, key, TextState.from_dict(saved), body, channel, said == "help"))
    except Exception:
        log.exception("sms: failed to answer %s", subscriber[:12])
        return twiml_response(_message(rt, rt.texts.error(), channel))


def _opted_out(rt: Runtime, body: str, channel: Channel) -> str:
    """Silence where Twilio confirms the opt-out itself; else the line's one confirmation, with the
    Lifeline first when the same text has words of suicide or self-harm."""
    response = MessagingResponse()
    if not confirmed_by_twilio(body, opt_out_type(), keywords_read=channel != WHATSAPP):
        finding = triage(body)
        crisis = finding is not None and finding.concern is Concern.CRISIS
        prompt = Prompt.SMS_OPTED_OUT_CRISIS if crisis else Prompt.SMS_OPTED_OUT
        lang = (finding.lang if finding is not None and crisis else "") or language_of(body)
        said = wording.sms_prompt(rt.content, prompt, lang)
        response.message(said if channel == WHATSAPP else to_gsm(said))
    return str(response)


def _answer(rt: Runtime, key: str, state: TextState, body: str, channel: Channel, help_asked: bool) -> str:
    if help_asked:
        reply = rt.texts.keyword(state, body, Show.HELP)
    elif is_media_only(body):
        reply = rt.texts.keyword(state, body, Show.MEDIA)
    else:
        reply = rt.texts.reply(state, body, datetime.now(UTC))
    answer = _message(rt, reply, channel)
    saved = saved_state(rt.content, reply, channel).to_dict()
    save_with_answer(rt.store, key, saved, rt.settings.state_ttl_seconds, answer)
    usage.count_text(reply, channel)
    metrics.count_reply(reply, channel)
    return answer


def _line_phone(rt: Runtime) -> str:
    """The number HELP offers for calls: LINE_PHONE, else the number this text was sent to."""
    if rt.settings.line_phone:
        return rt.settings.line_phone
    return _NOT_PHONE.sub("", request.values.get("To", "")[:64])[:16]


def _message(rt: Runtime, reply: TextReply, channel: Channel) -> str:
    """The reply's TwiML, built once per distinct reply, channel and number texted."""
    line_phone = _line_phone(rt)
    key = ("sms", reply, channel, line_phone)
    return rt.rendered.get(key, lambda: _build(rt, reply, channel, line_phone))


def _build(rt: Runtime, reply: TextReply, channel: Channel, line_phone: str) -> str:
    response = MessagingResponse()
    response.message(message_text(rt.content, reply, channel, line_phone, rt.settings.helpline_phone))
    return str(response)
