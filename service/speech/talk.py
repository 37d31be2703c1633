"""The talking menu: the phone line's menus at a computer, spoken aloud and shown in large print."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import click

from service.content.model import Content
from service.core.calls import CallNavigator, CallState, Turn
from service.core.wording import turn_lines
from service.speech.audio import expected_seconds
from service.speech.worker import Job, SpeechWorker

QUIT_WORDS = frozenset({"q", "quit", "exit", "bye", "goodbye"})
KEYS = frozenset("0123456789*#")
SPEAK_TIMEOUT_SLACK_SECONDS = 20.0
TRANSCRIPT = "transcript.tsv"
PROMPT = "Press a number key, or type a word and Enter (q to quit): "


class Speaker(Protocol):
    """Something that voices the lines of a turn."""

    def speak(self, lines: Sequence[str], slow: bool) -> None:
        """Voice the lines in order, at the slower rate when asked."""

    def close(self) -> None:
        """Free the speech engine."""


class Silent:
    """Speaks nothing: the words are only shown."""

    def speak(self, lines: Sequence[str], slow: bool) -> None:
        """Nothing to do."""

    def close(self) -> None:
        """Nothing to free."""


class WorkerSpeaker:
    """Speaks through pyttsx3 in a worker process per rate, or writes numbered WAV files instead."""

    def __init__(
        self, voice: str, rates: tuple[int, int], folder: Path | None, warn: Callable[[str], None]
    ) -> None:
        self.voice = voice
        self.rates = rates
        self.folder = folder
        self.warn = warn
        self.count = 0
        self.failed = False
        self.workers: dict[int, SpeechWorker] = {}
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / TRANSCRIPT).write_text("", encoding="utf-8")

    def speak(self, lines: Sequence[str], slow: bool) -> None:
        """Voice each line as its own utterance; after a failure, say why once and only show words."""
        rate = self.rates[1] if slow else self.rates[0]
        if rate not in self.workers:
            self.workers[rate] = SpeechWorker(self.voice, rate)
        for text in lines:
            if self.failed:
                return
            self.count += 1
            path = self.folder / f"{self.count:04d}.wav" if self.folder else None
            timeout = expected_seconds(len(text.split()), rate) * 2 + SPEAK_TIMEOUT_SLACK_SECONDS
            outcome = self.workers[rate].run(Job(f"talk:{self.count}", text, path), timeout)
            if not outcome.ok:
                self.failed = True
                self.warn(f"(Speech is not working: {outcome.problem}. The words are still shown.)")
            elif path is not None:
                self._note(path, rate, text)

    def close(self) -> None:
        """Stop every worker."""
        for worker in self.workers.values():
            worker.close()

    def _note(self, path: Path, rate: int, text: str) -> None:
        """One transcript row per file: file name, rate, the words."""
        assert self.folder is not None
        with (self.folder / TRANSCRIPT).open("a", encoding="utf-8") as transcript:
            transcript.write(f"{path.name}\t{rate}\t{text}\n")


@dataclass
class LargePrint:
    """Shows each turn clearly: a big-letter title, then each line bold, wrapped and spaced."""

    echo: Callable[[str], None]
    width: int = 80
    banner: bool = True

    def show(self, title: str, lines: Sequence[str]) -> None:
        """One turn on the screen."""
        self.echo("")
        if title:
            self.echo(self._title(title))
        for line in lines:
            self.echo(click.style(textwrap.fill(line, self.width), bold=True))
            self.echo("")

    def _title(self, title: str) -> str:
        """Big letters, or one framed line for screen readers (--plain)."""
        if self.banner:
            import pyfiglet

            return str(pyfiglet.figlet_format(title, font="standard", width=self.width)).rstrip("\n") + "\n"
        rule = "=" * min(self.width, len(title) + 8)
        return click.style(f"{rule}\n    {title.upper()}\n{rule}", bold=True)


class TalkingMenu:
    """Steps the same call core as the phone, with keys and words typed at the keyboard."""

    def __init__(
        self, content: Content, navigator: CallNavigator, speaker: Speaker, screen: LargePrint, lang: str
    ) -> None:
        self.content = content
        self.navigator = navigator
        self.speaker = speaker
        self.screen = screen
        self.lang = lang

    def run(self, read: Callable[[], str | None]) -> None:
        """Present each turn and read the next entry, until the call ends or the person quits."""
        turn = self.navigator.start(self.lang)
        while True:
            self.present(turn)
            if turn.hangup:
                return
            entry = read()
            if entry is None or entry.strip().lower() in QUIT_WORDS:
                return
            turn = self.step(turn.state, entry)

    def present(self, turn: Turn) -> None:
        """Show, then speak, what the phone would say for this turn."""
        lines = turn_lines(self.content, turn)
        title = "" if turn.hangup else self.content.title(turn.state.node, turn.state.lang)
        self.screen.show(title, lines)
        self.speaker.speak(lines, turn.state.slow)

    def step(self, state: CallState, entry: str) -> Turn:
        """An entry as the phone reads it: a key, words, or nothing (silence)."""
        entry = entry.strip()
        if not entry:
            return self.navigator.silence(state)
        if entry[0] in KEYS and all(ch in KEYS for ch in entry):
            return self.navigator.press(state, entry)
        return self.navigator.say(state, entry)


def read_entry() -> str | None:
    """One entry; at a keyboard a number key acts at once, as on a phone. None at end of input."""
    click.echo(PROMPT, nl=False)
    if sys.stdin.isatty():
        return _read_key_or_word()
    line = sys.stdin.readline()
    if not line:
        click.echo("")
        return None
    return line.rstrip("\n")


def _read_key_or_word() -> str | None:
    """A single key press is an entry by itself; any other first letter starts a word ended by Enter."""
    try:
        typed = click.getchar()  # may hold several characters when they arrive together
    except (EOFError, KeyboardInterrupt):
        click.echo("")
        return None
    if typed in ("\x04", "\x1a"):
        click.echo("")
        return None
    if typed in KEYS or typed in ("\r", "\n"):
        click.echo(typed.strip())
        return typed.strip()
    ended = next((i for i, ch in enumerate(typed) if ch in "\r\n"), None)
    if ended is not None:
        click.echo(typed[:ended])
        return typed[:ended]
    click.echo(typed, nl=False)
    return (typed + sys.stdin.readline()).rstrip("\n")
