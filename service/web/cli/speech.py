"""`flask audio render|status` for the phone line's recordings, and `flask talk`, the talking menu."""

from __future__ import annotations

import platform
import shutil
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from flask import Flask
from flask.cli import with_appcontext

from service.checker import load_checked
from service.config import Settings
from service.content import Content, ContentError
from service.content.model import DEFAULT_LANGUAGE
from service.content.prompts import Prompt
from service.core.calls import CallNavigator
from service.speech.cache import AudioCacheError
from service.speech.clips import Clips
from service.speech.keys import Keys, TerminalKeys, keys_for
from service.speech.pace import Pace
from service.speech.player import find_player
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
from service.speech.talk import (
    EngineSpeaker,
    FileSpeaker,
    LargePrint,
    Silent,
    SoundSpeaker,
    Speaker,
    TalkingMenu,
)
from service.web.recordings import audio_cache
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


@dataclass(frozen=True)
class TalkOptions:
    """How the person wants the talking menu: where speech goes, and how the words are shown."""

    to_folder: Path | None = None
    silent: bool = False
    plain: bool = False
    large_body: bool = False
    device: str = ""
    lang: str | None = None  # None: ask, as a new caller's call does


def _talk_options(command: Callable[..., None]) -> Callable[..., None]:
    """The talking menu's options, shared by the app's command and the stand-alone one."""
    for option in reversed((
        click.option("--to-folder", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Write what would be spoken to numbered WAV files here, instead of the speakers."),
        click.option("--silent", is_flag=True, help="Show the words only; speak nothing."),
        click.option("--plain", is_flag=True,
                     help="Plain text, one sentence a line, no big letters (best with screen readers)."),
        click.option("--large-body", is_flag=True, help="Show every line in big letters, not only titles."),
        click.option("--device", default="", metavar="NAME",
                     help="The sound output to play through (aplay -L lists them), e.g. plughw:1,0."),
        click.option("--lang", default=None,
                     help="The content language (en, es). Without it, the menu asks first, as a call does."),
    )):
        command = option(command)
    return command


@click.command("talk")
@_talk_options
@with_appcontext
def talk_command(**options: Any) -> None:  # click's parsed values, each option's own type
    """The phone menus on this computer: it speaks, you press number keys (or type a word).

    Any key stops the speech at once. 1-5 choose, 9 again, 8 back, 0 main menu; minus slower,
    plus faster, star normal speed; up and down arrows louder and softer; q and Enter to quit.
    """
    rt = runtime()
    _talk(rt.settings, rt.content, rt.calls, TalkOptions(**options))


@click.command("talk")
@_talk_options
def standalone_talk_command(**options: Any) -> None:
    """The phone menus on this computer: it speaks, you press number keys (or type a word).

    Any key stops the speech at once. 1-5 choose, 9 again, 8 back, 0 main menu; minus slower,
    plus faster, star normal speed; up and down arrows louder and softer; q and Enter to quit.

    Needs no Twilio token and no network: the content comes from CONTENT_DIR (default content/).
    """
    settings = Settings.from_env()
    try:
        content = load_checked(settings.content_dir)
    except ContentError as error:
        raise click.ClickException(str(error)) from error
    _talk(settings, content, CallNavigator(content), TalkOptions(**options))


def _talk(settings: Settings, content: Content, calls: CallNavigator, options: TalkOptions) -> None:
    """Run the talking menu until the person quits or the session ends; the terminal is put back."""
    if options.lang is not None and options.lang not in content.languages:
        raise click.BadParameter(f"choose one of {', '.join(content.languages)}", param_hint="--lang")
    if options.plain and options.large_body:
        raise click.UsageError("--plain and --large-body do not go together: choose one.")
    width = min(shutil.get_terminal_size().columns, MAX_PRINT_WIDTH)
    screen = LargePrint(click.echo, width=width, banner=not options.plain, large_body=options.large_body)
    pace = Pace.starting(rate_for(settings, False), rate_for(settings, True))
    lang = options.lang or DEFAULT_LANGUAGE  # the goodbye's language: the one the session ended in
    with ExitStack() as stack:
        keys = keys_for(sys.stdin)
        if isinstance(keys, TerminalKeys):
            stack.enter_context(keys)
        if not options.plain:
            click.echo(ENLARGE_TIP + ("" if options.large_body else LARGE_BODY_TIP))
        try:
            voices = {lang: voice_for(settings, lang) for lang in content.languages}
            speaker = _speaker(settings, options, screen, stack)
            if speaker is None:
                speaker = Silent()
                if not _go_on_without_sound(keys):
                    click.echo(content.prompt(Prompt.TALK_BYE, lang))
                    return
            audible = not isinstance(speaker, Silent)
            menu = TalkingMenu(content, calls, speaker, screen, keys, options.lang, pace, audible, voices)
            lang = menu.run()
        except KeyboardInterrupt:
            click.echo("")
    click.echo(content.prompt(Prompt.TALK_BYE, lang))


NO_PLAYER = "no sound player was found (aplay on Linux, afplay on macOS)"
ENLARGE_TIP = (
    "Letters too small? Make the terminal's text bigger: hold Ctrl and press + (in some terminals "
    "Ctrl, Shift and +)."
)
LARGE_BODY_TIP = " Or start with --large-body."


def _speaker(
    settings: Settings, options: TalkOptions, screen: LargePrint, stack: ExitStack
) -> Speaker | None:
    """Speakers, files, or nothing; None (after saying why, in large print) when sound cannot play."""
    if options.silent:
        return Silent()
    voice = voice_for(settings, options.lang or DEFAULT_LANGUAGE)
    player = find_player(options.device)
    if player is None and options.to_folder is None and platform.system() == "Windows":
        speaker = EngineSpeaker(voice, click.echo)
        stack.callback(speaker.close)
        return speaker
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="talk-")))
    clips = Clips(voice, folder)
    stack.callback(clips.close)
    if options.to_folder is not None:
        return FileSpeaker(clips, options.to_folder, click.echo)
    problem = player.check() if player is not None else NO_PLAYER
    if problem:
        _no_sound(screen, problem, missing=player is None)
        return None
    assert player is not None
    return SoundSpeaker(clips, player, click.echo)


def _no_sound(screen: LargePrint, problem: str, missing: bool) -> None:
    """Say plainly, in large print, that nothing can be heard, why, and how to fix it."""
    fixes = ["To fix it, close this and try one of these."]
    if missing or platform.system() == "Linux":
        fixes.append("Install the sound player: sudo apt-get install alsa-utils")
    fixes += [
        "Plug in speakers or headphones, and check that the sound is on and not muted.",
        "Choose another sound output: flask talk --device NAME. The command aplay -L lists the outputs.",
        "Or read without sound: flask talk --silent",
    ]
    screen.show("No sound", [
        f"This computer cannot play sound: {problem}.",
        "So nothing will be heard. The words will still be shown.",
        *fixes,
    ])


def _go_on_without_sound(keys: Keys) -> bool:
    """At a terminal, wait until the person has seen the warning; whether to go on without sound."""
    if not isinstance(keys, TerminalKeys):
        return True
    click.echo("Press Enter to go on with the words only, or q and Enter to quit: ", nl=False)
    entry = keys.entry()
    return entry is not None and entry.strip().lower() not in ("q", "quit")


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
