"""Calls and texts are counted by what happened, anonymously, and counting never breaks a webhook."""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from dataclasses import astuple
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from flask import Flask

from service.config import Settings
from service.store.memory import MemoryStore
from service.store.sqlite import SqliteStore
from service.usage.counter import UsageCounter
from service.usage.events import count_key
from service.web.runtime import runtime_of
from service.web.twilio.simulate import TwilioSimulator
from service.web.webhooks.usage import counter_of
from tests.usage.conftest import counted

VOICE_EN = ("voice", "en")


def v(event: str, node: str = "") -> tuple[str, str, str, str]:
    return (event, *VOICE_EN, node)


def s(event: str, node: str = "", lang: str = "en") -> tuple[str, str, str, str]:
    return (event, "sms", lang, node)


def test_a_call_counts_menus_topics_wrong_keys_silences_and_words_not_understood(
    app: Flask, twilio: TwilioSimulator
) -> None:
    twilio.dial()
    twilio.press("3")                 # the spread menu
    twilio.press("6")                 # not a choice there
    twilio.wait()                     # silence
    twilio.speak("zzzz qqqq")         # matches nothing
    twilio.press("1")                 # bones
    twilio.press("9")                 # repeat: not heard anew
    counts = counted(app)
    assert counts[v("call")] == 1
    assert counts[v("menu", "main")] == 1
    assert counts[v("menu", "spread")] == 1
    assert counts[v("wrong_key", "spread")] == 1
    assert counts[v("silence", "spread")] == 1
    assert counts[v("not_matched", "spread")] == 1
    assert counts[v("topic", "spread-bones")] == 1


def test_texts_count_topics_pages_help_opt_outs_and_texts_not_understood(
    app: Flask, twilio: TwilioSimulator
) -> None:
    for body in ("livr", "MORE", "xyzzy plover", "HELP", "STOP", "brain", "START"):
        twilio.text(body)
    counts = counted(app)
    assert counts[s("topic", "spread-liver")] == 1
    assert counts[s("more", "spread-liver")] == 1
    assert counts[s("not_matched")] == 1
    assert counts[s("help")] == 1
    assert counts[s("opt_out", lang="")] == 1
    assert counts[s("opt_in", lang="")] == 1
    assert counts[s("topic", "spread-brain")] == 0  # sent while opted out: no answer, nothing read
    assert counts[s("text")] == 4  # answered texts; stop words are counted as opt-outs


def test_no_phone_number_message_or_call_id_is_stored(
    app: Flask, twilio: TwilioSimulator, tmp_path: Path
) -> None:
    twilio.text("my number is 5557654321 please call me", sender="+15551239876")
    twilio.dial(caller="+15551239876")
    twilio.speak("my name is Mary Smith")
    labels = {part for key in counted(app) for part in key}
    assert not {"my", "please", "Mary", "5557654321", "+15551239876"} & labels
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("state.db*"))
    assert stored
    for secret in (b"5557654321", b"5551239876", b"Mary", b"please call"):
        assert secret not in stored
    usage_rows = runtime_of(app).store.counts("2000-01-01", "2999-12-31")
    assert not any(twilio.call_sid in "".join(map(str, astuple(row))) for row in usage_rows)


def test_labels_that_are_not_known_words_are_never_kept(content) -> None:
    assert count_key("topic", "sms", "en", "call me at 555 1234", content) == ("topic", "sms", "en", "?")
    found = count_key("my secret", "sms", "en <script>", "spread-bones", content)
    assert found == ("?", "sms", "?", "spread-bones")


def test_a_failing_store_never_breaks_a_call_and_the_counts_wait_for_it(
    app: Flask, twilio: TwilioSimulator, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = runtime_of(app).store
    real = store.add_counts

    def broken(day: str, counts: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "add_counts", broken)
    heard = twilio.dial()
    assert heard.status == 200 and heard.gathers
    counter = counter_of(app)
    assert counter is not None
    with caplog.at_level(logging.ERROR):
        assert counter.flush() is False
    assert "could not write counts" in caplog.text
    monkeypatch.setattr(store, "add_counts", real)
    assert counted(app)[v("call")] == 1


def test_on_a_host_booted_two_seconds_ago_the_first_store_error_is_logged_then_every_ten_minutes(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    since_boot = 2.0  # time.monotonic() counts from the boot on Linux: small on a new VM or container
    monkeypatch.setattr(time, "monotonic", lambda: since_boot)
    store = MemoryStore()
    counter = UsageCounter(store, flush_seconds=3600)

    def broken(day: str, counts: object) -> None:
        raise OSError("disk full")

    def failed_flush_logged() -> bool:
        caplog.clear()
        counter.add(("text", "sms", "en", ""))
        with caplog.at_level(logging.ERROR):
            assert counter.flush() is False
        return "could not write counts" in caplog.text

    monkeypatch.setattr(store, "add_counts", broken)
    assert failed_flush_logged()  # the operator hears of the very first failure
    since_boot += 60
    assert not failed_flush_logged()  # not once per flush
    since_boot += 600
    assert failed_flush_logged()  # but again after ten minutes
    monkeypatch.undo()
    assert counter.flush() and store.counts("2000-01-01", "2999-12-31")[0].count == 3
    counter.close()


@pytest.mark.parametrize(
    "moment, host_zone, day",
    [
        ("2024-02-29T23:59:30+14:00", "Pacific/Kiritimati", "2024-02-29"),  # a leap day, far east
        ("2024-03-01T00:00:30+14:00", "Pacific/Kiritimati", "2024-02-29"),  # local March, UTC still Feb
        ("2038-01-19T03:14:30+00:00", "America/Los_Angeles", "2038-01-19"),  # past 32-bit time
        ("2026-11-01T01:30:00-05:00", "America/New_York", "2026-11-01"),     # the hour that repeats
    ],
)
def test_a_turn_is_counted_on_its_utc_day_whatever_the_hosts_zone_and_date(
    app: Flask, twilio: TwilioSimulator, moment: str, host_zone: str, day: str
) -> None:
    with time_machine.travel(dt.datetime.fromisoformat(moment).astimezone(ZoneInfo(host_zone))):
        assert twilio.text("bones").messages
        assert counted(app)[s("topic", "spread-bones")] == 1
    assert {row.day for row in runtime_of(app).store.counts("2000-01-01", "2999-12-31")} == {day}


def test_a_store_without_usage_methods_still_answers_calls(make_app) -> None:
    class OldStore(MemoryStore):
        add_counts = None  # a backend written before usage counts

    app = make_app(state_url="memory://")
    runtime_of(app).store.__class__ = OldStore
    heard = TwilioSimulator(app).text("bones")
    assert heard.status == 200 and heard.messages
    assert counter_of(app).flush() is False  # type: ignore[union-attr]


def test_usage_counts_is_on_unless_turned_off() -> None:
    assert Settings.from_env({}).usage_counts
    assert not Settings.from_env({"USAGE_COUNTS": "0"}).usage_counts
    assert not Settings.from_env({"USAGE_COUNTS": "off"}).usage_counts


def test_counting_can_be_turned_off(make_app) -> None:
    app = make_app(usage_counts=False)
    assert counter_of(app) is None
    assert TwilioSimulator(app).text("bones").messages
    assert runtime_of(app).store.counts("2000-01-01", "2999-12-31") == []


def test_the_counter_writes_by_itself_after_enough_counts_and_at_close() -> None:
    store = MemoryStore()
    counter = UsageCounter(store, flush_seconds=60, flush_events=3)
    for _ in range(3):
        counter.add(("text", "sms", "en", ""))
    deadline = time.monotonic() + 5
    while not store.counts("2000-01-01", "2999-12-31") and time.monotonic() < deadline:
        time.sleep(0.01)
    assert store.counts("2000-01-01", "2999-12-31")[0].count == 3
    counter.add(("call", "voice", "en", ""))
    counter.close()
    assert sum(r.count for r in store.counts("2000-01-01", "2999-12-31")) == 4


def test_counts_from_many_threads_all_arrive() -> None:
    store = MemoryStore()
    counter = UsageCounter(store, flush_seconds=60, flush_events=50)

    def work() -> None:
        for _ in range(500):
            counter.add(("topic", "sms", "en", "spread-bones"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counter.close()
    assert store.counts("2000-01-01", "2999-12-31")[0].count == 2000


def test_counts_land_on_the_utc_day_they_happened() -> None:
    store = MemoryStore()
    moments = iter([1_700_000_000.0, 1_700_000_000.0 + 86_400])  # 14 and 15 Nov 2023, UTC
    counter = UsageCounter(store, clock=lambda: next(moments))
    counter.add(("call", "voice", "en", ""))
    counter.add(("call", "voice", "en", ""))
    counter.close()
    assert [r.day for r in store.counts("2023-11-01", "2023-11-30")] == ["2023-11-14", "2023-11-15"]


def test_a_forked_worker_counts_only_its_own(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "shared.db")
    counter = UsageCounter(store, flush_seconds=60)
    counter.add(("call", "voice", "en", ""))  # the parent's count, still in its buffer at the fork
    pid = os.fork()
    if pid == 0:  # the child, like a gunicorn worker forked from a preloaded app
        try:
            counter.add(("call", "voice", "en", ""))
            counter.close()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    counter.close()
    assert store.counts("2000-01-01", "2999-12-31")[0].count == 2  # not 3: the parent's is written once
