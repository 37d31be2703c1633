"""Twilio's call-status callback: a finished call's hang-up and length, counted where it ended.

A hang-up is counted from the call-status callback (set "Call status changes" on the number to
/voice/status): when a call ends as `completed`, the place it was in (its saved state) gets a
hang-up, unless the line itself ended it after three silences (counted as timed out). Without the
callback, hang-ups are simply not counted; everything else still is.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Flask, Response, request
from twilio.twiml.voice_response import VoiceResponse

from service.core.calls import MAX_SILENCES, CallState
from service.usage.events import VOICE, Event
from service.web.runtime import runtime
from service.web.twilio.once import clean_id, once
from service.web.twilio.signature import twilio_signed
from service.web.twilio.twiml import twiml_response
from service.web.webhooks.usage import count
from service.web.webhooks.voice import call_key

log = logging.getLogger(__name__)
MAX_CALL_SECONDS = 24 * 3600
bp = Blueprint("status", __name__)


def init_app(app: Flask) -> None:
    """Register the call-status route."""
    app.register_blueprint(bp)


def _delivery() -> str:
    """A call-status callback's name for retries: the call and the status it reports."""
    call_sid = clean_id(request.values.get("CallSid", ""))
    status = clean_id(request.values.get("CallStatus", ""))
    return f"call-status:{call_sid}:{status}" if call_sid else ""


@bp.route("/voice/status", methods=["POST"])
@twilio_signed
@once(_delivery)
def call_status() -> Response:
    """Twilio's call-status callback: where a finished call was, and how long it lasted."""
    try:
        _count_end()
    except Exception:
        log.exception("usage: could not count the end of a call")
    return twiml_response(str(VoiceResponse()))


def _count_end() -> None:
    if request.values.get("CallStatus", "") != "completed":
        return
    rt = runtime()
    saved = rt.store.get(call_key())  # where the voice webhook saved the call's place
    state = CallState.from_dict(saved)
    seconds = request.values.get("CallDuration", "")
    if seconds.isdigit():
        count(Event.CALL_SECONDS, channel=VOICE, lang=state.lang, amount=min(int(seconds), MAX_CALL_SECONDS))
    if state.silences < MAX_SILENCES:
        count(Event.HANG_UP, channel=VOICE, lang=state.lang, node=state.node if saved else "")
