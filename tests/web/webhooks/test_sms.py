"""Whole text conversations through the signed SMS webhook, read the way a texter reads them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from service.content import Content
from service.core.gsm import SEGMENT_LIMIT, gsm_length, non_gsm
from service.core.optout import TWILIO_STOP_KEYWORDS
from service.store.privacy import PhoneHasher
from service.web.runtime import runtime_of
from service.web.twilio.simulate import DEMO_LINE, TwilioSimulator
from tests.twiml import twiml_errors


def first_page(content: Content, topic: str) -> str:
    return content.topics[topic].texts["en"].sms[0]


def a_page_of(content: Content, topic: str, message: str) -> bool:
    """Whether a message opens with one of a topic's pages (the one holding the keyword comes first)."""
    return any(message.startswith(page) for page in content.topics[topic].texts["en"].sms)


def reply(twilio: TwilioSimulator, body: str, sender: str = "+15555550100") -> str:
    heard = twilio.text(body, sender=sender)
    assert heard.status == 200
    assert twiml_errors(heard.xml) == []
    assert len(heard.messages) == 1, heard.xml
    return heard.messages[0]


def is_main_menu(content: Content, message: str) -> bool:
    return all(f"{o.key} {content.title(o.target)}" in message for o in content.menus["main"].options)


@pytest.mark.parametrize(
    ("body", "topic"),
    [
        ("brian", "spread-brain"),
        ("livr", "spread-liver"),
        ("bone mets", "spread-bones"),
        ("Bones", "spread-bones"),
        ("lungs", "spread-lungs"),
        ("chemo", "treat-chemo"),
        ("chemotherapy", "treat-chemo"),
        ("my bones hurt", "symptoms-bones"),
        ("radiation", "treat-radiation"),
        ("lymph nodes", "spread-lymph-nodes"),
        ("what is stage 4", "about-metastatic"),
        ("clinical trial", "clinical-trials"),
        ("brain mets symptoms", "symptoms-brain"),
        ("What are the symptoms of brain mets?", "symptoms-brain"),
    ],
)
def test_a_keyword_with_typos_or_plurals_gets_its_topic(
    twilio: TwilioSimulator, content: Content, body: str, topic: str
) -> None:
    assert a_page_of(content, topic, reply(twilio, body))


@pytest.mark.parametrize("body", ["MENU", "menu", "hi", "Hello!", "", "   ", "asdfghjkl", "???"])
def test_menu_greetings_and_anything_not_understood_get_the_short_menu(
    twilio: TwilioSimulator, content: Content, body: str
) -> None:
    message = reply(twilio, body)
    assert is_main_menu(content, message)
    assert "Reply with a number" in message


def test_a_number_answers_the_last_menu_sent_to_that_phone(twilio: TwilioSimulator, content: Content) -> None:
    reply(twilio, "menu")
    symptoms = reply(twilio, "4")
    assert f"1 {content.title('symptoms-bones')}" in symptoms
    assert first_page(content, "symptoms-bones") in reply(twilio, "1")
    assert first_page(content, "symptoms-lungs") in reply(twilio, "2"), "numbers still answer that menu"


def test_numbers_are_kept_apart_per_phone(twilio: TwilioSimulator, content: Content) -> None:
    reply(twilio, "medicines", sender="+15555550111")
    other = reply(twilio, "4", sender="+15555550122")
    assert f"1 {content.title('symptoms-bones')}" in other, "a new phone's numbers answer the main menu"
    assert first_page(content, "treat-hormone") in reply(twilio, "1", sender="+15555550111")


def test_a_number_not_in_the_menu_says_so_and_resends_that_menu(twilio: TwilioSimulator) -> None:
    reply(twilio, "symptoms")
    message = reply(twilio, "9")
    assert message.startswith("We did not find that")
    assert "Reply with a number" in message


def test_more_continues_a_long_topic_then_says_it_is_done(twilio: TwilioSimulator, content: Content) -> None:
    topic = next(t for t in content.topics.values() if len(t.texts["en"].sms) >= 2)
    pages = topic.texts["en"].sms
    first = reply(twilio, topic.texts["en"].keywords[0])
    assert pages[0] in first and "MORE" in first
    for page in pages[1:-1]:
        assert page in reply(twilio, "more")
    last = reply(twilio, "more")
    assert pages[-1] in last and "MENU" in last and "MORE" not in last
    assert "end of this topic" in reply(twilio, "More")


def test_more_with_no_topic_yet_gets_the_menu(twilio: TwilioSimulator, content: Content) -> None:
    assert is_main_menu(content, reply(twilio, "MORE"))


@pytest.mark.parametrize("body", ["HELP", "help", " Info ", "INFO"])
def test_help_names_the_line_what_to_text_how_to_stop_and_where_to_call(
    twilio: TwilioSimulator, content: Content, body: str
) -> None:
    message = reply(twilio, body)
    assert content.prompt("line_name") in message
    assert "STOP" in message and "MENU" in message and "911" in message
    assert "care team" in message


def test_help_offers_the_number_texted_for_a_call(twilio: TwilioSimulator) -> None:
    message = reply(twilio, "HELP")
    assert DEMO_LINE == "+15555550199" and "call 1-555-555-0199." in message  # as people read it


def test_help_gives_the_line_phone_number_when_set(make_app) -> None:
    phone = TwilioSimulator(make_app(line_phone="+1 (555) 555-0199 ext 12"))
    message = reply(phone, "HELP")
    assert "+1 (555) 555-0199 ext 12" in message
    assert gsm_length(message) <= SEGMENT_LIMIT


@pytest.mark.parametrize(
    "word",
    ["STOP", "stop", "  Stop  ", "STOPALL", "UNSUBSCRIBE", "cancel", "END", "quit", "REVOKE", "OPTOUT",
     "opt out", "Stop.", "stop please", "Please STOP texting me", "ＳＴＯＰ", "𝐒𝐓𝐎𝐏", "SТОР",
     "stop sending me these", "Don't text me", "no more texts", "no me escriban más"],
)
def test_opt_out_words_silence_the_line_until_start(
    twilio: TwilioSimulator, content: Content, word: str
) -> None:
    reply(twilio, "menu")
    heard = twilio.text(word)
    assert heard.status == 200 and heard.root.tag == "Response"
    if word.strip().lower() in TWILIO_STOP_KEYWORDS:
        assert heard.messages == []  # Twilio confirms its own keywords
    else:
        assert len(heard.messages) == 1 and ("START" in heard.messages[0] or "COMENZAR" in heard.messages[0])
    for later in ("menu", "liver", "HELP", "2"):
        assert twilio.text(later).messages == []


def test_twilio_s_opt_out_type_is_an_opt_out_whatever_the_words(twilio: TwilioSimulator) -> None:
    params = {"From": "+15555550100", "To": DEMO_LINE, "Body": "BASTA", "OptOutType": "STOP",
              "MessageSid": "SM" + "1" * 32, "AccountSid": "AC" + "0" * 32}
    heard = twilio.post("/sms", params)
    assert heard.status == 200 and heard.messages == []
    assert twilio.text("menu").messages == []


def test_a_spanish_opt_out_in_plain_words_is_confirmed_in_spanish(twilio: TwilioSimulator) -> None:
    heard = twilio.text("Por favor no me manden más mensajes")
    assert heard.messages == [
        "No recibira mas mensajes de esta linea. Para recibirlos otra vez, envie COMENZAR."  # in GSM-7
    ]


@pytest.mark.parametrize("word", ["START", "yes", "Unstop"])
def test_start_yes_or_unstop_confirms_and_the_line_answers_again(
    twilio: TwilioSimulator, content: Content, word: str
) -> None:
    twilio.text("STOP")
    confirmation = reply(twilio, word)
    assert "again" in confirmation and "STOP" in confirmation
    assert is_main_menu(content, reply(twilio, "menu"))


def test_start_from_a_phone_that_never_stopped_gets_the_menu(
    twilio: TwilioSimulator, content: Content
) -> None:
    assert is_main_menu(content, reply(twilio, "START"))
    assert is_main_menu(content, reply(twilio, "yes"))


def test_a_number_written_as_a_word_answers_the_menu(twilio: TwilioSimulator, content: Content) -> None:
    reply(twilio, "menu")
    assert f"1 {content.title('symptoms-bones')}" in reply(twilio, "four")


def test_a_stop_word_inside_a_question_is_not_an_opt_out(twilio: TwilioSimulator, content: Content) -> None:
    assert reply(twilio, "how do I stop bone pain")
    assert twilio.text("menu").messages != []


def test_an_opt_out_survives_a_restart(make_app) -> None:
    TwilioSimulator(make_app()).text("STOP")
    after_restart = TwilioSimulator(make_app())
    assert after_restart.text("menu").messages == []


def test_an_opt_out_is_kept_even_when_the_store_fails(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    store = runtime_of(app).store

    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "set_opted_out", broken)
    heard = TwilioSimulator(app).text("STOP")
    assert heard.status == 200 and heard.messages == []
    monkeypatch.undo()
    restarted = make_app()
    assert TwilioSimulator(restarted).text("menu").messages == []
    assert runtime_of(restarted).store.is_opted_out(
        runtime_of(restarted).hash_phone("+15555550100")
    )


def test_every_reply_a_texter_can_get_is_plain_gsm_and_at_most_two_segments(
    twilio: TwilioSimulator, content: Content
) -> None:
    messages = [reply(twilio, "HELP"), reply(twilio, "xyzzy"), reply(twilio, "more")]
    for menu in content.menus:
        messages.append(reply(twilio, content.menus[menu].texts["en"].title))
    for topic in content.topics.values():
        messages.append(reply(twilio, topic.texts["en"].keywords[0]))
        messages += [reply(twilio, "more") for _ in topic.texts["en"].sms[1:]]
    twilio.text("STOP")
    messages.append(reply(twilio, "START"))
    for message in messages:
        assert non_gsm(message) == [], message
        assert gsm_length(message) <= SEGMENT_LIMIT, message


@pytest.mark.parametrize(
    "body",
    [
        "liver" + " " * 200_000,
        "x" * 200_000,
        "liv\x00er",
        "\x00\x00\x00",
        "liver 😀🎗️💗",
        "😀",
        "<Response><Dial>+15555550000</Dial></Response>",
        "]]><Message>hacked</Message>",
        "' OR 1=1; DROP TABLE state; --",
        "%s %n {0} {intro}",
    ],
)
def test_hostile_or_huge_input_gets_a_normal_reply(twilio: TwilioSimulator, body: str) -> None:
    heard = twilio.text(body)
    assert heard.status == 200
    assert twiml_errors(heard.xml) == []
    assert len(heard.messages) == 1
    assert "hacked" not in heard.messages[0] and "Dial" not in heard.xml
    assert gsm_length(heard.messages[0]) <= SEGMENT_LIMIT


def test_a_fault_on_our_side_gets_an_apology_not_an_error_page(
    app, twilio: TwilioSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(runtime_of(app).store, "put", broken)
    monkeypatch.setattr(runtime_of(app).store, "put_many", broken)  # the place saved with the answer
    message = reply(twilio, "liver")
    assert message.startswith("Sorry") and "MENU" in message


def test_when_the_store_cannot_say_whether_a_number_opted_out_the_line_stays_silent(
    app, twilio: TwilioSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("store unreachable")

    monkeypatch.setattr(runtime_of(app).store, "texter", broken)
    heard = twilio.text("liver")
    assert heard.status == 200 and heard.root is not None and heard.root.find("Message") is None


def test_no_phone_number_is_stored_or_logged_in_clear(
    app, twilio: TwilioSimulator, settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    number = "+14155550123"
    for body in ("hi", "2", "STOP", "START", "liver"):
        twilio.text(body, sender=number)
    db_path = Path(settings.state_url.removeprefix("sqlite:///"))
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob("state.db*"))
    assert raw, "the store wrote nothing"
    for form in (number, number[1:], "4155550123"):
        assert form.encode() not in raw
        assert form not in caplog.text


def test_a_fault_beyond_the_webhook_guard_still_gets_twiml(
    app, twilio: TwilioSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("hash key unreadable")

    monkeypatch.setattr(PhoneHasher, "__call__", broken)
    heard = twilio.text("liver")
    assert heard.status == 200 and twiml_errors(heard.xml) == []
    assert heard.messages and heard.messages[0].startswith("Sorry")


def test_a_stop_that_cannot_be_recorded_anywhere_still_sends_nothing(
    app, twilio: TwilioSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise OSError("disk full")

    runtime = runtime_of(app)
    monkeypatch.setattr(runtime.store, "set_opted_out", broken)
    monkeypatch.setattr(runtime.optouts.journal, "append", broken)
    heard = twilio.text("STOP")
    assert heard.status == 200 and heard.messages == []
