"""Finished TwiML is kept per distinct turn, and never serves a caller something stale or foreign."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from service.speech.cache import SUFFIX, audio_name
from service.speech.render import rate_for, voice_for
from service.web.rendered import RenderedTwiml
from service.web.runtime import runtime_of
from service.web.twilio.simulate import TwilioSimulator
from tests.conftest import AppFactory


def test_a_full_map_forgets_its_oldest_entry_first() -> None:
    rendered = RenderedTwiml(max_entries=2)
    built: list[str] = []

    def build(key: str) -> str:
        built.append(key)
        return f"<Response>{key}</Response>"

    for key in ("a", "b", "a", "c", "b", "a"):
        rendered.get(key, lambda key=key: build(key))
    assert built == ["a", "b", "c", "a"]  # "a" again after "c" pushed it out; "b" was still there
    assert len(rendered) == 2


def test_two_calls_at_the_same_place_hear_the_same_twiml_built_once(app: Flask) -> None:
    first, second = TwilioSimulator(app, lang="en"), TwilioSimulator(app, lang="en")
    assert first.dial("+15555550101").xml == second.dial("+15555550102").xml  # two new callers
    kept = len(runtime_of(app).rendered)
    symptoms = first.press("4")
    assert "For bones, press 1." in symptoms.text
    assert second.press("4").xml == symptoms.xml
    assert len(runtime_of(app).rendered) == kept + 1


def test_a_line_mounted_under_a_prefix_points_its_gather_there(app: Flask) -> None:
    plain = TwilioSimulator(app).dial()
    params = {"CallSid": "CA" + "1" * 32, "From": "+15555550100", "To": "+15555550199"}
    signature = TwilioSimulator(app).validator.compute_signature("http://localhost/line/voice", params)
    mounted = app.test_client().post(
        "/voice", data=params, headers={"X-Twilio-Signature": signature}, base_url="http://localhost/line"
    )
    assert plain.root.find("Gather").get("action") == "/voice/input?opening=1"
    assert b'action="/line/voice/input?opening=1"' in mounted.data


def test_a_recording_made_while_the_line_runs_is_played_at_the_next_call(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "audio"
    folder.mkdir()
    app = make_app(audio_enabled=True, audio_dir=folder)
    before = TwilioSimulator(app).dial()
    assert before.root.find("Gather/Play") is None
    welcome = before.says[0]
    settings = runtime_of(app).settings
    name = audio_name(welcome, voice_for(settings, "en"), rate_for(settings, False))
    (folder / f"{name}{SUFFIX}").write_bytes(b"RIFF")  # as `flask audio render` leaves it, for the lookup
    after = TwilioSimulator(app).dial()
    assert after.root.find("Gather/Play").text.endswith(f"/audio/{name}.wav")
