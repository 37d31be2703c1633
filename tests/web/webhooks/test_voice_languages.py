"""Every line a Spanish caller hears is said in Spanish by the Spanish voice, and an English one in English.

A walk goes from the language choice through every state a caller can reach with keys, a few spoken
answers and silence (the person to talk to, its no-answer, "text me this" and the hours closed
included) and reads each <Say> of every TwiML document the line sends.
"""

from __future__ import annotations

import json
import secrets
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from service.core import wording
from service.web.runtime import runtime_of
from service.web.twilio import twiml
from service.web.twilio.simulate import CallProgress, Heard, TwilioSimulator
from tests.conftest import AppFactory
from tests.twilio_api import ACCOUNT_SID, StandIn, deliver

HELPLINE = "+18005550100"
ALWAYS = "Mon-Sun 00:00-23:59 America/New_York"
NEVER = "Mon 00:00-00:01 Pacific/Kiritimati"  # one minute a week
VOICES = {"en": ("Polly.Joanna", "en-US"), "es": ("Polly.Lupe", "es-US")}
MAX_STATES = 200
KEYS = [*"0123456789", "#"]  # not *: it switches to the other language, by design (test_opening.py)
SPOKEN = {
    "en": ["talk to a person", "text me this", "emergency", "blue sky"],
    "es": ["hablar con una persona", "mándame esto", "emergencia", "cielo azul"],
}
Act = Callable[[TwilioSimulator], Heard]


class Recording(TwilioSimulator):
    """A caller that keeps every TwiML document the line sends it."""

    def __init__(self, app: Flask, lang: str, documents: list[str]) -> None:
        super().__init__(app, lang=lang)
        self.documents = documents

    def post(self, path: str, params: dict[str, str], sign: bool = True, method: str = "POST") -> Heard:
        heard = super().post(path, params, sign, method)
        self.documents.append(heard.xml)
        return heard


def no_answer(caller: TwilioSimulator) -> Heard:
    """The helpline did not pick up: what <Dial>'s action hears back."""
    return caller.post("/voice/dialed", {**caller._call_params(), "DialCallStatus": "no-answer"})


def acts(lang: str) -> list[Act]:
    keys: list[Act] = [lambda caller, key=key: caller.press(key) for key in KEYS]
    words: list[Act] = [lambda caller, said=said: caller.speak(said) for said in SPOKEN[lang]]
    return [*keys, *words, lambda caller: caller.wait(), no_answer]


def place(state: dict[str, Any]) -> str:
    """Where a call is. The way back, the silences and the slower speech are left out, or the walk never
    ends; every act is still tried from each place, so their lines are heard one step away."""
    return json.dumps([state["node"], state["part"], state["choosing"], min(state["texts_sent"], 1)])


def walk(app: Flask, lang: str) -> list[str]:
    """Every TwiML document of a breadth-first walk over the call states reached in one language."""
    store = runtime_of(app).store
    documents: list[str] = []
    first = Recording(app, lang, documents)
    first.dial()
    frontier = deque([(first.progress.to_dict(), store.get(f"voice:{first.call_sid}"))])
    seen = {place(frontier[0][1])}
    while frontier and len(seen) < MAX_STATES:
        progress, state = frontier.popleft()
        for act in acts(lang):
            caller = Recording(app, lang, documents)
            caller.progress = CallProgress.from_dict(progress)
            caller.call_sid = "CA" + secrets.token_hex(16)
            store.put(f"voice:{caller.call_sid}", state, 600)
            if not act(caller).waiting:
                continue
            reached = store.get(f"voice:{caller.call_sid}")
            if place(reached) not in seen:
                seen.add(place(reached))
                frontier.append((caller.progress.to_dict(), reached))
    assert len(seen) > 20, "the walk reached too few places to mean anything"
    return documents


def says(documents: list[str]) -> list[ET.Element]:
    return [say for xml in documents for say in ET.fromstring(xml).iter("Say")]


@pytest.mark.parametrize(("lang", "hours"), [("es", ALWAYS), ("es", NEVER), ("en", ALWAYS)],
                         ids=["Spanish, helpline open", "Spanish, helpline closed", "English"])
def test_every_line_of_a_call_is_said_in_its_language_by_its_voice(
    make_app: AppFactory, twilio_api: StandIn, lang: str, hours: str
) -> None:
    line = make_app(state_url="memory://", helpline_phone=HELPLINE, helpline_hours=hours,
                    twilio_account_sid=ACCOUNT_SID,
                    twilio_api_base_url=twilio_api.url)
    documents = walk(line, lang)
    opening, rest = documents[0], documents[1:]
    choice = dict(wording.language_choice(runtime_of(line).content))
    for say in says([opening]):
        said = "".join(say.itertext())
        spoken_in = next(lang for lang, text in choice.items() if " ".join(text.split()) in said)
        assert (say.get("voice"), say.get("language")) == VOICES[spoken_in]
    heard = says(rest)
    assert len(heard) > 100
    wrong = {" ".join("".join(s.itertext()).split())[:80]: (s.get("voice"), s.get("language"))
             for s in heard if (s.get("voice"), s.get("language")) != VOICES[lang]}
    assert wrong == {}
    dialled = any(ET.fromstring(xml).find("Dial") is not None for xml in rest)
    assert dialled == (hours == ALWAYS) and deliver(line) > 0 and len(twilio_api.sent) > 0


def test_the_transfer_to_a_person_is_said_in_spanish(make_app: AppFactory) -> None:
    caller = TwilioSimulator(make_app(helpline_phone=HELPLINE), lang="es")
    caller.dial()
    heard = caller.press("6")
    dial = ET.fromstring(heard.xml)
    assert dial.find("Dial") is not None
    spoken = [(s.get("voice"), s.get("language"), "".join(s.itertext())) for s in dial.iter("Say")]
    assert spoken and all((voice, language) == VOICES["es"] for voice, language, _ in spoken)
    assert "persona" in spoken[0][2]


def test_a_caller_over_the_limit_hears_goodbye_in_each_language_in_its_voice(make_app: AppFactory) -> None:
    phone = TwilioSimulator(make_app(rate_limit_calls="1/minute"))
    phone.dial("+15555550111")
    busy = ET.fromstring(phone.dial("+15555550111").xml)
    spoken = [(s.get("voice"), s.get("language"), "".join(s.itertext())) for s in busy.iter("Say")]
    assert [(v, lang) for v, lang, _ in spoken] == [VOICES["en"], VOICES["es"]]
    assert "Goodbye" in spoken[0][2] and "Adiós" in spoken[1][2]


def test_the_last_resort_apology_is_said_in_both_languages_by_the_lines_voices(make_app: AppFactory) -> None:
    app = make_app(voice_name_es="Polly.Mia", voice_language_es="es-MX")
    with app.test_request_context("/voice/input"):
        apology = twiml.last_resort("/voice/input", settings=runtime_of(app).settings)
    answer = ET.fromstring(apology.get_data())
    spoken = [(s.get("voice"), s.get("language")) for s in answer.iter("Say")]
    assert spoken == [VOICES["en"], ("Polly.Mia", "es-MX")]
