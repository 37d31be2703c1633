"""When a helpline is open: HELPLINE_HOURS such as "Mon-Fri 09:00-17:00, Sat 10:00-13:00 America/New_York"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
JOINERS = {"en": ("to", "and"), "es": ("a", "y")}
EXAMPLE = "Mon-Fri 09:00-17:00 America/New_York"
_SPAN = re.compile(r"^(?P<days>[a-z]{3}(?:-[a-z]{3})?)\s+(?P<open>\d{1,2}:\d{2})-(?P<close>\d{1,2}:\d{2})$")


@dataclass(frozen=True)
class Span:
    """One run of days with the same opening time, in the helpline's own time zone."""

    first: int
    last: int
    opens: dt.time
    closes: dt.time

    def covers(self, moment: dt.datetime) -> bool:
        """Whether a local time falls on one of these days, between opening and closing."""
        return self.first <= moment.weekday() <= self.last and self.opens <= moment.time() < self.closes


@dataclass(frozen=True)
class OpeningHours:
    """The weekly hours of a helpline in a named time zone."""

    spans: tuple[Span, ...]
    zone: str

    @classmethod
    def parse(cls, raw: str) -> OpeningHours:
        """Read the setting; a ValueError says what a person should write instead."""
        text = " ".join(raw.split())
        parts = text.rsplit(" ", 1)
        if len(parts) != 2:
            raise ValueError(f"{raw!r} needs days, hours and a time zone, e.g. {EXAMPLE}")
        spans_text, zone = parts
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{zone!r} is not a time zone name like America/New_York") from None
        spans = tuple(_span(part.strip().lower()) for part in spans_text.split(","))
        return cls(spans, zone)

    def is_open(self, now: dt.datetime) -> bool:
        """Whether the helpline is open at an aware moment."""
        local = now.astimezone(ZoneInfo(self.zone))
        return any(span.covers(local) for span in self.spans)

    def next_opening(self, now: dt.datetime) -> dt.datetime:
        """The local moment it next opens after an aware moment (within the coming week)."""
        local = now.astimezone(ZoneInfo(self.zone))
        openings = (
            dt.datetime.combine(local.date() + dt.timedelta(days=ahead), span.opens, local.tzinfo)
            for ahead in range(8)
            for span in self.spans
            if span.first <= (local.weekday() + ahead) % 7 <= span.last
        )
        return min(moment for moment in openings if moment > local)

    def describe(self, lang: str = "en") -> str:
        """The hours in words for a caller: "Monday to Friday, 09:00 to 17:00"."""
        names = DAY_NAMES.get(lang, DAY_NAMES["en"])
        to, also = JOINERS.get(lang, JOINERS["en"])
        said = []
        for span in self.spans:
            days = names[span.first]
            if span.last != span.first:
                days = f"{days} {to} {names[span.last]}"
            said.append(f"{days}, {span.opens:%H:%M} {to} {span.closes:%H:%M}")
        return f" {also} ".join(said)


def _span(text: str) -> Span:
    """One "Mon-Fri 09:00-17:00" part."""
    found = _SPAN.match(text)
    if found is None:
        raise ValueError(f"{text!r} should look like Mon-Fri 09:00-17:00")
    first, _, last = found["days"].partition("-")
    if first not in DAYS or (last or first) not in DAYS:
        raise ValueError(f"{found['days']!r}: days are written Mon, Tue, Wed, Thu, Fri, Sat, Sun")
    opens, closes = _time(found["open"]), _time(found["close"])
    if closes <= opens:
        raise ValueError(f"{text!r}: the closing time must be after the opening time")
    return Span(DAYS.index(first), DAYS.index(last or first), opens, closes)


def _time(text: str) -> dt.time:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 23 or minutes > 59:
        raise ValueError(f"{text!r} is not a time of day")
    return dt.time(hours, minutes)
