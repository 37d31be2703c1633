"""Medicines by name through the signed webhooks, by text and by voice, as a new user asks."""

from __future__ import annotations

import pytest

from service.content import Content
from service.core.gsm import SEGMENT_LIMIT, gsm_length
from service.web.twilio.simulate import TwilioSimulator


def test_texting_a_brand_name_gets_what_it_is_within_two_segments(twilio: TwilioSimulator) -> None:
    message = twilio.text("what is enhertu").messages[0]
    assert message.startswith("Enhertu (fam-trastuzumab deruxtecan) is an antibody-drug conjugate")
    assert gsm_length(message) <= SEGMENT_LIMIT and "We did not find" not in message


def test_saying_a_medicine_says_what_it_is_then_key_1_plays_its_topic(twilio: TwilioSimulator) -> None:
    twilio.dial()
    heard = twilio.speak("kisqali")
    assert heard.says[0].startswith("Kisqali, also called ribociclib, is a CDK4/6 inhibitor")
    assert "HER2" not in " ".join(heard.says[:2]) and heard.gathers
    assert twilio.press("1").says[0].startswith("Targeted therapy")


@pytest.mark.parametrize(("said", "name"), [
    ("I want to know about I brands.", "Palbociclib, also called Ibrance"),
    ("Eye brands.", "Palbociclib, also called Ibrance"),
    ("What is kiss Kali?", "Ribociclib, also called Kisqali"),
])
def test_a_medicine_as_speech_recognition_writes_it_says_what_it_is(
    twilio: TwilioSimulator, said: str, name: str
) -> None:
    """"I brands" had got "Sorry, I did not catch that"."""
    twilio.dial()
    assert twilio.speak(said).says[0].startswith(name)


def test_a_spanish_caller_asking_about_side_effects(app) -> None:
    caller = TwilioSimulator(app, lang="es")
    caller.dial()
    heard = caller.speak("la xeloda me da diarrea")
    said = "Xeloda, también llamado capecitabina, es un medicamento de quimioterapia"
    assert heard.says[0].startswith(said)
    assert "Pregunte a su equipo médico por los efectos secundarios." in heard.says


def test_an_unknown_medicine_keeps_the_honest_answer(twilio: TwilioSimulator) -> None:
    message = twilio.text("zorblatinib").messages[0]
    assert "no page on that medicine" in message


@pytest.mark.parametrize("body", [
    "neulasta", "filgrastim", "zofran", "lorazepam", "metformin", "dexamethasone", "evista", "itovebi",
    "what is datroway",
])
def test_a_supportive_or_everyday_medicine_gets_the_honest_answer_not_not_found(
    twilio: TwilioSimulator, body: str
) -> None:
    """"neulasta" and "filgrastim" had got "We did not find that"."""
    message = twilio.text(body).messages[0]
    assert "no page on that medicine" in message and "did not find" not in message


@pytest.mark.parametrize(("body", "topic"), [
    ("herceptin", "treat-targeted"), ("Trastuzumab", "treat-targeted"), ("tamoxifen", "treat-hormone"),
    ("keytruda", "treat-immuno"), ("zometa", "treat-bone"),
])
def test_a_medicine_then_more_sends_a_page_of_its_kinds_topic(
    twilio: TwilioSimulator, content: Content, body: str, topic: str
) -> None:
    first = twilio.text(body).messages[0]
    assert body.lower() in first.lower() and "MORE" in first
    more = twilio.text("more").messages[0]
    assert any(more.startswith(page) for page in content.topic_text(topic).sms), more
