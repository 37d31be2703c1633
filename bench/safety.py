"""Benchmark: what the safety layer costs per message, as ratios against baselines in the same run.

    flock /work/coord/suite.lock .venv/bin/python bench/safety.py [--rounds N]

Every message of the corpus (563+ texts and transcripts, four in ten reach the model) is read by
triage as the cores read it. Baselines, measured in the same run: folding the message (normalize,
which every message already pays) and one request to bare Flask answering fixed TwiML
(bench/bare_app.py), the floor of any webhook. The model's one-off cost at a worker's start (fitting
it from the corpus) is printed too. Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bare_app import app as bare_app  # the baseline app beside this file

from service.safety.corpus import examples
from service.safety.model import Model
from service.safety.rules import rule_finding
from service.safety.triage import fold_typos, model, triage
from service.words.fold import normalize


def per_call(action: Callable[[], object], calls: int, rounds: int) -> float:
    """Median seconds of one call, over rounds of `calls` calls (after one warm-up round)."""
    action()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) / calls)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    texts = [example.text for example in examples()]
    start = time.perf_counter()
    Model(examples())
    fit = time.perf_counter() - start
    model()  # the process's own model, as a worker has it after start
    unruled = [t for t in texts if rule_finding(fold_typos(t)) is None]
    client = bare_app.test_client()

    def each(read: Callable[[str], object], batch: list[str]) -> Callable[[], object]:
        return lambda: [read(text) for text in batch]

    cases = {
        "bare Flask TwiML request (baseline)": (lambda: client.post("/sms"), 1),
        "normalize (baseline)": (each(normalize, texts), len(texts)),
        "triage, every corpus message": (each(triage, texts), len(texts)),
        "triage, messages no rule catches": (each(triage, unruled), len(unruled)),
        "model scores alone": (each(model().scores, texts), len(texts)),
    }
    results = {name: per_call(action, calls, rounds) for name, (action, calls) in cases.items()}
    flask = results["bare Flask TwiML request (baseline)"]
    fold = results["normalize (baseline)"]
    print(f"messages: {len(texts)}, of which no rule catches {len(unruled)} (they reach the model)")
    print(f"model fitted at start in {fit:.2f} s (once per worker)")
    print(f"{'case':38} {'us/message':>11} {'x normalize':>12} {'x bare Flask':>13}")
    for name, seconds in results.items():
        print(f"{name:38} {seconds * 1e6:11.1f} {seconds / fold:12.1f} {seconds / flask:13.2f}")


if __name__ == "__main__":
    main()
