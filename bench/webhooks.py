"""Benchmark: how much a signed SMS or call turn costs, as ratios against a bare health check.

    .venv/bin/python bench/webhooks.py [--rounds N]

Runs the real app (temporary SQLite store, real content) in-process with signed requests. The
baseline is GET /healthz (Flask routing plus one store ping) measured in the same run; the
ratios say how much signature checking, state I/O, matching and TwiML building add. Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from service.config import PROJECT_ROOT, Settings
from service.web.app import create_app
from service.web.twilio.simulate import TwilioSimulator


def timed(action: Callable[[], object], rounds: int) -> float:
    """Median seconds of one action over several rounds (after one warm-up)."""
    action()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            twilio_auth_token="0123456789abcdef" * 2, state_url=f"sqlite:///{folder}/state.db",
            phone_hash_key="bench", content_dir=PROJECT_ROOT / "content",
            rate_limit_texts="100000/second", rate_limit_calls="100000/second",  # one phone, many turns
        )
        app = create_app(settings, instance_path=str(Path(folder) / "instance"))
        phone = TwilioSimulator(app)
        client = app.test_client()
        phone.dial()
        cases = {
            "healthz (baseline)": lambda: client.get("/healthz"),
            "sms keyword with typo": lambda: phone.text("livr"),
            "sms long question": lambda: phone.text("what are the symptoms of brain mets"),
            "sms number": lambda: phone.text("2"),
            "call key press": lambda: phone.press("9"),
            "call speech": lambda: phone.speak("treatment"),
        }
        results = {name: timed(action, rounds) for name, action in cases.items()}
    base = results["healthz (baseline)"]
    print(f"{'case':28} {'median ms':>10} {'x baseline':>11}")
    for name, seconds in results.items():
        print(f"{name:28} {seconds * 1000:10.2f} {seconds / base:11.1f}")


if __name__ == "__main__":
    main()
