"""The phone line: Twilio voice webhooks rendered as TwiML over the navigation core."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from flask import Blueprint, Response, request, url_for
from twilio.twiml.voice_response import Say, VoiceResponse

from service.content.model import SPANISH, Medicines
from service.core import wording
from service.core.calls import OPENING, CallState, Turn
from service.core.commands import LANGUAGE_WORDS, SPOKEN_COMMANDS, SPOKEN_PERSON, SPOKEN_TEXT_ME
from service.web.ops import metrics
from service.web.runtime import Runtime, runtime, sender_id
from service.web.twilio import sends
from service.web.twilio.once import clean_id, once, save_with_answer
from service.web.twilio.ratelimit import CALL_COUNTS, limit_calls
from service.web.twilio.signature import twilio_signed
from service.web.twilio.twiml import last_resort, twiml_response
from service.web.webhooks import textme, usage
from service.web.webhooks.audio import audio_url

log = logging.getLogger(__name__)
bp = Blueprint("voice", __name__, url_prefix="/voice")
GATHER_TIMEOUT_SECONDS = 6
LANGUAGE_TIMEOUT_SECONDS = 4  # the opening's language choice: no key soon means English
MAX_HINTS = 250  # Twilio takes up to 500, each under 100 characters
SLOW_RATE = "80%"
SAFETY_HINTS = ("emergency", "talk to someone", "more")  # urgent, a person, the next part of a topic
DIAL_TIMEOUT_SECONDS = 20
# The opening's language choice is the same for every call, so its place is not stored: its
# <Gather> posts to /voice/input?opening=1, a URL Twilio signs whole, so no one else can send it.
AT_OPENING = "opening"
DIAL_ANSWERED = "completed"  # DialCallStatus when the helpline picked up; anything else: no one did
# Each turn's actions carry the call's step number, so a fetch Twilio retries is known by CallSid and
# step (service.web.twilio.once). TwiML is built once per distinct turn with this mark, then numbered.
STEP = "step"
STEP_MARK = "__step__"
TOLD_PAUSED = "told_paused"  # the call heard why texts to its phone are paused
# The language a caller chose, kept under their number's keyed hash (never the number) for 90 days
# from their last call, so the next call greets them in it.
LANGUAGE_KEY = "lang:"
LANGUAGE_KEPT_SECONDS = 90 * 24 * 3600


def _delivery() -> str:
    """The delivery's name for retries: the call's start, its opening, or its numbered step."""
    call_sid = clean_id(request.values.get("CallSid", ""))
    if not call_sid:
        return ""
    if request.endpoint == "voice.incoming":
        return f"voice:{call_sid}:start"
    if request.args.get(AT_OPENING):
        return f"voice:{call_sid}:opening"
    step = clean_id(request.args.get(STEP, ""))
    return f"voice:{call_sid}:{request.endpoint}:{step}" if step else ""


@bp.route("", methods=["GET", "POST"])
@twilio_signed
@once(_delivery, CALL_COUNTS)  # the rate limits are taken with the retry record's claim
@limit_calls
def incoming() -> Response:
    """A new call: the language choice (its place rides in the signed action URL), or the welcome."""
    rt = runtime()
    try:
        sends.note_call_start(rt)
        turn = rt.calls.offered(rt.calls.start(remembered=_remembered(rt)), _now())
        answer = _numbered(render(rt, turn), 1)
        if not turn.choose_language:
            _save(rt, turn.state, step=1, answer=answer)
        usage.count_call(None, turn)
        return twiml_response(answer)
    except Exception:
        log.exception("voice: failed to answer a new call")
        return twiml_response(_recover(rt, None, 1))


@bp.route("/input", methods=["GET", "POST"])
@twilio_signed
@once(_delivery)
def gather() -> Response:
    """What the caller pressed or said, or nothing (the gather timed out)."""
    return _step(runtime(), _input_turn, "input")


@bp.route("/dialed", methods=["POST"])
@twilio_signed
@once(_delivery)
def dialed() -> Response:
    """Back from the helpline (<Dial>'s action): thanks after a talk, the public numbers if no answer."""
    rt = runtime()
    answered = request.values.get("DialCallStatus", "") == DIAL_ANSWERED
    return _step(rt, lambda state: rt.calls.dialed(state, answered, _now()), "after a dial")


def _input_turn(state: CallState) -> Turn:
    """The core's turn for a key, words or silence; a "text me this" is queued here, then reported."""
    rt = runtime()
    values = request.values
    digits = values.get("Digits", "")[:20]
    speech = values.get("SpeechResult", "")[:500]
    now = _now()
    if digits.strip():
        turn = rt.calls.press(state, digits, now)
    elif speech.strip():
        turn = rt.calls.say(state, speech, now)
    else:
        turn = rt.calls.silence(state, now)
    if turn.send_text:
        turn = rt.calls.texted(turn.state, textme.send_topic(rt, turn))
    elif turn.dial and not sends.may_dial(rt):
        turn = rt.calls.dialed(turn.state, answered=False, now=now)  # the public numbers instead
    return turn


def _step(rt: Runtime, step: Callable[[CallState], Turn], what: str) -> Response:
    """One turn of a call in progress: its place read, the core's step, saved, counted and said.

    Any fault answers the apology and the main menu, so Twilio always gets TwiML.
    """
    state: CallState | None = None
    number = 1
    try:
        key = call_key()
        saved = None if request.args.get(AT_OPENING) else rt.store.get(key)
        number = _step_number(saved) + 1
        state = OPENING if request.args.get(AT_OPENING) else CallState.from_dict(saved)
        told = bool(saved and saved.get(TOLD_PAUSED))
        turn = textme.unless_paused(rt, step(state), told)
        answer = _numbered(render(rt, turn), number)
        _save(rt, turn.state, key, number, told or turn.texts_paused, answer)
        if turn.chose_language:
            _remember(rt, turn.state.lang)
        usage.count_call(state, turn)
        metrics.count_turn("voice", turn)
        return twiml_response(answer)
    except Exception:
        log.exception("voice: failed to answer %s", what)
        return twiml_response(_recover(rt, state, number))


def _step_number(saved: dict[str, object] | None) -> int:
    """The number of the call's last answered step (0 before any)."""
    found = saved.get(STEP, 0) if saved else 0
    return found if isinstance(found, int) and found >= 0 else 0


def _numbered(twiml: str, number: int) -> str:
    """The turn's TwiML with its actions numbered for this step of the call."""
    return twiml.replace(STEP_MARK, str(number))


def render(rt: Runtime, turn: Turn) -> str:
    """TwiML for a turn, built once per distinct turn while every line is <Say> (audio off).

    With audio on, a line's recording may appear while the line runs (`flask audio render`), so
    those turns are built afresh each time.
    """
    if rt.settings.audio_enabled:
        return _build(rt, turn)
    return rt.rendered.get(("voice", turn, request.script_root), lambda: _build(rt, turn))


def _build(rt: Runtime, turn: Turn) -> str:
    """Everything inside one <Gather> so a caller can press at any time."""
    state = turn.state
    response = VoiceResponse()
    if turn.choose_language:
        return _language_choice(rt)
    lines = wording.voiced_lines(rt.content, turn, rt.settings.helpline_phone)
    if turn.hangup:
        for lang, line in lines:
            _say(rt, response, line, state.slow, lang)
        response.hangup()
        return str(response)
    dialled = rt.settings.crisis_line_phone if turn.dial_crisis else rt.settings.helpline_phone
    if (turn.dial or turn.dial_crisis) and dialled:
        for lang, line in lines:
            _say(rt, response, line, state.slow, lang)
        response.dial(
            dialled,
            timeout=DIAL_TIMEOUT_SECONDS, action=_url("voice.dialed", **{STEP: STEP_MARK}), method="POST",
        )
        return str(response)
    action = _url("voice.gather", **{STEP: STEP_MARK})
    gather_verb = response.gather(
        input="dtmf speech",
        num_digits=1,
        action=action,
        method="POST",
        timeout=GATHER_TIMEOUT_SECONDS,
        speech_timeout="auto",
        hints=", ".join(_hints(rt, state)),
        language=rt.settings.say_voice(state.lang)[1],
    )
    for lang, line in lines:
        _say(rt, gather_verb, line, state.slow, lang)
    response.redirect(action, method="POST")
    return str(response)


def _remembered(rt: Runtime) -> str | None:
    """The language this caller chose on an earlier call (kept again for 90 days), or None: a withheld
    number, no history, or a store that cannot say (the bilingual opening then, as for anyone new)."""
    if sends.withheld(request.values.get("From", "")):
        return None
    try:
        kept = rt.store.get(LANGUAGE_KEY + sender_id(rt))
        lang = kept.get("lang") if kept else None
        if lang not in rt.content.languages:
            return None
        rt.store.put(LANGUAGE_KEY + sender_id(rt), {"lang": lang}, LANGUAGE_KEPT_SECONDS)
        return str(lang)
    except Exception:
        log.exception("voice: could not read a caller's language; the bilingual opening instead")
        return None


def _remember(rt: Runtime, lang: str) -> None:
    """Keep the language the caller chose, under their number's keyed hash, for their next call."""
    if sends.withheld(request.values.get("From", "")):
        return
    try:
        rt.store.put(LANGUAGE_KEY + sender_id(rt), {"lang": lang}, LANGUAGE_KEPT_SECONDS)
    except Exception:
        log.exception("voice: could not keep the caller's language; the call goes on")


def _language_choice(rt: Runtime) -> str:
    """The opening: each language's line in its own voice, then English if no key comes."""
    response = VoiceResponse()
    action = _url("voice.gather", **{AT_OPENING: "1"})
    gather_verb = response.gather(
        input="dtmf speech", num_digits=1, action=action, method="POST",
        timeout=LANGUAGE_TIMEOUT_SECONDS, speech_timeout="auto",
        hints=", ".join(LANGUAGE_WORDS), language=rt.settings.voice_language,
    )
    for lang, line in wording.language_choice(rt.content):
        _say(rt, gather_verb, line, False, lang)
    response.redirect(action, method="POST")
    return str(response)


class _Speaks(Protocol):
    """Where a line can be spoken: the <Response> itself or a <Gather> in it (twilio's, unannotated)."""

    def play(self, url: str) -> object: ...
    def say(self, message: str | None = None, *, voice: str, language: str) -> Say: ...


def _say(rt: Runtime, parent: _Speaks, text: str, slow: bool, lang: str = "en") -> None:
    """One spoken line: its recording (slower one when asked) if audio is on and cached, else <Say>."""
    recording = audio_url(rt, text, slow)
    if recording:
        parent.play(recording)
        return
    voice, language = rt.settings.say_voice(lang)
    if slow:
        say = parent.say(voice=voice, language=language)
        say.prosody(text, rate=SLOW_RATE)
    else:
        parent.say(text, voice=voice, language=language)


def _hints(rt: Runtime, state: CallState) -> list[str]:
    """Words the recogniser should expect: this menu's choices, the commands, then every topic."""
    content = rt.content
    menu = content.menus.get(state.node)
    here = [o.target for o in menu.options] if menu else []
    hints: list[str] = []
    for node in here:
        text = content.text(node, state.lang)
        hints.append(text.title.lower())
        hints.extend(text.keywords[:3])
    hints.extend(phrases[0] for phrases in SPOKEN_COMMANDS.values())
    hints.extend(SAFETY_HINTS)
    hints.extend(LANGUAGE_WORDS)  # the other language, by its name, at any menu
    hints.append(SPOKEN_PERSON[0])  # a person, at any menu (connected when the line has a helpline)
    if rt.calls.offers.texting and state.node in content.topics:
        hints.append(SPOKEN_TEXT_ME[0])
    for node in (*content.topics, *content.menus):
        hints.append(content.text(node, state.lang).title.lower())
    hints.extend(_medicine_names(content.medicines, state.lang))  # "Kisqali", not "kiss Kali"
    return list(dict.fromkeys(h for h in hints if "," not in h))[:MAX_HINTS]


def _medicine_names(medicines: Medicines | None, lang: str) -> list[str]:
    """Each medicine's names as a caller may say them: generic (its Spanish form in Spanish) and brands,
    words apart as Twilio's hints are written ("5 FU", not "5-FU")."""
    names: list[str] = []
    for medicine in medicines.medicines if medicines else ():
        names.append(medicine.spanish if lang == SPANISH and medicine.spanish else medicine.generic)
        names.extend(medicine.brands)
    return [name.replace("-", " ") for name in names]


def _recover(rt: Runtime, state: CallState | None, number: int) -> str:
    """The apology and main menu after a fault; saving may fail too, and that is fine."""
    turn = rt.calls.recover(state, _now())
    try:
        _save(rt, turn.state, step=number)
    except Exception:
        log.exception("voice: could not save state after a fault")
    try:
        return _numbered(render(rt, turn), number)
    except Exception:
        log.exception("voice: could not even render the apology")
        return last_resort(request.path, settings=rt.settings).get_data(as_text=True)


def _now() -> datetime:
    """The time the helpline's hours are checked against."""
    return datetime.now(UTC)


def call_key() -> str:
    """The call's store key: its CallSid, letters and digits only."""
    return f"voice:{sends.call_id() or 'unknown'}"


def _save(
    rt: Runtime, state: CallState, key: str = "", step: int = 0, told: bool = False, answer: str = ""
) -> None:
    """The call's place, with the number of the step that answered it (and whether it heard why texts
    to its phone are paused); with the `answer` for retries in the same write when it is given."""
    extra = {STEP: step, TOLD_PAUSED: True} if told else {STEP: step}
    place = {**state.to_dict(), **extra}
    if answer:
        save_with_answer(rt.store, key or call_key(), place, rt.settings.state_ttl_seconds, answer)
    else:
        rt.store.put(key or call_key(), place, rt.settings.state_ttl_seconds)


def _url(endpoint: str, **query: str) -> str:
    """Absolute when PUBLIC_BASE_URL is set, so Twilio signs the URL we check; else relative."""
    values: dict[str, Any] = dict(query)  # url_for's own keywords (_external: bool, ...) are not strings
    return f"{runtime().settings.public_base_url}{url_for(endpoint, **values)}"
