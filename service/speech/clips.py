"""The talking menu's lines as WAV files: rendered once per rate and loudness, kept for the session.

A line said again (the choices, "To hear this again, press 9") plays from its file at once, and a
new speed needs only a new render, never a new recording of anything already heard at that speed.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path

from service.speech.audio import expected_seconds
from service.speech.worker import Job, SpeechWorker

SPEAK_TIMEOUT_SLACK_SECONDS = 20.0
# One worker process per rate; a person trying speeds would otherwise leave one running per step.
MAX_WORKERS = 3


class Clips:
    """Renders lines for one voice into a folder, through one worker process per rate."""

    def __init__(self, voice: str, folder: Path, max_workers: int = MAX_WORKERS) -> None:
        self.voice = voice
        self.folder = folder
        self.max_workers = max_workers
        self.workers: OrderedDict[int, SpeechWorker] = OrderedDict()

    def clip(self, text: str, rate: int, volume: float) -> tuple[Path | None, str]:
        """The file for a line at a rate and loudness, rendering it when new; else why it failed."""
        raw = self.folder / f"{_name(self.voice, rate, text)}.wav"
        if not raw.is_file():
            timeout = expected_seconds(len(text.split()), rate) * 2 + SPEAK_TIMEOUT_SLACK_SECONDS
            outcome = self._worker(rate).run(Job(f"talk:{raw.stem[:8]}", text, raw), timeout)
            if not outcome.ok:
                raw.unlink(missing_ok=True)
                return None, outcome.problem
        if volume == 1.0:
            return raw, ""
        scaled = raw.with_name(f"{raw.stem}-{round(volume * 100)}.wav")
        if not scaled.is_file():
            scale(raw, scaled, volume)
        return scaled, ""

    def close(self) -> None:
        """Stop every worker."""
        while self.workers:
            _, worker = self.workers.popitem()
            worker.close()

    def _worker(self, rate: int) -> SpeechWorker:
        """The worker for a rate, stopping the least recently used one when too many run."""
        if rate in self.workers:
            self.workers.move_to_end(rate)
            return self.workers[rate]
        while len(self.workers) >= self.max_workers:
            _, oldest = self.workers.popitem(last=False)
            oldest.close()
        self.workers[rate] = SpeechWorker(self.voice, rate)
        return self.workers[rate]


def scale(source: Path, target: Path, gain: float) -> None:
    """Softer by a plain gain; louder with a soft limit (tanh), so peaks round off instead of clipping."""
    import numpy as np
    import soundfile

    data, sample_rate = soundfile.read(str(source), dtype="float32")
    louder = np.tanh(data * gain) if gain > 1.0 else data * gain
    partial = target.with_suffix(".part")
    soundfile.write(str(partial), louder, sample_rate, subtype="PCM_16", format="WAV")
    partial.replace(target)


def _name(voice: str, rate: int, text: str) -> str:
    return hashlib.sha256(f"{voice}\n{rate}\n{text}".encode()).hexdigest()[:24]
