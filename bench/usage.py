"""Benchmark: what usage counting adds to a webhook, as ratios in the same run.

    .venv/bin/python bench/usage.py [--rounds N]

Two apps on temporary SQLite stores, one with USAGE_COUNTS on and one off, answer the same signed
texts and key presses; the ratio on/off is what counting costs a caller. Also timed: one count()
inside a request context, and one flush of a day's typical batch (done by a background thread,
never in a request). Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from webhooks import timed  # the same timing as the webhook benchmark beside this file

from service.config import PROJECT_ROOT, Settings
from service.store.sqlite import SqliteStore
from service.usage.counter import UsageCounter
from service.web.app import create_app
from service.web.twilio.simulate import TwilioSimulator
from service.web.webhooks.usage import Event, count, counter_of


def paired(off: Callable[[], object], on: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Medians of two actions timed in alternation, so disk and CPU drift hit both alike."""
    off()
    on()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for action, found in ((off, samples[0]), (on, samples[1])):
            start = time.perf_counter()
            action()
            found.append(time.perf_counter() - start)
    return statistics.median(samples[0]), statistics.median(samples[1])


STEPS: dict[str, Callable[[TwilioSimulator], object]] = {
    "sms topic": lambda p: p.text("livr"),
    "call key press": lambda p: p.press("1"),
    "call wrong key": lambda p: p.press("6"),
}


def webhook_turns(base: Settings, folder: str, store: str, rounds: int) -> dict[str, float]:
    """Each step on an app with counting off and one with it on, timed in alternation."""
    results: dict[str, float] = {}
    apps = {
        on: create_app(replace(base, usage_counts=on, state_url=(
            f"sqlite:///{folder}/{on}.db" if store == "sqlite" else "memory://")),
            instance_path=str(Path(folder) / f"instance-{store}-{on}"))
        for on in (False, True)
    }
    phones = {on: TwilioSimulator(app) for on, app in apps.items()}
    for phone in phones.values():
        phone.dial()
    for name, step in STEPS.items():
        off_phone, on_phone = phones[False], phones[True]
        off, on = paired(partial(step, off_phone), partial(step, on_phone), rounds)
        results[f"{store}: {name}, counting off"] = off
        results[f"{store}: {name}, counting on"] = on
    with apps[True].test_request_context("/sms"):
        results["one count() call"] = timed(
            lambda: count(Event.TOPIC, channel="sms", lang="en", node="spread-bones"), rounds * 10)
    for app in apps.values():
        counter = counter_of(app)
        if counter is not None:
            counter.close()  # before the temporary stores go
    return results


def flush_cost(folder: str, nodes: list[str]) -> float:
    """One flush of about 130 totals into SQLite: what the background thread does every 30 s."""
    counter = UsageCounter(SqliteStore(Path(folder) / "flush.db"), flush_seconds=3600, flush_events=10**9)

    def fill_and_flush() -> None:
        for event in ("topic", "menu", "wrong_key", "silence"):
            for node in nodes:
                counter.add((event, "voice", "en", node))
        counter.flush()

    return timed(fill_and_flush, 30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    rounds = parser.parse_args().rounds
    base = Settings(twilio_auth_token="bench", phone_hash_key="bench", content_dir=PROJECT_ROOT / "content")
    with tempfile.TemporaryDirectory() as folder:
        results = webhook_turns(base, folder, "sqlite", rounds)
        results.update(webhook_turns(base, folder, "memory", rounds))
        nodes = ["", *(p.stem for p in (PROJECT_ROOT / "content" / "topics").glob("*.yaml"))]
        results["flush of ~130 totals (thread)"] = flush_cost(folder, nodes)
    print(f"{'case':36} {'off ms':>8} {'on ms':>8} {'on/off':>7}")
    for name in [n.removesuffix(", counting off") for n in results if n.endswith("counting off")]:
        off, on = results[f"{name}, counting off"], results[f"{name}, counting on"]
        print(f"{name:36} {off * 1000:8.3f} {on * 1000:8.3f} {on / off:7.3f}")
    sms = results["sqlite: sms topic, counting off"]
    for name in ("one count() call", "flush of ~130 totals (thread)"):
        print(f"{name:36} {results[name] * 1000:8.3f} ms = {results[name] / sms:.4f} x an sms turn (sqlite)")


if __name__ == "__main__":
    main()
