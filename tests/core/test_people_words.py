"""What people text who do not write as the line expects: the language they say they do not speak, an
English sentence after Spanish, "leave me alone", a Spanish plea for help, a thanks with more words."""

from __future__ import annotations

import pytest

from service.web.twilio.simulate import TwilioSimulator
from tests.safety.phone import texted

ENGLISH_MENU = "Reply with a number"
SPANISH_MENU = "Envie un numero"
NOT_FOUND = ("We did not find that", "No encontramos eso", "We have no answer to that here",
             "Eso no lo tenemos")


@pytest.mark.parametrize("message", ["no hablo ingles", "hablo poquito inglés", "no english",
                                     "no speak english", "no entiendo inglés"])
def test_saying_english_is_not_spoken_gets_the_menu_in_spanish(twilio: TwilioSimulator, message: str) -> None:
    assert texted(twilio, message).startswith(SPANISH_MENU)


def test_saying_spanish_is_not_spoken_gets_the_menu_in_english(twilio: TwilioSimulator) -> None:
    texted(twilio, "hola")
    assert texted(twilio, "i don't speak spanish").startswith(ENGLISH_MENU)


@pytest.mark.parametrize(("message", "start"), [("no entiendo", "Linea de Informacion"),
                                                ("i dont understand", "Breast Cancer Spread Info Line")])
def test_not_understanding_gets_what_the_line_is_in_the_same_words(
    twilio: TwilioSimulator, message: str, start: str
) -> None:
    assert texted(twilio, message).startswith(start)


@pytest.mark.parametrize(("message", "english"), [
    ("my mom has liver mets", "The liver is a very common place"),
    ("what is chemo", "Chemo uses drugs"),
    ("thank you", "You are welcome"),
])
def test_an_english_sentence_after_spanish_is_answered_in_english(
    twilio: TwilioSimulator, message: str, english: str
) -> None:
    texted(twilio, "hola")
    assert texted(twilio, message).startswith(english)


@pytest.mark.parametrize("message", ["bone mets", "tamoxifen", "necesito info sobre bone mets"])
def test_english_words_in_a_spanish_conversation_keep_it_spanish(
    twilio: TwilioSimulator, message: str
) -> None:
    texted(twilio, "hola")
    answer = texted(twilio, message)
    assert "(Responda MAS para el resto)" in answer, answer


@pytest.mark.parametrize(("message", "person"), [
    ("leave me alone", "You are not alone"), ("no more", "You are not alone"),
    ("please just leave me alone", "You are not alone"), ("go away", "You are not alone"),
    ("dejenme en paz", "Hay ayuda"), ("ya basta", "Hay ayuda"), ("ayuda por favor", "Hay ayuda"),
    ("ayúdame", "Hay ayuda"),
])
def test_a_worn_out_or_pleading_text_gets_a_person_kindly_not_the_menu(
    twilio: TwilioSimulator, message: str, person: str
) -> None:
    answer = texted(twilio, message)
    assert answer.startswith(person) and "911" in answer and "988" in answer
    assert not answer.startswith(NOT_FOUND) and ENGLISH_MENU not in answer and SPANISH_MENU not in answer


@pytest.mark.parametrize("message", ["thanks so much, this helped", "thank you that was really helpful",
                                     "thanks so much you have been very helpful",
                                     "this has been super helpful thank you"])
def test_thanks_in_more_words_gets_a_kind_close(twilio: TwilioSimulator, message: str) -> None:
    assert texted(twilio, message).startswith("You are welcome")


@pytest.mark.parametrize("message", ["gracias ha sido muy útil", "muchas gracias me ayudó mucho",
                                     "me sirvió mucho"])
def test_thanks_in_more_spanish_words_gets_a_kind_close_in_spanish(
    twilio: TwilioSimulator, message: str
) -> None:
    assert texted(twilio, message).startswith("De nada")


@pytest.mark.parametrize(("message", "answer"), [
    ("is metastatic breast cancer curable", "There is no cure yet"),
    ("el cancer de mama metastasico es curable", "Todavia no hay cura"),
])
def test_asking_if_it_is_curable_hears_that_there_is_no_cure_yet(
    twilio: TwilioSimulator, message: str, answer: str
) -> None:
    assert answer in texted(twilio, message)


@pytest.mark.parametrize(("message", "person"), [
    ("my mom is actively dying what do i do", "You are not alone"),
    ("my mom is in hospice and not eating", "You are not alone"),
    ("how will i know when its the end", "You are not alone"),
    ("will it hurt when i die", "You are not alone"),
    ("my husband left me after my diagnosis", "You are not alone"), ("u there?", "You are not alone"),
    ("mi mama esta agonizando", "Hay ayuda"), ("hay alguien ahi?", "Hay ayuda"),
])
def test_the_end_of_life_or_someone_waiting_gets_a_person_not_the_menu(
    twilio: TwilioSimulator, message: str, person: str
) -> None:
    answer = texted(twilio, message)
    assert answer.startswith(person) and "911" in answer, answer


@pytest.mark.parametrize("message", ["hlp", "whats your phone number", "what is your number"])
def test_help_misspelt_or_the_lines_number_asked_for_gets_what_the_line_is(
    twilio: TwilioSimulator, message: str
) -> None:
    answer = texted(twilio, message)
    assert answer.startswith("Breast Cancer Spread Info Line") and "911" in answer


@pytest.mark.parametrize("message", ["mejor me muero", "prefiero morirme", "ojala me muera"])
def test_spanish_words_of_wanting_to_die_get_the_lifeline_in_spanish_first(
    twilio: TwilioSimulator, message: str
) -> None:
    assert texted(twilio, message).startswith("Llame al 988 y oprima 2, o envie AYUDA al 988")


@pytest.mark.parametrize("message", ["me siento muy mal", "no me siento bien", "estoy triste",
                                     "lloro todo el tiempo", "quiero rendirme"])
def test_spanish_sadness_or_feeling_unwell_is_answered_in_spanish_never_not_found(
    twilio: TwilioSimulator, message: str
) -> None:
    answer = texted(twilio, message)
    assert not answer.startswith(NOT_FOUND) and ENGLISH_MENU not in answer, answer
    assert "911" in answer and ("equipo médico" in answer or "Envie un numero" in answer), answer


@pytest.mark.parametrize("message", [
    "mi mama no quiere comer", "my dad doesnt want to eat", "no puedo comer",
])
def test_not_eating_gets_the_general_symptoms_topic_not_the_lifeline(
    twilio: TwilioSimulator, message: str
) -> None:
    answer = texted(twilio, message)
    assert answer.startswith(("If this may be an emergency, call 911 now. If not, call your care team today.",
                              "Si puede ser una emergencia, llame al 911 ahora.")), answer


@pytest.mark.parametrize("message", ["mi doctor no me explica nada", "mejor me voy"])
def test_a_spanish_text_with_few_small_words_is_answered_in_spanish(
    twilio: TwilioSimulator, message: str
) -> None:
    assert "Envie un numero" in texted(twilio, message)


@pytest.mark.parametrize("message", [
    "i'm thinking of stopping chemo", "i want to stop treatment", "i've had enough of chemo",
    "ya no quiero seguir con el tratamiento",
])
def test_weighing_stopping_treatment_gets_a_person_to_talk_it_over_not_the_lifeline(
    twilio: TwilioSimulator, message: str
) -> None:
    answer = texted(twilio, message)
    assert answer.startswith(("You are not alone", "Hay ayuda")), answer


def test_stopping_treatment_with_words_of_ending_ones_life_still_gets_the_lifeline(
    twilio: TwilioSimulator,
) -> None:
    answer = texted(twilio, "i want to stop all treatment and just end it myself")
    assert answer.startswith("Please call or text 988")


@pytest.mark.parametrize("message", ["i'm tired of fighting", "why me", "i hate this"])
def test_worn_out_words_get_a_person(twilio: TwilioSimulator, message: str) -> None:
    assert texted(twilio, message).startswith("You are not alone")
