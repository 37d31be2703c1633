"""The audio route Twilio fetches recordings from, and the lookup that picks <Play> over <Say>."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, send_file, url_for

from service.speech.cache import NAME_PATTERN, AudioCache, audio_name
from service.speech.render import rate_for, voice_for
from service.web.recordings import audio_cache
from service.web.runtime import Runtime, runtime

log = logging.getLogger(__name__)
bp = Blueprint("audio", __name__, url_prefix="/audio")
ONE_YEAR_SECONDS = 365 * 24 * 3600


def init_app(app: Flask) -> None:
    """Register the route."""
    app.register_blueprint(bp)


@bp.get("/<name>.wav")
def serve(name: str) -> Response:
    """One recording by its hash name; anything else is 404, and no request text reaches a path."""
    if not runtime().settings.audio_enabled or not NAME_PATTERN.fullmatch(name):
        abort(404)
    path = _recording(audio_cache(), name)
    if path is None:
        abort(404)
    response = send_file(path, mimetype="audio/wav", etag=name, conditional=True, max_age=ONE_YEAR_SECONDS)
    response.cache_control.public = True
    response.cache_control.immutable = True
    return response


def _recording(cache: AudioCache, name: str) -> Path | None:
    """The recording's file if it is a regular file right inside the audio folder; never a symlink."""
    path = cache.path(name)
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        resolved = path.resolve(strict=True)
        inside = resolved.parent == cache.root.resolve(strict=True)
    except OSError:
        return None
    if not inside:
        log.warning("audio: %s resolves outside the audio folder %s; not served", path.name, cache.root)
        return None
    return resolved


def audio_url(rt: Runtime, text: str, slow: bool) -> str | None:
    """The URL of this line's recording when audio is on and it is cached; None means use <Say>."""
    if not rt.settings.audio_enabled:
        return None
    try:
        name = _cached_name(rt, text, slow)
        if name is None:
            return None
        return f"{rt.settings.public_base_url}{url_for('audio.serve', name=name)}"
    except Exception:
        log.exception("audio: looking up a recording failed; the line is spoken with <Say>")
        return None


def _cached_name(rt: Runtime, text: str, slow: bool) -> str | None:
    """The cached recording of a text in any content language's voice, at the caller's rate."""
    cache = audio_cache()
    rate = rate_for(rt.settings, slow)
    for lang in rt.content.languages:
        name = audio_name(text, voice_for(rt.settings, lang), rate)
        if cache.has(name):
            return name
    return None
