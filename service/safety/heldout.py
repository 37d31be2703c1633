"""How well triage reads the corpus's held-out messages, with a model that never saw them.

`python -m service.safety.heldout` prints the table the README shows; tests/safety/test_corpus.py
holds the figures to their floors and the README to the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from service.safety.corpus import ORDINARY, Example, coarse, split
from service.safety.model import Model
from service.safety.rules import rule_finding
from service.safety.triage import fold_typos, triage

CLASSES = ("crisis", "urgent", "distress", "prognosis", ORDINARY)
Reader = Callable[[str], str]


@dataclass(frozen=True)
class Figures:
    """Recall and precision of one class over the held-out messages."""

    name: str
    held: int  # held-out messages of this class
    recall: float
    precision: float


@cache
def held_out_model() -> Model:
    """The model learnt from the training part only."""
    return Model(split()[0])


def both(text: str) -> str:
    """The class triage gives a message: rules, then the model learnt without the held-out part."""
    found = triage(text, held_out_model())
    return found.concern.value if found is not None else ORDINARY


def rules_alone(text: str) -> str:
    """The class the rules alone give."""
    rule = rule_finding(fold_typos(text))
    return rule.concern.value if rule is not None else ORDINARY


def model_alone(text: str) -> str:
    """The class the model alone gives (its likeliest)."""
    return held_out_model().scores(text).best()[0]


def figures(read: Reader = both, held: tuple[Example, ...] | None = None) -> dict[str, Figures]:
    """Per class: how many held-out messages of it were found (recall), and how many found were it."""
    held = split()[1] if held is None else held
    pairs = [(coarse(example.label), read(example.text)) for example in held]
    found: dict[str, Figures] = {}
    for name in CLASSES:
        truly = sum(want == name for want, _ in pairs)
        said = sum(got == name for _, got in pairs)
        right = sum(want == got == name for want, got in pairs)
        found[name] = Figures(name, truly, right / truly if truly else 1.0, right / said if said else 1.0)
    return found


def table() -> str:
    """The README's table: recall and precision per class, for rules and model together and apart."""
    readers = (("rules + model", both), ("rules alone", rules_alone), ("model alone", model_alone))
    measured = [(label, figures(read)) for label, read in readers]
    heads = " | ".join(f"{label}: recall / precision" for label, _ in measured)
    rows = [f"| class | held out | {heads} |"]
    rows.append("|---|---:|" + "---:|" * len(measured))
    for name in CLASSES:
        cells = " | ".join(f"{f[name].recall:.0%} / {f[name].precision:.0%}" for _, f in measured)
        rows.append(f"| {name} | {measured[0][1][name].held} | {cells} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
