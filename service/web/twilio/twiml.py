"""What every webhook answer shares: TwiML with HTTP 200, whatever happened."""

from __future__ import annotations

from flask import Response
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

from service.config import Settings

TWIML_TYPE = "text/xml; charset=utf-8"
WEBHOOK_PATHS = ("/voice", "/sms")
VOICE_APOLOGY = "Sorry, something went wrong on our side. Please call again later. Goodbye."
VOICE_APOLOGY_ES = "Lo sentimos, algo falló de nuestro lado. Por favor, llame más tarde. Adiós."
SMS_APOLOGY = "Sorry, something went wrong on our side. Please text MENU to start again."
SMS_TOO_LONG = "Sorry, that message was too long for us. Please text one word, like MENU."


def twiml_response(twiml: str) -> Response:
    """A TwiML document as Twilio wants it: 200, XML, never cached."""
    response = Response(twiml, status=200, content_type=TWIML_TYPE)
    response.headers["Cache-Control"] = "no-store"
    return response


def is_webhook(path: str) -> bool:
    """Whether a path is one Twilio calls, so its errors must still be TwiML."""
    return path.startswith(WEBHOOK_PATHS)


def last_resort(path: str, sms_text: str = SMS_APOLOGY, settings: Settings | None = None) -> Response:
    """When even the normal apology failed: a fixed apology that needs no content or store.

    The caller's language is not known here, so a call hears it in English and in Spanish, each
    in its own voice.
    """
    if path.startswith("/voice"):
        voice = VoiceResponse()
        for lang, apology in (("en", VOICE_APOLOGY), ("es", VOICE_APOLOGY_ES)):
            name, language = (settings or Settings()).say_voice(lang)
            voice.say(apology, voice=name, language=language)
        voice.hangup()
        return twiml_response(str(voice))
    sms = MessagingResponse()
    sms.message(sms_text)
    return twiml_response(str(sms))
