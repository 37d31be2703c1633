"""Load `content/` into frozen values, collecting every problem before refusing it."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from service.content.collect import Collector
from service.content.medicines import MEDICINES_FILE, read_medicines
from service.content.menus import MenuReader
from service.content.model import Content, Medicines, PhoneLine, Sites, Source, Topic, TopicText
from service.content.phones import PHONES_FILE, read_phones
from service.content.prompts import Prompt, placeholders
from service.content.signs import read_signs
from service.content.sites import SITES_FILE, read_sites
from service.content.yamlfile import Problem, YamlDoc

SOURCE_KINDS = ("article", "study", "reference")
TOPIC_FIELDS = {"id", "reviewed", "sources"}
TOPIC_TEXT_FIELDS = {"title", "label", "keywords", "voice", "sms"}
UNKNOWN_DATE = dt.date.min  # a broken `reviewed` in a topic kept only for the later checks


class ContentError(Exception):
    """The content cannot be served; carries every problem found, each naming file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"content has {len(problems)} problem(s):\n{lines}")


def load_content(root: Path) -> Content:
    """Load and validate a content folder; raise ContentError listing all problems at once."""
    content, problems = read_content(root)
    errors = [p for p in problems if p.severity == "error"]
    if errors or content is None:
        raise ContentError(errors or problems)
    return content


@dataclass(frozen=True)
class Reading:
    """A content folder as read: what later checks need to look further and name file and line."""

    content: Content | None
    readable: Content  # whatever could be read, even from a folder with broken files
    problems: list[Problem]
    folder: str
    docs: Mapping[str, YamlDoc]
    menus_file: str
    sources_file: str
    prompts_file: str
    signs_file: str


def read_content(root: Path) -> tuple[Content | None, list[Problem]]:
    """Read a content folder and return it (when usable) with every problem found."""
    reading = read_folder(root)
    return reading.content, reading.problems


def read_folder(root: Path) -> Reading:
    """Read a content folder, keeping whatever could be read even when some files are broken."""
    reader = _Reader(root)
    content = reader.read()
    return Reading(
        content=content, readable=reader.readable, problems=reader.problems,
        folder=reader.shown(root), docs=reader.docs,
        menus_file=reader.shown(root / "menus.yaml"),
        sources_file=reader.shown(root / "sources.yaml"),
        prompts_file=reader.shown(root / "prompts.yaml"),
        signs_file=reader.shown(root / "signs.yaml"),
    )


class _Reader(Collector):
    """Turns the YAML files into content values: prompts, sources and topics here, menus and signs apart."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.readable = Content(topics={}, menus={}, prompts={}, sources={})

    def read(self) -> Content | None:
        prompts = self._prompts()
        languages = tuple(prompts) or ("en",)
        sources = self._sources()
        topics = self._topics(languages, sources)
        menus, near_main = MenuReader(self).read(languages, topics)
        signs, problems = read_signs(self.doc(self.root / "signs.yaml"), languages, sources)
        self.problems.extend(problems)
        self.readable = Content(
            topics=topics, menus=menus, prompts=prompts, sources=sources, near_main=near_main,
            phones=self._phones(languages, sources), medicines=self._medicines_file(languages, sources),
            sites=self._sites(languages, topics),
            signs=signs,
        )
        if not prompts or not menus or self.has_errors():
            return None
        return self.readable

    # --- prompts -----------------------------------------------------------------------

    def _prompts(self) -> dict[str, dict[str, str]]:
        doc = self.doc(self.root / "prompts.yaml")
        if doc is None:
            return {}
        prompts: dict[str, dict[str, str]] = {}
        for lang, block in doc.data.items():
            if not isinstance(block, dict):
                self.add(doc, (lang,), "must be a mapping of prompt names to texts")
                continue
            prompts[str(lang)] = self._prompt_block(doc, str(lang), block)
        if "en" not in prompts:
            self.add(doc, (), "needs an `en:` block")
        return prompts

    def _prompt_block(self, doc: YamlDoc, lang: str, block: dict[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        known = {prompt.value for prompt in Prompt}
        for name in block:
            if name not in known:
                self.add(doc, (lang, name), "is not a prompt the service uses")
        for prompt in Prompt:
            value = block.get(prompt.value)
            if not isinstance(value, str) or not value.strip():
                self.add(doc, (lang, prompt.value), "is missing or empty (text expected)")
                continue
            allowed = placeholders(prompt)
            bad = _unknown_placeholders(value, allowed)
            if bad:
                expected = ", ".join("{" + a + "}" for a in allowed) or "none"
                self.add(doc, (lang, prompt.value), f"unknown placeholder {bad}; allowed: {expected}")
                continue
            out[prompt.value] = value if prompt.value.startswith("sms_") else value.strip()
        return out

    def _phones(self, languages: tuple[str, ...], sources: dict[str, Source]) -> tuple[PhoneLine, ...]:
        doc = self.doc(self.root / PHONES_FILE)
        if doc is None:
            return ()
        phones, problems = read_phones(doc, languages, sources)
        self.problems.extend(problems)
        return phones

    def _medicines_file(self, languages: tuple[str, ...], sources: dict[str, Source]) -> Medicines:
        medicines, problems = read_medicines(self.doc(self.root / MEDICINES_FILE), languages, sources)
        self.problems.extend(problems)
        return medicines

    def _sites(self, languages: tuple[str, ...], topics: dict[str, Topic]) -> Sites:
        sites, problems = read_sites(self.doc(self.root / SITES_FILE), languages, topics, self.has_topic_file)
        self.problems.extend(problems)
        return sites

    # --- sources -----------------------------------------------------------------------

    def _sources(self) -> dict[str, Source]:
        doc = self.doc(self.root / "sources.yaml")
        if doc is None:
            return {}
        entries = doc.data.get("sources")
        if not isinstance(entries, list):
            self.add(doc, ("sources",), "must be a list of sources")
            return {}
        sources: dict[str, Source] = {}
        listed: list[tuple[int, Source]] = []
        for index, entry in enumerate(entries):
            source = self._source(doc, index, entry)
            if source is None:
                continue
            if source.id in sources:
                self.add(doc, ("sources", index, "id"), f"{source.id!r} is listed twice")
            sources[source.id] = source
            listed.append((index, source))
        for index, source in listed:
            self._check_citation(doc, index, source, sources)
        return sources

    def _check_citation(
        self, doc: YamlDoc, index: int, source: Source, sources: dict[str, Source]
    ) -> None:
        """A study's facts reach us through an article, so each study names the article citing it."""
        where = ("sources", index, "cited_by")
        cited_by = sources.get(source.cited_by)
        if source.cited_by and cited_by is None:
            self.add(doc, where, f"unknown source {source.cited_by!r}")
        elif source.kind == "study" and cited_by is None:
            self.add(doc, where, "is missing: a study names the article that cites it (cited_by)")
        elif cited_by is not None and cited_by.kind != "article":
            self.add(doc, where, f"{source.cited_by!r} is a {cited_by.kind}, not an article")

    def _source(self, doc: YamlDoc, index: int, entry: Any) -> Source | None:
        path = ("sources", index)
        if not isinstance(entry, dict):
            self.add(doc, path, "must be a mapping with id, kind, title and publisher")
            return None
        ok = True
        for name in ("id", "kind", "title", "publisher"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                self.add(doc, (*path, name), "is missing or empty")
                ok = False
        if ok and entry["kind"] not in SOURCE_KINDS:
            self.add(doc, (*path, "kind"), f"must be one of {', '.join(SOURCE_KINDS)}")
        ref = entry.get("ref")
        if ref is not None and not isinstance(ref, int):
            self.add(doc, (*path, "ref"), "must be the number of the study in the article's list")
            ref = None
        if not ok:
            return None
        read = entry.get("read")
        if read is not None and not isinstance(read, dt.date):
            self.add(doc, (*path, "read"), f"{read!r} must be the day it was read, like 2026-12-06")
        return Source(
            id=entry["id"], kind=entry["kind"], title=entry["title"], publisher=entry["publisher"],
            cited_by=str(entry.get("cited_by") or ""), ref=ref, url=str(entry.get("url") or ""),
            read=read if isinstance(read, dt.date) else None,
        )

    # --- topics ------------------------------------------------------------------------

    def _topics(self, languages: tuple[str, ...], sources: dict[str, Source]) -> dict[str, Topic]:
        folder = self.root / "topics"
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if not files:
            self.problems.append(Problem(self.shown(folder), 1, "(folder)", "has no topic files"))
        topics: dict[str, Topic] = {}
        for path in files:
            doc = self.doc(path)
            if doc is not None:
                topic = self._topic(doc, path.stem, languages, sources)
                if topic is not None:
                    topics[topic.id] = topic
        return topics

    def _topic(
        self, doc: YamlDoc, stem: str, languages: tuple[str, ...], sources: dict[str, Source]
    ) -> Topic | None:
        data = doc.data
        for name in data:
            if name not in TOPIC_FIELDS and name not in languages:
                self.add(doc, (name,), "is not a topic field or a language of prompts.yaml")
        topic_id = data.get("id")
        if topic_id != stem:
            self.add(doc, ("id",), f"must be {stem!r}, the file's name without .yaml")
        reviewed = data.get("reviewed")
        if reviewed is None:
            self.add(doc, ("reviewed",), "is missing: the day a person last checked it, like 2026-11-23")
        elif not isinstance(reviewed, dt.date):
            self.add(doc, ("reviewed",), f"{reviewed!r} must be a date like 2026-11-23")
        topic_sources = self._topic_sources(doc, data.get("sources"), sources)
        texts = {}
        for lang in languages:
            text = self._topic_text(doc, lang, data.get(lang), stem)
            if text is not None:
                texts[lang] = text
        if not texts:
            return None
        # A topic with errors is still kept for the later checks (its words, its pages), so one
        # run shows every problem; the errors above stop it from being served.
        when = reviewed if isinstance(reviewed, dt.date) else UNKNOWN_DATE
        return Topic(stem, when, topic_sources, texts, file=doc.file)

    def _topic_sources(
        self, doc: YamlDoc, value: Any, sources: dict[str, Source]
    ) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.add(doc, ("sources",), "must list at least one source id from sources.yaml")
            return ()
        for index, source_id in enumerate(value):
            if not isinstance(source_id, str):
                self.add(doc, ("sources", index), f"{source_id!r} is not a source id from sources.yaml")
            elif sources and source_id not in sources:
                self.add(doc, ("sources", index), f"unknown source {source_id!r} (not in sources.yaml)")
        if sources and not any(isinstance(s, str) and s in sources and sources[s].kind == "article"
                               for s in value):
            self.add(doc, ("sources",), "must name at least one of the articles")
        return tuple(str(s) for s in value)

    def _topic_text(self, doc: YamlDoc, lang: str, block: Any, node: str) -> TopicText | None:
        if not isinstance(block, dict):
            self.add(doc, (lang,), f"the {lang!r} block is missing (title, label, keywords, voice, sms)")
            return None
        for name in block:
            if name not in TOPIC_TEXT_FIELDS:
                self.add(doc, (lang, name), "is not a topic text field")
        title = self.text(doc, (lang, "title"), block.get("title"))
        label = self.text(doc, (lang, "label"), block.get("label"))
        voice = self.text(doc, (lang, "voice"), block.get("voice"))
        pages = self.text_list(doc, (lang, "sms"), block.get("sms"))
        words = self.keywords(doc, lang, block.get("keywords"), node, required=True)
        return TopicText(title or "", label or "", words or (), voice or "", pages or ())


def _unknown_placeholders(text: str, allowed: tuple[str, ...]) -> str:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:
        return f"(bad braces: {error})"
    bad = [n for n in names if n not in allowed]
    return ", ".join("{" + n + "}" for n in bad)
