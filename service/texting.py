"""The navigation core for text messages: (content, state, message) -> (next state, reply text).

Opt-out words are not handled here: the webhook checks them first, before any state is read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from service import keys, script
from service.content.model import DEFAULT_LANGUAGE, MAIN_MENU, Content
from service.matching import Matcher, matchers_for, normalize

MENU_WORDS = frozenset(
    {"menu", "main menu", "main", "topics", "list", "options", "start over", "hi", "hello", "hey",
     "hiya", "good morning", "good afternoon", "good evening", "test", "ok", "okay", "thanks",
     "thank you", "start", "yes", "unstop"}
)
MORE_WORDS = frozenset({"more", "next", "continue", "go on", "more please", "m"})
HELP_WORDS = frozenset({"help", "info", "information"})


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


@dataclass(frozen=True)
class TextReply:
    """The new state and the one message to send back."""

    state: TextState
    message: str


class TextNavigator:
    """Answers one incoming text; one instance serves every texter."""

    def __init__(
        self, content: Content, line_phone: str = "", matchers: dict[str, Matcher] | None = None
    ) -> None:
        self.content = content
        self.line_phone = line_phone
        self.matchers = matchers or matchers_for(content)

    def reply(self, state: TextState, body: str, line_number: str = "") -> TextReply:
        """The reply to one message, given what this phone was sent before.

        `line_number` is the number the text was sent to: HELP offers it for calls when
        LINE_PHONE is not set, since one Twilio number usually carries both.
        """
        state = self._known(state)
        text = normalize(body)
        if text in HELP_WORDS:
            return TextReply(state, self.help(state.lang, line_number))
        if text in MORE_WORDS:
            return self._more(state)
        if not text or text in MENU_WORDS:
            return self._menu(state, MAIN_MENU)
        text = keys.NUMBER_WORDS.get(text, text)
        if text.isdigit() and len(text) <= 2:
            return self._number(state, text)
        node = self.matchers[state.lang].match(body)
        if node is None:
            return self._menu(state, MAIN_MENU, "sms_not_understood")
        return self._node(state, node)

    def help(self, lang: str = DEFAULT_LANGUAGE, line_number: str = "") -> str:
        """The HELP reply: the line's name, what to text, how to stop, where to call."""
        return script.sms_help(self.content, lang, self.line_phone or line_number)

    def resubscribed(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The confirmation after START, YES or UNSTOP."""
        return script.sms_prompt(self.content, "sms_resubscribed", lang)

    def error(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The apology when something failed on our side."""
        return script.sms_prompt(self.content, "sms_error", lang)

    # --- internals ---------------------------------------------------------------------

    def _known(self, state: TextState) -> TextState:
        lang = state.lang if state.lang in self.content.languages else DEFAULT_LANGUAGE
        menu = state.menu if state.menu in self.content.menus else MAIN_MENU
        topic = state.topic if state.topic in self.content.topics else ""
        return TextState(menu=menu, topic=topic, page=state.page if topic else 0, lang=lang)

    def _number(self, state: TextState, text: str) -> TextReply:
        number = text.lstrip("0") or "0"
        if number == keys.MAIN:
            return self._menu(state, MAIN_MENU)
        target = self.content.menus[state.menu].target(number)
        if target is None:
            return self._menu(state, state.menu, "sms_not_understood")
        return self._node(state, target)

    def _node(self, state: TextState, node: str) -> TextReply:
        if self.content.is_menu(node):
            return self._menu(state, node)
        message = script.sms_page(self.content, node, 0, state.lang)
        return TextReply(replace(state, topic=node, page=0), message)

    def _menu(self, state: TextState, menu: str, notice: str = "") -> TextReply:
        said = self.content.prompt(notice, state.lang) if notice else ""
        message = script.sms_menu(self.content, menu, state.lang, said)
        return TextReply(replace(state, menu=menu), message)

    def _more(self, state: TextState) -> TextReply:
        if not state.topic:
            return self._menu(state, state.menu, "sms_no_more")
        pages = self.content.topic_text(state.topic, state.lang).sms
        page = state.page + 1
        if page >= len(pages):
            return self._menu(state, state.menu, "sms_no_more")
        message = script.sms_page(self.content, state.topic, page, state.lang)
        return TextReply(replace(state, page=page), message)
