"""Benchmark: seconds from a call's start to each core topic, from the rendered recordings' lengths.

    .venv/bin/python bench/first_minute.py [--audio-dir DIR] [--step-seconds S] [--markdown]

A caller who knows where they are going presses each key the moment its option has been said
(the language choice included), with the recordings on. Each line's seconds are read from its
recording's WAV header in the audio cache; lines not yet rendered are rendered first (only those,
at the normal rate). `--step-seconds` adds the time of each key press's round trip (Twilio to the
webhook and back, and the first recording fetched). Not a test: nothing here passes or fails, the
table is for the README.
"""

from __future__ import annotations

import argparse
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from service.config import PROJECT_ROOT, Settings
from service.content import Content, load_content
from service.content.model import MAIN_MENU
from service.core import commands
from service.core.calls import CallNavigator, Turn
from service.core.wording import language_choice, notice_lines, option_lines, voiced_lines
from service.speech.cache import AudioCache
from service.speech.lines import Line
from service.speech.render import AudioJob, rate_for, render_audio, voice_for

URGENT = "symptoms-urgent"
URGENT_LIMIT, URGENT_GOAL = 20.0, 15.0
TOPIC_LIMIT, TOPIC_GOAL = 30.0, 25.0
DEFAULT_STEP_SECONDS = 0.5


@dataclass(frozen=True)
class Caller:
    """Who calls: the language they want, and whether the line remembers it from an earlier call."""

    lang: str
    returning: bool

    @property
    def name(self) -> str:
        return f"{self.lang.upper()} {'returning' if self.returning else 'new'}"


def key_paths(content: Content) -> dict[str, tuple[str, ...]]:
    """The keys from the main menu to each core topic, fewest first."""
    paths: dict[str, tuple[str, ...]] = {MAIN_MENU: ()}
    queue = deque([MAIN_MENU])
    while queue:
        menu = content.menus[queue.popleft()]
        for option in menu.options:
            if option.target not in paths:
                paths[option.target] = (*paths[menu.id], option.key)
                if option.target in content.menus:
                    queue.append(option.target)
    return {node: paths[node] for node in content.near_main if node in content.topics and node in paths}


class Clock:
    """Seconds of each line as the caller hears it: its recording's length, rendered when missing."""

    def __init__(self, content: Content, settings: Settings, cache: AudioCache) -> None:
        self.content = content
        self.settings = settings
        self.cache = cache
        self.rate = rate_for(settings, False)
        self.seconds: dict[tuple[str, str], float] = {}

    def need(self, lines: list[tuple[str, str]]) -> None:
        """Render what the cache lacks of these (language, text) lines."""
        jobs = [AudioJob(Line(lang, text, "bench:first-minute"), voice_for(self.settings, lang), self.rate)
                for lang, text in dict.fromkeys(lines)]
        report = render_audio(jobs, self.cache)
        if report.failed:
            raise SystemExit(f"{len(report.failed)} recordings failed, e.g. {report.failed[0]}")

    def of(self, lang: str, text: str) -> float:
        """One line's seconds, from its WAV header."""
        import soundfile

        key = (lang, text)
        if key not in self.seconds:
            name = AudioJob(Line(lang, text, ""), voice_for(self.settings, lang), self.rate).name
            self.seconds[key] = float(soundfile.info(str(self.cache.path(name))).duration)
        return self.seconds[key]


@dataclass(frozen=True)
class Heard:
    """One turn as heard up to the caller's key: (language, line) pairs, and the key pressed after."""

    lines: tuple[tuple[str, str], ...]
    key: str


def walk(navigator: CallNavigator, caller: Caller, keys: tuple[str, ...]) -> Iterator[Heard]:
    """The turns of one call to a topic, each cut where the caller presses (the topic's notices last)."""
    content = navigator.content
    turn = navigator.start(remembered=caller.lang) if caller.returning else navigator.start()
    if turn.choose_language:
        key = next(k for k, lang in commands.LANGUAGE_KEYS.items() if lang == caller.lang)
        pairs = language_choice(content)
        cut = next(i for i, (lang, _) in enumerate(pairs) if lang == caller.lang)
        yield Heard(pairs[: cut + 1], key)
        turn = navigator.press(turn.state, key)
    for key in keys:
        yield Heard(_up_to_option(content, turn, key), key)
        turn = navigator.press(turn.state, key)
    said = notice_lines(content, turn.notices, turn.state.lang)
    yield Heard(tuple((turn.state.lang, line) for line in said), "")


def _up_to_option(content: Content, turn: Turn, key: str) -> tuple[tuple[str, str], ...]:
    """A menu turn's lines, each in the language it is said in, up to and including the one that
    names `key`."""
    lang = turn.state.lang
    lines = voiced_lines(content, turn)
    keys = [option.key for option in content.menus[turn.state.node].options]
    option = (lang, option_lines(content, turn.state.node, lang)[keys.index(key)])
    return lines[: lines.index(option) + 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audio-dir", type=Path, default=None,
                        help="the audio cache (default: AUDIO_DIR, else instance/audio)")
    parser.add_argument("--step-seconds", type=float, default=DEFAULT_STEP_SECONDS,
                        help=f"seconds added per key press (default {DEFAULT_STEP_SECONDS})")
    parser.add_argument("--markdown", action="store_true", help="print the README's table")
    args = parser.parse_args()
    settings = Settings.from_env()
    content = load_content(settings.content_dir)
    cache = AudioCache(args.audio_dir or settings.audio_dir or PROJECT_ROOT / "instance" / "audio")
    navigator = CallNavigator(content)
    callers = [Caller(lang, returning) for returning in (False, True) for lang in content.languages]
    paths = key_paths(content)
    walks = {(c, t): list(walk(navigator, c, keys)) for c in callers for t, keys in paths.items()}
    clock = Clock(content, settings, cache)
    clock.need([pair for heard in walks.values() for step in heard for pair in step.lines])
    seconds = {
        pair: sum(clock.of(*line) for step in heard for line in step.lines)
        + args.step_seconds * sum(1 for step in heard if step.key)
        for pair, heard in walks.items()
    }
    _print(content, callers, paths, seconds, args)


def _print(content: Content, callers: list[Caller], paths: dict[str, tuple[str, ...]],
           seconds: dict[tuple[Caller, str], float], args: argparse.Namespace) -> None:
    bar = "|" if args.markdown else " "
    head = [f"{'topic':22}", f"{'keys':6}", *(f"{c.name:>12}" for c in callers)]
    print(bar.join(head))
    if args.markdown:
        print("|".join(["---", "---", *("---:" for _ in callers)]))
    for topic, keys in sorted(paths.items(), key=lambda item: (item[0] != URGENT, item[1])):
        cells = [f"{topic:22}", f"{' '.join(keys):6}", *(f"{seconds[(c, topic)]:12.1f}" for c in callers)]
        print(bar.join(cells))
    print()
    for caller in callers:
        urgent = seconds[(caller, URGENT)]
        worst = max(seconds[(caller, topic)] for topic in paths)
        print(f"{caller.name}: urgent signs {urgent:.1f} s (limit {URGENT_LIMIT:.0f}, goal "
              f"{URGENT_GOAL:.0f}); slowest core topic {worst:.1f} s (limit {TOPIC_LIMIT:.0f}, goal "
              f"{TOPIC_GOAL:.0f})")
    print(f"(recordings at rate {Settings.from_env().speech_rate}, plus {args.step_seconds} s per key press)")


if __name__ == "__main__":
    main()
