"""The simulator runs TwiML as Twilio does, so the CLI and the try-it page show what callers get."""

from __future__ import annotations

import pytest
from flask import Flask, Response

from service.web.twilio.signature import twilio_signed
from service.web.twilio.simulate import TwilioSimulator, sms_facts
from service.web.twilio.twiml import twiml_response


def route(app: Flask, path: str, twiml: str) -> None:
    """A signed webhook on the app that always answers this TwiML."""

    def view() -> Response:
        return twiml_response(twiml)

    view.__name__ = "view_" + path.strip("/").replace("/", "_")
    app.add_url_rule(path, view.__name__, twilio_signed(view), methods=["GET", "POST"])


def test_a_redirect_with_no_gather_before_it_is_followed_at_once(make_app) -> None:
    app = make_app()
    route(app, "/t/a", "<Response><Say>one</Say><Redirect>/t/b</Redirect></Response>")
    route(app, "/t/b", '<Response><Gather action="/t/c"><Say>two</Say></Gather></Response>')
    phone = TwilioSimulator(app)
    phone.dial()
    phone.progress.action = "/t/a"  # as if a gather had sent its input here
    heard = phone.press("1")
    assert heard.says == ["one", "two"]
    assert heard.waiting and phone.progress.action == "/t/c"


def test_silence_runs_the_verbs_after_the_gather_and_a_key_goes_to_its_action(make_app) -> None:
    app = make_app(webhook_allow_get=True)  # the gather below sends its key by GET
    route(app, "/t/menu", (
        '<Response><Gather input="dtmf" action="/t/key" method="GET"><Say>press</Say></Gather>'
        "<Say>nothing pressed</Say><Hangup/></Response>"
    ))
    route(app, "/t/key", "<Response><Say>got a key</Say></Response>")
    phone = TwilioSimulator(app)
    phone.dial()
    phone.progress.action = "/t/menu"
    assert phone.press("1").says == ["press"]
    silent = phone.wait()
    assert silent.says == ["nothing pressed"] and silent.hangs_up and silent.ended
    phone.progress.action = "/t/menu"
    phone.press("1")
    pressed = phone.press("5")
    assert pressed.says == ["got a key"] and pressed.ended and not pressed.hangs_up


def test_words_to_a_gather_that_takes_only_keys_count_as_silence(make_app) -> None:
    app = make_app()
    route(app, "/t/keys", (
        '<Response><Gather input="dtmf" action="/t/never"><Say>keys only</Say></Gather>'
        "<Say>timed out</Say></Response>"
    ))
    phone = TwilioSimulator(app)
    phone.dial()
    phone.progress.action = "/t/keys"
    phone.press("1")
    assert phone.speak("liver").says == ["timed out"]


def test_dial_and_play_are_reported_in_order_and_the_call_goes_on_after_a_dial(make_app) -> None:
    app = make_app()
    route(app, "/t/transfer", (
        "<Response><Play>/audio/x.wav</Play><Dial><Number>+15555550123</Number></Dial>"
        "<Say>after the transfer</Say></Response>"
    ))
    phone = TwilioSimulator(app)
    phone.dial()
    phone.progress.action = "/t/transfer"
    heard = phone.press("1")
    assert [step.kind for step in heard.steps] == ["play", "dial", "say"]
    assert heard.plays == ["/audio/x.wav"] and heard.dials == ["+15555550123"]
    assert heard.ended


def test_a_gather_with_no_action_sends_input_to_its_own_document_and_urls_are_relative(make_app) -> None:
    app = make_app()
    route(app, "/t/dir/menu", (
        '<Response><Gather><Say>menu</Say></Gather><Redirect>again</Redirect></Response>'
    ))
    route(app, "/t/dir/again", "<Response><Say>relative redirect</Say></Response>")
    phone = TwilioSimulator(app)
    phone.dial()
    phone.progress.action = "/t/dir/menu"
    phone.press("1")
    assert phone.progress.action == "/t/dir/menu"
    assert phone.wait().says == ["relative redirect"]


def test_a_loop_of_redirects_stops(make_app) -> None:
    app = make_app()
    route(app, "/t/loop", "<Response><Say>again</Say><Redirect>/t/loop</Redirect></Response>")
    phone = TwilioSimulator(app)
    phone.dial()
    phone.progress.action = "/t/loop"
    heard = phone.press("1")
    assert 5 <= len(heard.says) <= 12 and heard.ended


def test_the_real_line_waits_at_its_gather_and_silence_follows_its_redirect(twilio: TwilioSimulator) -> None:
    heard = twilio.dial()
    assert heard.waiting and twilio.progress.action == "/voice/input?step=1"
    assert "<Redirect" in twilio.progress.rest
    assert "did not hear" in twilio.wait().says[0]


@pytest.mark.parametrize(
    ("text", "encoding", "characters", "segments"),
    [
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("[" * 80, "GSM-7", 160, 1),  # extended characters take two
        ("é" * 160, "GSM-7", 160, 1),  # é is in the GSM-7 basic set
        ("a" * 69 + "’", "UCS-2", 70, 1),
        ("a" * 70 + "’", "UCS-2", 71, 2),
        ("😀" * 35, "UCS-2", 70, 1),  # an emoji takes two UTF-16 units
        ("", "GSM-7", 0, 0),
    ],
)
def test_sms_facts_count_segments_as_phones_receive_them(
    text: str, encoding: str, characters: int, segments: int
) -> None:
    facts = sms_facts(text)
    assert (facts.encoding, facts.characters, facts.segments) == (encoding, characters, segments)
