"""The navigation core for text messages: (content, state, message) -> (next state, what to send).

Like the call core, it answers with prompt ids and the node to show, never with finished wording:
`service.core.wording` turns a reply into the message. Opt-out words are not handled here: the
webhook checks them first, before any state is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from itertools import pairwise
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
from service.core.kept import Kept
from service.core.matching import FILLER_WORDS, SUBJECT_WORDS, Matcher, WordSet, matchers_for, sign_topic
from service.core.understand.choices import option_named
from service.core.understand.meaning import (
    about_the_line,
    asks_how_medicine_given,
    asks_if_automated,
    asks_if_serious,
    asks_privacy,
    asks_treatment,
    closes,
    glad_news,
    how_given_topic,
    language_named,
    node_named,
    only_language,
    passed_or_still_go,
    site_finder,
    stage_page,
    thanks,
    treatment_named,
)
from service.core.understand.medicines import Found, MedicineFinder, looks_like_medicine
from service.core.understand.people import Phones, Reach, asks_for_person
from service.safety.triage import Concern, Finding, likeliest_language, triage, warm
from service.words.fold import normalize

TopicWords = tuple[WordSet, WordSet, tuple[WordSet, ...]]
MIN_PAGE_SIMILARITY = 0.8  # how close a message's word must come to a page's word to count for it
STEM_LETTERS = 5  # words of a topic that begin alike are forms of one word ("treated", "treating")
OFFER_KEY = "1"  # "Reply 1 for <topic>" after an urgent or distress reply
BEFORE_FIRST = -1  # a medicine's reply gave its kind's own page: MORE sends the topic's first page
KEPT_REPLIES = 8192
KEPT_MESSAGE_CHARS = 160  # a longer message is worked out each time, so the kept ones stay small
# Small words that say a text is written in Spanish ("me duele la espalda", "que es la quimio").
SPANISH_SMALL_WORDS = frozenset(
    "el la los las de del que como donde cuando cual cuales tengo tiene mi mis su sus por para es son "
    "esta estoy hay una uno unos unas con sin duele dolor puedo puede quiero necesito se le lo "
    "y o pero muy mas sobre mama seno pecho informacion gracias muchas adios me te nos nada bien mal ya "
    "todo toda todos porque aqui ahi hoy ayer algo nadie siempre nunca siento soy fue voy va vamos van "
    "ahora despues antes manana noche temprano ella ellos usted cuanto cuanta cuantos cuantas cuesta esto "
    "eso opcion numero quiere quieres queremos ir".split()
)
MEDICINES_WORDS = "medicines"  # what the matcher turns into the medicines menu
# What a page about treating a place says, per language: "what can be done", after Liver, finds that page.
TREATED_WORDS = {"en": "treated treating treatment", "es": "tratarlo tratarse tratamiento"}


@dataclass(frozen=True)
class TextState:
    """What a texter was last sent: the menu numbers answer, and the topic MORE continues."""

    menu: str = MAIN_MENU
    topic: str = ""
    page: int = 0
    lang: str = DEFAULT_LANGUAGE
    first: int = 0  # the page sent first (the one a keyword was found on); MORE sends the others
    offer: str = ""  # the topic "Reply 1" opens after an urgent or distress reply
    crisis: bool = False  # the Lifeline was just sent: what follows that the line cannot match names it

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the store (vars, not asdict: asdict deep-copies every field)."""
        return dict(vars(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TextState:
        """Rebuild from the store; anything malformed starts fresh."""
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(
                menu=str(data.get("menu", MAIN_MENU)),
                topic=str(data.get("topic", "")),
                page=int(data.get("page", 0)),
                lang=str(data.get("lang", DEFAULT_LANGUAGE)),
                first=int(data.get("first", 0)),
                offer=str(data.get("offer", "")),
                crisis=bool(data.get("crisis", False)),
            )
        except (TypeError, ValueError):
            return cls()


def page_order(pages: int, first: int) -> list[int]:
    """The order a topic's pages are sent in: the first one found, then the rest in order."""
    first = first if 0 <= first < pages else 0
    return [first, *(p for p in range(pages) if p != first)]


class Show(StrEnum):
    """What one reply sends, besides its notices."""

    MENU = "menu"  # the state's menu, numbered
    PAGE = "page"  # the state's topic, at its page
    HELP = "help"
    RESUBSCRIBED = "resubscribed"
    ERROR = "error"
    CRISIS = "crisis"  # the Suicide and Crisis Lifeline first, then the usual way on (MENU)
    URGENT = "urgent"  # what to do now, then the offer of the state's `offer` topic
    DISTRESS = "distress"  # how to reach a person, then the offer (if any)
    MEDICINE = "medicine"  # what a named medicine is, then its kind's page; MORE goes on to the topic
    CLOSE = "close"  # a kind close after thanks ("you are welcome")
    BYE = "bye"  # a kind close after a goodbye without thanks ("take care")
    HOW_GIVEN = "how_given"  # after a treatment, how it is given: the care team's to say
    WAIT = "wait"  # asked to wait ("hold on", "brb"): take your time, the place kept
    AFTER_CRISIS = "after_crisis"  # words the line cannot place, right after the Lifeline: it, again
    GLAD = "glad"  # glad to hear good news told
    PRIVACY = "privacy"  # asked whether the line is private: what it keeps and does not
    MEDIA = "media"  # a picture, voice note or place with no words: what the line reads, how to call


@dataclass(frozen=True)
class TextReply:
    """The core's answer to one text: the new state, notices to send first, and what to show."""

    state: TextState
    show: Show
    notices: tuple[Prompt, ...] = ()
    person: bool = False  # end with how to reach a person (after a text the line cannot match)
    intro: bool = True  # a menu's intro; left out where the notice says what the menu is for
    reach: tuple[Reach, ...] = ()  # the numbers to name (a person answer, or after an unmatched text)
    medicine: Found | None = None  # the medicine a message named (Show.MEDICINE)
    sign: str = ""  # the emergency sign an urgent reply names first (an id of content/signs.yaml)


NOT_FOUND = (Prompt.SMS_NOT_UNDERSTOOD, Prompt.SMS_NO_ANSWER)  # the notices of a text no topic matched


def not_found(reply: TextReply) -> bool:
    """Whether no topic matched a text: counted as not matched, and kindly named after the Lifeline."""
    return any(notice in NOT_FOUND for notice in reply.notices)


class TextNavigator:
    """Answers one incoming text; one instance serves every texter."""

    def __init__(self, content: Content, matchers: dict[str, Matcher] | None = None) -> None:
        warm()  # the safety model is learnt once per process, at start, never for a message
        self.content = content
        self.matchers = matchers or matchers_for(content)
        self._words: dict[tuple[str, str], TopicWords | None] = {}
        self._replies: Kept[tuple[TextState, str], TextReply] = Kept(KEPT_REPLIES)
        self.phones = Phones(content.phones)
        self.medicines = MedicineFinder(content.medicines) if content.medicines else None
        self.sites = site_finder(content, self.matchers)
        self._vocabulary = {lang: frozenset(m.vocabulary) for lang, m in self.matchers.items()}

    def reply(self, state: TextState, body: str, now: datetime | None = None) -> TextReply:
        """The reply to one message; one that names people to call lists first those open at `now`."""
        reply = self._kept(state, body)
        if reply.show is Show.DISTRESS or reply.person:
            return replace(reply, reach=self.phones.reach(now))
        return reply

    def _kept(self, state: TextState, body: str) -> TextReply:
        """The reply to one message, given what this phone was sent before.

        A reply depends on nothing else, and most texts are the same few words sent from the same
        few places (a new texter's BONE, MENU, 1), so short messages' replies are kept, up to
        KEPT_REPLIES of them.
        """
        if len(body) > KEPT_MESSAGE_CHARS:
            return self._reply(state, body)
        return self._replies.get((state, body), lambda: self._reply(state, body))

    def _reply(self, state: TextState, body: str) -> TextReply:
        """The reply; after the Lifeline, words the line cannot place ("i'm ok", "i didn't mean it")
        hear it named again, kindly, rather than "we did not find that" or HELP."""
        after_crisis = state.crisis
        reply = self._answer(replace(state, crisis=False), body)
        if after_crisis and (reply.show is Show.HELP or not_found(reply)):
            return TextReply(reply.state, Show.AFTER_CRISIS)
        return reply

    def _answer(self, state: TextState, body: str) -> TextReply:
        state = self._known(state)
        offer, state = state.offer, replace(state, offer="")
        text = normalize(body)
        state = replace(state, lang=self._language(state.lang, text, body))
        if text in commands.LANGUAGE_WORDS or only_language(body):
            return self._menu(state, MAIN_MENU)
        after_offer = self._after_offer(state, offer, body, text)
        if after_offer is not None:
            return after_offer
        if text in commands.TEXT_HELP_WORDS:
            return self._help(state, text)
        answered = self._before_commands(state, body, text)
        if answered is not None:
            return answered
        command = commands.text_command(text)
        if command == "more":
            return self._more(state)
        if not text or command == "menu":
            asked = commands.asked_command(text) in commands.MENU_ASKED_WORDS
            return self._menu(_left_topic(state) if asked else state, MAIN_MENU)
        if command == "back":
            return self._back(state)
        if command == "repeat":
            return self._again(state)
        number = commands.number_chosen(text)
        if number:
            return self._number(state, number)
        return self._meaning(state, body, text)

    def _after_offer(self, state: TextState, offer: str, body: str, text: str) -> TextReply | None:
        """After an urgent sign: 1, "yes" or "what should i do" opens the topic offered; "is it serious"
        (there, or at a symptoms page) hears what to do now again, not how long people live. After a
        page that offers MORE, "yes" is MORE."""
        taken = commands.number_chosen(text) == OFFER_KEY or text in commands.OFFER_TAKEN_WORDS
        if offer and taken:
            return self._node(state, offer, body)
        if not offer and text in commands.TEXT_YES_MORE_WORDS and self._has_more(state):
            return self._more(state)
        if (offer or state.topic.startswith(SYMPTOM_TOPIC_PREFIX)) and asks_if_serious(body):
            return TextReply(replace(state, offer=offer), Show.URGENT)
        if offer.startswith(SYMPTOM_TOPIC_PREFIX) and passed_or_still_go(body):  # "its gone now"
            return TextReply(replace(state, offer=offer), Show.URGENT)
        return None

    @staticmethod
    def _help(state: TextState, text: str) -> TextReply:
        """HELP says what the line is; after a page, "what should i do" gets a person and 911 instead, and
        "what does that mean" a person who can explain it (the care team, a helpline day or night);
        "what do we do now", anywhere, a person."""
        after_a_page = bool(state.topic) and text in commands.PERSON_AFTER_A_PAGE_WORDS
        asks_a_person = after_a_page or text in commands.NOW_WHAT_WORDS
        return TextReply(state, Show.DISTRESS if asks_a_person else Show.HELP)

    def _in_finding_language(self, state: TextState, finding: Finding, text: str) -> TextState:
        """Safety words answered in their own language: "me quiero morir" in Spanish, "i want to die"
        after Spanish in English."""
        if finding.lang in self.content.languages:
            return replace(state, lang=finding.lang)
        if state.lang != DEFAULT_LANGUAGE and _writes_english(text):
            return replace(state, lang=DEFAULT_LANGUAGE)
        return state

    def _before_commands(self, state: TextState, body: str, text: str) -> TextReply | None:
        """Safety before any command: crisis or an urgent sign, then a person asked for, then thanks."""
        command = text in commands.TEXT_MORE_WORDS or text in commands.TEXT_MENU_WORDS
        finding = triage(body, command=command or text in commands.NUMBER_WORDS)
        if finding is not None:
            state = self._in_finding_language(state, finding, text)
        if asks_if_automated(body) and (finding is None or finding.concern is Concern.DISTRESS):
            return TextReply(state, Show.DISTRESS, notices=(Prompt.SMS_AUTOMATED,))  # "are you a bot"
        if finding is not None:
            return self._triaged(state, body, finding)
        if asks_for_person(body):
            return TextReply(state, Show.DISTRESS)
        if closes(body):
            return TextReply(state, Show.CLOSE if thanks(body) else Show.BYE)
        if text in commands.TEXT_WAIT_WORDS:
            return TextReply(state, Show.WAIT)
        if glad_news(self.sites, body):
            return TextReply(state, Show.GLAD)
        if asks_privacy(body):
            return TextReply(state, Show.PRIVACY)
        return None

    def _meaning(self, state: TextState, body: str, text: str) -> TextReply:
        """A medicine by name, else the topic or menu the words name, else the honest "not found"."""
        found = self.medicines.find(body, state.lang) if self.medicines else None
        if found is not None:
            named = self._medicine(state, found)
            if named.show is Show.MEDICINE and asks_how_medicine_given(body):  # "how long is letrozole taken"
                return replace(named, show=Show.HOW_GIVEN, medicine=None)
            return named
        node = node_named(self.content, self.sites, self.matchers, state.lang, body, state.topic)
        if not state.topic:  # at a menu, words may name one of its choices ("liver", at Symptoms)
            node = option_named(self.content, state.menu, state.lang, body, node)
        if state.topic and (node is None or self.content.is_menu(node)):
            here = self._page_with(state.topic, state.lang, body)  # "how is that treated", after Liver
            if here == 0 and asks_treatment(body):  # "what can they do for it", after Liver
                here = self._page_on_treating(state.topic, state.lang)
            if here > 0:
                return TextReply(replace(state, page=here, first=here), Show.PAGE)
        given = self._how_given(state, node, body)
        if given is not None:
            return given
        if node is None:
            return self._unknown(state, text)
        return self._node(state, node, body)

    def _how_given(self, state: TextState, node: str | None, body: str) -> TextReply | None:
        """How a treatment is given, how often or how long: the care team's to say. After that
        treatment's page ("is it a pill", after Tamoxifen) the same place; a treatment named ("how long
        will she have radiation") its topic, whose first page MORE sends."""
        treatment = how_given_topic(self.content, self.matchers, state.lang, body, state.topic, node)
        if not treatment:
            return None
        if treatment == state.topic:
            return TextReply(state, Show.HOW_GIVEN)
        return TextReply(replace(state, topic=treatment, page=BEFORE_FIRST, first=0), Show.HOW_GIVEN)

    def keyword(self, state: TextState, body: str, show: Show) -> TextReply:
        """HELP, or the START confirmation, for a keyword Twilio recognised (any word, any language),
        in the language the texter uses or writes the keyword in."""
        state = self._known(state)
        return TextReply(replace(state, lang=self._language(state.lang, normalize(body), body)), show)

    @staticmethod
    def resubscribed(state: TextState | None = None) -> TextReply:
        """The confirmation after START, YES or UNSTOP."""
        return TextReply(state or TextState(), Show.RESUBSCRIBED)

    @staticmethod
    def error(state: TextState | None = None) -> TextReply:
        """The apology when something failed on our side."""
        return TextReply(state or TextState(), Show.ERROR)

    # --- internals ---------------------------------------------------------------------

    def _language(self, lang: str, text: str, body: str) -> str:
        """The texter's language: chosen by ESPANOL or ENGLISH, else the one they write in, else kept.

        Spanish is heard in a greeting, small words or a keyword; English, after Spanish, only in a
        sentence or a thanks ("my mom has liver mets", "thank you"), since people who write Spanish
        often name a drug or a place of the body in English words ("tamoxifen", "bone mets").
        """
        chosen = commands.LANGUAGE_WORDS.get(text) or language_named(text)
        if chosen in self.content.languages:
            return chosen
        if SPANISH not in self.content.languages:
            return lang
        if lang == DEFAULT_LANGUAGE:
            return SPANISH if self._writes_spanish(text, body) else lang
        if lang == SPANISH and (_writes_english(text) or text in commands.ENGLISH_TEXT_WORDS):
            return DEFAULT_LANGUAGE
        return lang

    def _writes_spanish(self, text: str, body: str) -> bool:
        """A Spanish greeting or command, more Spanish than English small words, or a Spanish keyword
        that covers more of the message than any English one ("metastasis cerebral")."""
        if text in commands.SPANISH_TEXT_WORDS:
            return True
        if text in commands.ENGLISH_TEXT_WORDS:  # "email me": "me" is Spanish too
            return False
        words = text.split()
        spanish, english = _small_words(words)
        if spanish > english:
            return True
        if spanish < english:
            return False
        named = [self.medicines.language_of(word) if self.medicines else None for word in words]
        if SPANISH in named:  # "letrozol", "tamoxifeno"
            return True
        words = [word for word, name in zip(words, named, strict=True) if name is None]  # "herseptin"
        if self.matchers[SPANISH].match(body) is None:
            return spanish > 0 and likeliest_language(text) == SPANISH  # "mejor me muero": "me" is both
        if self.matchers[DEFAULT_LANGUAGE].match(body) is None:
            return True
        return self._keyword_words(SPANISH, words) > self._keyword_words(DEFAULT_LANGUAGE, words)

    def _keyword_words(self, lang: str, words: list[str]) -> int:
        """How many of a message's words are words of the language's keywords."""
        return sum(word in self._vocabulary[lang] for word in words)

    def _known(self, state: TextState) -> TextState:
        lang = state.lang if state.lang in self.content.languages else DEFAULT_LANGUAGE
        menu = state.menu if state.menu in self.content.menus else MAIN_MENU
        topic = state.topic if state.topic in self.content.topics else ""
        offer = state.offer if state.offer in self.content.topics else ""
        page, first = (state.page, state.first) if topic else (0, 0)
        return TextState(menu=menu, topic=topic, page=page, lang=lang, first=first, offer=offer)

    def _number(self, state: TextState, text: str) -> TextReply:
        number = text.lstrip("0") or "0"
        if number == commands.MAIN:
            return self._menu(_left_topic(state), MAIN_MENU)
        target = self.content.menus[state.menu].target(number)
        if target is None and number == commands.PERSON and state.menu == MAIN_MENU:
            return TextReply(state, Show.DISTRESS)  # the phone line's key for a person
        if target is None:
            return self._menu(state, state.menu, Prompt.SMS_NOT_UNDERSTOOD)
        return self._node(state, target)

    def _triaged(self, state: TextState, body: str, finding: Finding) -> TextReply:
        """Crisis: the Lifeline; urgent: what to do now, then the sign's topic; prognosis: its honest
        answer; distress: a person, then any topic the words name."""
        matcher = self.matchers[state.lang]
        if finding.concern is Concern.CRISIS:
            return TextReply(replace(state, crisis=True), Show.CRISIS)
        if finding.concern is Concern.URGENT:
            topic = sign_topic(self.content, self.matchers[DEFAULT_LANGUAGE], finding.about) or ""
            return TextReply(replace(state, offer=topic), Show.URGENT, sign=finding.sign)
        if finding.concern is Concern.PROGNOSIS:
            answer = self._topic_of(finding.about)
            if answer is not None:
                return self._node(state, answer)
        node = matcher.match(body) or ""
        topic = node if node in self.content.topics and node != self._topic_of(finding.about) else ""
        return TextReply(replace(state, offer=topic), Show.DISTRESS)

    def _topic_of(self, words: str) -> str | None:
        """The topic the matcher finds for triage's words, if it is a topic (not a menu)."""
        node = self.matchers[DEFAULT_LANGUAGE].match(words)
        return node if node in self.content.topics else None

    def _medicine(self, state: TextState, found: Found) -> TextReply:
        """What the medicine is and its kind's page; MORE goes on to the kind's page of its topic."""
        kind = self.content.medicines.classes[found.kind] if self.content.medicines else None
        if kind is None or kind.page not in self.content.topics:
            return self._unknown(state, "medicine")
        place = replace(state, topic=kind.page, page=BEFORE_FIRST, first=kind.sms_page)
        return TextReply(place, Show.MEDICINE, medicine=found)

    def _unknown(self, state: TextState, text: str) -> TextReply:
        """Nothing matched: a question about the line gets HELP, a medicine's name the medicines menu,
        anything else the main menu."""
        if about_the_line(text):
            return TextReply(state, Show.HELP)
        if text in commands.DECLINE_WORDS:  # "no", after the Lifeline or an offer: the way on, kindly
            return replace(self._menu(state, MAIN_MENU), person=True)
        medicines = self.matchers[state.lang].match(MEDICINES_WORDS)
        if looks_like_medicine(text) and medicines is not None and medicines in self.content.menus:
            reply = self._menu(state, medicines, Prompt.SMS_UNKNOWN_MEDICINE)  # it names the care team
            return replace(reply, intro=False)
        asked = commands.asks_a_question(text.split())  # a question in full: no answer here, said honestly
        notice = Prompt.SMS_NO_ANSWER if asked else Prompt.SMS_NOT_UNDERSTOOD
        return replace(self._menu(state, MAIN_MENU, notice), person=True)

    def _node(self, state: TextState, node: str, body: str = "") -> TextReply:
        if self.content.is_menu(node):  # MORE and REPEAT are now about this menu, not a page read before
            return self._menu(_left_topic(state), node)
        first = self._page_with(node, state.lang, body) or stage_page(self.content, state.lang, node, body)
        if first == 0 and node in self.sites.places and (treatment_named(body) or asks_treatment(body)):
            first = self._page_on_treating(node, state.lang)  # "chemo for liver mets", "what can they do for"
        return TextReply(replace(state, topic=node, page=first, first=first), Show.PAGE)

    def _page_on_treating(self, topic: str, lang: str) -> int:
        """A place's page on how it is treated (0 when none says it): "what can be done" after Liver."""
        return self._page_with(topic, lang, TREATED_WORDS.get(lang, ""))

    def _page_with(self, topic: str, lang: str, body: str) -> int:
        """The page holding the message's own keyword words, so "tamoxifen" gets the page naming it.

        Only words of the topic's keywords count, and not the words of its title ("brain",
        "symptoms"), which every page may use; page 1 stays first unless a later page has more. The
        words themselves (or typos) count first; only when they choose no page do other forms of the
        words no page holds ("treated" for "treat", "tratan" for "tratarlo").
        """
        found = self._topic_words(topic, lang)
        if found is None:
            return 0  # a symptom topic's first page says when to get help: it always comes first
        general, keyword_words, pages = found
        words = [
            w for w in normalize(body).split()
            if len(w) > 3 and w not in FILLER_WORDS and w not in SUBJECT_WORDS
            and not general.near(w, MIN_PAGE_SIMILARITY) and _on(keyword_words, w, forms=True)
        ]
        held = [[_on(page, w) for page in pages] for w in words]  # each word, on each page, looked up once
        chosen = _most([sum(on_pages[p] for on_pages in held) for p in range(len(pages))])
        if chosen:
            return chosen
        unheld = [w for w, on_pages in zip(words, held, strict=True) if not any(on_pages)]
        return _most([sum(_on(page, w, forms=True) for w in unheld) for page in pages])

    def _topic_words(self, topic: str, lang: str) -> TopicWords | None:
        """A topic's title words, keyword words and each page's words (None: always page 1), kept."""
        key = (topic, lang)
        if key not in self._words:
            text = self.content.topic_text(topic, lang)
            if len(text.sms) == 1 or topic.startswith(SYMPTOM_TOPIC_PREFIX):
                self._words[key] = None
            else:
                self._words[key] = (
                    WordSet(_title_words(text.title, text.label, text.keywords)),
                    WordSet(w for k in text.keywords for w in normalize(k).split()),
                    tuple(WordSet(normalize(page).split()) for page in text.sms),
                )
        return self._words[key]

    def _menu(self, state: TextState, menu: str, notice: Prompt | None = None) -> TextReply:
        return TextReply(replace(state, menu=menu), Show.MENU, (notice,) if notice else ())

    def _back(self, state: TextState) -> TextReply:
        """BACK: a topic's menu, else the menu that lists this one, else the main menu."""
        if state.topic:
            return self._menu(_left_topic(state), state.menu)
        return self._menu(state, self.content.menu_of(state.menu) or MAIN_MENU)

    def _again(self, state: TextState) -> TextReply:
        """REPEAT: the page last sent, else the menu the texter is at."""
        if state.topic and state.page != BEFORE_FIRST:
            return TextReply(state, Show.PAGE)
        return self._menu(state, state.menu or MAIN_MENU)

    def _more(self, state: TextState) -> TextReply:
        if not state.topic:  # at a menu, what comes next is its choices
            return self._menu(state, state.menu)
        order, step = self._next_step(state)
        if step >= len(order):
            return self._menu(state, state.menu, Prompt.SMS_NO_MORE)
        return TextReply(replace(state, page=order[step]), Show.PAGE)

    def _has_more(self, state: TextState) -> bool:
        """Whether the page last sent said "(Reply MORE for the rest)"."""
        if not state.topic or state.topic not in self.content.topics:
            return False
        order, step = self._next_step(state)
        return step < len(order)

    def _next_step(self, state: TextState) -> tuple[list[int], int]:
        """A topic's pages in the order sent, and where in it the next page is."""
        order = page_order(len(self.content.topic_text(state.topic, state.lang).sms), state.first)
        step = order.index(state.page) + 1 if state.page in order else len(order)
        return order, 0 if state.page == BEFORE_FIRST else step


def _title_words(title: str, label: str, keywords: Iterable[str]) -> set[str]:
    """A topic's title words, and its one-word keywords also said beside a title word, as another name
    for it: "studies" (and "clinical studies") is Clinical trials itself, not its page on a 2019 study."""
    named = set(normalize(f"{title} {label}").split())
    phrases = [tuple(normalize(keyword).split()) for keyword in keywords]
    alone = {phrase[0] for phrase in phrases if len(phrase) == 1}
    paired = {word for phrase in phrases if len(phrase) == 2 and named.intersection(phrase)
              for word in phrase}
    return named | (alone & paired)


def _left_topic(state: TextState) -> TextState:
    """The state at a menu, no longer at the topic read before it."""
    return replace(state, topic="", page=0, first=0)


def _most(hits: list[int]) -> int:
    """The page with the most hits (the first of equals), if it has more than page 1; else page 1."""
    best = max(range(len(hits)), key=lambda p: (hits[p], -p))
    return best if hits[best] > hits[0] else 0


def _on(words: WordSet, word: str, forms: bool = False) -> bool:
    """Whether a word or a typo of it is among `words`, or (with `forms`) another form of it ("treated",
    "treat"; "tratan", "tratarlo": the same first STEM_LETTERS letters)."""
    if words.near(word, MIN_PAGE_SIMILARITY):
        return True
    stem = word[:STEM_LETTERS]
    return forms and len(word) >= STEM_LETTERS and any(w.startswith(stem) for w in words.words)


def written_in(text: str) -> str | None:
    """The language a message's small words say it is written in ("es" or "en"); None when they tie."""
    spanish, english = _small_words(text.split())
    return SPANISH if spanish > english else DEFAULT_LANGUAGE if english > spanish else None


def _writes_english(text: str) -> bool:
    """More English small words than Spanish ones: what to do now is said in the words it was asked in."""
    return written_in(text) == DEFAULT_LANGUAGE


def _small_words(words: list[str]) -> tuple[int, int]:
    """How many Spanish and how many English small words a message has: the language it is written in.

    The "de" of "de novo" (cancer metastatic when first found, as English speakers say it) is Latin."""
    latin = sum(pair == ("de", "novo") for pair in pairwise(words))
    return sum(w in SPANISH_SMALL_WORDS for w in words) - latin, sum(w in FILLER_WORDS for w in words)
