"""Where a menu lives in menus.yaml, so checks can name its line."""

from __future__ import annotations

from typing import Any

from service.content.yamlfile import YamlDoc


def menu_path(doc: YamlDoc, menu_id: str) -> tuple[Any, ...]:
    """The path of a menu's entry in menus.yaml, found by its id."""
    entries = doc.data.get("menus") or []
    for index, entry in enumerate(entries):
        if isinstance(entry, dict) and entry.get("id") == menu_id:
            return ("menus", index)
    return ("menus",)
