"""Is a rendered file real speech of a plausible length? And its conversion to telephone audio.

numpy, soundfile and soxr are imported only when a file is checked or converted, so the web
process that merely serves recordings never loads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Seconds of audio per word times the engine's rate: 59-61 for espeak-ng en-us on this line's
# content at rates 100-200 (so the rate setting is close to the words a minute heard).
SECONDS_PER_WORD_TIMES_RATE = 60.0
LOW_RATIO = 0.55
HIGH_RATIO = 1.8
# A short line of long words takes longer than its count says: "Inmunoterapia, 4." is 2.8 s at rate 120.
SLACK_SECONDS = 1.5
SILENT_RMS = 0.002
TELEPHONE_SAMPLE_RATE = 8000
# espeak-ng ends each line with about 0.4 s of silence; a caller hears the lines one after another, so
# each keeps a short pause after its last sound and no more (0.2 s a line, measured: bench/first_minute.py).
SOUND_LEVEL = 0.01
KEPT_PAUSE_SECONDS = 0.2
TELEPHONE_SUBTYPE = "ULAW"


class AudioProblem(Exception):
    """A file is missing, empty, silent, unreadable or of an implausible length."""


@dataclass(frozen=True)
class AudioFacts:
    """What a checked file holds."""

    seconds: float
    sample_rate: int
    channels: int
    subtype: str
    size: int


def expected_seconds(words: int, rate: int) -> float:
    """How long `words` words take at an engine rate, on average."""
    return words * SECONDS_PER_WORD_TIMES_RATE / rate


def plausible_seconds(words: int, rate: int) -> tuple[float, float]:
    """The shortest and longest audio that can still be these words at this rate."""
    expected = expected_seconds(words, rate)
    return max(0.2, expected * LOW_RATIO - SLACK_SECONDS), expected * HIGH_RATIO + SLACK_SECONDS


def check_speech(path: Path, words: int, rate: int, sample_rate: int | None = None) -> AudioFacts:
    """A readable header, some audio, not silent, and a length close to words x seconds per word."""
    import numpy as np
    import soundfile

    if not path.is_file():
        raise AudioProblem("no file was written")
    size = path.stat().st_size
    try:
        info = soundfile.info(str(path))
        data, read_rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError, ValueError) as error:
        raise AudioProblem(f"not a readable audio file ({size} bytes): {error}") from None
    if sample_rate is not None and read_rate != sample_rate:
        raise AudioProblem(f"sample rate is {read_rate} Hz, not {sample_rate} Hz")
    if data.shape[0] == 0:
        raise AudioProblem(f"the file holds no audio, only a {size}-byte header")
    if float(np.sqrt(np.mean(np.square(data)))) < SILENT_RMS:
        raise AudioProblem("the file is silent")
    seconds = data.shape[0] / read_rate
    low, high = plausible_seconds(words, rate)
    if not low <= seconds <= high:
        raise AudioProblem(
            f"{seconds:.1f} s of audio for {words} words at rate {rate}: expected {low:.1f} to {high:.1f} s"
        )
    return AudioFacts(seconds, read_rate, data.shape[1], info.subtype, size)


def to_telephone(source: Path, target: Path) -> None:
    """Resample to 8 kHz mono (with soxr's anti-alias filter) and store as u-law WAV, as phones carry."""
    import numpy as np
    import soundfile
    import soxr

    data, rate = soundfile.read(str(source), dtype="float32", always_2d=True)
    mono = data.mean(axis=1)
    resampled = soxr.resample(mono, rate, TELEPHONE_SAMPLE_RATE, quality="HQ")
    clipped = np.clip(_short_tail(resampled, TELEPHONE_SAMPLE_RATE), -1.0, 1.0)
    soundfile.write(str(target), clipped, TELEPHONE_SAMPLE_RATE, subtype=TELEPHONE_SUBTYPE, format="WAV")


def _short_tail(samples: np.ndarray, rate: int) -> np.ndarray:
    """The samples up to a short pause after the last sound (silence all through is kept whole)."""
    import numpy as np

    sounds = np.flatnonzero(np.abs(samples) > SOUND_LEVEL)
    if sounds.size == 0:
        return samples
    return samples[: min(len(samples), int(sounds[-1]) + 1 + int(KEPT_PAUSE_SECONDS * rate))]
