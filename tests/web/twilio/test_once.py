"""A webhook Twilio delivers twice gets the same answer and is acted on once (service/web/twilio/once.py)."""

from __future__ import annotations

import secrets
import threading

from flask import Flask

from service.content import Content
from service.web.runtime import runtime_of
from service.web.twilio.simulate import DEMO_CALLER, DEMO_LINE, Heard, TwilioSimulator
from tests.twilio_api import StandIn, deliver
from tests.usage.conftest import counted


def text(body: str, sender: str = DEMO_CALLER) -> dict[str, str]:
    """One text as Twilio posts it: a fresh MessageSid, which its retries keep."""
    return {"MessageSid": "SM" + secrets.token_hex(16), "AccountSid": "AC" + "0" * 32,
            "From": sender, "To": DEMO_LINE, "Body": body, "NumMedia": "0"}


def test_a_text_delivered_twice_gets_the_same_reply_and_more_skips_no_page(
    app: Flask, twilio: TwilioSimulator, content: Content
) -> None:
    pages = content.topic_text("spread-bones", "en").sms
    assert pages[0] in twilio.post("/sms", text("bones")).messages[0]
    more = text("MORE")
    first, again = twilio.post("/sms", more), twilio.post("/sms", more)
    assert first.status == again.status == 200 and first.xml == again.xml
    assert pages[1] in first.messages[0]
    assert pages[2] in twilio.post("/sms", text("MORE")).messages[0]  # not page 4: the retry was not a MORE
    counts = counted(app)
    assert counts[("more", "sms", "en", "spread-bones")] == 2 and counts[("text", "sms", "en", "")] == 3


def test_a_stop_delivered_twice_is_one_opt_out(app: Flask, twilio: TwilioSimulator) -> None:
    stop = text("STOP")
    assert twilio.post("/sms", stop).messages == [] and twilio.post("/sms", stop).messages == []
    assert counted(app)[("opt_out", "sms", "", "")] == 1
    assert twilio.text("bones").messages == []  # still opted out


def test_the_same_words_in_a_new_message_are_a_new_turn(twilio: TwilioSimulator, content: Content) -> None:
    pages = content.topic_text("spread-bones", "en").sms
    twilio.text("bones")
    assert pages[1] in twilio.text("MORE").messages[0]
    assert pages[2] in twilio.text("MORE").messages[0]


def call_params(caller: TwilioSimulator, **extra: str) -> dict[str, str]:
    return {"CallSid": caller.call_sid, "From": DEMO_CALLER, "To": DEMO_LINE, **extra}


def test_a_key_delivered_twice_moves_the_call_once(app: Flask, twilio: TwilioSimulator) -> None:
    action = twilio.dial().root.find("Gather").get("action")
    first = twilio.post(action, call_params(twilio, Digits="3"))
    again = twilio.post(action, call_params(twilio, Digits="3"))
    assert "For bones, press 1." in first.xml and again.xml == first.xml
    deeper = twilio.post(again.root.find("Gather").get("action"), call_params(twilio, Digits="9"))
    assert "For bones, press 1." in deeper.xml  # 9 repeats the spread menu: the retry did not open bones
    assert counted(app)[("menu", "voice", "en", "spread")] == 1


def test_silence_delivered_twice_counts_one_silence(app: Flask, twilio: TwilioSimulator) -> None:
    redirect = twilio.dial().root.find("Redirect").text
    for _ in range(2):
        heard = twilio.post(redirect, call_params(twilio))
        assert "did not hear" in heard.xml
    assert counted(app)[("silence", "voice", "en", "main")] == 1


def test_text_me_this_delivered_again_while_the_first_is_answered_is_queued_once(
    texting_app: Flask, twilio_api: StandIn
) -> None:
    caller = TwilioSimulator(texting_app, lang="en")
    caller.dial()
    at_topic = caller.speak("bones")
    action = at_topic.root.find("Gather").get("action")
    answers: list[Heard] = []
    press_2 = call_params(caller, Digits="2")
    first = threading.Thread(target=lambda: answers.append(caller.post(action, press_2)))
    first.start()
    threading.Event().wait(0.1)
    answers.append(caller.post(action, press_2))
    first.join()
    pages = len(runtime_of(texting_app).content.topic_text("spread-bones", "en").sms)
    assert deliver(texting_app) == 1  # one text queued, not two
    assert len(twilio_api.sent) == pages
    assert answers[0].xml == answers[1].xml and "The text is on its way to your phone." in answers[0].xml
