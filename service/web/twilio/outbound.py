"""Texts the line sends on its own, through Twilio's REST API: only ever for a signed request."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from requests.exceptions import ReadTimeout
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from service.config import Settings

log = logging.getLogger(__name__)
SEND_TIMEOUT_SECONDS = 5.0
WHATSAPP_PREFIX = "whatsapp:"


class SendError(Exception):
    """Twilio did not take the message: the API failed, timed out or refused it."""


class Unsubscribed(SendError):
    """Twilio refused with 21610: the phone opted out of this sender (STOP to any of its numbers)."""


class Unanswered(SendError):
    """The API did not answer in time after the message went out: Twilio may have taken it."""


UNSUBSCRIBED_CODE = 21610


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

    def send(self, to: str, line_number: str, bodies: list[str], status_callback: str = "") -> list[str]:
        """Send each body as one message, asking Twilio to post its delivery status to `status_callback`;
        the MessageSids Twilio took. Raise SendError at the first that fails, after logging it."""
        if to.startswith(WHATSAPP_PREFIX):  # free text reaches WhatsApp only as a reply within 24 hours
            raise SendError("the line sends nothing to a WhatsApp address on its own")
        sent: list[str] = []
        origin = (
            {"messaging_service_sid": self.messaging_service_sid}
            if self.messaging_service_sid else {"from_": line_number}
        )
        callback = {"status_callback": status_callback} if status_callback else {}
        for body in bodies:
            try:
                message = self.client.messages.create(to=to, body=body, **origin, **callback)
            except (TwilioException, OSError) as error:
                log.warning("outbound: Twilio did not take message %d of %d: %s", len(sent) + 1, len(bodies),
                            type(error).__name__)
                if isinstance(error, TwilioRestException) and error.code == UNSUBSCRIBED_CODE:
                    raise Unsubscribed(str(error)) from error
                if isinstance(error, ReadTimeout):
                    raise Unanswered(str(error)) from error
                raise SendError(str(error)) from error
            sent.append(str(message.sid or ""))
        return sent
