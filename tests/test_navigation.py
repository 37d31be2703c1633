"""The channel-free call core: state + input -> next state, with no Flask or Twilio."""

from __future__ import annotations

from service.content import Content
from service.core.calls import CallNavigator, CallState
from service.core.texts import TextState
from service.core.wording import without_opening_advice


def test_a_call_in_a_set_language_says_911_first_then_the_main_menu(content: Content) -> None:
    turn = CallNavigator(content).start("en")
    assert turn.node == "main" and turn.notices == ("emergency",) and turn.welcome and turn.full_keys


def test_a_call_opens_with_the_language_choice_and_its_keys_choose(content: Content) -> None:
    nav = CallNavigator(content)
    opening = nav.start()
    assert opening.choose_language and opening.state.choosing
    spanish = nav.press(opening.state, "2")  # 911 was said in each language: the menu at once
    assert (spanish.state.lang, spanish.node, spanish.notices) == ("es", "main", ())
    assert spanish.welcome and spanish.chose_language
    assert nav.press(opening.state, "1").state.lang == "en"
    silent = nav.silence(opening.state)
    assert silent.state == CallState() and not silent.chose_language  # English, no "sorry", not kept
    said = nav.say(opening.state, "Español")
    assert said.state.lang == "es"
    straight = nav.press(opening.state, "3")  # a main-menu choice is taken in English at once
    assert straight.node == content.menus["main"].target("3") and straight.state.lang == "en"


def test_keys_walk_down_and_back_up_the_trail(content: Content) -> None:
    nav = CallNavigator(content)
    state = nav.start("en").state
    state = nav.press(state, "3").state
    state = nav.press(state, "5").state
    assert state.node == "spread-other" and state.trail == ("main", "spread")
    state = nav.press(state, "2").state
    assert state.node == content.menus["spread-other"].target("2")
    for expected in ("spread-other", "spread", "main", "main"):
        state = nav.press(state, "8").state
        assert state.node == expected


def test_a_state_from_old_content_restarts_at_the_main_menu(content: Content) -> None:
    turn = CallNavigator(content).press(CallState(node="gone-topic", slow=True), "9")
    assert turn.node == "main" and turn.state.slow


def test_state_survives_a_round_trip_and_garbage_starts_fresh() -> None:
    state = CallState(node="spread", trail=("main",), silences=2, slow=True, part=2)
    assert CallState.from_dict(state.to_dict()) == state
    assert CallState.from_dict({"silences": "many"}) == CallState()
    assert CallState.from_dict(None) == CallState()


def test_text_state_keeps_the_first_page_and_the_offer_through_the_store() -> None:
    state = TextState(menu="symptoms", topic="symptoms-bones", page=2, first=2, offer="symptoms-urgent")
    assert TextState.from_dict(state.to_dict()) == state
    assert TextState.from_dict({"first": "x"}) == TextState()


def test_after_the_urgent_line_a_topic_starts_at_its_facts() -> None:
    text = "If this may be an emergency, call 911 now. If not, call your care team today. Brain spread can."
    assert without_opening_advice(text) == "Brain spread can."
    assert without_opening_advice("Bones can break. In an emergency, call 911.") == (
        "Bones can break. In an emergency, call 911."
    )
