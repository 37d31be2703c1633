"""What became of each text the line sent: Twilio's status callbacks, kept without the number.

Every message the line sends through the REST API asks Twilio to post its status to /sms/status,
signed like every webhook. The outcome is kept per MessageSid with the phone's keyed hash, never the
number. 21610 (the phone opted out of this sender, perhaps through another of its numbers) is
recorded as an opt-out, as STOP is, through the journal. 30003, 30005, 30006 and 30007 (a phone off,
unknown, a landline, or blocked) pause "text me this" to that phone for TEXTS_PAUSE_DAYS. Texts
sent, delivered and not delivered (by error code) are counted for the usage report.
"""

from __future__ import annotations

import logging
import time

from flask import Blueprint, Response, request, url_for
from twilio.twiml.messaging_response import MessagingResponse

from service.usage.events import SMS, Event
from service.web.runtime import Runtime, runtime
from service.web.twilio.once import clean_id, once
from service.web.twilio.signature import twilio_signed
from service.web.twilio.twiml import twiml_response
from service.web.webhooks import usage

log = logging.getLogger(__name__)
bp = Blueprint("delivery", __name__)
MESSAGE = "message:"  # store key of one sent message's outcome, by MessageSid
PAUSED = "texts-paused:"  # store key of a phone "text me this" skips for now, by its hash
MESSAGE_TTL_SECONDS = 30 * 86_400
FINAL = {"delivered": Event.DELIVERED, "undelivered": Event.FAILED, "failed": Event.FAILED}
OPTED_OUT_CODE = "21610"
UNREACHABLE_CODES = frozenset({"30003", "30005", "30006", "30007"})
SECONDS_A_DAY = 86_400


def status_url(rt: Runtime) -> str:
    """The absolute URL Twilio posts a sent message's status to: PUBLIC_BASE_URL, else this host."""
    base = rt.settings.public_base_url or request.host_url.rstrip("/")
    return f"{base}{url_for('delivery.status')}"


def record_sent(rt: Runtime, sids: list[str], phone: str) -> None:
    """Keep each message Twilio took (its outcome comes later), and count it sent."""
    for sid in filter(None, (clean_id(sid) for sid in sids)):
        try:
            rt.store.put(MESSAGE + sid, {"phone": phone, "status": "queued"}, MESSAGE_TTL_SECONDS)
        except Exception:
            log.warning("delivery: could not keep message %s", sid[:12], exc_info=True)
    usage.count(Event.SENT, channel=SMS, amount=len(sids))


def texts_paused(rt: Runtime, phone: str) -> bool:
    """Whether a text to this phone (its hash) failed lately as undeliverable."""
    try:
        return rt.store.get(PAUSED + phone) is not None
    except Exception:
        log.warning("delivery: cannot tell whether texts to %s are paused", phone[:12], exc_info=True)
        return False


def opted_out_at_twilio(rt: Runtime, phone: str) -> None:
    """Twilio says the phone opted out of this sender (21610): the line records it as a STOP."""
    try:
        rt.optouts.record(phone, opted_out=True)
    except Exception:
        log.critical("delivery: could not record the opt-out of %s anywhere", phone[:12], exc_info=True)


def _delivery() -> str:
    """A status callback's name for retries: the message and the status it reports."""
    sid = clean_id(request.values.get("MessageSid", ""))
    return f"message-status:{sid}:{clean_id(request.values.get('MessageStatus', ''))}" if sid else ""


@bp.route("/sms/status", methods=["POST"])
@twilio_signed
@once(_delivery)
def status() -> Response:
    """Twilio's status callback for a message the line sent."""
    rt = runtime()
    values = request.values
    sid = clean_id(values.get("MessageSid", ""))
    state = values.get("MessageStatus", "").strip().lower()[:16]
    code = clean_id(values.get("ErrorCode", ""))[:8]
    phone = rt.hash_phone(values["To"]) if values.get("To") else ""
    if code == OPTED_OUT_CODE and phone:
        opted_out_at_twilio(rt, phone)
    try:
        _record(rt, sid, state, code, phone)
    except Exception:
        log.exception("delivery: could not record the status of message %s", sid[:12])
    return twiml_response(str(MessagingResponse()))


def _record(rt: Runtime, sid: str, state: str, code: str, phone: str) -> None:
    """Keep the message's outcome; pause texts to a phone that cannot get them; count a final one once."""
    before = rt.store.get(MESSAGE + sid) if sid else None
    phone = phone or str((before or {}).get("phone", ""))
    if code in UNREACHABLE_CODES and phone:
        log.info("delivery: texts to %s paused after error %s", phone[:12], code)
        rt.store.put(PAUSED + phone, {"code": code, "at": time.time()},
                     rt.settings.texts_pause_days * SECONDS_A_DAY)
    if not sid or (before or {}).get("status") in FINAL:
        return  # a later callback than the final one (they may come out of order) changes nothing
    rt.store.put(MESSAGE + sid, {"phone": phone, "status": state, "code": code}, MESSAGE_TTL_SECONDS)
    event = FINAL.get(state)
    if event is not None:
        usage.count(event, channel=SMS, node=code if event is Event.FAILED else "")
