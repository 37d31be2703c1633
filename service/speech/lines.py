"""Every line the phone can say, found by stepping the call core through every reachable state."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from service.content.model import DEFAULT_LANGUAGE, MAIN_MENU, Content
from service.content.prompts import Prompt
from service.core import commands
from service.core.calls import MAX_SILENCES, MAX_TEXTS, CallNavigator, CallState, Offers, TextOutcome, Turn
from service.core.hours import OpeningHours
from service.core.understand.people import Reach
from service.core.wording import language_choice, said_prompt, topic_parts, voiced_lines
from service.safety.triage import urgent_topic_words

PROBE_KEYS = tuple("0123456789*")
CRISIS_PROBE = "suicide"  # words that reach the Lifeline's turn, in any language
URGENT_PROBES = ("emergency", "emergencia")  # words that reach the urgent turn, in the call's language
# Words that reach every other kind of spoken turn (a word not caught, a question with no answer here, an
# urgent sign, distress), in each language: a sentence in the other language would switch the call to it.
PROBE_SPEECH = {
    "en": ("qxzv", "what qxzv qxzv", "emergency", "talk to someone", "i am scared"),
    "es": ("qxzv", "que qxzv qxzv", "emergencia", "hablar con alguien", "tengo miedo"),
}


@dataclass(frozen=True)
class Line:
    """One distinct spoken line in one language, with an id a person can find it by."""

    lang: str
    text: str
    text_id: str

    @property
    def words(self) -> int:
        """How many words it has, for the expected length of its audio."""
        return len(self.text.split())


def phone_lines(content: Content, helpline: str = "", hours: OpeningHours | None = None) -> list[Line]:
    """Every distinct line, in the order a caller first meets it, so no wording is duplicated here.

    `helpline` is the operator's HELPLINE_PHONE: its line is said after the distress prompt, and
    key 6 connects to it (closed outside `hours`, HELPLINE_HOURS). "Text me this" is always
    covered: its few lines cost little, and the account settings may come later than the audio.
    """
    offers = Offers(person=bool(helpline), person_hours=hours, texting=True, crisis_line=True)
    navigator = CallNavigator(content, offers=offers)
    seen: dict[tuple[str, str], None] = {}
    if len(content.languages) > 1:  # the opening's choice: each line in its own language
        seen.update(dict.fromkeys(language_choice(content)))
    for lang in content.languages:
        for turn in reachable_turns(navigator, lang):
            seen.update(dict.fromkeys(voiced_lines(content, turn, helpline)))
    ids = _known_ids(content)
    return [Line(lang, text, ids.get((lang, text)) or _slug_id(lang, text)) for lang, text in seen]


def reachable_turns(navigator: CallNavigator, lang: str) -> Iterator[Turn]:
    """Every turn a call in one language can produce: each key, silence, unknown words, a fault."""
    yield navigator.start(remembered=lang)  # a returning caller: 911, the other language, the menu
    yield navigator.chosen(lang)  # after the opening's choice
    first = navigator.start(lang)
    yield first
    seen = {first.state}
    for words in urgent_topic_words():  # the urgent line, then each sign's topic: the same anywhere
        yield navigator.say(first.state, words)
    urgents = (navigator.say(first.state, words) for words in URGENT_PROBES)
    urgent = next((turn for turn in urgents if Prompt.URGENT_NOW in turn.notices), None)
    if urgent is not None:  # each sign's own what-to-do-now line, said in the urgent turn's place
        yield from (replace(urgent, sign=sign.id) for sign in navigator.content.signs)
    crisis = navigator.say(first.state, CRISIS_PROBE)  # the Lifeline, its keys, connecting, no answer
    yield crisis
    yield navigator.press(crisis.state, commands.CRISIS_LINE)
    yield navigator.dialed(crisis.state, answered=False)
    yield navigator.silence(replace(crisis.state, silences=MAX_SILENCES - 1))
    heard_at: set[tuple[str, bool]] = set()
    queue: deque[CallState] = deque([first.state])
    while queue:
        state = queue.popleft()
        for turn in _moves(navigator, state, (state.node, state.slow) not in heard_at):
            yield turn
            after = replace(turn.state, advised=False)  # "not medical advice" once a call: no new lines
            if not turn.hangup and after not in seen:
                seen.add(after)
                queue.append(after)
        heard_at.add((state.node, state.slow))
    yield from _offer_turns(navigator, seen)


def _offer_turns(navigator: CallNavigator, seen: set[CallState]) -> Iterator[Turn]:
    """What the extra offers can say that no key alone reaches: back from a dial, sent or not, closed."""
    hours = _person_hours(navigator)
    for state in (s for s in seen if s.node == MAIN_MENU and not s.trail):
        yield navigator.dialed(state, answered=True)
        yield navigator.dialed(state, answered=False)
        closed = _closed_moment(navigator.offers.person_hours)
        if closed is not None:
            yield navigator.press(state, commands.PERSON, closed)
        for moment in hours:  # the person answer names the numbers open then
            yield navigator.say(state, _probes(state.lang)[-1], moment)
    for state in (s for s in seen if s.node in navigator.content.topics and s.part == 0):
        for outcome in TextOutcome:
            yield navigator.texted(state, outcome)
        yield navigator.press(replace(state, texts_sent=MAX_TEXTS), commands.TEXT_ME)


def _closed_moment(hours: OpeningHours | None) -> datetime | None:
    """A moment in the coming week when the helpline is closed (None: always open)."""
    if hours is None:
        return None
    return next((moment for moment in _week() if not hours.is_open(moment)), None)


def _person_hours(navigator: CallNavigator) -> list[datetime]:
    """One moment for each way the person answer's numbers can stand (open, or opening when)."""
    moments: dict[tuple[Reach, ...], datetime] = {}
    for moment in _week():
        moments.setdefault(navigator.phones.reach(moment), moment)
    return list(moments.values())


def _week() -> Iterator[datetime]:
    """Every half hour of one week, from a Monday."""
    start = datetime(2026, 1, 5, tzinfo=UTC)
    return (start + timedelta(minutes=30 * n) for n in range(7 * 48))


def _probes(lang: str) -> tuple[str, ...]:
    """The probe words said in a call's language (English for a language with none of its own)."""
    return PROBE_SPEECH.get(lang, PROBE_SPEECH[DEFAULT_LANGUAGE])


def _moves(navigator: CallNavigator, state: CallState, speak: bool) -> Iterator[Turn]:
    """What any input can do from one state; unknown words (slow to match) once per place."""
    for key in PROBE_KEYS:
        yield navigator.press(state, key)
    yield navigator.silence(state)
    if speak:
        for words in _probes(state.lang):
            yield navigator.say(state, words)
    yield navigator.recover(state)


def _known_ids(content: Content) -> dict[tuple[str, str], str]:
    """Names for the lines that come whole from one place in the content."""
    ids: dict[tuple[str, str], str] = {}
    for lang in content.languages:
        for prompt in Prompt:
            if prompt.value in content.prompts[lang]:
                ids[(lang, said_prompt(content, prompt, lang))] = f"{lang}:prompt:{prompt.value}"
        for menu in content.menus.values():
            intro = menu.texts[lang].intro if lang in menu.texts else ""
            if intro:
                ids[(lang, intro)] = f"{lang}:menu:{menu.id}:intro"
        for topic in content.topics.values():
            if lang in topic.texts:
                for index, part in enumerate(topic_parts(content, topic.id, lang)):
                    suffix = f":part{index + 1}" if index else ""
                    ids[(lang, part)] = f"{lang}:topic:{topic.id}{suffix}"
    return ids


def _slug_id(lang: str, text: str) -> str:
    """A readable id for a composed line, such as an option: en:line:for-bones-press-1."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return f"{lang}:line:{'-'.join(words[:8])}"
