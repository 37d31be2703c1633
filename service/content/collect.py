"""What every part of the content loader shares: the files read, the problems found, keyword owners."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from service.content.yamlfile import UNREADABLE, KeyPath, Problem, YamlDoc, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # ids of topics, menus and signs


class Collector:
    """Reads YAML files under a content folder and collects problems instead of stopping at one."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.keyword_owner: dict[str, tuple[str, YamlDoc, KeyPath]] = {}
        self.docs: dict[str, YamlDoc] = {}

    def has_errors(self) -> bool:
        """Whether any problem found so far stops the content."""
        return any(p.severity == "error" for p in self.problems)

    # --- files -------------------------------------------------------------------------

    def doc(self, path: Path) -> YamlDoc | None:
        """A YAML file of the folder as a mapping, or None (its problems noted) when it cannot be one."""
        shown = self.shown(path)
        if not path.exists():
            self.problems.append(Problem(shown, 1, UNREADABLE, "is missing"))
            return None
        doc, problems = read_yaml(path, shown)
        self.problems.extend(problems)
        if doc is not None and not isinstance(doc.data, dict):
            self.problems.append(doc.problem((), "must be a mapping of fields"))
            return None
        if doc is not None:
            self.docs[shown] = doc
        return doc

    def has_topic_file(self, node: str) -> bool:
        """Whether an id names a topic file, read or broken: a broken one's own problems are reported
        apart, so what names it (a menu option, sites.yaml) is not reported again."""
        return bool(ID_PATTERN.match(node)) and (self.root / "topics" / f"{node}.yaml").is_file()

    def shown(self, path: Path) -> str:
        """A path as problems name it: from the content folder's parent, like content/menus.yaml."""
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def add(self, doc: YamlDoc, path: KeyPath, message: str) -> None:
        """Note a problem at a path of a file."""
        self.problems.append(doc.problem(path, message))

    # --- values ------------------------------------------------------------------------

    def text(self, doc: YamlDoc, path: KeyPath, value: Any) -> str | None:
        """A text field with its whitespace folded, or None (noted) when missing or empty."""
        if not isinstance(value, str) or not value.strip():
            self.add(doc, path, "is missing or empty (text expected)")
            return None
        return " ".join(value.split())

    def text_list(self, doc: YamlDoc, path: KeyPath, value: Any) -> tuple[str, ...] | None:
        """A list of pages of text, or None (noted) when it is not one."""
        if not isinstance(value, list) or not value:
            self.add(doc, path, "must be a list of one or more pages of text")
            return None
        pages = [self.text(doc, (*path, i), v) for i, v in enumerate(value)]
        return tuple(page or "" for page in pages)

    def keywords(
        self, doc: YamlDoc, lang: str, value: Any, owner: str,
        required: bool = False, path: KeyPath = (),
    ) -> tuple[str, ...] | None:
        """A topic's or menu's keywords, lowercased, each claimed for its owner."""
        where = (*path, lang, "keywords")
        if value is None and not required:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.add(doc, where, "must be a list of words or phrases")
            return None
        words: list[str] = []
        for index, raw in enumerate(value):
            word = " ".join(str(raw).lower().split())
            if not word:
                self.add(doc, (*where, index), "is empty")
            else:
                self.claim(doc, (*where, index), lang, word, owner)
                words.append(word)
        return tuple(words)

    def claim(self, doc: YamlDoc, path: KeyPath, lang: str, word: str, owner: str) -> None:
        """A keyword belongs to one topic or menu: a second owner is a problem naming the first."""
        key = f"{lang}:{word}"
        previous = self.keyword_owner.get(key)
        if previous is None:
            self.keyword_owner[key] = (owner, doc, path)
        elif previous[0] != owner:
            other_doc, other_path = previous[1], previous[2]
            self.add(
                doc, path,
                f"keyword {word!r} is also claimed by {previous[0]!r} "
                f"({other_doc.file}:{other_doc.line(*other_path)})",
            )
