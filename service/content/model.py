"""The content as frozen values: what the navigation core and the renderers read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from service.content.signs import Sign

MAIN_MENU = "main"
DEFAULT_LANGUAGE = "en"
SPANISH = "es"
# Symptom topics are named symptoms-*: their first page and first spoken sentence say when to get help.
SYMPTOM_TOPIC_PREFIX = "symptoms-"
TREATMENT_TOPIC_PREFIX = "treat-"  # a topic of one treatment: how it is given is the care team's to say
CHOICE_KEYS = ("1", "2", "3", "4", "5")  # a menu offers at most five choices, on these keys
# The main menu's key 6 stays free: it puts a caller through to a person when the line has a helpline.
MAIN_MENU_KEYS = CHOICE_KEYS
ALWAYS_OPEN = "always"  # a phone line's hours when it answers day and night, every day


@dataclass(frozen=True)
class TopicText:
    """One language's words for a topic."""

    title: str
    label: str
    keywords: tuple[str, ...]
    voice: str
    sms: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    """A leaf of the menu tree: something a caller hears and a texter reads."""

    id: str
    reviewed: dt.date
    sources: tuple[str, ...]
    texts: Mapping[str, TopicText]
    file: str = ""


@dataclass(frozen=True)
class MenuText:
    """One language's words for a menu."""

    title: str
    label: str
    keywords: tuple[str, ...]
    intro: str = ""


@dataclass(frozen=True)
class Option:
    """One numbered choice in a menu."""

    key: str
    target: str


@dataclass(frozen=True)
class Menu:
    """A list of at most five choices, each leading to a topic or another menu."""

    id: str
    texts: Mapping[str, MenuText]
    options: tuple[Option, ...]

    def target(self, key: str) -> str | None:
        """The node a key leads to, or None when the key is not a choice here."""
        for option in self.options:
            if option.key == key:
                return option.target
        return None


@dataclass(frozen=True)
class Source:
    """An article or a study that content facts come from."""

    id: str
    kind: str
    title: str
    publisher: str
    cited_by: str = ""
    ref: int | None = None
    url: str = ""  # where public guidance was read, and the day (references outside the articles)
    read: dt.date | None = None


@dataclass(frozen=True)
class PhoneText:
    """One language's words for a phone line: its name as said after "call", its number as said."""

    name: str
    short: str = ""  # the name as a text message lists it ("American Cancer Society: 1-800-227-2345")
    zone: str = ""  # the name of the line's time zone, as in "Eastern time"
    spoken: str = ""  # the number as a caller hears it, where it differs from the written one
    written: str = ""  # the number as a texter reads it in this language ("988, oprima 2")


@dataclass(frozen=True)
class PhoneLine:
    """A phone number the line gives people, and when a person answers it."""

    id: str
    number: str  # E.164 (+18002272345), or a short code such as 988
    hours: str  # "always", or days, times and a time zone: "Mon-Fri 08:00-20:00 America/New_York"
    source: str
    texts: Mapping[str, PhoneText]
    written: str = ""  # the number as a texter reads it, where it differs from the usual form

    @property
    def always(self) -> bool:
        """Whether a person answers day and night, every day."""
        return self.hours == ALWAYS_OPEN


@dataclass(frozen=True)
class Content:
    """Everything loaded from `content/`: topics, menus, prompts and sources."""

    topics: Mapping[str, Topic]
    menus: Mapping[str, Menu]
    prompts: Mapping[str, Mapping[str, str]]
    sources: Mapping[str, Source]
    near_main: tuple[str, ...] = ()  # ids that menus.yaml's `core` list keeps within 2 presses of main
    phones: tuple[PhoneLine, ...] = ()  # phones.yaml: the numbers given for a person, in order
    medicines: Medicines | None = None  # medicines.yaml: medicines by name, and their kinds
    sites: Sites | None = None  # sites.yaml: parts of the body with a symptom word lead to their symptoms
    signs: tuple[Sign, ...] = ()  # the emergency signs of signs.yaml, in file order: 911 signs first

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages every prompt set is written in."""
        return tuple(self.prompts)

    def nodes(self) -> tuple[Topic | Menu, ...]:
        """Every topic, then every menu: what a keyword or a key press can lead to."""
        return (*self.topics.values(), *self.menus.values())

    def sign(self, sign_id: str) -> Sign:
        """An emergency sign by its id; KeyError when signs.yaml has none of that id."""
        for sign in self.signs:
            if sign.id == sign_id:
                return sign
        raise KeyError(sign_id)

    def menu_of(self, node: str) -> str | None:
        """The menu that offers a node (the first in the file), or None for the main menu or an unknown id."""
        for menu in self.menus.values():
            if any(option.target == node for option in menu.options):
                return menu.id
        return None

    def is_menu(self, node: str) -> bool:
        """Whether a node id names a menu (else a topic)."""
        return node in self.menus

    def title(self, node: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """A node's short title in a language."""
        return self.text(node, lang).title

    def label(self, node: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """A node's spoken label ("For <label>, press 1")."""
        return self.text(node, lang).label

    def prompt(self, name: str, lang: str = DEFAULT_LANGUAGE, **values: str) -> str:
        """A prompt from prompts.yaml with its placeholders filled."""
        text = self.prompts[lang][name]
        return text.format(**values) if values else text

    def text(self, node: str, lang: str = DEFAULT_LANGUAGE) -> TopicText | MenuText:
        """A topic's or menu's words in a language, falling back to English."""
        return self.menu_text(node, lang) if node in self.menus else self.topic_text(node, lang)

    def topic_text(self, topic: str, lang: str = DEFAULT_LANGUAGE) -> TopicText:
        """A topic's words in a language, falling back to English."""
        texts = self.topics[topic].texts
        return texts.get(lang) or texts[DEFAULT_LANGUAGE]

    def menu_text(self, menu: str, lang: str = DEFAULT_LANGUAGE) -> MenuText:
        """A menu's words in a language, falling back to English."""
        texts = self.menus[menu].texts
        return texts.get(lang) or texts[DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class ClassText:
    """One language's words for a kind of medicine: what it is, and its short page."""

    what: str  # said after "<name> is": "a CDK4/6 inhibitor, a targeted drug for ..."
    sms: str
    voice: str


@dataclass(frozen=True)
class MedicineClass:
    """A kind of medicine (hormone therapy, CDK4/6 inhibitor...) and the topic page that tells of it."""

    id: str
    page: str  # the topic
    sms_page: int  # that topic's SMS page about this kind
    source: str
    texts: Mapping[str, ClassText]


@dataclass(frozen=True)
class Medicine:
    """A medicine by its names: generic (and its Spanish form), brands, and misspellings people write."""

    generic: str
    spanish: str
    brands: tuple[str, ...]
    misspellings: tuple[str, ...]
    kind: str  # a MedicineClass id
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a message may use for it."""
        return (self.generic, self.spanish, *self.brands, *self.misspellings)


@dataclass(frozen=True)
class Medicines:
    """medicines.yaml: the medicines by name, their kinds, and side effect words per language."""

    classes: Mapping[str, MedicineClass]
    medicines: tuple[Medicine, ...]
    side_effects: Mapping[str, tuple[str, ...]]
    urgent_side_effects: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Site:
    """A part of the body (its words per language) and the topic about its symptoms."""

    topic: str
    words: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Sites:
    """sites.yaml: symptom words, the parts of the body they lead to the symptoms of, and the topic that
    tells how a place is treated where the place's own pages do not."""

    symptom_words: Mapping[str, tuple[str, ...]]
    sites: tuple[Site, ...]
    treated_in: Mapping[str, str] = field(default_factory=dict)
