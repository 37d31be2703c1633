"""Signed requests through the app as Twilio sends them: for the demo commands and the tests."""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from twilio.request_validator import RequestValidator
from werkzeug.test import TestResponse

from service.web.runtime import runtime_of

DEMO_CALLER = "+15555550100"
DEMO_LINE = "+15555550199"


@dataclass
class Heard:
    """What one TwiML answer does, read the way a caller or texter meets it."""

    status: int
    xml: str
    root: ET.Element | None = field(default=None, repr=False)

    @property
    def says(self) -> list[str]:
        """Every spoken text, in order."""
        if self.root is None:
            return []
        return [" ".join("".join(el.itertext()).split()) for el in self.root.iter("Say")]

    @property
    def text(self) -> str:
        """All spoken text as one string."""
        return " ".join(self.says)

    @property
    def messages(self) -> list[str]:
        """Every SMS body sent back."""
        if self.root is None:
            return []
        return ["".join(el.itertext()) for el in self.root.iter("Message")]

    @property
    def hangs_up(self) -> bool:
        return self.root is not None and self.root.find("Hangup") is not None

    @property
    def gathers(self) -> bool:
        return self.root is not None and self.root.find("Gather") is not None


class TwilioSimulator:
    """Sends form posts signed with the app's auth token, to the URL Twilio would use."""

    def __init__(self, app: Flask, base_url: str = "http://localhost") -> None:
        self.app = app
        self.client = app.test_client()
        rt = runtime_of(app)
        self.validator = RequestValidator(rt.auth_token)
        self.base_url = rt.settings.public_base_url or base_url
        self.call_sid = ""

    def post(self, path: str, params: dict[str, str], sign: bool = True) -> Heard:
        """POST a signed (or unsigned) form and read the TwiML that comes back."""
        url = f"{self.base_url}{path}"
        headers = {}
        if sign:
            headers["X-Twilio-Signature"] = self.validator.compute_signature(url, params)
        parts = urlsplit(url)
        response: TestResponse = self.client.post(
            path, data=params, headers=headers, base_url=f"{parts.scheme}://{parts.netloc}"
        )
        return _read(response)

    # --- a call ------------------------------------------------------------------------

    def dial(self, caller: str = DEMO_CALLER) -> Heard:
        """A new call arrives."""
        self.call_sid = "CA" + secrets.token_hex(16)
        return self.post("/voice", self._call_params(caller))

    def press(self, digits: str) -> Heard:
        """The caller presses a key."""
        return self.post("/voice/input", {**self._call_params(), "Digits": digits})

    def speak(self, words: str, confidence: str = "0.9") -> Heard:
        """The caller says something; Twilio sends what it recognised."""
        params = {**self._call_params(), "SpeechResult": words, "Confidence": confidence}
        return self.post("/voice/input", params)

    def wait(self) -> Heard:
        """The caller says nothing until the gather times out."""
        return self.post("/voice/input", self._call_params())

    def _call_params(self, caller: str = DEMO_CALLER) -> dict[str, str]:
        return {
            "CallSid": self.call_sid, "AccountSid": "AC" + "0" * 32, "From": caller,
            "To": DEMO_LINE, "CallStatus": "in-progress", "Direction": "inbound",
        }

    # --- a text ------------------------------------------------------------------------

    def text(self, body: str, sender: str = DEMO_CALLER) -> Heard:
        """A text message arrives from a phone."""
        params = {
            "MessageSid": "SM" + secrets.token_hex(16), "AccountSid": "AC" + "0" * 32,
            "From": sender, "To": DEMO_LINE, "Body": body, "NumMedia": "0",
        }
        return self.post("/sms", params)


def _read(response: TestResponse) -> Heard:
    body = response.get_data(as_text=True)
    root: Any = None
    if response.status_code == 200:
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            root = None
    return Heard(response.status_code, body, root)
