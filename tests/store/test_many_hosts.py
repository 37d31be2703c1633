"""Two app processes (two hosts behind a load balancer) sharing one real Redis."""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from service.content import Content
from tests.servers import Gunicorn, RedisServer
from tests.twilio_api import ACCOUNT_SID, StandIn

SHARED_KEY = "a7c3e9f1b2d4086f" * 4  # 64 hexadecimal characters, as `openssl rand -hex 32` makes
TOKEN = "a1b2c3d4" * 4  # the shape of a real Twilio auth token: 32 hexadecimal characters


def _said(xml: str) -> str:
    return " ".join("".join(el.itertext()) for el in ET.fromstring(xml).iter("Say"))


def _messages(xml: str) -> list[str]:
    return ["".join(el.itertext()) for el in ET.fromstring(xml).iter("Message")]


@pytest.fixture(scope="module")
def hosts(redis_instance: RedisServer, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[Gunicorn, Gunicorn]]:
    """Two gunicorns, one worker each, with their own instance folders and one STATE_URL.

    Started once for this module; each test uses phone numbers of its own.
    """
    env = {"TWILIO_AUTH_TOKEN": TOKEN, "STATE_URL": redis_instance.url, "PHONE_HASH_KEY": SHARED_KEY}
    with two_hosts(env, tmp_path_factory.mktemp("hosts")) as both:
        yield both


@contextmanager
def two_hosts(env: dict[str, str], folder: Path) -> Iterator[tuple[Gunicorn, Gunicorn]]:
    """Two gunicorns, one worker each, with instance folders of their own, stopped after."""
    first = Gunicorn(env, folder / "host-a", workers=1)
    try:
        second = Gunicorn(env, folder / "host-b", workers=1)
        try:
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


def test_a_call_whose_turns_alternate_between_hosts_keeps_its_place(hosts: tuple[Gunicorn, Gunicorn]) -> None:
    a, b = hosts
    call = {"CallSid": "CA" + secrets.token_hex(16), "From": "+15555550141", "To": "+15555550199"}
    status, opening = a.post("/voice", call, TOKEN)
    assert status == 200 and "Para español" in _said(opening)
    action = ET.fromstring(opening).find("Gather").get("action")  # the opening's place rides in it
    _, welcome = b.post(action, {**call, "Digits": "1"}, TOKEN)  # English
    assert "This is the Breast Cancer" in _said(welcome)
    _, welcome = a.post("/voice/input", {**call, "Digits": "9"}, TOKEN)  # the other host: same place
    assert "This is the Breast" not in _said(welcome) and "Where it spreads, 3." in _said(welcome)
    _, spread_menu = b.post("/voice/input", {**call, "Digits": "3"}, TOKEN)
    assert "For bones, press 1." in _said(spread_menu)
    _, bones = a.post("/voice/input", {**call, "Digits": "1"}, TOKEN)  # 1 in the spread menu: bones
    _, again = b.post("/voice/input", {**call, "Digits": "9"}, TOKEN)  # 9 repeats where we are
    assert "Bones are" in _said(bones) and "For bones, press 1." not in _said(bones)
    assert _said(again) == _said(bones).replace(" This is information, not medical advice.", "")  # once
    _, back = a.post("/voice/input", {**call, "Digits": "8"}, TOKEN)  # 8: back to the spread menu
    assert "For bones, press 1." in _said(back)


def test_a_texter_alternating_hosts_keeps_their_place(hosts: tuple[Gunicorn, Gunicorn],
                                                      content: Content) -> None:
    a, b = hosts
    pages = content.topic_text("spread-bones", "en").sms
    text = {"From": "+15555550142", "To": "+15555550199", "Body": "bones"}
    assert pages[0] in _messages(a.post("/sms", text, TOKEN)[1])[0]
    assert pages[1] in _messages(b.post("/sms", {**text, "Body": "MORE"}, TOKEN)[1])[0]
    assert pages[2] in _messages(a.post("/sms", {**text, "Body": "MORE"}, TOKEN)[1])[0]


def test_a_stop_on_one_host_silences_the_other(hosts: tuple[Gunicorn, Gunicorn]) -> None:
    a, b = hosts
    text = {"From": "+15555550143", "To": "+15555550199", "Body": "liver"}
    assert _messages(b.post("/sms", text, TOKEN)[1])
    status, stopped = a.post("/sms", {**text, "Body": "STOP"}, TOKEN)
    assert status == 200 and _messages(stopped) == []
    status, silent = b.post("/sms", text, TOKEN)
    assert status == 200 and _messages(silent) == []
    a.post("/sms", {**text, "Body": "START"}, TOKEN)
    assert _messages(b.post("/sms", text, TOKEN)[1])


def test_a_text_twilio_delivers_again_to_the_other_host_is_answered_the_same_and_acted_on_once(
    hosts: tuple[Gunicorn, Gunicorn], content: Content
) -> None:
    a, b = hosts
    pages = content.topic_text("spread-bones", "en").sms
    text = {"From": "+15555550144", "To": "+15555550199", "AccountSid": "AC" + "0" * 32}
    a.post("/sms", {**text, "Body": "bones", "MessageSid": "SM" + secrets.token_hex(16)}, TOKEN)
    more = {**text, "Body": "MORE", "MessageSid": "SM" + secrets.token_hex(16)}
    first, again = a.post("/sms", more, TOKEN), b.post("/sms", more, TOKEN)
    assert first == again and pages[1] in _messages(first[1])[0]
    then = b.post("/sms", {**text, "Body": "MORE", "MessageSid": "SM" + secrets.token_hex(16)}, TOKEN)
    assert pages[2] in _messages(then[1])[0]


def test_a_call_step_twilio_fetches_again_from_the_other_host_moves_the_call_once(
    hosts: tuple[Gunicorn, Gunicorn]
) -> None:
    a, b = hosts
    call = {"CallSid": "CA" + secrets.token_hex(16), "From": "+15555550145", "To": "+15555550199"}
    _, opening = a.post("/voice", call, TOKEN)
    _, welcome = b.post(ET.fromstring(opening).find("Gather").get("action"), {**call, "Digits": "1"}, TOKEN)
    action = ET.fromstring(welcome).find("Gather").get("action")
    key = {**call, "Digits": "3"}
    first, again = a.post(action, key, TOKEN), b.post(action, key, TOKEN)
    assert first == again and "For bones, press 1." in _said(first[1])
    _, repeat = a.post(ET.fromstring(again[1]).find("Gather").get("action"), {**call, "Digits": "9"}, TOKEN)
    assert "For bones, press 1." in _said(repeat)


def test_an_operators_stop_keyword_on_one_host_silences_the_other(hosts: tuple[Gunicorn, Gunicorn]) -> None:
    a, b = hosts
    text = {"From": "+15555550146", "To": "+15555550199"}
    stop = {**text, "Body": "ARRET", "OptOutType": "STOP", "MessageSid": "SM" + secrets.token_hex(16)}
    status, stopped = a.post("/sms", stop, TOKEN)
    assert status == 200 and _messages(stopped) == []
    liver = {**text, "Body": "liver", "MessageSid": "SM" + secrets.token_hex(16)}
    assert _messages(b.post("/sms", liver, TOKEN)[1]) == []


def test_a_whatsapp_address_keeps_its_place_and_its_own_opt_out_across_hosts(
    hosts: tuple[Gunicorn, Gunicorn], content: Content
) -> None:
    a, b = hosts
    pages = content.topic_text("spread-bones", "es").sms
    whatsapp = {"From": "whatsapp:+15555550147", "To": "whatsapp:+15555550199"}
    first = {**whatsapp, "Body": "huesos", "MessageSid": "SM" + secrets.token_hex(16)}
    _, whole = a.post("/sms", first, TOKEN)
    assert all(page in _messages(whole)[0] for page in pages)
    b.post("/sms", {**whatsapp, "Body": "STOP", "MessageSid": "SM" + secrets.token_hex(16)}, TOKEN)
    later = {"Body": "huesos", "MessageSid": "SM" + secrets.token_hex(16)}
    assert _messages(a.post("/sms", {**whatsapp, **later}, TOKEN)[1]) == []
    sms = {"From": "+15555550147", "To": "+15555550199", **later, "MessageSid": "SM" + secrets.token_hex(16)}
    assert _messages(a.post("/sms", sms, TOKEN)[1])  # the same number by SMS is still answered


@pytest.fixture
def texting_hosts(redis_url: str, twilio_api: StandIn, tmp_path: Path) -> Iterator[tuple[Gunicorn, Gunicorn]]:
    """Two hosts that offer text me this, sending through the REST API stand-in."""
    env = {"TWILIO_AUTH_TOKEN": TOKEN, "STATE_URL": redis_url, "PHONE_HASH_KEY": SHARED_KEY,
           "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_API_BASE_URL": twilio_api.url}
    with two_hosts(env, tmp_path) as both:
        yield both


def _at_topic(host: Gunicorn, caller: str) -> tuple[dict[str, str], str]:
    """A call that chose English (or is greeted in it, having chosen it before) and asked for bones:
    its params and what it heard."""
    call = {"CallSid": "CA" + secrets.token_hex(16), "From": caller, "To": "+15555550199"}
    _, welcome = host.post("/voice", call, TOKEN)
    action = ET.fromstring(welcome).find("Gather").get("action")
    if "opening=1" in action:
        _, welcome = host.post(action, {**call, "Digits": "1"}, TOKEN)
        action = ET.fromstring(welcome).find("Gather").get("action")
    return call, host.post(action, {**call, "SpeechResult": "bones", "Confidence": "0.9"}, TOKEN)[1]


def test_an_undelivered_text_reported_to_one_host_pauses_the_offer_on_the_other(
    texting_hosts: tuple[Gunicorn, Gunicorn], twilio_api: StandIn
) -> None:
    a, b = texting_hosts
    call, bones = _at_topic(a, "+15555550148")
    assert "press 2" in _said(bones)
    _, sent = a.post(ET.fromstring(bones).find("Gather").get("action"), {**call, "Digits": "2"}, TOKEN)
    assert "The text is on its way to your phone." in _said(sent)
    message = twilio_api.wait_for(1)[0]  # sent by a worker's thread, on either host
    assert message["StatusCallback"] == f"{a.base_url}/sms/status"
    status = {"MessageSid": message["sid"], "MessageStatus": "undelivered", "ErrorCode": "30006",
              "To": message["To"], "From": message["From"], "AccountSid": ACCOUNT_SID}
    assert b.post("/sms/status", status, TOKEN)[0] == 200  # a load balancer may send it to either host
    _, again = _at_topic(b, "+15555550148")
    assert "press 2" not in _said(again) and "did not arrive" in _said(again)
