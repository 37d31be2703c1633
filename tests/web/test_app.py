"""Starting the service: refuse what is unsafe or broken, say clearly why."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from service.config import Settings
from service.content import ContentError
from service.errors import ConfigError
from service.web.app import create_app
from service.web.twilio.simulate import TwilioSimulator
from tests.conftest import TEST_TOKEN


def test_without_an_auth_token_the_app_refuses_to_start(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TWILIO_AUTH_TOKEN"):
        create_app(Settings(state_url=settings.state_url), instance_path=str(tmp_path / "i"))


def test_local_demo_starts_without_a_token_and_says_so_loudly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    app = create_app(Settings(local_demo=True), instance_path=str(tmp_path / "i"))
    assert "LOCAL DEMO MODE" in caplog.text
    assert TwilioSimulator(app).text("liver").messages


def test_local_demo_still_refuses_unsigned_requests(tmp_path: Path) -> None:
    app = create_app(Settings(local_demo=True), instance_path=str(tmp_path / "i"))
    assert TwilioSimulator(app).post("/sms", {"Body": "hi"}, sign=False).status == 403


@pytest.mark.parametrize(
    "token",
    ["x", "0123456789abcdef0123456789abcde", '"0123456789abcdef0123456789abcdef"', "g" * 32],
)
def test_a_token_not_shaped_like_twilios_is_refused_saying_why(make_app, token: str) -> None:
    with pytest.raises(ConfigError, match="32 hexadecimal characters") as refused:
        make_app(twilio_auth_token=token)
    assert "TWILIO_AUTH_TOKEN_ANY_SHAPE" in str(refused.value)
    assert len(token) < 2 or token.strip("\"'") not in str(refused.value), "the message shows the token"


@pytest.mark.parametrize(
    ("token", "why"),
    [(f'"{TEST_TOKEN}"', "wrapped in quotation marks"), ("x", "has 1 characters"),
     ("g" * 32, "characters other than 0-9 and a-f")],
)
def test_a_refused_token_is_told_what_is_wrong_with_it(make_app, token: str, why: str) -> None:
    with pytest.raises(ConfigError, match=why):
        make_app(twilio_auth_token=token)


def test_another_token_shape_starts_only_when_allowed_and_signs_with_it(make_app) -> None:
    app = make_app(twilio_auth_token="a-token-of-another-shape", twilio_auth_token_any_shape=True)
    assert TwilioSimulator(app).validator.token == b"a-token-of-another-shape"
    assert TwilioSimulator(app).text("liver").messages


def test_a_token_of_only_quotation_marks_is_refused_even_when_any_shape_is_allowed(make_app) -> None:
    with pytest.raises(ConfigError, match="quotation marks"):
        make_app(twilio_auth_token='""', twilio_auth_token_any_shape=True)


def test_local_demo_with_a_token_says_the_token_is_used(
    make_app, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    app = make_app(local_demo=True)
    assert "LOCAL_DEMO" in caplog.text and "TWILIO_AUTH_TOKEN is used" in caplog.text
    assert "LOCAL DEMO MODE" not in caplog.text
    assert TwilioSimulator(app).validator.token == TEST_TOKEN.encode()


def test_health_check_in_local_demo_says_demo(tmp_path: Path) -> None:
    app = create_app(Settings(local_demo=True), instance_path=str(tmp_path / "i"))
    response = app.test_client().get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "demo"


def test_state_url_sqlite_path_is_used(make_app, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "line.db"
    TwilioSimulator(make_app(state_url=f"sqlite:///{target}")).text("STOP")
    assert target.exists()


def test_default_state_is_a_sqlite_file_in_the_instance_folder(make_app, tmp_path: Path) -> None:
    TwilioSimulator(make_app(state_url="")).text("hi")
    assert (tmp_path / "instance" / "state.sqlite3").exists()


def test_the_state_database_and_the_hash_key_are_created_private(make_app, tmp_path: Path) -> None:
    TwilioSimulator(make_app(state_url="", phone_hash_key="")).text("STOP")
    instance = tmp_path / "instance"
    private = [instance / "phone-hash.key", *instance.glob("state.sqlite3*")]
    assert len(private) >= 2
    assert {p.name: p.stat().st_mode & 0o777 for p in private} == {p.name: 0o600 for p in private}


def test_an_unknown_state_url_scheme_stops_the_start_naming_it(make_app) -> None:
    with pytest.raises(ConfigError, match="'postgres'"):
        make_app(state_url="postgres://db/line")


def test_a_bad_number_setting_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="STATE_TTL_SECONDS"):
        Settings.from_env({"STATE_TTL_SECONDS": "a week"})


def test_settings_come_from_the_environment() -> None:
    settings = Settings.from_env(
        {"TWILIO_AUTH_TOKEN": f" {TEST_TOKEN} ", "PUBLIC_BASE_URL": "https://x.org/", "LOCAL_DEMO": "1"}
    )
    assert settings.twilio_auth_token == TEST_TOKEN
    assert settings.public_base_url == "https://x.org"
    assert settings.local_demo


def test_broken_content_stops_the_start_with_file_line_and_problem(make_app, content_copy: Path) -> None:
    topic = content_copy / "topics" / "spread-liver.yaml"
    topic.write_text(topic.read_text().replace("id: spread-liver", "id: liver"))
    expected = r"content/topics/spread-liver.yaml:\d+: id: must be 'spread-liver'"
    with pytest.raises(ContentError, match=expected):
        make_app(content_dir=content_copy)


def test_the_wsgi_module_exposes_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib
    import sys

    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TEST_TOKEN)
    monkeypatch.setenv("STATE_URL", f"sqlite:///{tmp_path}/s.db")
    monkeypatch.setenv("PHONE_HASH_KEY", "k")
    sys.modules.pop("wsgi", None)
    wsgi = importlib.import_module("wsgi")
    assert wsgi.app.test_client().get("/healthz").status_code == 200


def test_a_refused_worker_exits_with_gunicorns_boot_error_so_the_server_stops(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib
    import sys

    from gunicorn.arbiter import Arbiter

    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    monkeypatch.delenv("LOCAL_DEMO", raising=False)
    sys.modules.pop("wsgi", None)
    with pytest.raises(SystemExit) as exited:
        importlib.import_module("wsgi")
    sys.modules.pop("wsgi", None)
    assert exited.value.code == Arbiter.WORKER_BOOT_ERROR
    assert "The line cannot start: TWILIO_AUTH_TOKEN is not set" in capsys.readouterr().err
@pytest.mark.parametrize("raw", ["18005550100", "+1 800 555 0100", "+0123456", "+18005550100123456", "call"])
def test_a_helpline_not_in_e164_stops_the_start(raw: str) -> None:
    with pytest.raises(ConfigError, match="HELPLINE_PHONE"):
        Settings.from_env({"HELPLINE_PHONE": raw})


def test_a_helpline_in_e164_is_kept() -> None:
    assert Settings.from_env({"HELPLINE_PHONE": " +18005550100 "}).helpline_phone == "+18005550100"
