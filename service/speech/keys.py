"""Keys and typed words for the talking menu, read while it speaks so that a key can cut it short.

At a terminal the whole session runs in cbreak mode (no line editing, no echo; Ctrl-C still
works): a key is seen the moment it is pressed, even during speech. A number key or a speed key is
an entry by itself; a letter starts a word, shown as it is typed and ended by Enter. Input that is
not a terminal (a pipe, a test) is read a line at a time and never cuts speech short.
"""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Protocol, TextIO

import click

from service.speech.pace import CONTROL_KEYS

KEYS = frozenset("0123456789*#")
AT_ONCE = KEYS | frozenset(CONTROL_KEYS)
ENTER = frozenset("\r\n")
ERASE = frozenset("\x7f\x08")
END_OF_INPUT = frozenset("\x04\x1a")  # Ctrl-D, Ctrl-Z
ESCAPE = "\x1b"
ESCAPE_WAIT_SECONDS = 0.05
READ_BYTES = 256
KEY_NAMES = {"\x1b[A": "(up)", "\x1bOA": "(up)", "\x1b[B": "(down)", "\x1bOB": "(down)"}


class Keys(Protocol):
    """Where entries come from."""

    def pressed(self, seconds: float) -> bool:
        """Wait up to `seconds`; whether a key has been pressed that speech should stop for."""

    def entry(self) -> str | None:
        """The next whole entry: a key, or a word (maybe empty); None when input has ended."""


class LineKeys:
    """Input that is not a terminal: one entry a line, read after each turn has been spoken."""

    def __init__(self, stream: TextIO | None = None, echo: Callable[[str], None] = click.echo) -> None:
        self.stream = stream
        self.echo = echo

    def pressed(self, seconds: float) -> bool:
        """Lines are never read during speech: just let the time pass."""
        time.sleep(seconds)
        return False

    def entry(self) -> str | None:
        """One line, without its end."""
        line = (self.stream or sys.stdin).readline()
        if not line:
            self.echo("")
            return None
        return line.rstrip("\r\n")


class TerminalKeys:
    """A terminal in cbreak mode for the whole session; restored on exit, whatever happens."""

    def __init__(self, fd: int, echo: Callable[[str], None] | None = None) -> None:
        self.fd = fd
        self.echo = echo or (lambda text: click.echo(text, nl=False))
        self._saved: list[Any] | None = None  # termios attributes: ints and a list of control chars
        self._typed = ""

    def __enter__(self) -> TerminalKeys:
        import termios

        self._saved = termios.tcgetattr(self.fd)
        mode = termios.tcgetattr(self.fd)
        mode[3] &= ~(termios.ICANON | termios.ECHO)
        mode[6][termios.VMIN] = 1
        mode[6][termios.VTIME] = 0
        termios.tcsetattr(self.fd, termios.TCSANOW, mode)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        import termios

        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)
            self._saved = None

    def pressed(self, seconds: float) -> bool:
        """Whether anything has been typed, waiting up to `seconds` for it."""
        if self._typed:
            return True
        poller = select.poll()  # poll, not select: select fails on a descriptor numbered 1024 or more
        poller.register(self.fd, select.POLLIN)
        return bool(poller.poll(max(seconds, 0.0) * 1000))

    def entry(self) -> str | None:
        """A key that acts at once, or the letters typed up to Enter (Backspace erases one)."""
        word = ""
        while True:
            key = self._next_key()
            if key is None or (key in END_OF_INPUT and not word):
                self.echo("\n")
                return None
            if key in AT_ONCE and not word:
                self.echo(KEY_NAMES.get(key, key) + "\n")
                return key
            if key in ENTER:
                self.echo("\n")
                return word
            if key in ERASE:
                if word:
                    word = word[:-1]
                    self.echo("\b \b")
            elif key.isprintable() and len(key) == 1:
                word += key
                self.echo(key)

    def _next_key(self) -> str | None:
        """One key: a character, or a whole escape sequence such as an arrow key. None at end of input."""
        if not self._typed and not self._read():
            return None
        if self._typed[0] == ESCAPE:
            if len(self._typed) == 1 and self.pressed(ESCAPE_WAIT_SECONDS):
                self._read()
            size = _escape_size(self._typed)
            key, self._typed = self._typed[:size], self._typed[size:]
            return key
        key, self._typed = self._typed[0], self._typed[1:]
        return key

    def _read(self) -> bool:
        """Whatever has been typed, at least one key (waits for it); False at end of input."""
        try:
            data = os.read(self.fd, READ_BYTES)
        except OSError:
            return False
        self._typed += data.decode("utf-8", "replace")
        return bool(data)


class GetcharKeys:
    """A terminal where cbreak mode is not available (Windows): a key acts at once, but after speech."""

    def pressed(self, seconds: float) -> bool:
        """Keys are not seen during speech here: just let the time pass."""
        time.sleep(seconds)
        return False

    def entry(self) -> str | None:
        """A single key press is an entry by itself; any other first letter starts a word ended by Enter."""
        try:
            typed = click.getchar()  # may hold several characters when they arrive together
        except (EOFError, KeyboardInterrupt):
            click.echo("")
            return None
        if typed in END_OF_INPUT:
            click.echo("")
            return None
        if typed in AT_ONCE or typed in ENTER:
            click.echo(typed.strip())
            return typed.strip()
        ended = next((i for i, ch in enumerate(typed) if ch in ENTER), None)
        if ended is not None:
            click.echo(typed[:ended])
            return typed[:ended]
        click.echo(typed, nl=False)
        return (typed + sys.stdin.readline()).rstrip("\n")


def _escape_size(typed: str) -> int:
    """How many characters the escape sequence at the start is: ESC [ ... final letter, or ESC alone."""
    if typed[1:2] not in ("[", "O"):
        return 1
    end = next((i for i in range(2, len(typed)) if "@" <= typed[i] <= "~"), len(typed) - 1)
    return end + 1


def keys_for(stream: TextIO) -> Keys:
    """Keys read at once from a terminal (during speech where the platform allows), else a line at a time."""
    if not stream.isatty():
        return LineKeys(stream)
    try:
        import termios  # noqa: F401  (not on Windows)
    except ImportError:
        return GetcharKeys()
    return TerminalKeys(stream.fileno())
