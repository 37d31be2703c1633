"""phones.yaml: the numbers the line gives for a person to talk to, each with when it answers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from service.content.model import ALWAYS_OPEN, PhoneLine, PhoneText, Source
from service.content.yamlfile import KeyPath, Problem, YamlDoc

PHONES_FILE = "phones.yaml"
LINE_FIELDS = {"id", "number", "written", "hours", "source"}
TEXT_FIELDS = {"name", "short", "zone", "spoken", "written"}
_NUMBER = re.compile(r"^(\+[1-9][0-9]{6,14}|[0-9]{3,6})$")  # E.164, or a short code like 988
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def read_phones(
    doc: YamlDoc, languages: tuple[str, ...], sources: Mapping[str, Source]
) -> tuple[tuple[PhoneLine, ...], list[Problem]]:
    """Every phone line in the file, and each problem with its file and line."""
    problems: list[Problem] = []
    entries = doc.data.get("phones") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list) or not entries:
        return (), [doc.problem(("phones",), "must be a list of phone lines (id, number, hours, source)")]
    lines: dict[str, PhoneLine] = {}
    for index, entry in enumerate(entries):
        line = _line(doc, ("phones", index), entry, languages, sources, problems)
        if line is None:
            continue
        if line.id in lines:
            problems.append(doc.problem(("phones", index, "id"), f"{line.id!r} is listed twice"))
        lines[line.id] = line
    return tuple(lines.values()), problems


def _line(
    doc: YamlDoc, path: KeyPath, entry: Any, languages: tuple[str, ...],
    sources: Mapping[str, Source], problems: list[Problem],
) -> PhoneLine | None:
    if not isinstance(entry, dict):
        problems.append(doc.problem(path, "must be a mapping with id, number, hours, source and languages"))
        return None
    for name in entry:
        if name not in LINE_FIELDS and name not in languages:
            problems.append(doc.problem((*path, name), "is not a phone line field or a language"))
    values = {name: str(entry.get(name) or "").strip() for name in LINE_FIELDS}
    wrong = {
        "id": not _ID.match(values["id"]),
        "number": not _NUMBER.match(values["number"]),
        "hours": not values["hours"],
        "source": values["source"] not in sources,
    }
    why = {
        "id": "must be lowercase letters, digits and hyphens",
        "number": "must be written +18002272345 (E.164) or as a short code like 988",
        "hours": f"is missing: {ALWAYS_OPEN!r}, or days, times and a time zone (Mon-Fri 08:00-20:00 "
                 "America/New_York)",
        "source": "must name the source in sources.yaml that gives this number and its hours",
    }
    for name, bad in wrong.items():
        if bad:
            problems.append(doc.problem((*path, name), why[name]))
    texts = {
        lang: _text(doc, (*path, lang), entry.get(lang), values["hours"], problems) for lang in languages
    }
    known = {lang: text for lang, text in texts.items() if text is not None}
    if any(wrong.values()) or len(known) < len(languages):
        return None
    return PhoneLine(
        values["id"], values["number"], values["hours"], values["source"], known, values["written"]
    )


def _text(doc: YamlDoc, path: KeyPath, block: Any, hours: str, problems: list[Problem]) -> PhoneText | None:
    if not isinstance(block, dict):
        problems.append(doc.problem(path, "is missing: the line's name in this language (name:)"))
        return None
    for name in block:
        if name not in TEXT_FIELDS:
            why = "is not a phone text field (name, short, zone, spoken, written)"
            problems.append(doc.problem((*path, name), why))
    name, short, zone, spoken, written = (
        " ".join(str(block.get(f) or "").split()) for f in ("name", "short", "zone", "spoken", "written")
    )
    if not name:
        problems.append(doc.problem((*path, "name"), "is missing: the line's name, as said after \"call\""))
        return None
    if hours != ALWAYS_OPEN and not zone:
        problems.append(doc.problem((*path, "zone"), "is missing: the time zone's name, as in \"Eastern\""))
        return None
    return PhoneText(name, short or name, zone, spoken, written)
