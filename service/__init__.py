"""The metastatic breast cancer voice and SMS line: the Flask app factory."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request

from service.config import Settings
from service.content import load_content
from service.errors import ConfigError
from service.journal import OptOutJournal
from service.matching import matchers_for
from service.navigation import CallNavigator
from service.privacy import PhoneHasher, load_hash_key
from service.runtime import EXTENSION, Runtime
from service.store import open_store
from service.texting import TextNavigator
from service.webhook import SMS_TOO_LONG, is_webhook, last_resort

log = logging.getLogger(__name__)
MAX_REQUEST_BYTES = 1024 * 1024


def create_app(settings: Settings | None = None, instance_path: str | None = None) -> Flask:
    """Build the app from settings (default: the environment); refuse to start when unsafe."""
    settings = settings or Settings.from_env()
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True)
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    token = _auth_token(settings)
    app.config.update(
        TWILIO_AUTH_TOKEN=token,
        PUBLIC_BASE_URL=settings.public_base_url,
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
        MAX_FORM_MEMORY_SIZE=MAX_REQUEST_BYTES,
    )
    instance = Path(app.instance_path)
    content = load_content(settings.content_dir)
    matchers = matchers_for(content)
    store = open_store(settings.state_url, instance)
    store.ping()
    journal = OptOutJournal(instance / "opt-out-journal.jsonl")
    journal.replay(store)
    app.extensions[EXTENSION] = Runtime(
        settings=settings,
        content=content,
        calls=CallNavigator(content, matchers),
        texts=TextNavigator(content, settings.line_phone, matchers),
        store=store,
        hash_phone=PhoneHasher(load_hash_key(settings.phone_hash_key, instance)),
        journal=journal,
    )
    _register(app)
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
    from service import cli, sms, voice
    from service.speech import route as speech_route

    app.register_blueprint(voice.bp)
    app.register_blueprint(sms.bp)
    speech_route.init_app(app)
    cli.init_app(app)

    @app.get("/healthz")
    def healthz() -> Any:
        """For the load balancer: the content loaded and the store answers."""
        try:
            app.extensions[EXTENSION].store.ping()
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
