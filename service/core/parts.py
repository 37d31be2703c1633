"""A topic's spoken text in parts a listener can hold: each about 30 seconds, split at sentence ends."""

from __future__ import annotations

import re
from functools import lru_cache

WORDS_PER_MINUTE = 150
PART_SECONDS = 30
MAX_PART_WORDS = PART_SECONDS * WORDS_PER_MINUTE // 60  # 75 words
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """A text's sentences, each ending at '.', '!' or '?' followed by a space."""
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


@lru_cache(maxsize=1024)
def voice_parts(text: str, max_words: int = MAX_PART_WORDS) -> tuple[str, ...]:
    """Whole sentences packed into parts of at most `max_words` (a longer sentence stands alone)."""
    parts: list[list[str]] = []
    size = 0
    for sentence in sentences(text):
        words = len(sentence.split())
        if parts and size + words <= max_words:
            parts[-1].append(sentence)
            size += words
        else:
            parts.append([sentence])
            size = words
    return tuple(" ".join(part) for part in parts) or (text,)
