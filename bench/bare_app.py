"""The baseline for bench/load.py: bare Flask answering fixed TwiML, no signature, no state."""

from __future__ import annotations

from flask import Flask, Response
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

app = Flask(__name__)

_sms = MessagingResponse()
_sms.message("Text a word like BONES or LIVER, or MENU for the list. Text STOP to stop.")
SMS_TWIML = str(_sms)
_voice = VoiceResponse()
_gather = _voice.gather(input="dtmf speech", num_digits=1, action="/voice/input", method="POST")
_gather.say("Welcome. Press 1 for where it spreads, 2 for symptoms, 3 for treatment.")
_voice.redirect("/voice/input", method="POST")
VOICE_TWIML = str(_voice)


def _twiml(body: str) -> Response:
    return Response(body, status=200, content_type="text/xml; charset=utf-8")


@app.post("/sms")
def sms() -> Response:
    """A fixed text reply."""
    return _twiml(SMS_TWIML)


@app.post("/voice")
@app.post("/voice/input")
def voice() -> Response:
    """A fixed menu, for a call start and a key press alike."""
    return _twiml(VOICE_TWIML)
