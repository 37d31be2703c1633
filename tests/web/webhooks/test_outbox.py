"""The outbox (service/web/webhooks/outbox.py): queued texts are sent by a thread of the serving process,
survive a restart, are sent once by any number of senders, stop at an opt-out, and keep no number in
clear. Sending goes through the REST API stand-in."""

from __future__ import annotations

import secrets
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from service.core.wording import call_text_pages
from service.web.ops import metrics
from service.web.runtime import Runtime, runtime_of
from service.web.twilio.simulate import DEMO_LINE, TwilioSimulator
from service.web.webhooks import outbox
from service.web.webhooks.textme import outbox_of
from tests.conftest import AppFactory
from tests.twilio_api import ACCOUNT_SID, StandIn, deliver

SENT = "The text is on its way to your phone."
CALLERS = ("+15555550171", "+15555550172", "+15555550173", "+15555550174")


@pytest.fixture
def texting(make_app: AppFactory, twilio_api: StandIn) -> AppFactory:
    """Apps (each one a start of the line) that text through the stand-in API, on one store."""

    def factory(**overrides: object) -> Flask:
        return make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url, **overrides)

    return factory


@pytest.fixture
def running() -> Iterator[list[outbox.Outbox]]:
    """Outboxes whose threads a test starts; each is stopped when the test ends."""
    started: list[outbox.Outbox] = []
    yield started
    for box in started:
        box.stop()


def start(app: Flask, running: list[outbox.Outbox]) -> outbox.Outbox:
    box = outbox_of(app)
    assert box is not None
    box.start()
    running.append(box)
    return box


def press_2(app: Flask, caller: str = CALLERS[0]) -> list[str]:
    """A call from `caller` that asks for bones, then presses 2: what it heard, and the pages due."""
    phone = TwilioSimulator(app, lang="en")
    phone.dial(caller=caller)
    assert "press 2" in phone.speak("bones").text
    heard = phone.press("2")
    assert heard.says[0] == SENT and heard.gathers
    node = runtime_of(app).store.get(f"voice:{phone.call_sid}")["node"]
    return call_text_pages(runtime_of(app).content, node, "en")


def test_the_serving_thread_sends_a_queued_text(texting: AppFactory, twilio_api: StandIn,
                                                running: list[outbox.Outbox]) -> None:
    app = texting()
    start(app, running)
    pages = press_2(app)
    sent = twilio_api.wait_for(len(pages))
    assert [(m["To"], m["From"], m["Body"]) for m in sent] == [(CALLERS[0], DEMO_LINE, p) for p in pages]


def test_the_caller_is_answered_while_the_api_holds_the_thread(
    texting: AppFactory, twilio_api: StandIn, running: list[outbox.Outbox]
) -> None:
    app = texting()
    start(app, running)
    twilio_api.held = threading.Event()  # the API takes each request and does not answer
    pages = press_2(app)
    twilio_api.wait_for(1, seconds=0)
    press_2(app, CALLERS[1])  # the next caller is answered at once, though the thread is held
    assert twilio_api.sent == []
    twilio_api.held.set()
    assert len(twilio_api.wait_for(2 * len(pages))) == 2 * len(pages)


def test_a_queued_text_survives_a_restart(texting: AppFactory, twilio_api: StandIn) -> None:
    pages = press_2(texting())  # this line stops before its thread sends anything
    assert twilio_api.sent == []
    again = texting()  # a new start on the same store
    assert deliver(again) == 1
    assert [(m["To"], m["Body"]) for m in twilio_api.sent] == [(CALLERS[0], page) for page in pages]


def test_a_text_claimed_by_a_sender_that_died_is_sent_once_its_lease_ends(
    texting: AppFactory, twilio_api: StandIn
) -> None:
    app = texting()
    pages = press_2(app)
    assert runtime_of(app).store.claim_next(outbox.QUEUE, 0.5) is not None  # then its sender died
    assert deliver(texting()) == 0  # held by the dead sender for now
    threading.Event().wait(0.6)
    assert deliver(texting()) == 1
    assert [m["Body"] for m in twilio_api.sent] == pages


def test_two_senders_on_one_store_send_each_text_once(
    texting: AppFactory, twilio_api: StandIn, running: list[outbox.Outbox]
) -> None:
    app = texting()
    due = [page for caller in CALLERS for page in press_2(app, caller)]
    twilio_api.delay_seconds = 0.02
    start(texting(), running), start(texting(), running)  # two workers (or hosts), each with its thread
    sent = twilio_api.wait_for(len(due))
    threading.Event().wait(outbox.POLL_SECONDS + 0.5)  # time for a second send, if one were coming
    assert Counter((m["To"], m["Body"]) for m in sent) == Counter(
        (caller, page) for caller in CALLERS for page in press_pages(app, caller))
    assert len(twilio_api.sent) == len(due)


def press_pages(app: Flask, caller: str) -> list[str]:
    """The pages of bones, as each caller above was due them."""
    return call_text_pages(runtime_of(app).content, "spread-bones", "en")


def test_a_stop_after_the_text_was_queued_stops_it(texting: AppFactory, twilio_api: StandIn) -> None:
    app = texting(texts_per_phone_per_day=1)
    press_2(app)
    TwilioSimulator(app).text("STOP", sender=CALLERS[0])
    before = metrics.SENDS.labels(outbox.OPTED_OUT)._value.get()
    assert deliver(app) == 1
    assert twilio_api.sent == []
    assert metrics.SENDS.labels(outbox.OPTED_OUT)._value.get() == before + 1
    TwilioSimulator(app).text("START", sender=CALLERS[0])
    press_2(app)  # nothing was sent, so the phone's one text today was given back
    deliver(app)
    assert twilio_api.sent


def test_a_stop_between_two_pages_stops_the_rest(
    texting: AppFactory, twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = texting()
    pages = press_2(app)
    assert len(pages) > 1
    recorded = outbox.record_sent

    def then_stop(rt: Runtime, sids: list[str], phone: str) -> None:
        recorded(rt, sids, phone)
        rt.optouts.record(phone, opted_out=True)  # a STOP arrives after the first page

    monkeypatch.setattr(outbox, "record_sent", then_stop)
    deliver(app)
    assert [m["Body"] for m in twilio_api.sent] == pages[:1]


def test_the_queue_keeps_no_number_in_clear(
    texting: AppFactory, twilio_api: StandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caller = "+1555555" + str(secrets.randbelow(10_000)).zfill(4)
    press_2(texting(), caller)
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("state.db*"))
    assert b"spread-bones" in stored  # the queued text is there, its numbers sealed
    assert caller[2:].encode() not in stored and DEMO_LINE[2:].encode() not in stored
    assert caller[2:] not in caplog.text


def test_a_queued_text_whose_number_does_not_open_is_dropped(
    texting: AppFactory, twilio_api: StandIn
) -> None:
    press_2(texting())
    other_key = texting(phone_hash_key="ab" * 8 + "0123456789abcdef" * 3)  # the key was changed
    assert deliver(other_key) == 1
    assert twilio_api.sent == []
