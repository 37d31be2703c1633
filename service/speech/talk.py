"""The talking menu: the phone line's menus at a computer, spoken aloud and shown in large print.

As on a phone, a key cuts the speech short and acts at once (barge-in): each line is rendered to a
WAV file and played by a player process that is stopped the moment a key is pressed.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Protocol

import click

from service.content.model import Content
from service.content.prompts import TALK_IN_PLACE_OF, Prompt
from service.core import commands
from service.core.calls import CallNavigator, CallState, Turn
from service.core.wording import voiced_lines
from service.speech.audio import expected_seconds
from service.speech.clips import SPEAK_TIMEOUT_SLACK_SECONDS, Clips
from service.speech.keys import KEYS, Keys
from service.speech.pace import Control, Pace, control_for
from service.speech.player import Player
from service.speech.worker import Job, SpeechWorker

QUIT_WORDS = frozenset({"q", "quit", "exit", "bye", "goodbye", "salir", "adios", "adiós"})
TRANSCRIPT = "transcript.tsv"
POLL_SECONDS = 0.02
TITLE_FONT = "standard"
BODY_FONT = "standard"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

Pressed = Callable[[float], bool]


class Speaker(Protocol):
    """Something that voices the lines of a turn, and stops when a key is pressed."""

    def speak(self, lines: Sequence[str], pace: Pace, pressed: Pressed, voice: str = "") -> None:
        """Voice the lines in order at this pace (in `voice`, else the speaker's own); stop as soon
        as `pressed` says a key came."""

    def close(self) -> None:
        """Free what it holds."""


class Silent:
    """Speaks nothing: the words are only shown."""

    def speak(self, lines: Sequence[str], pace: Pace, pressed: Pressed, voice: str = "") -> None:
        """Nothing to do."""

    def close(self) -> None:
        """Nothing to free."""


class SoundSpeaker:
    """Plays each line's file through a player process, stopped the moment a key is pressed."""

    def __init__(self, clips: Clips, player: Player, warn: Callable[[str], None]) -> None:
        self.clips = clips
        self.player = player
        self.warn = warn
        self.failed = False
        self.nearby: list[int] = []

    def speak(self, lines: Sequence[str], pace: Pace, pressed: Pressed, voice: str = "") -> None:
        """Sentence by sentence, checking for a key before each and all through its playing.

        A sentence renders in a few hundredths of a second where a whole topic takes tenths, so the
        next turn starts sooner after a key.
        """
        self.nearby = pace.nearby()
        for text in (part for line in lines for part in sentences(line)):
            if self.failed or pressed(0):
                return
            path, problem = self.clips.clip(text, pace.rate, pace.volume, voice)
            if path is None:
                self._fail(f"Speech is not working: {problem}")
                return
            if pressed(0) or not self._play(path, pressed, voice):  # a key typed while the line was rendered
                return

    def close(self) -> None:
        """Stop the speech workers."""
        self.clips.close()

    def _play(self, path: Path, pressed: Pressed, voice: str = "") -> bool:
        """Play one file to its end (True), or stop it for a key or a failure (False)."""
        try:
            playback = self.player.start(path)
        except OSError as error:
            self._fail(f"Sound is not working: {self.player.program}: {error.strerror or error}")
            return False
        if self.nearby:  # while this plays, get the speeds one key away ready
            self.clips.warm(self.nearby, voice)
            self.nearby = []
        try:
            while playback.running():
                if pressed(POLL_SECONDS):
                    playback.stop()
                    return False
            problem = playback.problem()
        finally:
            playback.stop()
        if problem:
            self._fail(f"Sound is not working: {problem}")
        return not problem

    def _fail(self, reason: str) -> None:
        self.failed = True
        self.warn(f"({reason}. The words are still shown.)")


class FileSpeaker:
    """Writes what it would say to numbered WAV files, with a transcript, instead of playing it."""

    def __init__(self, clips: Clips, folder: Path, warn: Callable[[str], None]) -> None:
        self.clips = clips
        self.folder = folder
        self.warn = warn
        self.count = 0
        self.failed = False
        folder.mkdir(parents=True, exist_ok=True)
        (folder / TRANSCRIPT).write_text("", encoding="utf-8")

    def speak(self, lines: Sequence[str], pace: Pace, pressed: Pressed, voice: str = "") -> None:
        """Every line to its own file; after a failure, say why once and only show words."""
        for text in lines:
            if self.failed:
                return
            path, problem = self.clips.clip(text, pace.rate, pace.volume, voice)
            if path is None:
                self.failed = True
                self.warn(f"(Speech is not working: {problem}. The words are still shown.)")
                return
            self.count += 1
            target = self.folder / f"{self.count:04d}.wav"
            shutil.copyfile(path, target)
            with (self.folder / TRANSCRIPT).open("a", encoding="utf-8") as transcript:
                said = voice or self.clips.voice
                transcript.write(f"{target.name}\t{pace.rate}\t{round(pace.volume * 100)}\t{said}\t{text}\n")

    def close(self) -> None:
        """Stop the speech workers."""
        self.clips.close()


class EngineSpeaker:
    """Where no player program is found (Windows): the engine speaks itself, to the end of each line."""

    def __init__(self, voice: str, warn: Callable[[str], None]) -> None:
        self.voice = voice
        self.warn = warn
        self.failed = False
        self.workers: dict[tuple[str, int], SpeechWorker] = {}

    def speak(self, lines: Sequence[str], pace: Pace, pressed: Pressed, voice: str = "") -> None:
        """Each line through the engine; a key is read after the line that is playing."""
        voice = voice or self.voice
        if (voice, pace.rate) not in self.workers:
            self.workers[(voice, pace.rate)] = SpeechWorker(voice, pace.rate)
        worker = self.workers[(voice, pace.rate)]
        for text in lines:
            if self.failed or pressed(0):
                return
            timeout = expected_seconds(len(text.split()), pace.rate) * 2 + SPEAK_TIMEOUT_SLACK_SECONDS
            outcome = worker.run(Job("talk", text), timeout)
            if not outcome.ok:
                self.failed = True
                self.warn(f"(Speech is not working: {outcome.problem}. The words are still shown.)")

    def close(self) -> None:
        """Stop every worker."""
        for worker in self.workers.values():
            worker.close()


@dataclass
class LargePrint:
    """Shows each turn: big-letter title, then each line bold and wrapped (or big too); or plain text.

    Plain (for screen readers) has no letter art, no styling and no wrapping: one sentence a line.
    """

    echo: Callable[[str], None]
    width: int = 80
    banner: bool = True
    large_body: bool = False

    def show(self, title: str, lines: Sequence[str]) -> None:
        """One turn on the screen."""
        self.echo("")
        if title:
            self.echo(self._title(title))
        for line in lines:
            self.echo(self._body(line))
            self.echo("")

    def _title(self, title: str) -> str:
        """Big letters, or the title on a line of its own (--plain)."""
        if not self.banner:
            return f"{title}."
        return self._big(title, TITLE_FONT)

    def _body(self, line: str) -> str:
        if not self.banner:
            return "\n".join(sentences(line))
        if self.large_body:
            return "\n".join(self._big(sentence, BODY_FONT) for sentence in sentences(line))
        return click.style(textwrap.fill(line, self.width), bold=True)

    def _big(self, text: str, font: str) -> str:
        import pyfiglet

        return str(pyfiglet.figlet_format(text, font=font, width=self.width)).rstrip("\n") + "\n"


def sentences(text: str) -> list[str]:
    """A line split after each full stop, question or exclamation mark."""
    return [part for part in SENTENCE_END.split(" ".join(text.split())) if part]


def talk_wording(content: Content) -> Content:
    """The content as the talking menu says it: its own words where a computer differs from a phone."""
    prompts = {
        lang: {**words, **{phone.value: words[talk.value] for phone, talk in TALK_IN_PLACE_OF.items()}}
        for lang, words in content.prompts.items()
    }
    return replace(content, prompts=prompts)


class TalkingMenu:
    """Steps the same call core as the phone, with keys and words typed at the keyboard.

    Without a set language (`lang` None) it opens as a new caller's call does: 911 and each
    language's key, each said in its own language (`voices`: the engine voice of each), then the
    menu in the language chosen by its key or its name.
    """

    def __init__(
        self, content: Content, navigator: CallNavigator, speaker: Speaker, screen: LargePrint,
        keys: Keys, lang: str | None, pace: Pace, audible: bool = True,
        voices: Mapping[str, str] | None = None,
    ) -> None:
        self.content = content
        self.words = talk_wording(content)
        # With no sound, the keys for speed and loudness mean nothing: they are not shown.
        self.unheard = () if audible else tuple(
            self.words.prompt(Prompt.TALK_KEYS, each) for each in content.languages
        )
        self.navigator = navigator
        self.speaker = speaker
        self.screen = screen
        self.keys = keys
        self.lang = lang
        self.pace = pace
        self.voices = dict(voices or {})

    def run(self) -> str:
        """Present each turn and read the next entry, until the session ends or the person quits;
        the language it ended in, for the last goodbye.

        The keys for speed and loudness are told once, in the session's language: with the first
        turn after the opening's choice."""
        turn = self.navigator.start(self.lang)
        told = False
        while True:
            if not told and not turn.choose_language:
                turn, told = replace(turn, notices=(*turn.notices, Prompt.TALK_KEYS)), True
            lines = self.present(turn)
            for lang, run in groupby(lines, key=itemgetter(0)):
                self.speaker.speak([text for _, text in run], self.pace, self.keys.pressed,
                                   self.voices.get(lang, ""))
            if turn.hangup:
                return turn.state.lang
            entry = self.keys.entry()
            if entry is None or entry.strip().lower() in QUIT_WORDS:
                return turn.state.lang
            turn = self.step(turn.state, entry)

    def present(self, turn: Turn) -> tuple[tuple[str, str], ...]:
        """Show what the phone would say for this turn, in this channel's words, and return it,
        each line with the language it is said in."""
        lines = tuple(pair for pair in voiced_lines(self.words, turn) if pair[1] not in self.unheard)
        title = "" if turn.hangup or turn.choose_language else self.content.title(
            turn.state.node, turn.state.lang)
        self.screen.show(title, [text for _, text in lines])
        if not turn.hangup:
            click.echo(self.words.prompt(Prompt.TALK_ENTRY, turn.state.lang) + " ", nl=False)
        return lines

    def step(self, state: CallState, entry: str) -> Turn:
        """An entry: a speed or loudness change, a key, words, or nothing (silence)."""
        control = control_for(entry.strip(" "))
        if control is not None:
            return self.change(state, control)
        entry = entry.strip()
        if not entry:
            return self.navigator.silence(state)
        if entry[0] in KEYS and all(ch in KEYS for ch in entry):
            turn = self.navigator.press(state, entry)
        else:
            turn = self.navigator.say(state, entry)
        if turn.state.slow:  # "seven" or another word the phone hears as its slower key
            return self.change(replace(turn.state, slow=False), Control.SLOW_OR_NORMAL)
        return turn

    def change(self, state: CallState, control: Control) -> Turn:
        """Change the speech, say so, and say the current menu or topic again at the new pace."""
        self.pace, notice = self.pace.apply(control)
        if state.choosing:  # at the opening: its choice again, at the new pace
            return self.navigator.start()
        again = self.navigator.press(state, commands.REPEAT)
        return replace(again, notices=(notice,))
