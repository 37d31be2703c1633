"""Whole calls through the signed voice webhooks, heard the way a caller hears them."""

from __future__ import annotations

import re
from collections import deque

import pytest

from service.content import Content
from service.core.wording import topic_parts, without_opening_advice
from service.web.runtime import runtime_of
from service.web.twilio.simulate import Heard, TwilioSimulator
from tests.twiml import twiml_errors

CORE_TOPICS = (
    "spread-bones", "spread-lungs", "spread-liver", "spread-brain", "spread-other",
    "symptoms-urgent", "symptoms-bones", "symptoms-lungs", "symptoms-liver", "symptoms-brain",
    "treat-hormone", "treat-chemo", "treat-targeted", "treat-immuno", "treat-radiation",
    "treat-surgery", "treat-bone",
)


def voice(content: Content, node: str) -> str:
    """What a caller hears first as the body of a topic (its first part), or a menu's intro."""
    if node in content.menus:
        return content.menus[node].texts["en"].intro
    return topic_parts(content, node, "en")[0]


def choices(heard_text: str) -> dict[str, str]:
    """The announced choices, by key: 'For X, press N' first, then 'Y, N'."""
    said = re.split(r"(?<=\.)\s+", heard_text)
    first = [m.groups() for line in said if (m := re.fullmatch(r"For (.+), press (\d)\.", line))]
    rest = [m.groups() for line in said if (m := re.fullmatch(r"([A-Z][^.]*), (\d)\.", line))]
    return {key: label[:1].lower() + label[1:] for label, key in first + rest}


def test_the_first_menu_names_the_line_after_its_choices_and_the_first_topic_says_not_advice(
    twilio: TwilioSimulator,
) -> None:
    heard = twilio.dial()  # after the opening's choice, where 911 was said in each language
    assert heard.status == 200
    assert heard.says[0] == "For urgent signs, press 1."
    named = next(i for i, line in enumerate(heard.says) if line.startswith("This is the Breast Cancer"))
    assert named > 4 and "not medical advice" not in heard.text
    assert heard.gathers and not heard.hangs_up
    assert "This is information, not medical advice." in twilio.press("1").says


def test_main_menu_offers_at_most_five_choices_each_with_its_key(
    twilio: TwilioSimulator, content: Content
) -> None:
    heard = twilio.dial()
    offered = {k: v for k, v in choices(heard.text).items() if k in "12345"}
    assert 3 <= len(offered) <= 5
    main = content.menus["main"]
    for option in main.options:
        assert offered[option.key] == content.label(option.target)
    assert "urgent" in offered["1"] and "medicines" in offered["2"] and "spreads" in offered["3"]
    assert "symptoms" in offered["4"] and "surgery" in offered["5"]
    assert "press 9 to hear it again" in heard.text


def test_every_core_topic_is_heard_within_two_key_presses(content: Content, app) -> None:
    heard_topics: set[str] = set()
    queue: deque[tuple[str, ...]] = deque([()])
    while queue:
        presses = queue.popleft()
        phone = TwilioSimulator(app, lang="en")
        heard = phone.dial()
        for key in presses:
            heard = phone.press(key)
        for node in (*content.topics, *content.menus):
            text = voice(content, node)
            if presses and text and text in heard.text:
                heard_topics.add(node)
        if len(presses) < 2:
            for key in choices(heard.text):
                if key in "12345":
                    queue.append((*presses, key))
    missing = [t for t in CORE_TOPICS if t not in heard_topics]
    assert not missing, f"not reached in 2 presses: {missing}"


def test_general_symptoms_like_tiredness_are_a_key_under_symptoms(
    twilio: TwilioSimulator, content: Content
) -> None:
    twilio.dial()
    symptoms = twilio.press("4")
    offered = choices(symptoms.text)
    general = next(key for key, label in offered.items() if "tiredness" in label)
    assert offered[general] == content.label("symptoms-general")
    assert len(offered) <= 5 and offered["1"] == content.label("symptoms-bones")
    heard = twilio.press(general)
    assert heard.says[0].startswith("If this may be an emergency, call 911 now.")
    assert voice(content, "symptoms-general") in heard.text
    assert choices(twilio.press("8").text) == offered


def test_a_topic_then_repeat_back_and_main_menu_keys(twilio: TwilioSimulator, content: Content) -> None:
    twilio.dial()
    menu = twilio.press("3")
    assert "For bones, press 1." in menu.text
    bones = twilio.press("1")
    assert voice(content, "spread-bones") in bones.text
    assert "9 repeats, 8 goes back, 0 is the main menu." in bones.text
    assert voice(content, "spread-bones") in twilio.press("9").text
    back = twilio.press("8")
    assert "For bones, press 1." in back.text and voice(content, "spread-bones") not in back.text
    main = twilio.press("0")
    assert choices(main.text)["3"] == content.label("spread")


def test_back_from_the_main_menu_stays_on_the_main_menu(twilio: TwilioSimulator, content: Content) -> None:
    twilio.dial()
    heard = twilio.press("8")
    assert choices(heard.text)["4"] == content.label("symptoms")


@pytest.mark.parametrize("key", ["6", "#", "12"])
def test_a_wrong_key_says_sorry_and_the_same_menu_again(twilio: TwilioSimulator, key: str) -> None:
    twilio.dial()
    first = twilio.press("3")  # where it spreads: five choices, so 6 is a wrong key there
    heard = twilio.press(key)
    assert heard.says[0].startswith("Sorry")
    assert choices(heard.text) == choices(first.text)


def test_a_wrong_key_after_a_topic_re_prompts_without_replaying_the_whole_topic(
    twilio: TwilioSimulator, content: Content
) -> None:
    twilio.dial()
    twilio.press("3")
    assert voice(content, "spread-liver") in twilio.press("3").text
    heard = twilio.press("5")
    assert heard.says[0].startswith("Sorry")
    assert voice(content, "spread-liver") not in heard.text
    assert "9 repeats" in heard.text


def test_silence_re_prompts_then_the_third_in_a_row_says_goodbye_and_hangs_up(
    twilio: TwilioSimulator,
) -> None:
    twilio.dial()
    for _ in range(2):
        heard = twilio.wait()
        assert "did not hear" in heard.says[0]
        assert heard.gathers and not heard.hangs_up
    last = twilio.wait()
    assert "Goodbye" in last.text
    assert last.hangs_up and not last.gathers


def test_a_key_between_silences_starts_the_count_again(twilio: TwilioSimulator) -> None:
    twilio.dial()
    twilio.wait()
    twilio.wait()
    twilio.press("9")
    twilio.wait()
    heard = twilio.wait()
    assert not heard.hangs_up
    assert twilio.wait().hangs_up


def test_silence_waits_for_input_then_redirects_to_the_same_handler(twilio: TwilioSimulator) -> None:
    heard = twilio.dial()
    gather = heard.root.find("Gather")
    assert gather is not None
    assert gather.get("input") == "dtmf speech"
    assert gather.get("numDigits") == "1"
    assert gather.get("action") == "/voice/input?step=1"
    hints = gather.get("hints", "").split(", ")
    assert "where it spreads" in hints and "repeat" in hints and "liver" in hints
    assert "emergency" in hints and "talk to someone" in hints
    assert {"Kisqali", "ribociclib", "tamoxifen", "Herceptin", "5 FU"} <= set(hints)  # not "kiss Kali"
    assert len(hints) <= 500 and all(len(hint) <= 100 and "-" not in hint for hint in hints)
    redirect = heard.root.find("Redirect")
    assert redirect is not None and redirect.text == "/voice/input?step=1"
    assert list(heard.root)[-1] is redirect


@pytest.mark.parametrize(
    ("words", "node"),
    [("Liver.", "spread-liver"), ("brain", "spread-brain"), ("bones", "spread-bones"),
     ("hormone therapy", "treat-hormone"), ("chemo", "treat-chemo")],
)
def test_saying_a_topic_goes_to_it(twilio: TwilioSimulator, content: Content, words: str, node: str) -> None:
    twilio.dial()
    heard = twilio.speak(words)
    assert voice(content, node) in heard.text


def test_saying_treatment_opens_the_treatment_menu(twilio: TwilioSimulator, content: Content) -> None:
    twilio.dial()
    heard = twilio.speak("treatment")
    assert choices(heard.text)["1"] == content.label("treat-hormone")


@pytest.mark.parametrize(("words", "expect"), [("two", "medicines"), ("Number 4.", "symptoms")])
def test_saying_a_number_works_like_pressing_it(
    twilio: TwilioSimulator, content: Content, words: str, expect: str
) -> None:
    twilio.dial()
    heard = twilio.speak(words)
    assert choices(heard.text)["1"] == content.label(content.menus[expect].options[0].target)


def test_saying_go_back_and_main_menu(twilio: TwilioSimulator, content: Content) -> None:
    twilio.dial()
    twilio.press("3")
    twilio.press("2")
    back = twilio.speak("go back")
    assert "For bones, press 1." in back.text
    main = twilio.speak("main menu")
    assert choices(main.text)["2"] == content.label("medicines")


def test_speech_that_matches_nothing_re_prompts_like_a_wrong_key(twilio: TwilioSimulator) -> None:
    twilio.dial()
    menu = twilio.press("3")
    heard = twilio.speak("purple elephant umbrella")
    assert heard.says[0].startswith("Sorry")
    assert choices(heard.text) == choices(menu.text)


def test_slower_key_confirms_and_slows_every_line_after(twilio: TwilioSimulator) -> None:
    twilio.dial()
    heard = twilio.press("7")
    assert "more slowly" in heard.says[0] and "Press 7 again for normal speed" in heard.says[0]
    assert all(say.find("prosody") is not None for say in heard.root.iter("Say"))
    later = twilio.press("1")
    assert all(say.find("prosody") is not None for say in later.root.iter("Say"))


@pytest.mark.parametrize("said", ["can you say that slower", "you're talking too fast", "slowly please",
                                  "hable más lento por favor"])
def test_asking_in_words_to_slow_down_slows_the_speech(twilio: TwilioSimulator, said: str) -> None:
    """"can you say that slower" had got Talk to someone (its "say"), "you're talking too fast" a sorry."""
    twilio.dial()
    heard = twilio.speak(said)
    assert "more slowly" in heard.says[0], heard.says
    assert all(say.find("prosody") is not None for say in heard.root.iter("Say"))


def test_the_slower_key_pressed_again_goes_back_to_normal_speed(twilio: TwilioSimulator) -> None:
    twilio.dial()
    twilio.press("7")
    heard = twilio.press("7")
    assert "normal speed" in heard.says[0]
    assert all(say.find("prosody") is None for say in heard.root.iter("Say"))
    assert all(say.find("prosody") is None for say in twilio.press("1").root.iter("Say"))
    assert "more slowly" in twilio.press("7").says[0], "and a third press slows it again"


def test_the_call_opens_with_the_emergency_line_within_25_words(twilio: TwilioSimulator) -> None:
    opening = TwilioSimulator(twilio.app).dial()  # a caller with no history: the bilingual choice
    assert opening.says[0].startswith("In an emergency, call 911.")
    assert opening.says[1].startswith("En una emergencia, llame al 911.")
    twilio.dial()
    twilio.hang_up()
    returning = twilio.dial()  # greeted in the language chosen last time
    assert returning.says[0] == "In an emergency, call 911."


def test_the_fixed_keys_are_said_in_full_once_then_briefly(twilio: TwilioSimulator) -> None:
    opening = twilio.dial().text
    assert "press 9 to hear it again, 8 to go back, 0 for the main menu, or 7 to change the speed" in opening
    later = twilio.press("1").text
    assert "9 repeats, 8 goes back, 0 is the main menu." in later
    assert "7 to change the speed" not in later and "press 8" not in later


def test_saying_emergency_at_any_menu_goes_straight_to_the_urgent_advice(
    twilio: TwilioSimulator, content: Content
) -> None:
    twilio.dial()
    twilio.press("4")
    heard = twilio.speak("emergency")
    assert heard.says[0].startswith("If this may be an emergency, call 911 now.")
    assert without_opening_advice(voice(content, "symptoms-urgent")) == heard.says[1]


def test_two_calls_keep_their_own_place(app) -> None:
    first, second = TwilioSimulator(app, lang="en"), TwilioSimulator(app, lang="en")
    first.dial()
    second.dial()
    first.press("1")
    heard = second.press("9")
    assert "Welcome" not in heard.text and choices(heard.text)["5"]


def test_every_answer_on_a_long_call_is_valid_twiml(twilio: TwilioSimulator) -> None:
    answers = [twilio.dial()]
    for step in ["1", "5", "2", "9", "8", "8", "7", "2", "1", "0", "x", "3", "3", "4", "5", "1"]:
        answers.append(twilio.speak("slower") if step == "x" else twilio.press(step))
    answers += [twilio.wait(), twilio.wait(), twilio.wait()]
    for heard in answers:
        assert heard.status == 200
        assert twiml_errors(heard.xml) == []
    assert answers[-1].hangs_up


def test_a_fault_on_our_side_apologises_and_offers_the_main_menu(
    app, twilio: TwilioSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    twilio.dial()
    store = runtime_of(app).store

    def broken(key: str) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "get", broken)
    heard = twilio.press("1")
    assert heard.status == 200
    assert "Sorry, something went wrong" in heard.text
    assert heard.gathers and "press 1" in heard.text
    assert twiml_errors(heard.xml) == []


def test_a_call_that_reaches_input_without_a_start_begins_at_the_main_menu(
    twilio: TwilioSimulator, content: Content
) -> None:
    twilio.call_sid = "CAunknowncall"
    heard = twilio.press("3")
    assert choices(heard.text)["1"] == content.label("spread-bones")


def test_when_even_the_apology_fails_the_caller_hears_a_fixed_one_and_a_goodbye(
    app, twilio: TwilioSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    twilio.dial()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("content gone")

    monkeypatch.setattr("service.core.wording.spoken", broken)
    monkeypatch.setattr("service.core.wording.notice_lines", broken)
    heard = twilio.press("1")
    assert heard.status == 200 and twiml_errors(heard.xml) == []
    assert "Sorry" in heard.text and heard.hangs_up


def long_topic(content: Content) -> tuple[str, tuple[str, ...]]:
    """A topic said in more than one part, and the keys that reach it from the main menu."""
    for menu_key, option in ((o.key, o) for o in content.menus["main"].options):
        sub = content.menus.get(option.target)
        for inner in sub.options if sub else ():
            if inner.target in content.topics and len(topic_parts(content, inner.target, "en")) > 1:
                return inner.target, (menu_key, inner.key)
    raise AssertionError("no topic is long enough to be said in parts")


def test_a_long_topic_is_said_in_parts_with_press_1_to_hear_more(
    twilio: TwilioSimulator, content: Content
) -> None:
    topic, keys = long_topic(content)
    parts = topic_parts(content, topic, "en")
    twilio.dial()
    for key in keys[:-1]:
        twilio.press(key)
    first = twilio.press(keys[-1])
    assert parts[0] in first.says and parts[1] not in first.text
    assert "To hear more, press 1." in first.says
    second = twilio.press("1")
    assert parts[1] in second.says and parts[0] not in second.says
    assert parts[1] in twilio.press("9").says, "9 repeats the part just heard"
    for part in parts[2:]:
        assert part in twilio.speak("yes").says
    last = twilio.press("9")
    assert "To hear more" not in last.text
    after = twilio.press("1")  # after the last part: no "sorry", the end said and the topic's menu
    assert after.says[0] == "That was the end of this topic.", after.says
    assert "press 1" in after.text and parts[-1] not in after.text


def test_saying_more_continues_a_topic(twilio: TwilioSimulator, content: Content) -> None:
    topic, keys = long_topic(content)
    twilio.dial()
    for key in keys:
        twilio.press(key)
    assert topic_parts(content, topic, "en")[1] in twilio.speak("more").says



def test_a_call_opens_with_the_language_choice_each_line_in_its_own_voice(app) -> None:
    phone = TwilioSimulator(app)
    opening = phone.dial()
    assert "call 911" in " ".join(opening.text.split()[:12])
    says = opening.root.findall(".//Say") if opening.root is not None else []
    languages = {say.get("language"): "".join(say.itertext()) for say in says}
    assert "For English, press 1" in languages["en-US"]
    assert "Para español, oprima 2" in languages["es-US"]


def test_the_opening_is_carried_in_its_signed_action_so_the_call_start_writes_nothing(app) -> None:
    phone = TwilioSimulator(app)
    opening = phone.dial()
    store = runtime_of(app).store
    assert store.get(f"voice:{phone.call_sid}") is None
    assert opening.root.find("Gather").get("action") == "/voice/input?opening=1"
    assert "Esta es la Línea" in phone.press("2").text
    assert store.get(f"voice:{phone.call_sid}") is not None  # from the first choice on, the place is kept
    params = {"CallSid": phone.call_sid, "From": "+15555550100", "To": "+15555550199", "Digits": "2"}
    signed_without = phone.validator.compute_signature("http://localhost/voice/input", params)
    forged = app.test_client().post("/voice/input?opening=1", data=params,
                                    headers={"X-Twilio-Signature": signed_without})
    assert forged.status_code == 403


def test_a_caller_who_presses_2_hears_and_is_heard_in_spanish(app, content: Content) -> None:
    phone = TwilioSimulator(app)
    phone.dial()
    welcome = phone.press("2")
    assert "Esta es la Línea" in welcome.text and "oprima 1" in welcome.text
    gather = welcome.root.find("Gather") if welcome.root is not None else None
    assert gather is not None and gather.get("language") == "es-US"
    assert {say.get("voice") for say in gather.findall("Say")} == {"Polly.Lupe"}
    liver = phone.speak("el hígado")
    assert "hígado" in liver.text.lower() and "This is" not in liver.text
    urgent = phone.speak("no puedo respirar")
    assert urgent.says[0] == content.sign("breathing").says["es"]


def spanish_heard(heard: Heard) -> bool:
    """The next words are listened for in Spanish, and said by the Spanish voice."""
    gather = heard.root.find("Gather") if heard.root is not None else None
    return gather is not None and gather.get("language") == "es-US" and {
        say.get("voice") for say in gather.findall("Say")} == {"Polly.Lupe"}


def test_spanish_words_of_suicide_on_an_english_call_hear_988_first_in_spanish(app) -> None:
    phone = TwilioSimulator(app)
    phone.dial()
    phone.press("1")
    crisis = phone.speak("me quiero morir")
    assert crisis.says[0].startswith("Llame al 988 y oprima 2"), crisis.says
    assert spanish_heard(crisis)


@pytest.mark.parametrize(("said", "sign"), [
    ("no puedo respirar", "breathing"), ("tosí sangre", "coughing-blood"),
])
def test_an_urgent_sign_said_in_spanish_on_an_english_call_says_what_to_do_in_spanish(
    app, content: Content, said: str, sign: str
) -> None:
    phone = TwilioSimulator(app)
    phone.dial()
    phone.press("1")
    urgent = phone.speak(said)
    assert urgent.says[0] == content.sign(sign).says["es"] and spanish_heard(urgent)


def test_a_spanish_sentence_on_an_english_call_is_answered_and_heard_in_spanish(app) -> None:
    phone = TwilioSimulator(app)
    phone.dial()
    phone.press("1")
    liver = phone.speak("quiero saber del hígado")
    assert "El hígado" in liver.text and "liver" not in liver.text.lower() and spanish_heard(liver)
    assert "the liver" in phone.speak("tell me about the liver").text.lower()  # and back, in a sentence


def test_a_spanish_sentence_of_pain_on_an_english_call_says_what_to_do_in_spanish(app) -> None:
    phone = TwilioSimulator(app)
    phone.dial()
    phone.press("1")
    pain = phone.speak("tengo dolor en los huesos")
    assert pain.says[0].startswith("Si puede ser una emergencia, llame al 911") and spanish_heard(pain)


def test_an_english_name_on_a_spanish_call_finds_its_topic_in_spanish(app) -> None:
    phone = TwilioSimulator(app)
    phone.dial()
    phone.press("2")
    bones = phone.speak("bone mets")
    assert "Los huesos" in bones.text and "Disculpe" not in bones.text and spanish_heard(bones)


def test_no_answer_at_the_language_choice_goes_on_in_english(app) -> None:
    phone = TwilioSimulator(app)
    phone.dial()
    assert "This is the Breast Cancer Spread Info Line" in phone.wait().text
