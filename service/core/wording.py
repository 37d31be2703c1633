"""Channel-free wording: the lines a caller hears and the message a texter reads, for a core's answer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from service.content.model import MAIN_MENU, Content, PhoneLine
from service.content.prompts import Prompt
from service.core import commands
from service.core.calls import MAX_TEXTS, Turn
from service.core.gsm import to_gsm
from service.core.hours import DAY_NAMES, OpeningHours
from service.core.parts import sentences, voice_parts
from service.core.texts import OFFER_KEY, Show, TextReply, TextState, page_order
from service.core.understand.medicines import Found
from service.core.understand.people import Reach, Status

WHATSAPP_LIMIT = 1600  # Twilio's limit for one message's body
PAGE_BREAK = "\n\n"


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


def turn_lines(content: Content, turn: Turn, helpline: str = "") -> tuple[str, ...]:
    """The lines a caller hears for one turn, in order: every spoken channel says exactly these.

    `helpline` is the operator's own number (E.164), named after the distress prompt when set.
    """
    return tuple(text for _, text in voiced_lines(content, turn, helpline))


def voiced_lines(content: Content, turn: Turn, helpline: str = "") -> tuple[tuple[str, str], ...]:
    """The turn's lines, each with the language it is said in: the call's, but for the opening's
    choice and a returning caller's offer of the other language, each said in its own."""
    if turn.choose_language:
        return language_choice(content)
    lang = turn.state.lang
    lines = tuple((lang, line) for line in _turn_lines(content, turn, helpline))
    if not turn.offer_language:
        return lines
    offer = (turn.offer_language, content.prompt(Prompt.OTHER_LANGUAGE, turn.offer_language))
    said = len(turn.notices)  # the offer follows the 911 line, before the menu
    return (*lines[:said], offer, *lines[said:])


def _turn_lines(content: Content, turn: Turn, helpline: str = "") -> tuple[str, ...]:
    """The lines of a turn in the call's own language."""
    state = turn.state
    said = notice_lines(content, turn.notices, state.lang, helpline, turn.hours, turn.reach, turn.sign)
    if turn.hangup or turn.dial or turn.dial_crisis or state.crisis:
        return said  # a crisis turn says only the Lifeline and the keys that connect
    if turn.medicine is not None:
        keys = key_lines(content, state.node, state.lang, turn.full_keys)
        return said + medicine_lines(content, turn.medicine, state.lang) + (
            said_prompt(content, Prompt.MORE, state.lang), *keys)
    script = spoken(
        content, state.node, turn.notices, state.lang, state.slow, turn.reprompt,
        part=state.part, full_keys=turn.full_keys,
        offer_person=turn.offer_person, offer_text=turn.offer_text, texts_paused=turn.texts_paused,
        welcome=turn.welcome, advise=turn.advise,
    )
    return said + script.body + script.choices


def medicine_lines(content: Content, found: Found, lang: str) -> tuple[str, ...]:
    """A named medicine as said: what to do now (an urgent side effect), what it is, its kind's words,
    and to ask the care team about side effects (when the caller named one)."""
    kind = content.medicines.classes[found.kind] if content.medicines else None
    if kind is None:
        return ()
    text = kind.texts[lang]
    name = content.prompt(Prompt.MEDICINE_NAME if found.other else Prompt.MEDICINE_ALONE, lang,
                          medicine=found.name, other=found.other)
    lines = [_sentence(content.prompt(Prompt.MEDICINE_IS, lang, medicine=name, what=text.what)), text.voice]
    if found.urgent:
        lines.insert(0, said_prompt(content, Prompt.URGENT_NOW, lang))
    if found.side_effects or found.urgent:
        lines.append(said_prompt(content, Prompt.SIDE_EFFECTS, lang))
    return tuple(lines)


def sms_medicine(content: Content, found: Found, lang: str) -> str:
    """A named medicine as one text: what to do now (an urgent side effect), what it is, to ask the
    care team about side effects (when named), its kind's page (unless urgent), and MORE."""
    kind = content.medicines.classes[found.kind] if content.medicines else None
    if kind is None:
        return ""
    text = kind.texts[lang]
    name = content.prompt(Prompt.SMS_MEDICINE_NAME if found.other else Prompt.MEDICINE_ALONE, lang,
                          medicine=found.name, other=found.other)
    said = [_sentence(content.prompt(Prompt.SMS_MEDICINE_IS, lang, medicine=name, what=text.what))]
    if found.urgent:  # what to do now says to call the care team: the kind's page waits for MORE
        said.insert(0, content.prompt(Prompt.SMS_URGENT, lang))
    else:
        said += [content.prompt(Prompt.SIDE_EFFECTS, lang)] if found.side_effects else []
        said.append(text.sms)
    said.append(content.prompt(Prompt.SMS_MORE, lang))
    return " ".join(" ".join(said).split())


def _sentence(line: str) -> str:
    """A generic name would open the sentence in lower case ("tamoxifen is...")."""
    return line[:1].upper() + line[1:]


def language_choice(content: Content) -> tuple[tuple[str, str], ...]:
    """The opening's choice, one line per language, each to be said in its own language."""
    return tuple((lang, content.prompt(Prompt.LANGUAGE_CHOICE, lang)) for lang in content.languages)


def key_values() -> dict[Prompt, dict[str, str]]:
    """The keys each key-naming prompt is said with: one place, so every line is the same text."""
    keys = {"repeat": commands.REPEAT, "back": commands.BACK, "main": commands.MAIN}
    return {
        Prompt.SLOWER_ON: {"key": commands.SLOWER},
        Prompt.MORE: {"key": commands.MORE},
        Prompt.KEYS_FULL: {**keys, "slower": commands.SLOWER},
        Prompt.KEYS_SHORT: keys,
        Prompt.KEYS_SHORT_MAIN: {"repeat": commands.REPEAT},
        Prompt.PERSON_KEY: {"key": commands.PERSON},
        Prompt.TEXT_KEY: {"key": commands.TEXT_ME},
        Prompt.TEXT_LIMIT: {"limit": str(MAX_TEXTS)},
        Prompt.CRISIS_CONNECT: {"key": commands.CRISIS_LINE},
        Prompt.CRISIS_HELPLINE: {"key": commands.PERSON},
    }


def said_prompt(content: Content, name: Prompt, lang: str) -> str:
    """A spoken prompt as the phone says it, with the keys it names filled in."""
    return content.prompt(name, lang, **key_values().get(name, {}))


# Notices after which "you can also call our helpline" would be wrong: it is closed or did not answer.
HELPLINE_UNREACHED = (Prompt.PERSON_NO_ANSWER, Prompt.PERSON_CLOSED)


def notice_lines(
    content: Content, notices: tuple[Prompt, ...], lang: str, helpline: str = "",
    hours: OpeningHours | None = None, reach: tuple[Reach, ...] = (), sign: str = "",
) -> tuple[str, ...]:
    """The prompts said first; the distress prompt is followed by the operator's helpline, if any.

    The urgent line is the emergency sign's own sentence when the turn names a known sign.
    """
    lines: list[str] = []
    unreached = any(name in HELPLINE_UNREACHED for name in notices)
    for name in notices:
        if name is Prompt.PERSON_CLOSED:
            lines.append(closed_line(content, hours, lang))
        elif name is Prompt.DISTRESS:
            lines.append(content.prompt(name, lang, lines=phone_list(content, reach, lang, spoken=True)))
        elif name is Prompt.URGENT_NOW and sign_says(content, sign, lang):
            lines.append(sign_says(content, sign, lang))
        else:
            lines.append(said_prompt(content, name, lang))
        if name is Prompt.DISTRESS and helpline and not unreached:
            lines.append(content.prompt(Prompt.DISTRESS_HELPLINE, lang, phone=phone_words(helpline)))
    return tuple(lines)


def closed_line(content: Content, hours: OpeningHours | None, lang: str) -> str:
    """When the helpline is open, with the place whose clock the hours keep ("New York time")."""
    place = hours.zone.rsplit("/", 1)[-1].replace("_", " ") if hours else ""
    said = hours.describe(lang) if hours else ""
    return content.prompt(Prompt.PERSON_CLOSED, lang, hours=said, place=place)


def call_text_pages(content: Content, topic_id: str, lang: str) -> list[str]:
    """A topic's text pages for "text me this": all sent at once, so only the last says what next."""
    pages = content.topic_text(topic_id, lang).sms
    last = len(pages) - 1
    said = [sms_page(content, topic_id, i, lang) if i == last else page for i, page in enumerate(pages)]
    return [to_gsm(page) for page in said]


def spoken(
    content: Content, node: str, notices: tuple[Prompt, ...], lang: str, slow: bool,
    reprompt: bool = False, part: int = 0, full_keys: bool = False,
    offer_person: bool = False, offer_text: bool = False, texts_paused: bool = False,
    welcome: bool = False, advise: bool = False,
) -> Spoken:
    """The spoken script for a node; a re-prompt after a topic skips the topic's long text.

    A menu says its choices first and its intro after them, so a caller who knows the way presses
    at once; the call's first main menu names the line after its choices (`welcome`). A topic is
    said one part (about 30 seconds) at a time, with "to hear more, press 1" after a part that has
    more, and "information, not medical advice" after it the first time in a call (`advise`). The
    fixed keys are said in full once (`full_keys`), then briefly.
    """
    said = notice_lines(content, notices, lang)
    if content.is_menu(node):
        intro = content.menu_text(node, lang).intro
        body: tuple[str, ...] = ()
        options = option_lines(content, node, lang)
        if offer_person:
            options += (said_prompt(content, Prompt.PERSON_KEY, lang),)
        options += (intro,) if intro else ()
        options += (content.prompt(Prompt.WELCOME, lang),) if welcome and node == MAIN_MENU else ()
        if node == MAIN_MENU:
            options += (content.prompt(Prompt.SAY_ALSO, lang),)
    else:
        parts = voice_parts(content.topic_text(node, lang).voice)
        part = min(max(part, 0), len(parts) - 1)
        text = parts[part]
        if Prompt.URGENT_NOW in notices and part == 0:
            text = without_opening_advice(text)  # said just before, in the urgent line
        body = () if reprompt or not text else (text,)
        more = part + 1 < len(parts)
        options = (content.prompt(Prompt.NOT_ADVICE, lang),) if advise and body else ()
        options += (said_prompt(content, Prompt.MORE, lang),) if more else ()
        if offer_text and body:
            options += (said_prompt(content, Prompt.TEXT_KEY, lang),)
        elif texts_paused and body:
            options += (said_prompt(content, Prompt.TEXT_PAUSED, lang),)
    return Spoken(said, body, options + key_lines(content, node, lang, full_keys))


def option_lines(content: Content, menu_id: str, lang: str) -> tuple[str, ...]:
    """A menu's choices as said: the first names its key in full ("For bones, press 1"), the rest
    only their key ("Lungs, 2"), so each choice comes sooner once the caller has the pattern."""
    return tuple(
        _sentence(content.prompt(Prompt.OPTION_NEXT if i else Prompt.OPTION, lang,
                                 label=content.label(option.target, lang), key=option.key))
        for i, option in enumerate(content.menus[menu_id].options)
    )


# A topic's own opening safety line ("If this may be an emergency, call 911 now. If not, ..."), in
# English and Spanish. Only that line: a topic that starts with its own signs and what to do about
# them (the urgent-signs topic) is said whole.
_OPENING_ADVICE = re.compile(
    r"^(?:if (?:this|it) (?:may be|is) an emergency|if not,"
    r"|si (?:esto )?(?:puede ser|es) una emergencia|si no,)",
    re.IGNORECASE,
)


def without_opening_advice(text: str) -> str:
    """A topic part without its opening when-to-call sentences, when the urgent line was just said.

    Hearing "call your care team right away" and then "call your care team today" at once would
    confuse: after the urgent line, the topic starts at its first sentence of facts.
    """
    said = sentences(text)
    while said and _OPENING_ADVICE.search(said[0]):
        said = said[1:]
    return " ".join(said)


def topic_parts(content: Content, node: str, lang: str) -> tuple[str, ...]:
    """A topic's spoken parts, as the phone says them."""
    return voice_parts(content.topic_text(node, lang).voice)


def key_lines(content: Content, node: str, lang: str, full: bool = False) -> tuple[str, ...]:
    """The fixed keys: in full once early in a call, then a short reminder (back means nothing on main)."""
    if full:
        return (said_prompt(content, Prompt.KEYS_FULL, lang),)
    name = Prompt.KEYS_SHORT_MAIN if node == MAIN_MENU else Prompt.KEYS_SHORT
    return (said_prompt(content, name, lang),)


# The words each kind of line is named with: said on a call, and written in a text.
_LINE_PROMPTS = {
    True: {Status.ALWAYS: Prompt.LINE_ALWAYS, Status.OPEN: Prompt.LINE_OPEN,
           Status.CLOSED: Prompt.LINE_CLOSED, Status.UNKNOWN: Prompt.LINE_CALL},
    False: {Status.ALWAYS: Prompt.SMS_LINE_ALWAYS, Status.OPEN: Prompt.SMS_LINE_OPEN,
            Status.CLOSED: Prompt.SMS_LINE_CLOSED, Status.UNKNOWN: Prompt.SMS_LINE_CALL},
}
_OPENS = {0: Prompt.OPENS_TODAY, 1: Prompt.OPENS_TOMORROW}


def phone_list(content: Content, reach: tuple[Reach, ...], lang: str, spoken: bool) -> str:
    """The person answer's numbers, in the order given: open now first, then when the others open.

    Without a clock (`reach` empty) every line is named in the file's order, without its hours.
    """
    lines = {line.id: line for line in content.phones}
    reach = reach or tuple(
        Reach(line.id, Status.ALWAYS if line.always else Status.UNKNOWN) for line in content.phones
    )
    said = []
    for one in reach:
        line = lines[one.line]
        text = line.texts[lang]
        number = (text.spoken or phone_words(line.number)) if spoken else written_number(line, lang)
        when = _opens(content, one, text.zone, lang) if one.status is Status.CLOSED else ""
        who = text.name if spoken else text.short
        name = _LINE_PROMPTS[spoken][one.status]
        said.append(content.prompt(name, lang, who=who, number=number, when=when))
    return (" " if spoken else "").join(said)


def _opens(content: Content, reach: Reach, zone: str, lang: str) -> str:
    """When a closed line opens: "tomorrow at 8 a.m., Eastern time"."""
    time = clock(content, reach.opens or dt.time(), lang)
    name = _OPENS.get(reach.days_away, Prompt.OPENS_ON)
    day = DAY_NAMES.get(lang, DAY_NAMES["en"])[reach.weekday]
    return content.prompt(name, lang, day=day, time=time, zone=zone)


def clock(content: Content, time: dt.time, lang: str) -> str:
    """A time of day as people say it: 8 a.m., 12:30 p.m."""
    hour = time.hour % 12 or 12
    said = f"{hour}:{time.minute:02d}" if time.minute else str(hour)
    return content.prompt(Prompt.CLOCK_PM if time.hour >= 12 else Prompt.CLOCK_AM, lang, time=said)


def written_number(line: PhoneLine, lang: str) -> str:
    """A line's number as a text shows it: in the language's own form ("988, oprima 2"), else the
    line's, else as people read it."""
    return line.texts[lang].written or line.written or phone_words(line.number)


def phone_words(e164: str) -> str:
    """A phone number as people read and hear it: +18005550100 is 1-800-555-0100."""
    digits = e164.lstrip("+")
    if e164.startswith("+1") and len(digits) == 11 and digits.isdigit():
        return f"1-{digits[1:4]}-{digits[4:7]}-{digits[7:]}"
    return e164


# Replies that are one prompt, whatever the state.
_SAID_IN_ONE_PROMPT = {Show.CLOSE: Prompt.SMS_CLOSE, Show.BYE: Prompt.SMS_BYE, Show.GLAD: Prompt.SMS_GLAD,
                       Show.PRIVACY: Prompt.SMS_PRIVACY, Show.HOW_GIVEN: Prompt.SMS_HOW_GIVEN,
                       Show.WAIT: Prompt.SMS_TAKE_YOUR_TIME, Show.AFTER_CRISIS: Prompt.SMS_AFTER_CRISIS}


def text_message(content: Content, reply: TextReply, phone: str = "", helpline: str = "") -> str:
    """The one message a texter is sent for a reply.

    `phone` is the number HELP offers for calls; `helpline` the operator's own (E.164), if any.
    """
    state = reply.state
    notice = "".join(content.prompt(name, state.lang) for name in reply.notices)
    if reply.show is Show.MENU:
        person = sms_person(content, state.lang, helpline, reply.reach) if reply.person else ""
        return sms_menu(content, state.menu, state.lang, notice, reply.intro) + person
    if reply.show is Show.PAGE:
        return sms_page(content, state.topic, state.page, state.lang, notice, state.first)
    if reply.show is Show.HELP:
        return sms_help(content, state.lang, phone)
    if reply.show in _SAID_IN_ONE_PROMPT:
        return sms_prompt(content, _SAID_IN_ONE_PROMPT[reply.show], state.lang)
    if reply.show is Show.MEDICINE and reply.medicine is not None:
        return sms_medicine(content, reply.medicine, state.lang)
    if reply.show in (Show.CRISIS, Show.URGENT, Show.DISTRESS):
        said = sms_triage(content, reply.show, state.offer, state.lang, helpline, reply.reach, reply.sign)
        return notice + said if reply.show is Show.DISTRESS else said  # "this line answers by itself"
    if reply.show is Show.MEDIA:
        return sms_prompt(content, Prompt.SMS_MEDIA, state.lang) + _call_us(content, state.lang, phone)
    name = Prompt.SMS_RESUBSCRIBED if reply.show is Show.RESUBSCRIBED else Prompt.SMS_ERROR
    return sms_prompt(content, name, state.lang)


def whatsapp_message(content: Content, reply: TextReply, phone: str = "", helpline: str = "") -> str:
    """The one WhatsApp message for a reply: a topic whole (as much as fits WHATSAPP_LIMIT), else as SMS."""
    if reply.show is not Show.PAGE:
        return text_message(content, reply, phone, helpline)
    state = reply.state
    notice = "".join(content.prompt(name, state.lang) for name in reply.notices)
    pages = content.topic_text(state.topic, state.lang).sms
    run = topic_run(content, state, notice)
    order = page_order(len(pages), state.first)
    hint = Prompt.SMS_END if order.index(run[-1]) + 1 >= len(order) else Prompt.SMS_MORE
    return f"{notice}{PAGE_BREAK.join(pages[p] for p in run)} {content.prompt(hint, state.lang)}"


def topic_run(content: Content, state: TextState, notice: str = "") -> list[int]:
    """The pages one WhatsApp message carries from the state's page on, in the order MORE sends them."""
    pages = content.topic_text(state.topic, state.lang).sms
    order = page_order(len(pages), state.first)
    rest = order[order.index(state.page):] if state.page in order else order
    hints = (content.prompt(name, state.lang) for name in (Prompt.SMS_MORE, Prompt.SMS_END))
    size = len(notice) + 1 + max(len(hint) for hint in hints)
    run: list[int] = []
    for page in rest:
        size += len(pages[page]) + (len(PAGE_BREAK) if run else 0)
        if run and size > WHATSAPP_LIMIT:
            break
        run.append(page)
    return run


def sms_menu(content: Content, menu_id: str, lang: str, notice: str = "", with_intro: bool = True) -> str:
    """A menu as one text message: optional notice and intro, then numbered choices."""
    menu = content.menus[menu_id]
    intro = content.menu_text(menu_id, lang).intro if with_intro else ""
    options = "\n".join(
        content.prompt(Prompt.SMS_OPTION, lang, key=o.key, title=content.title(o.target, lang))
        for o in menu.options
    )
    body = content.prompt(Prompt.SMS_MENU, lang, intro=f"{intro}\n" if intro else "", options=options)
    return notice + body


def sms_page(
    content: Content, topic_id: str, page: int, lang: str, notice: str = "", first: int = 0
) -> str:
    """One page of a topic as a text message, with the hint for MORE or MENU.

    `first` is the page sent first (where the texter's keyword was); MORE sends the others after it.
    """
    pages = content.topic_text(topic_id, lang).sms
    order = page_order(len(pages), first)
    last = page not in order or order.index(page) + 1 >= len(order)
    hint = Prompt.SMS_END if last else Prompt.SMS_MORE
    return f"{notice}{pages[page]} {content.prompt(hint, lang)}"


def sms_triage(
    content: Content, show: Show, offer: str, lang: str, helpline: str = "", reach: tuple[Reach, ...] = (),
    sign: str = "",
) -> str:
    """The Lifeline (crisis), what to do now (urgent: the sign's own sentence when known) or how to
    reach a person (distress), then "Reply 1 for <topic>"."""
    if show is Show.CRISIS:
        return sms_prompt(content, Prompt.SMS_CRISIS, lang)
    if show is Show.URGENT:
        first = sign_says(content, sign, lang) or content.prompt(Prompt.SMS_URGENT, lang)
    else:
        extra = content.prompt(Prompt.SMS_HELPLINE, lang, phone=phone_words(helpline)) if helpline else ""
        lines = phone_list(content, reach, lang, spoken=False)
        first = content.prompt(Prompt.SMS_DISTRESS, lang, helpline=extra, lines=lines)
    then = ""
    if offer:
        then = content.prompt(Prompt.SMS_OFFER, lang, key=OFFER_KEY, title=content.title(offer, lang))
    return " ".join(f"{first}{then}".split())


def sign_says(content: Content, sign: str, lang: str) -> str:
    """An emergency sign's what-to-do-now sentence (content/signs.yaml), or "" for no known sign."""
    known = {s.id: s for s in content.signs}
    return known[sign].says.get(lang, "") if sign in known else ""


def sms_person(content: Content, lang: str, helpline: str = "", reach: tuple[Reach, ...] = ()) -> str:
    """How to reach a person (and 911), ending a reply to a text the line could not match: the
    operator's helpline, else the first public number answering now."""
    if helpline:
        return content.prompt(Prompt.SMS_PERSON_HELPLINE, lang, phone=phone_words(helpline))
    lines = {line.id: line for line in content.phones}
    first = lines[reach[0].line] if reach else next(iter(content.phones), None)
    number = written_number(first, lang) if first else ""
    return content.prompt(Prompt.SMS_PERSON, lang, number=number)


def sms_help(content: Content, lang: str, phone: str = "") -> str:
    """The HELP reply: the line's name, what to text, how to stop, where to call."""
    line_name = content.prompt(Prompt.LINE_NAME, lang)
    said = _call_us(content, lang, phone)
    return " ".join(content.prompt(Prompt.SMS_HELP, lang, line_name=line_name, phone=said).split())


def _call_us(content: Content, lang: str, phone: str) -> str:
    """"To hear this by phone, call 1-555-555-0199." as people read a number, or "" with none."""
    return content.prompt(Prompt.SMS_HELP_PHONE, lang, phone=phone_words(phone)) if phone else ""


def sms_prompt(content: Content, name: Prompt, lang: str) -> str:
    """A one-line SMS prompt (confirmation, apology), its YAML line breaks folded."""
    return " ".join(content.prompt(name, lang).split())
