"""The try-it API: what the page shows is what the real webhooks answer, and only who may use it can."""

from __future__ import annotations

import base64

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.config import Settings
from service.content import Content
from service.core.wording import topic_parts
from service.errors import ConfigError
from service.web.twilio.simulate import sms_facts

ELSEWHERE = {"REMOTE_ADDR": "203.0.113.7"}


def demo(make_app, **overrides: object) -> Flask:
    """An app as LOCAL_DEMO=1 starts it: no real token."""
    return make_app(twilio_auth_token="", local_demo=True, **overrides)


def post(client: FlaskClient, path: str, data: dict | None = None, **kwargs: object):
    return client.post(path, json=data or {}, **kwargs)


def basic(password: str) -> dict[str, str]:
    token = base64.b64encode(f"anyone:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_the_local_demo_serves_the_phone_at_the_root(make_app) -> None:
    page = demo(make_app).test_client().get("/", environ_base=ELSEWHERE)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Call the line" in html and 'role="log"' in html and 'aria-live="polite"' in html


def test_a_call_through_the_api_hears_what_the_webhooks_say(make_app, content: Content) -> None:
    client = demo(make_app).test_client()
    start = post(client, "/try/call/start").get_json()
    assert start["waiting"] and "call 911" in start["steps"][0]["text"]
    assert "Para español, oprima 2" in start["steps"][1]["text"]
    assert [step["lang"] for step in start["steps"][:2]] == ["en-US", "es-US"]  # each in its own voice
    english = post(client, "/try/call/press", {"key": "1"}).get_json()
    assert english["steps"][0]["text"] == "For urgent signs, press 1."  # 911 was said: the menu at once
    assert any(step["text"].startswith("This is the Breast Cancer") for step in english["steps"])
    spread = post(client, "/try/call/press", {"key": "3"}).get_json()
    assert spread["steps"][0]["text"] == "For bones, press 1."
    assert content.menu_text("spread").intro in [step["text"] for step in spread["steps"]]
    liver = post(client, "/try/call/say", {"words": "liver"}).get_json()
    assert liver["steps"][0]["text"] == topic_parts(content, "spread-liver", "en")[0]
    for _ in range(2):
        assert post(client, "/try/call/wait").get_json()["waiting"]
    goodbye = post(client, "/try/call/wait").get_json()
    assert goodbye["ended"] and goodbye["steps"][-1]["kind"] == "hangup"
    after = post(client, "/try/call/press", {"key": "1"})
    assert after.status_code == 409 and "no call" in after.get_json()["error"]


def test_hanging_up_ends_the_call_and_a_new_one_starts_with_the_welcome(make_app) -> None:
    client = demo(make_app).test_client()
    post(client, "/try/call/start")
    assert post(client, "/try/call/hangup").get_json()["ended"]
    assert post(client, "/try/call/press", {"key": "1"}).status_code == 409
    assert "For English, press 1" in post(client, "/try/call/start").get_json()["steps"][0]["text"]


@pytest.mark.parametrize(("path", "data"), [
    ("/try/call/press", {"key": "12"}), ("/try/call/press", {"key": "a"}), ("/try/call/say", {"words": " "}),
    ("/try/text", {"body": ""}),
])
def test_bad_input_is_refused_with_a_reason(make_app, path: str, data: dict) -> None:
    client = demo(make_app).test_client()
    post(client, "/try/call/start")
    answer = post(client, path, data)
    assert answer.status_code == 400 and answer.get_json()["error"]


def test_texts_report_segments_and_stop_silences_only_this_browser(make_app, content: Content) -> None:
    app = demo(make_app)
    mine, theirs = app.test_client(), app.test_client()
    reply = post(mine, "/try/text", {"body": "brian"}).get_json()["replies"][0]
    facts = sms_facts(reply["text"])
    assert reply["text"].startswith(content.topic_text("spread-brain").sms[0])
    assert (reply["encoding"], reply["segments"], reply["characters"]) == (
        facts.encoding, facts.segments, facts.characters
    )
    assert post(mine, "/try/text", {"body": "STOP"}).get_json()["replies"] == []
    assert post(mine, "/try/text", {"body": "menu"}).get_json()["replies"] == []
    assert post(theirs, "/try/text", {"body": "menu"}).get_json()["replies"]
    back = post(mine, "/try/text", {"body": "START"}).get_json()["replies"]
    assert back and "again" in back[0]["text"]


def test_the_api_takes_only_json_so_no_other_site_can_post_a_form_to_it(make_app) -> None:
    client = demo(make_app).test_client()
    assert client.post("/try/text", data={"body": "STOP"}).status_code == 415


def test_the_session_cookie_is_for_this_site_only_and_hidden_from_scripts(make_app) -> None:
    answer = post(demo(make_app).test_client(), "/try/call/start")
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/try" in cookie


PASSWORD = "a long random try-it password"


def test_with_a_real_token_the_page_is_off_and_the_root_leads_to_the_topics(make_app) -> None:
    client = make_app().test_client()
    assert client.get("/").status_code == 302 and client.get("/").location.endswith("/topics")
    assert post(client, "/try/call/start").status_code == 404
    assert post(client, "/try/text", {"body": "hi"}).status_code == 404


def test_with_a_real_token_and_no_pages_at_all_the_root_is_not_found(make_app) -> None:
    client = make_app(topic_pages=False).test_client()
    assert client.get("/").status_code == 404


def test_simulator_with_a_real_token_will_not_start_without_its_password(make_app) -> None:
    with pytest.raises(ConfigError, match="SIMULATOR_PASSWORD"):
        make_app(simulator=True)


def test_simulator_with_a_real_token_asks_this_computer_for_the_password_too(make_app) -> None:
    client = make_app(simulator=True, simulator_password=PASSWORD).test_client()
    assert client.get("/").status_code == 401  # loopback, no proxy header: still the password
    assert client.get("/", headers=basic(PASSWORD)).status_code == 200
    assert post(client, "/try/call/start", headers=basic(PASSWORD)).get_json()["waiting"]
    proxied = client.get("/", headers={"X-Forwarded-For": "198.51.100.4"})
    assert proxied.status_code == 401


def test_simulator_password_lets_others_in_with_it_and_no_one_without(make_app) -> None:
    client = make_app(simulator=True, simulator_password=PASSWORD).test_client()
    refused = client.get("/", environ_base=ELSEWHERE)
    assert refused.status_code == 401 and "Basic" in refused.headers["WWW-Authenticate"]
    assert client.get("/", environ_base=ELSEWHERE, headers=basic("wrong")).status_code == 401
    assert client.get("/", environ_base=ELSEWHERE, headers=basic(PASSWORD)).status_code == 200
    answer = post(client, "/try/call/start", environ_base=ELSEWHERE, headers=basic(PASSWORD))
    assert answer.get_json()["waiting"]
    assert post(client, "/try/text", {"body": "hi"}, environ_base=ELSEWHERE).status_code == 401


def test_wrong_passwords_are_throttled_even_the_right_one_after(make_app) -> None:
    client = make_app(simulator=True, simulator_password=PASSWORD).test_client()
    guesses = [basic(f"guess{n}") for n in range(7)]
    tries = [client.get("/", environ_base=ELSEWHERE, headers=guess).status_code for guess in guesses]
    assert tries[:5] == [401] * 5 and tries[5:] == [429, 429]
    throttled = client.get("/", environ_base=ELSEWHERE, headers=basic(PASSWORD))
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) > 0
    other = {"REMOTE_ADDR": "203.0.113.9"}
    assert client.get("/", environ_base=other, headers=basic(PASSWORD)).status_code == 200


@pytest.mark.parametrize("host", ["evil.example.com", "rebind.attacker.test:8000", "127.0.0.1.nip.io"])
def test_simulator_answers_only_the_line_s_own_host_names(make_app, host: str) -> None:
    app = make_app(simulator=True, simulator_password=PASSWORD, public_base_url="https://line.example.org")
    client = app.test_client()
    assert client.get("/", headers={**basic(PASSWORD), "Host": host}).status_code == 421
    for own in ("line.example.org", "localhost:8000", "127.0.0.1"):
        assert client.get("/", headers={**basic(PASSWORD), "Host": own}).status_code == 200


def test_the_webhooks_still_refuse_unsigned_requests_with_the_page_on(make_app) -> None:
    client = demo(make_app).test_client()
    assert client.post("/voice", data={"CallSid": "CA1"}).status_code == 403


def test_with_audio_on_a_played_line_carries_its_words_and_a_same_site_address(
    make_app, tmp_path, content: Content
) -> None:
    from service.speech.cache import audio_name

    folder = tmp_path / "audio"
    folder.mkdir()
    opening = content.prompt("language_choice")
    (folder / f"{audio_name(' '.join(opening.split()), 'en-us', 150)}.wav").write_bytes(b"RIFF")
    app = demo(make_app, audio_enabled=True, audio_dir=folder, public_base_url="https://line.example.org")
    steps = post(app.test_client(), "/try/call/start").get_json()["steps"]
    played = [step for step in steps if step["kind"] == "play"]
    assert len(played) == 1 and played[0]["audio"].startswith("/audio/")
    assert played[0]["text"] == " ".join(opening.split())
    assert steps[1]["kind"] == "say"


def test_settings_read_the_simulator_switches() -> None:
    env = {"SIMULATOR": "1", "SIMULATOR_PASSWORD": "pw", "TOPIC_PAGES": "0"}
    settings = Settings.from_env(env)
    assert settings.simulator and settings.simulator_password == "pw" and not settings.topic_pages
    default = Settings.from_env({})
    assert not default.simulator and default.simulator_password == "" and default.topic_pages
