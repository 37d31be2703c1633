"""How fast and how loud the talking menu speaks, and the keys and words that change it.

Speed moves in steps of 25 words a minute between 100 and 200 (espeak-ng's rate is close to the
words a minute heard); loudness is a gain on the rendered audio, because espeak drops a volume
change made after its first utterance, as it drops a late rate change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from service.content.prompts import Prompt
from service.core import commands
from service.words.fold import normalize

RATE_STEP = 25
SLOWEST = 100
FASTEST = 200
VOLUMES = (0.25, 0.4, 0.6, 1.0, 1.5, 2.0)
NORMAL_VOLUME = 1.0

# Keys sent by the arrow keys (normal and application cursor mode).
UP = ("\x1b[A", "\x1bOA")
DOWN = ("\x1b[B", "\x1bOB")


class Control(Enum):
    """A change to the speech, asked for by a key or a word."""

    SLOWER = "slower"
    FASTER = "faster"
    NORMAL = "normal"
    LOUDER = "louder"
    SOFTER = "softer"
    SLOW_OR_NORMAL = "slow or normal"


CONTROL_KEYS: dict[str, Control] = {
    "-": Control.SLOWER,
    "+": Control.FASTER,
    "=": Control.FASTER,  # + without Shift on most keyboards
    "*": Control.NORMAL,
    commands.SLOWER: Control.SLOW_OR_NORMAL,  # 7, as on the phone
    **{key: Control.LOUDER for key in UP},
    **{key: Control.SOFTER for key in DOWN},
}
CONTROL_WORDS: dict[str, Control] = {
    **{phrase: Control.SLOWER for phrase in commands.SPOKEN_COMMANDS[commands.SLOWER]},
    "faster": Control.FASTER, "fast": Control.FASTER, "speed up": Control.FASTER, "quicker": Control.FASTER,
    "normal": Control.NORMAL, "normal speed": Control.NORMAL,
    "louder": Control.LOUDER, "loud": Control.LOUDER,
    "softer": Control.SOFTER, "quieter": Control.SOFTER, "quiet": Control.SOFTER,
}


def control_for(entry: str) -> Control | None:
    """The speech change a key or typed word asks for, if any."""
    if entry in CONTROL_KEYS:
        return CONTROL_KEYS[entry]
    return CONTROL_WORDS.get(normalize(entry))


@dataclass(frozen=True)
class Pace:
    """The engine rate (about the words a minute heard) and the gain on the audio."""

    rate: int
    normal_rate: int
    slow_rate: int
    volume: float = NORMAL_VOLUME

    @classmethod
    def starting(cls, normal_rate: int, slow_rate: int) -> Pace:
        """Normal speed and loudness, from the SPEECH_RATE and SPEECH_SLOW_RATE settings."""
        return cls(normal_rate, normal_rate, slow_rate)

    def apply(self, control: Control) -> tuple[Pace, Prompt]:
        """The pace after a change, and what to say about it (at the limit: that it is the limit)."""
        if control is Control.SLOW_OR_NORMAL:
            control = Control.NORMAL if self.rate < self.normal_rate else Control.SLOWER
            if control is Control.SLOWER and self.rate > self.slow_rate:
                return replace(self, rate=self.slow_rate), Prompt.TALK_SLOWER
        if control is Control.NORMAL:
            return replace(self, rate=self.normal_rate, volume=NORMAL_VOLUME), Prompt.TALK_NORMAL_SPEED
        if control in (Control.SLOWER, Control.FASTER):
            return self._step_rate(-1 if control is Control.SLOWER else 1)
        return self._step_volume(-1 if control is Control.SOFTER else 1)

    def nearby(self) -> list[int]:
        """The other rates one key away, likeliest first: worth getting ready before they are asked for."""
        changes = (Control.FASTER, Control.SLOWER, Control.SLOW_OR_NORMAL, Control.NORMAL)
        rates = [self.apply(change)[0].rate for change in changes]
        return [rate for i, rate in enumerate(rates) if rate != self.rate and rate not in rates[:i]]

    def _step_rate(self, way: int) -> tuple[Pace, Prompt]:
        low, high = min(SLOWEST, self.normal_rate), max(FASTEST, self.normal_rate)
        rate = min(high, max(low, self.rate + way * RATE_STEP))
        if rate == self.rate:
            return self, Prompt.TALK_SLOWEST if way < 0 else Prompt.TALK_FASTEST
        return replace(self, rate=rate), Prompt.TALK_SLOWER if way < 0 else Prompt.TALK_FASTER

    def _step_volume(self, way: int) -> tuple[Pace, Prompt]:
        if way > 0:
            louder = [v for v in VOLUMES if v > self.volume]
            if not louder:
                return self, Prompt.TALK_LOUDEST
            return replace(self, volume=louder[0]), Prompt.TALK_LOUDER
        softer = [v for v in VOLUMES if v < self.volume]
        if not softer:
            return self, Prompt.TALK_SOFTEST
        return replace(self, volume=softer[-1]), Prompt.TALK_SOFTER
