"""The call core's extra offers: a person (key 6, "talk to a person") and "text me this" (key 2)."""

from __future__ import annotations

from datetime import UTC, datetime

from service.content import Content
from service.content.model import MAIN_MENU
from service.content.prompts import Prompt
from service.core.calls import MAX_TEXTS, CallNavigator, CallState, Offers, TextOutcome
from service.core.hours import OpeningHours
from service.core.wording import turn_lines

HOURS = OpeningHours.parse("Mon-Fri 09:00-17:00 America/New_York")
OPEN = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tuesday 10:00 in New York
CLOSED = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)  # Sunday
EVERYTHING = Offers(person=True, person_hours=HOURS, texting=True)


def topic_state(content: Content) -> CallState:
    return CallNavigator(content).say(CallState(), "bones").state


def test_without_offers_key_6_gives_the_national_lines_and_nothing_is_announced(content: Content) -> None:
    calls = CallNavigator(content)
    main = calls.offered(calls.start("en"))
    assert not main.offer_person
    assert not any("press 6" in line for line in turn_lines(content, main))
    person = calls.press(CallState(), "6")
    assert person.notices == (Prompt.DISTRESS,) and not person.dial
    assert "1-800-227-2345" in turn_lines(content, person)[0]
    at_topic = calls.press(topic_state(content), "2")
    assert not at_topic.send_text and not at_topic.offer_text


def test_key_6_is_announced_on_the_main_menu_and_dials_while_open(content: Content) -> None:
    calls = CallNavigator(content, offers=EVERYTHING)
    main = calls.offered(calls.start("en"), OPEN)
    assert "To talk to a person, press 6." in turn_lines(content, main)
    turn = calls.press(main.state, "6", OPEN)
    assert turn.dial and turn_lines(content, turn) == ("Connecting you to a person. Please hold.",)


def test_closed_the_hours_and_public_numbers_are_said_and_no_dial(content: Content) -> None:
    calls = CallNavigator(content, offers=EVERYTHING)
    main = calls.offered(calls.start("en"), CLOSED)
    assert not any("press 6" in line for line in turn_lines(content, main))
    turn = calls.press(main.state, "6", CLOSED)
    lines = turn_lines(content, turn, "+18005550100")
    assert not turn.dial
    assert lines[0] == "Our helpline is open Monday to Friday, 09:00 to 17:00, New York time."
    assert "1-800-422-6237" in lines[1]
    assert not any("our helpline at" in line for line in lines)  # not "call our helpline" while closed


def test_talk_to_a_person_said_anywhere_dials_but_an_urgent_sign_comes_first(content: Content) -> None:
    calls = CallNavigator(content, offers=EVERYTHING)
    for words in ("operator", "I want to talk to a person", "a real person please", "representative"):
        assert calls.say(topic_state(content), words, OPEN).dial, words
    urgent = calls.say(CallState(), "I can't breathe, get me an operator", OPEN)
    assert not urgent.dial and Prompt.URGENT_NOW in urgent.notices


def test_without_a_helpline_talk_to_a_person_still_gives_the_numbers(content: Content) -> None:
    turn = CallNavigator(content).say(CallState(), "talk to a person")
    assert not turn.dial and Prompt.DISTRESS in turn.notices


def test_back_from_the_helpline_answered_or_not(content: Content) -> None:
    calls = CallNavigator(content, offers=EVERYTHING)
    answered = calls.dialed(CallState(), answered=True, now=OPEN)
    assert answered.notices == (Prompt.PERSON_THANKS,) and answered.node == MAIN_MENU
    missed = calls.dialed(topic_state(content), answered=False, now=OPEN)
    lines = turn_lines(content, missed, "+18005550100")
    assert lines[0] == "Sorry, no one could answer right now."
    assert "1-800-227-2345" in lines[1] and missed.node == MAIN_MENU
    assert "To talk to a person, press 6." in lines


def test_key_2_after_a_topic_part_is_announced_and_asks_to_send_that_topic(content: Content) -> None:
    calls = CallNavigator(content, offers=EVERYTHING)
    shown = calls.say(CallState(), "bones")
    assert "To get this topic by text message, press 2." in turn_lines(content, shown)
    said = [calls.say(shown.state, words) for words in (
        "text me this", "two", "send it to my phone", "can you send me that", "mándemelo por favor")]
    for ask in (calls.press(shown.state, "2"), *said):
        assert ask.send_text == shown.node and ask.state == shown.state


def test_only_a_sent_text_counts_and_the_fourth_is_refused(content: Content) -> None:
    calls = CallNavigator(content, offers=EVERYTHING)
    state = topic_state(content)
    failed = calls.texted(state, TextOutcome.FAILED)
    assert failed.state.texts_sent == 0
    assert turn_lines(content, failed)[0].startswith("Sorry, I could not send the text just now.")
    for _ in range(MAX_TEXTS):
        state = calls.texted(state, TextOutcome.SENT).state
    assert state.texts_sent == 3 and CallState.from_dict(state.to_dict()).texts_sent == 3
    fourth = calls.press(state, "2")
    assert not fourth.send_text
    assert turn_lines(content, fourth)[0] == "I can only send 3 texts in one call."


def test_asking_for_a_text_where_none_can_be_sent_says_why_never_sorry(content: Content) -> None:
    """"can you text me that" at a menu, or where texts are off, had heard "Sorry, I did not catch that"."""
    at_menu = CallNavigator(content, offers=EVERYTHING).say(CallState(), "can you text me that")
    assert at_menu.notices == (Prompt.TEXT_AFTER_TOPIC,) and not at_menu.send_text
    at_topic = topic_state(content)
    texted = CallNavigator(content, offers=EVERYTHING).say(at_topic, "can you text me that")
    assert texted.send_text == at_topic.node
    no_texts = CallNavigator(content).say(at_topic, "text me this")
    assert no_texts.notices == (Prompt.TEXT_OFF,) and not no_texts.send_text
    assert "cannot send text messages" in turn_lines(content, no_texts)[0]
    spanish = CallNavigator(content).say(CallState(lang="es"), "envieme un mensaje")
    assert turn_lines(content, spanish)[0].startswith("Esta línea no puede enviar mensajes")
