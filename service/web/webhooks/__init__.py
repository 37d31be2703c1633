"""Twilio's webhooks, one module each: voice, sms, the call-status callback, text-me and the audio route."""
