"""Settings are strict: a value the line does not understand stops the start with its name, value and rule."""

from __future__ import annotations

import re

import pytest

from service.config import PROJECT_ROOT, Server, Settings, SettingsError, setting_names
from service.errors import ConfigError


@pytest.mark.parametrize(
    ("env", "named", "allowed"),
    [
        ({"AUDIO_ENABLED": "ture"}, "AUDIO_ENABLED is 'ture'", "1, true, yes, on to turn it on"),
        ({"USAGE_COUNTS": "of"}, "USAGE_COUNTS is 'of'", "0, false, no, off to turn it off (unset: on)"),
        ({"LOCAL_DEMO": "y"}, "LOCAL_DEMO is 'y'", "1, true, yes, on"),
        ({"TOPIC_PAGES": "disabled"}, "TOPIC_PAGES is 'disabled'", "0, false, no, off"),
        ({"STATE_TTL_SECONDS": "a week"}, "STATE_TTL_SECONDS is 'a week'", "a whole number of seconds"),
        ({"CONTENT_MAX_AGE_DAYS": "-3"}, "CONTENT_MAX_AGE_DAYS is '-3'", "from 1 up"),
        ({"SPEECH_RATE": "900"}, "SPEECH_RATE is '900'", "from 60 to 400"),
        ({"LOG_LEVEL": "verbose"}, "LOG_LEVEL is 'verbose'", "DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        ({"PUBLIC_BASE_URL": "ftp://line.example.org"}, "PUBLIC_BASE_URL is 'ftp://line.example.org'",
         "https:// or http://"),
        ({"PUBLIC_BASE_URL": "line.example.org"}, "PUBLIC_BASE_URL is 'line.example.org'", "https://"),
        ({"PUBLIC_BASE_URL": "https://line.example.org:80a"}, "PUBLIC_BASE_URL", "a port must be a number"),
        ({"TWILIO_API_BASE_URL": "api.twilio.com"}, "TWILIO_API_BASE_URL is 'api.twilio.com'", "https://"),
        ({"STATE_URL": "postgres://db/line"}, "STATE_URL is 'postgres://db/line'", "sqlite:// or redis://"),
        ({"STATE_URL": "redis://cache:port/0"}, "STATE_URL", "a port must be a number"),
        ({"LINE_PHONE": "555-1234"}, "LINE_PHONE is '555-1234'", "e.g. +18005550100"),
        ({"VOICE_NAME": "Joanna"}, "VOICE_NAME is 'Joanna'", "Polly.Joanna"),
        ({"VOICE_LANGUAGE": "English"}, "VOICE_LANGUAGE is 'English'", "en-US"),
        ({"VOICE_LANGUAGE_ES": "en-US"}, "VOICE_LANGUAGE_ES is 'en-US'", "a Spanish language tag"),
        ({"CONTENT_DIR": "/no/such/folder"}, "CONTENT_DIR is '/no/such/folder'", "a folder that exists"),
        ({"RATE_LIMIT_TEXTS": "lots"}, "RATE_LIMIT_TEXTS is 'lots'", "15/minute;150/day"),
    ],
)
def test_a_value_not_understood_stops_the_start_with_its_name_value_and_what_is_allowed(
    env: dict[str, str], named: str, allowed: str
) -> None:
    with pytest.raises(ConfigError) as refused:
        Settings.from_env(env)
    assert named in str(refused.value) and allowed in str(refused.value)


def test_every_value_not_understood_is_named_at_once() -> None:
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"AUDIO_ENABLED": "ture", "USAGE_COUNTS": "of", "STATE_TTL_SECONDS": "1d"})
    assert [p.split(" ")[0] for p in refused.value.problems] == [
        "STATE_TTL_SECONDS", "AUDIO_ENABLED", "USAGE_COUNTS"]
    assert str(refused.value).startswith("3 settings are not understood")


@pytest.mark.parametrize("word", ["1", "true", "YES", " On ", "True"])
def test_every_way_of_saying_on_turns_a_flag_on(word: str) -> None:
    settings = Settings.from_env({"AUDIO_ENABLED": word, "USAGE_COUNTS": word, "LOCAL_DEMO": word})
    assert settings.audio_enabled and settings.usage_counts and settings.local_demo


@pytest.mark.parametrize("word", ["0", "false", "No", "OFF"])
def test_every_way_of_saying_off_turns_a_flag_off(word: str) -> None:
    settings = Settings.from_env({"USAGE_COUNTS": word, "TOPIC_PAGES": word})
    assert not settings.usage_counts and not settings.topic_pages


def test_blank_values_mean_the_defaults() -> None:
    blank = {name: " " for name in setting_names()}
    assert Settings.from_env(blank) == Settings()
    assert Server.from_env(blank) == Server()


def test_good_values_are_kept() -> None:
    settings = Settings.from_env({
        "STATE_URL": "redis://cache.internal:6379/0", "PUBLIC_BASE_URL": "https://line.example.org/",
        "VOICE_NAME": "Polly.Joanna-Neural", "VOICE_NAME_ES": "Google.es-US-Neural2-A",
        "VOICE_LANGUAGE_ES": "es-MX", "LOG_LEVEL": "warning", "LINE_PHONE": "+15551234567",
        "CONTENT_DIR": str(PROJECT_ROOT / "content"),
    })
    assert settings.state_url == "redis://cache.internal:6379/0"
    assert settings.public_base_url == "https://line.example.org"
    assert settings.say_voice("es") == ("Google.es-US-Neural2-A", "es-MX")
    assert settings.voice_name == "Polly.Joanna-Neural" and settings.log_level == "WARNING"


@pytest.mark.parametrize(
    ("env", "named"),
    [({"PORT": "80a"}, "PORT is '80a'"), ({"PORT": "70000"}, "to 65535"),
     ({"WORKERS": "0"}, "WORKERS is '0'"), ({"HOST": "0.0.0.0 8000"}, "HOST is '0.0.0.0 8000'")],
)
def test_the_servers_settings_are_strict_too(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(named)):
        Server.from_env(env)


def test_the_server_binds_ipv4_and_ipv6_addresses() -> None:
    assert Server.from_env({"HOST": "127.0.0.1", "PORT": "8080"}).bind == "127.0.0.1:8080"
    assert Server.from_env({"HOST": "::1"}).bind == "[::1]:8000"
    assert Server.from_env({"WORKERS": "4"}).workers == 4


def test_the_readme_settings_table_lists_every_setting_the_line_reads() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    in_table = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", section, flags=re.MULTILINE))
    in_text = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", section))
    server = {"HOST", "PORT", "WORKERS", "PROMETHEUS_MULTIPROC_DIR"}
    assert in_table == setting_names() - server
    assert server <= in_text


def test_a_metrics_token_too_short_is_refused_without_showing_it() -> None:
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"METRICS_TOKEN": "hunter2"})
    assert "METRICS_TOKEN is set, but not as needed" in str(refused.value)
    assert "at least 16 characters" in str(refused.value) and "hunter2" not in str(refused.value)
    assert Settings.from_env({"METRICS_TOKEN": "0123456789abcdef"}).metrics_token == "0123456789abcdef"


def test_a_password_in_a_url_not_understood_is_not_shown() -> None:
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"STATE_URL": "redis://:s3cret-pass@cache:63a9/0"})
    assert "redis://:***@cache:63a9/0" in str(refused.value) and "s3cret" not in str(refused.value)
