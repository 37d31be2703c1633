"""Twilio's call-status callback: where a caller hung up and how long the call lasted, only when signed."""

from __future__ import annotations

from flask import Flask

from service.web.twilio.simulate import TwilioSimulator
from tests.usage.conftest import counted


def v(event: str, node: str = "") -> tuple[str, str, str, str]:
    return (event, "voice", "en", node)


def test_three_silences_count_as_timed_out_not_as_a_hang_up(app: Flask, twilio: TwilioSimulator) -> None:
    twilio.dial()
    for _ in range(3):
        heard = twilio.wait()
    assert heard.hangs_up
    twilio.post("/voice/status", {**twilio._call_params(), "CallStatus": "completed", "CallDuration": "30"})
    counts = counted(app)
    assert counts[v("silence", "main")] == 3
    assert counts[v("timed_out", "main")] == 1
    assert counts[v("hang_up", "main")] == 0
    assert counts[v("call_seconds")] == 30


def test_the_status_callback_counts_where_the_caller_hung_up(app: Flask, twilio: TwilioSimulator) -> None:
    twilio.dial()
    twilio.press("4")  # symptoms
    ended = twilio.post("/voice/status", {**twilio._call_params(), "CallStatus": "completed",
                                          "CallDuration": "42"})
    assert ended.status == 200 and ended.root is not None and ended.root.tag == "Response"
    counts = counted(app)
    assert counts[v("hang_up", "symptoms")] == 1
    assert counts[v("call_seconds")] == 42


def test_the_status_callback_checks_the_signature(app: Flask, twilio: TwilioSimulator) -> None:
    twilio.dial()
    forged = twilio.post("/voice/status", {**twilio._call_params(), "CallStatus": "completed",
                                           "CallDuration": "999"}, sign=False)
    assert forged.status == 403
    assert counted(app)[v("call_seconds")] == 0
