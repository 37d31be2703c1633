"""Fuzzy keyword matching: typos, plurals and phrases map a message to a topic or menu."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from service.content.model import Content
from service.everyday_words import EVERYDAY_WORDS

FILLER_WORDS = frozenset(
    "a an and the my me i im i'm is are was be do does did to of in on for with about what whats "
    "how why when can could would will it its it's this that there tell please want know need "
    "info on hi hello hey am".split()
)
_WORD = re.compile(r"[a-z0-9]+")
MIN_SIMILARITY = 0.78
MAX_MESSAGE_CHARS = 500


@dataclass(frozen=True)
class _Keyword:
    node: str
    words: tuple[str, ...]


def normalize(text: str) -> str:
    """Lowercase ASCII words only: accents, emoji, markup and NUL bytes fall away."""
    text = unicodedata.normalize("NFKD", text[:MAX_MESSAGE_CHARS]).encode("ascii", "ignore").decode()
    return " ".join(_WORD.findall(text.lower().replace("'", "")))


def _content_words(text: str) -> tuple[str, ...]:
    """The words that carry meaning; filler is dropped unless nothing else is left."""
    words = normalize(text).split()
    return tuple(w for w in words if w not in FILLER_WORDS) or tuple(words)


def _stem(word: str) -> str:
    """A light plural fold so 'bones' and 'bone', 'metastases' and 'metastasis' meet."""
    for suffix, repl in (("ies", "y"), ("ses", "sis"), ("es", "e"), ("s", "")):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def _similarity(word: str, keyword: str) -> float:
    """How alike a message word is to a keyword word, 0..1; everyday words must match exactly."""
    if word == keyword or _stem(word) == _stem(keyword):
        return 1.0
    if word in EVERYDAY_WORDS:
        return 0.0
    return _similarity_raw(word, keyword)


def _similarity_raw(a: str, b: str) -> float:
    """Typo distance alone; short words must match exactly."""
    if min(len(a), len(b)) <= 3:
        return 0.0
    return DamerauLevenshtein.normalized_similarity(_stem(a), _stem(b))


class Matcher:
    """Finds the node whose keyword best covers a message, per language."""

    def __init__(self, content: Content, lang: str) -> None:
        self.keywords: list[_Keyword] = []
        owners = list(content.topics.values()) + list(content.menus.values())
        for owner in owners:
            text = owner.texts.get(lang) or owner.texts["en"]
            for phrase in text.keywords:
                words = _content_words(phrase)
                if words:
                    self.keywords.append(_Keyword(owner.id, words))

    def match(self, message: str) -> str | None:
        """The best node for a message, or None when nothing is close enough."""
        words = list(_content_words(message))
        if not words:
            return None
        best: tuple[float, float, str] | None = None
        for keyword in self.keywords:
            score = _phrase_score(keyword.words, words)
            if score <= 0:
                continue
            rank = (len(keyword.words) * score, score, keyword.node)
            if best is None or rank[:2] > best[:2]:
                best = rank
        return best[2] if best else None


def _phrase_score(phrase: tuple[str, ...], words: list[str]) -> float:
    """Mean similarity of each phrase word to its best message word, or 0 if any is missing."""
    total = 0.0
    for part in phrase:
        candidates = [_similarity(w, part) for w in words]
        if len(phrase) == 1 and len(part) > 5:
            candidates.append(_similarity("".join(words), part))
        best = max(candidates, default=0.0)
        if best < MIN_SIMILARITY:
            return 0.0
        total += best
    return total / len(phrase)
