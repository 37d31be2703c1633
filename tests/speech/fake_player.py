"""A stand-in for aplay that takes the time a WAV file lasts, and notes when it starts, ends or is stopped.

Tests install it as `aplay` in a folder first on PATH (`install`). Each note is a JSON line in
played.jsonl next to it; FAKE_PLAYER_FAIL makes it fail at once, as aplay does with no sound card.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PACE_SECONDS = 0.005
LOG_NAME = "played.jsonl"


@dataclass(frozen=True)
class Note:
    """One thing the fake player did: start, end or stopped, with the file, its length and the time."""

    event: str
    file: str
    seconds: float
    at: float


@dataclass(frozen=True)
class FakePlayer:
    """The folder to put first on PATH, and the log the player writes."""

    folder: Path
    log: Path

    @property
    def path(self) -> str:
        """PATH with the fake aplay first."""
        return f"{self.folder}{os.pathsep}{os.environ.get('PATH', '')}"

    def notes(self) -> list[Note]:
        """Everything the player has done so far, in order."""
        if not self.log.is_file():
            return []
        return [Note(**json.loads(line)) for line in self.log.read_text().splitlines() if line.strip()]

    def wait_for(self, test: Callable[[Note], bool], limit: float = 20.0) -> Note:
        """The first note that passes `test`, waiting up to `limit` seconds for it."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            found = next((note for note in self.notes() if test(note)), None)
            if found is not None:
                return found
            time.sleep(0.01)
        raise AssertionError(f"no such note within {limit} s: {self.notes()[-5:]}")


def install(folder: Path) -> FakePlayer:
    """Write the fake as an `aplay` program in `folder`, run by this Python without site packages."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "aplay"
    program.write_text(f"#!{sys.executable} -S\n" + Path(__file__).read_text(encoding="utf-8"))
    program.chmod(0o755)
    return FakePlayer(folder, folder / LOG_NAME)


def main() -> int:
    path = sys.argv[-1]
    if os.environ.get("FAKE_PLAYER_FAIL"):
        print("aplay: main:831: audio open error: No such file or directory", file=sys.stderr)
        return 1
    with wave.open(path) as audio:
        seconds = audio.getnframes() / audio.getframerate()

    def note(event: str) -> None:
        with open(Path(sys.argv[0]).with_name(LOG_NAME), "a", encoding="utf-8") as log:
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
