"""SMS or WhatsApp: what differs between the two for the text line, read from the signed request.

WhatsApp carries up to 1,600 characters in any alphabet, so a topic goes whole with its accents;
SMS keeps to GSM-7 pages. Either may bring a picture, a voice note or a place with no words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from flask import request

from service.content import Content
from service.core import wording
from service.core.gsm import to_gsm
from service.core.texts import Show, TextReply, TextState
from service.core.understand.meaning import points_at_media
from service.safety.triage import triage

Channel = Literal["sms", "whatsapp"]
SMS: Channel = "sms"
WHATSAPP: Channel = "whatsapp"
WHATSAPP_PREFIX = "whatsapp:"


def channel_of() -> Channel:
    """WhatsApp when Twilio says the sender is a WhatsApp address, else SMS."""
    return WHATSAPP if request.values.get("From", "").startswith(WHATSAPP_PREFIX) else SMS


def is_media_only(body: str) -> bool:
    """A message with media (a picture, a voice note) or a shared place, and no words to read but a
    few that point at it ("this is my scan", "que dice esto"), unless they tell of danger."""
    media = request.values.get("NumMedia", "").strip()
    sent = (media.isdigit() and int(media) > 0) or bool(request.values.get("Latitude", "").strip())
    if not sent or not body.strip():
        return sent
    return points_at_media(body) and triage(body) is None


def saved_state(content: Content, reply: TextReply, channel: Channel) -> TextState:
    """What to remember after a reply: on WhatsApp, a topic sent up to the last page that fit."""
    if channel == WHATSAPP and reply.show is Show.PAGE:
        return replace(reply.state, page=wording.topic_run(content, reply.state)[-1])
    return reply.state


def message_text(content: Content, reply: TextReply, channel: Channel, phone: str, helpline: str) -> str:
    """The message for a reply: WhatsApp's as written, SMS's in the GSM-7 alphabet."""
    if channel == WHATSAPP:
        return wording.whatsapp_message(content, reply, phone, helpline)
    return to_gsm(wording.text_message(content, reply, phone, helpline))
