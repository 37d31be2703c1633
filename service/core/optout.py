"""Whether a text opts out or back in: checked before anything else, on the whole message."""

from __future__ import annotations

import re
from typing import Literal

from service.core.commands import START_WORDS, STOP_WORDS

POLITE_WORDS = frozenset(
    {"please", "pls", "now", "it", "all", "me", "texting", "texts", "text", "messages",
     "messaging", "sending", "thanks", "thank", "you", "this",
     "por", "favor", "ya", "mensajes", "textos", "gracias", "de", "los", "envien"}
)
# Stop words that are also everyday words: alone they stop, inside a sentence they do not.
AMBIGUOUS_STOP_WORDS = frozenset({"end", "cancel", "quit", "alto", "baja", "cancelar"})
_WORD = re.compile(r"[a-z]+")

Control = Literal["stop", "start"]


def control_word(body: str) -> Control | None:
    """Whether a message opts out ("stop") or back in ("start"); None for anything else.

    The whole message must be the word, in any case and with any spacing or punctuation,
    or a stop word with only polite words around it ("Stop please", "please STOP texting me").
    """
    words = _WORD.findall(body[:200].lower())
    if not words:
        return None
    joined = "".join(words)
    if len(words) == 1 or joined in STOP_WORDS | START_WORDS:
        if joined in STOP_WORDS:
            return "stop"
        if joined in START_WORDS:
            return "start"
        return None
    stops = [w for w in words if w in STOP_WORDS and w not in AMBIGUOUS_STOP_WORDS]
    others = [w for w in words if w not in STOP_WORDS]
    if stops and all(w in POLITE_WORDS for w in others):
        return "stop"
    return None
