"""Checks on the line's lists: each phone number it gives has hours the line can read and is listed
in phones.yaml; each medicine's class leads to a page of that class."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from service.checker.budget import message_problems
from service.checker.texts import texts
from service.checker.usable import usable_content
from service.content.loader import Reading
from service.content.medicines import MEDICINES_FILE
from service.content.model import Content, Medicine
from service.content.phones import PHONES_FILE
from service.content.yamlfile import Problem, YamlDoc
from service.core import wording
from service.core.hours import OpeningHours
from service.core.understand.medicines import Found

# A number written in a text or prompt: 1-800-227-2345, or the 988 Lifeline.
_WRITTEN_NUMBER = re.compile(r"\b1-(\d{3})-(\d{3})-(\d{4})\b|\b(988)\b")


def lexicon_problems(reading: Reading) -> list[Problem]:
    """Every problem of the line's lists."""
    return [*phone_problems(reading), *medicine_problems(reading)]


def phone_problems(reading: Reading) -> Iterator[Problem]:
    """Hours the line cannot read, and numbers named in the content that phones.yaml does not list."""
    doc = next((d for f, d in reading.docs.items() if f.endswith(PHONES_FILE)), None)
    if doc is None:
        return
    for index, line in enumerate(reading.readable.phones):
        if not line.always:
            try:
                OpeningHours.parse(line.hours)
            except ValueError as error:
                yield doc.problem(("phones", index, "hours"), str(error))
    listed = {line.number for line in reading.readable.phones}
    for text in texts(reading):
        yield from _unlisted(text.body, listed, text.problem)
    prompts = reading.docs.get(reading.prompts_file)
    if prompts is not None:
        for lang, block in reading.readable.prompts.items():
            for name, body in block.items():
                yield from _unlisted(body, listed, partial(_at, prompts, (lang, name)))


def _at(doc: YamlDoc, path: tuple[Any, ...], message: str) -> Problem:
    """A problem at a place in a file (for the prompts, which have no Text of their own)."""
    return doc.problem(path, message)


def _unlisted(body: str, listed: set[str], problem: Callable[[str], Problem]) -> Iterator[Problem]:
    for found in _WRITTEN_NUMBER.finditer(body):
        number = found[4] or f"+1{found[1]}{found[2]}{found[3]}"
        if number not in listed:
            yield problem(
                f"names {found[0]}, which {PHONES_FILE} does not list: add it there with its hours and source"
            )



def medicine_problems(reading: Reading) -> Iterator[Problem]:
    """Each kind's page is a topic page; each medicine's reply, with a side effect or an urgent one,
    fits two SMS segments in every language."""
    doc = next((d for f, d in reading.docs.items() if f.endswith(MEDICINES_FILE)), None)
    medicines = reading.readable.medicines
    if doc is None or medicines is None:
        return
    for index, kind in enumerate(medicines.classes.values()):
        topic = reading.readable.topics.get(kind.page)
        if topic is None:
            yield doc.problem(("classes", index, "page"), f"{kind.page!r} is not a topic")
        elif not all(kind.sms_page < len(text.sms) for text in topic.texts.values()):
            missing = f"{kind.page!r} has no SMS page {kind.sms_page}"
            yield doc.problem(("classes", index, "sms_page"), missing)
    content = usable_content(reading)
    if content is None:
        return
    for index, medicine in enumerate(medicines.medicines):
        for lang in content.languages:
            for message in _medicine_messages(content, medicine, lang):
                yield from message_problems(doc, ("medicines", index), message)


def _medicine_messages(content: Content, medicine: Medicine, lang: str) -> Iterator[str]:
    """The longest replies a medicine can get: by each name, asking about a side effect, or urgent."""
    for name in (*medicine.brands, medicine.generic):
        other = medicine.generic if name in medicine.brands else next(iter(medicine.brands), "")
        for urgent in (False, True):
            found = Found(medicine.generic, medicine.kind, name, other, side_effects=True, urgent=urgent)
            yield wording.sms_medicine(content, found, lang)
