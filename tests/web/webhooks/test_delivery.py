"""What became of each text the line sent: Twilio's status callbacks (service/web/webhooks/delivery.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

import pytest
from flask import Flask

from service.content import Content
from service.usage.report import load_report, table_lines
from service.web.runtime import runtime_of
from service.web.twilio.simulate import DEMO_CALLER, DEMO_LINE, Heard, TwilioSimulator
from tests.conftest import AppFactory
from tests.twilio_api import ACCOUNT_SID, StandIn, deliver
from tests.usage.conftest import counted

SENT = "The text is on its way to your phone."
OFFER = "To get this topic by text message, press 2."
PAUSED = "The last text we sent to this phone did not arrive, so I will not send texts to it for now."
OPTED_OUT = "This phone asked us not to send it texts."


def text_me_this(app: Flask) -> tuple[TwilioSimulator, Heard]:
    """A caller at a topic presses 2, and the line sends the text."""
    caller = TwilioSimulator(app, lang="en")
    caller.dial()
    assert OFFER in caller.speak("bones").says
    heard = caller.press("2")
    deliver(app)
    return caller, heard


def report(
    twilio: TwilioSimulator, twilio_api: StandIn, status: str, code: str = "", index: int = 0
) -> Heard:
    """Twilio posts a sent message's status to the callback URL the line gave it, signed."""
    sent = twilio_api.sent[index]
    params = {"MessageSid": sent["sid"], "MessageStatus": status, "AccountSid": ACCOUNT_SID,
              "From": sent["From"], "To": sent["To"], "ApiVersion": "2010-04-01"}
    if code:
        params["ErrorCode"] = code
    return twilio.post(sent["StatusCallback"], params)


def test_every_text_sent_asks_for_its_status_on_the_lines_own_signed_route(
    texting_app: Flask, twilio_api: StandIn
) -> None:
    caller, heard = text_me_this(texting_app)
    assert heard.says[0] == SENT and len(twilio_api.sent) > 1
    assert {m["StatusCallback"] for m in twilio_api.sent} == {"http://localhost/sms/status"}
    assert report(caller, twilio_api, "delivered").status == 200
    forged = texting_app.test_client().post("/sms/status", data={"MessageSid": twilio_api.sent[0]["sid"],
                                                                  "MessageStatus": "undelivered",
                                                                  "ErrorCode": "21610", "To": DEMO_CALLER})
    assert forged.status_code == 403
    rt = runtime_of(texting_app)
    assert not rt.optouts.is_opted_out(rt.hash_phone(DEMO_CALLER))


def test_behind_a_proxy_the_callback_is_the_public_url(make_app: AppFactory, twilio_api: StandIn) -> None:
    app = make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url,
                   public_base_url="https://line.example.org")
    text_me_this(app)
    assert twilio_api.sent[0]["StatusCallback"] == "https://line.example.org/sms/status"


def test_each_outcome_is_kept_per_message_without_the_number(
    texting_app: Flask, twilio_api: StandIn, tmp_path: Path
) -> None:
    caller, _ = text_me_this(texting_app)
    report(caller, twilio_api, "sent")
    report(caller, twilio_api, "delivered")
    report(caller, twilio_api, "sent")  # callbacks may come out of order: a final status stays
    report(caller, twilio_api, "undelivered", "30003", index=1)
    rt = runtime_of(texting_app)
    phone = rt.hash_phone(DEMO_CALLER)
    first, second = (rt.store.get(f"message:{m['sid']}") for m in twilio_api.sent[:2])
    assert first == {"phone": phone, "status": "delivered", "code": ""}
    assert second == {"phone": phone, "status": "undelivered", "code": "30003"}
    with sqlite3.connect(tmp_path / "state.db") as db:
        dump = "\n".join(db.iterdump())
    assert DEMO_CALLER[1:] not in dump and DEMO_CALLER[2:] not in dump


def test_21610_marks_the_phone_opted_out_as_stop_does(texting_app: Flask, twilio_api: StandIn) -> None:
    caller, _ = text_me_this(texting_app)
    sent = len(twilio_api.sent)
    assert report(caller, twilio_api, "failed", "21610").status == 200
    assert caller.press("2").says[0].startswith(OPTED_OUT)
    assert len(twilio_api.sent) == sent
    assert caller.text("liver", sender=DEMO_CALLER).messages == []  # as after STOP
    assert caller.text("START", sender=DEMO_CALLER).messages  # and START undoes it


def test_21610_from_the_api_itself_is_an_opt_out_too(texting_app: Flask, twilio_api: StandIn) -> None:
    twilio_api.status, twilio_api.code = 400, 21610
    caller, heard = text_me_this(texting_app)
    assert heard.says[0] == SENT and heard.gathers  # queued; the API's refusal comes when it is sent
    rt = runtime_of(texting_app)
    assert rt.optouts.is_opted_out(rt.hash_phone(DEMO_CALLER))
    assert caller.press("2").says[0].startswith(OPTED_OUT)


def test_a_21610_is_kept_when_the_store_fails(make_app: AppFactory, twilio_api: StandIn,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url)
    caller, _ = text_me_this(app)

    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(runtime_of(app).store, "set_opted_out", broken)
    assert report(caller, twilio_api, "failed", "21610").status == 200
    monkeypatch.undo()
    restarted = runtime_of(make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url))
    assert restarted.store.is_opted_out(restarted.hash_phone(DEMO_CALLER))


@pytest.mark.parametrize("code", ["30003", "30005", "30006", "30007"])
def test_a_phone_that_cannot_get_texts_is_not_offered_them_and_is_told_kindly(
    texting_app: Flask, twilio_api: StandIn, code: str
) -> None:
    caller, _ = text_me_this(texting_app)
    report(caller, twilio_api, "undelivered", code)
    sent = len(twilio_api.sent)
    assert caller.press("2").says[0].startswith(PAUSED)  # pressed anyway: why not, kindly; the call goes on
    again = TwilioSimulator(texting_app, lang="en")
    again.dial()
    liver = again.speak("liver").says
    assert OFFER not in liver and any(line.startswith(PAUSED) for line in liver)
    assert not any(line.startswith(PAUSED) for line in again.speak("lungs").says)  # said once a call
    assert len(twilio_api.sent) == sent
    other = TwilioSimulator(texting_app, lang="en")
    other.progress.caller = "+15555550177"
    other.dial("+15555550177")
    assert OFFER in other.speak("liver").says  # another phone is still offered texts


def test_the_pause_ends_after_its_days(make_app: AppFactory, twilio_api: StandIn,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url, texts_pause_days=2)
    caller, _ = text_me_this(app)
    report(caller, twilio_api, "undelivered", "30006")
    assert caller.press("2").says[0].startswith(PAUSED)
    later = time.time() + 2 * 86_400 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert caller.press("2").says[0] == SENT


def test_sent_delivered_and_not_delivered_are_counted_once_by_error_code(
    texting_app: Flask, twilio_api: StandIn, content: Content
) -> None:
    caller, _ = text_me_this(texting_app)
    pages = len(twilio_api.sent)
    report(caller, twilio_api, "delivered")
    report(caller, twilio_api, "delivered")  # Twilio delivers the same callback again
    report(caller, twilio_api, "undelivered", "30006", index=1)
    counts = counted(texting_app)
    assert counts[("sent", "sms", "", "")] == pages
    assert counts[("delivered", "sms", "", "")] == 1
    assert counts[("failed", "sms", "", "30006")] == 1
    today = dt.datetime.now(dt.UTC).date()
    table = "\n".join(table_lines(load_report(runtime_of(texting_app).store, content, today, today)))
    assert f"Texts the line sent (text me this): {pages} sent, 1 delivered, 1 not delivered" in table
    assert "1  30006 (a landline, or a carrier that cannot take texts)" in table


def test_the_line_number_is_never_texted_as_a_caller(texting_app: Flask, twilio_api: StandIn) -> None:
    text_me_this(texting_app)
    assert all(m["To"] == DEMO_CALLER and m["From"] == DEMO_LINE for m in twilio_api.sent)
