"""The Flask app factory: `create_app` wires content, core, store and webhooks together."""

from __future__ import annotations

import logging
import re
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import Forbidden, HTTPException

from service.checker import load_checked
from service.config import Settings, opening_hours
from service.content import Content
from service.core.calls import CallNavigator, Offers
from service.core.matching import matchers_for
from service.core.texts import TextNavigator
from service.errors import ConfigError
from service.store import open_store
from service.store.journal import OptOutJournal
from service.store.optouts import OptOuts
from service.store.privacy import PhoneHasher, load_hash_key
from service.web import pages
from service.web.ops import metrics
from service.web.runtime import EXTENSION, Runtime, runtime_of
from service.web.twilio import ratelimit
from service.web.twilio.outbound import TextSender
from service.web.twilio.signature import FORM_LIMIT_BYTES, READ_LIMIT_BYTES, signed_by_twilio
from service.web.twilio.twiml import SMS_TOO_LONG, is_webhook, last_resort

log = logging.getLogger(__name__)
TOKEN_SHAPE = re.compile(r"[0-9a-fA-F]{32}")
QUOTES = ("'", '"')
SHARED_SCHEMES = ("redis", "rediss")  # stores that several hosts share


def create_app(
    settings: Settings | None = None, instance_path: str | None = None, content: Content | None = None
) -> Flask:
    """Build the app from settings (default: the environment); refuse to start when unsafe.

    `content` may be given already loaded and checked (tests share one); else it is read from
    the settings' content folder.
    """
    settings = settings or Settings.from_env()
    app = Flask(
        __name__, instance_path=instance_path, instance_relative_config=True,
        template_folder=pages.TEMPLATES, static_folder=pages.STATIC,
    )
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app.config.update(MAX_CONTENT_LENGTH=READ_LIMIT_BYTES, MAX_FORM_MEMORY_SIZE=FORM_LIMIT_BYTES)
    token = _auth_token(settings)
    if settings.simulator and settings.twilio_auth_token and not settings.simulator_password:
        raise ConfigError(
            "SIMULATOR=1 with a real TWILIO_AUTH_TOKEN lets the try-it page sign requests as Twilio, so it "
            "needs SIMULATOR_PASSWORD (a long random one): set it, or unset SIMULATOR."
        )
    instance = Path(app.instance_path)
    content = content or load_checked(settings.content_dir)
    matchers = matchers_for(content)
    store = open_store(settings.state_url, instance)
    store.ping()
    optouts = OptOuts(store, OptOutJournal(instance / "opt-out-journal.jsonl"))
    optouts.replay()
    sender = TextSender.from_settings(settings, token)
    app.extensions[EXTENSION] = Runtime(
        settings=settings,
        auth_token=token,
        content=content,
        calls=CallNavigator(content, matchers, _offers(settings, sender)),
        texts=TextNavigator(content, matchers),
        store=store,
        optouts=optouts,
        hash_phone=PhoneHasher(load_hash_key(settings.phone_hash_key, instance, settings.phone_hash_key_file,
                                             shared=urlsplit(settings.state_url).scheme in SHARED_SCHEMES)),
    )
    _register(app, sender)
    metrics.init_app(app, settings.metrics_token)
    ratelimit.init_app(app, store, settings.rate_limit_texts, settings.rate_limit_calls)
    return app


def _offers(settings: Settings, sender: TextSender | None) -> Offers:
    """What the phone line offers beyond the content: a person (HELPLINE_PHONE), texts (account)."""
    return Offers(
        person=bool(settings.helpline_phone),
        person_hours=opening_hours(settings.helpline_hours) if settings.helpline_phone else None,
        texting=sender is not None,
        crisis_line=bool(settings.crisis_line_phone),
    )


def _auth_token(settings: Settings) -> str:
    """The token that signs webhooks; without one only the explicit local demo may start."""
    if settings.twilio_auth_token:
        _check_token_shape(settings)
        if settings.local_demo:
            log.warning(
                "LOCAL_DEMO=1 is set, but so is TWILIO_AUTH_TOKEN: the TWILIO_AUTH_TOKEN is used, so "
                "requests Twilio signs with it are served. Unset one of them to remove the doubt."
            )
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


def _check_token_shape(settings: Settings) -> None:
    """Refuse a token anyone could guess (`x`, or the `""` some env-file loaders make of a blank)."""
    token = settings.twilio_auth_token
    quoted = token[:1] in QUOTES and token[-1:] in QUOTES
    if not token.strip("".join(QUOTES)):
        raise ConfigError(
            "TWILIO_AUTH_TOKEN is only quotation marks, which is what some env-file loaders make of "
            "an empty value, not a Twilio auth token (32 hexadecimal characters). Set it to the "
            "auth token from the Twilio console (Account info), without quotes."
        )
    if settings.twilio_auth_token_any_shape or TOKEN_SHAPE.fullmatch(token):
        return
    if quoted:
        why = "it is wrapped in quotation marks"
    elif len(token) == 32:
        why = "this one has characters other than 0-9 and a-f"
    else:
        why = f"this one has {len(token)} characters"
    raise ConfigError(
        f"TWILIO_AUTH_TOKEN is not the shape of a Twilio auth token, 32 hexadecimal characters "
        f"({why}), so anyone might guess it and sign requests. Copy it again from the Twilio console "
        f"(Account info), without quotes. If your token really has another shape, set "
        f"TWILIO_AUTH_TOKEN_ANY_SHAPE=1."
    )


def _register(app: Flask, sender: TextSender | None) -> None:
    from service.web import cli, recordings
    from service.web.pages import tryit
    from service.web.twilio import once
    from service.web.webhooks import audio, delivery, sms, status, textme, usage, voice

    recordings.init_app(app)
    once.init_app(app)
    textme.init_app(app, sender)
    app.register_blueprint(voice.bp)
    app.register_blueprint(sms.bp)
    app.register_blueprint(delivery.bp)
    audio.init_app(app)
    usage.init_app(app)
    status.init_app(app)
    tryit.init_app(app)
    cli.init_app(app)

    @app.get("/healthz")
    def healthz() -> Any:
        """For the load balancer: the content loaded and the store answers; "demo" when Twilio is refused."""
        try:
            runtime_of(app).store.ping()
        except Exception:
            log.exception("healthz: store is not answering")
            return jsonify(status="store unavailable"), 503
        if runtime_of(app).settings.local_demo and not runtime_of(app).settings.twilio_auth_token:
            return jsonify(status="demo", detail="LOCAL_DEMO: every request from Twilio is refused (403)")
        return jsonify(status="ok")

    @app.errorhandler(413)
    def too_large(error: HTTPException) -> Response | HTTPException:
        """A signed request too large to serve still gets valid TwiML; one not proven signed gets 403."""
        if not is_webhook(request.path):
            return error
        if not signed_by_twilio():
            return Forbidden()
        return last_resort(request.path, SMS_TOO_LONG, runtime_of(app).settings)

    @app.errorhandler(500)
    def failed(error: HTTPException) -> Response | HTTPException:
        """A fault that escaped a webhook's own guard: Twilio still gets TwiML with HTTP 200."""
        if not is_webhook(request.path):
            return error
        log.error("webhook %s failed beyond its own guard; sent the fixed apology", request.path)
        return last_resort(request.path, settings=runtime_of(app).settings)
