"""menus.yaml: the menu tree, its keys and links, and the core list kept near the main menu."""

from __future__ import annotations

from typing import Any

from service.content.collect import ID_PATTERN, Collector
from service.content.model import CHOICE_KEYS, MAIN_MENU, MAIN_MENU_KEYS, Menu, MenuText, Option, Topic
from service.content.yamlfile import KeyPath, Problem, YamlDoc

MENU_TEXT_FIELDS = {"title", "label", "keywords", "intro"}
MENUS_FILE_FIELDS = {"menus", "core"}
_KEYS_WHY = "(key 6 of the main menu is for a person; 7, 8, 9, 0 and * are the same everywhere)"


class MenuReader:
    """Turns menus.yaml into Menu values, reporting through the loader's collector."""

    def __init__(self, collector: Collector) -> None:
        self.c = collector

    def read(
        self, languages: tuple[str, ...], topics: dict[str, Topic]
    ) -> tuple[dict[str, Menu], tuple[str, ...]]:
        """The menus of menus.yaml, and the ids its `core` list keeps near the main menu."""
        doc = self.c.doc(self.c.root / "menus.yaml")
        if doc is None:
            return {}, ()
        for name in doc.data:
            if name not in MENUS_FILE_FIELDS:
                self.c.add(doc, (name,), "is not a field of menus.yaml (menus, core)")
        entries = doc.data.get("menus")
        if not isinstance(entries, list):
            self.c.add(doc, ("menus",), "must be a list of menus")
            return {}, ()
        menus: dict[str, Menu] = {}
        for index, entry in enumerate(entries):
            menu = self._menu(doc, index, entry, languages)
            if menu is None:
                continue
            if menu.id in menus or menu.id in topics:
                self.c.add(doc, ("menus", index, "id"), f"{menu.id!r} is already a menu or topic id")
            menus[menu.id] = menu
        if MAIN_MENU not in menus:
            self.c.add(doc, ("menus",), f"needs a menu with id {MAIN_MENU!r}, where every call starts")
        self._check_links(doc, entries, menus, topics)
        return menus, self._core(doc, doc.data.get("core"), menus, topics)

    def _core(
        self, doc: YamlDoc, value: Any, menus: dict[str, Menu], topics: dict[str, Topic]
    ) -> tuple[str, ...]:
        """The core list names the topics and menus that must stay near the main menu."""
        if value is None:
            return ()
        if not isinstance(value, list):
            self.c.add(doc, ("core",), "must be a list of topic or menu ids")
            return ()
        core: list[str] = []
        for index, node in enumerate(value):
            if not isinstance(node, str) or not self._is_node(node, menus, topics):
                self.c.add(doc, ("core", index), f"{node!r} is neither a topic file nor a menu")
            elif node in core:
                self.c.add(doc, ("core", index), f"{node!r} is listed twice")
            else:
                core.append(node)
        return tuple(core)

    def _is_node(self, node: str, menus: dict[str, Menu], topics: dict[str, Topic]) -> bool:
        """Whether an id names a menu or a topic file (one whose own problems are reported apart)."""
        if node in menus or node in topics:
            return True
        return self.c.has_topic_file(node)

    def _menu(
        self, doc: YamlDoc, index: int, entry: Any, languages: tuple[str, ...]
    ) -> Menu | None:
        path: KeyPath = ("menus", index)
        if not isinstance(entry, dict):
            self.c.add(doc, path, "must be a mapping with id, a language block and options")
            return None
        menu_id = entry.get("id")
        if not isinstance(menu_id, str) or not ID_PATTERN.match(menu_id):
            self.c.add(doc, (*path, "id"), "must be lowercase letters, digits and hyphens")
            return None
        texts: dict[str, MenuText] = {}
        for lang in languages:
            block = entry.get(lang)
            if not isinstance(block, dict):
                self.c.add(doc, (*path, lang), f"the {lang!r} block is missing (title, label)")
                continue
            for name in block:
                if name not in MENU_TEXT_FIELDS:
                    self.c.add(doc, (*path, lang, name), "is not a menu text field")
            title = self.c.text(doc, (*path, lang, "title"), block.get("title"))
            label = self.c.text(doc, (*path, lang, "label"), block.get("label"))
            words = self.c.keywords(doc, lang, block.get("keywords"), menu_id, path=path)
            intro = block.get("intro") or ""
            if not isinstance(intro, str):
                self.c.add(doc, (*path, lang, "intro"), "must be text")
                intro = ""
            if title and label and words is not None:
                texts[lang] = MenuText(title, label, words, intro.strip())
        options = self._options(doc, path, entry.get("options"), menu_id)
        if len(texts) < len(languages) or options is None:
            return None
        return Menu(menu_id, texts, options)

    def _options(self, doc: YamlDoc, path: KeyPath, value: Any, menu_id: Any) -> tuple[Option, ...] | None:
        if not isinstance(value, list) or not value:
            self.c.add(doc, (*path, "options"), "must list at least one choice")
            return None
        keys = MAIN_MENU_KEYS if menu_id == MAIN_MENU else CHOICE_KEYS
        if len(value) > len(keys):
            too_many = f"has {len(value)} choices; at most {len(keys)} fit {_menu_words(menu_id)}"
            self.c.add(doc, (*path, "options"), too_many)
        options: list[Option] = []
        seen: set[str] = set()
        for index, option in enumerate(value):
            where = (*path, "options", index)
            if not isinstance(option, dict) or not isinstance(option.get("to"), str):
                self.c.add(doc, where, "must be {key: N, to: id}")
                continue
            key = str(option.get("key"))
            if key not in keys:
                wrong = f"key {key} is not 1 to {keys[-1]} in {_menu_words(menu_id)} {_KEYS_WHY}"
                self.c.add(doc, (*where, "key"), wrong)
            elif key in seen:
                self.c.add(doc, (*where, "key"), f"key {key} is used twice in this menu")
            seen.add(key)
            options.append(Option(key, option["to"]))
        return tuple(options)

    def _check_links(
        self, doc: YamlDoc, entries: list[Any], menus: dict[str, Menu], topics: dict[str, Topic]
    ) -> None:
        reached: set[str] = set()
        for index, entry in enumerate(entries):
            menu = menus.get(str(entry.get("id"))) if isinstance(entry, dict) else None
            if menu is None or menu is not menus.get(menu.id):
                continue
            for number, option in enumerate(menu.options):
                reached.add(option.target)
                if not self._is_node(option.target, menus, topics):
                    self.c.add(
                        doc, ("menus", index, "options", number, "to"),
                        f"{option.target!r} is neither a topic file nor a menu",
                    )
        for menu_id in menus:
            if menu_id != MAIN_MENU and menu_id not in reached:
                self.c.add(doc, ("menus",), f"menu {menu_id!r} is not reached from any menu")
        for topic in topics.values():
            if topic.id not in reached:
                self.c.problems.append(
                    Problem(topic.file, 1, "id", f"topic {topic.id!r} is in no menu of menus.yaml")
                )

def _menu_words(menu_id: Any) -> str:
    """Names the menu in a problem, so an editor sees why the main menu has one key fewer."""
    return "the main menu" if menu_id == MAIN_MENU else "a phone menu"
