"""People to talk to: the words that ask for one, and which of the line's numbers answer right now.

Someone who asks for a person at any menu, in everyday words ("representative", "live person",
"alguien"), gets the person answer; and that answer names first the numbers a person answers at
that moment (a 24-hour line at night), then when the others open. What to say is in the content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from service.content.model import PhoneLine
from service.core import commands
from service.core.hours import OpeningHours
from service.words.fold import normalize

MAX_ASKING_WORDS = 8  # a longer message names a person in passing ("my nurse said..."), not asks for one


def asks_for_person(message: str) -> bool:
    """Whether a short message asks for a person: a person word alone, or a phrase that asks."""
    text = normalize(message)
    if text in commands.PERSON_WORDS:
        return True
    words = text.split()
    if not words or len(words) > MAX_ASKING_WORDS:
        return False
    padded = f" {text} "
    return any(f" {phrase} " in padded for phrase in commands.PERSON_PHRASES)


class Status(StrEnum):
    """Whether a person answers a phone line at the moment asked."""

    ALWAYS = "always"  # day and night, every day
    OPEN = "open"  # open now, closes later
    CLOSED = "closed"  # opens at `Reach.opens`
    UNKNOWN = "unknown"  # no clock was given: the line is named without its hours


@dataclass(frozen=True)
class Reach:
    """One phone line as the person answer names it: open or not, and when it opens next.

    The opening is kept as the day (0 today, 1 tomorrow, else the weekday) and the local time, so
    every moment of one closed night gives the same value (and the same wording, built once).
    """

    line: str
    status: Status
    days_away: int = 0
    weekday: int = 0
    opens: dt.time | None = None


class Phones:
    """The line's phone numbers with their hours read once; one instance serves every caller."""

    def __init__(self, lines: Sequence[PhoneLine]) -> None:
        self.lines = tuple(lines)
        self._hours = {line.id: _hours(line) for line in lines if not line.always}

    def reach(self, now: dt.datetime | None) -> tuple[Reach, ...]:
        """Every line, those answering now first (in the file's order), then by soonest opening."""
        found = [self._reach(line, now) for line in self.lines]
        open_now = [r for r in found if r.status is not Status.CLOSED]
        closed = [r for r in found if r.status is Status.CLOSED]
        closed.sort(key=lambda r: (r.days_away, r.opens or dt.time()))
        return (*open_now, *closed)

    def first_open(self, now: dt.datetime | None) -> PhoneLine | None:
        """The line to name when there is room for one number only: the first answering now."""
        reach = self.reach(now)
        by_id = {line.id: line for line in self.lines}
        return by_id[reach[0].line] if reach else None

    def _reach(self, line: PhoneLine, now: dt.datetime | None) -> Reach:
        if line.always:
            return Reach(line.id, Status.ALWAYS)
        hours = self._hours[line.id]
        if now is None or hours is None:
            return Reach(line.id, Status.UNKNOWN)
        if hours.is_open(now):
            return Reach(line.id, Status.OPEN)
        opening = hours.next_opening(now)
        today = now.astimezone(opening.tzinfo).date()
        days_away = (opening.date() - today).days
        return Reach(line.id, Status.CLOSED, days_away, opening.weekday(), opening.time())


def _hours(line: PhoneLine) -> OpeningHours | None:
    """A line's hours; None where they cannot be read (the content checker names those, and the
    line refuses to serve such content, so only the checker's own walk meets them)."""
    try:
        return OpeningHours.parse(line.hours)
    except ValueError:
        return None
