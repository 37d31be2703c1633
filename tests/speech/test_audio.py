"""The audio checks reject what hazards produce (no file, header only, silence, cut short), and names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from service.speech.audio import AudioProblem, check_speech, to_telephone
from service.speech.cache import NAME_PATTERN, AudioCache, audio_name

RATE = 22050


def tone(path: Path, seconds: float, amplitude: float = 0.3, rate: int = RATE) -> Path:
    """A stand-in for speech: a tone of a given length."""
    t = np.arange(int(seconds * rate)) / rate
    soundfile.write(str(path), amplitude * np.sin(2 * np.pi * 220 * t), rate, subtype="PCM_16")
    return path


def test_a_plausible_file_passes_with_its_facts(tmp_path: Path) -> None:
    facts = check_speech(tone(tmp_path / "ok.wav", 4.0), words=10, rate=150)
    assert facts.seconds == pytest.approx(4.0)
    assert (facts.sample_rate, facts.channels, facts.subtype) == (RATE, 1, "PCM_16")


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p, "no file was written"),
        (lambda p: tone(p, 0.0), "only a 44-byte header"),
        (lambda p: tone(p, 4.0, amplitude=0.0), "silent"),
        (lambda p: tone(p, 0.5), "0.5 s of audio for 10 words"),
        (lambda p: tone(p, 30.0), "30.0 s of audio for 10 words"),
        (lambda p: p.write_bytes(b"RIFF not really a wave file") and p, "not a readable audio file"),
    ],
    ids=["missing", "header-only", "silent", "cut-short", "far-too-long", "garbage"],
)
def test_bad_files_are_rejected_with_the_reason(tmp_path: Path, make, problem: str) -> None:
    path = make(tmp_path / "bad.wav")
    with pytest.raises(AudioProblem, match=problem):
        check_speech(path, words=10, rate=150)


def test_the_sample_rate_is_checked_when_asked(tmp_path: Path) -> None:
    with pytest.raises(AudioProblem, match="22050 Hz, not 8000 Hz"):
        check_speech(tone(tmp_path / "x.wav", 4.0), words=10, rate=150, sample_rate=8000)


def test_conversion_gives_8khz_mono_ulaw_of_the_same_length(tmp_path: Path) -> None:
    target = tmp_path / "phone.wav"
    to_telephone(tone(tmp_path / "raw.wav", 4.0), target)
    info = soundfile.info(str(target))
    assert (info.samplerate, info.channels, info.subtype, info.format) == (8000, 1, "ULAW", "WAV")
    assert info.duration == pytest.approx(4.0, abs=0.01)
    assert target.stat().st_size == pytest.approx(4.0 * 8000 + 58, abs=100)


def test_install_leaves_only_the_checked_file_and_nothing_half_written(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path / "cache")
    cache.prepare()
    name = audio_name("Hello there, this is a test of ten words.", "en-us", 150)
    facts = cache.install(tone(tmp_path / "raw.wav", 4.0), name, words=10, rate=150)
    assert facts.sample_rate == 8000
    assert [p.name for p in cache.root.iterdir()] == [f"{name}.wav"]
    with pytest.raises(AudioProblem):
        cache.install(tone(tmp_path / "silent.wav", 4.0, amplitude=0), "0" * 32, words=10, rate=150)
    assert [p.name for p in cache.root.iterdir()] == [f"{name}.wav"]


def test_names_are_hex_hashes_that_change_with_text_voice_and_rate() -> None:
    base = audio_name("Goodbye.", "en-us", 150)
    assert NAME_PATTERN.fullmatch(base)
    assert base == audio_name("Goodbye.", "en-us", 150)
    others = {audio_name("Goodbye!", "en-us", 150), audio_name("Goodbye.", "en-gb", 150),
              audio_name("Goodbye.", "en-us", 120)}
    assert base not in others and len(others) == 3


@pytest.mark.parametrize("name", ["../state", "A" * 32, "0" * 31, "0" * 33, "0" * 31 + "/", ""])
def test_the_cache_refuses_any_name_but_a_hash(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        AudioCache(tmp_path).path(name)


def test_a_folder_that_cannot_be_made_is_named_in_the_error(tmp_path: Path) -> None:
    from service.speech.cache import AudioCacheError

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(AudioCacheError, match="a-file/audio cannot be written"):
        AudioCache(blocker / "audio").prepare()


def test_conversion_keeps_a_short_pause_after_the_last_sound(tmp_path: Path) -> None:
    """espeak ends a line with ~0.4 s of silence; a caller hears lines back to back, so 0.2 s is kept."""
    t = np.arange(int(2.0 * RATE)) / RATE
    speech = np.concatenate([0.3 * np.sin(2 * np.pi * 220 * t), np.zeros(int(0.8 * RATE))])
    soundfile.write(str(tmp_path / "raw.wav"), speech, RATE, subtype="PCM_16")
    to_telephone(tmp_path / "raw.wav", tmp_path / "phone.wav")
    assert soundfile.info(str(tmp_path / "phone.wav")).duration == pytest.approx(2.2, abs=0.02)
