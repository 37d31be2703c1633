"""The emergency-sign rule: a page that names a sign says what to do, in that sentence or the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.checker.cli import check_content
from tests.test_content_check import TODAY, Breaker

PAGE = "topics/about-recurrence.yaml"
EN_PAGE = "      Your care team can tell you more about what a recurrence means for you.\n"
ES_PAGE = "      Su equipo médico le puede decir más sobre lo que una recurrencia quiere decir para usted.\n"


def page(text: str) -> str:
    return f"      {text}\n"


def sign_errors(breaker: Breaker) -> list[str]:
    return [line for line in breaker.new_errors() if "names " in line or "urgent-signs" in line]


@pytest.fixture
def where(breaker: Breaker) -> str:
    return f"content/{PAGE}:{breaker.line(PAGE, EN_PAGE.strip()) - 1}: en.sms[2]"  # its "- >-" line


def test_a_fact_page_that_names_a_fever_without_what_to_do_fails(breaker: Breaker, where: str) -> None:
    fever = "A fever can be a sign of an infection. Your care team can tell you more."
    breaker.replace(PAGE, EN_PAGE, page(fever))
    assert sign_errors(breaker) == [
        f"{where}: names fever ('fever') but says its action neither in that sentence nor the next: add, "
        "for example, 'Chills, or a fever of 100.4 F (38 C) or higher, during treatment: call your care team "
        "right away, or 911 if you cannot reach them at once.'"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A fever can be a sign of an infection. Call your care team right away if you have one.",
        "With a fever during treatment, call your care team right away.",
        "Coughing up blood needs help now: call 911.",
        "Your temperature may be checked at each visit. Calcium helps keep bones strong.",
        "If this fits your care, your care team will say so.",
    ],
)
def test_a_page_that_says_what_to_do_or_names_no_sign_passes(breaker: Breaker, text: str) -> None:
    breaker.replace(PAGE, EN_PAGE, page(text))
    assert sign_errors(breaker) == []


def test_in_an_emergency_call_911_does_not_say_a_seizure_is_one(breaker: Breaker, where: str) -> None:
    breaker.replace(PAGE, EN_PAGE, page("A seizure may be the first sign. In an emergency, call 911."))
    assert [e.split(": add")[0] for e in sign_errors(breaker)] == [
        f"{where}: names seizure ('seizure') but says its action neither in that sentence nor the next"
    ]


def test_a_care_team_sign_is_not_answered_by_911_alone(breaker: Breaker) -> None:
    breaker.replace(PAGE, EN_PAGE, page("High calcium can make you confused. Call 911."))
    assert len(sign_errors(breaker)) == 1 and "names calcium ('high calcium')" in sign_errors(breaker)[0]


def test_a_spanish_page_is_read_in_spanish_with_or_without_accents(breaker: Breaker) -> None:
    line = breaker.line(PAGE, ES_PAGE.strip()) - 1
    breaker.replace(PAGE, ES_PAGE, page("A veces hay una convulsion. Su equipo médico le dirá más."))
    assert [e.split(": add")[0] for e in sign_errors(breaker)] == [
        f"content/{PAGE}:{line}: es.sms[2]: names seizure ('convulsion') but says its action "
        "neither in that sentence nor the next"
    ]


def test_the_action_must_be_on_the_same_sms_page(breaker: Breaker) -> None:
    first = "      Local: in the same breast, or the chest wall or nearby skin if the breast was removed.\n"
    breaker.replace(PAGE, first, page("Local: in the same breast. Some people cough up blood."))
    breaker.replace(PAGE, EN_PAGE, page("Coughing up blood needs help now: call 911."))
    errors = sign_errors(breaker)
    assert len(errors) == 1 and ": en.sms[1]: names coughing-blood ('cough up blood')" in errors[0]


def test_the_action_must_be_in_the_same_spoken_part(breaker: Breaker) -> None:
    """A caller who hangs up after part 1 has heard the sign; the action must not wait for part 2."""
    voice = "    Cancer that comes back after treatment is called a recurrence.\n"
    filler = " ".join(["Some cells can lie quiet for a long time, then grow."] * 6)
    late = "Call 911 for a seizure, as it needs help now."
    breaker.replace(PAGE, voice, f"    {filler} A seizure can happen.\n    {late}\n")
    errors = sign_errors(breaker)
    assert len(errors) == 1 and ": en.voice: in part 1 as spoken, names seizure ('seizure')" in errors[0]


URGENT = "topics/symptoms-urgent.yaml"
URGENT_FIRST = "    Call 911 now for a seizure, chest pain, or coughing up blood.\n"


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("    Call 911 now for a seizure or coughing up blood.\n", "leaves out chest-pain"),
        (f"    Call your care team right away for a fever.\n{URGENT_FIRST}", "must name the 911 signs first"),
    ],
)
def test_the_urgent_topic_names_every_sign_911_signs_first(breaker: Breaker, new: str, message: str) -> None:
    breaker.replace(URGENT, URGENT_FIRST, new)
    errors = [e for e in breaker.new_errors() if "urgent-signs topic" in e]
    voice = breaker.line(URGENT, "  voice:")
    assert errors == [f"content/{URGENT}:{voice}: en.voice: the urgent-signs topic {message}"]


def test_a_sign_whose_own_sentence_does_not_say_its_action(breaker: Breaker) -> None:
    breaker.replace("signs.yaml", '"Chest pain needs help now: call 911."', '"Chest pain needs help now."')
    line = breaker.line("signs.yaml", '"Chest pain needs help now."')
    assert f"content/signs.yaml:{line}: signs[3].en.action: must say 911 (call-911)" in breaker.new_errors()


def test_the_shipped_pages_say_what_to_do_for_every_sign_they_name(content_copy: Path) -> None:
    problems = [str(p) for p in check_content(content_copy, 365, TODAY).problems if "names " in p.message]
    assert problems == []
