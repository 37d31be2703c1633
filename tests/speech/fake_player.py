"""A stand-in for aplay that takes the time a WAV file lasts, and notes when it starts, ends or is stopped.

Tests install it as `aplay` on PATH. Each note is a JSON line in the file named by FAKE_PLAYER_LOG;
FAKE_PLAYER_FAIL makes it fail at once as aplay does with no sound card.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import wave

PACE_SECONDS = 0.005


def main() -> int:
    path = sys.argv[-1]
    if os.environ.get("FAKE_PLAYER_FAIL"):
        print("aplay: main:831: audio open error: No such file or directory", file=sys.stderr)
        return 1
    with wave.open(path) as audio:
        seconds = audio.getnframes() / audio.getframerate()

    def note(event: str) -> None:
        with open(os.environ["FAKE_PLAYER_LOG"], "a", encoding="utf-8") as log:
            entry = {"event": event, "file": path, "seconds": seconds, "at": time.time()}
            log.write(json.dumps(entry) + "\n")

    def stopped(_signal: int, _frame: object) -> None:
        note("stopped")
        sys.exit(143)

    signal.signal(signal.SIGTERM, stopped)
    note("start")
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(PACE_SECONDS)
    note("end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
