"""A person, always (issue 30): everyday words for a person reach the person answer at any menu, by
text and by voice, and every wrong key, silence and unmatched message names a person and 911."""

from __future__ import annotations

import re

import pytest

from service.core.gsm import SEGMENT_LIMIT, gsm_length
from service.web.twilio.simulate import TwilioSimulator

ACS = "1-800-227-2345"
HELPLINE = "+18005550100"
PERSON_WORDS = ["representative", "agent", "live person", "operator", "I want a real human", "nurse"]
PERSON_WORDS_ES = ["alguien", "una persona por favor", "operadora", "quiero hablar con alguien"]


def first_two_sentences(text: str) -> str:
    return " ".join(re.split(r"(?<=[.!?])\s+", text)[:2])


@pytest.mark.parametrize("words", PERSON_WORDS + PERSON_WORDS_ES)
def test_a_texter_asking_for_a_person_gets_people_to_call(twilio: TwilioSimulator, words: str) -> None:
    heard = twilio.text(words)
    message = heard.messages[0]
    assert ACS in message and "911" in message and "did not find" not in message
    assert "no encontramos" not in message.lower() and gsm_length(message) <= SEGMENT_LIMIT


@pytest.mark.parametrize("words", PERSON_WORDS)
def test_a_caller_asking_for_a_person_at_any_menu_gets_people_to_call(
    twilio: TwilioSimulator, words: str
) -> None:
    twilio.dial()
    twilio.press("3")  # the medicines menu
    heard = twilio.speak(words)
    assert ACS in heard.text and "911" in heard.text and "Sorry" not in heard.text and heard.gathers


@pytest.mark.parametrize("words", PERSON_WORDS_ES)
def test_a_spanish_caller_asking_for_alguien_gets_people_to_call(app, words: str) -> None:
    caller = TwilioSimulator(app, lang="es")
    caller.dial()
    heard = caller.speak(words)
    assert "2 2 7" in heard.text and "911" in heard.text and "Disculpe" not in heard.text


@pytest.mark.parametrize("words", ["representative", "agent", "live person", "una persona"])
def test_with_a_helpline_the_words_connect_the_caller(make_app, words: str) -> None:
    caller = TwilioSimulator(make_app(helpline_phone=HELPLINE), lang="en")
    caller.dial()
    caller.press("2")
    assert caller.speak(words).dials == [HELPLINE]


def test_key_6_without_a_helpline_gives_the_national_lines(twilio: TwilioSimulator) -> None:
    twilio.dial()
    heard = twilio.press("6")
    assert ACS in heard.text and "not one of the choices" not in heard.text and heard.gathers


@pytest.mark.parametrize("lang", ["en", "es"])
def test_wrong_key_silence_and_unmatched_words_name_a_person_and_911_first(app, lang: str) -> None:
    caller = TwilioSimulator(app, lang=lang)
    caller.dial()
    for heard in (caller.press("#"), caller.wait(), caller.speak("purple elephant")):
        first = first_two_sentences(heard.says[0])
        assert "911" in first and ("person" in first or "alguien" in first), heard.says[0]


@pytest.mark.parametrize(("body", "lang"), [("purple elephant", "en"), ("hola, xqzv", "es")])
def test_an_unmatched_text_names_a_person_and_911_in_two_segments(
    twilio: TwilioSimulator, body: str, lang: str
) -> None:
    message = twilio.text(body).messages[0]
    assert "911" in message and ACS in message and gsm_length(message) <= SEGMENT_LIMIT
