"""The talking menu's lines as WAV files: rendered once per rate and loudness, kept for the session.

A line said again (the choices, "To hear this again, press 9") plays from its file at once, and a
new speed needs only a new render, never a new recording of anything already heard at that speed.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from pathlib import Path

from service.speech.audio import expected_seconds
from service.speech.worker import Job, SpeechWorker

SPEAK_TIMEOUT_SLACK_SECONDS = 20.0
# One worker process per rate (about 23 MB each): every step from 100 to 200, the slower rate, and
# a normal rate outside those, with room to spare. A new worker takes 0.3-0.9 s to start, so the
# rates one key away are started in the background while the person listens.
MAX_WORKERS = 8
WARM_UP_TEXT = "Ready."


class Clips:
    """Renders lines for one voice (or another one asked for: the opening says each language in
    its own) into a folder, through one worker process per voice and rate."""

    def __init__(self, voice: str, folder: Path, max_workers: int = MAX_WORKERS) -> None:
        self.voice = voice
        self.folder = folder
        self.max_workers = max_workers
        self.workers: dict[tuple[str, int], tuple[SpeechWorker, threading.Lock]] = {}
        self._guard = threading.Lock()
        # numpy and soundfile take a few tenths of a second to import: not while a person waits.
        threading.Thread(target=_import_audio_libraries, name="talk-warm-up").start()

    def clip(self, text: str, rate: int, volume: float, voice: str = "") -> tuple[Path | None, str]:
        """The file for a line at a rate and loudness (in `voice`, else this one's own), rendering it
        when new; else why it failed."""
        voice = voice or self.voice
        raw = self.folder / f"{_name(voice, rate, text)}.wav"
        if not raw.is_file():
            timeout = expected_seconds(len(text.split()), rate) * 2 + SPEAK_TIMEOUT_SLACK_SECONDS
            worker, lock = self._worker(voice, rate)
            with lock:
                outcome = worker.run(Job(f"talk:{raw.stem[:8]}", text, raw), timeout)
            if not outcome.ok:
                raw.unlink(missing_ok=True)
                return None, outcome.problem
        if volume == 1.0:
            return raw, ""
        scaled = raw.with_name(f"{raw.stem}-{round(volume * 100)}.wav")
        if not scaled.is_file():
            scale(raw, scaled, volume)
        return scaled, ""

    def warm(self, rates: Iterable[int], voice: str = "") -> None:
        """Start, in the background and one at a time, the workers for rates the person may ask for next.

        One at a time, so that on a busy computer the starts do not slow the speech asked for now.
        """
        voice = voice or self.voice
        jobs = []
        for rate in rates:
            with self._guard:
                if (voice, rate) in self.workers or len(self.workers) >= self.max_workers:
                    continue
            worker, lock = self._worker(voice, rate)
            path = self.folder / f".warm-up-{rate}.wav"
            jobs.append((worker, lock, Job("talk:warm-up", WARM_UP_TEXT, path)))
        if jobs:
            threading.Thread(target=_warm_up, args=(jobs,), name="talk-warm-up-rates", daemon=True).start()

    def rates(self) -> list[int]:
        """The rates that have a worker (in any voice)."""
        with self._guard:
            return sorted({rate for _, rate in self.workers})

    def close(self) -> None:
        """Stop every worker, once any warm-up under way has finished."""
        with self._guard:
            workers, self.workers = list(self.workers.values()), {}
        for worker, lock in workers:
            with lock:
                worker.close()

    def _worker(self, voice: str, rate: int) -> tuple[SpeechWorker, threading.Lock]:
        """The worker for a voice and rate, and the lock that lets one job at a time use it."""
        with self._guard:
            if (voice, rate) not in self.workers:
                self.workers[(voice, rate)] = (SpeechWorker(voice, rate), threading.Lock())
            return self.workers[(voice, rate)]


def scale(source: Path, target: Path, gain: float) -> None:
    """Softer by a plain gain; louder with a soft limit (tanh), so peaks round off instead of clipping."""
    import numpy as np
    import soundfile

    data, sample_rate = soundfile.read(str(source), dtype="float32")
    louder = np.tanh(data * gain) if gain > 1.0 else data * gain
    partial = target.with_suffix(".part")
    soundfile.write(str(partial), louder, sample_rate, subtype="PCM_16", format="WAV")
    partial.replace(target)


def _warm_up(jobs: list[tuple[SpeechWorker, threading.Lock, Job]]) -> None:
    """Start workers by giving each a word to render; a failure shows when the rate is really used."""
    for worker, lock, job in jobs:
        with lock:
            worker.run(job, SPEAK_TIMEOUT_SLACK_SECONDS)


def _import_audio_libraries() -> None:
    import numpy  # noqa: F401
    import soundfile  # noqa: F401


def _name(voice: str, rate: int, text: str) -> str:
    return hashlib.sha256(f"{voice}\n{rate}\n{text}".encode()).hexdigest()[:24]
