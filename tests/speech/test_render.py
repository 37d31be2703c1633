"""Rendering all content: every recording real, phone-ready and cached; `flask audio render` reports."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
import soundfile
from flask import Flask

from service.speech import render as render_module
from service.speech.audio import expected_seconds
from service.speech.cache import AudioCache
from service.speech.lines import Line
from service.speech.render import AudioJob, RenderReport, render_audio


def test_every_line_is_rendered_at_both_rates_as_8khz_mono_ulaw(
    first_render: tuple[Path, RenderReport], audio_jobs: list[AudioJob]
) -> None:
    folder, report = first_render
    assert len(report.rendered) == report.planned == len(audio_jobs)
    assert AudioCache(folder).names() == {job.name for job in audio_jobs}
    for job in audio_jobs:
        info = soundfile.info(str(folder / f"{job.name}.wav"))
        assert (info.samplerate, info.channels, info.subtype) == (8000, 1, "ULAW"), job.label


def test_seconds_per_word_is_close_to_the_rate_across_all_content(
    first_render: tuple[Path, RenderReport],
) -> None:
    _, report = first_render
    for rate in (150, 120):
        facts = [(job, f) for job, f in report.rendered if job.rate == rate]
        words = sum(job.line.words for job, _ in facts)
        seconds = sum(f.seconds for _, f in facts)
        heard_per_minute = words / seconds * 60
        assert rate * 0.9 <= heard_per_minute <= rate * 1.1, (rate, heard_per_minute)
        for job, f in facts:
            # A line of two or three words is mostly the voice's own lead-in and pause ("9 repite.").
            most = 1.8 if job.line.words > 3 else 2.5
            assert 0.5 <= f.seconds / expected_seconds(job.line.words, rate) <= most, job.label


def test_each_slow_recording_is_longer_than_its_normal_one(first_render: tuple[Path, RenderReport]) -> None:
    _, report = first_render
    seconds = {(job.line.text, job.rate): f.seconds for job, f in report.rendered}
    for (text, rate), normal in seconds.items():
        if rate == 150 and (text, 120) in seconds:  # a topic page's whole text has no slow recording
            assert 1.1 <= seconds[(text, 120)] / normal <= 1.4, text


def test_flask_audio_render_renders_only_what_is_missing_then_nothing(
    make_app: Callable[..., Flask], audio_copy: Path, audio_jobs: list[AudioJob]
) -> None:
    for job in audio_jobs[:3]:
        (audio_copy / f"{job.name}.wav").unlink()
    runner = make_app(audio_dir=audio_copy).test_cli_runner()
    first = runner.invoke(args=["audio", "render"])
    assert first.exit_code == 0, first.output
    assert "Rendering 3 recordings" in first.output
    assert f"Rendered 3 recordings ({len(audio_jobs) - 3} were cached)" in first.output
    assert "Audio is off: set AUDIO_ENABLED=1" in first.output
    second = runner.invoke(args=["audio", "render"])
    assert second.exit_code == 0, second.output
    assert f"Nothing to render: all {len(audio_jobs)} recordings are already in the cache." in second.output
    assert "Rendering" not in second.output


def test_a_changed_prompt_renders_only_its_own_two_recordings(
    make_app: Callable[..., Flask], audio_copy: Path, content_copy: Path
) -> None:
    prompts = content_copy / "prompts.yaml"
    text = prompts.read_text()
    prompts.write_text(text.replace("Sorry, I did not catch that.", "Sorry, I did not hear that well."))
    app = make_app(audio_dir=audio_copy, content_dir=content_copy)
    result = app.test_cli_runner().invoke(args=["audio", "render", "--prune"])
    assert result.exit_code == 0, result.output
    assert "Rendered 2 recordings" in result.output
    assert "Pruned 2 recordings no current line uses." in result.output
    status = app.test_cli_runner().invoke(args=["audio", "status"])
    assert status.exit_code == 0 and "Audio is off" in status.output


def test_failures_are_reported_by_text_id_and_fail_the_command(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    app = make_app(audio_dir=tmp_path / "audio", speech_voices=(("en", "zz-no-such-voice"),))
    result = app.test_cli_runner().invoke(args=["audio", "render"])
    assert result.exit_code == 1
    assert "no installed voice matches 'zz-no-such-voice'" in result.output
    assert "en:prompt:welcome (rate 150)" in result.output
    assert "recordings failed; calls say those lines with <Say>" in result.output


def test_an_audio_folder_that_cannot_be_written_stops_the_render_with_its_name(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = make_app(audio_dir=blocker / "audio").test_cli_runner().invoke(args=["audio", "render"])
    assert result.exit_code == 1
    assert "not-a-folder/audio cannot be written" in result.output


def test_audio_status_fails_when_recordings_are_missing(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    result = make_app(audio_dir=tmp_path / "empty").test_cli_runner().invoke(args=["audio", "status"])
    assert result.exit_code == 1
    assert "recordings are missing: run `flask audio render`" in result.output


@pytest.mark.parametrize("rate", [150, 120])
def test_recordings_are_small_enough_for_a_phone_line(
    first_render: tuple[Path, RenderReport], rate: int
) -> None:
    _, report = first_render
    for job, facts in report.rendered:
        if job.rate == rate:
            assert facts.size <= facts.seconds * 8000 + 100, job.label


def test_renders_that_keep_hanging_are_reported_and_the_rest_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "TIMEOUT_PER_WORD_SECONDS", 0.0)
    sentence = "Tell your care team about any new pain, and call 911 if it is an emergency. "
    lines = [Line("en", sentence * 100 + str(n), f"en:test:long-{n}") for n in range(5)]
    jobs = [AudioJob(line, "en-us", 150) for line in lines]
    started = time.monotonic()
    report = render_audio(jobs, AudioCache(tmp_path / "audio"), timeout=0.3)
    assert time.monotonic() - started < 10
    problems = {job.line.text_id: problem for job, problem in report.failed}
    assert len(problems) == 5 and not report.rendered
    assert all("timed out after 0.3 s" in problems[f"en:test:long-{n}"] for n in range(3))
    assert problems["en:test:long-4"] == "not tried: the 3 before it failed in a row"
    assert [p.name for p in (tmp_path / "audio").iterdir()] == []
