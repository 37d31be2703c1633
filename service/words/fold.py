"""One folding of people's text into plain lowercase words, for every match and command word.

A texter's "ＳＴＯＰ" (full width), "𝐒𝐓𝐎𝐏" (mathematical letters), "SТОР" (Cyrillic look-alikes),
"S\u200bTOP" (a zero-width space), "stóp" and "Stop" must all be read as "stop", and "cœur" or
"straße" must keep their letters ("coeur", "strasse"). Each character is folded once and kept:

1. plain ASCII stays as it is (the usual text, folded with no per-character work);
2. marks and invisible format characters (accents alone, zero-width spaces, joiners) go;
3. a character whose compatibility form is ASCII letters or digits once its accents are dropped
   takes that form (é -> e, ñ -> n, full-width and mathematical letters, ligatures, circled digits);
4. a letter of another alphabet that looks like a Latin letter takes that letter (Unicode's
   confusables table, as the confusable-homoglyphs package ships it): Cyrillic С, Greek Ο;
5. any other Latin letter is transliterated by anyascii (ß -> ss, œ -> oe, ø -> o, ł -> l);
6. anything else (emoji, symbols, other scripts) separates words.

anyascii (ISC licence) and confusable-homoglyphs (MIT, Unicode's own data) replace tables of our
own that could never keep up with Unicode; Unidecode was passed over for its GPL licence and for
reading Cyrillic Р as R rather than the P it looks like.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources

from anyascii import anyascii

MAX_MESSAGE_CHARS = 500
APOSTROPHES = frozenset("'\u2019\u2018\u02bc\u0060\u00b4\u2032")  # "don't", "don’t": one word
_WORD = re.compile(r"[a-z0-9]+")
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Mc", "Cf"})  # marks and invisible format characters
_LETTER_OR_DIGIT = re.compile(r"[A-Za-z0-9]+")
MAX_KEPT_CHARACTERS = 20_000  # folded characters remembered; a flood of rare ones is folded afresh


# Spanish texting shorthand, read as the word it stands for ("q es la quimio", "xq me duele").
SHORTHAND = {"q": "que", "xq": "porque", "pq": "porque", "porq": "porque", "tmb": "tambien", "tb": "tambien"}


def normalize(text: str) -> str:
    """Lowercase ASCII words only, as every matcher and command reads a message."""
    words = _WORD.findall(fold_text(text))
    if not SHORTHAND.keys().isdisjoint(words):
        words = [SHORTHAND.get(word, word) for word in words]
    return " ".join(words)


def fold_text(text: str) -> str:
    """The message in lowercase ASCII with its punctuation kept (for rules that read punctuation)."""
    text = text[:MAX_MESSAGE_CHARS]
    if not text.isascii():
        text = text.translate(_TABLE)
    return text.lower().replace("'", "")


def ascii_letters(char: str) -> str:
    """One character as the ASCII letters it stands for ("" when none): for texts the line sends."""
    folded = _fold_char(char)
    return folded if folded.strip() else ""


class _FoldTable(dict[int, str]):
    """str.translate's table, filled as characters are first seen (in C after that), up to a bound."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < MAX_KEPT_CHARACTERS:
            self[code] = folded
        return folded


def _fold_char(char: str) -> str:
    """One character's plain form: ASCII itself, letters, "" (dropped) or " " (a word break)."""
    if char.isascii():
        return char
    if char in APOSTROPHES:
        return "'"
    category = unicodedata.category(char)
    if category in _DROPPED_CATEGORIES:
        return ""
    if category[0] in "ZC":
        return " "
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if _LETTER_OR_DIGIT.fullmatch(plain):
        return plain
    lookalike = _lookalikes().get(char)
    if lookalike:
        return lookalike
    name = unicodedata.name(char, "")
    if "LATIN" in name or name.startswith("REGIONAL INDICATOR"):
        transliterated = anyascii(char)
        if _LETTER_OR_DIGIT.fullmatch(transliterated):
            return transliterated
    return " "


@functools.cache
def _lookalikes() -> dict[str, str]:
    """Characters of other alphabets that look like one ASCII letter or digit (read once, on first use)."""
    path = resources.files("confusable_homoglyphs").joinpath("confusables.json")
    table: dict[str, list[dict[str, str]]] = json.loads(path.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for char, glyphs in table.items():
        if char.isascii() or len(char) != 1:
            continue
        targets = [glyph["c"] for glyph in glyphs if _LETTER_OR_DIGIT.fullmatch(glyph["c"])]
        letters = [target for target in targets if target.isalpha()]
        if letters or targets:
            found[char] = (letters or targets)[0]
    return found


_TABLE = _FoldTable()
