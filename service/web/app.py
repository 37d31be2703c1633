"""The Flask app factory: `create_app` wires content, core, store and webhooks together."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request

from service.checker import load_checked
from service.config import Settings
from service.content import Content
from service.core.calls import CallNavigator
from service.core.matching import matchers_for
from service.core.texts import TextNavigator
from service.errors import ConfigError
from service.store import open_store
from service.store.journal import OptOutJournal
from service.store.optouts import OptOuts
from service.store.privacy import PhoneHasher, load_hash_key
from service.web import ratelimit
from service.web.runtime import EXTENSION, Runtime, runtime_of
from service.web.twiml import SMS_TOO_LONG, is_webhook, last_resort

log = logging.getLogger(__name__)
MAX_REQUEST_BYTES = 1024 * 1024


def create_app(
    settings: Settings | None = None, instance_path: str | None = None, content: Content | None = None
) -> Flask:
    """Build the app from settings (default: the environment); refuse to start when unsafe.

    `content` may be given already loaded and checked (tests share one); else it is read from
    the settings' content folder.
    """
    settings = settings or Settings.from_env()
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True)
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app.config.update(MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES, MAX_FORM_MEMORY_SIZE=MAX_REQUEST_BYTES)
    token = _auth_token(settings)
    instance = Path(app.instance_path)
    content = content or load_checked(settings.content_dir)
    matchers = matchers_for(content)
    store = open_store(settings.state_url, instance)
    store.ping()
    optouts = OptOuts(store, OptOutJournal(instance / "opt-out-journal.jsonl"))
    optouts.replay()
    app.extensions[EXTENSION] = Runtime(
        settings=settings,
        auth_token=token,
        content=content,
        calls=CallNavigator(content, matchers),
        texts=TextNavigator(content, matchers),
        store=store,
        optouts=optouts,
        hash_phone=PhoneHasher(load_hash_key(settings.phone_hash_key, instance)),
    )
    _register(app)
    ratelimit.init_app(app, settings.state_url, settings.rate_limit_texts, settings.rate_limit_calls)
    return app


def _auth_token(settings: Settings) -> str:
    """The token that signs webhooks; without one only the explicit local demo may start."""
    if settings.twilio_auth_token:
        return settings.twilio_auth_token
    if not settings.local_demo:
        raise ConfigError(
            "TWILIO_AUTH_TOKEN is not set, so Twilio's signatures cannot be checked and the "
            "webhooks will not be served. Set it to your Twilio auth token, or set LOCAL_DEMO=1 "
            "to try the line on this computer only."
        )
    log.warning(
        "LOCAL DEMO MODE: no TWILIO_AUTH_TOKEN, so webhooks are signed with a random local "
        "token; real Twilio requests will be refused (403). Not for a real phone number."
    )
    return "local-demo-" + secrets.token_hex(16)


def _register(app: Flask) -> None:
    from service.web import audio, cli, sms, voice

    app.register_blueprint(voice.bp)
    app.register_blueprint(sms.bp)
    audio.init_app(app)
    cli.init_app(app)

    @app.get("/healthz")
    def healthz() -> Any:
        """For the load balancer: the content loaded and the store answers."""
        try:
            runtime_of(app).store.ping()
        except Exception:
            log.exception("healthz: store is not answering")
            return jsonify(status="store unavailable"), 503
        return jsonify(status="ok")

    @app.errorhandler(413)
    def too_large(error: Exception) -> Response | Exception:
        """A request too large to read still gets valid TwiML, never an error page."""
        if not is_webhook(request.path):
            return error
        return last_resort(request.path, SMS_TOO_LONG)

    @app.errorhandler(500)
    def failed(error: Exception) -> Response | Exception:
        """A fault that escaped a webhook's own guard: Twilio still gets TwiML with HTTP 200."""
        if not is_webhook(request.path):
            return error
        log.error("webhook %s failed beyond its own guard; sent the fixed apology", request.path)
        return last_resort(request.path)
