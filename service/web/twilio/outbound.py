"""Texts the line sends on its own, through Twilio's REST API: only ever for a signed request."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from service.config import Settings

log = logging.getLogger(__name__)
SEND_TIMEOUT_SECONDS = 5.0


class SendError(Exception):
    """Twilio did not take the message: the API failed, timed out or refused it."""


@dataclass(frozen=True)
class TextSender:
    """Sends SMS from the line's own number (or its messaging service) to one phone."""

    client: Client
    messaging_service_sid: str = ""

    @classmethod
    def from_settings(cls, settings: Settings, auth_token: str) -> TextSender | None:
        """A sender when the account settings are there; None means the line does not offer texts."""
        if not settings.twilio_account_sid or not settings.twilio_auth_token:
            return None
        http = TwilioHttpClient(timeout=SEND_TIMEOUT_SECONDS)
        client = Client(settings.twilio_account_sid, auth_token, http_client=http)
        client.api.base_url = settings.twilio_api_base_url
        return cls(client, settings.twilio_messaging_service_sid)

    def send(self, to: str, line_number: str, bodies: list[str]) -> int:
        """Send each body as one message; raise SendError at the first that fails, after logging it."""
        sent = 0
        for body in bodies:
            origin = (
                {"messaging_service_sid": self.messaging_service_sid}
                if self.messaging_service_sid else {"from_": line_number}
            )
            try:
                self.client.messages.create(to=to, body=body, **origin)
            except (TwilioException, OSError) as error:
                log.warning("outbound: Twilio did not take message %d of %d: %s", sent + 1, len(bodies),
                            type(error).__name__)
                raise SendError(str(error)) from error
            sent += 1
        return sent
