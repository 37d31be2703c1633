"""medicines.yaml: medicines by name (generic, brand, Spanish, misspelt), each with its kind and source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from service.content.model import ClassText, Medicine, MedicineClass, Medicines, Source
from service.content.yamlfile import KeyPath, Problem, YamlDoc

MEDICINES_FILE = "medicines.yaml"
FILE_FIELDS = {"sources", "classes", "side_effects", "urgent_side_effects", "medicines"}
CLASS_FIELDS = {"id", "page", "sms_page", "source"}
CLASS_TEXT_FIELDS = ("what", "sms", "voice")
MEDICINE_FIELDS = {"generic", "es", "brands", "misspellings", "class", "source"}
NO_MEDICINES = Medicines(classes={}, medicines=(), side_effects={}, urgent_side_effects={})


class _Reader:
    """Collects the problems of one medicines.yaml while reading it."""

    def __init__(self, doc: YamlDoc, languages: tuple[str, ...], sources: Mapping[str, Source]) -> None:
        self.doc = doc
        self.languages = languages
        self.sources = sources
        self.problems: list[Problem] = []

    def add(self, path: KeyPath, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def read(self) -> Medicines:
        data = self.doc.data
        for name in data:
            if name not in FILE_FIELDS:
                self.add((name,), f"is not a field of {MEDICINES_FILE} ({', '.join(sorted(FILE_FIELDS))})")
        classes = self._classes(data.get("classes"))
        medicines = self._medicines(data.get("medicines"), classes)
        return Medicines(
            classes=classes, medicines=medicines,
            side_effects=self._words(("side_effects",), data.get("side_effects")),
            urgent_side_effects=self._words(("urgent_side_effects",), data.get("urgent_side_effects")),
        )

    def _source(self, path: KeyPath, value: Any) -> str:
        if not isinstance(value, str) or value not in self.sources:
            self.add(path, f"{value!r} is not a source in sources.yaml")
            return ""
        return value

    def _classes(self, entries: Any) -> dict[str, MedicineClass]:
        if not isinstance(entries, list) or not entries:
            self.add(("classes",), "must list the kinds of medicine (id, page, sms_page, source, languages)")
            return {}
        classes: dict[str, MedicineClass] = {}
        for index, entry in enumerate(entries):
            path = ("classes", index)
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                self.add(path, "must be a mapping with id, page, sms_page, source and each language")
                continue
            for name in entry:
                if name not in CLASS_FIELDS and name not in self.languages:
                    self.add((*path, name), "is not a class field or a language")
            texts = {lang: self._class_text((*path, lang), entry.get(lang)) for lang in self.languages}
            sms_page = entry.get("sms_page", 0)
            if not isinstance(sms_page, int) or sms_page < 0:
                self.add((*path, "sms_page"), "must be the number of the topic's SMS page, counted from 0")
                sms_page = 0
            if entry["id"] in classes:
                self.add((*path, "id"), f"{entry['id']!r} is listed twice")
            classes[entry["id"]] = MedicineClass(
                entry["id"], str(entry.get("page") or ""), sms_page,
                self._source((*path, "source"), entry.get("source")),
                {lang: text for lang, text in texts.items() if text is not None},
            )
        return classes

    def _class_text(self, path: KeyPath, block: Any) -> ClassText | None:
        if not isinstance(block, dict):
            self.add(path, "is missing: what, sms and voice in this language")
            return None
        values = [" ".join(str(block.get(name) or "").split()) for name in CLASS_TEXT_FIELDS]
        for name, value in zip(CLASS_TEXT_FIELDS, values, strict=True):
            if not value:
                self.add((*path, name), "is missing or empty (text expected)")
        return ClassText(*values) if all(values) else None

    def _medicines(self, entries: Any, classes: Mapping[str, MedicineClass]) -> tuple[Medicine, ...]:
        if not isinstance(entries, list) or not entries:
            self.add(("medicines",), f"must list the medicines ({', '.join(sorted(MEDICINE_FIELDS))})")
            return ()
        found: list[Medicine] = []
        owner: dict[str, str] = {}
        for index, entry in enumerate(entries):
            medicine = self._medicine(("medicines", index), entry, classes)
            if medicine is None:
                continue
            for name in {name.lower() for name in medicine.names}:
                if owner.setdefault(name, medicine.generic) != medicine.generic:
                    self.add(("medicines", index), f"the name {name!r} is also {owner[name]!r}'s")
            found.append(medicine)
        return tuple(found)

    def _medicine(self, path: KeyPath, entry: Any, classes: Mapping[str, MedicineClass]) -> Medicine | None:
        if not isinstance(entry, dict) or not isinstance(entry.get("generic"), str):
            self.add(path, "must be a mapping with generic, es, brands, misspellings, class and source")
            return None
        for name in entry:
            if name not in MEDICINE_FIELDS:
                self.add((*path, name), f"is not a medicine field ({', '.join(sorted(MEDICINE_FIELDS))})")
        kind = entry.get("class")
        if kind not in classes:
            self.add((*path, "class"), f"{kind!r} is not one of the classes: {', '.join(classes)}")
            return None
        source = self._source((*path, "source"), entry.get("source"))
        lists = [self._names((*path, name), entry.get(name)) for name in ("brands", "misspellings")]
        spanish = str(entry.get("es") or entry["generic"])
        return Medicine(entry["generic"], spanish, lists[0], lists[1], str(kind), source)

    def _names(self, path: KeyPath, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(path, "must be a list of names")
            return ()
        return tuple(v.strip() for v in value)

    def _words(self, path: KeyPath, value: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            self.add(path, "must give a list of words for each language")
            return {}
        words: dict[str, tuple[str, ...]] = {}
        for lang in self.languages:
            listed = self._names((*path, lang), value.get(lang))
            if not listed:
                self.add((*path, lang), "must list the words in this language")
            words[lang] = listed
        return words


def read_medicines(
    doc: YamlDoc | None, languages: tuple[str, ...], sources: Mapping[str, Source]
) -> tuple[Medicines, list[Problem]]:
    """The medicines of a parsed medicines.yaml, and each problem with its file and line."""
    if doc is None:
        return NO_MEDICINES, []
    reader = _Reader(doc, languages, sources)
    return reader.read(), reader.problems
