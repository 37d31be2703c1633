"""A menu's own choice, named by its words, is what a caller or texter at that menu means."""

from __future__ import annotations

import pytest

from service.content import Content
from service.core.calls import CallNavigator, CallState
from service.core.texts import Show, TextNavigator, TextState


@pytest.mark.parametrize(("menu", "said", "lang", "node"), [
    ("symptoms", "the liver", "en", "symptoms-liver"),
    ("symptoms", "the liver one", "en", "symptoms-liver"),
    ("symptoms", "lungs please", "en", "symptoms-lungs"),
    ("symptoms", "general", "en", "symptoms-general"),
    ("symptoms", "el hígado", "es", "symptoms-liver"),
    ("medicines", "bones", "en", "treat-bone"),
])
def test_a_choice_said_by_its_label_at_its_menu_is_that_choice(
    content: Content, menu: str, said: str, lang: str, node: str
) -> None:
    """At Symptoms, "the liver" (said as "The liver, 3") had played where cancer spreads to the liver."""
    turn = CallNavigator(content).say(CallState(node=menu, trail=("main",), lang=lang), said)
    assert turn.state.node == node, turn


@pytest.mark.parametrize(("menu", "sent", "lang", "topic"), [
    ("symptoms", "liver", "en", "symptoms-liver"), ("symptoms", "the brain", "en", "symptoms-brain"),
    ("symptoms", "higado", "es", "symptoms-liver"), ("medicines", "huesos", "es", "treat-bone"),
])
def test_a_choice_texted_by_its_name_at_its_menu_is_that_choice(
    content: Content, menu: str, sent: str, lang: str, topic: str
) -> None:
    reply = TextNavigator(content).reply(TextState(menu=menu, lang=lang), sent)
    assert (reply.show, reply.state.topic) == (Show.PAGE, topic), reply


@pytest.mark.parametrize(("menu", "said", "node"), [
    ("main", "radiation", "treat-radiation"),  # under a choice of the main menu: the topic itself
    ("spread", "liver", "spread-liver"),  # the menu's own choice
    ("medicines", "liver pain", "symptoms-liver"),  # no one choice has "pain": a place with a symptom
])
def test_what_the_words_find_stays_when_it_is_a_choice_under_one_or_no_choice_fits(
    content: Content, menu: str, said: str, node: str
) -> None:
    turn = CallNavigator(content).say(CallState(node=menu, trail=("main",)), said)
    assert turn.state.node == node, turn


@pytest.mark.parametrize(("said", "lang", "node"), [
    ("go back to the symptoms", "en", "symptoms"), ("back to symptoms", "en", "symptoms"),
    ("go back to medicines", "en", "medicines"), ("take me back to the liver", "en", "spread-liver"),
    ("volver a los síntomas", "es", "symptoms"),
])
def test_going_back_to_a_place_by_name_goes_there(content: Content, said: str, lang: str, node: str) -> None:
    """"go back to the symptoms" had played bone symptoms ("back" with "symptoms"), "go back to
    medicines" one step back."""
    at_a_topic = CallState(node="spread-lungs", trail=("main", "spread"), lang=lang)
    assert CallNavigator(content).say(at_a_topic, said).state.node == node
    reply = TextNavigator(content).reply(TextState(menu="spread", topic="spread-lungs", lang=lang), said)
    assert (reply.state.topic or reply.state.menu) == node, reply


def test_going_back_with_no_place_named_is_still_one_step_back(content: Content) -> None:
    calls = CallNavigator(content)
    at_a_topic = CallState(node="spread-lungs", trail=("main", "spread"))
    assert calls.say(at_a_topic, "go back to the last one").state.node == "spread"
    assert calls.say(at_a_topic, "go back").state.node == "spread"
