"""The set of lines to render holds every line a call can say, found from the call core itself."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime

import pytest
from flask import Flask

from service.content import Content
from service.core.calls import CallNavigator, CallState
from service.core.hours import OpeningHours
from service.core.wording import topic_parts, turn_lines
from service.speech.lines import phone_lines
from service.web.twilio.simulate import TwilioSimulator

VOICE_PROMPTS = (
    "welcome", "say_also", "sorry_key", "sorry_speech", "no_answer_speech", "silence", "slower_off",
    "goodbye", "error", "urgent_now",
)
KEYED_PROMPTS = {"slower_on": {"key": "7"}, "more": {"key": "1"}, "keys_short_main": {"repeat": "9"},
                 "keys_short": {"repeat": "9", "back": "8", "main": "0"},
                 "keys_full": {"repeat": "9", "back": "8", "main": "0", "slower": "7"}}


def test_every_topic_menu_intro_and_spoken_prompt_is_in_every_language(content: Content) -> None:
    texts = {(line.lang, line.text) for line in phone_lines(content)}
    for lang in content.languages:
        for topic in content.topics.values():
            for part in topic_parts(content, topic.id, lang):
                assert (lang, part) in texts, topic.id
        for menu in content.menus.values():
            if menu.texts[lang].intro:
                assert (lang, menu.texts[lang].intro) in texts, menu.id
        for name in VOICE_PROMPTS:
            assert (lang, content.prompt(name, lang)) in texts, name
        for name, keys in KEYED_PROMPTS.items():
            assert (lang, content.prompt(name, lang, **keys)) in texts, name


@pytest.mark.parametrize("moment", [
    datetime(2026, 12, 8, 7, 0, tzinfo=UTC), datetime(2026, 12, 8, 16, 0, tzinfo=UTC),
    datetime(2026, 12, 12, 16, 0, tzinfo=UTC), datetime(2026, 12, 9, 2, 30, tzinfo=UTC),
])
def test_the_person_answer_is_rendered_as_said_at_any_hour(content: Content, moment: datetime) -> None:
    texts = {(line.lang, line.text) for line in phone_lines(content)}
    calls = CallNavigator(content)
    for lang, scared in (("en", "i am scared"), ("es", "tengo miedo")):
        turn = calls.say(CallState(lang=lang), scared, moment)
        assert turn.state.lang == lang and (lang, turn_lines(content, turn)[0]) in texts


def test_the_operators_helpline_line_is_rendered_when_set(content: Content) -> None:
    texts = {line.text for line in phone_lines(content, "+18005550100")}
    assert content.prompt("distress_helpline", phone="1-800-555-0100") in texts
    assert not any("helpline at" in text for text in (line.text for line in phone_lines(content)))


def test_no_text_message_wording_is_rendered(content: Content) -> None:
    texts = {line.text for line in phone_lines(content)} - {content.prompt("urgent_now")}
    assert not any(content.prompt(name) in texts for name in content.prompts["en"] if name.startswith("sms_"))


def test_lines_are_distinct_and_carry_readable_ids(content: Content) -> None:
    lines = phone_lines(content)
    assert len({(line.lang, line.text) for line in lines}) == len(lines)
    ids = {line.text_id for line in lines}
    assert "en:prompt:welcome" in ids and "en:topic:spread-bones" in ids and "en:menu:spread:intro" in ids
    assert any(i.startswith("en:line:for-") and i.endswith("-press-1") for i in ids)


def test_everything_a_caller_can_hear_through_the_webhooks_is_in_the_set(
    app: Flask, content: Content
) -> None:
    texts = {line.text for line in phone_lines(content)}
    heard: set[str] = set()
    queue: deque[tuple[str, ...]] = deque([()])
    explored = 0
    while queue and explored < 120:
        keys = queue.popleft()
        explored += 1
        phone = TwilioSimulator(app)
        answer = phone.dial()
        for key in keys:
            answer = phone.wait() if key == "-" else phone.press(key)
        heard.update(answer.says)
        if len(keys) < 3:
            queue.extend(keys + (k,) for k in "123457890*-")
    assert any("To hear more, press 1." in line for line in heard), "a topic in parts was heard"
    assert heard and heard <= texts, heard - texts


def test_a_person_and_text_me_this_lines_are_rendered(content: Content) -> None:
    hours = OpeningHours.parse("Mon-Fri 09:00-17:00 America/New_York")
    texts = {line.text for line in phone_lines(content, "+18005550100", hours)}
    for name in ("person_connecting", "person_thanks", "person_no_answer", "text_sent", "text_failed",
                 "text_opted_out"):
        assert content.prompt(name) in texts, name
    assert content.prompt("person_key", key="6") in texts
    assert content.prompt("text_key", key="2") in texts
    assert content.prompt("text_limit", limit="3") in texts
    assert content.prompt("person_closed", hours=hours.describe("en"), place="New York") in texts
    without_helpline = {line.text for line in phone_lines(content)}
    assert content.prompt("person_key", key="6") not in without_helpline
