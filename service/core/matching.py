"""Fuzzy keyword matching: typos, plurals and phrases map a message to a topic or menu."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from service.content.model import Content
from service.core.kept import Kept
from service.safety.triage import URGENT_TOPIC_WORDS
from service.words.everyday import EVERYDAY_BY_LANGUAGE
from service.words.fold import normalize

FILLER_WORDS = frozenset(
    "a an and the my me i im i'm is are was be do does did to of in on for with about what whats "
    "how why when can could would will it its it's this that there tell please want know need "
    "info on hi hello hey am".split()
)
# Words in nearly every message, the line's own subject ("metastatic breast cancer", "stage 4"), the
# "question" of "I have a question about chemo", the "found" of "just found out it's in my liver" and
# the people of "they say it has spread to her liver": they count for less in a keyword's rank, and a
# keyword of nothing else never outranks one with a word of its own, so the words beside them choose
# the topic ("breast cancer in her liver" is about the liver).
LIGHT_WORDS = frozenset({
    "breast", "cancer", "mama", "seno", "question", "questions", "pregunta", "preguntas",
    "metastatic", "metastasico", "metastasica", "stage", "etapa", "4", "four", "iv", "cuatro", "de", "found",
    "they", "them", "their", "she", "her", "he", "his", "him", "we", "our", "you", "your",
})
LIGHT_WEIGHT = 0.5
# The subject words again, with "spread" in each form: every page of the line is about them, so they
# choose no page ("can they do surgery if it spread" starts at Surgery's first page).
SUBJECT_WORDS = LIGHT_WORDS | {"spread", "spreads", "spreading", "extendio", "extendido", "extendida",
                               "extiende", "metastasis"}
_LETTERS_DIGITS = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
MIN_SIMILARITY = 0.78
SWAP_LENGTH = 4  # longer words allow a swap within MIN_SIMILARITY already
SHORT_WORD = 5  # a slip in a word this short may hide its stem
VOWELS = frozenset("aeiou")
ALIKE_CHECKED_LENGTH = 6  # words up to this long must start alike to be a keyword word's slip
ALIKE_FIRST_LETTERS = (frozenset("ckq"), frozenset("bv"), frozenset("sz"), frozenset("gj"), frozenset("iy"))
RECENT_ANSWERS = 4096  # other messages' answers kept, so a phrase many people send is matched once


@dataclass(frozen=True)
class _Keyword:
    node: str
    words: tuple[str, ...]


def _content_words(text: str) -> tuple[str, ...]:
    """The words that carry meaning; filler is dropped unless nothing else is left. Letters and
    digits written together are two words, so "stage4" is "stage 4" (keywords are read the same way)."""
    words = _LETTERS_DIGITS.sub(" ", normalize(text)).split()
    return tuple(w for w in words if w not in FILLER_WORDS) or tuple(words)


def _stem(word: str) -> str:
    """A light plural fold so 'bones' and 'bone', 'metastases' and 'metastasis' meet."""
    for suffix, repl in (("ies", "y"), ("ses", "sis"), ("es", "e"), ("s", "")):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def typo_similarity(a: str, b: str) -> float:
    """Typo distance alone; short words must match exactly."""
    if min(len(a), len(b)) <= 3:
        return 0.0
    return DamerauLevenshtein.normalized_similarity(_stem(a), _stem(b))


class WordSet:
    """Words to look a message's word up in, letting a typo or plural count (as typo_similarity does).

    The typo search runs over the words' stems in rapidfuzz's C loop, not one Python call a word.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self._stems = [_stem(word) for word in self.words if len(word) > 3]  # short words match exactly

    def near(self, word: str, min_similarity: float) -> bool:
        """Whether the word, or a typo or plural of it, is here."""
        if word in self.words:
            return True
        if len(word) <= 3 or not self._stems:
            return False
        scorer = DamerauLevenshtein.normalized_similarity
        cutoff = min_similarity - 0.05  # rapidfuzz drops a score exactly at its cutoff (4 of 5 letters: 0.8)
        found = process.extractOne(_stem(word), self._stems, scorer=scorer, score_cutoff=cutoff)
        return found is not None and found[1] >= min_similarity


def matchers_for(content: Content) -> dict[str, Matcher]:
    """One matcher per content language; build once and share between the channels."""
    return {lang: Matcher(content, lang) for lang in content.languages}


def match_in_any(matchers: Mapping[str, Matcher], lang: str, words: str) -> str | None:
    """The node words name in `lang`, else in another language, each asked once: people who speak
    Spanish often name a drug or a place of the body in English ("bone mets")."""
    for other in (lang, *(each for each in matchers if each != lang)):
        found = matchers[other].match(words) if other in matchers else None
        if found is not None:
            return found
    return None


def sign_topic(content: Content, matcher: Matcher, about: str) -> str | None:
    """The topic to offer after an urgent sign: the sign's own, else the urgent-signs topic."""
    for words in (about, URGENT_TOPIC_WORDS):
        node = matcher.match(words)
        if node in content.topics:
            return node
    return None


class Matcher:
    """Finds the node whose keyword best covers a message, per language."""

    def __init__(self, content: Content, lang: str) -> None:
        # Everyday words of any language are never fuzzed: a Spanish text is also read by the English
        # matcher ("lento" is no typo of "lepto").
        self.everyday = frozenset().union(*EVERYDAY_BY_LANGUAGE.values())
        self.keywords: list[_Keyword] = []
        for node in (*content.topics, *content.menus):
            for phrase in content.text(node, lang).keywords:
                words = _content_words(phrase)
                if words:
                    self.keywords.append(_Keyword(node, words))
        self.vocabulary = sorted({word for keyword in self.keywords for word in keyword.words})
        self._stems = [_stem(word) for word in self.vocabulary]
        self._swapped = _by_letters(word for word in self.vocabulary if len(word) == SWAP_LENGTH)
        forms: dict[str, list[str]] = {}  # a word's forms: "lngs" is "lungs", so the "lung" of "lung mets"
        for word, stem in zip(self.vocabulary, self._stems, strict=True):
            forms.setdefault(stem, []).append(word)
        self._skeletons = {skeleton: tuple(form for token in dict.fromkeys(map(_stem, tokens))
                                           for form in forms[token])
                           for skeleton, tokens in _by_skeleton(self.keywords).items()}
        self._phrases = frozenset(keyword.words for keyword in self.keywords)
        self._exact: dict[tuple[str, ...], str | None] = {}
        self._recent: Kept[tuple[str, ...], str | None] = Kept(RECENT_ANSWERS)

    def match(self, message: str) -> str | None:
        """The best node for a message, or None when nothing is close enough.

        A message that is exactly a keyword (most texts) is a dict lookup: its answer is worked out
        by the fuzzy search the first time and kept, so the two can never disagree. Answers to other
        wordings are kept too, up to RECENT_ANSWERS of them (the oldest forgotten first).
        """
        words = _content_words(message)
        if not words:
            return None
        if words not in self._phrases:
            return self._recent.get(words, lambda: self._fuzzy(list(words)))
        if words not in self._exact:
            self._exact[words] = self._fuzzy(list(words))
        return self._exact[words]

    def _fuzzy(self, words: list[str]) -> str | None:
        """Score every keyword against the message's words, allowing typos and plurals."""
        near = self._nearness(words)
        joined = self._nearness(["".join(words)]) if len(words) > 1 else {}
        best: tuple[bool, float, float, str] | None = None
        for keyword in self.keywords:
            score = _phrase_score(keyword.words, near, joined)
            if score <= 0:
                continue
            own = not LIGHT_WORDS.issuperset(keyword.words)  # a word of its own, not only the subject's
            rank = (own, _weight(keyword.words) * score, score, keyword.node)
            if best is None or rank[:3] > best[:3]:
                best = rank
        return best[3] if best else None

    def _nearness(self, words: list[str]) -> dict[str, float]:
        """For each keyword word, how close the nearest message word comes (only the close ones)."""
        near: dict[str, float] = {}
        for word in words:
            for token, score in self._near_one(word):
                if score > near.get(token, 0.0):
                    near[token] = score
        return near

    def _near_one(self, word: str) -> list[tuple[str, float]]:
        """Keyword words equal to a message word, or (for a typo) one edit or so away."""
        stem = _stem(word)
        pairs = zip(self.vocabulary, self._stems, strict=True)
        found = [(token, 1.0) for token, token_stem in pairs if token == word or token_stem == stem]
        if word in self.everyday:
            return found
        if len(word) <= 3:
            return found + self._unvoweled(word)
        close = [(i, score) for _, score, i in process.extract(
            stem, self._stems, scorer=DamerauLevenshtein.normalized_similarity,
            score_cutoff=MIN_SIMILARITY, limit=None,
        ) if _starts_alike(word, self.vocabulary[i])]
        if len(word) <= SHORT_WORD:  # "bnes" is a letter from "bones", not from its stem "bone"
            close += [(i, score) for _, score, i in process.extract(
                word, self.vocabulary, scorer=DamerauLevenshtein.normalized_similarity,
                score_cutoff=MIN_SIMILARITY, limit=None,
            ) if _starts_alike(word, self.vocabulary[i])]
        found += [(self.vocabulary[i], score) for i, score in close if len(self.vocabulary[i]) > 3]
        return found + self._swap(word) + self._unvoweled(word)

    def _swap(self, word: str) -> list[tuple[str, float]]:
        """A four-letter keyword word with two letters side by side swapped ("lnug", "pian", "sikn"): the
        commonest slip, which the similarity cutoff cannot allow at that length without "gone" for "bone"."""
        if len(word) != SWAP_LENGTH:
            return []
        return [(token, MIN_SIMILARITY) for token in self._swapped.get("".join(sorted(word)), ())
                if DamerauLevenshtein.distance(word, token) == 1]

    def _unvoweled(self, word: str) -> list[tuple[str, float]]:
        """A word written without its vowels ("lvr", "lngs", "bns"), when it can be one keyword word only."""
        if len(word) < 3 or not word.isalpha() or VOWELS.intersection(word):
            return []
        return [(token, MIN_SIMILARITY) for token in self._skeletons.get(word, ())]


def _starts_alike(word: str, token: str) -> bool:
    """Whether a short word may be a slip for a keyword word by how it starts: the same first letter, the
    first two swapped ("hcemo", "ilver"), or a letter that sounds the same ("kemo", "bomito", "ospital").
    "ones" is no slip for "bones", nor "evista" (a drug) for "vista"; a longer word keeps its other letters
    ("adiation" is radiation)."""
    first, other = word[0], token[0]
    if len(word) > ALIKE_CHECKED_LENGTH or first == other or (other == "h" and token[1:2] == first):
        return True
    if word[1:2] == other and token[1:2] == first:
        return True
    return any(first in group and other in group for group in ALIKE_FIRST_LETTERS)


def _by_letters(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Words by their letters in order, so a swap of two letters finds its word."""
    found: dict[str, tuple[str, ...]] = {}
    for word in words:
        letters = "".join(sorted(word))
        found[letters] = (*found.get(letters, ()), word)
    return found


def _by_skeleton(keywords: Iterable[_Keyword]) -> dict[str, tuple[str, ...]]:
    """One-word keywords of more than three letters by their consonants, where those consonants name one
    node only: "lvr" is "liver" (and its typo keyword "livr"); "brn" is "brain" or "burn", so neither."""
    nodes: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for keyword in keywords:
        word = keyword.words[0]
        skeleton = "".join(char for char in word if char not in VOWELS)
        if len(keyword.words) == 1 and len(word) > 3 and skeleton != word and len(skeleton) >= 3:
            nodes.setdefault(skeleton, set()).add(keyword.node)
            words.setdefault(skeleton, set()).add(word)
    return {skeleton: tuple(sorted(words[skeleton])) for skeleton, named in nodes.items() if len(named) == 1}


def _weight(words: tuple[str, ...]) -> float:
    """How much a keyword's words say: the line's own subject ("breast cancer") says half as much,
    so "where does breast cancer spread" is about spread, and "brest canser" alone still matches."""
    return sum(LIGHT_WEIGHT if word in LIGHT_WORDS else 1.0 for word in words)


def _phrase_score(phrase: tuple[str, ...], near: dict[str, float], joined: dict[str, float]) -> float:
    """Mean closeness of each phrase word to the message, or 0 if any word is missing."""
    total = 0.0
    for part in phrase:
        best = near.get(part, 0.0)
        if len(phrase) == 1 and len(part) > 5:
            best = max(best, joined.get(part, 0.0))
        if best < MIN_SIMILARITY:
            return 0.0
        total += best
    return total / len(phrase)


def keyword_words(phrase: str) -> tuple[str, ...]:
    """A keyword's words as the matcher compares them, for tools that must see keywords the same way."""
    return _content_words(phrase)


def is_typo_of(word: str, keyword_word: str) -> bool:
    """Whether the matcher would take a different word for a typo of a keyword's word."""
    return _stem(word) != _stem(keyword_word) and typo_similarity(word, keyword_word) >= MIN_SIMILARITY
