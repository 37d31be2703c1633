"""Emergency signs on the pages: a page that names a sign says what to do about it, in that sentence or
the next, in every spoken part and on every SMS page where the sign appears; and the urgent-signs topic
names every sign, the 911 signs first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from service.checker.texts import Text, texts
from service.content.loader import Reading
from service.content.signs import CALL_911, CARE_TEAM_NOW, Sign, fold, word_pattern
from service.content.yamlfile import Problem
from service.core.parts import sentences, voice_parts

URGENT_TOPIC = "symptoms-urgent"  # the topic triage offers after an urgent sign
# What counts as saying a sign's action, in folded text (no accents). "*" holds for every language.
ACTION_SAID: dict[str, dict[str, tuple[str, ...]]] = {
    CALL_911: {"*": (r"\b911\b",)},
    CARE_TEAM_NOW: {
        "en": (r"\bcall (?:your|the) care team (?:right away|at once|now|immediately)\b",),
        "es": (
            r"\bllame (?:de inmediato|ahora|enseguida|ya) a su equipo\b",
            r"\bllame a su equipo (?:de atencion )?(?:medico|medica)? ?(?:de inmediato|ahora|enseguida)\b",
        ),
    },
}
# "In an emergency, call 911" leaves the reader to judge: it does not say that this sign is one.
GENERIC_911 = {
    "en": r"^(?:in an emergency|if (?:this|it) (?:may be|is) an emergency)\b",
    "es": r"^(?:en una emergencia|si (?:esto )?(?:puede ser|es) una emergencia)\b",
}


def sign_problems(reading: Reading) -> Iterator[Problem]:
    """Every emergency-sign problem: pages silent about what to do, signs.yaml, the urgent topic."""
    signs = reading.readable.signs
    if not signs:
        return
    for text in texts(reading):
        yield from _silent_pages(text, signs)
    yield from _own_action_problems(reading, signs)
    yield from _urgent_topic_problems(reading, signs)


def names(sign: Sign, lang: str, text: str) -> str | None:
    """The word of a sign that a text names, in the text's language, or None."""
    words = sign.words.get(lang)
    found = _pattern(words).search(fold(text)) if words else None
    return found.group(0) if found else None


def says_action(sign: Sign, lang: str, sentence: str) -> bool:
    """Whether a sentence says a sign's action itself (not "in an emergency, call 911")."""
    folded = fold(sentence)
    if sign.action == CALL_911 and re.search(GENERIC_911.get(lang, r"$^"), folded):
        return False
    patterns = ACTION_SAID[sign.action].get("*", ()) + ACTION_SAID[sign.action].get(lang, ())
    return any(re.search(pattern, folded) for pattern in patterns)


def _silent_pages(text: Text, signs: tuple[Sign, ...]) -> Iterator[Problem]:
    """A text's units (spoken parts, or the page itself) where a sign is named but its action is not."""
    units = voice_parts(text.body) if text.path[-1] == "voice" else (text.body,)
    for number, unit in enumerate(units, start=1):
        said = sentences(unit)
        for sign in signs:
            missing = _first_silent(sign, text.lang, said)
            if missing is not None:
                where = f"in part {number} as spoken, " if len(units) > 1 else ""
                yield text.problem(
                    f"{where}names {sign.id} ({missing!r}) but says its action neither in that sentence "
                    f"nor the next: add, for example, {sign.says.get(text.lang, '')!r}"
                )


def _first_silent(sign: Sign, lang: str, said: list[str]) -> str | None:
    """The first word of a sign named in a sentence with no action in it or in the sentence after."""
    for index, sentence in enumerate(said):
        word = names(sign, lang, sentence)
        if word and not any(says_action(sign, lang, s) for s in said[index:index + 2]):
            return word
    return None


def _own_action_problems(reading: Reading, signs: tuple[Sign, ...]) -> Iterator[Problem]:
    """Each sign's own what-to-do sentence says its action, in words the check above counts."""
    doc = reading.docs.get(reading.signs_file)
    if doc is None:
        return
    for index, sign in enumerate(signs):
        for lang, said in sign.says.items():
            if not says_action(sign, lang, said):
                wanted = "911" if sign.action == CALL_911 else "to call the care team right away"
                yield doc.problem(("signs", index, lang, "action"), f"must say {wanted} ({sign.action})")


def _urgent_topic_problems(reading: Reading, signs: tuple[Sign, ...]) -> Iterator[Problem]:
    """The urgent-signs topic names every sign, by voice and by text, and the 911 signs first."""
    topic = reading.readable.topics.get(URGENT_TOPIC)
    if topic is None:
        return
    doc = reading.docs[topic.file]
    for lang, written in topic.texts.items():
        for field, body in (("voice", written.voice), ("sms", " ".join(written.sms))):
            left_out = [sign.id for sign in signs if not names(sign, lang, body)]
            if left_out:
                yield doc.problem((lang, field), f"the urgent-signs topic leaves out {', '.join(left_out)}")
            elif not _911_first(signs, lang, body):
                yield doc.problem((lang, field), "the urgent-signs topic must name the 911 signs first")


def _911_first(signs: tuple[Sign, ...], lang: str, body: str) -> bool:
    """Whether every 911 sign is first named before any care-team sign is."""
    folded = fold(body)
    first = {sign.id: _pattern(sign.words[lang]).search(folded) for sign in signs if lang in sign.words}
    at = {sign_id: found.start() for sign_id, found in first.items() if found}
    urgent = [at[s.id] for s in signs if s.action == CALL_911 and s.id in at]
    later = [at[s.id] for s in signs if s.action != CALL_911 and s.id in at]
    return not urgent or not later or max(urgent) < min(later)


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return word_pattern(words)
