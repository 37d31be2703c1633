"""The texts a person reads or hears, each with the file and line it is written at."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from service.checker.paths import menu_path
from service.content.loader import Reading
from service.content.yamlfile import Problem, YamlDoc, field_name


@dataclass(frozen=True)
class Text:
    """One text a caller hears or a texter reads, and where it is written."""

    doc: YamlDoc
    path: tuple[Any, ...]
    node: str
    lang: str
    body: str

    def problem(self, message: str, severity: str = "error") -> Problem:
        """A problem about this text, at its own line."""
        return self.doc.problem(self.path, message, severity)

    def where(self) -> str:
        """The text's place, for messages that point at it from elsewhere."""
        return f"{self.doc.file}:{self.doc.line(*self.path)} {field_name(self.path)}"


def texts(reading: Reading) -> Iterator[Text]:
    """Every text a person reads or hears: topic voice texts and SMS pages, and menu intros."""
    for topic in reading.readable.topics.values():
        doc = reading.docs[topic.file]
        for lang, written in topic.texts.items():
            if written.voice:
                yield Text(doc, (lang, "voice"), topic.id, lang, written.voice)
            for page, body in enumerate(written.sms):
                if body:
                    yield Text(doc, (lang, "sms", page), topic.id, lang, body)
    yield from menu_intros(reading)
    yield from medicine_texts(reading)


def medicine_texts(reading: Reading) -> Iterator[Text]:
    """Each kind of medicine's own words (medicines.yaml), said and sent after a medicine's name."""
    doc = next((d for f, d in reading.docs.items() if f.endswith("medicines.yaml")), None)
    medicines = reading.readable.medicines
    if doc is None or medicines is None:
        return
    for index, kind in enumerate(medicines.classes.values()):
        for lang, written in kind.texts.items():
            for field in ("sms", "voice"):
                yield Text(doc, ("classes", index, lang, field), kind.page, lang, getattr(written, field))


def menu_intros(reading: Reading) -> Iterator[Text]:
    """Each menu's intro, said before its choices and sent above them."""
    doc = reading.docs.get(reading.menus_file)
    if doc is None:
        return
    for menu in reading.readable.menus.values():
        for lang, written in menu.texts.items():
            if written.intro:
                yield Text(doc, (*menu_path(doc, menu.id), lang, "intro"), menu.id, lang, written.intro)
