"""Two app processes (two hosts behind a load balancer) sharing one real Redis."""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from service.content import Content
from tests.servers import Gunicorn, RedisServer

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
    tmp_path = tmp_path_factory.mktemp("hosts")
    env = {"TWILIO_AUTH_TOKEN": TOKEN, "STATE_URL": redis_instance.url, "PHONE_HASH_KEY": SHARED_KEY}
    first = Gunicorn(env, tmp_path / "host-a", workers=1)
    try:
        second = Gunicorn(env, tmp_path / "host-b", workers=1)
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
    assert "Welcome" in _said(welcome)
    _, welcome = a.post("/voice/input", {**call, "Digits": "9"}, TOKEN)  # the other host: same place
    assert "Welcome" not in _said(welcome) and "For where breast cancer spreads, press 1." in _said(welcome)
    _, spread_menu = b.post("/voice/input", {**call, "Digits": "1"}, TOKEN)
    assert "For bones, press 1." in _said(spread_menu)
    _, bones = a.post("/voice/input", {**call, "Digits": "1"}, TOKEN)  # 1 in the spread menu: bones
    _, again = b.post("/voice/input", {**call, "Digits": "9"}, TOKEN)  # 9 repeats where we are
    assert "Bones are" in _said(bones) and "For bones, press 1." not in _said(bones)
    assert _said(again) == _said(bones)
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
