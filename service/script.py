"""Channel-free wording: the lines a caller hears and the messages a texter reads for a node."""

from __future__ import annotations

from dataclasses import dataclass

from service import keys
from service.content.model import MAIN_MENU, Content


@dataclass(frozen=True)
class Spoken:
    """What to say for one turn: notices first, then the node, then the choices."""

    notices: tuple[str, ...]
    body: tuple[str, ...]
    choices: tuple[str, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        """Everything in speaking order."""
        return self.notices + self.body + self.choices


def spoken(
    content: Content, node: str, notices: tuple[str, ...], lang: str, slow: bool,
    reprompt: bool = False,
) -> Spoken:
    """The spoken script for a node; a re-prompt after a topic skips the topic's long text."""
    said = tuple(content.prompt(name, lang) for name in notices)
    if content.is_menu(node):
        menu = content.menus[node]
        intro = content.menu_text(node, lang).intro
        body = (intro,) if intro else ()
        options = tuple(
            content.prompt("option", lang, label=content.label(o.target, lang), key=o.key)
            for o in menu.options
        )
        if node == MAIN_MENU:
            options += (content.prompt("say_also", lang),)
    else:
        body = () if reprompt else (content.topic_text(node, lang).voice,)
        options = ()
    return Spoken(said, body, options + universal_lines(content, node, lang, slow))


def universal_lines(content: Content, node: str, lang: str, slow: bool) -> tuple[str, ...]:
    """The announced universal keys; back and main menu mean nothing on the main menu."""
    lines = [content.prompt("key_repeat", lang, key=keys.REPEAT)]
    if node != MAIN_MENU:
        lines.append(content.prompt("key_back", lang, key=keys.BACK))
        lines.append(content.prompt("key_main", lang, key=keys.MAIN))
    if not slow:
        lines.append(content.prompt("key_slower", lang, key=keys.SLOWER))
    return tuple(lines)


def sms_menu(content: Content, menu_id: str, lang: str, notice: str = "") -> str:
    """A menu as one text message: optional notice and intro, then numbered choices."""
    menu = content.menus[menu_id]
    intro = content.menu_text(menu_id, lang).intro
    options = "\n".join(
        content.prompt("sms_option", lang, key=o.key, title=content.title(o.target, lang))
        for o in menu.options
    )
    body = content.prompt("sms_menu", lang, intro=f"{intro}\n" if intro else "", options=options)
    return notice + body


def sms_page(content: Content, topic_id: str, page: int, lang: str, notice: str = "") -> str:
    """One page of a topic as a text message, with the hint for MORE or MENU."""
    pages = content.topic_text(topic_id, lang).sms
    hint = "sms_more" if page + 1 < len(pages) else "sms_end"
    return f"{notice}{pages[page]} {content.prompt(hint, lang)}"


def sms_help(content: Content, lang: str, phone: str = "") -> str:
    """The HELP reply: the line's name, what to text, how to stop, where to call."""
    said = content.prompt("sms_help_phone", lang, phone=phone) if phone else ""
    line_name = content.prompt("line_name", lang)
    return " ".join(content.prompt("sms_help", lang, line_name=line_name, phone=said).split())


def sms_prompt(content: Content, name: str, lang: str) -> str:
    """A one-line SMS prompt (confirmation, apology), its YAML line breaks folded."""
    return " ".join(content.prompt(name, lang).split())
