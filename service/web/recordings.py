"""The app's cache of recorded lines: where it lives, and how much of it is rendered at start."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, current_app

from service.config import Settings
from service.speech.cache import AudioCache
from service.speech.render import missing_jobs, plan_audio
from service.web.runtime import Runtime, runtime_of

log = logging.getLogger(__name__)
EXTENSION = "mbc_line_audio"


def init_app(app: Flask) -> None:
    """Keep the cache on the app; with audio on, say at start how much of it is rendered."""
    rt = runtime_of(app)
    cache = AudioCache(audio_dir(rt.settings, app.instance_path))
    app.extensions[EXTENSION] = cache
    if rt.settings.audio_enabled:
        _log_coverage(rt, cache)


def audio_dir(settings: Settings, instance_path: str) -> Path:
    """AUDIO_DIR, else the instance folder's audio/."""
    return settings.audio_dir or Path(instance_path) / "audio"


def audio_cache(app: Flask | None = None) -> AudioCache:
    """The app's audio cache."""
    cache: AudioCache = (app or current_app).extensions[EXTENSION]
    return cache


def _log_coverage(rt: Runtime, cache: AudioCache) -> None:
    """Tell the operator at start when lines will fall back to <Say>; a failure here stops nothing."""
    try:
        jobs = plan_audio(rt.content, rt.settings)
        missing = len(missing_jobs(jobs, cache))
    except Exception:
        log.exception("audio: could not check the recordings in %s; calls fall back to <Say>", cache.root)
        return
    if missing:
        log.warning(
            "AUDIO_ENABLED is on, but %d of %d recordings are missing from %s: those lines use "
            "<Say> until you run `flask audio render`", missing, len(jobs), cache.root,
        )
    else:
        log.info("audio: all %d recordings are in %s", len(jobs), cache.root)
