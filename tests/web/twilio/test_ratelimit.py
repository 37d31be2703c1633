"""Per-phone rate limits: one number cannot flood the line, and STOP always gets through."""

from __future__ import annotations

import time

import pytest
from limits import parse

from service.web.twilio.ratelimit import SWEEP_EVERY_SECONDS, LocalWindows
from service.web.twilio.simulate import TwilioSimulator
from tests.conftest import AppFactory
from tests.servers import redis_instance, redis_url  # noqa: F401 (fixtures: a real redis-server)
from tests.twiml import twiml_errors

FLOODER = "+15555550166"
OTHER = "+15555550177"


def test_a_texter_over_the_limit_gets_one_polite_reply_then_silence(make_app: AppFactory) -> None:
    phone = TwilioSimulator(make_app(rate_limit_texts="3/minute"))
    answered = [phone.text(word, sender=FLOODER) for word in ("bones", "more", "liver")]
    assert all(heard.messages for heard in answered)
    notice = phone.text("lungs", sender=FLOODER)
    assert notice.status == 200 and twiml_errors(notice.xml) == []
    assert len(notice.messages) == 1 and "many texts" in notice.messages[0]
    for word in ("lungs", "brain", "menu"):
        silent = phone.text(word, sender=FLOODER)
        assert silent.status == 200 and silent.root is not None and silent.messages == []
    assert phone.text("bones", sender=OTHER).messages  # other numbers are still answered


def test_stop_and_start_get_through_while_limited(make_app: AppFactory) -> None:
    phone = TwilioSimulator(make_app(rate_limit_texts="1/minute"))
    phone.text("bones", sender=FLOODER)
    phone.text("liver", sender=FLOODER)  # the notice
    assert phone.text("STOP", sender=FLOODER).messages == []
    assert phone.text("START", sender=FLOODER).messages  # START was heard: STOP was recorded and undone


def test_a_caller_over_the_limit_hears_a_short_goodbye(make_app: AppFactory) -> None:
    phone = TwilioSimulator(make_app(rate_limit_calls="2/minute"))
    phone.dial(FLOODER)
    phone.dial(FLOODER)
    assert phone.press("1").gathers  # keys within a call are not counted as calls
    busy = phone.dial(FLOODER)
    assert busy.status == 200 and twiml_errors(busy.xml) == []
    assert busy.hangs_up and not busy.gathers and "Goodbye" in busy.text
    assert phone.dial(OTHER).gathers


def test_callers_who_withhold_their_number_share_a_larger_count(make_app: AppFactory) -> None:
    app = make_app(rate_limit_calls="1/minute")
    hidden = [TwilioSimulator(app).dial(caller="+266696687") for _ in range(11)]
    assert not any(heard.hangs_up for heard in hidden[:10])  # ten phones' worth of calls, not one
    assert hidden[10].hangs_up
    assert not TwilioSimulator(app).dial(caller=OTHER).hangs_up
    assert TwilioSimulator(app).dial(caller=OTHER).hangs_up


def test_forged_requests_do_not_use_up_a_numbers_turns(make_app: AppFactory) -> None:
    phone = TwilioSimulator(make_app(rate_limit_texts="2/minute"))
    params = {"From": FLOODER, "To": "+15555550199", "Body": "bones"}
    assert all(phone.post("/sms", params, sign=False).status == 403 for _ in range(5))
    assert phone.text("bones", sender=FLOODER).messages
    assert "many texts" not in phone.text("liver", sender=FLOODER).messages[0]


def test_with_redis_every_host_counts_together(make_app: AppFactory, redis_url: str) -> None:  # noqa: F811
    first = TwilioSimulator(make_app(state_url=redis_url, rate_limit_texts="2/minute"))
    second = TwilioSimulator(make_app(state_url=redis_url, rate_limit_texts="2/minute"))
    assert first.text("bones", sender=FLOODER).messages
    assert second.text("liver", sender=FLOODER).messages
    notice = first.text("lungs", sender=FLOODER)
    assert "many texts" in notice.messages[0]
    assert second.text("brain", sender=FLOODER).messages == []


def test_with_sqlite_every_worker_counts_together_and_a_restart_forgets_nothing(
    make_app: AppFactory,
) -> None:
    first = TwilioSimulator(make_app(rate_limit_texts="2/minute"))
    second = TwilioSimulator(make_app(rate_limit_texts="2/minute"))  # another worker (or after a HUP)
    assert first.text("bones", sender=FLOODER).messages
    assert second.text("liver", sender=FLOODER).messages
    assert "many texts" in first.text("lungs", sender=FLOODER).messages[0]
    restarted = TwilioSimulator(make_app(rate_limit_texts="2/minute"))
    assert restarted.text("brain", sender=FLOODER).messages == []


def test_when_redis_refuses_writes_the_limits_still_hold(
    make_app: AppFactory, redis_url: str  # noqa: F811
) -> None:
    import redis

    phone = TwilioSimulator(make_app(state_url=redis_url, rate_limit_texts="2/minute"))
    admin = redis.Redis.from_url(redis_url)
    admin.config_set("min-replicas-to-write", 1)  # a primary that lost its replicas refuses writes
    try:
        answered = [phone.text(word, sender=FLOODER).messages for word in ("bones", "liver")]
        notice = phone.text("lungs", sender=FLOODER).messages
        after = phone.text("brain", sender=FLOODER).messages
    finally:
        admin.config_set("min-replicas-to-write", 0)
    assert all(answered) and "many texts" in notice[0] and after == []


def test_in_process_windows_end_and_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    windows = LocalWindows()
    per_minute = parse("2/minute")
    now = 2.0  # the monotonic clock of a host booted two seconds ago
    monkeypatch.setattr(time, "monotonic", lambda: now)
    assert windows.hit(per_minute, "texts", "a") and windows.hit(per_minute, "texts", "a")
    assert not windows.hit(per_minute, "texts", "a")
    assert windows.hit(per_minute, "texts", "b")  # each number has its own window
    now += 61
    assert windows.hit(per_minute, "texts", "a")  # a new window
    for number in range(100):
        windows.hit(per_minute, "texts", f"n{number}")
    now += SWEEP_EVERY_SECONDS + 61
    windows.hit(per_minute, "texts", "c")
    assert len(windows._windows) == 1  # ended windows are dropped: memory stays bounded


def test_in_process_windows_ignore_the_wall_clock_being_set_back(monkeypatch: pytest.MonkeyPatch) -> None:
    windows = LocalWindows()
    per_minute = parse("1/minute")
    wall, since_boot = 1_800_000_000.0, 2.0
    monkeypatch.setattr(time, "time", lambda: wall)
    monkeypatch.setattr(time, "monotonic", lambda: since_boot)
    assert windows.hit(per_minute, "texts", "a")
    assert not windows.hit(per_minute, "texts", "a")
    wall -= 3600  # the host's clock is corrected an hour back
    since_boot += 61
    assert windows.hit(per_minute, "texts", "a")  # the texter is not held for an extra hour
