"""Load `content/` into frozen values, collecting every problem before refusing it."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from service.content.medicines import MEDICINES_FILE, read_medicines
from service.content.model import (
    CHOICE_KEYS,
    MAIN_MENU,
    MAIN_MENU_KEYS,
    Content,
    Medicines,
    Menu,
    MenuText,
    Option,
    PhoneLine,
    Sites,
    Source,
    Topic,
    TopicText,
)
from service.content.phones import PHONES_FILE, read_phones
from service.content.prompts import Prompt, placeholders
from service.content.signs import read_signs
from service.content.sites import SITES_FILE, read_sites
from service.content.yamlfile import KeyPath, Problem, YamlDoc, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SOURCE_KINDS = ("article", "study", "reference")
TOPIC_FIELDS = {"id", "reviewed", "sources"}
TOPIC_TEXT_FIELDS = {"title", "label", "keywords", "voice", "sms"}
MENU_TEXT_FIELDS = {"title", "label", "keywords", "intro"}
MENUS_FILE_FIELDS = {"menus", "core"}
_KEYS_WHY = "(key 6 of the main menu is for a person; 7, 8, 9, 0 are the same everywhere)"
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
    )


class _Reader:
    """Collects problems while turning the YAML files into content values."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.keyword_owner: dict[str, tuple[str, YamlDoc, KeyPath]] = {}
        self.docs: dict[str, YamlDoc] = {}
        self.near_main: tuple[str, ...] = ()
        self.readable = Content(topics={}, menus={}, prompts={}, sources={})

    def read(self) -> Content | None:
        prompts = self._prompts()
        languages = tuple(prompts) or ("en",)
        sources = self._sources()
        topics = self._topics(languages, sources)
        menus = self._menus(languages, topics)
        signs, problems = read_signs(self._doc(self.root / "signs.yaml"), languages, sources)
        self.problems.extend(problems)
        self.readable = Content(
            topics=topics, menus=menus, prompts=prompts, sources=sources, near_main=self.near_main,
            phones=self._phones(languages, sources), medicines=self._medicines_file(languages, sources),
            sites=self._sites(languages, topics),
            signs=signs,
        )
        if not prompts or not menus or self._has_errors():
            return None
        return self.readable

    def _has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    # --- files -------------------------------------------------------------------------

    def _doc(self, path: Path) -> YamlDoc | None:
        shown = self.shown(path)
        if not path.exists():
            self.problems.append(Problem(shown, 1, "(file)", "is missing"))
            return None
        doc, problems = read_yaml(path, shown)
        self.problems.extend(problems)
        if doc is not None and not isinstance(doc.data, dict):
            self.problems.append(doc.problem((), "must be a mapping of fields"))
            return None
        if doc is not None:
            self.docs[shown] = doc
        return doc

    def shown(self, path: Path) -> str:
        """A path as problems name it: from the content folder's parent, like content/menus.yaml."""
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def _add(self, doc: YamlDoc, path: KeyPath, message: str) -> None:
        self.problems.append(doc.problem(path, message))

    # --- prompts -----------------------------------------------------------------------

    def _prompts(self) -> dict[str, dict[str, str]]:
        doc = self._doc(self.root / "prompts.yaml")
        if doc is None:
            return {}
        prompts: dict[str, dict[str, str]] = {}
        for lang, block in doc.data.items():
            if not isinstance(block, dict):
                self._add(doc, (lang,), "must be a mapping of prompt names to texts")
                continue
            prompts[str(lang)] = self._prompt_block(doc, str(lang), block)
        if "en" not in prompts:
            self._add(doc, (), "needs an `en:` block")
        return prompts

    def _prompt_block(self, doc: YamlDoc, lang: str, block: dict[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        known = {prompt.value for prompt in Prompt}
        for name in block:
            if name not in known:
                self._add(doc, (lang, name), "is not a prompt the service uses")
        for prompt in Prompt:
            value = block.get(prompt.value)
            if not isinstance(value, str) or not value.strip():
                self._add(doc, (lang, prompt.value), "is missing or empty (text expected)")
                continue
            allowed = placeholders(prompt)
            bad = _unknown_placeholders(value, allowed)
            if bad:
                expected = ", ".join("{" + a + "}" for a in allowed) or "none"
                self._add(doc, (lang, prompt.value), f"unknown placeholder {bad}; allowed: {expected}")
                continue
            out[prompt.value] = value if prompt.value.startswith("sms_") else value.strip()
        return out

    def _phones(self, languages: tuple[str, ...], sources: dict[str, Source]) -> tuple[PhoneLine, ...]:
        doc = self._doc(self.root / PHONES_FILE)
        if doc is None:
            return ()
        phones, problems = read_phones(doc, languages, sources)
        self.problems.extend(problems)
        return phones

    def _medicines_file(self, languages: tuple[str, ...], sources: dict[str, Source]) -> Medicines:
        medicines, problems = read_medicines(self._doc(self.root / MEDICINES_FILE), languages, sources)
        self.problems.extend(problems)
        return medicines

    def _sites(self, languages: tuple[str, ...], topics: dict[str, Topic]) -> Sites:
        sites, problems = read_sites(self._doc(self.root / SITES_FILE), languages, topics)
        self.problems.extend(problems)
        return sites

    # --- sources -----------------------------------------------------------------------

    def _sources(self) -> dict[str, Source]:
        doc = self._doc(self.root / "sources.yaml")
        if doc is None:
            return {}
        entries = doc.data.get("sources")
        if not isinstance(entries, list):
            self._add(doc, ("sources",), "must be a list of sources")
            return {}
        sources: dict[str, Source] = {}
        listed: list[tuple[int, Source]] = []
        for index, entry in enumerate(entries):
            source = self._source(doc, index, entry)
            if source is None:
                continue
            if source.id in sources:
                self._add(doc, ("sources", index, "id"), f"{source.id!r} is listed twice")
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
            self._add(doc, where, f"unknown source {source.cited_by!r}")
        elif source.kind == "study" and cited_by is None:
            self._add(doc, where, "is missing: a study names the article that cites it (cited_by)")
        elif cited_by is not None and cited_by.kind != "article":
            self._add(doc, where, f"{source.cited_by!r} is a {cited_by.kind}, not an article")

    def _source(self, doc: YamlDoc, index: int, entry: Any) -> Source | None:
        path = ("sources", index)
        if not isinstance(entry, dict):
            self._add(doc, path, "must be a mapping with id, kind, title and publisher")
            return None
        ok = True
        for name in ("id", "kind", "title", "publisher"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                self._add(doc, (*path, name), "is missing or empty")
                ok = False
        if ok and entry["kind"] not in SOURCE_KINDS:
            self._add(doc, (*path, "kind"), f"must be one of {', '.join(SOURCE_KINDS)}")
        ref = entry.get("ref")
        if ref is not None and not isinstance(ref, int):
            self._add(doc, (*path, "ref"), "must be the number of the study in the article's list")
            ref = None
        if not ok:
            return None
        read = entry.get("read")
        if read is not None and not isinstance(read, dt.date):
            self._add(doc, (*path, "read"), f"{read!r} must be the day it was read, like 2026-12-06")
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
            doc = self._doc(path)
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
                self._add(doc, (name,), "is not a topic field or a language of prompts.yaml")
        topic_id = data.get("id")
        if topic_id != stem:
            self._add(doc, ("id",), f"must be {stem!r}, the file's name without .yaml")
        reviewed = data.get("reviewed")
        if reviewed is None:
            self._add(doc, ("reviewed",), "is missing: the day a person last checked it, like 2026-11-23")
        elif not isinstance(reviewed, dt.date):
            self._add(doc, ("reviewed",), f"{reviewed!r} must be a date like 2026-11-23")
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
            self._add(doc, ("sources",), "must list at least one source id from sources.yaml")
            return ()
        for index, source_id in enumerate(value):
            if sources and source_id not in sources:
                self._add(doc, ("sources", index), f"unknown source {source_id!r} (not in sources.yaml)")
        if sources and not any(sources.get(s) and sources[s].kind == "article" for s in value):
            self._add(doc, ("sources",), "must name at least one of the articles")
        return tuple(str(s) for s in value)

    def _topic_text(self, doc: YamlDoc, lang: str, block: Any, node: str) -> TopicText | None:
        if not isinstance(block, dict):
            self._add(doc, (lang,), f"the {lang!r} block is missing (title, label, keywords, voice, sms)")
            return None
        for name in block:
            if name not in TOPIC_TEXT_FIELDS:
                self._add(doc, (lang, name), "is not a topic text field")
        title = self._text(doc, (lang, "title"), block.get("title"))
        label = self._text(doc, (lang, "label"), block.get("label"))
        voice = self._text(doc, (lang, "voice"), block.get("voice"))
        pages = self._text_list(doc, (lang, "sms"), block.get("sms"))
        words = self._keywords(doc, lang, block.get("keywords"), node, required=True)
        return TopicText(title or "", label or "", words or (), voice or "", pages or ())

    # --- menus -------------------------------------------------------------------------

    def _menus(self, languages: tuple[str, ...], topics: dict[str, Topic]) -> dict[str, Menu]:
        doc = self._doc(self.root / "menus.yaml")
        if doc is None:
            return {}
        for name in doc.data:
            if name not in MENUS_FILE_FIELDS:
                self._add(doc, (name,), "is not a field of menus.yaml (menus, core)")
        entries = doc.data.get("menus")
        if not isinstance(entries, list):
            self._add(doc, ("menus",), "must be a list of menus")
            return {}
        menus: dict[str, Menu] = {}
        for index, entry in enumerate(entries):
            menu = self._menu(doc, index, entry, languages)
            if menu is None:
                continue
            if menu.id in menus or menu.id in topics:
                self._add(doc, ("menus", index, "id"), f"{menu.id!r} is already a menu or topic id")
            menus[menu.id] = menu
        if MAIN_MENU not in menus:
            self._add(doc, ("menus",), f"needs a menu with id {MAIN_MENU!r}, where every call starts")
        self._check_links(doc, entries, menus, topics)
        self.near_main = self._core(doc, doc.data.get("core"), menus, topics)
        return menus

    def _core(
        self, doc: YamlDoc, value: Any, menus: dict[str, Menu], topics: dict[str, Topic]
    ) -> tuple[str, ...]:
        """The core list names the topics and menus that must stay near the main menu."""
        if value is None:
            return ()
        if not isinstance(value, list):
            self._add(doc, ("core",), "must be a list of topic or menu ids")
            return ()
        core: list[str] = []
        for index, node in enumerate(value):
            if not isinstance(node, str) or not self._is_node(node, menus, topics):
                self._add(doc, ("core", index), f"{node!r} is neither a topic file nor a menu")
            elif node in core:
                self._add(doc, ("core", index), f"{node!r} is listed twice")
            else:
                core.append(node)
        return tuple(core)

    def _is_node(self, node: str, menus: dict[str, Menu], topics: dict[str, Topic]) -> bool:
        """Whether an id names a menu or a topic file (one whose own problems are reported apart)."""
        if node in menus or node in topics:
            return True
        return bool(ID_PATTERN.match(node)) and (self.root / "topics" / f"{node}.yaml").is_file()

    def _menu(
        self, doc: YamlDoc, index: int, entry: Any, languages: tuple[str, ...]
    ) -> Menu | None:
        path: KeyPath = ("menus", index)
        if not isinstance(entry, dict):
            self._add(doc, path, "must be a mapping with id, a language block and options")
            return None
        menu_id = entry.get("id")
        if not isinstance(menu_id, str) or not ID_PATTERN.match(menu_id):
            self._add(doc, (*path, "id"), "must be lowercase letters, digits and hyphens")
            return None
        texts: dict[str, MenuText] = {}
        for lang in languages:
            block = entry.get(lang)
            if not isinstance(block, dict):
                self._add(doc, (*path, lang), f"the {lang!r} block is missing (title, label)")
                continue
            for name in block:
                if name not in MENU_TEXT_FIELDS:
                    self._add(doc, (*path, lang, name), "is not a menu text field")
            title = self._text(doc, (*path, lang, "title"), block.get("title"))
            label = self._text(doc, (*path, lang, "label"), block.get("label"))
            words = self._keywords(doc, lang, block.get("keywords"), menu_id, path=path)
            intro = block.get("intro") or ""
            if not isinstance(intro, str):
                self._add(doc, (*path, lang, "intro"), "must be text")
                intro = ""
            if title and label and words is not None:
                texts[lang] = MenuText(title, label, words, intro.strip())
        options = self._options(doc, path, entry.get("options"), menu_id)
        if len(texts) < len(languages) or options is None:
            return None
        return Menu(menu_id, texts, options)

    def _options(self, doc: YamlDoc, path: KeyPath, value: Any, menu_id: Any) -> tuple[Option, ...] | None:
        if not isinstance(value, list) or not value:
            self._add(doc, (*path, "options"), "must list at least one choice")
            return None
        keys = MAIN_MENU_KEYS if menu_id == MAIN_MENU else CHOICE_KEYS
        if len(value) > len(keys):
            too_many = f"has {len(value)} choices; at most {len(keys)} fit {_menu_words(menu_id)}"
            self._add(doc, (*path, "options"), too_many)
        options: list[Option] = []
        seen: set[str] = set()
        for index, option in enumerate(value):
            where = (*path, "options", index)
            if not isinstance(option, dict) or not isinstance(option.get("to"), str):
                self._add(doc, where, "must be {key: N, to: id}")
                continue
            key = str(option.get("key"))
            if key not in keys:
                wrong = f"key {key} is not 1 to {keys[-1]} in {_menu_words(menu_id)} {_KEYS_WHY}"
                self._add(doc, (*where, "key"), wrong)
            elif key in seen:
                self._add(doc, (*where, "key"), f"key {key} is used twice in this menu")
            seen.add(key)
            options.append(Option(key, option["to"]))
        return tuple(options)

    def _check_links(
        self, doc: YamlDoc, entries: list[Any], menus: dict[str, Menu], topics: dict[str, Topic]
    ) -> None:
        reached: set[str] = set()
        for index, entry in enumerate(entries):
            menu = menus.get(entry.get("id")) if isinstance(entry, dict) else None
            if menu is None or menu is not menus.get(menu.id):
                continue
            for number, option in enumerate(menu.options):
                reached.add(option.target)
                if not self._is_node(option.target, menus, topics):
                    self._add(
                        doc, ("menus", index, "options", number, "to"),
                        f"{option.target!r} is neither a topic file nor a menu",
                    )
        for menu_id in menus:
            if menu_id != MAIN_MENU and menu_id not in reached:
                self._add(doc, ("menus",), f"menu {menu_id!r} is not reached from any menu")
        for topic in topics.values():
            if topic.id not in reached:
                self.problems.append(
                    Problem(topic.file, 1, "id", f"topic {topic.id!r} is in no menu of menus.yaml")
                )

    # --- values ------------------------------------------------------------------------

    def _text(self, doc: YamlDoc, path: KeyPath, value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self._add(doc, path, "is missing or empty (text expected)")
            return None
        return " ".join(value.split())

    def _text_list(self, doc: YamlDoc, path: KeyPath, value: Any) -> tuple[str, ...] | None:
        if not isinstance(value, list) or not value:
            self._add(doc, path, "must be a list of one or more pages of text")
            return None
        pages = [self._text(doc, (*path, i), v) for i, v in enumerate(value)]
        return tuple(page or "" for page in pages)

    def _keywords(
        self, doc: YamlDoc, lang: str, value: Any, owner: str,
        required: bool = False, path: KeyPath = (),
    ) -> tuple[str, ...] | None:
        where = (*path, lang, "keywords")
        if value is None and not required:
            return ()
        if not isinstance(value, list) or (required and not value):
            self._add(doc, where, "must be a list of words or phrases")
            return None
        words: list[str] = []
        for index, raw in enumerate(value):
            word = " ".join(str(raw).lower().split())
            if not word:
                self._add(doc, (*where, index), "is empty")
            else:
                self._claim(doc, (*where, index), lang, word, owner)
                words.append(word)
        return tuple(words)

    def _claim(self, doc: YamlDoc, path: KeyPath, lang: str, word: str, owner: str) -> None:
        key = f"{lang}:{word}"
        previous = self.keyword_owner.get(key)
        if previous is None:
            self.keyword_owner[key] = (owner, doc, path)
        elif previous[0] != owner:
            other_doc, other_path = previous[1], previous[2]
            self._add(
                doc, path,
                f"keyword {word!r} is also claimed by {previous[0]!r} "
                f"({other_doc.file}:{other_doc.line(*other_path)})",
            )


def _menu_words(menu_id: Any) -> str:
    """Names the menu in a problem, so an editor sees why the main menu has one key fewer."""
    return "the main menu" if menu_id == MAIN_MENU else "a phone menu"


def _unknown_placeholders(text: str, allowed: tuple[str, ...]) -> str:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:
        return f"(bad braces: {error})"
    bad = [n for n in names if n not in allowed]
    return ", ".join("{" + n + "}" for n in bad)
