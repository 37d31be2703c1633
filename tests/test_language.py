"""The caller's language (issue 30, item 5), through the signed webhooks: said at the opening in
any words, or the other language named at any menu; the same by text."""

from __future__ import annotations

import pytest
from flask import Flask

from service.web.twilio.simulate import TwilioSimulator

WELCOME_ES = "Esta es la Línea"  # the line's name, said after the first main menu's choices


@pytest.mark.parametrize("words", ["hablo español", "en español por favor", "spanish please", "dos", "two"])
def test_saying_spanish_or_its_number_at_the_opening_goes_on_in_spanish(app: Flask, words: str) -> None:
    caller = TwilioSimulator(app)  # answers the opening itself
    caller.dial()
    heard = caller.speak(words)
    assert heard.says[0] == "Señales urgentes, oprima 1." and heard.gathers  # the menu at once: 911 was said
    assert heard.says[1] == "Medicinas, 2."  # after the first choice, each names only its key
    assert any(line.startswith(WELCOME_ES) for line in heard.says)


@pytest.mark.parametrize("words", ["english", "english please", "one", "uno"])
def test_saying_english_or_its_number_at_the_opening_goes_on_in_english(app: Flask, words: str) -> None:
    caller = TwilioSimulator(app)
    caller.dial()
    heard = caller.speak(words)
    assert heard.says[0].startswith("For ")
    assert any(line.startswith("This is the Breast") for line in heard.says)


@pytest.mark.parametrize(("words", "first"), [
    ("quiero hablar con una persona", "No tiene que pasar por esto a solas."),
    ("no puedo respirar", "Si respirar se hace muy difícil"),
])
def test_spanish_words_at_the_opening_are_answered_in_spanish(app: Flask, words: str, first: str) -> None:
    caller = TwilioSimulator(app)
    caller.dial()
    heard = caller.speak(words)  # no language chosen yet, and none named: the words say which
    assert heard.says[0].startswith(first) and heard.gathers


def test_english_words_at_the_opening_are_answered_in_english(app: Flask) -> None:
    caller = TwilioSimulator(app)
    caller.dial()
    heard = caller.speak("i need to talk to someone")
    assert heard.says[0].startswith("You do not have to go through this alone")


def test_naming_the_other_language_at_a_menu_switches_there(twilio: TwilioSimulator) -> None:
    twilio.dial()
    twilio.press("2")  # Medicines, in English
    spanish = twilio.speak("en español por favor")
    assert any("oprima" in line for line in spanish.says) and spanish.gathers
    assert any("press" in line for line in twilio.speak("english please").says)


def test_a_texter_naming_spanish_gets_the_menu_in_spanish(twilio: TwilioSimulator) -> None:
    assert "Envie un numero" in twilio.text("hablo español").messages[0]  # sent in plain SMS letters


@pytest.mark.parametrize("words", [
    "do you have spanish", "can i get this in spanish", "my mom doesnt speak english",
    "he cant speak english", "mi mama no habla ingles", "is there spanish",
])
def test_asking_for_spanish_or_saying_someone_has_no_english_gets_the_spanish_menu(
    twilio: TwilioSimulator, words: str
) -> None:
    assert twilio.text(words).messages[0].startswith("Envie un numero"), words


@pytest.mark.parametrize("words", ["me voy a dormir", "voy a descansar un rato", "ahora me voy a acostar"])
def test_a_spanish_sentence_of_everyday_small_words_is_answered_in_spanish(
    twilio: TwilioSimulator, words: str
) -> None:
    assert "Envie un numero" in twilio.text(words).messages[0], words
