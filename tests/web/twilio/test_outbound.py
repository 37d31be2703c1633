"""Texts the line sends itself go to Twilio's API exactly as asked, and failures say so."""

from __future__ import annotations

import pytest

from service.config import Settings
from service.web.twilio import outbound
from service.web.twilio.outbound import SendError, TextSender
from tests.twilio_api import ACCOUNT_SID, AUTH_TOKEN, StandIn

CALLER = "+15555550100"
LINE = "+15555550199"


def sender(api: StandIn, **settings: str) -> TextSender:
    made = TextSender.from_settings(
        Settings(twilio_auth_token=AUTH_TOKEN, twilio_account_sid=ACCOUNT_SID,
                 twilio_api_base_url=api.url, **settings),  # type: ignore[arg-type]
        AUTH_TOKEN,
    )
    assert made is not None
    return made


def test_each_page_is_one_message_from_the_line_to_the_caller(twilio_api: StandIn) -> None:
    sids = sender(twilio_api).send(CALLER, LINE, ["Page one.", "Page two."])
    assert len(sids) == 2 and all(sid.startswith("SM") for sid in sids)
    assert [(m["To"], m["From"], m["Body"]) for m in twilio_api.sent] == [
        (CALLER, LINE, "Page one."), (CALLER, LINE, "Page two."),
    ]
    assert {(m["user"], m["password"]) for m in twilio_api.sent} == {(ACCOUNT_SID, AUTH_TOKEN)}
    assert {m["path"] for m in twilio_api.sent} == {f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"}


def test_a_messaging_service_sends_instead_of_the_number(twilio_api: StandIn) -> None:
    service_sid = "MG" + "cd" * 16
    sender(twilio_api, twilio_messaging_service_sid=service_sid).send(CALLER, LINE, ["Hi."])
    assert twilio_api.sent[0]["MessagingServiceSid"] == service_sid
    assert "From" not in twilio_api.sent[0]


def test_an_api_error_is_a_send_error(twilio_api: StandIn) -> None:
    twilio_api.status = 500
    with pytest.raises(SendError):
        sender(twilio_api).send(CALLER, LINE, ["Page one.", "Page two."])
    assert len(twilio_api.sent) == 1


def test_a_slow_api_times_out_as_a_send_error(twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outbound, "SEND_TIMEOUT_SECONDS", 0.3)
    twilio_api.delay_seconds = 1.0
    with pytest.raises(SendError):
        sender(twilio_api).send(CALLER, LINE, ["Page one."])


def test_without_an_account_sid_nothing_is_offered() -> None:
    assert TextSender.from_settings(Settings(twilio_auth_token=AUTH_TOKEN), AUTH_TOKEN) is None
