"""Keyword matching against the real content's keywords."""

from __future__ import annotations

import pytest

from service.content import Content
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
