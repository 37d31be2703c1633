"""Helpline hours: open and closed at the right local times, and said in words."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service.core.hours import OpeningHours

HOURS = OpeningHours.parse("Mon-Fri 09:00-17:00, Sat 10:00-13:00 America/New_York")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("local", "open_"),
    [
        (dt.datetime(2026, 11, 23, 9, 0, tzinfo=NEW_YORK), True),     # Monday opening
        (dt.datetime(2026, 11, 23, 8, 59, tzinfo=NEW_YORK), False),
        (dt.datetime(2026, 11, 27, 16, 59, tzinfo=NEW_YORK), True),   # Friday
        (dt.datetime(2026, 11, 27, 17, 0, tzinfo=NEW_YORK), False),   # closing time
        (dt.datetime(2026, 11, 28, 12, 0, tzinfo=NEW_YORK), True),    # Saturday
        (dt.datetime(2026, 11, 29, 12, 0, tzinfo=NEW_YORK), False),   # Sunday
    ],
)
def test_open_by_local_time(local: dt.datetime, open_: bool) -> None:
    assert HOURS.is_open(local) is open_


def test_the_time_zone_is_the_helplines_not_the_servers() -> None:
    monday_noon_utc = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)  # 07:00 in New York
    assert not HOURS.is_open(monday_noon_utc)
    assert HOURS.is_open(monday_noon_utc + dt.timedelta(hours=3))


def test_hours_in_words_in_each_language() -> None:
    assert HOURS.describe("en") == "Monday to Friday, 09:00 to 17:00 and Saturday, 10:00 to 13:00"
    assert HOURS.describe("es").startswith("lunes a viernes, 09:00 a 17:00 y sábado")


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("Mon-Fri 09:00-17:00", "time zone"),
        ("Mon-Fri 09:00-17:00 Mars/Olympus", "not a time zone"),
        ("Mon-Fry 09:00-17:00 UTC", "days are written"),
        ("Mon-Fri 17:00-09:00 UTC", "after the opening"),
        ("weekdays 9-5 UTC", "should look like"),
    ],
)
def test_a_bad_setting_says_what_to_write(raw: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        OpeningHours.parse(raw)
