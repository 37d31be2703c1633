"""Whether a text opts out, opts back in or asks for help: Twilio's OptOutType first, then the words.

With Advanced Opt-Out on the operator's Messaging Service, Twilio recognises the keywords set in
its console (any word, in any language) and says which kind it saw in OptOutType (STOP, START or
HELP). That wins over the line's own reading of the words; without it, the words decide.
"""

from __future__ import annotations

from typing import Literal

from flask import request

from service.core.optout import control_word

Control = Literal["stop", "start", "help"]
OPT_OUT_TYPES: dict[str, Control] = {"STOP": "stop", "START": "start", "HELP": "help"}
MAX_BODY_CHARS = 1600  # Twilio's own limit for one message


def message_body() -> str:
    """The text's words as Twilio sent them, bounded and without NUL characters."""
    return request.values.get("Body", "")[:MAX_BODY_CHARS].replace("\x00", "")


def control(body: str) -> Control | None:
    """The request's OptOutType when Twilio sent one, else what the words say (stop or start)."""
    named = OPT_OUT_TYPES.get(request.values.get("OptOutType", "").strip().upper()[:8])
    return named if named is not None else control_word(body)
