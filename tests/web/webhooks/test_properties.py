"""Property tests: whatever a signed webhook request carries, Twilio gets HTTP 200 and TwiML that parses."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.web.twilio.simulate import TwilioSimulator
from tests.twiml import twiml_errors

# Any text Twilio could pass on: every plane but lone surrogates (which no HTTP form can carry),
# NUL and control characters included, from empty to longer than any limit the app applies.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=2000)
SHORT_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
DIGITS = st.one_of(st.text("0123456789*#", max_size=30), SHORT_TEXT)
PHONE = st.one_of(st.just("+15555550100"), st.from_regex(r"\+?[0-9]{0,20}", fullmatch=True), SHORT_TEXT)
BOUNDS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _fields(**strategies: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, str]]:
    """Each field present with any value, or missing altogether."""
    return st.fixed_dictionaries({}, optional=strategies)


SMS_FIELDS = _fields(
    MessageSid=SHORT_TEXT, AccountSid=SHORT_TEXT, From=PHONE, To=PHONE, Body=ANY_TEXT, NumMedia=DIGITS,
)
CALL_FIELDS = _fields(
    CallSid=SHORT_TEXT, AccountSid=SHORT_TEXT, From=PHONE, To=PHONE, CallStatus=SHORT_TEXT,
    Direction=SHORT_TEXT, Digits=DIGITS, SpeechResult=ANY_TEXT, Confidence=SHORT_TEXT,
)


def _assert_twiml(twilio: TwilioSimulator, path: str, params: dict[str, str]) -> None:
    heard = twilio.post(path, params)
    assert heard.status == 200, heard.xml
    root = ET.fromstring(heard.xml)
    assert root.tag == "Response"
    assert twiml_errors(heard.xml) == []


@BOUNDS
@given(params=SMS_FIELDS)
def test_any_signed_text_gets_twiml(twilio: TwilioSimulator, params: dict[str, str]) -> None:
    _assert_twiml(twilio, "/sms", params)


@BOUNDS
@given(params=CALL_FIELDS)
def test_any_signed_call_start_gets_twiml(twilio: TwilioSimulator, params: dict[str, str]) -> None:
    _assert_twiml(twilio, "/voice", params)


@BOUNDS
@given(params=CALL_FIELDS, first=st.sampled_from(["", "1", "2", "9", "8", "0", "7"]))
def test_any_signed_call_turn_gets_twiml(twilio: TwilioSimulator, params: dict[str, str], first: str) -> None:
    """A turn in a call already under way (its place is in the store), or in one never started."""
    if first and "CallSid" in params:
        twilio.post("/voice", params)
        twilio.post("/voice/input", {**params, "Digits": first})
    _assert_twiml(twilio, "/voice/input", params)
