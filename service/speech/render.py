"""Render every line the phone can say, at the normal and the slower rate, into the audio cache."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from service.config import Settings, opening_hours
from service.content.model import Content
from service.speech.audio import AudioFacts, AudioProblem
from service.speech.cache import AudioCache, audio_name
from service.speech.lines import Line, phone_lines
from service.speech.worker import Job, SpeechWorker

DEFAULT_TIMEOUT_SECONDS = 20.0
TIMEOUT_PER_WORD_SECONDS = 0.05
AUDIO_CHECK_TRIES = 2
MAX_FAILURES_IN_A_ROW = 3


@dataclass(frozen=True)
class AudioJob:
    """One line in one voice at one rate, and the cache name of its recording."""

    line: Line
    voice: str
    rate: int

    @property
    def name(self) -> str:
        """The recording's file name in the cache."""
        return audio_name(self.line.text, self.voice, self.rate)

    @property
    def label(self) -> str:
        """How a person finds it in a report."""
        return f"{self.line.text_id} (rate {self.rate})"


@dataclass
class RenderReport:
    """What a render did: how many were already cached, what was made, what failed and why."""

    planned: int = 0
    cached: int = 0
    rendered: list[tuple[AudioJob, AudioFacts]] = field(default_factory=list)
    failed: list[tuple[AudioJob, str]] = field(default_factory=list)
    wall_seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, job: AudioJob, facts: AudioFacts | None, problem: str) -> None:
        """Record one finished job; safe from several threads."""
        with self._lock:
            if facts is not None:
                self.rendered.append((job, facts))
            else:
                self.failed.append((job, problem))

    @property
    def audio_seconds(self) -> float:
        """Seconds of speech rendered."""
        return sum(facts.seconds for _, facts in self.rendered)

    @property
    def size(self) -> int:
        """Bytes written to the cache."""
        return sum(facts.size for _, facts in self.rendered)


Progress = Callable[[AudioJob, str], None]


def voice_for(settings: Settings, lang: str) -> str:
    """The engine voice for a content language (SPEECH_VOICE), else the language code itself."""
    return dict(settings.speech_voices).get(lang, lang)


def rate_for(settings: Settings, slow: bool) -> int:
    """The engine rate for normal or slower speech."""
    return settings.speech_slow_rate if slow else settings.speech_rate


def plan_audio(content: Content, settings: Settings) -> list[AudioJob]:
    """Every recording the phone line can play (each line at the normal and the slower rate), and
    each topic's whole text for the Listen button on its readable page."""
    hours = opening_hours(settings.helpline_hours) if settings.helpline_phone else None
    lines = phone_lines(content, settings.helpline_phone, hours)
    phone = [
        AudioJob(line, voice_for(settings, line.lang), rate_for(settings, slow))
        for slow in (False, True)
        for line in lines
    ]
    normal = rate_for(settings, False)
    pages = [AudioJob(line, voice_for(settings, line.lang), normal) for line in page_lines(content)]
    return list({job.name: job for job in phone + pages}.values())  # a short topic is one part: once


def page_lines(content: Content) -> list[Line]:
    """Each topic's whole spoken text, which its readable page offers to play in one go."""
    return [
        Line(lang, written.voice, f"{lang}:page:{topic.id}")
        for topic in content.topics.values()
        for lang, written in topic.texts.items()
    ]


def missing_jobs(jobs: Iterable[AudioJob], cache: AudioCache) -> list[AudioJob]:
    """The jobs whose recording is not in the cache yet, each once."""
    unique = {job.name: job for job in jobs}
    return [job for name, job in unique.items() if not cache.has(name)]


def render_audio(
    jobs: list[AudioJob],
    cache: AudioCache,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    parallel: int = 2,
    progress: Progress | None = None,
) -> RenderReport:
    """Render what the cache lacks: one worker process per voice and rate, up to `parallel` at once."""
    started = time.perf_counter()
    todo = missing_jobs(jobs, cache)
    report = RenderReport(planned=len({job.name for job in jobs}))
    report.cached = report.planned - len(todo)
    if todo:
        cache.prepare()
        batches = _batches(todo)
        with tempfile.TemporaryDirectory(dir=cache.root, prefix=".render-") as folder:
            with ThreadPoolExecutor(max_workers=max(1, min(parallel, len(batches)))) as pool:
                run = _BatchRunner(cache, Path(folder), timeout, report, progress)
                list(pool.map(run, batches))
    report.wall_seconds = time.perf_counter() - started
    return report


def _batches(jobs: list[AudioJob]) -> list[list[AudioJob]]:
    """One batch per voice and rate: a worker's engine is set once and never changes rate."""
    groups: dict[tuple[str, int], list[AudioJob]] = {}
    for job in jobs:
        groups.setdefault((job.voice, job.rate), []).append(job)
    return list(groups.values())


@dataclass
class _BatchRunner:
    """Renders one batch in its own worker process."""

    cache: AudioCache
    folder: Path
    timeout: float
    report: RenderReport
    progress: Progress | None

    def __call__(self, batch: list[AudioJob]) -> None:
        in_a_row = 0
        with SpeechWorker(batch[0].voice, batch[0].rate) as worker:
            for job in batch:
                if in_a_row >= MAX_FAILURES_IN_A_ROW:
                    facts, problem = None, f"not tried: the {in_a_row} before it failed in a row"
                else:
                    facts, problem = self._render(worker, job)
                    in_a_row = 0 if facts else in_a_row + 1
                self.report.add(job, facts, problem)
                if self.progress is not None:
                    self.progress(job, problem)

    def _render(self, worker: SpeechWorker, job: AudioJob) -> tuple[AudioFacts | None, str]:
        """Render, check and store one recording; a bad file gets one more try in a fresh worker."""
        raw = self.folder / f"{job.name}.wav"
        problem = ""
        for _ in range(AUDIO_CHECK_TRIES):
            outcome = worker.run(Job(job.line.text_id, job.line.text, raw), self.job_timeout(job))
            if not outcome.ok:
                return None, outcome.problem
            try:
                return self.cache.install(raw, job.name, job.line.words, job.rate), ""
            except AudioProblem as error:
                problem = str(error)
                worker.close()
            except (OSError, RuntimeError) as error:
                return None, f"could not store the recording: {error}"
            finally:
                raw.unlink(missing_ok=True)
        return None, problem

    def job_timeout(self, job: AudioJob) -> float:
        """Seconds one job may take: the base time-out plus a little per word."""
        return self.timeout + job.line.words * TIMEOUT_PER_WORD_SECONDS
