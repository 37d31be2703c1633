"""The render worker with the real engine: real speech at each rate, and faults reported, not waited on."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from service.speech.audio import check_speech, expected_seconds
from service.speech.engine import EngineError, engine_text, pick_voice
from service.speech.worker import Job, SpeechWorker

SENTENCE = "Tell your care team about any new pain, and call 911 if it is an emergency."
WORDS = len(SENTENCE.split())


@pytest.fixture(scope="module")
def normal_worker():
    with SpeechWorker("en-us", 150) as worker:
        yield worker


def test_renders_real_speech_as_22khz_mono_wav_of_plausible_length(
    normal_worker: SpeechWorker, tmp_path: Path
) -> None:
    path = tmp_path / "one.wav"
    outcome = normal_worker.run(Job("t:one", SENTENCE, path), timeout=20)
    assert outcome.ok, outcome.problem
    facts = check_speech(path, WORDS, 150)
    assert (facts.sample_rate, facts.channels, facts.subtype) == (22050, 1, "PCM_16")
    assert 0.3 <= facts.seconds / WORDS <= 0.7
    assert normal_worker.voice_id.endswith("en-us")


def test_the_slower_rate_really_is_slower(normal_worker: SpeechWorker, tmp_path: Path) -> None:
    fast, slow = tmp_path / "fast.wav", tmp_path / "slow.wav"
    assert normal_worker.run(Job("t:fast", SENTENCE, fast), timeout=20).ok
    with SpeechWorker("en-us", 120) as slow_worker:
        assert slow_worker.run(Job("t:slow", SENTENCE, slow), timeout=20).ok
    ratio = check_speech(slow, WORDS, 120).seconds / check_speech(fast, WORDS, 150).seconds
    assert 1.15 <= ratio <= 1.4, ratio


def test_each_of_many_renders_in_one_worker_is_complete(normal_worker: SpeechWorker, tmp_path: Path) -> None:
    durations = []
    for n in range(12):
        path = tmp_path / f"{n}.wav"
        assert normal_worker.run(Job(f"t:{n}", SENTENCE, path), timeout=20).ok
        durations.append(check_speech(path, WORDS, 150).seconds)
    assert max(durations) - min(durations) < 0.05, durations


def test_a_render_that_overruns_is_stopped_and_reported_and_the_next_one_works(tmp_path: Path) -> None:
    long_text = " ".join([SENTENCE] * 100)  # 1,500 words: about 7 s to render here
    with SpeechWorker("en-us", 150) as worker:
        started = time.monotonic()
        outcome = worker.run(Job("t:long", long_text, tmp_path / "long.wav"), timeout=0.5)
        assert time.monotonic() - started < 5
        assert not outcome.ok and "timed out after 0.5 s" in outcome.problem
        assert outcome.text_id == "t:long"
        after = worker.run(Job("t:after", SENTENCE, tmp_path / "after.wav"), timeout=20)
    assert after.ok, after.problem
    check_speech(tmp_path / "after.wav", WORDS, 150)


def test_a_worker_that_dies_mid_render_is_reported(tmp_path: Path) -> None:
    with SpeechWorker("en-us", 150) as worker:
        assert worker.run(Job("t:warm", SENTENCE, tmp_path / "warm.wav"), timeout=20).ok
        assert worker._process is not None
        threading.Timer(0.3, os.kill, (worker._process.pid, signal.SIGKILL)).start()
        outcome = worker.run(Job("t:long", " ".join([SENTENCE] * 100), tmp_path / "long.wav"), timeout=20)
    assert outcome.problem == "the speech worker died (exit code -9)"


def test_text_too_long_for_the_engine_is_refused_before_it_can_crash_it(
    normal_worker: SpeechWorker, tmp_path: Path
) -> None:
    outcome = normal_worker.run(Job("t:huge", "word " * 5000, tmp_path / "huge.wav"), timeout=20)
    assert "too long for one utterance" in outcome.problem


def test_a_folder_that_cannot_be_written_is_reported_at_once(
    normal_worker: SpeechWorker, tmp_path: Path
) -> None:
    started = time.monotonic()
    outcome = normal_worker.run(Job("t:nowhere", SENTENCE, tmp_path / "missing" / "x.wav"), timeout=20)
    assert time.monotonic() - started < 5
    assert "cannot write" in outcome.problem and "missing" in outcome.problem


def test_an_engine_that_cannot_start_fails_every_job_quickly_with_the_reason(tmp_path: Path) -> None:
    with SpeechWorker("zz-no-such-voice", 150) as worker:
        first = worker.run(Job("t:a", SENTENCE, tmp_path / "a.wav"), timeout=20)
        started = time.monotonic()
        second = worker.run(Job("t:b", SENTENCE, tmp_path / "b.wav"), timeout=20)
        assert time.monotonic() - started < 0.5
    assert "no installed voice matches 'zz-no-such-voice'" in first.problem
    assert second.problem == first.problem


def test_a_worker_that_does_not_start_in_time_is_reported(tmp_path: Path) -> None:
    with SpeechWorker("en-us", 150, start_timeout=0.001) as worker:
        outcome = worker.run(Job("t:a", SENTENCE, tmp_path / "a.wav"), timeout=20)
    assert "did not start within" in outcome.problem


def _voice(id: str, name: str = "", languages: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(id=id, name=name, languages=list(languages))


@pytest.mark.parametrize(
    ("wanted", "chosen"),
    [
        ("gmw/en-US", "gmw/en-us"),       # an exact id, any case
        ("en-us", "gmw/en-us"),           # a language, as espeak-ng lists it
        ("en_US", "com.apple.Samantha"),  # a language, as macOS lists it
        ("zira", "HKEY\\Zira"),           # part of a name, as Windows lists it
    ],
)
def test_pick_voice_finds_a_voice_by_id_language_or_name(wanted: str, chosen: str) -> None:
    voices = [
        _voice("gmw/en", "English (Great Britain)", ("en-gb",)),
        _voice("com.apple.Samantha", "Samantha", ("en_US",)) if "_" in wanted else _voice("x", "x"),
        _voice("gmw/en-us", "English (America)", ("en-us",)),
        _voice("HKEY\\Zira", "Microsoft Zira Desktop"),
    ]
    assert pick_voice(voices, wanted) == chosen


def test_pick_voice_names_installed_voices_when_none_matches() -> None:
    with pytest.raises(EngineError, match="gmw/en"):
        pick_voice([_voice("gmw/en", "English", ("en-gb",))], "xx")


def test_expected_length_follows_the_rate() -> None:
    assert expected_seconds(150, 150) == pytest.approx(60)
    assert expected_seconds(120, 120) == pytest.approx(60)


@pytest.mark.parametrize(("said", "as_digits", "as_hundreds"), [
    ("Call 911.", "Call 9 1 1.", "Call nine hundred eleven."),
    ("Call or text 988.", "Call or text 9 8 8.", "Call or text nine hundred eighty-eight."),
])
def test_911_and_988_are_said_digit_by_digit_as_people_say_them(
    normal_worker: SpeechWorker, tmp_path: Path, said: str, as_digits: str, as_hundreds: str
) -> None:
    """espeak-ng alone says "nine hundred eleven": the recording is as long as "nine one one"."""
    import soundfile

    seconds = {}
    for name, text in (("said", said), ("digits", as_digits), ("hundreds", as_hundreds)):
        path = tmp_path / f"{name}.wav"
        assert normal_worker.run(Job(name, text, path), 20).ok
        seconds[name] = soundfile.info(str(path)).duration
    assert abs(seconds["said"] - seconds["digits"]) < 0.02, seconds
    assert abs(seconds["said"] - seconds["hundreds"]) > 0.1, seconds


def test_a_phone_number_with_911_inside_is_left_as_it_is() -> None:
    assert engine_text("Call 1-800-911-0100, or 911.") == "Call 1-800-911-0100, or 9 1 1."
