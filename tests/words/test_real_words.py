"""Triage reads a typo as the rule's word it is near, but never a common word of its own ("doing" is not
"dying"): service/words/real.py lists those words, and this finds them again with wordfreq."""

from __future__ import annotations

import os
import textwrap

from wordfreq import top_n_list, zipf_frequency

from service.safety.triage import fold_typos, nearest_pattern_word
from service.words.real import REAL_WORDS

MIN_ZIPF = 3.0  # about once per million words or more often
TOP_WORDS = 30_000
LANGUAGES = ("en", "es")
INDENT = "    "


def _forms_of_one_word(word: str, other: str) -> bool:
    """Whether two words are one word's forms ("strokes", "stroke"): they differ only at the end."""
    shared = len(os.path.commonprefix([word, other]))
    return shared >= min(len(word), len(other)) - 1


def real_words() -> list[str]:
    """Common words that triage would otherwise read as a different word of its rules."""
    found: set[str] = set()
    for lang in LANGUAGES:
        for word in top_n_list(lang, TOP_WORDS):
            plain = len(word) >= 5 and word.isascii() and word.isalpha()
            if not plain or zipf_frequency(word, lang) < MIN_ZIPF:
                continue
            folded = nearest_pattern_word(word)
            if folded != word and not _forms_of_one_word(word, folded):
                found.add(word)
    return sorted(found)


def test_every_common_word_near_a_rule_word_is_kept_as_it_is() -> None:
    expected = real_words()
    listed = textwrap.fill(" ".join(expected), 100, initial_indent=INDENT, subsequent_indent=INDENT)
    assert set(expected) <= REAL_WORDS, f"write these into service/words/real.py:\n{listed}"


def test_everyday_sentences_keep_their_own_words() -> None:
    for sentence in ("i am doing well", "i was cooking dinner", "walking helps me", "ahora estoy bien",
                     "thanks so much", "i shared the news with my sister", "my kids got a strike"):
        assert fold_typos(sentence) == sentence


def test_typos_and_other_forms_of_a_rule_word_are_still_read_as_it() -> None:
    assert fold_typos("i cant breth") == "i cant breath"
    assert fold_typos("she had strokes") == "she had stroke"
    assert fold_typos("suicdal thoughts") == "suicidal thoughts"
