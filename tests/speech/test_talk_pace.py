"""Speed and loudness in the talking menu: steps both ways within bounds, the limits said, and normal."""

from __future__ import annotations

import pytest

from service.content import Content
from service.content.prompts import Prompt
from service.core.matching import matchers_for
from service.speech.pace import CONTROL_WORDS, Control, Pace, control_for


def walk(pace: Pace, *controls: Control) -> list[tuple[int, float, Prompt]]:
    """(rate, volume, what is said) after each change in turn."""
    seen = []
    for control in controls:
        pace, said = pace.apply(control)
        seen.append((pace.rate, pace.volume, said))
    return seen


def test_slower_and_faster_step_within_100_and_200_and_say_when_at_the_limit() -> None:
    pace = Pace.starting(150, 120)
    rates = [rate for rate, _, _ in walk(pace, *[Control.SLOWER] * 3, *[Control.FASTER] * 5)]
    assert rates == [125, 100, 100, 125, 150, 175, 200, 200]
    said = [s for _, _, s in walk(pace, *[Control.SLOWER] * 3)]
    assert said == [Prompt.TALK_SLOWER, Prompt.TALK_SLOWER, Prompt.TALK_SLOWEST]


def test_normal_brings_back_the_normal_rate_and_loudness() -> None:
    pace = Pace.starting(150, 120)
    back = walk(pace, Control.FASTER, Control.LOUDER, Control.NORMAL)[-1]
    assert back == (150, 1.0, Prompt.TALK_NORMAL_SPEED)


def test_key_7_goes_to_the_slower_rate_and_back_to_normal_as_on_the_phone() -> None:
    pace = Pace.starting(150, 120)
    assert walk(pace, Control.SLOW_OR_NORMAL, Control.SLOW_OR_NORMAL) == [
        (120, 1.0, Prompt.TALK_SLOWER), (150, 1.0, Prompt.TALK_NORMAL_SPEED),
    ]
    at_fastest = Pace(200, 150, 120)
    assert at_fastest.apply(Control.SLOW_OR_NORMAL)[0].rate == 120


def test_a_normal_rate_outside_100_to_200_stays_reachable() -> None:
    pace = Pace.starting(250, 200)
    rates = [rate for rate, _, _ in walk(pace, Control.FASTER, Control.SLOWER, Control.SLOWER)]
    assert rates == [250, 225, 200]


def test_louder_and_softer_step_and_say_when_at_the_limit() -> None:
    pace = Pace.starting(150, 120)
    volumes = walk(pace, *[Control.LOUDER] * 3)
    assert [v for _, v, _ in volumes] == [1.5, 2.0, 2.0]
    assert volumes[-1][2] is Prompt.TALK_LOUDEST
    softer = walk(pace, *[Control.SOFTER] * 4)
    assert [v for _, v, _ in softer] == [0.6, 0.4, 0.25, 0.25]
    assert softer[-1][2] is Prompt.TALK_SOFTEST


@pytest.mark.parametrize(
    ("entry", "control"),
    [("-", Control.SLOWER), ("+", Control.FASTER), ("=", Control.FASTER), ("*", Control.NORMAL),
     ("7", Control.SLOW_OR_NORMAL), ("\x1b[A", Control.LOUDER), ("\x1b[B", Control.SOFTER),
     ("Faster", Control.FASTER), ("too fast", Control.SLOWER), ("quieter", Control.SOFTER),
     ("1", None), ("liver", None)],
)
def test_keys_and_words_that_change_the_speech(entry: str, control: Control | None) -> None:
    assert control_for(entry) is control


def test_no_word_that_changes_the_speech_is_a_word_that_finds_a_topic(content: Content) -> None:
    matchers = matchers_for(content)
    for word in CONTROL_WORDS:
        assert matchers["en"].match(word) is None, word


def test_the_speeds_one_key_away_are_known_likeliest_first() -> None:
    assert Pace.starting(150, 120).nearby() == [175, 125, 120]
    assert Pace(200, 150, 120).nearby() == [175, 120, 150]
