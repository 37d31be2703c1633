"""What the line counts, and how one call turn or text reply becomes counts.

Counts carry only fixed words (event, channel, language, content id) and a day: never a phone
number, a call id, or anything a person typed or said. Channel-free: it reads the core's values.
"""

from __future__ import annotations

import re
from enum import StrEnum

from service.content.model import Content
from service.content.prompts import Prompt
from service.core.calls import CallState, Turn
from service.core.texts import Show, TextReply, not_found
from service.store.base import CountKey

VOICE = "voice"
SMS = "sms"
WHATSAPP = "whatsapp"
UNKNOWN = "?"
_LABEL = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_ERROR_CODE = re.compile(r"[0-9]{5}")  # Twilio's error codes, the node of a failed text
_LANG = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")


class Event(StrEnum):
    """Everything counted; the report names each in plain words (`service.usage.report.EVENT_WORDS`)."""

    CALL = "call"                   # a call came in
    CALL_SECONDS = "call_seconds"   # seconds of calls that ended (Twilio's call-status callback)
    TEXT = "text"                   # a text answered (opt-out words are counted apart)
    TOPIC = "topic"                 # a topic heard from its start, or its first page read
    MORE = "more"                   # a further page of a topic read (MORE)
    MENU = "menu"                   # a menu reached
    HELP = "help"                   # HELP or INFO texted
    WRONG_KEY = "wrong_key"         # a key that is not a choice in that menu
    NOT_MATCHED = "not_matched"     # words said or texted that matched no topic
    SILENCE = "silence"             # a menu or topic met with silence
    TIMED_OUT = "timed_out"         # the line said goodbye after three silences in a row
    HANG_UP = "hang_up"             # the caller hung up here (from the call-status callback)
    OPT_OUT = "opt_out"             # STOP and the other stop words
    OPT_IN = "opt_in"               # START, YES or UNSTOP after a stop
    URGENT = "urgent"               # an urgent answer given (emergency signs: call 911 now)
    PERSON = "person"               # a caller put through to the operator's helpline (key 6)
    TEXT_ME = "text_me"             # a topic texted to a caller's phone from a call (key 2)
    SENT = "sent"                   # a text the line sent on its own (text me this), taken by Twilio
    DELIVERED = "delivered"         # ... and delivered to the phone (Twilio's status callback)
    FAILED = "failed"               # ... and not delivered; the node is Twilio's error code


DELIVERY_EVENTS = (Event.SENT, Event.DELIVERED, Event.FAILED)

def count_key(
    event: str, channel: str, lang: str = "", node: str = "", content: Content | None = None
) -> CountKey:
    """The stored labels; anything not a known word or content id becomes "?", so no free text is kept."""
    event = event if event in Event._value2member_map_ else UNKNOWN
    channel = channel if _LABEL.fullmatch(channel) else UNKNOWN
    lang = lang if not lang or _LANG.fullmatch(lang) else UNKNOWN
    if event == Event.FAILED:
        return (str(event), channel, lang, node if not node or _ERROR_CODE.fullmatch(node) else UNKNOWN)
    if node and content is not None and node not in content.topics and node not in content.menus:
        node = UNKNOWN
    elif node and not _LABEL.fullmatch(node):
        node = UNKNOWN
    return (str(event), channel, lang, node)


def call_events(before: CallState | None, turn: Turn, content: Content) -> list[tuple[Event, str]]:
    """The counts one call turn makes: (event, node); `before` is None for a new call."""
    events: list[tuple[Event, str]] = [] if before is not None else [(Event.CALL, "")]
    node = turn.node
    if Prompt.SORRY_KEY in turn.notices:
        events.append((Event.WRONG_KEY, node))
    if Prompt.SORRY_SPEECH in turn.notices:
        events.append((Event.NOT_MATCHED, node))
    if Prompt.SILENCE in turn.notices or (turn.hangup and Prompt.GOODBYE in turn.notices):
        events.append((Event.SILENCE, node))
    if turn.dial:
        events.append((Event.PERSON, ""))
    if Prompt.TEXT_SENT in turn.notices:
        events.append((Event.TEXT_ME, node))
    if turn.hangup:
        events.append((Event.TIMED_OUT, node))
    elif not turn.reprompt and (before is None or before.node != node):
        events.append((Event.MENU if content.is_menu(node) else Event.TOPIC, node))
    return events


def text_events(reply: TextReply) -> list[tuple[Event, str]]:
    """The counts one text reply makes: (event, node)."""
    events: list[tuple[Event, str]] = [(Event.TEXT, "")]
    state = reply.state
    if reply.show is Show.PAGE:
        events.append((Event.TOPIC if state.page == 0 else Event.MORE, state.topic))
    elif reply.show in (Show.HELP, Show.PRIVACY):
        events.append((Event.HELP, ""))
    elif reply.show is Show.MENU:
        if not_found(reply):
            events.append((Event.NOT_MATCHED, ""))
        else:
            events.append((Event.MENU, state.menu))
    return events
