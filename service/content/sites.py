"""sites.yaml: parts of the body and symptom words, so "lungs cough" finds the lung symptoms topic, and
where a place's treatment is told ("how is it treated", after Bones)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from service.content.model import Site, Sites
from service.content.yamlfile import KeyPath, Problem, YamlDoc

SITES_FILE = "sites.yaml"
NO_SITES = Sites(symptom_words={}, sites=())


def read_sites(
    doc: YamlDoc | None, languages: tuple[str, ...], topics: Mapping[str, Any],
    filed: Callable[[str], bool] = lambda _: False,
) -> tuple[Sites, list[Problem]]:
    """The parts of the body with their symptom topics, and each problem with its file and line; a topic
    `filed` (it has a file, whose own problems are reported apart) is not reported again here."""
    if doc is None:
        return NO_SITES, []
    problems: list[Problem] = []
    words = _words(doc, ("symptom_words",), doc.data.get("symptom_words"), languages, problems)
    entries = doc.data.get("sites")
    if not isinstance(entries, list) or not entries:
        why = "must list parts of the body (topic, and words per language)"
        problems.append(doc.problem(("sites",), why))
        return Sites(words, ()), problems
    sites: list[Site] = []
    for index, entry in enumerate(entries):
        path = ("sites", index)
        topic = entry.get("topic") if isinstance(entry, dict) else None
        if topic not in topics:
            if not filed(str(topic)):
                problems.append(doc.problem((*path, "topic"), f"{topic!r} is not a topic"))
            continue
        sites.append(Site(str(topic), _words(doc, path, entry, languages, problems)))
    return Sites(words, tuple(sites), _treated_in(doc, topics, filed, problems)), problems


def _treated_in(
    doc: YamlDoc, topics: Mapping[str, Any], filed: Callable[[str], bool], problems: list[Problem]
) -> dict[str, str]:
    """Each place topic (optional section) with the topic that tells how it is treated."""
    block = doc.data.get("treated_in", {})
    if not isinstance(block, dict):
        problems.append(doc.problem(("treated_in",), "must map a place's topic to its treatment's topic"))
        return {}
    found: dict[str, str] = {}
    for place, treatment in block.items():
        if place in topics and treatment in topics and treatment != place:
            found[str(place)] = str(treatment)
        elif place not in topics and not filed(str(place)):
            problems.append(doc.problem(("treated_in", place), f"{place!r} is not a topic"))
        elif place in topics and (not filed(str(treatment)) or treatment == place):
            problems.append(doc.problem(("treated_in", place), f"{treatment!r} is not another topic"))
    return found


def _words(
    doc: YamlDoc, path: KeyPath, block: Any, languages: tuple[str, ...], problems: list[Problem]
) -> dict[str, tuple[str, ...]]:
    """A list of words for each language."""
    found: dict[str, tuple[str, ...]] = {}
    for lang in languages:
        value = block.get(lang) if isinstance(block, dict) else None
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value or [""]):
            problems.append(doc.problem((*path, lang), "must be a list of words in this language"))
            continue
        found[lang] = tuple(w.strip().lower() for w in value)
    return found
