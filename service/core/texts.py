"""The navigation core for text messages: (content, state, message) -> (next state, what to send).

Like the call core, it answers with prompt ids and the node to show, never with finished wording:
`service.core.wording` turns a reply into the message. Opt-out words are not handled here: the
webhook checks them first, before any state is read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any

from service.content.model import DEFAULT_LANGUAGE, MAIN_MENU, Content
from service.content.prompts import Prompt
from service.core import commands
from service.core.matching import Matcher, matchers_for, normalize


@dataclass(frozen=True)
class TextState:
    """What a texter was last sent: the menu numbers answer, and the topic MORE continues."""

    menu: str = MAIN_MENU
    topic: str = ""
    page: int = 0
    lang: str = DEFAULT_LANGUAGE

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the store."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TextState:
        """Rebuild from the store; anything malformed starts fresh."""
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(
                menu=str(data.get("menu", MAIN_MENU)),
                topic=str(data.get("topic", "")),
                page=int(data.get("page", 0)),
                lang=str(data.get("lang", DEFAULT_LANGUAGE)),
            )
        except (TypeError, ValueError):
            return cls()


class Show(StrEnum):
    """What one reply sends, besides its notices."""

    MENU = "menu"  # the state's menu, numbered
    PAGE = "page"  # the state's topic, at its page
    HELP = "help"
    RESUBSCRIBED = "resubscribed"
    ERROR = "error"


@dataclass(frozen=True)
class TextReply:
    """The core's answer to one text: the new state, notices to send first, and what to show."""

    state: TextState
    show: Show
    notices: tuple[Prompt, ...] = ()


class TextNavigator:
    """Answers one incoming text; one instance serves every texter."""

    def __init__(self, content: Content, matchers: dict[str, Matcher] | None = None) -> None:
        self.content = content
        self.matchers = matchers or matchers_for(content)

    def reply(self, state: TextState, body: str) -> TextReply:
        """The reply to one message, given what this phone was sent before."""
        state = self._known(state)
        text = normalize(body)
        if text in commands.TEXT_HELP_WORDS:
            return TextReply(state, Show.HELP)
        if text in commands.TEXT_MORE_WORDS:
            return self._more(state)
        if not text or text in commands.TEXT_MENU_WORDS:
            return self._menu(state, MAIN_MENU)
        text = commands.NUMBER_WORDS.get(text, text)
        if text.isdigit() and len(text) <= 2:
            return self._number(state, text)
        node = self.matchers[state.lang].match(body)
        if node is None:
            return self._menu(state, MAIN_MENU, Prompt.SMS_NOT_UNDERSTOOD)
        return self._node(state, node)

    @staticmethod
    def resubscribed(state: TextState | None = None) -> TextReply:
        """The confirmation after START, YES or UNSTOP."""
        return TextReply(state or TextState(), Show.RESUBSCRIBED)

    @staticmethod
    def error(state: TextState | None = None) -> TextReply:
        """The apology when something failed on our side."""
        return TextReply(state or TextState(), Show.ERROR)

    # --- internals ---------------------------------------------------------------------

    def _known(self, state: TextState) -> TextState:
        lang = state.lang if state.lang in self.content.languages else DEFAULT_LANGUAGE
        menu = state.menu if state.menu in self.content.menus else MAIN_MENU
        topic = state.topic if state.topic in self.content.topics else ""
        return TextState(menu=menu, topic=topic, page=state.page if topic else 0, lang=lang)

    def _number(self, state: TextState, text: str) -> TextReply:
        number = text.lstrip("0") or "0"
        if number == commands.MAIN:
            return self._menu(state, MAIN_MENU)
        target = self.content.menus[state.menu].target(number)
        if target is None:
            return self._menu(state, state.menu, Prompt.SMS_NOT_UNDERSTOOD)
        return self._node(state, target)

    def _node(self, state: TextState, node: str) -> TextReply:
        if self.content.is_menu(node):
            return self._menu(state, node)
        return TextReply(replace(state, topic=node, page=0), Show.PAGE)

    def _menu(self, state: TextState, menu: str, notice: Prompt | None = None) -> TextReply:
        return TextReply(replace(state, menu=menu), Show.MENU, (notice,) if notice else ())

    def _more(self, state: TextState) -> TextReply:
        if not state.topic:
            return self._menu(state, state.menu, Prompt.SMS_NO_MORE)
        page = state.page + 1
        if page >= len(self.content.topic_text(state.topic, state.lang).sms):
            return self._menu(state, state.menu, Prompt.SMS_NO_MORE)
        return TextReply(replace(state, page=page), Show.PAGE)
