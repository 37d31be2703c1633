"""How many key presses each node is from the main menu, and by which way: menu depth for the checker."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from service.content.model import MAIN_MENU, Content


@dataclass(frozen=True)
class Way:
    """The shortest way to a node: the key presses it takes and the last option pressed."""

    presses: int
    trail: tuple[str, ...]
    menu: str
    option: int

    def shown(self) -> str:
        """The way as a caller walks it: `main > spread > spread-bones`."""
        return " > ".join(self.trail)


def shortest_ways(content: Content) -> dict[str, Way]:
    """Every node reachable from the main menu by keys, with its shortest way (breadth first)."""
    ways = {MAIN_MENU: Way(0, (MAIN_MENU,), "", -1)}
    queue = deque([MAIN_MENU])
    while queue:
        menu_id = queue.popleft()
        menu = content.menus.get(menu_id)
        if menu is None:
            continue
        here = ways[menu_id]
        for index, option in enumerate(menu.options):
            if option.target not in ways:
                ways[option.target] = Way(here.presses + 1, (*here.trail, option.target), menu_id, index)
                queue.append(option.target)
    return ways
