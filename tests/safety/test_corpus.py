"""The safety corpus holds what the brief asks of it, and triage holds its floors on the held-out part."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier

from service.config import PROJECT_ROOT
from service.content.signs import REQUIRED_SIGNS
from service.safety import model as model_module
from service.safety.corpus import COARSE_LABELS, ORDINARY, URGENT, coarse, examples, split
from service.safety.heldout import figures, held_out_model, table

CORPUS = examples()


def test_the_corpus_is_large_and_a_quarter_spanish_and_a_quarter_ordinary() -> None:
    assert len(CORPUS) >= 400
    assert sum(example.lang == "es" for example in CORPUS) >= len(CORPUS) / 4
    assert sum(example.label == ORDINARY for example in CORPUS) >= len(CORPUS) / 4


def test_every_label_is_a_class_or_a_sign_and_every_sign_has_messages_in_both_languages() -> None:
    labels = {example.label for example in CORPUS}
    assert labels <= {*COARSE_LABELS, URGENT, *REQUIRED_SIGNS}
    for sign in REQUIRED_SIGNS:
        langs = {example.lang for example in CORPUS if example.label == sign}
        assert langs == {"en", "es"}, sign


def test_no_message_is_written_twice() -> None:
    texts = [example.text for example in CORPUS]
    assert len(texts) == len(set(texts))


def test_the_held_out_part_is_a_quarter_of_each_class_the_same_every_time_and_apart_from_training() -> None:
    train, held = split()
    assert split() == (train, held)
    assert not {e.text for e in train} & {e.text for e in held}
    for name in ("crisis", URGENT, "distress", "prognosis", ORDINARY):
        total = sum(coarse(e.label) == name for e in CORPUS)
        kept_out = sum(coarse(e.label) == name for e in held)
        assert abs(kept_out - total / 4) <= 8, name


def test_crisis_and_urgent_signs_are_found_in_held_out_messages() -> None:
    found = figures()
    assert found["crisis"].recall >= 0.98
    assert found[URGENT].recall >= 0.98


def test_ordinary_questions_in_alarming_words_keep_their_topic() -> None:
    found = figures()
    assert found[ORDINARY].precision >= 0.95
    assert found[ORDINARY].recall >= 0.95, "over-firing: ordinary questions were alarmed"


def test_the_readme_shows_the_held_out_figures_as_they_are_today() -> None:
    assert table() in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_the_fast_scorer_gives_scikit_learns_own_probabilities() -> None:
    """Scoring without scikit-learn at run time must not change a single answer."""
    train, held = split()
    vectorizer = TfidfVectorizer(analyzer=model_module._feature_list, sublinear_tf=True)
    matrix = vectorizer.fit_transform([e.text for e in train])
    reference = SGDClassifier(
        loss="log_loss", alpha=model_module.ALPHA, max_iter=model_module.EPOCHS, tol=None,
        class_weight=model_module.CLASS_WEIGHT, average=True, random_state=model_module.SEED,
    ).fit(matrix, [coarse(e.label) for e in train])
    expected = reference.predict_proba(vectorizer.transform([e.text for e in held]))
    ours = held_out_model()
    for example, row in zip(held, expected, strict=True):
        got = ours.scores(example.text).classes
        assert np.allclose([got[str(c)] for c in reference.classes_], row, atol=1e-9), example.text


@pytest.mark.parametrize("text", ["", "zzzz qqqq", "the", "a b c d e f g h i j k l m n o p"])
def test_any_text_gets_probabilities_that_sum_to_one(text: str) -> None:
    scores = held_out_model().scores(text)
    assert sum(scores.classes.values()) == pytest.approx(1.0)
