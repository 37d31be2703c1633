"""What a texter reads: one reply, checked to be plain GSM-7 within two segments (and urgent first)."""

from __future__ import annotations

from service.content import Content
from service.core.gsm import SEGMENT_LIMIT, gsm_length, non_gsm, to_gsm
from service.safety.triage import Concern, triage
from service.web.twilio.simulate import TwilioSimulator


def texted(twilio: TwilioSimulator, body: str) -> str:
    heard = twilio.text(body)
    assert heard.status == 200 and len(heard.messages) == 1, heard.xml
    message = heard.messages[0]
    assert non_gsm(message) == [] and gsm_length(message) <= SEGMENT_LIMIT, message
    return message


def urgent_with_no_sign(twilio: TwilioSimulator, body: str) -> str:
    """The reply to an urgent message that names no one sign, checked to say 911 in its first sentence."""
    finding = triage(body)
    assert finding is not None and finding.concern is Concern.URGENT and finding.sign == "", finding
    first = texted(twilio, body)
    assert "911" in first.split(".")[0], first
    return first


def not_read_as(body: str, concern: Concern) -> None:
    """Checks that triage finds nothing in a message, or something other than `concern`."""
    finding = triage(body)
    assert finding is None or finding.concern is not concern, finding


def sign_first(twilio: TwilioSimulator, content: Content, body: str, sign: str) -> str:
    """The reply to a message, checked to open with the sign's what-to-do-now (in either language)."""
    says = content.sign(sign).says
    reply = texted(twilio, body)
    assert reply.startswith((says["en"], to_gsm(says["es"]))), reply
    return reply


def person_offered(twilio: TwilioSimulator, body: str) -> str:
    """The reply to a message of distress, checked to give a person's number, no 911 alarm and never
    "not found"."""
    finding = triage(body)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding
    reply = texted(twilio, body)
    assert "1-800-227-2345" in reply and "911 now" not in reply, reply
    assert "not find" not in reply and "No encontramos" not in reply, reply
    return reply
