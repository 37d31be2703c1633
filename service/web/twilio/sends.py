"""What the line itself sends and dials, bounded: counted in the store, so every worker and host counts
together, and refused when the store cannot count (limits fail closed).

"Text me this" goes only to a number that can be a caller's own: not withheld, not failed by the
carrier's caller-ID check (STIR/SHAKEN, Twilio's StirVerstat), in a country the line may text
(TEXT_COUNTRIES, by default the line's own). Then it is counted per call (by CallSid, apart from the
menu position, so a replayed request or parallel presses cannot reset it), per phone a day and for
the whole line a day (in messages). A Dial is counted per call, per phone a day and for the line a
day. Withheld numbers all look alike, so they are counted per call and for the line, never as one
phone.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass

import phonenumbers
from flask import request

from service.core.calls import MAX_TEXTS, TextOutcome
from service.store import Store
from service.web.runtime import Runtime, sender_id

log = logging.getLogger(__name__)
DIALS_PER_CALL = 2  # the helpline, and once more after no answer
COUNT_SECONDS = 2 * 24 * 3600  # a day's counters outlive the day (UTC), then go
CALL_SECONDS = 24 * 3600
# What Twilio puts in From when a caller hides their number (and words some carriers send).
WITHHELD = frozenset({"+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253", "anonymous",
                      "restricted", "unknown", "private", "unavailable", "blocked", ""})
# StirVerstat values that vouch the caller owns the number (full or partial attestation, verified).
VOUCHED = frozenset({"TN-Validation-Passed-A", "TN-Validation-Passed-B"})
_NOT_SID = re.compile(r"[^0-9A-Za-z]")  # a CallSid is CA and 32 hexadecimal digits
UNVOUCHED = "unvouched:"


@dataclass(frozen=True)
class _Take:
    """One counter taken from: its key, limit and cost (to give back if nothing was sent)."""

    key: str
    limit: int
    cost: int = 1
    seconds: int = COUNT_SECONDS


def call_id() -> str:
    """This request's CallSid, letters and digits only ("" when there is none)."""
    return _NOT_SID.sub("", request.values.get("CallSid", "")[:256])[:64]


def withheld(number: str) -> bool:
    """Whether a caller hid their number (or it is not a phone number at all)."""
    plain = number.strip().lower()
    return plain in WITHHELD or not plain.startswith("+")


def note_call_start(rt: Runtime) -> None:
    """At a call's start: remember a caller ID the carrier did not vouch for, for the whole call."""
    verstat = request.values.get("StirVerstat", "")[:64]
    if verstat and verstat not in VOUCHED:
        rt.store.put(UNVOUCHED + call_id(), {"verstat": verstat}, CALL_SECONDS)


def text_refusal(rt: Runtime, caller: str, line: str, messages: int) -> TextOutcome | None:
    """Why this topic may not be texted to the caller now, or None once it is counted."""
    try:
        textable = not withheld(caller) and _textable(rt, caller, line)
    except Exception:
        log.exception("sends: the store cannot say whether this call's number was vouched for; no text")
        return TextOutcome.FAILED
    if not textable:
        log.info("sends: refused a text to a number that is withheld, unverified or outside TEXT_COUNTRIES")
        return TextOutcome.NOT_THIS_PHONE
    return _take_all(rt, _text_takes(rt, messages), "text")


def text_counts(rt: Runtime, messages: int) -> list[list[str | int]]:
    """The counters a text took, as a queued text keeps them: [key, limit, cost, seconds] each."""
    return [[take.key, take.limit, take.cost, take.seconds] for take, _ in _text_takes(rt, messages)]


def give_back_counts(store: Store, counts: list[list[str | int]]) -> None:
    """Nothing was sent after all (the API refused the first message): the counts are given back."""
    for key, limit, cost, seconds in counts:
        _give_back(store, _Take(str(key), int(limit), int(cost), int(seconds)))


def _text_takes(rt: Runtime, messages: int) -> tuple[tuple[_Take, TextOutcome], ...]:
    """A topic texted: one of the call's, one of the phone's today, its messages of the line's today."""
    settings = rt.settings
    return (
        (_Take(f"sends:call:{call_id()}:texts", MAX_TEXTS, seconds=CALL_SECONDS), TextOutcome.CALL_LIMIT),
        (_Take(f"sends:phone:{sender_id(rt)}:{_day()}:texts", settings.texts_per_phone_per_day),
         TextOutcome.NOT_NOW),
        (_Take(f"sends:line:{_day()}:texts", settings.line_texts_per_day, messages), TextOutcome.NOT_NOW),
    )


def may_dial(rt: Runtime) -> bool:
    """Whether this call may be put through to the helpline now (counted when it may)."""
    settings = rt.settings
    refused = TextOutcome.NOT_NOW
    takes = [(_Take(f"sends:call:{call_id()}:dials", DIALS_PER_CALL, seconds=CALL_SECONDS), refused)]
    if not withheld(request.values.get("From", "")):
        takes.append((_Take(f"sends:phone:{sender_id(rt)}:{_day()}:dials", settings.dials_per_phone_per_day),
                      refused))
    takes.append((_Take(f"sends:line:{_day()}:dials", settings.line_dials_per_day), refused))
    return _take_all(rt, tuple(takes), "dial") is None


def _take_all(rt: Runtime, takes: tuple[tuple[_Take, TextOutcome], ...], what: str) -> TextOutcome | None:
    """Take from each counter in turn; at the first refusal give back the ones taken and say why.

    A store that cannot count refuses (FAILED for a text, no dial): nothing is sent uncounted.
    """
    taken: list[_Take] = []
    try:
        for take, refusal in takes:
            if not rt.store.take(take.key, take.limit, take.seconds, take.cost):
                log.info("sends: a %s refused: over the limit of %s", what, take.key.split(":")[1])
                for done in taken:
                    _give_back(rt.store, done)
                return refusal
            taken.append(take)
    except Exception:
        log.exception("sends: the store cannot count, so no %s is placed", what)
        return TextOutcome.FAILED
    return None


def _give_back(store: Store, take: _Take) -> None:
    try:
        store.take(take.key, take.limit, take.seconds, -take.cost)
    except Exception:
        log.warning("sends: could not give back a count of %s (it runs out early)", take.key.split(":")[1])


def _textable(rt: Runtime, caller: str, line: str) -> bool:
    """The carrier did not fail the caller ID, and the number is in a country the line may text."""
    verstat = request.values.get("StirVerstat", "")[:64]
    if verstat and verstat not in VOUCHED:
        return False
    if rt.store.get(UNVOUCHED + call_id()) is not None:
        return False
    allowed = rt.settings.text_countries or (_region(rt.settings.line_phone or line),)
    return _region(caller) in allowed


def _region(number: str) -> str:
    """A number's two-letter region ("US"); for a number no carrier has yet, its calling code's main one."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return "ZZ"
    found: str | None = phonenumbers.region_code_for_number(parsed)
    return found or phonenumbers.region_code_for_country_code(parsed.country_code or 0)


def _day() -> str:
    """Today in UTC (YYYY-MM-DD), the day the per-day counts are kept for."""
    return time.strftime("%Y-%m-%d", time.gmtime())
