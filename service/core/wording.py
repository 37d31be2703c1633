"""Channel-free wording: the lines a caller hears and the message a texter reads, for a core's answer."""

from __future__ import annotations

from dataclasses import dataclass

from service.content.model import MAIN_MENU, Content
from service.content.prompts import Prompt
from service.core import commands
from service.core.calls import Turn
from service.core.texts import Show, TextReply


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


def turn_lines(content: Content, turn: Turn) -> tuple[str, ...]:
    """The lines a caller hears for one turn, in order: every spoken channel says exactly these."""
    state = turn.state
    if turn.hangup:
        return tuple(content.prompt(name, state.lang) for name in turn.notices)
    return spoken(content, state.node, turn.notices, state.lang, state.slow, turn.reprompt).lines


def spoken(
    content: Content, node: str, notices: tuple[Prompt, ...], lang: str, slow: bool,
    reprompt: bool = False,
) -> Spoken:
    """The spoken script for a node; a re-prompt after a topic skips the topic's long text."""
    said = tuple(content.prompt(name, lang) for name in notices)
    if content.is_menu(node):
        menu = content.menus[node]
        intro = content.menu_text(node, lang).intro
        body = (intro,) if intro else ()
        options = tuple(
            content.prompt(Prompt.OPTION, lang, label=content.label(o.target, lang), key=o.key)
            for o in menu.options
        )
        if node == MAIN_MENU:
            options += (content.prompt(Prompt.SAY_ALSO, lang),)
    else:
        body = () if reprompt else (content.topic_text(node, lang).voice,)
        options = ()
    return Spoken(said, body, options + universal_lines(content, node, lang, slow))


def universal_lines(content: Content, node: str, lang: str, slow: bool) -> tuple[str, ...]:
    """The announced universal keys; back and main menu mean nothing on the main menu."""
    lines = [content.prompt(Prompt.KEY_REPEAT, lang, key=commands.REPEAT)]
    if node != MAIN_MENU:
        lines.append(content.prompt(Prompt.KEY_BACK, lang, key=commands.BACK))
        lines.append(content.prompt(Prompt.KEY_MAIN, lang, key=commands.MAIN))
    if not slow:
        lines.append(content.prompt(Prompt.KEY_SLOWER, lang, key=commands.SLOWER))
    return tuple(lines)


def text_message(content: Content, reply: TextReply, phone: str = "") -> str:
    """The one message a texter is sent for a reply; `phone` is the number HELP offers for calls."""
    state = reply.state
    notice = "".join(content.prompt(name, state.lang) for name in reply.notices)
    if reply.show is Show.MENU:
        return sms_menu(content, state.menu, state.lang, notice)
    if reply.show is Show.PAGE:
        return sms_page(content, state.topic, state.page, state.lang, notice)
    if reply.show is Show.HELP:
        return sms_help(content, state.lang, phone)
    name = Prompt.SMS_RESUBSCRIBED if reply.show is Show.RESUBSCRIBED else Prompt.SMS_ERROR
    return sms_prompt(content, name, state.lang)


def sms_menu(content: Content, menu_id: str, lang: str, notice: str = "") -> str:
    """A menu as one text message: optional notice and intro, then numbered choices."""
    menu = content.menus[menu_id]
    intro = content.menu_text(menu_id, lang).intro
    options = "\n".join(
        content.prompt(Prompt.SMS_OPTION, lang, key=o.key, title=content.title(o.target, lang))
        for o in menu.options
    )
    body = content.prompt(Prompt.SMS_MENU, lang, intro=f"{intro}\n" if intro else "", options=options)
    return notice + body


def sms_page(content: Content, topic_id: str, page: int, lang: str, notice: str = "") -> str:
    """One page of a topic as a text message, with the hint for MORE or MENU."""
    pages = content.topic_text(topic_id, lang).sms
    hint = Prompt.SMS_MORE if page + 1 < len(pages) else Prompt.SMS_END
    return f"{notice}{pages[page]} {content.prompt(hint, lang)}"


def sms_help(content: Content, lang: str, phone: str = "") -> str:
    """The HELP reply: the line's name, what to text, how to stop, where to call."""
    said = content.prompt(Prompt.SMS_HELP_PHONE, lang, phone=phone) if phone else ""
    line_name = content.prompt(Prompt.LINE_NAME, lang)
    return " ".join(content.prompt(Prompt.SMS_HELP, lang, line_name=line_name, phone=said).split())


def sms_prompt(content: Content, name: Prompt, lang: str) -> str:
    """A one-line SMS prompt (confirmation, apology), its YAML line breaks folded."""
    return " ".join(content.prompt(name, lang).split())
