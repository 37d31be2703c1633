"""Text me this: a topic's text pages sent from the line to the caller, through the REST API stand-in."""

from __future__ import annotations

import pytest
from flask import Flask

from service.core.wording import call_text_pages
from service.web.runtime import runtime_of
from service.web.twilio import outbound
from service.web.twilio.simulate import DEMO_CALLER, DEMO_LINE, TwilioSimulator
from service.web.webhooks import textme
from tests.conftest import AppFactory
from tests.twilio_api import ACCOUNT_SID, AUTH_TOKEN, StandIn
from tests.usage.conftest import counted

OFFER = "To get this topic by text message, press 2."
SENT = "I sent it to your phone."
FAILED = "Sorry, I could not send the text just now. Please try again later."


def at_topic(app: Flask) -> tuple[TwilioSimulator, str]:
    caller = TwilioSimulator(app)
    caller.dial()
    heard = caller.speak("bones")
    assert OFFER in heard.says
    topic = runtime_of(app).store.get(f"voice:{caller.call_sid}")["node"]
    return caller, topic


def test_key_2_sends_every_page_from_the_line_to_the_caller(
    texting_app: Flask, twilio_api: StandIn, caplog: pytest.LogCaptureFixture
) -> None:
    caller, topic = at_topic(texting_app)
    heard = caller.press("2")
    content = runtime_of(texting_app).content
    pages = call_text_pages(content, topic, "en")
    expected = [(DEMO_CALLER, DEMO_LINE, page) for page in pages]
    assert [(m["To"], m["From"], m["Body"]) for m in twilio_api.sent] == expected
    assert twilio_api.sent[0]["Body"] == content.topic_text(topic, "en").sms[0]
    assert {(m["user"], m["password"]) for m in twilio_api.sent} == {(ACCOUNT_SID, AUTH_TOKEN)}
    assert pages[-1].endswith("(Reply MENU for topics)") and all(p.isascii() for p in pages)
    assert heard.status == 200 and heard.says[0] == SENT and heard.gathers
    assert DEMO_CALLER not in caplog.text and DEMO_CALLER[2:] not in caplog.text


def test_saying_text_me_works_too(texting_app: Flask, twilio_api: StandIn) -> None:
    caller, _ = at_topic(texting_app)
    assert caller.speak("send it to my phone").says[0] == SENT
    assert twilio_api.sent


def test_a_phone_that_texted_stop_is_sent_nothing(texting_app: Flask, twilio_api: StandIn) -> None:
    caller, _ = at_topic(texting_app)
    caller.text("STOP", sender=DEMO_CALLER)
    heard = caller.press("2")
    assert twilio_api.sent == []
    assert heard.says[0].startswith("This phone asked us not to send it texts.") and heard.gathers


def test_three_a_call_then_a_clear_refusal(texting_app: Flask, twilio_api: StandIn) -> None:
    caller, topic = at_topic(texting_app)
    for _ in range(3):
        assert caller.press("2").says[0] == SENT
    per_topic = len(call_text_pages(runtime_of(texting_app).content, topic, "en"))
    heard = caller.press("2")
    assert heard.says[0] == "I can only send 3 texts in one call." and heard.gathers
    assert len(twilio_api.sent) == 3 * per_topic


def test_an_api_error_keeps_the_call_going_and_does_not_count(
    texting_app: Flask, twilio_api: StandIn
) -> None:
    caller, _ = at_topic(texting_app)
    twilio_api.status = 500
    heard = caller.press("2")
    assert heard.status == 200 and heard.says[0] == FAILED and heard.gathers
    twilio_api.status = 201
    for _ in range(3):
        assert caller.press("2").says[0] == SENT


def test_a_slow_api_times_out_with_the_same_clear_sentence(
    make_app: AppFactory, twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbound, "SEND_TIMEOUT_SECONDS", 0.3)  # before the app builds its sender
    caller, _ = at_topic(make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url))
    twilio_api.delay_seconds = 1.0
    heard = caller.press("2")
    assert heard.status == 200 and heard.says[0] == FAILED and heard.gathers


def test_without_account_settings_nothing_is_offered(app: Flask) -> None:
    caller = TwilioSimulator(app)
    caller.dial()
    assert OFFER not in caller.speak("bones").says
    assert caller.press("2").says[0].startswith("Sorry, that is not one of the choices.")


def test_a_sent_text_is_counted_for_the_operator_and_a_failed_one_is_not(
    texting_app: Flask, twilio_api: StandIn
) -> None:
    caller, topic = at_topic(texting_app)
    caller.press("2")
    twilio_api.status = 500
    caller.press("2")
    assert counted(texting_app)[("text_me", "voice", "en", topic)] == 1


def test_no_page_is_started_once_the_time_for_the_webhook_is_spent(
    texting_app: Flask, twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(textme, "SEND_BUDGET_SECONDS", 0.0)
    caller, topic = at_topic(texting_app)
    assert len(call_text_pages(runtime_of(texting_app).content, topic, "en")) > 1
    twilio_api.delay_seconds = 0.05
    heard = caller.press("2")
    assert len(twilio_api.sent) == 1 and heard.says[0] == FAILED and heard.gathers


@pytest.mark.parametrize(
    "words", ["Don't text me", "ＳＴＯＰ", "stop sending me these", "no me escriban más"]
)
def test_after_an_opt_out_in_any_words_text_me_this_sends_nothing(
    texting_app: Flask, twilio_api: StandIn, words: str
) -> None:
    caller, _ = at_topic(texting_app)
    caller.text(words, sender=DEMO_CALLER)
    heard = caller.press("2")
    assert twilio_api.sent == []
    assert heard.says[0].startswith("This phone asked us not to send it texts.")
