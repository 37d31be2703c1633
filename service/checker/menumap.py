"""The menu map: the phone tree and the words texts find, drawn from the content as SVG.

Written by hand (no drawing library), so the same content always gives the same bytes and the
committed picture can be checked in CI. Columns are depth (key presses from the main menu); each
box shows the key, the title and the spoken label; the right-hand column lists each node's keywords.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

from service.content.model import DEFAULT_LANGUAGE, MAIN_MENU, Content
from service.core import commands

COLUMN = 300
BOX_WIDTH = 276
MARGIN = 20
TOP = 118
ROW_GAP = 8
LINE = 14
LABEL_CHARS = 44
KEYWORD_CHARS = 92
KEYWORD_WIDTH = 600
DEPTH_COLOURS = ("#1f4e79", "#2e75b6", "#9dc3e6", "#deebf7")
TOPIC_COLOUR = "#ffffff"
FONT = "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\""


@dataclass(frozen=True)
class Row:
    """One box in the tree: a node reached by a key at a depth, placed at a height."""

    node: str
    key: str
    depth: int
    parent: int | None  # index of the parent row
    y: int
    height: int
    repeat: bool = False  # the node is drawn in full elsewhere (it is in two menus)


def draw(content: Content, lang: str = DEFAULT_LANGUAGE) -> str:
    """The whole map as an SVG document (ends with a newline)."""
    rows = _layout(content, lang)
    depth = max((row.depth for row in rows), default=0)
    keyword_x = MARGIN + (depth + 1) * COLUMN + 10
    width = keyword_x + KEYWORD_WIDTH + MARGIN
    unreached = sorted(set(content.topics) - {row.node for row in rows})
    height = (rows[-1].y + rows[-1].height if rows else TOP) + MARGIN + (LINE * 3 if unreached else 0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title">',
        '<title id="title">The phone menus and the words that find each topic by text</title>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        *_heading(depth, keyword_x),
    ]
    for row in rows:
        parts.extend(_connector(rows, row))
    for row in rows:
        parts.extend(_box(content, lang, row))
        parts.extend(_keywords(content, lang, row, keyword_x))
    if unreached:
        names = ", ".join(content.title(node, lang) for node in unreached)
        parts.append(_text(MARGIN, height - MARGIN - LINE, f"In no menu (found by text only): {names}", 12))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _layout(content: Content, lang: str) -> list[Row]:
    """Rows in menu order, depth first: the order a caller meets them."""
    rows: list[Row] = []
    seen: set[str] = set()
    y = TOP

    def visit(node: str, key: str, depth: int, parent: int | None) -> None:
        nonlocal y
        repeat = node in seen
        seen.add(node)
        height = _box_height(content, lang, node, key, repeat)
        keyword_lines = 0 if repeat else len(_keyword_lines(content, lang, node))
        height = max(height, keyword_lines * LINE + 10)
        rows.append(Row(node, key, depth, parent, y, height, repeat))
        index = len(rows) - 1
        y += height + ROW_GAP
        menu = content.menus.get(node)
        if menu is not None and not repeat:
            for option in menu.options:
                visit(option.target, option.key, depth + 1, index)

    if MAIN_MENU in content.menus:
        visit(MAIN_MENU, "", 0, None)
    return rows


def _label_lines(content: Content, lang: str, node: str, key: str) -> list[str]:
    """This choice named in full, with the node's spoken label: the `option` prompt (a menu says its
    first choice so, and the rest short, `option_next`: "Lungs, 2")."""
    if not key:
        return ["where every call starts, after the welcome"]
    said = content.prompt("option", lang, label=content.label(node, lang), key=key)
    return textwrap.wrap(f"\u201c{said}\u201d", LABEL_CHARS)


def _box_height(content: Content, lang: str, row_node: str, key: str, repeat: bool) -> int:
    return 30 + LINE * (1 if repeat else len(_label_lines(content, lang, row_node, key)))


def _keyword_lines(content: Content, lang: str, node: str) -> list[str]:
    keywords = content.text(node, lang).keywords
    return textwrap.wrap(", ".join(keywords), KEYWORD_CHARS) if keywords else []


def _heading(depth: int, keyword_x: int) -> list[str]:
    keys = (f"In every menu: {commands.SLOWER} slower, {commands.BACK} back, {commands.REPEAT} repeat, "
            f"{commands.MAIN} main menu.")
    texts = ("By text: send a word from the right-hand column (typos are fine), a menu number, "
             "MENU, MORE, HELP, or STOP (START to undo).")
    parts = [
        _text(MARGIN, 30, "The phone menus, and the words that find each topic by text", 20, bold=True),
        _text(MARGIN, 54, keys, 13),
        _text(MARGIN, 72, texts, 13),
    ]
    for n in range(depth + 1):
        head = "Start" if n == 0 else f"{n} key press{'es' if n > 1 else ''} from the start"
        parts.append(_text(MARGIN + n * COLUMN, TOP - 14, head, 12, bold=True, colour="#555555"))
    parts.append(_text(keyword_x, TOP - 14, "Words a text or a caller can use to go straight there", 12,
                       bold=True, colour="#555555"))
    return parts


def _connector(rows: list[Row], row: Row) -> list[str]:
    if row.parent is None:
        return []
    parent = rows[row.parent]
    x1 = MARGIN + parent.depth * COLUMN + BOX_WIDTH
    y1 = parent.y + 16
    x2 = MARGIN + row.depth * COLUMN
    y2 = row.y + 16
    mid = x1 + (x2 - x1) // 2
    return [f'<path d="M{x1} {y1} H{mid} V{y2} H{x2}" fill="none" stroke="#8c8c8c" stroke-width="1.2"/>']


def _box(content: Content, lang: str, row: Row) -> list[str]:
    x = MARGIN + row.depth * COLUMN
    is_menu = content.is_menu(row.node)
    fill = DEPTH_COLOURS[min(row.depth, len(DEPTH_COLOURS) - 1)] if is_menu else TOPIC_COLOUR
    ink = "#ffffff" if is_menu and row.depth < 2 else "#111111"
    height = _box_height(content, lang, row.node, row.key, row.repeat)
    dash = ' stroke-dasharray="4 3"' if row.repeat else ""
    parts = [f'<rect x="{x}" y="{row.y}" width="{BOX_WIDTH}" height="{height}" rx="6" fill="{fill}" '
             f'stroke="#1f4e79" stroke-width="1"{dash}/>']
    title = content.title(row.node, lang) + (" (menu)" if is_menu and row.node != MAIN_MENU else "")
    if row.key:
        parts.append(f'<circle cx="{x + 16}" cy="{row.y + 16}" r="11" fill="#f4b183" stroke="#843c0c"/>')
        parts.append(_text(x + 16, row.y + 21, row.key, 13, bold=True, anchor="middle"))
    parts.append(_text(x + (34 if row.key else 10), row.y + 21, title, 13, bold=True, colour=ink))
    lines = ["(shown in full above)"] if row.repeat else _label_lines(content, lang, row.node, row.key)
    for n, line in enumerate(lines):
        parts.append(_text(x + 10, row.y + 24 + LINE * (n + 1) - 2, line, 11, colour=ink))
    return parts


def _keywords(content: Content, lang: str, row: Row, x: int) -> list[str]:
    if row.repeat:
        return []
    lines = _keyword_lines(content, lang, row.node)
    if not lines:
        return []
    start = MARGIN + row.depth * COLUMN + BOX_WIDTH + 6
    leader = (f'<path d="M{start} {row.y + 10} H{x - 8}" stroke="#d0d0d0" stroke-width="1" '
              'stroke-dasharray="2 4"/>')
    texts = [_text(x, row.y + 14 + LINE * n, line, 11, colour="#333333") for n, line in enumerate(lines)]
    return [leader, *texts]


def _text(x: int, y: int, words: str, size: int, bold: bool = False, colour: str = "#111111",
          anchor: str = "start") -> str:
    weight = ' font-weight="bold"' if bold else ""
    align = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return (f'<text x="{x}" y="{y}" {FONT} font-size="{size}"{weight}{align} fill="{colour}">'
            f"{escape(words)}</text>")
