"""The labelled corpus the classifier learns from: people's own words, kept in corpus.tsv beside this."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from service.words.fold import normalize

CORPUS = Path(__file__).with_name("corpus.tsv")
SEED = 22  # the held-out split is the same on every machine and every run
HELD_OUT_SHARE = 0.25
ORDINARY = "ordinary"
COARSE_LABELS = ("crisis", "distress", "prognosis", ORDINARY)  # any other label is an urgent sign
URGENT = "urgent"


@dataclass(frozen=True)
class Example:
    """One message as people write or say it, folded, with its label and language."""

    label: str
    lang: str
    text: str
    line: int


def coarse(label: str) -> str:
    """A label's class: crisis, distress, prognosis, ordinary, or urgent (any sign id, or "urgent")."""
    return label if label in COARSE_LABELS else URGENT


@cache
def examples() -> tuple[Example, ...]:
    """Every labelled message in the corpus, in file order ('#' lines are comments)."""
    found: list[Example] = []
    for number, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, lang, text = line.split("\t")
        found.append(Example(label, lang, normalize(text), number))
    return tuple(found)


def split(corpus: tuple[Example, ...] | None = None) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    """(train, held out): a quarter of each label held out, chosen by a fixed seed."""
    corpus = examples() if corpus is None else corpus
    rng = random.Random(SEED)
    train: list[Example] = []
    held: list[Example] = []
    for label in sorted({example.label for example in corpus}):
        group = [example for example in corpus if example.label == label]
        rng.shuffle(group)
        cut = round(len(group) * HELD_OUT_SHARE)
        held += group[:cut]
        train += group[cut:]
    return tuple(train), tuple(held)
