"""One folding for every match and command word: look-alikes read as letters, letters never lost."""

from __future__ import annotations

import pytest

from service.core.gsm import to_gsm
from service.words.fold import ascii_letters, normalize


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("ＢＯＮＥＳ", "bones"), ("𝐥𝐢𝐯𝐞𝐫", "liver"), ("Ьrain", "brain"), ("Сhemo", "chemo"),
        ("li\u200bver", "liver"), ("Líver\x00 <b>mets</b>!", "liver b mets b"), ("cœur", "coeur"),
        ("straße", "strasse"), ("Łódź", "lodz"), ("don’t text me", "dont text me"),
        ("metástasis ósea", "metastasis osea"), ("liver💔mets", "liver mets"), ("ﬁve", "five"),
        ("①", "1"), ("", ""),
    ],
)
def test_people_s_letters_fold_to_plain_words(written: str, read: str) -> None:
    assert normalize(written) == read


@pytest.mark.parametrize(("written", "read"), [
    ("Q es la quimio", "que es la quimio"), ("xq me duele", "porque me duele"), ("pq?", "porque"),
    ("quimio tmb", "quimio tambien"), ("iq", "iq"),
])
def test_spanish_texting_shorthand_is_read_as_its_word(written: str, read: str) -> None:
    assert normalize(written) == read


def test_the_matcher_reads_look_alike_letters(content) -> None:  # type: ignore[no-untyped-def]
    from service.core.matching import Matcher

    matcher = Matcher(content, "en")
    assert matcher.match("ＢＯＮＥＳ") == matcher.match("bones") is not None
    assert matcher.match("ЬОNES") == matcher.match("bones")  # Cyrillic О and a Ь that looks like b


def test_sent_texts_keep_letters_gsm_lacks() -> None:
    assert to_gsm("cœur, Łódź") == "coeur, Lodz"
    assert to_gsm("straße") == "straße"  # ß is in GSM-7 itself
    assert ascii_letters("œ") == "oe" and ascii_letters("✓") == ""
