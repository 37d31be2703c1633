"""The names of the line's own words in prompts.yaml, and the placeholders each may use."""

from __future__ import annotations

from enum import StrEnum


class Prompt(StrEnum):
    """Every prompt the service says or sends; prompts.yaml must have each, in every language."""

    LINE_NAME = "line_name"
    WELCOME = "welcome"
    OPTION = "option"
    SAY_ALSO = "say_also"
    KEY_REPEAT = "key_repeat"
    KEY_BACK = "key_back"
    KEY_MAIN = "key_main"
    KEY_SLOWER = "key_slower"
    SORRY_KEY = "sorry_key"
    SORRY_SPEECH = "sorry_speech"
    SILENCE = "silence"
    SLOWER_ON = "slower_on"
    GOODBYE = "goodbye"
    ERROR = "error"
    BUSY_GOODBYE = "busy_goodbye"
    SMS_MENU = "sms_menu"
    SMS_OPTION = "sms_option"
    SMS_MORE = "sms_more"
    SMS_END = "sms_end"
    SMS_NOT_UNDERSTOOD = "sms_not_understood"
    SMS_NO_MORE = "sms_no_more"
    SMS_HELP = "sms_help"
    SMS_HELP_PHONE = "sms_help_phone"
    SMS_RESUBSCRIBED = "sms_resubscribed"
    SMS_ERROR = "sms_error"
    SMS_SLOW_DOWN = "sms_slow_down"


# The {placeholders} each prompt may use; the service fills them in.
PROMPT_FIELDS: dict[Prompt, tuple[str, ...]] = {
    Prompt.OPTION: ("label", "key"),
    Prompt.KEY_REPEAT: ("key",),
    Prompt.KEY_BACK: ("key",),
    Prompt.KEY_MAIN: ("key",),
    Prompt.KEY_SLOWER: ("key",),
    Prompt.SMS_MENU: ("intro", "options"),
    Prompt.SMS_OPTION: ("key", "title"),
    Prompt.SMS_HELP: ("line_name", "phone"),
    Prompt.SMS_HELP_PHONE: ("phone",),
}


def placeholders(prompt: Prompt) -> tuple[str, ...]:
    """The placeholders a prompt may use (none for most)."""
    return PROMPT_FIELDS.get(prompt, ())


def is_sms(prompt: Prompt) -> bool:
    """Whether a prompt is sent by text, so it must keep to the plain SMS alphabet."""
    return prompt.value.startswith("sms_")
