"""A person to talk to by phone: <Dial> to HELPLINE_PHONE within HELPLINE_HOURS, and back to the menu."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from flask import Flask

from service.config import Settings
from service.errors import ConfigError
from service.web.twilio.simulate import TwilioSimulator
from service.web.webhooks import voice
from tests.conftest import AppFactory
from tests.usage.conftest import counted

HELPLINE = "+18005550100"
ALWAYS = "Mon-Sun 00:00-23:59 America/New_York"
WEEKDAYS = "Mon-Fri 09:00-17:00 America/New_York"
SUNDAY = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)
TUESDAY_MORNING = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # 10:00 in New York
PUBLIC_LINE = "Cancer Information Service at 1-800-422-6237"


def phone(app: Flask) -> TwilioSimulator:
    return TwilioSimulator(app, lang="en")


def test_key_6_says_hold_then_dials_the_helpline_with_a_timeout_and_an_action(make_app: AppFactory) -> None:
    caller = phone(make_app(helpline_phone=HELPLINE))
    assert "To talk to a person, press 6." in caller.dial().says
    heard = caller.press("6")
    dial = ET.fromstring(heard.xml).find("Dial")
    assert dial is not None and dial.text == HELPLINE
    assert dial.get("timeout") == "20" and dial.get("action", "").endswith("/voice/dialed?step=2")
    assert heard.says[0] == "Connecting you to a person. Please hold."
    assert heard.dials == [HELPLINE]
    # The simulator answers the dial as completed: thanks, then the main menu waits again.
    assert "Thank you for calling. Here is the main menu again." in heard.says
    assert heard.gathers and "To talk to a person, press 6." in heard.says


def test_saying_operator_at_a_topic_dials_too(make_app: AppFactory) -> None:
    caller = phone(make_app(helpline_phone=HELPLINE))
    caller.dial()
    assert caller.speak("six").dials == [HELPLINE]
    caller.speak("bones")
    assert caller.speak("operator").dials == [HELPLINE]


@pytest.mark.parametrize("status", ["no-answer", "busy", "failed", "canceled"])
def test_no_answer_gives_the_public_lines_then_the_menu(make_app: AppFactory, status: str) -> None:
    caller = phone(make_app(helpline_phone=HELPLINE))
    caller.dial()
    heard = caller.post("/voice/dialed", {**caller._call_params(), "DialCallStatus": status})
    assert heard.status == 200
    says = [s.text for s in ET.fromstring(heard.xml).iter("Say")]
    assert says[0] == "Sorry, no one could answer right now."
    assert PUBLIC_LINE in " ".join(says)
    assert not any("our helpline at" in line for line in says)
    assert ET.fromstring(heard.xml).find("Gather") is not None
    assert "To talk to a person, press 6." in says


def test_the_dialed_route_is_signed(make_app: AppFactory) -> None:
    caller = phone(make_app(helpline_phone=HELPLINE))
    caller.dial()
    assert caller.post("/voice/dialed", caller._call_params(), sign=False).status == 403


def test_outside_hours_the_hours_and_public_lines_and_no_dial(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(voice, "_now", lambda: SUNDAY)
    caller = phone(make_app(helpline_phone=HELPLINE, helpline_hours=WEEKDAYS))
    assert not any("press 6" in line for line in caller.dial().says)
    heard = caller.speak("talk to a person")
    assert heard.dials == []
    assert heard.says[0] == "Our helpline is open Monday to Friday, 09:00 to 17:00, New York time."
    assert PUBLIC_LINE in heard.says[1] and heard.gathers


@pytest.mark.parametrize(
    "hours, now", [(WEEKDAYS, TUESDAY_MORNING), (ALWAYS, TUESDAY_MORNING), (ALWAYS, SUNDAY)]
)
def test_within_hours_it_dials(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, hours: str, now: datetime
) -> None:
    monkeypatch.setattr(voice, "_now", lambda: now)  # not the test's own clock: 23:59 in New York is closed
    caller = phone(make_app(helpline_phone=HELPLINE, helpline_hours=hours))
    caller.dial()
    assert caller.press("6").dials == [HELPLINE]


@pytest.mark.parametrize(
    "moment, host_zone, dials",
    [
        ("2026-11-24T10:00", "Asia/Tokyo", True),          # Tuesday 10:00 in New York: Wednesday in Tokyo
        ("2026-11-23T08:59", "Pacific/Kiritimati", False),  # a minute before Monday's opening
        ("2031-03-10T09:30", "Europe/London", True),        # the Monday after the spring change
        ("2036-12-31T16:59", "Pacific/Pago_Pago", True),     # the last minute of a Wednesday
    ],
)
def test_the_hours_are_the_helplines_own_whatever_the_hosts_zone_and_date(
    make_app: AppFactory, moment: str, host_zone: str, dials: bool
) -> None:
    new_york = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo("America/New_York"))
    caller = phone(make_app(helpline_phone=HELPLINE, helpline_hours=WEEKDAYS))
    with time_machine.travel(new_york.astimezone(ZoneInfo(host_zone))):  # the host's TZ is that zone
        caller.dial()
        heard = caller.speak("talk to a person")
    assert heard.dials == ([HELPLINE] if dials else [])


def test_without_a_helpline_nothing_is_offered_and_a_person_gets_the_numbers(app: Flask) -> None:
    caller = phone(app)
    assert not any("press 6" in line for line in caller.dial().says)
    key_6 = caller.press("6")  # no helpline: the national lines, not "not one of the choices"
    assert key_6.dials == [] and PUBLIC_LINE in key_6.says[0] and "Sorry" not in key_6.says[0]
    heard = caller.speak("talk to a person")
    assert heard.dials == [] and PUBLIC_LINE in " ".join(heard.says)


def test_bad_hours_stop_the_start_naming_the_variable() -> None:
    with pytest.raises(ConfigError, match="HELPLINE_HOURS"):
        Settings.from_env({"HELPLINE_HOURS": "weekdays 9 to 5"})
    assert Settings.from_env({"HELPLINE_HOURS": ALWAYS}).helpline_hours == ALWAYS


def test_a_dial_is_counted_for_the_operator(make_app: AppFactory) -> None:
    app = make_app(helpline_phone=HELPLINE)
    caller = phone(app)
    caller.dial()
    caller.press("6")
    assert counted(app)[("person", "voice", "en", "")] == 1
