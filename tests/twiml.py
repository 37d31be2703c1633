"""Structural TwiML checks against Twilio's own (2016) schema, minus what is newer than it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import xmlschema

SCHEMA = Path(__file__).parent / "schema" / "TwiML-2016.xsd"
# Valid today, unknown to the 2016 schema (see the twilio library's VoiceResponse.gather).
NEWER_THAN_SCHEMA = (
    "'input'", "'speechTimeout'", "'actionOnEmptyResult'", "'hints'", "'language'",
    "'speechModel'", "prosody", "Polly.",
)


@cache
def _schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


def twiml_errors(xml: str) -> list[str]:
    """Schema errors that Twilio would also reject (newer attributes and SSML filtered)."""
    errors = []
    for error in _schema().iter_errors(xml):
        text = f"{error.reason} {error.path}"
        if error.elem is not None:
            text += " " + " ".join(f"{k}={v}" for k, v in error.elem.attrib.items())
        if any(name in (error.reason or "") for name in NEWER_THAN_SCHEMA):
            continue
        if _is_newer_value(error):
            continue
        errors.append(text)
    return errors


def _is_newer_value(error: xmlschema.XMLSchemaValidationError) -> bool:
    """A voice or language value the old schema's enumerations do not know."""
    reason = error.reason or ""
    newer = reason.startswith(("attribute language=", "attribute voice='Polly."))
    return newer and "must be one of" in reason
