"""Advanced Opt-Out: Twilio's OptOutType wins over the words, whatever they are (twilio/controls.py)."""

from __future__ import annotations

import sqlite3

import pytest
from flask import Flask

from service.web.runtime import runtime_of
from service.web.twilio.simulate import DEMO_CALLER, TwilioSimulator
from tests.conftest import AppFactory
from tests.usage.conftest import counted

RESUBSCRIBED = "You will get our replies again."


def opted_out(app: Flask, sender: str = DEMO_CALLER) -> bool:
    rt = runtime_of(app)
    return rt.optouts.is_opted_out(rt.hash_phone(sender))


@pytest.mark.parametrize("body", ["ARRET", "Désabonner", "bones", "no more please"])
def test_an_operators_stop_keyword_in_any_words_opts_out(
    app: Flask, twilio: TwilioSimulator, body: str
) -> None:
    heard = twilio.text(body, OptOutType="STOP")
    assert heard.status == 200 and heard.messages == []
    assert opted_out(app)
    assert twilio.text("liver").messages == []
    assert counted(app)[("opt_out", "sms", "", "")] == 1


def test_an_operators_start_keyword_opts_back_in_with_the_confirmation(
    app: Flask, twilio: TwilioSimulator
) -> None:
    twilio.text("ARRET", OptOutType="STOP")
    heard = twilio.text("REPRENDRE", OptOutType="START")
    assert len(heard.messages) == 1 and heard.messages[0].startswith(RESUBSCRIBED)
    assert not opted_out(app)
    assert twilio.text("liver").messages


def test_a_spanish_texter_is_confirmed_in_spanish(twilio: TwilioSimulator) -> None:
    twilio.text("me duelen los huesos")
    twilio.text("baja", OptOutType="STOP")
    heard = twilio.text("SUSCRIBIR", OptOutType="START")
    assert heard.messages[0].startswith("Recibira nuestras respuestas otra vez.")


def test_an_operators_help_keyword_gets_the_help_text(app: Flask, twilio: TwilioSimulator) -> None:
    heard = twilio.text("AIDE", OptOutType="HELP")
    assert len(heard.messages) == 1 and "Text STOP to stop." in heard.messages[0]
    assert "call 911" in heard.messages[0] and not opted_out(app)
    assert counted(app)[("help", "sms", "en", "")] == 1


def test_without_opt_out_type_the_words_decide_as_before(app: Flask, twilio: TwilioSimulator) -> None:
    assert twilio.text("ARRET").messages  # not a stop word of the line's own
    assert not opted_out(app)
    assert twilio.text("STOP").messages == [] and opted_out(app)


def test_a_texter_over_the_rate_limit_can_still_stop_with_any_keyword(make_app: AppFactory) -> None:
    app = make_app(rate_limit_texts="2/minute")
    twilio = TwilioSimulator(app)
    for _ in range(3):
        twilio.text("liver")
    assert twilio.text("ARRET", OptOutType="STOP").status == 200
    assert opted_out(app)


def test_an_opt_out_type_stop_is_kept_when_the_store_fails(make_app: AppFactory,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()

    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(runtime_of(app).store, "set_opted_out", broken)
    assert TwilioSimulator(app).text("ARRET", OptOutType="STOP").messages == []
    monkeypatch.undo()
    restarted = make_app()  # replays the journal
    assert runtime_of(restarted).store.is_opted_out(runtime_of(restarted).hash_phone(DEMO_CALLER))
