"""Command words have one source: each one steers the line, and none can be a topic keyword."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from service.checker import check_content
from service.content import Content
from service.content.prompts import Prompt
from service.core import commands
from service.core.calls import CallNavigator, CallState
from service.core.texts import Show, TextNavigator, TextState


@pytest.mark.parametrize("phrase", sorted(commands.TEXT_MORE_WORDS))
def test_every_more_word_continues_a_topic(content: Content, phrase: str) -> None:
    texts = TextNavigator(content)
    first = texts.reply(TextState(), "bones")
    assert first.show is Show.PAGE
    more = texts.reply(first.state, phrase)
    assert more.state.topic == first.state.topic
    assert (more.show, more.state.page) == (Show.PAGE, 1) or more.show is Show.MENU


@pytest.mark.parametrize("phrase", sorted(commands.TEXT_MENU_WORDS))
def test_every_menu_word_sends_the_main_menu(content: Content, phrase: str) -> None:
    reply = TextNavigator(content).reply(TextState(menu="spread"), phrase)
    assert (reply.show, reply.state.menu, reply.notices) == (Show.MENU, "main", ())


@pytest.mark.parametrize("said", [
    "go back to the menu", "back to menu", "return to the main menu", "from the beginning",
    "volver al menu", "regresar al menú principal", "volver al inicio", "empezar de nuevo",
    "comenzar de nuevo", "el menú", "quiero el menú principal",
])
def test_asking_for_the_menu_in_a_sentence_gets_it_on_both_channels_never_not_found(
    content: Content, said: str
) -> None:
    """"go back to the menu" and "volver al menu" had got "We did not find that"."""
    reply = TextNavigator(content).reply(TextState(menu="spread", topic="spread-bones"), said)
    assert (reply.show, reply.state.menu, reply.notices) == (Show.MENU, "main", ())
    calls = CallNavigator(content)
    at_a_topic = CallState(node="spread-bones", trail=("main", "spread"))
    assert calls.say(at_a_topic, said) == calls.press(at_a_topic, commands.MAIN)


@pytest.mark.parametrize(("said", "key"), [("la anterior", commands.BACK),
                                           ("repita la información", commands.REPEAT),
                                           ("vuelva a decirlo", commands.REPEAT)])
def test_a_spanish_caller_going_back_or_asking_again_in_a_sentence_is_not_sorry(
    content: Content, said: str, key: str
) -> None:
    calls = CallNavigator(content)
    at_a_topic = CallState(node="spread-bones", trail=("main", "spread"), lang="es")
    assert calls.say(at_a_topic, said) == calls.press(at_a_topic, key)


@pytest.mark.parametrize("phrase", sorted(commands.TEXT_HELP_WORDS - commands.NOW_WHAT_WORDS))
def test_every_help_word_sends_help(content: Content, phrase: str) -> None:
    """(What to do now, anywhere, gets a person: tests/core/test_texts.py.)"""
    assert TextNavigator(content).reply(TextState(), phrase).show is Show.HELP


@pytest.mark.parametrize(
    ("key", "phrase"),
    [(key, phrase) for key, phrases in commands.SPOKEN_COMMANDS.items() for phrase in phrases],
)
def test_every_spoken_command_acts_as_its_key(content: Content, key: str, phrase: str) -> None:
    calls = CallNavigator(content)
    at_a_topic = CallState(node="spread-bones", trail=("main", "spread"))
    assert calls.say(at_a_topic, phrase) == calls.press(at_a_topic, key)


@pytest.mark.parametrize(("key", "said"), [
    (commands.REPEAT, "can you repeat that please"), (commands.REPEAT, "sorry i didn't catch that"),
    (commands.REPEAT, "repeat that"), (commands.REPEAT, "could you say that again"),
    (commands.REPEAT, "puede repetir por favor"), (commands.SLOWER, "a little slower please"),
    (commands.SLOWER, "hable más despacio por favor"), (commands.BACK, "go back please"),
    (commands.REPEAT, "what does that mean"), (commands.REPEAT, "i don't understand"),
    (commands.REPEAT, "no entiendo"), (commands.REPEAT, "¿qué significa eso?"),
    (commands.MAIN, "go to the main menu"), (commands.MAIN, "take me to the main menu"),
    (commands.BACK, "i want to go back"), (commands.MAIN, "ir al menú principal"),
])
def test_a_spoken_command_with_polite_words_around_it_acts_as_its_key(
        content: Content, key: str, said: str) -> None:
    """Callers ask politely; "can you repeat that" had got "Sorry, I did not catch that"."""
    calls = CallNavigator(content)
    at_a_topic = CallState(node="spread-bones", trail=("main", "spread"))
    assert calls.say(at_a_topic, said) == calls.press(at_a_topic, key)


@pytest.mark.parametrize(("key", "said"), [
    ("1", "The first one."), ("2", "the second one please"), ("2", "Second option."), ("3", "third"),
    ("1", "La primera."), ("2", "la segunda opción"), ("2", "I'll take the second"),
    ("2", "give me number two"), ("3", "can I hear number three"), ("5", "I'd like the fifth"),
    ("1", "déme la primera"),
])
def test_a_choice_said_as_an_ordinal_acts_as_its_key(content: Content, key: str, said: str) -> None:
    """"the first one" had got "Sorry, I did not catch that"."""
    calls = CallNavigator(content)
    assert calls.say(CallState(), said) == calls.press(CallState(), key)


def test_an_ordinal_in_a_question_is_no_key(content: Content) -> None:
    calls = CallNavigator(content)
    assert calls.say(CallState(), "where does it spread first").state.node != "symptoms-urgent"


@pytest.mark.parametrize("said", ["my back hurts", "what is brain spread", "can you tell me about the liver"])
def test_words_about_something_else_are_not_a_command(content: Content, said: str) -> None:
    calls = CallNavigator(content)
    at_a_topic = CallState(node="spread-bones", trail=("main", "spread"))
    assert all(calls.say(at_a_topic, said) != calls.press(at_a_topic, key) for key in commands.UNIVERSAL_KEYS)


def test_the_checker_refuses_every_command_word_as_a_keyword(content_copy: Path) -> None:
    words = sorted(commands.command_words())
    listed = ", ".join(f'"{word}"' for word in words)
    topic = content_copy / "topics" / "spread-bones.yaml"
    text = topic.read_text(encoding="utf-8")
    start = text.index("  keywords: [") + len("  keywords: [")
    topic.write_text(text[:start] + listed + ", " + text[start:], encoding="utf-8")
    refused = {
        problem.message.split("'")[1]
        for problem in check_content(content_copy).problems
        if problem.message.endswith("is a command word and cannot be a keyword")
    }
    assert refused == set(words)


@pytest.mark.parametrize("word", ["next", "list", "slower"])
def test_a_command_word_the_old_checker_let_through_is_refused(content_copy: Path, word: str) -> None:
    topic = content_copy / "topics" / "spread-liver.yaml"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace("  keywords: [", f"  keywords: [{word}, ", 1), encoding="utf-8")
    messages = [str(p) for p in check_content(content_copy).problems if p.severity == "error"]
    assert any(f"'{word}' is a command word" in m and "spread-liver.yaml" in m for m in messages), messages


@pytest.mark.parametrize("said", [
    "help", "what should I do?", "what do I do now", "qué hago", "¿qué debo hacer?",
])
def test_asking_what_to_do_on_a_call_hears_a_person_not_sorry(content: Content, said: str) -> None:
    """"What should I do?" after a topic had heard "Sorry, I did not catch that"."""
    at_a_topic = CallState(node="symptoms-urgent", trail=("main",))
    turn = CallNavigator(content).say(at_a_topic, said)
    assert Prompt.DISTRESS in turn.notices and Prompt.SORRY_SPEECH not in turn.notices, turn
    assert turn.state.node == "symptoms-urgent"


def test_anything_else_goes_on_with_a_topic_then_offers_the_topics_beside_it(content: Content) -> None:
    """"Anything else?" after a topic's last part had heard "Sorry, I did not catch that"."""
    calls = CallNavigator(content)
    at_a_topic = CallState(node="spread-lungs", trail=("main", "spread"))
    assert calls.say(at_a_topic, "is there anything else").state.part == 1
    last = replace(at_a_topic, part=calls.parts(at_a_topic) - 1)
    for said in ("anything else", "is there more", "¿algo más?"):
        turn = calls.say(last, said)
        assert turn.state.node == "spread" and Prompt.SORRY_SPEECH not in turn.notices, said


@pytest.mark.parametrize("said", ["no", "not now", "ahora no"])
def test_no_after_the_lifeline_hears_the_lifeline_again_then_the_menu_not_sorry(
    content: Content, said: str
) -> None:
    calls = CallNavigator(content)
    offered = calls.say(CallState(), "i want to die")
    assert offered.state.crisis
    turn = calls.say(offered.state, said)
    assert Prompt.CRISIS in turn.notices and Prompt.SORRY_SPEECH not in turn.notices, turn
    assert not turn.state.crisis and not turn.dial_crisis


def test_no_after_a_topic_goes_back_to_its_menu_and_at_a_menu_repeats_it(content: Content) -> None:
    calls = CallNavigator(content)
    at_a_topic = CallState(node="spread-bones", trail=("main", "spread"))
    assert calls.say(at_a_topic, "no") == calls.press(at_a_topic, commands.BACK)
    at_a_menu = CallState(node="spread", trail=("main",))
    assert calls.say(at_a_menu, "nope") == calls.press(at_a_menu, commands.REPEAT)


@pytest.mark.parametrize("said", ["next", "more", "yes", "siguiente"])
def test_next_at_a_menu_hears_the_menu_again_not_sorry(content: Content, said: str) -> None:
    calls = CallNavigator(content)
    at_a_menu = CallState(node="main")
    turn = calls.say(at_a_menu, said)
    assert turn == calls.press(at_a_menu, commands.REPEAT) and Prompt.SORRY_SPEECH not in turn.notices


@pytest.mark.parametrize("said", ["i have a question", "tengo una pregunta", "can i ask you something"])
def test_i_have_a_question_on_a_call_hears_the_main_menu_and_what_to_say(content: Content, said: str) -> None:
    """"I have a question" had played the topic of questions to ask the care team."""
    turn = CallNavigator(content).say(CallState(node="spread", trail=("main",)), said)
    assert turn.state.node == "main" and turn.welcome, turn


@pytest.mark.parametrize(("said", "lang"), [("who is this", "en"), ("I got a call from this number", "en"),
                                            ("why did you call me", "en"), ("I missed a call from you", "en"),
                                            ("¿quién habla?", "es"), ("me llamaron de este número", "es")])
def test_a_caller_asking_who_this_is_hears_the_lines_name_first_in_that_language(
    content: Content, said: str, lang: str
) -> None:
    """"I got a call from this number" had played the urgent signs (its "call"), "quién habla" sorry."""
    turn = CallNavigator(content).say(CallState(node="spread", trail=("main",)), said)
    assert (turn.notices, turn.state.node, turn.state.lang) == ((Prompt.WELCOME,), "main", lang), turn


@pytest.mark.parametrize("said", ["what can i take for it", "qué puedo tomar"])
def test_what_can_i_take_on_a_call_hears_the_care_team_never_a_medicine(content: Content, said: str) -> None:
    at_a_topic = CallState(node="symptoms-bones", trail=("main", "symptoms"))
    turn = CallNavigator(content).say(at_a_topic, said)
    assert Prompt.DISTRESS in turn.notices and turn.state.node == "symptoms-bones", turn


def test_good_news_said_on_a_call_is_glad_to_hear_then_the_same_place(content: Content) -> None:
    at_a_menu = CallState(node="spread", trail=("main",))
    turn = CallNavigator(content).say(at_a_menu, "i'm in remission")
    assert turn.notices == (Prompt.GLAD,) and turn.state.node == "spread" and turn.reprompt


def test_good_news_said_with_a_symptom_on_a_call_hears_the_symptom(content: Content) -> None:
    turn = CallNavigator(content).say(CallState(), "she finished radiation and now she has headaches")
    assert Prompt.GLAD not in turn.notices and turn.state.node == "symptoms-brain", turn


@pytest.mark.parametrize("said", ["i didn't hear the first part", "can you repeat the phone number",
                                  "what was that number again", "i can't hear you", "speak up please",
                                  "sorry, my hearing aid", "okay I'm back", "no le oigo"])
def test_a_caller_who_missed_or_cannot_hear_it_hears_it_again_not_sorry(content: Content, said: str) -> None:
    calls = CallNavigator(content)
    at = CallState(node="spread-liver", part=1)
    turn = calls.say(at, said)
    assert Prompt.SORRY_SPEECH not in turn.notices
    assert (turn.state.node, turn.state.part) == ("spread-liver", 1), "the same part, said again"


@pytest.mark.parametrize("said", ["hold on", "wait a minute", "hang on, let me get a pen", "give me a second",
                                  "un momento", "I need to write this down", "let me get a pencil",
                                  "hold on I need a pen", "voy a apuntar", "déjeme buscar un lápiz",
                                  "hold on, give me a second", "wait one second please"])
def test_a_caller_asking_the_line_to_wait_hears_take_your_time(content: Content, said: str) -> None:
    turn = CallNavigator(content).say(CallState(node="spread-liver"), said)
    assert turn.notices == (Prompt.TAKE_YOUR_TIME,) and turn.state.node == "spread-liver"


@pytest.mark.parametrize(("said", "lang"), [("I don't know", "en"), ("um, I don't know", "en"),
                                            ("dunno", "en"), ("no sé", "es"), ("pues no sé", "es")])
def test_a_caller_not_sure_what_to_say_hears_take_your_time_not_sorry(
    content: Content, said: str, lang: str
) -> None:
    turn = CallNavigator(content).say(CallState(node="main", lang=lang), said)
    assert turn.notices == (Prompt.TAKE_YOUR_TIME,) and turn.state.node == "main"


@pytest.mark.parametrize(("said", "lang"), [("uh what was the what was number two", "en"),
                                            ("cual era la opcion del numero dos", "es")])
def test_a_caller_asking_of_the_choices_hears_them_again(content: Content, said: str, lang: str) -> None:
    calls = CallNavigator(content)
    at_a_menu = CallState(node="spread", trail=("main",), lang=lang)
    assert calls.say(at_a_menu, said) == calls.press(at_a_menu, commands.REPEAT)


def test_go_back_to_the_last_thing_goes_back(content: Content) -> None:
    calls = CallNavigator(content)
    at = CallState(node="spread-liver", trail=("main", "spread"))
    assert calls.say(at, "can you go back to the last thing").state.node == "spread"


@pytest.mark.parametrize(("said", "lang"), [("hold on", "en"), ("brb", "en"), ("one sec", "en"),
                                            ("un momento", "es")])
def test_a_texter_asking_to_wait_gets_take_your_time_and_keeps_the_topic(
    content: Content, said: str, lang: str
) -> None:
    texts = TextNavigator(content)
    liver = texts.reply(TextState(lang=lang), "liver" if lang == "en" else "hígado")
    reply = texts.reply(liver.state, said)
    assert reply.show is Show.WAIT and reply.state.topic == liver.state.topic
    assert texts.reply(reply.state, "ok im back").state.topic == liver.state.topic
