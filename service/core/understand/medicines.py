"""Medicines by name: the one a message names (typos too), and whether it asks about side effects.

"kisqali", "verzenio diarrhea", "que es la xeloda" each name a medicine of the lexicon
(content/medicines.yaml); the reply says what kind it is and gives that kind's page, never
another kind's. A word that only looks like a medicine's name is not guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from service.content.model import SPANISH, Medicine, Medicines
from service.words.everyday import EVERYDAY_BY_LANGUAGE
from service.words.fold import normalize

MAX_NAME_WORDS = 3  # the longest name ("fam trastuzumab deruxtecan")
MIN_TYPO_LETTERS = 6  # shorter words must be written exactly: too many short words are near a name
TYPO_SIMILARITY = 0.8

# An unknown word that looks like a medicine's name: generic-name endings, or words about drugs.
_DRUG_LIKE = re.compile(
    r"\b\w{4,}(mab|nib|lib|cel|xel|stat|rant|fen|fene|zole|mide|platin|rubicin|bine|cin|sone|limus"
    r"|setron|pam|lam|pine|tine|done|phine|pril|olol|artan)\b|\b\w{2,}(grastim|formin)\b"
    r"|\b(neulasta|neupogen|zofran|compazine|ativan|xanax|zoloft|lexapro|decadron|dilaudid|fentanyl"
    r"|gabapentin|lyrica|ondansetron|senna|miralax|colace|imodium|benadryl|claritin|evista|raloxifene"
    r"|itovebi|inavolisib|datroway|datopotamab)\b"
    r"|\b(drug|drugs|medicine|medication|meds|pill|pills|tablet|tablets|injection|infusion|dose|"
    r"side effects?|prescribed|taking(?! care)|painkillers?|pain killers?|pain meds|tylenol|acetaminophen"
    r"|paracetamol|"
    r"advil|motrin|aleve|naproxen|aspirin|morphine|oxycodone|oxycontin|codeine|tramadol|vitamins?|"
    r"supplements?|pastillas?|medicinas?|medicamentos?)\b"
)


@dataclass(frozen=True)
class Found:
    """A medicine a message names: the name it used, the other name to give, and what it asks."""

    generic: str
    kind: str
    name: str  # as the lexicon writes the name the message used ("Kisqali")
    other: str  # the generic name for a brand, the first brand for a generic ("" if none)
    side_effects: bool = False
    urgent: bool = False  # the side effect named is an urgent sign


class MedicineFinder:
    """Looks medicines up by every name they have; one instance serves every message."""

    def __init__(self, medicines: Medicines) -> None:
        self.medicines = medicines
        self._names: dict[tuple[str, ...], tuple[Medicine, str]] = {}
        for medicine in medicines.medicines:
            for name in medicine.names:
                words = tuple(normalize(name).split())
                if words:
                    self._names.setdefault(words, (medicine, name))
        self._single = [words[0] for words in self._names if len(words[0]) >= MIN_TYPO_LETTERS]
        self._side = _phrases(medicines.side_effects)
        self._urgent = _phrases(medicines.urgent_side_effects)

    def find(self, message: str, lang: str) -> Found | None:
        """The medicine a message names, with the names to say it by in `lang`; None if it names none."""
        words = normalize(message).split()
        named = self._exact(words) or self._typo(words)
        if named is None:
            return None
        medicine, name = named
        padded = f" {' '.join(words)} "
        return Found(
            generic=medicine.generic, kind=medicine.kind, **_said(medicine, name, lang),
            side_effects=any(f" {p} " in padded for p in self._side),
            urgent=any(f" {p} " in padded for p in self._urgent),
        )

    def language_of(self, word: str) -> str | None:
        """For a folded word that is a medicine's one-word name (or a typo of one): "es" for its Spanish
        name where no English typo makes it ("tamoxifeno"), else "" (a name says no language:
        "herseptin"); None for any other word."""
        found = self._names.get((word,)) or self._typo([word])
        if found is None:
            return None
        medicine, name = found
        spanish = name == medicine.spanish and not normalize(medicine.generic).startswith(normalize(name))
        return SPANISH if spanish else ""  # "letrozol" may be "letrozole" with its last letter left off

    def _exact(self, words: list[str]) -> tuple[Medicine, str] | None:
        """The longest run of words that is a name."""
        for size in range(MAX_NAME_WORDS, 0, -1):
            for start in range(len(words) - size + 1):
                found = self._names.get(tuple(words[start:start + size]))
                if found is not None:
                    return found
        return None

    def _typo(self, words: list[str]) -> tuple[Medicine, str] | None:
        """A long word one or two letters off a one-word name ("kisqaly"), never an everyday word."""
        for word in words:
            if len(word) < MIN_TYPO_LETTERS or any(word in words for words in EVERYDAY_BY_LANGUAGE.values()):
                continue
            best = process.extractOne(
                word, self._single, scorer=DamerauLevenshtein.normalized_similarity,
                score_cutoff=TYPO_SIMILARITY - 0.01,
            )
            if best is not None and best[1] >= TYPO_SIMILARITY:
                return self._names[(best[0],)]
        return None


def _said(medicine: Medicine, name: str, lang: str) -> dict[str, str]:
    """The name the message used, then the other one: "Kisqali (ribociclib)", "tamoxifen (Soltamox)"."""
    generic = medicine.spanish if lang == "es" else medicine.generic
    if name in medicine.brands:
        return {"name": name, "other": generic}
    return {"name": generic, "other": medicine.brands[0] if medicine.brands else ""}


def _phrases(words: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every language's words, folded the way messages are."""
    return tuple(dict.fromkeys(normalize(w) for group in words.values() for w in group if normalize(w)))


def looks_like_medicine(text: str) -> bool:
    """Whether a folded message names a medicine the lexicon lacks, or asks about medicines at all."""
    return bool(_DRUG_LIKE.search(text))
