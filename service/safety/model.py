"""The second layer: a linear model over character and word n-grams, learnt from the safety corpus.

The rules catch the words we wrote patterns for; this catches people's own wording of the same
things (paraphrase, typos, speech transcripts, Spanish). scikit-learn fits it once per process
(TF-IDF features and a logistic regression by SGD, a fraction of a second); a message is then scored
from the fitted weights with a few numpy operations, without scikit-learn's per-call checks.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from service.safety.corpus import URGENT, Example, coarse

CHAR_SIZES = (2, 3, 4, 5)
ALPHA = 1e-5  # SGD's regularisation: smaller trusts the corpus more
EPOCHS = 50
SEED = 22  # the same weights on every start
WORDS_KEPT = 20_000  # words whose feature columns are kept (bounded: texts are free text)
CLASS_WEIGHT: str | None = None

Vector = npt.NDArray[np.float64]


def features(text: str) -> Iterator[str]:
    """A folded message's features: character 2- to 5-grams within each word, and word pairs."""
    words = text.split()
    for word in words:
        yield from word_features(word)
    for first, second in zip(words, words[1:], strict=False):
        yield f"{first}+{second}"


def word_features(word: str) -> tuple[str, ...]:
    """One word's character n-grams, the word padded with a space each side."""
    padded = f" {word} "
    return tuple(
        padded[start : start + size] for size in CHAR_SIZES for start in range(len(padded) - size + 1)
    )


@dataclass(frozen=True)
class Scores:
    """How likely each class is for one message, and, if urgent, which sign."""

    classes: dict[str, float]
    sign: str  # the likeliest emergency-sign id, or "" (an emergency with no named sign)
    lang: str  # the language the corpus's messages most like this one are written in

    def best(self) -> tuple[str, float]:
        """The likeliest class and its probability."""
        name = max(self.classes, key=self.classes.__getitem__)
        return name, self.classes[name]


@dataclass(frozen=True)
class _Linear:
    """One fitted one-vs-rest logistic regression: its labels, weights (labels x columns) and bias."""

    labels: tuple[str, ...]
    weights: Vector
    bias: Vector


def _probabilities(labels: tuple[str, ...], logits: list[float]) -> dict[str, float]:
    """Each label's probability from its logit: one-vs-rest sigmoids normalised as scikit-learn does
    (two labels share one sigmoid). A score is a handful of floats, so plain Python beats numpy here."""
    raw = [1.0 / (1.0 + math.exp(-min(max(z, -700.0), 700.0))) for z in logits]
    if len(labels) == 2:
        raw = [1.0 - raw[0], raw[0]]
    total = sum(raw) or 1.0
    return {label: p / total for label, p in zip(labels, raw, strict=True)}


class Model:
    """Fitted once from labelled examples; scores one folded message in tens of microseconds.

    The three regressions (class, sign, language) share the features, so their weights sit side by
    side in one matrix: a message costs one gather and one product. Each word's feature columns are
    kept, since the same words come again and again.
    """

    def __init__(self, examples: Sequence[Example]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer  # at start only: fitting, not scoring

        vectorizer = TfidfVectorizer(analyzer=_feature_list, sublinear_tf=True)
        matrix = vectorizer.fit_transform([example.text for example in examples])
        self._vocabulary: dict[str, int] = {str(k): int(v) for k, v in vectorizer.vocabulary_.items()}
        self._idf: Vector = np.asarray(vectorizer.idf_, dtype=np.float64)
        urgent = [i for i, example in enumerate(examples) if coarse(example.label) == URGENT]
        fitted = (
            _fit(matrix, [coarse(example.label) for example in examples]),
            _fit(matrix[urgent], [examples[i].label for i in urgent]),
            _fit(matrix, [example.lang for example in examples]),
        )
        self._labels = tuple(linear.labels for linear in fitted)
        self._weights: Vector = np.ascontiguousarray(np.vstack([linear.weights for linear in fitted]).T)
        self._bias: Vector = np.concatenate([linear.bias for linear in fitted])
        self._word_columns = lru_cache(maxsize=WORDS_KEPT)(self._known_columns)

    def scores(self, text: str) -> Scores:
        """How likely each class is for a folded message (lowercase ASCII words), its sign, its language."""
        columns, values = self._vector(text)
        summed = self._bias + values @ self._weights[columns] if len(columns) else self._bias
        logits: list[float] = summed.tolist()
        parts: list[dict[str, float]] = []
        at = 0
        for labels in self._labels:
            width = 1 if len(labels) == 2 else len(labels)
            parts.append(_probabilities(labels, logits[at : at + width]))
            at += width
        classes, signs, langs = parts
        sign = max(signs, key=signs.__getitem__)
        return Scores(classes, "" if sign == URGENT else sign, max(langs, key=langs.__getitem__))

    def _vector(self, text: str) -> tuple[npt.NDArray[np.intp], Vector]:
        """The message's TF-IDF vector as scikit-learn computes it: its columns and l2-normalised values."""
        words = text.split()
        pairs = (self._vocabulary.get(f"{a}+{b}") for a, b in zip(words, words[1:], strict=False))
        found = [self._word_columns(word) for word in words]
        found.append(np.fromiter((c for c in pairs if c is not None), dtype=np.intp))
        every = np.sort(np.concatenate(found)) if found else np.empty(0, dtype=np.intp)
        if not len(every):
            return every, np.empty(0, dtype=np.float64)
        starts = np.flatnonzero(np.concatenate(([True], every[1:] != every[:-1])))
        columns = every[starts]
        counts = np.diff(np.append(starts, len(every)))
        values = (1.0 + np.log(counts)) * self._idf[columns]
        norm = math.sqrt(float(values @ values))
        return columns, values / norm if norm else values

    def _known_columns(self, word: str) -> npt.NDArray[np.intp]:
        """The columns of a word's n-grams that the corpus has."""
        vocabulary = self._vocabulary
        return np.fromiter((vocabulary[f] for f in word_features(word) if f in vocabulary), dtype=np.intp)


def _feature_list(text: str) -> list[str]:
    """The analyzer scikit-learn fits with: the very features `Model.scores` looks up."""
    return list(features(text))


def _fit(matrix: object, labels: list[str]) -> _Linear:
    """A one-vs-rest logistic regression by SGD, classes weighted so a small one still counts."""
    from sklearn.linear_model import SGDClassifier

    model = SGDClassifier(
        loss="log_loss", alpha=ALPHA, max_iter=EPOCHS, tol=None, class_weight=CLASS_WEIGHT,
        average=True, random_state=SEED,
    )
    model.fit(matrix, labels)
    labels_seen = tuple(str(label) for label in model.classes_)
    return _Linear(labels_seen, np.asarray(model.coef_, dtype=np.float64), np.asarray(model.intercept_))
