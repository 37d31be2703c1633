"""Plays WAV files through a player process that can be stopped at once, so a key cuts speech short.

pyttsx3's own say() plays through `os.system("aplay ...")`, which nobody can stop; here each line is
a file played by its own process (aplay on Linux, afplay on macOS), stopped when a key is pressed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

# (program, arguments before the file, option that names an output device)
PLAYERS = (("aplay", ("-q",), "-D"), ("afplay", (), ""))
CHECK_SECONDS = 0.05
CHECK_TIMEOUT_SECONDS = 10.0
STOP_GRACE_SECONDS = 0.3
SILENT_SAMPLE_RATE = 22050
# aplay names the place in its source code ("aplay: main:831: audio open error"): no help to a person.
SOURCE_PLACE = re.compile(r"^(\S+): \w+:\d+: ")


@dataclass(frozen=True)
class Player:
    """A sound player program, and the output device to use (empty: the system's default)."""

    program: str
    arguments: tuple[str, ...] = ()
    device_option: str = ""
    device: str = ""

    def command(self, path: Path) -> list[str]:
        """The command line that plays one file."""
        device = [self.device_option, self.device] if self.device and self.device_option else []
        return [self.program, *self.arguments, *device, str(path)]

    def start(self, path: Path) -> Playback:
        """Start playing a file; the caller stops it or waits for its end."""
        process = subprocess.Popen(
            self.command(path), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        return Playback(process)

    def check(self) -> str:
        """Play a twentieth of a second of silence: the reason sound cannot be played, or ""."""
        with tempfile.TemporaryDirectory(prefix="talk-check-") as folder:
            path = Path(folder) / "silence.wav"
            write_silence(path, CHECK_SECONDS)
            try:
                playback = self.start(path)
            except OSError as error:
                return f"{self.program} could not be started: {error.strerror or error}"
            if not playback.wait(CHECK_TIMEOUT_SECONDS):
                playback.stop()
                return f"{self.program} did not finish a short sound within {CHECK_TIMEOUT_SECONDS:g} s"
            return playback.problem()


class Playback:
    """One file being played."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.stopped = False

    def wait(self, seconds: float) -> bool:
        """Wait up to `seconds` for the end; whether it has ended."""
        try:
            self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            return False
        return True

    def running(self) -> bool:
        """Whether it is still playing."""
        return self.process.poll() is None

    def stop(self) -> None:
        """Stop playing now: terminate the player, and kill it if it lingers."""
        if self.running():
            self.stopped = True
            self.process.terminate()
            if not self.wait(STOP_GRACE_SECONDS):
                self.process.kill()
                self.process.wait()
        self._close()

    def problem(self) -> str:
        """Why an ended playback failed (the player's last words), or "" when it played or was stopped."""
        code = self.process.wait()
        said = ""
        if self.process.stderr is not None and not self.process.stderr.closed:
            said = self.process.stderr.read().decode("utf-8", "replace")
        self._close()
        if code == 0 or self.stopped:
            return ""
        lines = [line.strip() for line in said.splitlines() if line.strip()]
        return SOURCE_PLACE.sub(r"\1: ", lines[-1]) if lines else f"the player exited with code {code}"

    def _close(self) -> None:
        if self.process.stderr is not None and not self.process.stderr.closed:
            self.process.stderr.close()


def find_player(device: str = "") -> Player | None:
    """The first sound player installed here, or None."""
    for program, arguments, device_option in PLAYERS:
        found = shutil.which(program)
        if found:
            return Player(found, arguments, device_option, device)
    return None


def write_silence(path: Path, seconds: float) -> None:
    """A short silent WAV file, as the engine writes them (mono, 16-bit)."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SILENT_SAMPLE_RATE)
        out.writeframes(b"\0\0" * int(SILENT_SAMPLE_RATE * seconds))
