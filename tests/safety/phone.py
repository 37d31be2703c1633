"""What a texter reads: one reply, checked to be plain GSM-7 within two segments."""

from __future__ import annotations

from service.core.gsm import SEGMENT_LIMIT, gsm_length, non_gsm
from service.web.twilio.simulate import TwilioSimulator


def texted(twilio: TwilioSimulator, body: str) -> str:
    heard = twilio.text(body)
    assert heard.status == 200 and len(heard.messages) == 1, heard.xml
    message = heard.messages[0]
    assert non_gsm(message) == [] and gsm_length(message) <= SEGMENT_LIMIT, message
    return message
