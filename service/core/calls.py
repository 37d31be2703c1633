"""The navigation core for calls: (content, state, input) -> (next state, what to present).

It knows nothing of Flask, Twilio or speech engines, and answers with prompt ids and nodes,
never wording (`service.core.wording` says them); every channel that works by keys and
spoken words (the phone line, the talking menu, the web simulator) steps through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from service.content.model import (
    DEFAULT_LANGUAGE,
    MAIN_MENU,
    SPANISH,
    SYMPTOM_TOPIC_PREFIX,
    Content,
)
from service.content.prompts import Prompt
from service.core import commands
from service.core.commands import COMMAND_FILLERS, NUMBER_FILLERS, SPOKEN_COMMANDS, SPOKEN_NUMBERS
from service.core.hours import OpeningHours
from service.core.matching import Matcher, matchers_for, sign_topic
from service.core.parts import voice_parts
from service.core.texts import written_in
from service.core.understand.choices import option_named
from service.core.understand.meaning import (
    about_the_line,
    asks_how_medicine_given,
    asks_if_automated,
    asks_if_serious,
    asks_privacy,
    back_to,
    closes,
    glad_news,
    how_given_topic,
    language_key,
    language_named,
    node_named,
    only_language,
    site_finder,
)
from service.core.understand.medicines import Found, MedicineFinder, looks_like_medicine
from service.core.understand.people import Phones, Reach, asks_for_person
from service.safety.triage import Concern, Finding, triage, warm
from service.words.fold import normalize

MAX_SILENCES = 3
MAX_TRAIL = 12
MAX_TEXTS = 3  # texts one call may send to the caller's phone ("text me this")
BEFORE_TOPIC = -1  # the part "before" a topic: a medicine's kind was said; key 1 plays the topic's first
SENTENCE_WORDS = 3  # words said in the other language that switch a call to it (a sentence, not a name)
# What words at the opening may hear before the call's first main menu (not the Lifeline, 911 or a person).
FIRST_MENU_NOTICES = frozenset({Prompt.SORRY_SPEECH, Prompt.NO_ANSWER_SPEECH, Prompt.TAKE_YOUR_TIME,
                                Prompt.WELCOME})
CHOICE_WORDS = frozenset({"number", "numbers", "option", "options", "choice", "choices", "numero", "numeros",
                          "opcion", "opciones"})  # a caller asking of the choices just said


# Getting something to write with, or writing down ("let me get a pencil", "I need to write this down",
# "voy a apuntar"): the line is asked to wait, in more ways than SPOKEN_WAIT can list.
_WRITING_DOWN = re.compile(
    r"\b(get|grab|find|need|fetch|got) (a |my |some )?(pen|pencil|paper|piece of paper|something to write)\b"
    r"|\bwrite (this|it|that|these|them|the number|that number|this number)? ?down\b"
    r"|\b(apuntar|anotar|apunto|anoto|apunte|anote|apuntarlo|anotarlo|escribirlo)\b"
    r"|\b(una pluma|un lapiz|un papel|un boligrafo|una pluma y papel)\b"
)
WAIT_PHRASES = frozenset(phrase for phrase in commands.SPOKEN_WAIT if " " in phrase)  # "hold on", not "wait"
MAX_WAIT_WORDS = 8  # a longer sentence with "hold on" or "write down" in it says something else


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
    texts_sent: int = 0  # topics sent to the caller's phone by text in this call
    crisis: bool = False  # the Lifeline was just offered: its key (or "yes") connects
    advised: bool = False  # the caller heard "information, not medical advice" (after their first topic)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the store (vars, not asdict: asdict deep-copies every field)."""
        return dict(vars(self))

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
                texts_sent=int(data.get("texts_sent", 0)),
                crisis=bool(data.get("crisis", False)),
                advised=bool(data.get("advised", False)),
            )
        except (TypeError, ValueError):
            return cls()


OPENING = CallState(choosing=True)  # every call with a language choice starts here


@dataclass(frozen=True)
class Turn:
    """The core's answer: the new state, the prompts to say first, and whether the call ends."""

    state: CallState
    notices: tuple[Prompt, ...] = ()
    hangup: bool = False
    reprompt: bool = False
    full_keys: bool = False  # say every fixed key in full (once, early in the call)
    choose_language: bool = False  # the opening: 911 first, then each language's key, each in its language
    dial: bool = False  # connect the caller to the operator's helpline now
    dial_crisis: bool = False  # connect the caller to the Suicide and Crisis Lifeline now
    sign: str = ""  # the emergency sign the urgent line names (an id of content/signs.yaml)
    send_text: str = ""  # the topic to send to the caller's phone now (the channel sends, then reports)
    offer_person: bool = False  # the main menu names the key for a person (helpline set and open)
    offer_text: bool = False  # the topic names the key that texts it to the caller
    texts_paused: bool = False  # in place of that offer, once: texts to this phone did not arrive
    hours: OpeningHours | None = None  # said with the "helpline is closed" notice
    reach: tuple[Reach, ...] = ()  # the person answer's numbers: open now first, then when they open
    medicine: Found | None = None  # a medicine named: what it is and its kind's page, before its topic
    welcome: bool = False  # the call's first main menu: the line's name is said after its choices
    offer_language: str = ""  # a returning caller's greeting offers this other language (its key, its name)
    advise: bool = False  # "information, not medical advice" after this topic (once a call)
    chose_language: bool = False  # the caller chose this language (a key or its name): remembered

    @property
    def node(self) -> str:
        """The menu or topic to present now."""
        return self.state.node


@dataclass(frozen=True)
class Offers:
    """What this line may offer a caller beyond the content, from the operator's settings."""

    person: bool = False  # HELPLINE_PHONE is set: key 6 and "talk to a person" connect the caller
    person_hours: OpeningHours | None = None  # HELPLINE_HOURS: outside them, the hours instead
    texting: bool = False  # Twilio account settings are there: key 2 texts a topic to the caller
    crisis_line: bool = False  # the phone line can connect a caller to the Suicide and Crisis Lifeline


class TextOutcome(StrEnum):
    """What became of a "text me this" the channel tried to send."""

    SENT = "sent"
    FAILED = "failed"  # the API or the store failed: nothing is sent when the line cannot count
    OPTED_OUT = "opted_out"
    PAUSED = "paused"  # texts to this phone did not arrive lately, so none is sent for a while
    CALL_LIMIT = "call_limit"  # this call already sent MAX_TEXTS (counted by the call, not its place)
    NOT_NOW = "not_now"  # this phone's, or the whole line's, texts for today are spent
    NOT_THIS_PHONE = "not_this_phone"  # a withheld, unverified or foreign number: never texted


TEXT_NOTICES = {
    TextOutcome.SENT: Prompt.TEXT_SENT,
    TextOutcome.FAILED: Prompt.TEXT_FAILED,
    TextOutcome.OPTED_OUT: Prompt.TEXT_OPTED_OUT,
    TextOutcome.PAUSED: Prompt.TEXT_PAUSED,
    TextOutcome.CALL_LIMIT: Prompt.TEXT_LIMIT,
    TextOutcome.NOT_NOW: Prompt.TEXT_NOT_NOW,
    TextOutcome.NOT_THIS_PHONE: Prompt.TEXT_NOT_THIS_PHONE,
}


class CallNavigator:
    """Steps a call through the menus; one instance serves every call."""

    def __init__(
        self, content: Content, matchers: dict[str, Matcher] | None = None, offers: Offers | None = None
    ) -> None:
        warm()  # the safety model is learnt once per process, at start, never for a message
        self.content = content
        self.matchers = matchers or matchers_for(content)
        self.offers = offers or Offers()
        self.phones = Phones(content.phones)
        self.medicines = MedicineFinder(content.medicines) if content.medicines else None
        self.sites = site_finder(content, self.matchers)

    def start(self, lang: str | None = None, remembered: str | None = None) -> Turn:
        """A new call. A caller the line remembers (`remembered`, the language they chose before) is
        greeted in it: 911 first, then the other language's key and name, said in that language, then
        the main menu. With no history and more than one language: the choice, 911 first in each. In
        one set language (`lang`, or the only one): 911 first, then the main menu."""
        if remembered in self.content.languages:
            other = self._other_language(remembered) or ""
            return replace(self._greeting(remembered, (Prompt.EMERGENCY,)), offer_language=other)
        if lang is None and len(self.content.languages) > 1:
            return Turn(OPENING, (Prompt.LANGUAGE_CHOICE,), choose_language=True)
        return self._greeting(lang or DEFAULT_LANGUAGE, (Prompt.EMERGENCY,))

    def chosen(self, lang: str, chose: bool = True) -> Turn:
        """After the opening's choice (911 was said in each language): the main menu at once. `chose`
        is False when no choice came (silence: the line goes on in English)."""
        return replace(self._greeting(lang, ()), chose_language=chose)

    def _greeting(self, lang: str, notices: tuple[Prompt, ...]) -> Turn:
        """The call's first main menu: its choices, the line's name after them, the keys in full."""
        return Turn(CallState(lang=lang), notices, full_keys=True, welcome=True)

    def _other_language(self, lang: str) -> str | None:
        """The language the language key switches to: the next one in the content's order."""
        languages = self.content.languages
        if len(languages) < 2 or lang not in languages:
            return None
        return languages[(languages.index(lang) + 1) % len(languages)]

    def _switch(self, state: CallState, lang: str) -> Turn:
        """The same place in another language, chosen by its key or its name; at the main menu the
        911 line comes first in it (a returning caller heard it only in the language remembered)."""
        notices = (Prompt.EMERGENCY,) if state.node == MAIN_MENU else ()
        state = replace(state, lang=lang, silences=0, part=0)
        return Turn(state, notices, full_keys=True, chose_language=True)

    def press(self, state: CallState, digits: str, now: datetime | None = None) -> Turn:
        """A key (or keys) pressed on the phone; `now` (aware) decides whether the helpline is open."""
        if state.choosing:
            return self._chosen_by_key(digits.strip()[:1], now)
        state = self._known(state)
        key = digits.strip()[:1]
        if state.crisis:
            connected = self._crisis_key(state, key, now)
            if connected is not None:
                return connected
            state = replace(state, crisis=False)
        turn = self._extra_key(state, key, now) if len(digits.strip()) == 1 else None
        turn = turn or (self._key(state, key) if len(digits.strip()) == 1 else None)
        return self.offered(turn or _heard_again(state, Prompt.SORRY_KEY), now)

    def say(self, state: CallState, speech: str, now: datetime | None = None) -> Turn:
        """Words the caller said: an urgent sign or distress first, then a command, a number, a topic."""
        if state.choosing:
            chosen = language_named(speech) or language_key(speech)
            if chosen in self.content.languages:
                return self.offered(self.chosen(chosen), now)
            state = CallState(lang=self._heard_language(speech))  # answered in the words' language
            return self._first_words(self._said(state, speech, now), now)
        state = self._known(state)
        if state.crisis:
            yes = normalize(speech) in commands.SPOKEN_CRISIS_YES
            connected = self._crisis_key(state, commands.CRISIS_LINE if yes else "", now)
            if connected is not None:
                return connected
            if _asks_to_wait(normalize(speech)):  # "hold on": the Lifeline's offer stays, said again
                return self._crisis(replace(state, silences=0), now, (Prompt.TAKE_YOUR_TIME,))
            state = replace(state, crisis=False)
            if normalize(speech) in commands.DECLINE_WORDS:  # not now: the Lifeline's words again, no "sorry"
                return self.offered(_heard_again(state, Prompt.CRISIS), now)
        return self.offered(self._said(state, speech, now), now)

    def _first_words(self, turn: Turn, now: datetime | None) -> Turn:
        """Words at the opening, not a language ("yes", "what?"): where they lead is the call's first main
        menu, so it names the line and says the keys in full, as the choice of a language would."""
        if turn.state.node == MAIN_MENU and set(turn.notices) <= FIRST_MENU_NOTICES:
            turn = replace(turn, welcome=Prompt.WELCOME not in turn.notices, full_keys=True)
        return self.offered(turn, now)

    def _in_sentence_language(self, state: CallState, speech: str) -> CallState:
        """A sentence about something, said in the line's other language ("quiero saber del hígado" on an
        English call), is answered in it, and the call goes on in it; a word or two, or a command,
        keeps the call's language."""
        text = normalize(speech)
        lang = written_in(text) if len(text.split()) >= SENTENCE_WORDS else None
        return replace(state, lang=lang) if lang in self.content.languages else state

    def _heard_language(self, speech: str) -> str:
        """Before a language is chosen: Spanish words ("quiero hablar con alguien", "hola", "buenas
        tardes") are answered in Spanish, anything else in English."""
        finding = triage(speech)
        text = normalize(speech)
        greeted = SPANISH if text in commands.SPANISH_TEXT_WORDS else None
        lang = finding.lang if finding is not None and finding.lang else greeted or written_in(text)
        return lang if lang in self.content.languages else DEFAULT_LANGUAGE

    def offered(self, turn: Turn, now: datetime | None = None) -> Turn:
        """The turn with the extra keys this line offers right now named (a person, text me this)."""
        if turn.hangup or turn.dial or turn.dial_crisis or turn.send_text or turn.state.crisis:
            return turn
        if Prompt.DISTRESS in turn.notices:
            turn = replace(turn, reach=self.phones.reach(now))
        state = turn.state
        person = self.offers.person and state.node == MAIN_MENU and self._open(now)
        texting = self.offers.texting and self._at_topic(state) and state.texts_sent < MAX_TEXTS
        return self._advised(replace(turn, offer_person=person, offer_text=texting))

    def _advised(self, turn: Turn) -> Turn:
        """The first topic a caller hears ends with "information, not medical advice": said once a
        call, where it costs no one time on the way to a topic."""
        state = turn.state
        heard = self._at_topic(state) and state.part >= 0 and not turn.reprompt
        if state.advised or not heard:
            return turn
        return replace(turn, state=replace(state, advised=True), advise=True)

    def dialed(self, state: CallState | None, answered: bool, now: datetime | None = None) -> Turn:
        """Back from the helpline: thanks after a talk; after no answer, the public numbers. Then main."""
        state = self._known(state or CallState())
        state = replace(state, node=MAIN_MENU, trail=(), part=0, silences=0)
        if state.crisis and not answered:  # the Lifeline or helpline did not answer: the Lifeline again
            return self._crisis(state, now, (Prompt.PERSON_NO_ANSWER,))
        state = replace(state, crisis=False)
        notices = (Prompt.PERSON_THANKS,) if answered else (Prompt.PERSON_NO_ANSWER, Prompt.DISTRESS)
        return self.offered(Turn(state, notices), now)

    def texted(self, state: CallState, outcome: TextOutcome) -> Turn:
        """What the caller hears after a "text me this": sent (counted), or why not; the call goes on."""
        state = replace(self._known(state), silences=0)
        if outcome is TextOutcome.SENT:
            state = replace(state, texts_sent=state.texts_sent + 1)
        return self.offered(Turn(state, (TEXT_NOTICES[outcome],), reprompt=True))

    def _said(self, state: CallState, speech: str, now: datetime | None) -> Turn:
        """Words, before the extra keys are named: a person or an urgent sign first, then a language
        or thanks, then a command, then what the words are about."""
        return (
            self._person_asked(state, speech, now) or self._triaged(state, speech, now)
            or self._social(state, speech) or self._spoken_command(state, speech, now)
            or self._meaning(self._in_sentence_language(state, speech), speech)
        )

    def _social(self, state: CallState, speech: str) -> Turn | None:
        """The other language named ("hablo español": the same place, in it), or thanks and goodbye."""
        switched = only_language(speech)
        if switched in self.content.languages and switched != state.lang:
            return self._switch(state, switched)
        if asks_privacy(speech):  # "is this call recorded": what the line keeps, then the same place
            return _heard_again(state, Prompt.PRIVACY)
        if normalize(speech) in commands.ACKNOWLEDGED_WORDS:  # "got it": the choices here, no "sorry"
            return Turn(replace(state, silences=0), reprompt=True)
        closing = closes(speech)
        if not closing:
            glad = glad_news(self.sites, speech)
            return _heard_again(state, Prompt.GLAD) if glad else None
        goodbye = closing == "bye"
        notice = Prompt.CLOSE_GOODBYE if goodbye else Prompt.CLOSE
        return Turn(replace(state, silences=0), (notice,), hangup=goodbye, reprompt=not goodbye)

    def _spoken_command(self, state: CallState, speech: str, now: datetime | None) -> Turn | None:
        """"Text me this", a key said as a word or a number, "more"; "go back to" a place by name."""
        place = back_to(speech)
        node = place and node_named(self.content, self.sites, self.matchers, state.lang, place, "")
        if node:  # "go back to medicines": there, not one step back
            return Turn(self._go(state, node))
        if self._phrase(speech, commands.SPOKEN_TEXT_ME):
            texted = self._extra_key(state, commands.TEXT_ME, now)
            if texted is not None:
                return texted
            why = Prompt.TEXT_AFTER_TOPIC if self.offers.texting else Prompt.TEXT_OFF  # never "sorry"
            return _heard_again(state, why)
        said = normalize(speech)
        if _asks_to_wait(said) or _said_as(said, commands.SPOKEN_UNSURE):
            return _heard_again(state, Prompt.TAKE_YOUR_TIME)  # "hold on, let me get a pen", "i dont know"
        key = self._spoken_key(speech)
        if key is None and said in commands.DECLINE_WORDS:
            key = commands.BACK if self._at_topic(state) else commands.REPEAT
        if key is None and said in commands.SPOKEN_MORE:
            # "anything else?" after a topic's last part: the menu it is in, with the topics beside it;
            # "next" at a menu: the menu again (its choices are what comes next), never "sorry"
            key = commands.MORE if self._has_more(state) or self._at_topic(state) else commands.REPEAT
        if key is None:
            return None
        return self._extra_key(state, key, now) or self._key(state, key)

    def _meaning(self, state: CallState, speech: str) -> Turn:
        """A medicine by name, a body part with a symptom, a topic's words, what the line is, or sorry."""
        medicine = self._medicine(state, speech)
        if medicine is not None:
            return medicine
        said = normalize(speech)
        asker = _who_is_this_lang(said)
        if asker:  # "who is this?", "I got a call from this number": the line's name, then its choices
            lang = asker if asker in self.content.languages else state.lang
            at_main = replace(state, node=MAIN_MENU, trail=(), part=0, silences=0, lang=lang)
            return Turn(at_main, (Prompt.WELCOME,))
        opener = said in commands.QUESTION_OPENERS
        node = None if opener else option_named(self.content, state.node, state.lang, speech, node_named(
            self.content, self.sites, self.matchers, state.lang, speech, state.node))
        if node is None and (opener or about_the_line(speech)):
            # "hello, is this the cancer line?": the main menu, and what the line is, not "sorry"
            return Turn(replace(state, node=MAIN_MENU, trail=(), part=0, silences=0), welcome=True)
        given = self._how_given(state, node, speech)
        if given is not None:
            return given
        words = said.split()
        if node is None and not CHOICE_WORDS.isdisjoint(words):  # "what was number two": said again
            return Turn(replace(state, silences=0))
        if node is None:  # a question heard in full, or a medicine's name, has no answer here; other
            heard = commands.asks_a_question(words) or looks_like_medicine(said)  # words were not caught
            return _heard_again(state, Prompt.NO_ANSWER_SPEECH if heard else Prompt.SORRY_SPEECH)
        return Turn(self._go(state, node))

    def _how_given(self, state: CallState, node: str | None, speech: str) -> Turn | None:
        """How a treatment is given, how often or how long: the care team's to say, then that treatment's
        topic ("how long will she have radiation"), or the same place after it ("is it a pill")."""
        treatment = how_given_topic(self.content, self.matchers, state.lang, speech, state.node, node)
        if not treatment:
            return None
        if treatment == state.node:
            return _heard_again(state, Prompt.HOW_GIVEN)  # never "sorry"
        return Turn(self._go(state, treatment), (Prompt.HOW_GIVEN,))

    def _medicine(self, state: CallState, speech: str) -> Turn | None:
        """A medicine's name: what it is and its kind's words; key 1 then plays its kind's topic."""
        found = self.medicines.find(speech, state.lang) if self.medicines else None
        kinds = self.content.medicines.classes if self.content.medicines else {}
        if found is None or kinds[found.kind].page not in self.content.topics:
            return None
        given = (Prompt.HOW_GIVEN,) if asks_how_medicine_given(speech) else ()  # "is herceptin a shot"
        at_topic = replace(self._go(state, kinds[found.kind].page), part=BEFORE_TOPIC)
        return Turn(at_topic, given, medicine=found)

    def silence(self, state: CallState, now: datetime | None = None) -> Turn:
        """No key and no words before the time-out; the third in a row ends the call."""
        if state.choosing:  # no choice: the line goes on in English
            return self.offered(self.chosen(DEFAULT_LANGUAGE, chose=False), now)
        state = self._known(state)
        silences = state.silences + 1
        state = replace(state, silences=silences)
        if silences >= MAX_SILENCES:
            first = (Prompt.CRISIS,) if state.crisis else ()
            return Turn(state, (*first, Prompt.GOODBYE), hangup=True)
        if state.crisis:
            return self._crisis(state, now)
        return self.offered(Turn(state, (Prompt.SILENCE,), reprompt=True), now)

    def recover(self, state: CallState | None, now: datetime | None = None) -> Turn:
        """After a fault on our side: apologise and offer the main menu again."""
        lang = state.lang if state else DEFAULT_LANGUAGE
        slow = state.slow if state else False
        texts_sent = state.texts_sent if state else 0
        state = CallState(lang=lang, slow=slow, texts_sent=texts_sent)
        return self.offered(Turn(state, (Prompt.ERROR,)), now)

    def parts(self, state: CallState) -> int:
        """How many parts the state's topic is said in (a menu is one)."""
        if state.node not in self.content.topics:
            return 1
        return len(voice_parts(self.content.topic_text(state.node, state.lang).voice))

    # --- internals ---------------------------------------------------------------------

    def _chosen_by_key(self, key: str, now: datetime | None) -> Turn:
        """At the language choice: its keys choose; a main-menu choice is taken in English at once."""
        chosen = commands.LANGUAGE_KEYS.get(key)
        if chosen in self.content.languages:
            return self.offered(self.chosen(chosen), now)
        turn = self._key(CallState(), key) if key not in commands.UNIVERSAL_KEYS else None
        return self.offered(turn or self.chosen(DEFAULT_LANGUAGE, chose=False), now)

    def _crisis(self, state: CallState, now: datetime | None, first: tuple[Prompt, ...] = ()) -> Turn:
        """The Lifeline first; then its key, and the helpline's, where this line can connect them."""
        notices = (*first, Prompt.CRISIS)
        if self.offers.crisis_line:
            notices += (Prompt.CRISIS_CONNECT,)
        if self.offers.person and self._open(now):
            notices += (Prompt.CRISIS_HELPLINE,)
        return Turn(replace(state, crisis=True), notices)

    def _crisis_key(self, state: CallState, key: str, now: datetime | None) -> Turn | None:
        """Right after the Lifeline was offered: its key connects to it, the person key to the helpline."""
        if key == commands.CRISIS_LINE and self.offers.crisis_line:
            return Turn(replace(state, silences=0), (Prompt.CRISIS_CONNECTING,), dial_crisis=True)
        if key == commands.PERSON and self.offers.person and self._open(now):
            return Turn(replace(state, silences=0), (Prompt.PERSON_CONNECTING,), dial=True)
        return None

    def _open(self, now: datetime | None) -> bool:
        """Whether the helpline takes calls now (no hours set, or no clock given: always)."""
        hours = self.offers.person_hours
        return hours is None or now is None or hours.is_open(now)

    def _extra_key(self, state: CallState, key: str, now: datetime | None) -> Turn | None:
        """Key 6 (a person, from the main menu) and key 2 (text me this, at a topic), when offered."""
        state = replace(state, silences=0)
        if key == commands.PERSON and state.node == MAIN_MENU:
            return self._person(state, now)
        if key == commands.TEXT_ME and self.offers.texting and self._at_topic(state):
            if state.texts_sent >= MAX_TEXTS:
                return Turn(state, (Prompt.TEXT_LIMIT,), reprompt=True)
            return Turn(state, send_text=state.node)
        return None

    def _person(self, state: CallState, now: datetime | None) -> Turn:
        """Connect to the helpline when open; else when it is open, and the public numbers (all there
        is without a helpline), and the menu."""
        if not self.offers.person:
            return Turn(state, (Prompt.DISTRESS,), reprompt=True)
        if self._open(now):
            return Turn(state, (Prompt.PERSON_CONNECTING,), dial=True)
        closed = (Prompt.PERSON_CLOSED, Prompt.DISTRESS)
        return Turn(state, closed, reprompt=True, hours=self.offers.person_hours)

    def _person_asked(self, state: CallState, speech: str, now: datetime | None) -> Turn | None:
        """"Talk to a person" in any everyday words (not an urgent sign), at any menu; "are you a
        robot" hears first that the line answers by itself."""
        automated = asks_if_automated(speech)
        if not automated and not asks_for_person(speech):
            return None
        finding = triage(speech)
        if finding is not None and finding.concern is not Concern.DISTRESS:
            return None
        turn = self._person(replace(self._in_words_language(state, finding, speech), silences=0), now)
        return replace(turn, notices=(Prompt.AUTOMATED, *turn.notices)) if automated else turn

    def _in_words_language(self, state: CallState, finding: Finding | None, speech: str) -> CallState:
        """Safety words answered in the language they were said in, and the call goes on in it, as a
        text's reply does: "me quiero morir" on an English call hears 988 with its Spanish key."""
        if finding is not None and finding.lang in self.content.languages:
            return replace(state, lang=finding.lang)
        return self._in_sentence_language(state, speech)

    @staticmethod
    def _phrase(speech: str, phrases: tuple[str, ...]) -> bool:
        """Whether words are one of the phrases, or a short sentence holding one of them."""
        text = normalize(speech)
        padded = f" {text} "
        return text in phrases or (len(text.split()) <= 8 and any(f" {p} " in padded for p in phrases))

    def _triaged(self, state: CallState, speech: str, now: datetime | None) -> Turn | None:
        """Crisis: the Lifeline and the key that connects; urgent words: what to do now, then the sign's
        topic; prognosis: its honest answer; distress: a person, then the same place."""
        finding = triage(speech, command=_is_command(speech))
        if finding is None and normalize(speech) in commands.SPOKEN_HELP:
            finding = Finding(Concern.DISTRESS, "talk to someone")
        if finding is None:
            return None
        state = replace(self._in_words_language(state, finding, speech), silences=0)
        matcher = self.matchers[DEFAULT_LANGUAGE]
        if finding.concern is Concern.CRISIS:
            return self._crisis(state, now)
        if finding.concern is Concern.PROGNOSIS and state.node.startswith(SYMPTOM_TOPIC_PREFIX) and (
                asks_if_serious(speech)):  # "is it serious", after a sign: what to do now, not how long
            return Turn(state, (Prompt.URGENT_NOW,), reprompt=True)
        answer = matcher.match(finding.about) if finding.concern is Concern.PROGNOSIS else None
        if answer is not None and answer in self.content.topics:
            return Turn(replace(self._go(state, answer), part=0))
        if finding.concern is not Concern.URGENT:
            asked = self.matchers[state.lang].match(speech) if state.lang in self.matchers else None
            if asked is not None and asked in self.content.topics and asked != matcher.match(finding.about):
                return Turn(replace(self._go(state, asked), part=0), (Prompt.DISTRESS,))  # "how long..."
            return Turn(state, (Prompt.DISTRESS,), reprompt=True)
        topic = sign_topic(self.content, matcher, finding.about)
        if topic is None:
            return Turn(state, (Prompt.URGENT_NOW,), reprompt=True, sign=finding.sign)
        return Turn(replace(self._go(state, topic), part=0), (Prompt.URGENT_NOW,), sign=finding.sign)

    def _at_topic(self, state: CallState) -> bool:
        return state.node in self.content.topics

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
        other = self._other_language(state.lang) if key == commands.OTHER_LANGUAGE else None
        if other is not None:
            return self._switch(state, other)
        if key == commands.MORE and self._has_more(state):
            return Turn(replace(state, part=state.part + 1))
        if key == commands.MORE and self._at_topic(state):  # 1 again after the last part: its menu
            return Turn(self._back(state), (Prompt.TOPIC_END,))
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
        ordinal = commands.number_chosen(text) if not commands.ORDINALS.keys().isdisjoint(words) else ""
        if ordinal:  # "the first one", "la segunda opción"
            return ordinal
        core = _without_fillers(text)
        for key, phrases in SPOKEN_COMMANDS.items():
            if text in phrases or core in phrases:
                return key
            if len(words) <= 4 and any(p in text for p in phrases if " " in p):
                return key
        return None


def _is_command(speech: str) -> bool:
    """Whether words said are one of the line's spoken commands ("tell me more", "go back", "two")."""
    text = normalize(speech)
    spoken = (commands.SPOKEN_MORE, commands.SPOKEN_NUMBERS, commands.SPOKEN_TEXT_ME,
              *commands.SPOKEN_COMMANDS.values())
    core = _without_fillers(text)
    return any(text in phrases or core in phrases for phrases in spoken)


def _asks_to_wait(said: str) -> bool:
    """Whether normalized words said ask the line to wait ("hold on", "let me get a pen", "un momento"),
    alone or among a few words ("hold on, give me a second"), or to get something to write with ("I
    need to write this down", "déjeme apuntar")."""
    short = len(said.split()) <= MAX_WAIT_WORDS
    core = f" {_without_fillers(said)} "
    within = short and any(core.startswith(f" {phrase} ") for phrase in WAIT_PHRASES)
    return _said_as(said, commands.SPOKEN_WAIT) or within or bool(short and _WRITING_DOWN.search(said))


def _who_is_this_lang(said: str) -> str:
    """The language of asking who the line is or who called ("quién habla": es), or "" if not asked."""
    if _said_as(said, commands.WHO_IS_THIS_ASKED):
        return "en"
    return "es" if _said_as(said, commands.WHO_IS_THIS_ASKED_ES) else ""


def _said_as(said: str, phrases: frozenset[str]) -> bool:
    """Whether normalized words said are one of `phrases`, as said or without the words around them."""
    return said in phrases or _without_fillers(said) in phrases


def _without_fillers(text: str) -> str:
    """A normalized sentence without the words around a command ("can you repeat that please": repeat)."""
    return " ".join(word for word in text.split() if word not in COMMAND_FILLERS)


def _heard_again(state: CallState, notice: Prompt) -> Turn:
    """A notice, then the same place said again (the caller answered, so the silences start over)."""
    return Turn(replace(state, silences=0), (notice,), reprompt=True)
