"""Talking with Twilio: the signature check, TwiML replies, rate limits, the REST sender and a simulator."""
