"""The carrier-standard words that stop and restart texts, checked before anything else."""

from __future__ import annotations

import re
from typing import Literal

STOP_WORDS = frozenset(
    {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"}
)
START_WORDS = frozenset({"start", "yes", "unstop"})
POLITE_WORDS = frozenset(
    {"please", "pls", "now", "it", "all", "me", "texting", "texts", "text", "messages",
     "messaging", "sending", "thanks", "thank", "you", "this"}
)
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
    stops = [w for w in words if w in STOP_WORDS and w not in ("end", "cancel", "quit")]
    others = [w for w in words if w not in STOP_WORDS]
    if stops and all(w in POLITE_WORDS for w in others):
        return "stop"
    return None
