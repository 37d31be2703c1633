"""Triage: crisis, urgent signs, distress and prognosis in people's own words, before any keyword matching.

A message about suicide or self-harm must hear the Suicide and Crisis Lifeline first; one that
describes an urgent sign must hear what to do now (911 or the care team) before any topic; one that
shows fear, grief or a wish to talk to someone must hear how to reach a person, not "Sorry".
Keyword matching could hide all of these (a numb leg matches bone pain), so this runs first and
cannot be outranked by a keyword.

Two layers: the rules (service/safety/rules.py) for the wordings we know, then a model learnt from
the safety corpus (service/safety/model.py) for the ones we do not. A rule's finding stands; only
where no rule speaks is the model asked: its crisis or sign counts, its distress or prognosis when
it is sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from service.content.model import SPANISH
from service.safety.corpus import examples
from service.safety.model import Model, Scores
from service.safety.places import elsewhere, unlike
from service.safety.rules import (
    HEADACHE_TOPIC_WORDS,
    PATTERN_WORDS,
    Concern,
    Rule,
    acute,
    asks_facts,
    chooses_treatment,
    denied,
    explained,
    finished,
    hopeful,
    names_someone,
    rule_finding,
    without_figures,
)
from service.words.everyday import EVERYDAY_BY_LANGUAGE
from service.words.fold import normalize
from service.words.real import REAL_WORDS

__all__ = ["Concern", "Finding", "triage", "urgent_topic_words", "warm", "likeliest_language"]

TYPO_SIMILARITY = 0.8
NEAREST_KEPT = 50_000  # words seen lately and the pattern word each stands for (bounded: texts are free text)
URGENT_TOPIC_WORDS = "urgent"  # what the matcher turns into the urgent-signs topic
PERSON_TOPIC_WORDS = "talk to someone"  # what the matcher turns into the topic about talking to someone
PROGNOSIS_TOPIC_WORDS = "life expectancy"  # what the matcher turns into the topic on how long people live
# The model's word counts when no rule spoke: a crisis or a sign at this probability or more...
MODEL_PRESSING = 0.6
# ...but in a question about facts, and for its own distress or prognosis, only this sure.
MODEL_SURE = 0.85
# Fewer words than this give the model too little to go on ("more", "hi"): the rules alone read them.
MODEL_MIN_WORDS = 3
# A sign the model finds must happen to someone ("my chest...", "she...") or be told in this many words:
# "out of breath" alone is a topic's keyword.
MODEL_SIGN_WORDS = 5
# The words that find each sign's own topic, where it has one; others get the urgent-signs topic.
SIGN_TOPIC_WORDS = {
    "seizure": "seizure",
    "stroke": "one side weak",
    "breathing": "cant breathe",
    "cord-severe": "legs numb",
    "spinal-cord": "legs numb",
    "fracture": "broken bone",
}
# Faces of tears, fear or a broken heart: sent with few or no words, they are someone upset, who
# hears how to reach a person (never "We did not find that").
UPSET_EMOJI = frozenset("\U0001F622\U0001F62D\U0001F61E\U0001F614\U0001F61F\U0001F625\U0001F630"
                        "\U0001F628\U0001F631\U0001F629\U0001F62B\U0001F494\U0001F97A")
UPSET_EMOJI_MAX_WORDS = 2  # "😢", "why 😭", "ok 😞"; with more words, the words are read
# Words people ask about as facts that sit one letter from a pattern word ("breast", "breath").
_NEVER_FOLDED = frozenset(
    "breast breasts chemo liver lungs bones brain cancer spread heart heard hearing treat treats "
    "wake week weeks feel feels fail fell file fill fine five helped helps hello".split()
).union(*EVERYDAY_BY_LANGUAGE.values(), REAL_WORDS)


KEPT_FINDINGS = 4096  # findings of short messages kept per worker, each a few dozen bytes
KEPT_MESSAGE_CHARS = 160  # a longer message is read each time, so the kept ones stay small


@dataclass(frozen=True)
class Finding:
    """What triage found: the concern, the emergency sign if one, and the words of the topic to offer."""

    concern: Concern
    about: str
    sign: str = ""  # an id of content/signs.yaml, or "" (no one sign)
    by_model: bool = False  # found by the learnt model, not by a rule
    lang: str = ""  # "es" when the words are Spanish, so the answer is too; "": the texter's language


def triage(message: str, learnt: Model | None = None, command: bool = False) -> Finding | None:
    """Crisis or an urgent sign first, then distress or prognosis, else None.

    `learnt` is the model to ask (the corpus's held-out figures use one that never saw them);
    `command` says the message is one of the line's command words ("tell me more"), read by the rules only.
    """
    if learnt is None and len(message) <= KEPT_MESSAGE_CHARS:
        return _kept_finding(message, command)
    return _finding(message, learnt, command)


@lru_cache(maxsize=KEPT_FINDINGS)
def _kept_finding(message: str, command: bool) -> Finding | None:
    """A short message's finding, kept: most texts are the same few words, read by every webhook."""
    return _finding(message, None, command)


def _finding(message: str, learnt: Model | None, command: bool) -> Finding | None:
    text = normalize(message)
    upset = len(text.split()) <= UPSET_EMOJI_MAX_WORDS and not UPSET_EMOJI.isdisjoint(message)
    if not text:
        return Finding(Concern.DISTRESS, PERSON_TOPIC_WORDS) if upset else None
    said = _DYE.sub("die", _DYEING.sub(r"dyeing \1 \2", fold_typos(text)))
    folded = without_figures(said)  # "i want to die of embarrassment": the rest is read, by the rules only
    if denied(folded):  # "no chest pain": nothing to do now (nor can a crisis be said in these words)
        return None
    rule = rule_finding(folded)
    if rule is not None:
        return _unless_explained(_from_rule(rule), folded)
    if upset:
        return Finding(Concern.DISTRESS, PERSON_TOPIC_WORDS)
    figured = folded != said  # a figure of speech of dying: the model would read it as one's own death
    if command or figured or len(text.split()) < MODEL_MIN_WORDS or hopeful(folded) or finished(folded):
        return None
    if chooses_treatment(folded):  # answered in the words' language ("no quiere ir al doctor")
        lang = SPANISH if likeliest_language(text) == SPANISH else ""
        return Finding(Concern.DISTRESS, PERSON_TOPIC_WORDS, lang=lang)
    return _unless_explained(_learnt((learnt or model()).scores(text), folded), folded)


def _unless_explained(found: Finding | None, folded: str) -> Finding | None:
    """No sign for breath short only on stairs, or feet numb from chemo: the words find their topic."""
    if found is not None and explained(found.sign, folded):
        return None
    return found


def _learnt(scores: Scores, folded: str) -> Finding | None:
    """What the model finds where no rule spoke, when it is sure enough.

    A question about facts ("which signs are an emergency") hears only a crisis the model is sure
    of; a sign must happen to someone named, or be told in a sentence; distress and prognosis need
    the model sure.
    """
    if asks_facts(folded):
        found = _from_model(scores, MODEL_SURE)
        pressing = found if found is not None and found.concern is Concern.CRISIS else None
    else:
        found = _from_model(scores, MODEL_PRESSING)
        told = (names_someone(folded) or len(folded.split()) >= MODEL_SIGN_WORDS) and acute(folded)
        pressing = found if found is not None and (found.concern is Concern.CRISIS or told) else None
    found = pressing or _from_model(scores, MODEL_SURE, pressing=False)
    if found is not None and (elsewhere(found.sign, folded) or unlike(found.sign, folded)):  # no sign named
        return Finding(found.concern, _about(found.concern, ""), "", by_model=True, lang=found.lang)
    return found


def _from_rule(rule: Rule) -> Finding:
    about = _about(rule.concern, rule.sign, rule.topic)
    return Finding(rule.concern, about, rule.sign, lang=rule.lang)


def _from_model(scores: Scores, at_least: float, pressing: bool = True) -> Finding | None:
    """The model's crisis or sign (or, not `pressing`, its distress or prognosis), if it is that sure."""
    name, probability = scores.best()
    wanted = (Concern.CRISIS, Concern.URGENT) if pressing else (Concern.DISTRESS, Concern.PROGNOSIS)
    if name not in wanted or probability < at_least:
        return None
    concern = Concern(name)
    sign = scores.sign if concern is Concern.URGENT else ""
    lang = scores.lang if scores.lang == SPANISH else ""
    return Finding(concern, _about(concern, sign), sign, by_model=True, lang=lang)


def _about(concern: Concern, sign: str, topic: str = "") -> str:
    """The words that find the topic to offer with a finding: a rule's own, else its sign's."""
    if concern is Concern.URGENT:
        return topic or SIGN_TOPIC_WORDS.get(sign, URGENT_TOPIC_WORDS)
    if concern is Concern.PROGNOSIS:
        return PROGNOSIS_TOPIC_WORDS
    return PERSON_TOPIC_WORDS


@cache
def model() -> Model:
    """The model learnt from the whole corpus: once per process, at start (see `warm`), never per message."""
    return Model(examples())


def likeliest_language(text: str) -> str:
    """The language a folded message is likeliest written in, as the safety model reads it (the corpus
    is in both languages): for a message whose small words do not tell."""
    return model().scores(text).lang


def warm() -> None:
    """Learn the model now (a worker's start), so no message waits for it."""
    model()


def urgent_topic_words() -> tuple[str, ...]:
    """The words each urgent sign's topic is looked up by: the checker proves each finds a topic."""
    return tuple(dict.fromkeys((*SIGN_TOPIC_WORDS.values(), HEADACHE_TOPIC_WORDS, URGENT_TOPIC_WORDS)))


# Misspellings of sign words too short or too far off for the typo folding ("fevr" has four letters,
# "stroak" is two edits from "stroke"), as people text them.
MISSPELT = {
    "fevr": "fever", "feaver": "fever", "fevor": "fever", "feber": "fever", "fiebr": "fiebre",
    "stroak": "stroke", "strok": "stroke", "payne": "pain", "pane": "pain", "pian": "pain",
    "brethe": "breathe", "breth": "breath", "siezure": "seizure", "seasure": "seizure", "ceizure": "seizure",
    "pls": "please", "plz": "please", "plez": "please", "pleez": "please", "pleas": "please", "hlp": "help",
    "gona": "gonna", "gunna": "gonna", "tonite": "tonight", "tonigh": "tonight", "2nite": "tonight",
    "bleading": "bleeding", "bledding": "bleeding", "chesst": "chest", "chets": "chest",
}


# "She is dying her hair before chemo" dyes it: no word of death. "I just want to dye" means die.
_DYEING = re.compile(r"\bdying (my|her|his|their|your|the) (hair|roots|eyebrows|eyebrow|beard)\b")
_DYE = re.compile(r"\bdye\b(?! (my|her|his|their|your|the|it|them|hair|roots|eyebrows|beard|clothes|eggs"
                  r"|fabric|shirt|yarn|job|test|for))")


def fold_typos(text: str) -> str:
    """Each word a letter or two off a pattern word becomes that word; everyday words stay."""
    return " ".join(MISSPELT.get(word) or _nearest(word) for word in text.split())


@lru_cache(maxsize=NEAREST_KEPT)
def _nearest(word: str) -> str:
    """The pattern word a typo stands for; short, everyday and topic words are never folded."""
    if len(word) < 5 or word in PATTERN_WORDS or word in _NEVER_FOLDED:
        return word  # four letters are too few to tell a typo from another word ("diet", "died")
    return nearest_pattern_word(word)


def nearest_pattern_word(word: str) -> str:
    """The pattern word nearest a word by letters alone, if near enough (else the word itself): what
    a typo is read as, before asking whether the word is a word of its own (service/words/real.py)."""
    cutoff = TYPO_SIMILARITY
    scored = [
        (DamerauLevenshtein.normalized_similarity(word, known), known)
        for known in PATTERN_WORDS
        if known[0] == word[0] and abs(len(known) - len(word)) <= 2
    ]
    score, known = max(scored, default=(0.0, word))
    return known if score >= cutoff else word
