"""A local stand-in for Twilio's REST API: records what the line sends, and can fail on request."""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import pytest
from flask import Flask
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from service.web.webhooks.textme import outbox_of

ACCOUNT_SID = "AC" + "ab" * 16
AUTH_TOKEN = "0123456789abcdef" * 2


@dataclass
class StandIn:
    """What the fake API was sent, and how it should answer the next requests."""

    url: str = ""
    sent: list[dict[str, str]] = field(default_factory=list)
    status: int = 201
    code: int = 20500  # Twilio's error code when `status` is an error (21610: the phone opted out)
    delay_seconds: float = 0.0
    held: threading.Event | None = None  # when set to an Event: each request waits for it (up to 30 s)
    arrived: int = 0  # requests that reached the stand-in, answered or not yet

    def handle(self, request: Request) -> Response:
        """Answer a Messages.json create the way Twilio does, after recording it."""
        self.arrived += 1
        time.sleep(self.delay_seconds)
        if self.held is not None:
            self.held.wait(30)
        form = {key: values[0] for key, values in parse_qs(request.get_data(as_text=True)).items()}
        user, _, password = base64.b64decode(
            request.headers.get("Authorization", "Basic ").split(" ", 1)[1] or b""
        ).decode().partition(":")
        sid = "SM" + secrets.token_hex(16)
        self.sent.append({**form, "path": request.path, "user": user, "password": password, "sid": sid})
        if self.status >= 400:
            body = {"code": self.code, "message": "Refused", "status": self.status}
            return Response(json.dumps(body), status=self.status, content_type="application/json")
        body = {"sid": sid, "status": "queued", "to": form.get("To"),
                "body": form.get("Body"), "account_sid": user}
        return Response(json.dumps(body), status=201, content_type="application/json")


    def wait_for(self, count: int, seconds: float = 20.0) -> list[dict[str, str]]:
        """What was sent, once at least `count` messages were (or the time is up)."""
        deadline = time.monotonic() + seconds
        while len(self.sent) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.sent


def deliver(app: Flask) -> int:
    """Send what the app's outbox holds now, as its thread would (tests call it after a webhook)."""
    outbox = outbox_of(app)
    assert outbox is not None, "the app has no Twilio account settings, so it sends nothing"
    return outbox.deliver_due()


@pytest.fixture
def twilio_api() -> Iterator[StandIn]:
    """A stand-in API on a free loopback port, for as long as one test runs."""
    standin = StandIn()
    server = make_server("127.0.0.1", 0, Request.application(standin.handle), threaded=True)
    standin.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield standin
    finally:
        server.shutdown()
        thread.join(timeout=5)
