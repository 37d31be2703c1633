"""The one pyttsx3 engine of a worker process, driven around pyttsx3 2.99's measured hazards.

On Linux, runAndWait() returns before espeak-ng has written the file (so we wait for
finished-utterance); its stop() cancels espeak while espeak is still busy, which drops a queued
rate change or empties a file (5-7 in 50 under load). Without patching the driver, stop() is kept
from cancelling anything: voice and rate are set once, straight on the driver, before any
runAndWait, and after every utterance we wait until espeak is idle; the rate espeak really has is
checked each time. A second engine hangs the first (one per process); a missing folder hangs
inside espeak's callback (checked first). Other drivers (macOS nsss, Windows sapi5) finish inside
runAndWait and skip the waits.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

ESPEAK_DRIVER = "espeak"
ESPEAK_RATE_PARAMETER = 1
SETTLE_TRIES = 5
IDLE_POLL_SECONDS = 0.005
IDLE_LIMIT_SECONDS = 30.0
UTTERANCE_LIMIT_SECONDS = 900.0
# Said one digit at a time, as people say them ("nine one one", "nueve uno uno"): espeak-ng reads 911
# as "nine hundred eleven" and "novecientos once", 988 as "nine hundred eighty-eight".
SERVICE_NUMBERS = re.compile(r"(?<![\d-])(?:911|988)(?![\d-])")  # not inside 1-800-911-0000


class EngineError(Exception):
    """The engine could not be set up, or an utterance did not come out right."""


class SpeechEngine:
    """This process's only engine, set once to one voice and one rate."""

    def __init__(self, voice: str, rate: int) -> None:
        try:
            import pyttsx3
        except ImportError:
            raise EngineError(
                "speech needs the speech extra (pyttsx3), which the serving install leaves out: run "
                "`scripts/setup speech` (or `make talk`), then try again"
            ) from None

        self._engine = pyttsx3.init()
        self._espeak = self._engine.driver_name == ESPEAK_DRIVER
        self._finished = threading.Event()
        self._errors: list[BaseException] = []
        self._engine.connect("finished-utterance", self._on_finished)
        self._engine.connect("error", self._on_error)
        self.rate = rate
        self.voice_id = pick_voice(self._engine.getProperty("voices"), voice)
        self._settle()

    def save(self, text: str, path: Path) -> None:
        """Write one utterance to a 22 kHz WAV file, and return only once the file is complete."""
        folder = path.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            raise EngineError(f"cannot write to {folder}: the folder is missing or read-only")
        self._utter(lambda: self._engine.save_to_file(engine_text(text), str(path)))

    def speak(self, text: str) -> None:
        """Say one utterance through the sound card, and return once it has been played."""
        self._utter(lambda: self._engine.say(engine_text(text)))

    def _utter(self, queue: Callable[[], None]) -> None:
        """One command per runAndWait (several render only the last), then wait until truly done."""
        self._finished.clear()
        self._errors.clear()
        queue()
        self._engine.runAndWait()
        if not self._finished.wait(UTTERANCE_LIMIT_SECONDS):
            raise EngineError("the engine never reported finished-utterance")
        self._wait_idle()
        self._raise_errors()
        rate = self._rate_now()
        if rate is not None and rate != self.rate:
            raise EngineError(f"espeak spoke at rate {rate}, not {self.rate}")

    def _settle(self) -> None:
        """Set voice and rate before any utterance, until the engine really has that rate."""
        if not self._espeak:
            self._engine.setProperty("voice", self.voice_id)
            self._engine.setProperty("rate", self.rate)
            self._engine.runAndWait()
            self._raise_errors()
            return
        # Straight to the driver, not through runAndWait: its stop() would cancel the queued rate
        # change, and a cancel that races espeak's own thread can hang.
        from pyttsx3.drivers.espeak import EspeakDriver

        for _ in range(SETTLE_TRIES):
            EspeakDriver.setProperty("voice", self.voice_id)
            EspeakDriver.setProperty("rate", self.rate)
            self._wait_idle()
            if self._rate_now() == self.rate:
                return
        raise EngineError(f"espeak did not take rate {self.rate} after {SETTLE_TRIES} tries")

    def _wait_idle(self) -> None:
        """Wait until espeak's own thread is done, so the next runAndWait's stop() cancels nothing."""
        if not self._espeak:
            return
        from pyttsx3.drivers import _espeak

        deadline = time.monotonic() + IDLE_LIMIT_SECONDS
        while _espeak.IsPlaying():
            if time.monotonic() > deadline:
                raise EngineError(f"espeak stayed busy for {IDLE_LIMIT_SECONDS:.0f} s")
            time.sleep(IDLE_POLL_SECONDS)

    def _rate_now(self) -> int | None:
        """espeak's current rate, read with both arguments (pyttsx3's getProperty passes one)."""
        if not self._espeak:
            return None
        import ctypes

        from pyttsx3.drivers import _espeak

        # pyttsx3 declares its module-level `dll = None` until the espeak driver has loaded it, as here.
        library = cast(ctypes.CDLL, _espeak.dll)
        return int(library.espeak_GetParameter(ESPEAK_RATE_PARAMETER, 1))

    def _raise_errors(self) -> None:
        if self._errors:
            error = self._errors[0]
            raise EngineError(f"{type(error).__name__}: {error}")

    def _on_finished(self, **_: Any) -> None:
        self._finished.set()

    def _on_error(self, exception: BaseException | None = None, **_: Any) -> None:
        if exception is not None:
            self._errors.append(exception)


def engine_text(text: str) -> str:
    """The words as the engine is given them: the emergency and crisis numbers digit by digit."""
    return SERVICE_NUMBERS.sub(lambda number: " ".join(number.group()), text)


def pick_voice(voices: Sequence[Any], wanted: str) -> str:
    """The installed voice for a name like en-us: an exact id, else one for that language or name."""
    want = _norm(wanted)
    tests: tuple[Callable[[Any], bool], ...] = (
        lambda v: _norm(v.id) == want,
        lambda v: any(_norm(str(lang)) == want for lang in (v.languages or ())),
        lambda v: want in _norm(v.id) or want in _norm(v.name or ""),
    )
    for test in tests:
        for voice in voices:
            if test(voice):
                return str(voice.id)
    known = ", ".join(sorted(str(v.id) for v in voices)[:12])
    raise EngineError(f"no installed voice matches {wanted!r} (some installed voices: {known})")


def _norm(name: str) -> str:
    return name.strip().lower().replace("_", "-")
