"""Calls play the recordings when audio is on and they exist, and fall back to <Say> otherwise."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask

from service.content import Content
from service.core.wording import turn_lines
from service.speech import cache as cache_module
from service.speech.cache import audio_name
from service.speech.render import AudioJob
from service.web.runtime import runtime_of
from service.web.twilio.simulate import Heard, TwilioSimulator
from tests.speech.conftest import AudioAppFactory
from tests.twiml import twiml_errors


def plays(heard: Heard) -> list[str]:
    """The URL of every <Play>, in order."""
    assert heard.root is not None, heard.xml
    return [(el.text or "").strip() for el in heard.root.iter("Play")]


def names(heard: Heard) -> list[str]:
    return [Path(urlsplit(url).path).stem for url in plays(heard)]


def heard_lines(app: Flask, content: Content, *keys: str) -> tuple[str, ...]:
    """What the navigation core says after these keys, to compare with what is played."""
    calls = runtime_of(app).calls
    turn = calls.chosen("en")  # the caller picked English at the opening
    for key in keys:
        turn = calls.press(turn.state, key)
    return turn_lines(content, turn)


def test_with_audio_on_every_line_of_the_welcome_is_played_not_said(
    audio_app: AudioAppFactory, content: Content
) -> None:
    app = audio_app()
    heard = TwilioSimulator(app, lang="en").dial()
    assert heard.status == 200 and heard.says == []
    expected = [audio_name(line, "en-us", 150) for line in heard_lines(app, content)]
    assert names(heard) == expected
    assert all(url.startswith("/audio/") and url.endswith(".wav") for url in plays(heard))
    assert heard.root is not None and heard.root.find("Gather/Play") is not None
    assert twiml_errors(heard.xml) == []


def test_the_slower_key_switches_to_the_slower_recordings_and_says_so(
    audio_app: AudioAppFactory, content: Content
) -> None:
    app = audio_app()
    phone = TwilioSimulator(app, lang="en")
    phone.dial()
    heard = phone.press("7")
    slower = heard_lines(app, content, "7")
    assert slower[0] == content.prompt("slower_on", key="7")
    assert names(heard) == [audio_name(line, "en-us", 120) for line in slower]
    later = phone.press("1")
    assert names(later) == [audio_name(line, "en-us", 120) for line in heard_lines(app, content, "7", "1")]
    assert later.says == []


def test_recordings_play_from_the_public_base_url_when_one_is_set(audio_app: AudioAppFactory) -> None:
    app = audio_app(public_base_url="https://line.example.org")
    heard = TwilioSimulator(app, lang="en").dial()
    assert plays(heard) and all(url.startswith("https://line.example.org/audio/") for url in plays(heard))


def test_every_played_url_is_served(audio_app: AudioAppFactory) -> None:
    app = audio_app()
    phone = TwilioSimulator(app, lang="en")
    client = app.test_client()
    for heard in (phone.dial(), phone.press("2"), phone.press("1"), phone.press("7")):
        for url in plays(heard):
            with client.get(url) as response:
                assert response.status_code == 200 and response.mimetype == "audio/wav", url


def test_with_audio_off_every_line_is_said(make_app, rendered: Path) -> None:
    heard = TwilioSimulator(make_app(audio_dir=rendered), lang="en").dial()
    assert plays(heard) == [] and heard.says


def test_with_audio_on_but_nothing_rendered_lines_are_said_and_slowed_with_prosody(
    audio_app: AudioAppFactory, tmp_path: Path
) -> None:
    phone = TwilioSimulator(audio_app(audio_dir=tmp_path / "empty"), lang="en")
    assert phone.dial().says and not plays(phone.press("9"))
    slow = phone.press("7")
    assert slow.says and plays(slow) == []
    assert slow.root is not None and slow.root.find(".//Say/prosody") is not None


def test_a_missing_recording_falls_back_to_say_for_that_line_only(
    audio_app: AudioAppFactory, audio_copy: Path, content: Content
) -> None:
    welcome = content.prompt("welcome")
    (audio_copy / f"{audio_name(welcome, 'en-us', 150)}.wav").unlink()
    heard = TwilioSimulator(audio_app(audio_dir=audio_copy), lang="en").dial()
    assert heard.says == [welcome]
    assert len(plays(heard)) == len(heard_lines(audio_app(audio_dir=audio_copy), content)) - 1


def test_a_failing_cache_lookup_never_fails_the_call(
    audio_app: AudioAppFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: object, name: str) -> bool:
        raise OSError("disk gone")

    app = audio_app()
    monkeypatch.setattr(cache_module.AudioCache, "has", broken)
    heard = TwilioSimulator(app, lang="en").dial()
    assert heard.status == 200 and heard.says and plays(heard) == []
    assert "looking up a recording failed" in caplog.text


def test_a_failing_check_at_start_is_logged_and_the_app_still_starts(
    audio_app: AudioAppFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: object, name: str) -> bool:
        raise OSError("disk gone")

    monkeypatch.setattr(cache_module.AudioCache, "has", broken)
    heard = TwilioSimulator(audio_app(), lang="en").dial()
    assert heard.status == 200 and heard.says
    assert "could not check the recordings" in caplog.text


def test_start_warns_when_audio_is_on_but_recordings_are_missing(
    audio_app: AudioAppFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture, audio_jobs: list[AudioJob]
) -> None:
    audio_app(audio_dir=tmp_path / "empty")
    assert f"{len(audio_jobs)} of {len(audio_jobs)} recordings are missing" in caplog.text
    assert "flask audio render" in caplog.text


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "i want to end my life"), ("es", "ya no quiero vivir"),
     ("en", "my mother just had a seizure"), ("es", "tengo fiebre de 39 con la quimio")],
)
def test_with_audio_on_the_lifeline_and_each_signs_first_sentence_are_played_not_said(
    audio_app: AudioAppFactory, lang: str, words: str
) -> None:
    phone = TwilioSimulator(audio_app(), lang=lang)
    phone.dial()
    heard = phone.speak(words)
    assert heard.status == 200 and plays(heard), heard.xml
    assert heard.says == [], f"said with <Say>, not recorded: {heard.says}"
