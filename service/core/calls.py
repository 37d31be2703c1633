"""The navigation core for calls: (content, state, input) -> (next state, what to present).

It knows nothing of Flask, Twilio or speech engines, and answers with prompt ids and nodes,
never wording (`service.core.wording` says them); every channel that works by keys and
spoken words (the phone line, the talking menu, the web simulator) steps through it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from service.content.model import DEFAULT_LANGUAGE, MAIN_MENU, Content
from service.content.prompts import Prompt
from service.core import commands
from service.core.commands import NUMBER_FILLERS, SPOKEN_COMMANDS, SPOKEN_NUMBERS
from service.core.matching import Matcher, matchers_for, normalize
from service.core.parts import voice_parts
from service.core.triage import Concern, Finding, triage

URGENT_TOPIC_WORDS = "urgent"  # what the matcher turns into the urgent-signs topic

MAX_SILENCES = 3
MAX_TRAIL = 12


@dataclass(frozen=True)
class CallState:
    """Where a caller is: a small value stored between webhook requests."""

    node: str = MAIN_MENU
    trail: tuple[str, ...] = ()
    silences: int = 0
    slow: bool = False
    lang: str = DEFAULT_LANGUAGE
    part: int = 0  # which part of a topic's spoken text (about 30 seconds each) is playing
    choosing: bool = False  # the opening's language choice is waiting for a key

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the store."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> CallState:
        """Rebuild a state from the store; anything malformed starts over at the main menu."""
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(
                node=str(data.get("node", MAIN_MENU)),
                trail=tuple(str(n) for n in data.get("trail", ())),
                silences=int(data.get("silences", 0)),
                slow=bool(data.get("slow", False)),
                lang=str(data.get("lang", DEFAULT_LANGUAGE)),
                part=int(data.get("part", 0)),
                choosing=bool(data.get("choosing", False)),
            )
        except (TypeError, ValueError):
            return cls()


@dataclass(frozen=True)
class Turn:
    """The core's answer: the new state, the prompts to say first, and whether the call ends."""

    state: CallState
    notices: tuple[Prompt, ...] = ()
    hangup: bool = False
    reprompt: bool = False
    full_keys: bool = False  # say every fixed key in full (once, early in the call)
    choose_language: bool = False  # the opening: 911 first, then each language's key, each in its language

    @property
    def node(self) -> str:
        """The menu or topic to present now."""
        return self.state.node


class CallNavigator:
    """Steps a call through the menus; one instance serves every call."""

    def __init__(self, content: Content, matchers: dict[str, Matcher] | None = None) -> None:
        self.content = content
        self.matchers = matchers or matchers_for(content)

    def start(self, lang: str | None = None) -> Turn:
        """A new call: with more than one language, the choice first (911 said before it); then the
        welcome (911 first), the main menu and the fixed keys in full."""
        if lang is None and len(self.content.languages) > 1:
            return Turn(CallState(choosing=True), (Prompt.LANGUAGE_CHOICE,), choose_language=True)
        return Turn(CallState(lang=lang or DEFAULT_LANGUAGE), (Prompt.WELCOME,), full_keys=True)

    def press(self, state: CallState, digits: str) -> Turn:
        """A key (or keys) pressed on the phone."""
        if state.choosing:
            return self._chosen_by_key(digits.strip()[:1])
        state = self._known(state)
        key = digits.strip()[:1]
        turn = self._key(state, key) if len(digits.strip()) == 1 else None
        return turn or Turn(replace(state, silences=0), (Prompt.SORRY_KEY,), reprompt=True)

    def say(self, state: CallState, speech: str) -> Turn:
        """Words the caller said: an urgent sign or distress first, then a command, a number, a topic."""
        if state.choosing:
            chosen = commands.LANGUAGE_WORDS.get(normalize(speech))
            if chosen in self.content.languages:
                return self.start(chosen)
            state = CallState()  # anything else is said to the English main menu
        state = self._known(state)
        triaged = self._triaged(state, speech)
        if triaged is not None:
            return triaged
        key = self._spoken_key(speech)
        if key is None and normalize(speech) in commands.SPOKEN_MORE and self._has_more(state):
            key = commands.MORE
        if key is not None:
            turn = self._key(state, key)
            if turn is not None:
                return turn
        node = self.matchers[state.lang].match(speech) if state.lang in self.matchers else None
        if node is None:
            return Turn(replace(state, silences=0), (Prompt.SORRY_SPEECH,), reprompt=True)
        return Turn(self._go(state, node))

    def silence(self, state: CallState) -> Turn:
        """No key and no words before the time-out; the third in a row ends the call."""
        if state.choosing:
            return self.start(DEFAULT_LANGUAGE)  # no choice made: the line goes on in English
        state = self._known(state)
        silences = state.silences + 1
        state = replace(state, silences=silences)
        if silences >= MAX_SILENCES:
            return Turn(state, (Prompt.GOODBYE,), hangup=True)
        return Turn(state, (Prompt.SILENCE,), reprompt=True)

    def recover(self, state: CallState | None) -> Turn:
        """After a fault on our side: apologise and offer the main menu again."""
        lang = state.lang if state else DEFAULT_LANGUAGE
        slow = state.slow if state else False
        return Turn(CallState(lang=lang, slow=slow), (Prompt.ERROR,))

    def parts(self, state: CallState) -> int:
        """How many parts the state's topic is said in (a menu is one)."""
        if state.node not in self.content.topics:
            return 1
        return len(voice_parts(self.content.topic_text(state.node, state.lang).voice))

    # --- internals ---------------------------------------------------------------------

    def _chosen_by_key(self, key: str) -> Turn:
        """At the language choice: its keys choose; a main-menu choice is taken in English at once."""
        chosen = commands.LANGUAGE_KEYS.get(key)
        if chosen in self.content.languages:
            return self.start(chosen)
        turn = self._key(CallState(), key) if key not in commands.UNIVERSAL_KEYS else None
        return turn or self.start(DEFAULT_LANGUAGE)

    def _triaged(self, state: CallState, speech: str) -> Turn | None:
        """Urgent words: what to do now, then the sign's topic; distress: a person, then the same place."""
        finding = triage(speech)
        if finding is None and normalize(speech) in commands.SPOKEN_HELP:
            finding = Finding(Concern.DISTRESS, "talk to someone")
        if finding is None:
            return None
        state = replace(state, silences=0)
        matcher = self.matchers[DEFAULT_LANGUAGE]
        if finding.concern is Concern.DISTRESS:
            asked = self.matchers[state.lang].match(speech) if state.lang in self.matchers else None
            if asked in self.content.topics and asked != matcher.match(finding.about):
                return Turn(replace(self._go(state, asked), part=0), (Prompt.DISTRESS,))  # "how long..."
            return Turn(state, (Prompt.DISTRESS,), reprompt=True)
        topic = next(
            (n for n in (matcher.match(finding.about), matcher.match(URGENT_TOPIC_WORDS))
             if n in self.content.topics), None,
        )
        if topic is None:
            return Turn(state, (Prompt.URGENT_NOW,), reprompt=True)
        return Turn(replace(self._go(state, topic), part=0), (Prompt.URGENT_NOW,))

    def _has_more(self, state: CallState) -> bool:
        return state.part + 1 < self.parts(state)

    def _known(self, state: CallState) -> CallState:
        """A state naming a node that no longer exists (content changed) restarts at main."""
        node_ok = state.node in self.content.menus or state.node in self.content.topics
        lang_ok = state.lang in self.content.languages
        if node_ok and lang_ok:
            return state
        return CallState(slow=state.slow, lang=state.lang if lang_ok else DEFAULT_LANGUAGE)

    def _key(self, state: CallState, key: str) -> Turn | None:
        state = replace(state, silences=0)
        if key == commands.REPEAT:
            return Turn(state)
        if key == commands.BACK:
            return Turn(self._back(state))
        if key == commands.MAIN:
            return Turn(replace(state, node=MAIN_MENU, trail=(), part=0))
        if key == commands.SLOWER:
            notice = Prompt.SLOWER_OFF if state.slow else Prompt.SLOWER_ON
            return Turn(replace(state, slow=not state.slow), (notice,))
        if key == commands.MORE and self._has_more(state):
            return Turn(replace(state, part=state.part + 1))
        menu = self.content.menus.get(state.node)
        target = menu.target(key) if menu else None
        return Turn(self._go(state, target)) if target else None

    def _go(self, state: CallState, node: str) -> CallState:
        if node == state.node:
            return replace(state, silences=0, part=0)
        if node == MAIN_MENU:
            return replace(state, node=MAIN_MENU, trail=(), silences=0, part=0)
        trail = state.trail
        if state.node in self.content.menus:
            trail = (*trail, state.node)[-MAX_TRAIL:]
        return replace(state, node=node, trail=trail, silences=0, part=0)

    def _back(self, state: CallState) -> CallState:
        if not state.trail:
            return replace(state, node=MAIN_MENU, part=0)
        return replace(state, node=state.trail[-1], trail=state.trail[:-1], part=0)

    @staticmethod
    def _spoken_key(speech: str) -> str | None:
        text = normalize(speech)
        if not text:
            return None
        words = text.split()
        numbers = [w for w in words if w not in NUMBER_FILLERS]
        if len(numbers) == 1 and (numbers[0] in SPOKEN_NUMBERS or numbers[0].isdigit()):
            return SPOKEN_NUMBERS.get(numbers[0], numbers[0] if len(numbers[0]) == 1 else "")
        for key, phrases in SPOKEN_COMMANDS.items():
            if text in phrases or (len(words) <= 4 and any(p in text for p in phrases if " " in p)):
                return key
        return None
