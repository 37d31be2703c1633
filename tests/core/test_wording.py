"""After the urgent line, a caller hears the topic's facts, never a second, softer "if not" line."""

from __future__ import annotations

import pytest

from service.content import Content
from service.core.wording import topic_parts, without_opening_advice
from service.web.twilio.simulate import TwilioSimulator

SYMPTOM_TOPICS = ("symptoms-bones", "symptoms-brain", "symptoms-lungs", "symptoms-liver", "symptoms-general")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("topic", SYMPTOM_TOPICS)
def test_a_symptom_topic_after_the_urgent_line_starts_at_its_facts(
    content: Content, topic: str, lang: str
) -> None:
    said = without_opening_advice(topic_parts(content, topic, lang)[0])
    assert said and not said.lower().startswith(("if not", "si no,", "if this may be", "si puede ser"))
    assert "911" not in said.split(".")[0]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_urgent_topic_is_said_whole_its_911_signs_first(content: Content, lang: str) -> None:
    first = topic_parts(content, "symptoms-urgent", lang)[0]
    assert without_opening_advice(first) == first
    assert first.startswith(("Call 911 now for a seizure", "Llame al 911 ahora si hay una convulsión"))


def test_a_spanish_caller_who_says_emergencia_hears_no_contradiction(
    twilio: TwilioSimulator, content: Content
) -> None:
    twilio.dial(lang="es")
    heard = twilio.speak("emergencia")
    assert heard.says[0] == content.prompt("urgent_now", "es")
    assert "llame hoy" not in " ".join(heard.says).lower()
    assert heard.says[1].startswith("Llame al 911 ahora si hay una convulsión")
