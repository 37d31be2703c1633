"""GSM-7, the plain SMS alphabet: one character outside it turns a reply into UCS-2."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from service.words.fold import ascii_letters

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")
_GSM_ANY = GSM_BASIC | GSM_EXTENDED
SEGMENT_LIMIT = 306  # two concatenated GSM-7 segments of 153 characters
MAX_SEGMENTS = 2  # a reply arrives in at most two segments
GSM_SINGLE, GSM_PART = 160, 153  # septets in a lone segment, and in each part of a longer message
UCS2_SINGLE, UCS2_PART = 70, 67  # UTF-16 code units, the same

_LOOKALIKES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2026": "...", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2022": "-", "\u00b7": "-",
    "\t": " ",
}


def gsm_length(text: str) -> int:
    """Length in GSM-7 septets: extended characters take two."""
    return sum(2 if char in GSM_EXTENDED else 1 for char in text)


def non_gsm(text: str) -> list[str]:
    """The characters of a text that GSM-7 cannot carry, each once, in order."""
    seen: list[str] = []
    for char in text:
        if char not in GSM_BASIC and char not in GSM_EXTENDED and char not in seen:
            seen.append(char)
    return seen


def to_gsm(text: str) -> str:
    """Replace look-alike punctuation and drop what GSM-7 cannot carry, as a last guard."""
    if _GSM_ANY.issuperset(text):
        return text  # the usual case (the checker keeps content in GSM-7): one set check, no copy
    out: list[str] = []
    for char in text:
        char = _LOOKALIKES.get(char, char)
        if all(c in GSM_BASIC or c in GSM_EXTENDED for c in char):
            out.append(char)
            continue
        out.append(ascii_letters(char))  # letters kept: "cœur" -> "coeur", "straße" stays (ß is GSM)
    return "".join(out)


def folded_letters(text: str) -> list[str]:
    """Accented letters GSM-7 lacks (á, í, ó, ú...) that sending folds to their plain letter."""
    return [char for char in non_gsm(text) if _plain_letter(char)]


def _plain_letter(char: str) -> bool:
    """Whether a letter outside GSM-7 folds to one plain ASCII letter, keeping the word readable."""
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return len(plain) == 1 and plain.isalpha()


@dataclass(frozen=True)
class Segments:
    """How a text travels as SMS: its alphabet, its length in that alphabet's units, and its segments."""

    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (an escaped character takes two) or UTF-16 code units (an emoji takes two)
    count: int  # segments a phone receives; 0 for an empty text


def segments(text: str) -> Segments:
    """Exact SMS segments: a two-unit character (GSM-7 escape, UTF-16 surrogate pair) never straddles two."""
    if not non_gsm(text):
        sizes = [2 if char in GSM_EXTENDED else 1 for char in text]
        return Segments("GSM-7", sum(sizes), _count(sizes, GSM_SINGLE, GSM_PART))
    sizes = [2 if ord(char) > 0xFFFF else 1 for char in text]
    return Segments("UCS-2", sum(sizes), _count(sizes, UCS2_SINGLE, UCS2_PART))


def _count(sizes: list[int], single: int, part: int) -> int:
    """Segments for characters of 1 or 2 units: one if all fit, else parts filled without splitting any."""
    total = sum(sizes)
    if total <= single:
        return 1 if total else 0
    if total == len(sizes):
        return -(-total // part)  # no two-unit character: plain division
    count, used = 1, 0
    for size in sizes:
        if used + size > part:
            count, used = count + 1, 0
        used += size
    return count
