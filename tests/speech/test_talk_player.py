"""Playing the talking menu's lines: the sound check, stopping for a key, and files made once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.speech.clips import Clips
from service.speech.pace import Pace
from service.speech.player import Player, find_player
from service.speech.talk import EngineSpeaker, SoundSpeaker
from tests.speech.fake_player import FakePlayer, install
from tests.speech.test_talk import ALSA_BROKEN, ALSA_TO_FILE

LINES = ("Press 1.", "Press 2.")
NORMAL = Pace.starting(150, 120)


@pytest.fixture
def clips(tmp_path: Path) -> Iterator[Clips]:
    made = Clips("en-us", tmp_path / "clips")
    made.folder.mkdir()
    yield made
    made.close()


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakePlayer:
    player = install(tmp_path / "bin")
    monkeypatch.setenv("PATH", player.path)
    return player


def alsa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str) -> None:
    path = tmp_path / "asound.conf"
    path.write_text(config)
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(path))


def test_the_sound_check_passes_when_the_default_output_plays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alsa(tmp_path, monkeypatch, ALSA_TO_FILE.format(target=tmp_path / "played.raw"))
    player = find_player()
    assert player is not None and player.check() == ""
    assert (tmp_path / "played.raw").stat().st_size > 0


def test_the_sound_check_gives_the_player_s_reason_when_the_output_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alsa(tmp_path, monkeypatch, ALSA_BROKEN)
    player = find_player()
    assert player is not None
    assert player.check() == "aplay: audio open error: No such file or directory"


def test_the_sound_check_names_a_player_that_cannot_start(tmp_path: Path) -> None:
    assert "could not be started" in Player(str(tmp_path / "no-such-player")).check()


def test_a_chosen_output_device_is_passed_to_aplay() -> None:
    assert Player("aplay", ("-q",), "-D", "plughw:1,0").command(Path("x.wav")) == [
        "aplay", "-q", "-D", "plughw:1,0", "x.wav"
    ]


def test_with_no_key_each_line_plays_to_its_end_in_order(clips: Clips, fake: FakePlayer) -> None:
    speaker = SoundSpeaker(clips, Player("aplay"), warn=pytest.fail)
    speaker.speak(LINES, NORMAL, lambda seconds: time.sleep(seconds) or False)
    notes = [(n.event, Path(n.file).name) for n in fake.notes()]
    first, second = (name for event, name in notes if event == "start")
    assert notes == [("start", first), ("end", first), ("start", second), ("end", second)]


def test_a_key_stops_the_line_playing_and_the_lines_after_it(clips: Clips, fake: FakePlayer) -> None:
    speaker = SoundSpeaker(clips, Player("aplay"), warn=pytest.fail)
    long_line = ", ".join(["the liver is a very common place for breast cancer to spread"] * 3) + "."
    press_at: list[float] = []

    def pressed(seconds: float) -> bool:
        started = [n for n in fake.notes() if n.event == "start"]
        if started and time.time() - started[0].at > 0.5:
            press_at.append(time.time())
            return True
        time.sleep(seconds)
        return False

    speaker.speak((long_line, *LINES), NORMAL, pressed)
    notes = fake.notes()
    assert [n.event for n in notes] == ["start", "stopped"]
    assert notes[1].at - press_at[0] < 0.5
    assert notes[0].seconds > 5  # it was cut short well before its end


def test_while_a_line_plays_the_speeds_one_key_away_are_made_ready(clips: Clips, fake: FakePlayer) -> None:
    SoundSpeaker(clips, Player("aplay"), warn=pytest.fail).speak(LINES[:1], NORMAL, lambda _: False)
    assert clips.rates() == [120, 125, 150, 175]  # 7, minus, normal, plus
    faster, problem = clips.clip(LINES[0], 175, 1.0)
    assert faster is not None and not problem


def test_a_player_that_fails_mid_session_is_reported_once_and_speech_stops(
    clips: Clips, fake: FakePlayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    speaker = SoundSpeaker(clips, Player("aplay"), warn=warnings.append)
    monkeypatch.setenv("FAKE_PLAYER_FAIL", "1")
    speaker.speak(LINES, NORMAL, lambda _: False)
    speaker.speak(LINES, NORMAL, lambda _: False)
    assert len(warnings) == 1
    assert warnings[0].startswith("(Sound is not working: aplay: audio open error")


def test_a_line_is_rendered_once_per_rate_and_made_louder_without_clipping(clips: Clips) -> None:
    import numpy as np
    import soundfile

    normal, problem = clips.clip(LINES[0], 150, 1.0)
    assert normal is not None and not problem
    made = normal.stat().st_mtime_ns
    assert clips.clip(LINES[0], 150, 1.0) == (normal, "")
    assert normal.stat().st_mtime_ns == made
    loudest, _ = clips.clip(LINES[0], 150, 2.0)
    faster, _ = clips.clip(LINES[0], 200, 1.0)
    assert loudest is not None and faster is not None and len({normal, loudest, faster}) == 3
    quiet, _ = soundfile.read(str(normal))
    loud, _ = soundfile.read(str(loudest))
    assert np.abs(loud).max() < 0.999 and np.sqrt(np.mean(loud**2)) > 1.5 * np.sqrt(np.mean(quiet**2))
    assert soundfile.info(str(faster)).duration < soundfile.info(str(normal)).duration


def test_without_a_player_program_the_engine_speaks_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured = tmp_path / "played.raw"
    alsa(tmp_path, monkeypatch, ALSA_TO_FILE.format(target=captured))
    speaker = EngineSpeaker("en-us", warn=pytest.fail)
    try:
        speaker.speak(LINES, NORMAL, lambda _: False)
    finally:
        speaker.close()
    seconds = captured.stat().st_size / (22050 * 2)
    words = sum(len(line.split()) for line in LINES)
    assert 0.25 * words <= seconds <= 0.8 * words
