"""The first minute of a call (issue 23), through the signed webhooks: 911 once in each language before
the main menu, the urgent signs one key away, a returning caller greeted in the language they chose
(kept under their number's keyed hash, never the number, for 90 days), and any key or words acting
at once while the opening or the welcome is said, with recordings on and off."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from service.core.wording import voiced_lines
from service.speech.cache import SUFFIX, audio_name
from service.speech.render import rate_for, voice_for
from service.web.runtime import runtime_of
from service.web.twilio.simulate import Heard, TwilioSimulator

AppFactory = Callable[..., Flask]
CALLER = "+15555550142"
EMERGENCY_EN = "In an emergency, call 911."
EMERGENCY_ES = "En una emergencia, llame al 911."
OFFER_ES = "Para español, oprima asterisco o diga español."
OFFER_EN = "For English, press star or say English."
URGENT_EN = "For urgent signs, press 1."
URGENT_ES = "Señales urgentes, oprima 1."
DAY = 24 * 3600


def chose(app: Flask, how: str, caller: str = CALLER) -> TwilioSimulator:
    """A first call that answers the bilingual opening with a key or words, then hangs up."""
    phone = TwilioSimulator(app)
    phone.dial(caller)
    phone.speak(how) if not how.isdigit() else phone.press(how)
    phone.hang_up()
    return phone


def at_opening(heard: Heard) -> bool:
    """Whether the call waits at the bilingual language choice."""
    return "opening=1" in heard.root.find("Gather").get("action", "")


def count_911(heard: Heard) -> int:
    return sum("911" in line for line in heard.says)


def test_a_caller_with_no_history_hears_the_bilingual_opening_911_first_in_each(app: Flask) -> None:
    heard = TwilioSimulator(app).dial(CALLER)
    assert at_opening(heard)
    assert [line.split(".")[0] for line in heard.says] == [EMERGENCY_EN[:-1], EMERGENCY_ES[:-1]]


@pytest.mark.parametrize(("key", "lang", "first"), [("1", "en", URGENT_EN), ("2", "es", URGENT_ES)])
def test_after_the_choice_the_menu_starts_at_once_urgent_signs_first(
    app: Flask, key: str, lang: str, first: str
) -> None:
    phone = TwilioSimulator(app)
    phone.dial(CALLER)
    menu = phone.press(key)
    assert menu.says[0] == first and count_911(menu) == 0  # 911 was said in each language already
    urgent = phone.press("1")
    assert "911" in urgent.says[0]  # the urgent-signs topic, which opens with when to call 911


@pytest.mark.parametrize("how", ["1", "english"])
def test_a_returning_english_caller_is_greeted_in_english_and_offered_spanish(app: Flask, how: str) -> None:
    chose(app, how)
    phone = TwilioSimulator(app)
    greeting = phone.dial(CALLER)
    assert not at_opening(greeting)
    assert greeting.says[:3] == [EMERGENCY_EN, OFFER_ES, URGENT_EN] and count_911(greeting) == 1
    assert greeting.root.find("Gather").get("language") == "en-US"
    spanish = phone.press("*")
    assert spanish.says[:2] == [EMERGENCY_ES, URGENT_ES]
    assert spanish.root.find("Gather").get("language") == "es-US"


@pytest.mark.parametrize("how", ["2", "hablo español", "dos"])
def test_a_returning_spanish_caller_is_greeted_in_spanish_and_offered_english(app: Flask, how: str) -> None:
    chose(app, how)
    phone = TwilioSimulator(app)
    greeting = phone.dial(CALLER)
    assert greeting.says[:3] == [EMERGENCY_ES, OFFER_EN, URGENT_ES] and count_911(greeting) == 1
    assert greeting.root.find("Gather").get("language") == "es-US"
    english = phone.speak("english")
    assert english.says[:2] == [EMERGENCY_EN, URGENT_EN]
    phone.hang_up()
    assert TwilioSimulator(app).dial(CALLER).says[0] == EMERGENCY_EN  # the switch is remembered too


def test_a_returning_caller_reaches_the_urgent_signs_with_one_key_during_the_greeting(app: Flask) -> None:
    chose(app, "2")
    phone = TwilioSimulator(app)
    phone.dial(CALLER)
    assert "911" in phone.press("1").says[0]


def test_the_language_is_kept_under_the_numbers_keyed_hash_never_the_number(
    app: Flask, tmp_path: Path
) -> None:
    chose(app, "2")
    rt = runtime_of(app)
    assert rt.store.get("lang:" + rt.hash_phone(CALLER)) == {"lang": "es"}
    with sqlite3.connect(tmp_path / "state.db") as db:
        dump = "\n".join(db.iterdump())
    assert CALLER not in dump and CALLER.lstrip("+") not in dump


def test_the_language_is_forgotten_after_90_days_without_a_call(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    chose(app, "2")
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 89 * DAY)
    assert TwilioSimulator(app).dial(CALLER).says[0] == EMERGENCY_ES  # a call keeps it 90 days more
    monkeypatch.setattr(time, "time", lambda: now + (89 + 91) * DAY)
    assert at_opening(TwilioSimulator(app).dial(CALLER))


def test_silence_at_the_opening_goes_on_in_english_and_is_not_remembered(app: Flask) -> None:
    phone = TwilioSimulator(app)
    phone.dial(CALLER)
    assert phone.wait().says[0] == URGENT_EN
    phone.hang_up()
    assert at_opening(TwilioSimulator(app).dial(CALLER))


def test_a_withheld_number_is_never_remembered(app: Flask) -> None:
    chose(app, "2", caller="anonymous")
    assert at_opening(TwilioSimulator(app).dial("anonymous"))


def test_each_number_has_its_own_language(app: Flask) -> None:
    chose(app, "2")
    assert at_opening(TwilioSimulator(app).dial("+15555550143"))


def spoken_outside_a_gather(heard: Heard) -> list[str]:
    """Every <Say> or <Play> a caller could not cut short with a key or words."""
    inside = {id(el) for gather in heard.root.iter("Gather") for el in gather}
    return [el.tag for el in heard.root.iter() if el.tag in ("Say", "Play") and id(el) not in inside]


def record_every_line(app: Flask, folder: Path, heard_turns: list[object]) -> None:
    """Stand-in recordings (as `flask audio render` leaves them, for the lookup) of every line."""
    rt = runtime_of(app)
    for turn in heard_turns:
        for lang, line in voiced_lines(rt.content, turn):
            name = audio_name(line, voice_for(rt.settings, lang), rate_for(rt.settings, False))
            (folder / f"{name}{SUFFIX}").write_bytes(b"RIFF")


@pytest.mark.parametrize("audio", [False, True], ids=["say", "recordings"])
def test_any_key_or_words_act_at_once_during_the_opening_and_the_welcome(
    make_app: AppFactory, tmp_path: Path, audio: bool
) -> None:
    folder = tmp_path / "audio"
    folder.mkdir()
    app = make_app(audio_enabled=audio, audio_dir=folder)
    calls = runtime_of(app).calls
    if audio:
        record_every_line(app, folder, [calls.start(), calls.chosen("en"), calls.chosen("es"),
                                        calls.start(remembered="es")])
    phone = TwilioSimulator(app)
    turns = [phone.dial(CALLER), phone.speak("español")]
    phone.hang_up()
    turns.append(TwilioSimulator(app).dial(CALLER))  # the returning caller's greeting
    for heard in turns:
        assert spoken_outside_a_gather(heard) == []
        gather = heard.root.find("Gather")
        assert gather.get("input") == "dtmf speech" and gather.get("numDigits") == "1"
        assert "español" in gather.get("hints", "") or "espanol" in gather.get("hints", "")
        spoken = [el.tag for el in gather]
        assert spoken and set(spoken) == ({"Play"} if audio else {"Say"})
    assert [g.get("language") for g in (t.root.find("Gather") for t in turns)] == ["en-US", "es-US", "es-US"]


def test_words_during_the_welcome_act_at_once(app: Flask) -> None:
    """An impatient caller who names a topic while the first main menu is said gets it at once."""
    phone = TwilioSimulator(app)
    phone.dial(CALLER)
    phone.press("1")
    liver = phone.speak("liver")
    assert liver.gathers and any("liver" in line.lower() for line in liver.says[:1])


def test_information_not_advice_is_said_once_after_the_first_topic(twilio: TwilioSimulator) -> None:
    twilio.dial()
    first = twilio.press("3")  # where it spreads
    assert not any("not medical advice" in line for line in first.says)
    topic = twilio.press("1")
    assert sum("not medical advice" in line for line in topic.says) == 1
    twilio.press("8")
    again = twilio.press("2")
    assert not any("not medical advice" in line for line in again.says)
