"""The emergency signs (content/signs.yaml): one list that triage, the urgent topic and the checker share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from service.content.collect import ID_PATTERN
from service.content.yamlfile import KeyPath, Problem, YamlDoc

CALL_911 = "call-911"
CARE_TEAM_NOW = "care-team-now"  # call the care team now; 911 if they cannot be reached at once
ACTIONS = (CALL_911, CARE_TEAM_NOW)
# The ids triage and the urgent topic are written against (SIGNS.md); the file may add more.
REQUIRED_SIGNS = (
    "seizure", "stroke", "breathing", "chest-pain", "coughing-blood", "bleeding", "confusion",
    "cord-severe", "spinal-cord", "fever", "clot-leg", "belly", "calcium", "fracture",
)
SIGN_FIELDS = {"id", "action", "sources"}
SIGN_TEXT_FIELDS = {"name", "words", "action"}


@dataclass(frozen=True)
class Sign:
    """An emergency sign: the words that name it and what to do about it now, per language."""

    id: str
    action: str  # CALL_911 or CARE_TEAM_NOW
    names: Mapping[str, str]
    words: Mapping[str, tuple[str, ...]]
    says: Mapping[str, str]
    sources: tuple[str, ...]


def fold(text: str) -> str:
    """Lowercase without accents or apostrophes, so "Can't" finds "cant" and "convulsion" "convulsión"."""
    plain = unicodedata.normalize("NFD", text.lower().replace("\u2019", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("'", "")
    return " ".join(plain.split())


def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any of a sign's words as whole words in folded text."""
    alternatives = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def read_signs(
    doc: YamlDoc | None, languages: tuple[str, ...], sources: Mapping[str, Any]
) -> tuple[tuple[Sign, ...], list[Problem]]:
    """The signs of signs.yaml in file order, and every problem, each at its file and line."""
    if doc is None:
        return (), []
    reader = _SignReader(doc, languages, sources)
    signs = tuple(reader.signs())
    return signs, reader.problems


class _SignReader:
    """Turns signs.yaml into Sign values, collecting problems instead of stopping at the first."""

    def __init__(self, doc: YamlDoc, languages: tuple[str, ...], sources: Mapping[str, Any]) -> None:
        self.doc = doc
        self.languages = languages
        self.sources = sources
        self.problems: list[Problem] = []
        self.word_owner: dict[tuple[str, str], str] = {}

    def add(self, path: KeyPath, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def signs(self) -> Iterator[Sign]:
        entries = self.doc.data.get("signs")
        for name in self.doc.data:
            if name != "signs":
                self.add((name,), "is not a field of signs.yaml (signs)")
        if not isinstance(entries, list) or not entries:
            self.add(("signs",), "must be a list of signs")
            return
        seen: list[Sign] = []
        for index, entry in enumerate(entries):
            sign = self._sign(index, entry, seen)
            if sign is not None:
                seen.append(sign)
                yield sign
        missing = [s for s in REQUIRED_SIGNS if s not in {sign.id for sign in seen}]
        if missing:
            self.add(("signs",), f"is missing the sign(s) {', '.join(missing)} (triage names them)")

    def _sign(self, index: int, entry: Any, seen: list[Sign]) -> Sign | None:
        path: KeyPath = ("signs", index)
        if not isinstance(entry, dict):
            self.add(path, "must be a mapping with id, action, sources and a block per language")
            return None
        for name in entry:
            if name not in SIGN_FIELDS and name not in self.languages:
                self.add((*path, name), "is not a sign field or a language of prompts.yaml")
        sign_id = entry.get("id")
        if not isinstance(sign_id, str) or not ID_PATTERN.match(sign_id):
            self.add((*path, "id"), "must be lowercase letters, digits and hyphens")
            return None
        if any(sign.id == sign_id for sign in seen):
            self.add((*path, "id"), f"{sign_id!r} is listed twice")
        action = self._action(path, entry.get("action"), seen)
        texts = [(lang, self._text(path, lang, entry.get(lang), sign_id)) for lang in self.languages]
        found = {lang: text for lang, text in texts if text is not None}
        return Sign(
            id=sign_id, action=action,
            names={lang: text[0] for lang, text in found.items()},
            words={lang: text[1] for lang, text in found.items()},
            says={lang: text[2] for lang, text in found.items()},
            sources=self._sources(path, entry.get("sources")),
        )

    def _action(self, path: KeyPath, value: Any, seen: list[Sign]) -> str:
        if value not in ACTIONS:
            self.add((*path, "action"), f"{value!r} must be one of {', '.join(ACTIONS)}")
            return CALL_911
        if value == CALL_911 and any(sign.action != CALL_911 for sign in seen):
            self.add((*path, "action"), "a call-911 sign must come before every care-team-now sign")
        return str(value)

    def _sources(self, path: KeyPath, value: Any) -> tuple[str, ...]:
        where = (*path, "sources")
        if not isinstance(value, list) or not value:
            self.add(where, "must list at least one source id from sources.yaml")
            return ()
        for index, source_id in enumerate(value):
            source = self.sources.get(source_id)
            if self.sources and source is None:
                self.add((*where, index), f"unknown source {source_id!r} (not in sources.yaml)")
            elif source is not None and source.kind != "article" and not (source.url and source.read):
                self.add((*where, index), f"{source_id!r} needs its address (url) and the day it was read")
        return tuple(str(s) for s in value)

    def _text(
        self, path: KeyPath, lang: str, block: Any, sign_id: str
    ) -> tuple[str, tuple[str, ...], str] | None:
        where = (*path, lang)
        if not isinstance(block, dict):
            self.add(where, f"the {lang!r} block is missing (name, words, action)")
            return None
        for name in block:
            if name not in SIGN_TEXT_FIELDS:
                self.add((*where, name), "is not a sign text field (name, words, action)")
        name, says = block.get("name"), block.get("action")
        for field, value in (("name", name), ("action", says)):
            if not isinstance(value, str) or not value.strip():
                self.add((*where, field), "is missing or empty (text expected)")
        words = self._words(where, lang, block.get("words"), sign_id)
        if not isinstance(name, str) or not isinstance(says, str) or not words:
            return None
        return " ".join(name.split()), words, " ".join(says.split())

    def _words(self, where: KeyPath, lang: str, value: Any, sign_id: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.add((*where, "words"), "must be a list of words or phrases that name the sign")
            return ()
        words: list[str] = []
        for index, raw in enumerate(value):
            word = " ".join(str(raw).split())
            owner = self.word_owner.setdefault((lang, fold(word)), sign_id)
            if not word or word != word.lower():
                self.add((*where, "words", index), f"{raw!r} must be lowercase and not empty")
            elif owner != sign_id:
                self.add((*where, "words", index), f"{word!r} also names the sign {owner!r}")
            else:
                words.append(word)
        return tuple(words)
