"""Starting the service: refuse what is unsafe or broken, say clearly why."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from service.config import Settings
from service.content import ContentError
from service.errors import ConfigError
from service.web.app import create_app
from service.web.simulate import TwilioSimulator


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


def test_state_url_sqlite_path_is_used(make_app, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "line.db"
    TwilioSimulator(make_app(state_url=f"sqlite:///{target}")).text("STOP")
    assert target.exists()


def test_default_state_is_a_sqlite_file_in_the_instance_folder(make_app, tmp_path: Path) -> None:
    TwilioSimulator(make_app(state_url="")).text("hi")
    assert (tmp_path / "instance" / "state.sqlite3").exists()


def test_an_unknown_state_url_scheme_stops_the_start_naming_it(make_app) -> None:
    with pytest.raises(ConfigError, match="'postgres'"):
        make_app(state_url="postgres://db/line")


def test_a_bad_number_setting_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="STATE_TTL_SECONDS"):
        Settings.from_env({"STATE_TTL_SECONDS": "a week"})


def test_settings_come_from_the_environment() -> None:
    settings = Settings.from_env(
        {"TWILIO_AUTH_TOKEN": " tok ", "PUBLIC_BASE_URL": "https://x.org/", "LOCAL_DEMO": "1"}
    )
    assert settings.twilio_auth_token == "tok"
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

    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "tok")
    monkeypatch.setenv("STATE_URL", f"sqlite:///{tmp_path}/s.db")
    monkeypatch.setenv("PHONE_HASH_KEY", "k")
    sys.modules.pop("wsgi", None)
    wsgi = importlib.import_module("wsgi")
    assert wsgi.app.test_client().get("/healthz").status_code == 200


@pytest.mark.parametrize("raw", ["18005550100", "+1 800 555 0100", "+0123456", "+18005550100123456", "call"])
def test_a_helpline_not_in_e164_stops_the_start(raw: str) -> None:
    with pytest.raises(ConfigError, match="HELPLINE_PHONE"):
        Settings.from_env({"HELPLINE_PHONE": raw})


def test_a_helpline_in_e164_is_kept() -> None:
    assert Settings.from_env({"HELPLINE_PHONE": " +18005550100 "}).helpline_phone == "+18005550100"
