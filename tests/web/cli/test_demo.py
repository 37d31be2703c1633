"""The demo commands let a newcomer hear a call and read texts without a Twilio account."""

from __future__ import annotations

from service.content import Content


def test_flask_call_prints_what_a_caller_hears(app, content: Content) -> None:
    result = app.test_cli_runner().invoke(args=["call", "1", "3", "2", "-", "-", "-"])
    assert result.exit_code == 0, result.output
    assert "call 911" in result.output.split("\n")[0] and "Para español, oprima 2" in result.output
    assert "This is the Breast Cancer Spread Info Line" in result.output
    assert content.topics["spread-lungs"].texts["en"].voice.split(".")[0] in result.output
    assert "[the call ends]" in result.output


def test_flask_call_as_the_same_caller_again_is_greeted_in_the_language_it_chose(app) -> None:
    first = app.test_cli_runner().invoke(args=["call", "--caller", "+15555550177", "2", "q"])
    assert first.exit_code == 0 and "Para español, oprima 2" in first.output
    again = app.test_cli_runner().invoke(args=["call", "--caller", "+15555550177", "q"])
    assert again.output.split("\n")[0].startswith("En una emergencia")
    assert "For English, press star" in again.output
    new = app.test_cli_runner().invoke(args=["call", "q"])
    assert "Para español, oprima 2" in new.output  # every other call comes from a new number


def test_flask_call_reads_keys_from_input(app) -> None:
    result = app.test_cli_runner().invoke(args=["call"], input="1\n2\nq\n")
    assert result.exit_code == 0, result.output
    assert "urgent" in result.output.lower()


def test_flask_text_prints_each_reply(app, content: Content) -> None:
    result = app.test_cli_runner().invoke(args=["text", "brian", "STOP", "menu"])
    assert result.exit_code == 0, result.output
    assert content.topics["spread-brain"].texts["en"].sms[0] in result.output
    assert result.output.count("[no reply]") == 2
    assert "GSM-7, 2 segments]" in result.output
