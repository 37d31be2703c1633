"""Checks on content that reads well as files but would fail a caller: too hard, too long, too deep,
too old, unsourced, or silent about when to get help. Each problem names file, line and field."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from service.checker.budget import keyword_place
from service.checker.paths import menu_path
from service.checker.reach import shortest_ways
from service.checker.readability import (
    EASE_ERROR,
    EASE_WARNING,
    GRADE_ERROR,
    GRADE_WARNING,
    MEAN_EASE_MIN,
    MEAN_GRADE_MAX,
    WORDS_PER_MINUTE,
    ease,
    grade,
    spoken_seconds,
    word_count,
)
from service.checker.signs import sign_problems
from service.checker.texts import Text, texts
from service.checker.usable import usable_content
from service.content.loader import UNKNOWN_DATE, Reading
from service.content.model import DEFAULT_LANGUAGE, MAIN_MENU, SPANISH, SYMPTOM_TOPIC_PREFIX, Content, Topic
from service.content.prompts import Prompt
from service.content.yamlfile import Problem, YamlDoc
from service.core.calls import CallNavigator
from service.core.matching import Matcher
from service.core.parts import MAX_PART_WORDS, PART_SECONDS, sentences, voice_parts
from service.core.wording import language_choice, spoken, turn_lines
from service.safety.triage import urgent_topic_words

MAX_PRESSES = 3
CORE_MAX_PRESSES = 2
# What counts as saying when to get help now. "911" counts in every language.
URGENT_HELP: dict[str, tuple[str, ...]] = {
    "*": (r"\b911\b",),
    "en": (r"\bcall (?:your|the) care team (?:right away|at once|now|immediately)\b",),
}
URGENT_HELP_MESSAGE = (
    "a symptom topic must open with when to get help now ({where}): mention 911 or "
    '"call your care team right away", as in "If this may be an emergency, call 911 now."'
)
OPENING_MAX_SECONDS = 60  # the welcome, the main menu and the keys in full, before any choice
MENU_MAX_SECONDS = 45  # a menu's intro, its choices and the key reminder
EMERGENCY_WITHIN_WORDS = 25  # "call 911" among the first words of every call
HARDEST_SHOWN = 3


@dataclass(frozen=True)
class Report:
    """Every problem the checker found, and the mean reading grade of all texts."""

    problems: list[Problem]
    mean_grade: float | None

    @property
    def errors(self) -> int:
        """How many problems stop the content from shipping."""
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        """How many problems are worth fixing but do not stop it."""
        return sum(p.severity == "warning" for p in self.problems)


def check_quality(reading: Reading, today: dt.date, max_age_days: int) -> Report:
    """Run every quality check on whatever content could be read, broken files or not."""
    written = list(texts(reading))
    graded = [(text, grade(text.body, text.lang)) for text in written if text.lang != SPANISH]
    eased = [(text, ease(text.body, text.lang)) for text in written if text.lang == SPANISH]
    mean = round(statistics.fmean(g for _, g in graded), 1) if graded else None
    problems = [
        *grade_problems(graded),
        *mean_problems(reading, graded, mean),
        *ease_problems(reading, eased),
        *spoken_problems(reading),
        *depth_problems(reading),
        *review_problems(reading, today, max_age_days),
        *source_problems(reading),
        *urgent_help_problems(reading),
        *keyword_problems(reading),
        *triage_topic_problems(reading),
        *sign_problems(reading),
    ]
    return Report(problems, mean)


# --- reading grade -------------------------------------------------------------------------


def grade_problems(graded: list[tuple[Text, float]]) -> Iterator[Problem]:
    """A text above grade 8 is an error; above grade 6, a warning."""
    for text, value in graded:
        if value > GRADE_ERROR:
            yield text.problem(
                f"reading grade {value:.1f} (Flesch-Kincaid), over {GRADE_ERROR:g}: "
                "use shorter sentences and shorter words"
            )
        elif value > GRADE_WARNING:
            yield text.problem(
                f"reading grade {value:.1f}, above {GRADE_WARNING:g}: aim for grade 6", "warning"
            )


def mean_problems(
    reading: Reading, graded: list[tuple[Text, float]], mean: float | None
) -> Iterator[Problem]:
    """The mean grade over all texts stays at most 6; the message names the hardest texts to fix."""
    if mean is None or mean <= MEAN_GRADE_MAX:
        return
    hardest = sorted(graded, key=lambda pair: pair[1], reverse=True)[:HARDEST_SHOWN]
    shown = ", ".join(f"{text.where()} ({value:.1f})" for text, value in hardest)
    yield Problem(
        reading.folder, 1, "(all texts)",
        f"mean grade {mean:.1f} across {len(graded)} texts, over {MEAN_GRADE_MAX:g}; hardest: {shown}",
    )


def ease_problems(reading: Reading, eased: list[tuple[Text, float]]) -> Iterator[Problem]:
    """Spanish by Fernandez Huerta: under 60 an error, under 70 a warning, and a mean of 70 or more."""
    for text, value in eased:
        if value < EASE_ERROR:
            yield text.problem(
                f"reading ease {value:.1f} (Fernandez Huerta), under {EASE_ERROR:g}: "
                "use shorter sentences and shorter words"
            )
        elif value < EASE_WARNING:
            yield text.problem(
                f"reading ease {value:.1f}, under {EASE_WARNING:g}: aim for fairly easy or easy", "warning"
            )
    mean = round(statistics.fmean(v for _, v in eased), 1) if eased else None
    if mean is not None and mean < MEAN_EASE_MIN:
        hardest = sorted(eased, key=lambda pair: pair[1])[:HARDEST_SHOWN]
        shown = ", ".join(f"{text.where()} ({value:.1f})" for text, value in hardest)
        yield Problem(
            reading.folder, 1, "(Spanish texts)",
            f"mean reading ease {mean:.1f} across {len(eased)} texts, under {MEAN_EASE_MIN:g}; "
            f"hardest: {shown}",
        )


# --- spoken length -------------------------------------------------------------------------


def spoken_problems(reading: Reading) -> Iterator[Problem]:
    """Each spoken turn fits a listener: a topic part 30 s, a menu 45 s, the opening 60 s."""
    yield from part_problems(reading)
    content = usable_content(reading)
    if content is not None:
        yield from menu_turn_problems(reading, content)
        yield from opening_problems(reading, content)


def part_problems(reading: Reading) -> Iterator[Problem]:
    """The phone says a topic in parts split at sentence ends; a sentence too long for one part fails."""
    for text in texts(reading):
        if text.path[-1] != "voice":
            continue
        for number, part in enumerate(voice_parts(text.body), start=1):
            count = word_count(part, text.lang)
            if count > MAX_PART_WORDS:
                yield text.problem(
                    f"part {number} as spoken has {count} words, about {spoken_seconds(count):.0f} "
                    f"seconds at {WORDS_PER_MINUTE} words a minute, over {PART_SECONDS}: "
                    f"break its long sentence (at most {MAX_PART_WORDS} words a part)"
                )


def menu_turn_problems(reading: Reading, content: Content) -> Iterator[Problem]:
    """A menu as heard (intro, choices, key reminder) fits in 45 seconds."""
    doc = reading.docs.get(reading.menus_file)
    if doc is None:
        return
    for menu_id in content.menus:
        for lang in content.languages:
            lines = spoken(content, menu_id, (), lang, slow=False).lines
            count = word_count(" ".join(lines), lang)
            if count > MENU_MAX_SECONDS * WORDS_PER_MINUTE // 60:
                yield doc.problem(
                    (*menu_path(doc, menu_id), lang),
                    f"the menu as heard has {count} words, about {spoken_seconds(count):.0f} seconds, "
                    f"over {MENU_MAX_SECONDS}: shorten the intro or the labels",
                )


def opening_problems(reading: Reading, content: Content) -> Iterator[Problem]:
    """The first turn of a call: 911 among its first 25 words, and the whole of it within 60 s."""
    doc = reading.docs.get(reading.prompts_file)
    if doc is None:
        return
    navigator = CallNavigator(content)
    choice = dict(language_choice(content)) if len(content.languages) > 1 else {}
    for lang in content.languages:
        said = " ".join(turn_lines(content, navigator.start(lang)))
        firsts = ((said, Prompt.EMERGENCY), (choice.get(lang, "911"), Prompt.LANGUAGE_CHOICE))
        for first_words, prompt in firsts:
            if "911" not in " ".join(first_words.split()[:EMERGENCY_WITHIN_WORDS]):
                yield doc.problem(
                    (lang, prompt.value),
                    f"a caller must hear to call 911 within the first {EMERGENCY_WITHIN_WORDS} words",
                )
        count = word_count(said, lang)
        if count > OPENING_MAX_SECONDS * WORDS_PER_MINUTE // 60:
            yield doc.problem(
                (lang, Prompt.WELCOME.value),
                f"the opening (911, main menu, welcome, keys) has {count} words, about "
                f"{spoken_seconds(count):.0f} seconds, over {OPENING_MAX_SECONDS}",
            )


# --- menu depth ----------------------------------------------------------------------------


def depth_problems(reading: Reading) -> Iterator[Problem]:
    """Every topic within 3 key presses of the main menu, and each core node within 2."""
    doc = reading.docs.get(reading.menus_file)
    content = reading.readable
    if doc is None or MAIN_MENU not in content.menus:
        return
    ways = shortest_ways(content)
    for topic_id in content.topics:
        way = ways.get(topic_id)
        if way is not None and way.presses > MAX_PRESSES:
            yield doc.problem(
                (*menu_path(doc, way.menu), "options", way.option, "to"),
                f"{topic_id!r} is {way.presses} key presses from the main menu ({way.shown()}), "
                f"over {MAX_PRESSES}",
            )
        elif way is None and _named_in_a_menu(content, topic_id):
            yield reading.docs[content.topics[topic_id].file].problem(
                ("id",), f"{topic_id!r} cannot be reached from the main menu by key presses"
            )
    for index, node in enumerate(content.near_main):
        way = ways.get(node)
        if way is None or way.presses > CORE_MAX_PRESSES:
            far = "cannot be reached" if way is None else f"is {way.presses} key presses ({way.shown()})"
            yield doc.problem(
                ("core", index),
                f"core {node!r} {far} from the main menu; a core topic is at most {CORE_MAX_PRESSES}",
            )


def _named_in_a_menu(content: Content, node: str) -> bool:
    """Whether some menu offers the node (a node in no menu is the loader's to report)."""
    return content.menu_of(node) is not None


# --- reviewed date -------------------------------------------------------------------------


def review_problems(reading: Reading, today: dt.date, max_age_days: int) -> Iterator[Problem]:
    """A topic checked against its sources more than the allowed days ago is due for review."""
    for topic in reading.readable.topics.values():
        if topic.reviewed == UNKNOWN_DATE:
            continue  # the loader names the broken date
        doc = reading.docs[topic.file]
        age = (today - topic.reviewed).days
        if age < 0:
            yield doc.problem(("reviewed",), f"{topic.reviewed} is in the future (today is {today})")
        elif age > max_age_days:
            yield doc.problem(
                ("reviewed",),
                f"{topic.reviewed} is {age} days ago, over {max_age_days} (CONTENT_MAX_AGE_DAYS): "
                "check the topic against its sources, then set the date",
            )


# --- sources -------------------------------------------------------------------------------


def source_problems(reading: Reading) -> Iterator[Problem]:
    """A source no topic names is a warning (a fact lost, or an entry left behind) unless it says why."""
    doc = reading.docs.get(reading.sources_file)
    if doc is None or not isinstance(doc.data.get("sources"), list):
        return
    used = _named_sources(reading)
    for index, entry in enumerate(doc.data["sources"]):
        source_id = entry.get("id") if isinstance(entry, dict) else None
        reviewed_exception = isinstance(entry, dict) and bool(entry.get("unused_because"))
        if source_id in reading.readable.sources and source_id not in used and not reviewed_exception:
            yield doc.problem(("sources", index, "id"), f"{source_id!r} is named by no topic", "warning")


def _named_sources(reading: Reading) -> set[str]:
    """The source ids every topic file names, read from the files so a broken topic still counts."""
    named: set[str] = set()
    others = {reading.menus_file, reading.sources_file, reading.prompts_file}
    for file, doc in reading.docs.items():
        sources = doc.data.get("sources") if file not in others else None
        if isinstance(sources, list):
            named.update(str(s) for s in sources)
    named.update(source for sign in reading.readable.signs for source in sign.sources)
    return named


# --- urgent help ---------------------------------------------------------------------------


def urgent_help_problems(reading: Reading) -> Iterator[Problem]:
    """A symptom topic opens with when to get help now, in its first spoken sentence and SMS page."""
    for topic in reading.readable.topics.values():
        if topic.id.startswith(SYMPTOM_TOPIC_PREFIX):
            yield from _urgent_help_missing(reading.docs[topic.file], topic)


def _urgent_help_missing(doc: YamlDoc, topic: Topic) -> Iterator[Problem]:
    """The first voice sentence and the first SMS page: what a caller and a texter meet first."""
    for lang, written in topic.texts.items():
        first_sentence = next(iter(sentences(written.voice)), "")
        if written.voice and not says_get_help_now(first_sentence, lang):
            yield doc.problem((lang, "voice"), URGENT_HELP_MESSAGE.format(where="first sentence"))
        if written.sms and written.sms[0] and not says_get_help_now(written.sms[0], lang):
            yield doc.problem((lang, "sms", 0), URGENT_HELP_MESSAGE.format(where="first page"))


def says_get_help_now(text: str, lang: str) -> bool:
    """Whether a text names 911 or calling the care team right away, in its language."""
    patterns = URGENT_HELP["*"] + URGENT_HELP.get(lang, ())
    flat = " ".join(text.split())
    return any(re.search(pattern, flat, re.IGNORECASE) for pattern in patterns)


# --- keywords ------------------------------------------------------------------------------


def keyword_problems(reading: Reading) -> Iterator[Problem]:
    """A keyword a texter sends must find its own topic, not another one that outranks it."""
    content = usable_content(reading)
    if content is None:
        return
    for lang in content.languages:
        matcher = Matcher(content, lang)
        owners = content.nodes()
        claims = Counter(
            k for owner in owners if lang in owner.texts for k in set(owner.texts[lang].keywords)
        )
        for owner in owners:
            written = owner.texts.get(lang)
            for index, keyword in enumerate(written.keywords if written else ()):
                if claims[keyword] > 1:
                    continue  # claimed twice: the loader names both places
                found = matcher.match(keyword)
                if found != owner.id:
                    doc, path = keyword_place(reading, owner.id, lang, index)
                    yield doc.problem(
                        path, f"keyword {keyword!r} finds {found!r}, not {owner.id!r}: "
                        "make it more specific or remove it",
                    )


# --- urgent signs --------------------------------------------------------------------------


def triage_topic_problems(reading: Reading) -> Iterator[Problem]:
    """Each urgent sign's words find a topic, so "Reply 1" after the urgent reply opens one."""
    content = usable_content(reading)
    if content is None or not content.topics:
        return
    matcher = Matcher(content, DEFAULT_LANGUAGE)
    for words in urgent_topic_words():
        found = matcher.match(words)
        if found not in content.topics:
            yield Problem(
                reading.folder, 1, "(urgent signs)",
                f"the urgent sign {words!r} finds {found!r}, not a topic: give the topic for it "
                f"(such as symptoms-urgent) the keyword {words!r}",
            )
