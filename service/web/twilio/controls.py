"""Whether a text opts out, opts back in or asks for help: Twilio's OptOutType first, then the words.

With Advanced Opt-Out on the operator's Messaging Service, Twilio recognises the keywords set in
its console (any word, in any language) and says which kind it saw in OptOutType (STOP, START or
HELP). That wins over the line's own reading of the words (service.core.optout); without it, the
words decide.
"""

from __future__ import annotations

from typing import Literal

from flask import request

from service.core.optout import control_word

Control = Literal["stop", "start", "help"]
MAX_BODY_CHARS = 1600  # Twilio's own limit for one message


def message_body() -> str:
    """The text's words as Twilio sent them, bounded and without NUL characters."""
    return request.values.get("Body", "")[:MAX_BODY_CHARS].replace("\x00", "")


def opt_out_type() -> str:
    """Twilio's OptOutType for this text ("" without Advanced Opt-Out, or for any other text)."""
    return request.values.get("OptOutType", "")[:16].strip()


def control(body: str) -> Control | None:
    """HELP when Twilio named it; else stop or start, by OptOutType or by the words."""
    if opt_out_type().upper() == "HELP":
        return "help"
    return control_word(body, opt_out_type())
