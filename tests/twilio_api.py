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
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

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

    def handle(self, request: Request) -> Response:
        """Answer a Messages.json create the way Twilio does, after recording it."""
        time.sleep(self.delay_seconds)
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
