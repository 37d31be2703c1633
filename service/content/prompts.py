"""The names of the line's own words in prompts.yaml, and the placeholders each may use."""

from __future__ import annotations

from enum import StrEnum


class Prompt(StrEnum):
    """Every prompt the service says or sends; prompts.yaml must have each, in every language."""

    LINE_NAME = "line_name"
    EMERGENCY = "emergency"
    WELCOME = "welcome"
    NOT_ADVICE = "not_advice"
    OTHER_LANGUAGE = "other_language"
    OPTION = "option"
    OPTION_NEXT = "option_next"
    SAY_ALSO = "say_also"
    KEYS_FULL = "keys_full"
    KEYS_SHORT = "keys_short"
    KEYS_SHORT_MAIN = "keys_short_main"
    MORE = "more"
    SORRY_KEY = "sorry_key"
    SORRY_SPEECH = "sorry_speech"
    NO_ANSWER_SPEECH = "no_answer_speech"
    SILENCE = "silence"
    SLOWER_ON = "slower_on"
    SLOWER_OFF = "slower_off"
    TOPIC_END = "topic_end"
    TAKE_YOUR_TIME = "take_your_time"
    URGENT_NOW = "urgent_now"
    CRISIS = "crisis"
    CRISIS_CONNECT = "crisis_connect"
    CRISIS_HELPLINE = "crisis_helpline"
    CRISIS_CONNECTING = "crisis_connecting"
    DISTRESS = "distress"
    DISTRESS_HELPLINE = "distress_helpline"
    GOODBYE = "goodbye"
    ERROR = "error"
    LANGUAGE_CHOICE = "language_choice"
    BUSY_GOODBYE = "busy_goodbye"
    SMS_MENU = "sms_menu"
    SMS_OPTION = "sms_option"
    SMS_MORE = "sms_more"
    SMS_END = "sms_end"
    SMS_NOT_UNDERSTOOD = "sms_not_understood"
    SMS_NO_ANSWER = "sms_no_answer"  # a question heard in full that no topic answers
    SMS_UNKNOWN_MEDICINE = "sms_unknown_medicine"
    SMS_PERSON = "sms_person"
    SMS_PERSON_HELPLINE = "sms_person_helpline"
    SMS_URGENT = "sms_urgent"
    SMS_CRISIS = "sms_crisis"
    SMS_DISTRESS = "sms_distress"
    SMS_HELPLINE = "sms_helpline"
    SMS_OFFER = "sms_offer"
    SMS_NO_MORE = "sms_no_more"
    SMS_HELP = "sms_help"
    SMS_HELP_PHONE = "sms_help_phone"
    SMS_RESUBSCRIBED = "sms_resubscribed"
    SMS_ERROR = "sms_error"
    SMS_MEDIA = "sms_media"  # a picture, voice note or place with no words
    SMS_OPTED_OUT = "sms_opted_out"
    SMS_OPTED_OUT_CRISIS = "sms_opted_out_crisis"  # STOP with words of suicide: the Lifeline first
    # Talking menu (flask talk, at a computer): its own words, and where they differ from a call's.
    TALK_EMERGENCY = "talk_emergency"
    TALK_LANGUAGE_CHOICE = "talk_language_choice"
    TALK_WELCOME = "talk_welcome"
    TALK_KEYS = "talk_keys"
    TALK_SAY_ALSO = "talk_say_also"
    TALK_KEYS_FULL = "talk_keys_full"
    TALK_SILENCE = "talk_silence"
    TALK_GOODBYE = "talk_goodbye"
    TALK_ENTRY = "talk_entry"
    TALK_BYE = "talk_bye"  # the last line shown, in the language the session ended in
    TALK_SLOWER = "talk_slower"
    TALK_FASTER = "talk_faster"
    TALK_NORMAL_SPEED = "talk_normal_speed"
    TALK_SLOWEST = "talk_slowest"
    TALK_FASTEST = "talk_fastest"
    TALK_LOUDER = "talk_louder"
    TALK_SOFTER = "talk_softer"
    TALK_LOUDEST = "talk_loudest"
    TALK_SOFTEST = "talk_softest"
    SMS_SLOW_DOWN = "sms_slow_down"
    # A person to talk to (HELPLINE_PHONE) and "text me this" (Twilio account settings): phone only.
    PERSON_KEY = "person_key"
    PERSON_CONNECTING = "person_connecting"
    PERSON_THANKS = "person_thanks"
    PERSON_NO_ANSWER = "person_no_answer"
    PERSON_CLOSED = "person_closed"
    TEXT_KEY = "text_key"
    TEXT_SENT = "text_sent"
    TEXT_FAILED = "text_failed"
    TEXT_OPTED_OUT = "text_opted_out"
    TEXT_LIMIT = "text_limit"
    TEXT_PAUSED = "text_paused"
    TEXT_NOT_NOW = "text_not_now"
    TEXT_NOT_THIS_PHONE = "text_not_this_phone"
    TEXT_AFTER_TOPIC = "text_after_topic"  # "text me this" at a menu: a topic can be texted once heard
    TEXT_OFF = "text_off"  # "text me this" where the operator has not set up texts
    # The person answer's phone numbers (phones.yaml), each named by whether it is open now.
    LINE_ALWAYS = "line_always"
    LINE_OPEN = "line_open"
    LINE_CLOSED = "line_closed"
    LINE_CALL = "line_call"
    SMS_LINE_ALWAYS = "sms_line_always"
    SMS_LINE_OPEN = "sms_line_open"
    SMS_LINE_CLOSED = "sms_line_closed"
    SMS_LINE_CALL = "sms_line_call"
    OPENS_TODAY = "opens_today"
    OPENS_TOMORROW = "opens_tomorrow"
    OPENS_ON = "opens_on"
    CLOCK_AM = "clock_am"
    CLOCK_PM = "clock_pm"
    # Thanks and goodbye: a kind close (on a call, goodbye ends it).
    CLOSE = "close"
    GLAD = "glad"
    CLOSE_GOODBYE = "close_goodbye"
    SMS_CLOSE = "sms_close"
    SMS_BYE = "sms_bye"
    SMS_TAKE_YOUR_TIME = "sms_take_your_time"
    SMS_AFTER_CRISIS = "sms_after_crisis"
    # Asked after a treatment how it is given, how often or for how long: the care team plans it.
    HOW_GIVEN = "how_given"
    SMS_HOW_GIVEN = "sms_how_given"
    SMS_GLAD = "sms_glad"
    # Asked whether the line is a person or a machine ("are you a bot"): it answers by itself; then
    # how to reach a person.
    AUTOMATED = "automated"
    SMS_AUTOMATED = "sms_automated"
    # Asked whether the line is private: what it keeps, and what it does not.
    PRIVACY = "privacy"
    SMS_PRIVACY = "sms_privacy"
    # A medicine named (medicines.yaml): "Kisqali (ribociclib) is a CDK4/6 inhibitor, ..."
    MEDICINE_NAME = "medicine_name"
    MEDICINE_ALONE = "medicine_alone"
    MEDICINE_IS = "medicine_is"
    SIDE_EFFECTS = "side_effects"
    SMS_MEDICINE_NAME = "sms_medicine_name"
    SMS_MEDICINE_IS = "sms_medicine_is"


# The {placeholders} each prompt may use; the service fills them in.
PROMPT_FIELDS: dict[Prompt, tuple[str, ...]] = {
    Prompt.OPTION: ("label", "key"),
    Prompt.OPTION_NEXT: ("label", "key"),
    Prompt.KEYS_FULL: ("repeat", "back", "main", "slower"),
    Prompt.TALK_KEYS_FULL: ("repeat", "back", "main", "slower"),
    Prompt.KEYS_SHORT: ("repeat", "back", "main"),
    Prompt.KEYS_SHORT_MAIN: ("repeat",),
    Prompt.MORE: ("key",),
    Prompt.SLOWER_ON: ("key",),
    Prompt.DISTRESS_HELPLINE: ("phone",),
    Prompt.CRISIS_CONNECT: ("key",),
    Prompt.CRISIS_HELPLINE: ("key",),
    Prompt.SMS_PERSON_HELPLINE: ("phone",),
    Prompt.SMS_DISTRESS: ("helpline", "lines"),
    Prompt.DISTRESS: ("lines",),
    Prompt.SMS_PERSON: ("number",),
    **{line: ("who", "number", "when") for line in (
        Prompt.LINE_ALWAYS, Prompt.LINE_OPEN, Prompt.LINE_CLOSED, Prompt.LINE_CALL,
        Prompt.SMS_LINE_ALWAYS, Prompt.SMS_LINE_OPEN, Prompt.SMS_LINE_CLOSED, Prompt.SMS_LINE_CALL,
    )},
    Prompt.OPENS_TODAY: ("time", "zone", "day"),
    Prompt.OPENS_TOMORROW: ("time", "zone", "day"),
    Prompt.OPENS_ON: ("time", "zone", "day"),
    Prompt.MEDICINE_NAME: ("medicine", "other"),
    Prompt.MEDICINE_ALONE: ("medicine", "other"),
    Prompt.SMS_MEDICINE_NAME: ("medicine", "other"),
    Prompt.MEDICINE_IS: ("medicine", "what"),
    Prompt.SMS_MEDICINE_IS: ("medicine", "what"),
    Prompt.CLOCK_AM: ("time",),
    Prompt.CLOCK_PM: ("time",),
    Prompt.SMS_HELPLINE: ("phone",),
    Prompt.SMS_OFFER: ("key", "title"),
    Prompt.SMS_MENU: ("intro", "options"),
    Prompt.SMS_OPTION: ("key", "title"),
    Prompt.SMS_HELP: ("line_name", "phone"),
    Prompt.SMS_HELP_PHONE: ("phone",),
    Prompt.PERSON_KEY: ("key",),
    Prompt.PERSON_CLOSED: ("hours", "place"),
    Prompt.TEXT_KEY: ("key",),
    Prompt.TEXT_LIMIT: ("limit",),
}


# The talking menu says these in place of a call's words: at a computer there is nothing to hang up,
# no key 7, and words are typed, not said.
TALK_IN_PLACE_OF: dict[Prompt, Prompt] = {
    Prompt.EMERGENCY: Prompt.TALK_EMERGENCY,
    Prompt.LANGUAGE_CHOICE: Prompt.TALK_LANGUAGE_CHOICE,
    Prompt.WELCOME: Prompt.TALK_WELCOME,
    Prompt.SAY_ALSO: Prompt.TALK_SAY_ALSO,
    Prompt.KEYS_FULL: Prompt.TALK_KEYS_FULL,
    Prompt.SILENCE: Prompt.TALK_SILENCE,
    Prompt.GOODBYE: Prompt.TALK_GOODBYE,
}


def placeholders(prompt: Prompt) -> tuple[str, ...]:
    """The placeholders a prompt may use (none for most)."""
    return PROMPT_FIELDS.get(prompt, ())


def is_sms(prompt: Prompt) -> bool:
    """Whether a prompt is sent by text, so it must keep to the plain SMS alphabet."""
    return prompt.value.startswith("sms_")
