"""A child process per voice and rate holds the engine, so a hung render is killed, not waited on."""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType

from service.speech.engine import SpeechEngine

START_TIMEOUT_SECONDS = 15.0
START_TRIES = 2
# espeak-ng crashes (SIGSEGV) on one utterance of about 20,000 characters; a topic is under 1,000.
MAX_TEXT_CHARACTERS = 10_000
STOP_GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class Job:
    """One utterance: written to `path` as a 22 kHz WAV file, or spoken aloud when path is None."""

    text_id: str
    text: str
    path: Path | None = None


@dataclass(frozen=True)
class Outcome:
    """How one job went; `problem` says what went wrong, empty when it went right."""

    text_id: str
    problem: str = ""

    @property
    def ok(self) -> bool:
        """Whether the engine finished the utterance."""
        return not self.problem


class SpeechWorker:
    """The parent's handle on one child process; a fault stops it and the next job starts a fresh one."""

    def __init__(self, voice: str, rate: int, start_timeout: float = START_TIMEOUT_SECONDS) -> None:
        self.voice = voice
        self.rate = rate
        self.start_timeout = start_timeout
        self.voice_id = ""
        self.broken = ""
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def run(self, job: Job, timeout: float) -> Outcome:
        """Do one job within `timeout` seconds; a job that overruns stops the worker and is reported."""
        if len(job.text) > MAX_TEXT_CHARACTERS:
            return Outcome(job.text_id, f"{len(job.text)} characters is too long for one utterance "
                                        f"(at most {MAX_TEXT_CHARACTERS})")
        conn = self._connection()
        if conn is None:
            return Outcome(job.text_id, self.broken)
        try:
            conn.send(job)
            if not conn.poll(timeout):
                self.close()
                return Outcome(job.text_id, f"timed out after {timeout:.1f} s, so its worker was stopped")
            outcome: Outcome = conn.recv()
        except (EOFError, OSError):
            return Outcome(job.text_id, f"the speech worker died (exit code {self._reap()})")
        if not outcome.ok:
            self.close()
        return outcome

    def close(self) -> None:
        """Stop the child process, forcibly when it does not stop by itself."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        process, self._process = self._process, None
        if process is None:
            return
        if process.is_alive():
            process.terminate()
            process.join(STOP_GRACE_SECONDS)
        if process.is_alive():
            process.kill()
            process.join(STOP_GRACE_SECONDS)

    def _reap(self) -> int | None:
        """Collect a child that died, for its exit code (negative: the signal that ended it)."""
        process = self._process
        if process is not None:
            process.join(STOP_GRACE_SECONDS)
        self.close()
        return process.exitcode if process is not None else None

    def _connection(self) -> Connection | None:
        """The running child's pipe, starting a child when there is none; None once it cannot start."""
        if self.broken:
            return None
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        for _ in range(START_TRIES):
            self.close()
            self.broken = self._start()
            if not self.broken:
                return self._conn
        return None

    def _start(self) -> str:
        """Start a child and wait until its engine is set up; return the problem, or ""."""
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=serve, args=(child, self.voice, self.rate), daemon=True)
        process.start()
        child.close()
        self._process, self._conn = process, parent
        if not parent.poll(self.start_timeout):
            self.close()
            return f"the speech engine did not start within {self.start_timeout:g} s"
        try:
            kind, detail = parent.recv()
        except (EOFError, OSError):
            self.close()
            return "the speech worker exited while starting its engine"
        if kind != "ready":
            self.close()
            return f"the speech engine could not start: {detail}"
        self.voice_id = detail
        return ""

    def __enter__(self) -> SpeechWorker:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def serve(conn: Connection, voice: str, rate: int) -> None:
    """The child's main loop: one engine for its whole life, one job at a time."""
    _quiet_output()
    try:
        engine = SpeechEngine(voice, rate)
    except Exception as error:
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    conn.send(("ready", engine.voice_id))
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_do(engine, job))


def _do(engine: SpeechEngine, job: Job) -> Outcome:
    """Render or speak one job, turning any failure into a reported problem."""
    try:
        if job.path is None:
            engine.speak(job.text)
        else:
            engine.save(job.text, job.path)
    except Exception as error:
        return Outcome(job.text_id, f"{type(error).__name__}: {error}")
    return Outcome(job.text_id)


def _quiet_output() -> None:
    """The driver prints "Audio saved to ..." and aplay complains with no sound card: hide both."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
