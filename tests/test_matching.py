"""Keyword matching against the real content's keywords."""

from __future__ import annotations

import pytest

from service.content import Content
from service.core import matching
from service.core.matching import Matcher, normalize


@pytest.fixture(scope="module")
def matcher(content: Content) -> Matcher:
    return Matcher(content, "en")


@pytest.mark.parametrize(
    ("message", "node"),
    [
        ("brian", "spread-brain"),
        ("brain mets", "spread-brain"),
        ("livr", "spread-liver"),
        ("liver", "spread-liver"),
        ("lung", "spread-lungs"),
        ("bone mets", "spread-bones"),
        ("my bones hurt", "symptoms-bones"),
        ("herceptin", "treat-targeted"),
        ("hercepton", "treat-targeted"),
        ("chemo", "treat-chemo"),
        ("xgeva", "treat-bone"),
        ("treatment", "medicines"),
        ("symptoms", "symptoms"),
        ("what are the symptoms of brain mets", "symptoms-brain"),
        ("signs of liver mets", "symptoms-liver"),
        ("how long will I live", "choosing-treatment"),
        ("I'm in pain", "symptoms"),
        ("911", "symptoms-urgent"),
        ("lugns", "spread-lungs"),
    ],
)
def test_messages_find_their_node(matcher: Matcher, message: str, node: str) -> None:
    assert matcher.match(message) == node


@pytest.mark.parametrize("message", ["train", "drain", "the river", "lover", "ones"])
def test_everyday_words_are_not_read_as_typos_of_keywords(matcher: Matcher, message: str) -> None:
    assert matcher.match(message) is None


@pytest.mark.parametrize("message", ["", "😀", "zzzz qqqq", "the and of", "ok"])
def test_nonsense_finds_nothing(matcher: Matcher, message: str) -> None:
    assert matcher.match(message) is None


def test_normalize_drops_markup_accents_and_nul() -> None:
    assert normalize("Líver\x00 <b>mets</b>!") == "liver b mets b"


def test_a_message_answers_the_same_the_second_time_as_the_first(content: Content) -> None:
    """Kept answers (every keyword, and recent other wordings) are the fuzzy search's own."""
    fresh = Matcher(content, "en")
    messages = [k for node in content.topics for k in content.text(node, "en").keywords[:4]]
    messages += ["my bones hurt", "lugns", "I have a headache that wont go away", "xyzzy"]
    first = [fresh.match(m) for m in messages]
    assert [fresh.match(m) for m in messages] == first
    assert first == [Matcher(content, "en").match(m) for m in messages]


def test_kept_answers_to_other_wordings_are_bounded(content: Content,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "RECENT_ANSWERS", 5)
    fresh = Matcher(content, "en")
    for number in range(20):
        fresh.match(f"where does it go {number} times")
    assert len(fresh._recent) <= 5
    assert fresh.match("lugns") == "spread-lungs"


def test_everyday_spanish_words_are_not_read_as_typos_of_spanish_keywords(content: Content) -> None:
    spanish = Matcher(content, "es")
    assert spanish.match("lento") is None  # one letter from a keyword word, but an everyday word
    assert spanish.match("uesos") == "spread-bones"  # a typo that is no word still finds its topic
    assert spanish.match("igado") == spanish.match("hígado")
