"""How hard a text is to read and how long it takes to say: the measures the checker holds content to."""

from __future__ import annotations

from functools import cache

from textstat.textstat import textstatistics

from service.content.model import SPANISH

GRADE_ERROR = 8.0
GRADE_WARNING = 6.0
MEAN_GRADE_MAX = 6.0
WORDS_PER_MINUTE = 150
SPOKEN_MAX_SECONDS = 45
MAX_SPOKEN_WORDS = SPOKEN_MAX_SECONDS * WORDS_PER_MINUTE // 60
TEXTSTAT_LANGUAGES = {"en": "en_US"}
# Spanish is measured with a formula made for Spanish: Fernandez Huerta's reading ease (0-100,
# higher is easier; 80 and over "easy", 70-80 "fairly easy", 60-70 "standard").
EASE_ERROR = 60.0
EASE_WARNING = 70.0
MEAN_EASE_MIN = 70.0


def grade(text: str, lang: str = "en") -> float:
    """The Flesch-Kincaid grade, to one decimal, so a reported 8.0 is never judged over 8."""
    return round(_stats(lang).flesch_kincaid_grade(text), 1)


def ease(text: str, lang: str = SPANISH) -> float:
    """Fernandez Huerta's reading ease for a Spanish text, to one decimal."""
    return round(_stats(lang).fernandez_huerta(text), 1)


def word_count(text: str, lang: str = "en") -> int:
    """The words a voice will say, counted as the readability library counts them."""
    return int(_stats(lang).lexicon_count(text))


def spoken_seconds(words: int) -> float:
    """How long a number of words takes to say at the line's speaking rate."""
    return words * 60 / WORDS_PER_MINUTE


@cache
def _stats(lang: str) -> textstatistics:
    """One measuring object per language, so syllables are counted with that language's rules."""
    stats = textstatistics()
    stats.set_lang(TEXTSTAT_LANGUAGES.get(lang, lang))
    return stats
