"""Benchmark: render every recording cold, then warm, as ratios against baselines from the same run.

    .venv/bin/python bench/speech_render.py [--content DIR] [--parallel N] [--json]

The absolute seconds depend on the machine; compare the ratios between runs. Baselines: one short
prompt in a fresh worker (process start included) and the same prompt in a running worker (render,
check, convert, store). Not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from service.config import Settings
from service.content import Content, load_content
from service.speech.cache import AudioCache
from service.speech.lines import Line
from service.speech.render import AudioJob, plan_audio, render_audio
from service.speech.worker import Job, SpeechWorker

BASELINE_TEXT = "Please call again any time. Goodbye."
BASELINE_REPEATS = 5


def baseline(settings: Settings, folder: Path) -> dict[str, float]:
    """One short prompt: in a fresh worker, then (median of several) in a running one."""
    cache = AudioCache(folder / "baseline")
    cache.prepare()
    job = AudioJob(Line("en", BASELINE_TEXT, "bench:baseline"), "en-us", settings.speech_rate)
    started = time.perf_counter()
    with SpeechWorker(job.voice, job.rate) as worker:
        _render_one(worker, job, cache, folder)
        fresh = time.perf_counter() - started
        warm = [_timed(lambda: _render_one(worker, job, cache, folder)) for _ in range(BASELINE_REPEATS)]
    return {
        "prompt_words": job.line.words,
        "fresh_worker_s": fresh,
        "running_worker_s": statistics.median(warm),
    }


def _render_one(worker: SpeechWorker, job: AudioJob, cache: AudioCache, folder: Path) -> None:
    raw = folder / "baseline.wav"
    outcome = worker.run(Job(job.line.text_id, job.line.text, raw), timeout=30)
    if not outcome.ok:
        raise SystemExit(f"baseline failed: {outcome.problem}")
    cache.install(raw, job.name, job.line.words, job.rate)


def _timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def full_content(content: Content, settings: Settings, folder: Path, parallel: int) -> dict[str, float]:
    """Every recording into an empty cache (cold), then again with nothing left to do (warm).

    Both include finding the lines (plan_s), as `flask audio render` does each time.
    """
    started = time.perf_counter()
    jobs = plan_audio(content, settings)
    plan = time.perf_counter() - started
    cache = AudioCache(folder / "all")
    cold = render_audio(jobs, cache, parallel=parallel)
    if cold.failed:
        raise SystemExit(f"{len(cold.failed)} recordings failed, e.g. {cold.failed[0]}")
    warm = render_audio(jobs, cache, parallel=parallel)
    return {
        "recordings": len(cold.rendered),
        "words": sum(job.line.words for job, _ in cold.rendered),
        "audio_minutes": cold.audio_seconds / 60,
        "megabytes": cold.size / 1e6,
        "plan_s": plan,
        "cold_s": plan + cold.wall_seconds,
        "warm_s": plan + warm.wall_seconds,
    }


def ratios(base: dict[str, float], full: dict[str, float]) -> dict[str, float]:
    """The numbers to compare between runs and machines."""
    per_word_all = full["cold_s"] / full["words"]
    per_word_prompt = base["running_worker_s"] / base["prompt_words"]
    return {
        "warm_over_cold": full["warm_s"] / full["cold_s"],
        "cold_over_fresh_prompt": full["cold_s"] / base["fresh_worker_s"],
        "per_word_all_over_per_word_prompt": per_word_all / per_word_prompt,
        "audio_seconds_per_render_second": full["audio_minutes"] * 60 / full["cold_s"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=None, help="content folder (default: the project's)")
    parser.add_argument("--parallel", type=int, default=2, help="worker processes at once (default 2)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args()
    settings = Settings.from_env()
    content = load_content(args.content or settings.content_dir)
    with tempfile.TemporaryDirectory(prefix="speech-bench-") as tmp:
        base = baseline(settings, Path(tmp))
        full = full_content(content, settings, Path(tmp), args.parallel)
    result = {"baseline": base, "all_content": full, "ratios": ratios(base, full)}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for section, values in result.items():
        print(section)
        for key, value in values.items():
            print(f"  {key:38} {value:10.3f}")


if __name__ == "__main__":
    main()
