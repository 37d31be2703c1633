"""What every webhook answer shares: TwiML with HTTP 200, whatever happened."""

from __future__ import annotations

from flask import Response

TWIML_TYPE = "text/xml; charset=utf-8"


def twiml_response(twiml: str) -> Response:
    """A TwiML document as Twilio wants it: 200, XML, never cached."""
    response = Response(twiml, status=200, content_type=TWIML_TYPE)
    response.headers["Cache-Control"] = "no-store"
    return response


def oversized_reply(path: str) -> Response:
    """What Twilio gets when a request is too large to read: a short apology as TwiML."""
    from twilio.twiml.messaging_response import MessagingResponse
    from twilio.twiml.voice_response import VoiceResponse

    if path.startswith("/voice"):
        voice = VoiceResponse()
        voice.say("Sorry, something went wrong. Please call again.")
        voice.hangup()
        return twiml_response(str(voice))
    sms = MessagingResponse()
    sms.message("Sorry, that message was too long for us. Please text one word, like MENU.")
    return twiml_response(str(sms))
