"""Text me this: a topic's text pages queued by the webhook and sent from the line to the caller, through
the REST API stand-in (tests/web/webhooks/test_outbox.py holds the sending thread to its promises)."""

from __future__ import annotations

import time

import pytest
from flask import Flask

from service.core.wording import call_text_pages
from service.web.runtime import runtime_of
from service.web.twilio import outbound
from service.web.twilio.simulate import DEMO_CALLER, DEMO_LINE, TwilioSimulator
from service.web.webhooks import outbox
from tests.conftest import AppFactory
from tests.twilio_api import ACCOUNT_SID, AUTH_TOKEN, StandIn, deliver
from tests.usage.conftest import counted

OFFER = "To get this topic by text message, press 2."
SENT = "The text is on its way to your phone."


def at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text left to try again is ready again at once, with time for its pages."""
    monkeypatch.setattr(outbox, "LEASE_SECONDS", 0.0)
    monkeypatch.setattr(outbox, "PAGE_SECONDS", -10.0)


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
    assert deliver(texting_app) == 1
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
    deliver(texting_app)
    assert twilio_api.sent


def test_a_phone_that_texted_stop_is_sent_nothing(texting_app: Flask, twilio_api: StandIn) -> None:
    caller, _ = at_topic(texting_app)
    caller.text("STOP", sender=DEMO_CALLER)
    heard = caller.press("2")
    assert deliver(texting_app) == 0 and twilio_api.sent == []
    assert heard.says[0].startswith("This phone asked us not to send it texts.") and heard.gathers


def test_three_a_call_then_a_clear_refusal(texting_app: Flask, twilio_api: StandIn) -> None:
    caller, topic = at_topic(texting_app)
    for _ in range(3):
        assert caller.press("2").says[0] == SENT
    per_topic = len(call_text_pages(runtime_of(texting_app).content, topic, "en"))
    heard = caller.press("2")
    assert heard.says[0] == "I can only send 3 texts in one call." and heard.gathers
    deliver(texting_app)
    assert len(twilio_api.sent) == 3 * per_topic


def test_an_api_that_keeps_failing_is_tried_three_times_and_the_text_is_not_counted(
    make_app: AppFactory, twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_once(monkeypatch)
    app = make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url,
                   texts_per_phone_per_day=1)
    caller, _ = at_topic(app)
    twilio_api.status = 500
    heard = caller.press("2")
    assert heard.status == 200 and heard.says[0] == SENT and heard.gathers
    assert deliver(app) == outbox.MAX_ATTEMPTS  # three tries, then given up
    assert len(twilio_api.sent) == outbox.MAX_ATTEMPTS and deliver(app) == 0
    twilio_api.status = 201
    again, _ = at_topic(app)
    assert again.press("2").says[0] == SENT  # the phone's one text today was given back
    assert deliver(app) == 1 and len(twilio_api.sent) > outbox.MAX_ATTEMPTS


def test_the_caller_hears_at_once_and_the_api_is_called_after_the_answer(
    texting_app: Flask, twilio_api: StandIn
) -> None:
    caller, _ = at_topic(texting_app)
    twilio_api.delay_seconds = 1.0
    heard = caller.press("2")
    assert heard.status == 200 and heard.says[0] == SENT and heard.gathers
    assert twilio_api.arrived == 0  # the webhook answered without calling the API
    twilio_api.delay_seconds = 0.0
    assert deliver(texting_app) == 1 and twilio_api.sent


def test_a_page_the_api_did_not_answer_in_time_is_never_sent_again(
    make_app: AppFactory, twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twilio may have taken a page it did not answer for in time: the next page follows, not a repeat."""
    monkeypatch.setattr(outbound, "SEND_TIMEOUT_SECONDS", 0.3)  # before the app builds its sender
    at_once(monkeypatch)
    app = make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url)
    caller, topic = at_topic(app)
    caller.press("2")
    twilio_api.delay_seconds = 1.0
    deliver(app)
    pages = call_text_pages(runtime_of(app).content, topic, "en")
    time.sleep(1.5)  # the stand-in takes each page late, after the client stopped waiting
    assert sorted(m["Body"] for m in twilio_api.sent) == sorted(pages)


def test_without_account_settings_nothing_is_offered(app: Flask) -> None:
    caller = TwilioSimulator(app)
    caller.dial()
    assert OFFER not in caller.speak("bones").says
    assert caller.press("2").says[0].startswith("Sorry, that is not one of the choices.")


def test_a_queued_text_is_counted_and_each_message_twilio_took_is_counted_sent(
    texting_app: Flask, twilio_api: StandIn
) -> None:
    caller, topic = at_topic(texting_app)
    caller.press("2")
    deliver(texting_app)
    pages = len(twilio_api.sent)
    assert counted(texting_app)[("text_me", "voice", "en", topic)] == 1
    assert counted(texting_app)[("sent", "sms", "", "")] == pages


def test_a_page_is_started_only_while_the_claim_lasts_and_the_next_claim_goes_on(
    texting_app: Flask, twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    caller, topic = at_topic(texting_app)
    pages = call_text_pages(runtime_of(texting_app).content, topic, "en")
    assert len(pages) > 1
    caller.press("2")
    monkeypatch.setattr(outbox, "LEASE_SECONDS", 1.0)
    monkeypatch.setattr(outbox, "PAGE_SECONDS", 0.5)  # time for one page, not two
    twilio_api.delay_seconds = 0.6
    assert deliver(texting_app) == 1
    assert len(twilio_api.sent) == 1 and deliver(texting_app) == 0  # still claimed
    twilio_api.delay_seconds = 0.0
    time.sleep(1.0)  # the claim's lease ends
    assert deliver(texting_app) == 1
    assert [message["Body"] for message in twilio_api.sent] == pages  # each page once, in order


@pytest.mark.parametrize(
    "words", ["Don't text me", "ＳＴＯＰ", "stop sending me these", "no me escriban más"]
)
def test_after_an_opt_out_in_any_words_text_me_this_sends_nothing(
    texting_app: Flask, twilio_api: StandIn, words: str
) -> None:
    caller, _ = at_topic(texting_app)
    caller.text(words, sender=DEMO_CALLER)
    heard = caller.press("2")
    deliver(texting_app)
    assert twilio_api.sent == []
    assert heard.says[0].startswith("This phone asked us not to send it texts.")
