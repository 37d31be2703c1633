"""What the line sends and dials on its own is bounded: per call, per phone a day, for the whole line,
to the countries it may text, never to a withheld or unvouched number, and never when it cannot count."""

from __future__ import annotations

import concurrent.futures
import secrets
import threading
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from flask import Flask

from service.content import Content
from service.core.wording import call_text_pages
from service.errors import StoreError
from service.web.runtime import runtime_of
from service.web.twilio.simulate import DEMO_LINE, TwilioSimulator
from tests.conftest import TEST_TOKEN, AppFactory
from tests.servers import Gunicorn, redis_instance, redis_url  # noqa: F401 (fixtures)
from tests.twilio_api import ACCOUNT_SID, StandIn, deliver

SENT = "The text is on its way to your phone."
CALL_LIMIT = "I can only send 3 texts in one call."
NOT_NOW = "Sorry, I cannot send more texts today. You can listen to it here."
NOT_THIS_PHONE = "Sorry, I cannot send a text to the number you are calling from."
FAILED = "Sorry, I could not send the text just now. Please try again later."
HELPLINE = "+18005550100"
NO_ANSWER = "Sorry, no one could answer right now."
HASH_KEY = "9f3b1c7d5e2a4086" * 4  # 64 hexadecimal characters, as `openssl rand -hex 32` makes


@pytest.fixture
def texting(make_app: AppFactory, twilio_api: StandIn):  # type: ignore[no-untyped-def]
    """An app factory for a line that can text (through the stand-in API); settings may be overridden."""

    def factory(**overrides: object) -> Flask:
        return make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url, **overrides)

    return factory


def call_at_topic(app: Flask, caller: str = "+15555550100", **extra: str) -> TwilioSimulator:
    phone = TwilioSimulator(app, lang="en")
    phone.dial(caller=caller) if not extra else _dial_with(phone, caller, extra)
    assert "To get this topic by text message, press 2." in phone.speak("bones").says
    return phone


def _dial_with(phone: TwilioSimulator, caller: str, extra: dict[str, str]) -> None:
    """A call whose first webhook carries more of Twilio's parameters (StirVerstat)."""
    original = phone._call_params

    def with_extra() -> dict[str, str]:
        return {**original(), **extra}

    phone._call_params = with_extra  # type: ignore[method-assign]
    phone.dial(caller=caller)


def test_replaying_the_language_choice_does_not_reset_a_call_s_texts(texting, twilio_api: StandIn) -> None:
    app = texting()
    phone = call_at_topic(app)
    for _ in range(3):
        assert phone.press("2").says[0] == SENT
    deliver(app)
    sent = len(twilio_api.sent)
    # The opening's signed request replayed: the menu place starts again, the call's count does not.
    replay = phone.post("/voice/input?opening=1", {**phone._call_params(), "Digits": "1"})
    assert replay.status == 200
    phone.speak("bones")
    assert phone.press("2").says[0] == CALL_LIMIT
    deliver(app)
    assert len(twilio_api.sent) == sent


@pytest.mark.parametrize("caller", ["+266696687", "anonymous", "+7378742833", ""])
def test_a_withheld_number_is_never_texted(texting, twilio_api: StandIn, caller: str) -> None:
    phone = TwilioSimulator(texting(), lang="en")
    phone.dial(caller=caller)
    phone.speak("bones")
    assert phone.press("2").says[0] == NOT_THIS_PHONE
    assert twilio_api.sent == []


def test_only_the_line_s_own_country_unless_more_are_set(texting, twilio_api: StandIn) -> None:
    assert call_at_topic(texting(), "+442079460000").press("2").says[0] == NOT_THIS_PHONE
    assert call_at_topic(texting(), "+18765550100").press("2").says[0] == NOT_THIS_PHONE  # Jamaica, +1 too
    assert twilio_api.sent == []
    abroad = texting(text_countries=("US", "GB"))
    assert call_at_topic(abroad, "+442079460000").press("2").says[0] == SENT
    deliver(abroad)
    assert {message["To"] for message in twilio_api.sent} == {"+442079460000"}


@pytest.mark.parametrize("verstat", ["TN-Validation-Failed-A", "No-TN-Validation", "TN-Validation-Passed-C"])
def test_a_caller_id_the_carrier_did_not_vouch_for_is_not_texted(
    texting, twilio_api: StandIn, verstat: str
) -> None:
    phone = call_at_topic(texting(), StirVerstat=verstat)
    assert phone.press("2").says[0] == NOT_THIS_PHONE
    assert twilio_api.sent == []


def test_a_vouched_caller_id_is_texted(texting, twilio_api: StandIn) -> None:
    assert call_at_topic(texting(), StirVerstat="TN-Validation-Passed-A").press("2").says[0] == SENT


def test_one_phone_s_texts_a_day_are_counted_across_calls(texting, twilio_api: StandIn) -> None:
    app = texting(texts_per_phone_per_day=4)
    first = call_at_topic(app)
    assert [first.press("2").says[0] for _ in range(3)] == [SENT] * 3
    second = call_at_topic(app)
    assert second.press("2").says[0] == SENT
    assert second.press("2").says[0] == NOT_NOW
    assert call_at_topic(app, "+15555550111").press("2").says[0] == SENT  # another phone: its own count


def test_the_whole_line_s_texts_a_day_are_capped(texting, twilio_api: StandIn) -> None:
    app = texting()
    pages = len(call_text_pages(runtime_of(app).content, "spread-bones", "en"))
    app = texting(line_texts_per_day=2 * pages)
    assert call_at_topic(app, "+15555550121").press("2").says[0] == SENT
    assert call_at_topic(app, "+15555550122").press("2").says[0] == SENT
    assert call_at_topic(app, "+15555550123").press("2").says[0] == NOT_NOW
    deliver(app)
    assert len(twilio_api.sent) == 2 * pages


def test_when_the_store_cannot_count_nothing_is_sent(
    texting, twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = texting()
    phone = call_at_topic(app)

    def cannot_count(*args: object, **kwargs: object) -> bool:
        raise StoreError("the store refuses writes")

    monkeypatch.setattr(runtime_of(app).store, "take", cannot_count)
    heard = phone.press("2")
    assert heard.says[0] == FAILED and heard.gathers
    assert twilio_api.sent == []


def test_key_6_pressed_again_and_again_dials_twice_a_call(make_app: AppFactory) -> None:
    app = make_app(helpline_phone=HELPLINE, helpline_hours="Mon-Sun 00:00-23:59 America/New_York")
    phone = TwilioSimulator(app, lang="en")
    phone.dial()
    heard = [phone.press("6") for _ in range(6)]
    assert sum(len(h.dials) for h in heard) == 2
    assert heard[-1].says[0] == NO_ANSWER and heard[-1].gathers  # then the public numbers, and the menu


def test_one_phone_s_dials_a_day_and_a_store_that_cannot_count(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(helpline_phone=HELPLINE, dials_per_phone_per_day=3)
    dialled = 0
    for _ in range(3):
        phone = TwilioSimulator(app, lang="en")
        phone.dial()
        dialled += sum(len(phone.press("6").dials) for _ in range(2))
    assert dialled == 3

    def cannot_count(*args: object, **kwargs: object) -> bool:
        raise StoreError("the store refuses writes")

    monkeypatch.setattr(runtime_of(app).store, "take", cannot_count)
    phone = TwilioSimulator(app, lang="en")
    phone.dial(caller="+15555550131")
    heard = phone.press("6")
    assert heard.dials == [] and heard.says[0] == NO_ANSWER


def _texting_env(twilio_api: StandIn, state_url: str) -> dict[str, str]:
    return {"TWILIO_AUTH_TOKEN": TEST_TOKEN, "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_API_BASE_URL": twilio_api.url, "STATE_URL": state_url, "PHONE_HASH_KEY": HASH_KEY,
            "RATE_LIMIT_CALLS": "100000/minute"}


def _at_topic(host: Gunicorn, call: dict[str, str]) -> None:
    assert host.post("/voice", call, TEST_TOKEN)[0] == 200
    assert host.post("/voice/input?opening=1", {**call, "Digits": "1"}, TEST_TOKEN)[0] == 200
    _, bones = host.post("/voice/input", {**call, "SpeechResult": "bones", "Confidence": "0.9"}, TEST_TOKEN)
    assert "press 2" in bones


def _says(xml: str) -> str:
    return " ".join("".join(el.itertext()) for el in ET.fromstring(xml).iter("Say"))


def test_twenty_parallel_presses_on_one_call_send_three_topics_across_workers(
    twilio_api: StandIn, tmp_path: Path, content: Content
) -> None:
    """The presses are counted across both workers, and the texts they queued are sent by the workers'
    threads, each exactly once."""
    pages = len(call_text_pages(content, "spread-bones", "en"))
    host = Gunicorn(_texting_env(twilio_api, f"sqlite:///{tmp_path}/state.db"), tmp_path / "host", workers=2)
    try:
        call = {"CallSid": "CA" + secrets.token_hex(16), "From": "+15555550151", "To": DEMO_LINE}
        _at_topic(host, call)
        with concurrent.futures.ThreadPoolExecutor(20) as pool:
            answers = list(pool.map(lambda _: host.post("/voice/input", {**call, "Digits": "2"}, TEST_TOKEN),
                                    range(20)))
        queued = sum(SENT in _says(xml) for _, xml in answers)
        twilio_api.wait_for(queued * pages)
        threading.Event().wait(3.0)  # time for a second send of any text, if one were coming
    finally:
        host.stop()
    assert all(status == 200 for status, _ in answers)
    assert 1 <= queued <= 3
    assert len(twilio_api.sent) == queued * pages
    assert Counter(message["Body"] for message in twilio_api.sent) == Counter(
        {page: queued for page in call_text_pages(content, "spread-bones", "en")})


def test_two_hosts_on_one_redis_count_one_phone_together(
    twilio_api: StandIn, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = str(request.getfixturevalue("redis_url"))  # a real redis-server the tests started
    env = {**_texting_env(twilio_api, url), "TEXTS_PER_PHONE_PER_DAY": "2"}
    a = Gunicorn(env, tmp_path / "a", workers=1)
    try:
        b = Gunicorn(env, tmp_path / "b", workers=1)
        try:
            heard = []
            for host in (a, b, a):
                call = {"CallSid": "CA" + secrets.token_hex(16), "From": "+15555550161", "To": DEMO_LINE}
                _at_topic(host, call)
                heard.append(_says(host.post("/voice/input", {**call, "Digits": "2"}, TEST_TOKEN)[1]))
        finally:
            b.stop()
    finally:
        a.stop()
    assert [SENT in said for said in heard] == [True, True, False]
    assert NOT_NOW in heard[2]
