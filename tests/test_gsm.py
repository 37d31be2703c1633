"""GSM-7 folding: plain text passes untouched, look-alikes and other letters are folded."""

from __future__ import annotations

from service.core.gsm import non_gsm, to_gsm


def test_plain_gsm_text_comes_back_as_it_is() -> None:
    text = "Bones: pain that won't go away? Call your care team. 1) MORE £5 {x} €"
    assert to_gsm(text) == text
    assert non_gsm(to_gsm(text)) == []


def test_look_alike_punctuation_and_other_letters_are_folded() -> None:
    folded = to_gsm("It\u2019s \u201cfine\u201d \u2014 na\u00efve\u2026 caf\u00e9 \U0001f600")
    assert folded == 'It\'s "fine" - naive... café '
    assert non_gsm(to_gsm("\u0141\u00f3d\u017a \u4e2d\u6587 \t tab")) == []
