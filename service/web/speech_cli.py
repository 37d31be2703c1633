"""`flask audio render|status` for the phone line's recordings, and `flask talk`, the talking menu."""

from __future__ import annotations

import platform
import shutil
import threading
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

from service.checker import load_checked
from service.config import Settings
from service.content import Content, ContentError
from service.core.calls import CallNavigator
from service.speech.cache import AudioCacheError
from service.speech.render import (
    DEFAULT_TIMEOUT_SECONDS,
    AudioJob,
    RenderReport,
    missing_jobs,
    plan_audio,
    rate_for,
    render_audio,
    voice_for,
)
from service.speech.talk import LargePrint, Silent, Speaker, TalkingMenu, WorkerSpeaker, read_entry
from service.web.audio import audio_cache
from service.web.runtime import runtime

MAX_LISTED_FAILURES = 5
MAX_PRINT_WIDTH = 100


def init_app(app: Flask) -> None:
    """Register the speech commands on an app."""
    app.cli.add_command(audio_group)
    app.cli.add_command(talk_command)


@click.group("audio")
def audio_group() -> None:
    """Recordings of every line for the phone line to play (AUDIO_ENABLED=1)."""


@audio_group.command("render")
@click.option("--timeout", default=DEFAULT_TIMEOUT_SECONDS, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds one recording may take (plus a little per word) before it is stopped.")
@click.option("--prune", is_flag=True, help="Also delete recordings that no current line uses.")
@with_appcontext
def render_command(timeout: float, prune: bool) -> None:
    """Render every prompt and topic, at normal and slower speed, for each language; skip cached ones."""
    rt = runtime()
    cache = audio_cache()
    jobs = plan_audio(rt.content, rt.settings)
    click.echo(f"Audio folder: {cache.root}")
    click.echo(f"Voices: {_voices(jobs)}; rates {rt.settings.speech_rate} (normal) and "
               f"{rt.settings.speech_slow_rate} (slower) words a minute")
    todo = len(missing_jobs(jobs, cache))
    try:
        if todo:
            report = _render_with_bar(jobs, timeout, todo)
        else:
            report = render_audio(jobs, cache)
    except AudioCacheError as error:
        raise click.ClickException(str(error)) from None
    _tell(report)
    if prune:
        _prune(jobs)
    if not rt.settings.audio_enabled:
        click.echo("Audio is off: set AUDIO_ENABLED=1 so calls play these recordings.")
    if report.failed:
        raise click.ClickException(
            f"{len(report.failed)} of {report.planned} recordings failed; calls say those lines with <Say>."
        )


@audio_group.command("status")
@with_appcontext
def status_command() -> None:
    """How many of the recordings the current content needs are in the cache."""
    rt = runtime()
    jobs = plan_audio(rt.content, rt.settings)
    missing = missing_jobs(jobs, audio_cache())
    state = "on" if rt.settings.audio_enabled else "off (AUDIO_ENABLED)"
    click.echo(f"Audio is {state}. {len(jobs) - len(missing)} of {len(jobs)} recordings are in "
               f"{audio_cache().root}.")
    if missing:
        raise click.ClickException(f"{len(missing)} recordings are missing: run `flask audio render`.")


def _talk_options(command: Callable[..., None]) -> Callable[..., None]:
    """The talking menu's options, shared by the app's command and the stand-alone one."""
    for option in reversed((
        click.option("--to-folder", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Write what would be spoken to numbered WAV files here, instead of the speakers."),
        click.option("--silent", is_flag=True, help="Show the words only; speak nothing."),
        click.option("--plain", is_flag=True,
                     help="Framed titles, not big letters (better with screen readers)."),
        click.option("--lang", default="en", show_default=True, help="The content language."),
    )):
        command = option(command)
    return command


@click.command("talk")
@_talk_options
@with_appcontext
def talk_command(to_folder: Path | None, silent: bool, plain: bool, lang: str) -> None:
    """The phone menus on this computer: it speaks, you press number keys (or type a word)."""
    rt = runtime()
    _talk(rt.settings, rt.content, rt.calls, to_folder, silent, plain, lang)


@click.command("talk")
@_talk_options
def standalone_talk_command(to_folder: Path | None, silent: bool, plain: bool, lang: str) -> None:
    """The phone menus on this computer: it speaks, you press number keys (or type a word).

    Needs no Twilio token and no network: the content comes from CONTENT_DIR (default content/).
    """
    settings = Settings.from_env()
    try:
        content = load_checked(settings.content_dir)
    except ContentError as error:
        raise click.ClickException(str(error)) from error
    _talk(settings, content, CallNavigator(content), to_folder, silent, plain, lang)


def _talk(
    settings: Settings, content: Content, calls: CallNavigator,
    to_folder: Path | None, silent: bool, plain: bool, lang: str,
) -> None:
    """Run the talking menu until the person quits or the call would end."""
    if lang not in content.languages:
        raise click.BadParameter(f"choose one of {', '.join(content.languages)}", param_hint="--lang")
    speaker = _speaker(settings, lang, to_folder, silent)
    width = min(shutil.get_terminal_size().columns, MAX_PRINT_WIDTH)
    screen = LargePrint(click.echo, width=width, banner=not plain)
    try:
        TalkingMenu(content, calls, speaker, screen, lang).run(read_entry)
    finally:
        speaker.close()
    click.echo("Goodbye.")


def _speaker(settings: Settings, lang: str, to_folder: Path | None, silent: bool) -> Speaker:
    """Speakers, files, or nothing; says so when this computer cannot play sound."""
    if silent:
        return Silent()
    if to_folder is None and platform.system() == "Linux" and shutil.which("aplay") is None:
        click.echo("(No aplay here, so nothing can be heard: install alsa-utils. The words are shown.)")
    rates = (rate_for(settings, False), rate_for(settings, True))
    return WorkerSpeaker(voice_for(settings, lang), rates, to_folder, click.echo)


def _render_with_bar(jobs: list[AudioJob], timeout: float, todo: int) -> RenderReport:
    """Render with a progress bar that moves as each recording is checked and stored."""
    lock = threading.Lock()
    with click.progressbar(length=todo, label=f"Rendering {todo} recordings", show_pos=True) as bar:

        def advance(_job: AudioJob, _problem: str) -> None:
            with lock:
                bar.update(1)

        return render_audio(jobs, audio_cache(), timeout=timeout, progress=advance)


def _tell(report: RenderReport) -> None:
    """What the render did, with failures grouped by cause and named by text id."""
    if not report.rendered and not report.failed:
        click.echo(f"Nothing to render: all {report.planned} recordings are already in the cache.")
        return
    if report.rendered:
        click.echo(
            f"Rendered {len(report.rendered)} recordings ({report.cached} were cached): "
            f"{report.audio_seconds / 60:.1f} minutes of speech, {report.size / 1e6:.1f} MB, "
            f"in {report.wall_seconds:.1f} s."
        )
    causes: dict[str, list[str]] = defaultdict(list)
    for job, problem in report.failed:
        causes[problem].append(job.label)
    for problem, labels in causes.items():
        shown = ", ".join(labels[:MAX_LISTED_FAILURES])
        more = f" and {len(labels) - MAX_LISTED_FAILURES} more" if len(labels) > MAX_LISTED_FAILURES else ""
        click.echo(f"FAILED {len(labels)}: {problem}: {shown}{more}", err=True)


def _prune(jobs: list[AudioJob]) -> None:
    """Delete recordings that no current line, voice or rate uses."""
    cache = audio_cache()
    stale = cache.names() - {job.name for job in jobs}
    for name in stale:
        cache.remove(name)
    click.echo(f"Pruned {len(stale)} recordings no current line uses.")


def _voices(jobs: list[AudioJob]) -> str:
    pairs = sorted({(job.line.lang, job.voice) for job in jobs})
    return ", ".join(f"{lang}={voice}" for lang, voice in pairs)
