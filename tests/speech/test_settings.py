"""The speech settings are read from the environment, and a bad value names its variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.config import Settings
from service.errors import ConfigError


def test_defaults_are_audio_off_an_american_voice_and_about_150_words_a_minute() -> None:
    settings = Settings.from_env({})
    assert settings.audio_enabled is False and settings.audio_dir is None
    assert dict(settings.speech_voices)["en"] == "en-us"
    assert (settings.speech_rate, settings.speech_slow_rate) == (150, 120)


def test_every_speech_setting_is_read() -> None:
    settings = Settings.from_env({
        "AUDIO_ENABLED": "yes", "AUDIO_DIR": "/srv/audio", "SPEECH_VOICE": "en-gb",
        "SPEECH_RATE": "160", "SPEECH_SLOW_RATE": "110",
    })
    assert settings.audio_enabled and settings.audio_dir == Path("/srv/audio")
    assert dict(settings.speech_voices) == {"en": "en-gb", "es": "es-419"}
    assert (settings.speech_rate, settings.speech_slow_rate) == (160, 110)


def test_a_voice_per_language() -> None:
    settings = Settings.from_env({"SPEECH_VOICE": "en=en-us, es=es"})
    assert dict(settings.speech_voices) == {"en": "en-us", "es": "es"}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SPEECH_RATE": "fast"}, "SPEECH_RATE is 'fast': use a whole number of words a minute"),
        ({"SPEECH_RATE": "900"}, "SPEECH_RATE is '900': use a whole number of words a minute from 60 to 400"),
        ({"SPEECH_SLOW_RATE": "150"}, "SPEECH_SLOW_RATE \\(150\\) must be below SPEECH_RATE \\(150\\)"),
        ({"SPEECH_VOICE": "en="}, "SPEECH_VOICE must look like"),
        ({"SPEECH_VOICE": "=en-us"}, "SPEECH_VOICE must look like"),
    ],
)
def test_bad_values_stop_the_start_naming_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)
