"""People to talk to: everyday words asking for one, and the numbers open at the hour someone asks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from service.content import Content
from service.content.prompts import Prompt
from service.core.calls import CallNavigator, CallState
from service.core.texts import Show, TextNavigator, TextState
from service.core.understand.people import Phones, Status, asks_for_person
from service.core.wording import text_message, turn_lines

NIGHT = datetime(2026, 12, 8, 7, 0, tzinfo=UTC)  # Tuesday, 2 a.m. in New York
DAY = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)  # Tuesday, 11 a.m. in New York
EVENING = datetime(2026, 12, 9, 2, 30, tzinfo=UTC)  # Tuesday, 9:30 p.m. in New York
WEEKEND = datetime(2026, 12, 12, 16, 0, tzinfo=UTC)  # Saturday, 11 a.m. in New York
ACS, CIS = "1-800-227-2345", "1-800-422-6237"


@pytest.mark.parametrize("words", [
    "representative", "agent", "live person", "operator", "a real person please", "human",
    "can i talk to someone", "i want to speak to a nurse", "customer service", "someone to talk to",
    "alguien", "una persona", "operadora", "quiero hablar con alguien", "representante",
])
def test_everyday_words_ask_for_a_person(words: str) -> None:
    assert asks_for_person(words)


@pytest.mark.parametrize(("words", "lang"), [
    ("where can i get help", "en"), ("where can i find help", "en"), ("donde puedo encontrar ayuda", "es"),
    ("donde consigo ayuda", "es"), ("quien me puede ayudar", "es"), ("hay ayuda en español", "es"),
    ("i want a call back", "en"), ("can i get a callback", "en"), ("quiero que me llamen", "es"),
    ("necesito que me devuelvan la llamada", "es"),
])
def test_asking_where_help_is_gets_people_to_talk_to_in_that_language(
    content: Content, words: str, lang: str
) -> None:
    """The Spanish ones had got "No encontramos eso"; "where can i get help" and "i want a call back" the
    emergency signs."""
    reply = TextNavigator(content).reply(TextState(), words)
    assert reply.show is Show.DISTRESS and reply.state.lang == lang, reply
    assert ACS in text_message(content, reply)


@pytest.mark.parametrize(("words", "lang", "first"), [
    ("are you a bot", "en", "This line answers by itself"),
    ("is this a real person", "en", "This line answers"),
    ("am i talking to a computer", "en", "This line answers"),
    ("are you a doctor", "en", "This line answers"),
    ("eres un robot", "es", "Esta línea es automática"),
    ("estoy hablando con una máquina", "es", "Esta línea"),
])
def test_asking_if_the_line_is_a_person_hears_it_answers_by_itself_then_who_to_call(
    content: Content, words: str, lang: str, first: str
) -> None:
    """These had got the person answer without saying what the line is."""
    reply = TextNavigator(content).reply(TextState(), words)
    message = text_message(content, reply)
    assert message.startswith(first) and ACS in message and reply.state.lang == lang, message
    heard = CallNavigator(content).say(CallState(lang=lang), words)
    said = " ".join(turn_lines(content, heard))
    assert heard.notices[0] is Prompt.AUTOMATED, heard
    assert "American Cancer Society" in said or "Sociedad Americana" in said, said


def test_a_crisis_said_with_the_question_still_gets_the_lifeline_first(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(), "are you a bot i want to die")
    assert reply.show is Show.CRISIS


@pytest.mark.parametrize("words", [
    "bones", "liver pain", "my nurse said the scan showed spots on my liver and i want to know more about it",
])
def test_other_words_do_not(words: str) -> None:
    assert not asks_for_person(words)


def test_at_night_the_24_hour_line_comes_first_and_the_other_says_when_it_opens(content: Content) -> None:
    reach = Phones(content.phones).reach(NIGHT)
    found = [(r.line, r.status) for r in reach]
    assert found == [
        ("acs-helpline", Status.ALWAYS), ("lifeline-988", Status.ALWAYS), ("nci-cis", Status.CLOSED),
    ]
    reply = TextNavigator(content).reply(TextState(), "who can i talk to right now", NIGHT)
    message = text_message(content, reply)
    assert message.index(ACS) < message.index(CIS)
    assert "day or night" in message and "opens today at 8 a.m. Eastern time" in message


@pytest.mark.parametrize(("now", "opens"), [
    (EVENING, "opens tomorrow at 8 a.m. Eastern time"),
    (WEEKEND, "opens Monday at 8 a.m. Eastern time"),
])
def test_a_closed_line_says_the_day_it_opens(content: Content, now: datetime, opens: str) -> None:
    reply = TextNavigator(content).reply(TextState(), "representative", now)
    assert opens in text_message(content, reply)


def test_in_the_day_both_lines_are_open(content: Content) -> None:
    reach = Phones(content.phones).reach(DAY)
    assert {r.status for r in reach} == {Status.ALWAYS, Status.OPEN}
    message = text_message(content, TextNavigator(content).reply(TextState(), "agent", DAY))
    assert f"{CIS}, open now" in message


def test_the_same_hour_in_any_time_zone_gives_the_same_answer(content: Content) -> None:
    texts = TextNavigator(content)
    utc = text_message(content, texts.reply(TextState(), "operator", NIGHT))
    tokyo = NIGHT.astimezone(timezone(timedelta(hours=9)))
    assert text_message(content, texts.reply(TextState(), "operator", tokyo)) == utc


def test_a_caller_at_night_hears_the_open_line_first_in_spanish_too(content: Content) -> None:
    calls = CallNavigator(content)
    turn = calls.say(CallState(lang="es"), "quiero hablar con alguien", NIGHT)
    said = turn_lines(content, turn)[0]
    assert turn.notices == (Prompt.DISTRESS,)
    assert said.index("2 2 7") < said.index("4 2 2") and "cuando abra, hoy a las 8 a. m." in said


def test_key_6_by_text_at_the_main_menu_gives_the_person_answer(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(), "6", DAY)
    assert reply.show is Show.DISTRESS and ACS in text_message(content, reply)


def test_a_spanish_speaker_is_told_to_press_2_at_the_988_lifeline(content: Content) -> None:
    """988 answers in Spanish only after pressing 2: a number without that would reach English."""
    texts = TextNavigator(content)
    texted = text_message(content, texts.reply(TextState(), "quiero hablar con alguien", DAY))
    assert "988, oprima 2" in texted
    said = turn_lines(content, CallNavigator(content).say(CallState(lang="es"), "tengo miedo", DAY))[0]
    assert "9 8 8, y oprima 2" in said
    english = text_message(content, texts.reply(TextState(), "representative", DAY))
    assert "988 Lifeline: 988, day or night" in english
