"""Keys at a real (pseudo-)terminal: a number or speed key is an entry at once, a word ends with Enter."""

from __future__ import annotations

import io
import os
import termios
import time
from collections.abc import Iterator

import pytest

from service.speech.keys import GetcharKeys, LineKeys, TerminalKeys, keys_for


@pytest.fixture
def tty() -> Iterator[tuple[int, int]]:
    """(the keyboard end, the program end) of a pseudo-terminal."""
    master, slave = os.openpty()
    yield master, slave
    os.close(master)
    os.close(slave)


@pytest.mark.parametrize(
    ("typed", "entries"),
    [
        ("2", ["2"]),
        ("-+*", ["-", "+", "*"]),
        ("\n", [""]),
        ("liver\n", ["liver"]),
        ("liver\r2", ["liver", "2"]),  # letters and keys that arrive together in one read
        ("livx\x7fer\n", ["liver"]),  # Backspace erases
        ("\x1b[A\x1b[B\x1bOA", ["\x1b[A", "\x1b[B", "\x1bOA"]),  # up, down, up
        ("\x1b[1;5Cbones\n", ["bones"]),  # an unknown escape sequence is dropped whole
        ("b2\n", ["b2"]),  # a digit inside a word is part of it
        ("\x04", [None]),  # Ctrl-D
    ],
)
def test_entries_from_keys_as_typed(tty: tuple[int, int], typed: str, entries: list[str | None]) -> None:
    master, slave = tty
    shown: list[str] = []
    with TerminalKeys(slave, echo=shown.append) as keys:
        os.write(master, typed.encode())
        assert [keys.entry() for _ in entries] == entries


def test_a_key_is_seen_at_once_without_enter_and_nothing_is_echoed_by_the_terminal(
    tty: tuple[int, int],
) -> None:
    master, slave = tty
    shown: list[str] = []
    with TerminalKeys(slave, echo=shown.append) as keys:
        assert not keys.pressed(0.05)
        os.write(master, b"l")
        started = time.monotonic()
        assert keys.pressed(5.0) and time.monotonic() - started < 1.0
        os.write(master, b"iver\n")
        assert keys.entry() == "liver"
    assert "".join(shown) == "liver\n"  # shown once, by the menu: the terminal's own echo is off


def test_the_terminal_is_put_back_as_it_was(tty: tuple[int, int]) -> None:
    _, slave = tty
    before = termios.tcgetattr(slave)
    with pytest.raises(KeyboardInterrupt), TerminalKeys(slave, echo=lambda _: None):
        inside = termios.tcgetattr(slave)
        assert not inside[3] & (termios.ICANON | termios.ECHO)
        assert inside[3] & termios.ISIG  # Ctrl-C still stops it
        raise KeyboardInterrupt
    assert termios.tcgetattr(slave) == before


def test_input_that_is_not_a_terminal_is_read_a_line_at_a_time_and_never_cuts_speech() -> None:
    stream = io.StringIO("1\nliver\n")
    keys = keys_for(stream)
    assert isinstance(keys, LineKeys)
    assert not keys.pressed(0.01)
    assert [keys.entry(), keys.entry()] == ["1", "liver"]
    assert keys.entry() is None


@pytest.mark.parametrize(
    ("typed", "rest", "entry"),
    [("2", "", "2"), ("+", "", "+"), ("\r", "", ""), ("l", "iver\n", "liver"), ("liver\r", "", "liver"),
     ("\x04", "", None)],
)
def test_where_there_is_no_cbreak_mode_a_key_still_acts_without_enter(
    monkeypatch: pytest.MonkeyPatch, typed: str, rest: str, entry: str | None
) -> None:
    import sys

    import click

    monkeypatch.setattr(sys, "stdin", io.StringIO(rest))
    monkeypatch.setattr(click, "getchar", lambda: typed)
    assert GetcharKeys().entry() == entry
