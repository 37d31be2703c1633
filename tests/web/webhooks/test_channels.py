"""WhatsApp on the messaging webhook: whole topics with their accents, opt-out per address, media
without words (service/web/webhooks/channels.py)."""

from __future__ import annotations

import pytest
from flask import Flask

from service.content import Content
from service.core import wording
from service.core.texts import Show, TextReply, TextState, page_order
from service.web.twilio.outbound import SendError
from service.web.twilio.simulate import TwilioSimulator
from service.web.webhooks.textme import outbox_of
from tests.twilio_api import StandIn
from tests.usage.conftest import counted

PHONE = "+15555550123"
WHATSAPP = f"whatsapp:{PHONE}"


def whatsapp(twilio: TwilioSimulator, body: str, **extra: str) -> str:
    heard = twilio.text(body, sender=WHATSAPP, **extra)
    assert heard.status == 200 and len(heard.messages) == 1, heard.xml
    return heard.messages[0]


def test_a_topic_comes_whole_in_one_message(app: Flask, twilio: TwilioSimulator, content: Content) -> None:
    pages = content.topic_text("spread-bones", "en").sms
    message = whatsapp(twilio, "bones")
    assert message == "\n\n".join(pages) + " (Reply MENU for topics)"
    assert "That is the end of this topic." in whatsapp(twilio, "MORE")
    assert counted(app)[("topic", "whatsapp", "en", "spread-bones")] == 1


def test_spanish_keeps_its_accents_on_whatsapp_and_folds_them_on_sms(
    twilio: TwilioSimulator, content: Content
) -> None:
    pages = content.topic_text("spread-bones", "es").sms
    message = whatsapp(twilio, "huesos")
    assert message.startswith(pages[0]) and any(not char.isascii() for char in message)
    assert all(page in message for page in pages)
    assert twilio.text("huesos", sender=PHONE).messages[0].isascii()


@pytest.mark.parametrize("words", ["I can't breathe", "chest pain", "I want to end my life"])
def test_an_urgent_or_crisis_message_gets_the_same_first_answer_as_on_sms(twilio: TwilioSimulator,
                                                                            words: str) -> None:
    sms = twilio.text(words, sender=PHONE).messages[0]
    assert whatsapp(twilio, words) == sms
    assert "911" in sms.split(".")[0] or "988" in sms.split(".")[0]


def test_each_address_opts_out_on_its_own(app: Flask, twilio: TwilioSimulator) -> None:
    assert twilio.text("STOP", sender=WHATSAPP).messages == [
        "You will get no more texts from this line. To get them again, text START."]
    assert twilio.text("liver", sender=WHATSAPP).messages == []
    assert twilio.text("liver", sender=PHONE).messages  # the same number by SMS still gets answers
    twilio.text("STOP", sender=PHONE)
    assert twilio.text("START", sender=WHATSAPP).messages
    assert twilio.text("liver", sender=WHATSAPP).messages
    assert twilio.text("liver", sender=PHONE).messages == []
    assert counted(app)[("opt_out", "whatsapp", "", "")] == 1


def test_a_whatsapp_stop_twilio_read_itself_is_not_confirmed_twice(twilio: TwilioSimulator) -> None:
    """With a Messaging Service's Advanced Opt-Out, Twilio confirms and says so in OptOutType."""
    assert twilio.text("STOP", sender=WHATSAPP, OptOutType="STOP").messages == []
    assert twilio.text("liver", sender=WHATSAPP).messages == []


@pytest.mark.parametrize(
    "media",
    [
        {"NumMedia": "1", "MediaContentType0": "audio/ogg", "MediaUrl0": "https://api.twilio.com/m/ME1"},
        {"NumMedia": "1", "MediaContentType0": "image/jpeg", "MediaUrl0": "https://api.twilio.com/m/ME2"},
        {"Latitude": "40.7128", "Longitude": "-74.0060", "Address": "New York"},
    ],
)
def test_a_voice_note_picture_or_place_without_words_gets_a_kind_reply(
    twilio: TwilioSimulator, media: dict[str, str]
) -> None:
    for sender in (WHATSAPP, PHONE):
        heard = twilio.text("", sender=sender, **media)
        message = heard.messages[0]
        assert message.startswith("Thank you. I can only read words, not pictures, voice notes or places.")
        assert "Text a word like BONES" in message and "call 1-555-555-0199." in message


def test_a_picture_with_words_is_answered_by_its_words(twilio: TwilioSimulator, content: Content) -> None:
    message = whatsapp(twilio, "liver", NumMedia="1", MediaContentType0="image/jpeg")
    assert message.startswith(content.topic_text("spread-liver", "en").sms[0])


@pytest.mark.parametrize(("words", "start"), [
    ("this is my scan", "Thank you. I can only read words, not pictures"),
    ("can you read my report", "Thank you. I can only read words, not pictures"),
    ("que dice esto", "Gracias. Solo puedo leer palabras"),
    ("is this a blood clot in my leg", "An arm or leg that is suddenly swollen"),  # danger told: what to do
])
def test_a_picture_with_words_that_only_point_at_it_says_the_picture_cannot_be_read(
    twilio: TwilioSimulator, words: str, start: str
) -> None:
    """"this is my scan" with a picture had got the page on scans, as if the picture had been read."""
    heard = twilio.text(words, sender=PHONE, NumMedia="1", MediaContentType0="image/jpeg")
    assert heard.messages[0].startswith(start), heard.messages


def test_every_topic_fits_one_whatsapp_message_or_continues_with_more(content: Content) -> None:
    for topic in content.topics:
        for lang in content.languages:
            for first in range(len(content.topic_text(topic, lang).sms)):
                assert pages_sent(content, TextState(topic=topic, page=first, first=first, lang=lang))


def pages_sent(content: Content, state: TextState) -> bool:
    """Whether WhatsApp messages of at most 1,600 characters, then MORE, send every page once, in order."""
    order = page_order(len(content.topic_text(state.topic, state.lang).sms), state.first)
    sent: list[int] = []
    while len(sent) < len(order):
        message = wording.whatsapp_message(content, TextReply(state, Show.PAGE))
        assert len(message) <= wording.WHATSAPP_LIMIT
        sent += wording.topic_run(content, state)
        following = order[min(len(sent), len(order) - 1)]
        state = TextState(state.menu, state.topic, following, state.lang, state.first)
    return sent == order


def test_the_line_only_answers_on_whatsapp_and_never_sends_on_its_own(
    texting_app: Flask, twilio_api: StandIn
) -> None:
    twilio = TwilioSimulator(texting_app)
    for body in ("bones", "MORE", "HELP", "STOP", "START", ""):
        twilio.text(body, sender=WHATSAPP)
    assert twilio_api.sent == []
    outbox = outbox_of(texting_app)
    assert outbox is not None
    with pytest.raises(SendError):
        # Outside a session WhatsApp allows no free text.
        outbox.sender.send(WHATSAPP, "+15555550199", ["hello"])
    assert twilio_api.sent == []
