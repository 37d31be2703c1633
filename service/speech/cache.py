"""The audio cache: one file per (text, voice, rate), named by a hash, written atomically."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from service.speech.audio import TELEPHONE_SAMPLE_RATE, AudioFacts, check_speech, to_telephone

NAME_PATTERN = re.compile(r"[0-9a-f]{32}")
FORMAT_TAG = "wav-ulaw-8000-v3"  # v2: the silence after each line cut short; v3: 911 and 988 digit by digit
SUFFIX = ".wav"


class AudioCacheError(Exception):
    """The cache folder cannot be made or written; the message names it."""


def audio_name(text: str, voice: str, rate: int) -> str:
    """The file name (without suffix) for one text in one voice at one rate; changes with any of them."""
    key = f"{FORMAT_TAG}\n{voice}\n{rate}\n{text}".encode()
    return hashlib.sha256(key).hexdigest()[:32]


class AudioCache:
    """A folder of u-law WAV files that only ever holds complete, checked recordings."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, name: str) -> Path:
        """The file for a name; refuses anything but a hash, so no outside path reaches the disk."""
        if not NAME_PATTERN.fullmatch(name):
            raise ValueError(f"not an audio name: {name!r}")
        return self.root / f"{name}{SUFFIX}"

    def has(self, name: str) -> bool:
        """Whether the recording is in the cache."""
        return self.path(name).is_file()

    def names(self) -> set[str]:
        """Every recording in the cache."""
        if not self.root.is_dir():
            return set()
        return {p.stem for p in self.root.glob(f"*{SUFFIX}") if NAME_PATTERN.fullmatch(p.stem)}

    def prepare(self) -> None:
        """Make the folder, and prove it can be written before any render starts."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=self.root):
                pass
        except OSError as error:
            raise AudioCacheError(f"the audio folder {self.root} cannot be written: {error}") from None

    def install(self, raw: Path, name: str, words: int, rate: int) -> AudioFacts:
        """Check the engine's file, convert it, check the result, then move it into place at once."""
        check_speech(raw, words, rate)
        partial = self.root / f".{name}.{os.getpid()}.partial"
        try:
            to_telephone(raw, partial)
            facts = check_speech(partial, words, rate, sample_rate=TELEPHONE_SAMPLE_RATE)
            os.replace(partial, self.path(name))
        finally:
            partial.unlink(missing_ok=True)
        return facts

    def remove(self, name: str) -> None:
        """Delete one recording, if it is there."""
        self.path(name).unlink(missing_ok=True)
