"""Text folded for matching: one rule, so safety and the cores read a message the same way."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")
MAX_MESSAGE_CHARS = 500


def normalize(text: str) -> str:
    """Lowercase ASCII words only: accents, emoji, markup and NUL bytes fall away."""
    text = unicodedata.normalize("NFKD", text[:MAX_MESSAGE_CHARS]).encode("ascii", "ignore").decode()
    return " ".join(_WORD.findall(text.lower().replace("'", "")))
