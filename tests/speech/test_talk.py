"""The talking menu, end to end: keys and words typed in, speech written to files (or a sound card)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import pytest
from flask import Flask

from service.content import Content
from service.core.wording import topic_parts
from service.speech.audio import check_speech
from service.speech.talk import LargePrint

ALSA_TO_FILE = """
pcm.!default {{
  type file
  slave.pcm "null"
  file "|cat >> {target}"
  format "raw"
}}
pcm.null {{ type null }}
"""


def transcript(folder: Path) -> list[tuple[str, int, str]]:
    """(file name, rate, words) for each utterance written."""
    rows = (line.split("\t") for line in (folder / "transcript.tsv").read_text().splitlines())
    return [(name, int(rate), text) for name, rate, text in rows]


@pytest.fixture
def talk(app: Flask) -> Callable[..., tuple[int, str]]:
    def run(*args: str, keys: str = "") -> tuple[int, str]:
        result = app.test_cli_runner().invoke(args=["talk", *args], input=keys)
        return result.exit_code, result.output

    return run


def test_a_session_on_files_speaks_every_line_shown_slower_after_7(
    talk: Callable[..., tuple[int, str]], tmp_path: Path, content: Content
) -> None:
    folder = tmp_path / "spoken"
    code, output = talk("--to-folder", str(folder), "--plain", keys="1\n1\n7\nliver\nq\n")
    assert code == 0, output
    rows = transcript(folder)
    assert [name for name, _, _ in rows] == [f"{n:04d}.wav" for n in range(1, len(rows) + 1)]
    spoken = [text for _, _, text in rows]
    assert spoken[0] == content.prompt("welcome")
    assert topic_parts(content, "spread-bones", "en")[0] in spoken
    slower_at = spoken.index(content.prompt("slower_on", key="7"))
    assert {rate for _, rate, _ in rows[:slower_at]} == {150}
    assert {rate for _, rate, _ in rows[slower_at:]} == {120}
    assert topic_parts(content, "spread-liver", "en")[0] in spoken[slower_at:]
    for name, rate, text in rows:
        facts = check_speech(folder / name, len(text.split()), rate, sample_rate=22050)
        assert facts.channels == 1
    for text in spoken:
        assert text.split(".")[0] in " ".join(output.split())
    assert "BONES" in output and "Goodbye." in output


def test_three_silences_end_the_session_as_on_the_phone(
    talk: Callable[..., tuple[int, str]], tmp_path: Path, content: Content
) -> None:
    folder = tmp_path / "spoken"
    code, output = talk("--to-folder", str(folder), keys="\n\n\n")
    assert code == 0, output
    spoken = [text for _, _, text in transcript(folder)]
    assert spoken.count(content.prompt("silence")) == 2
    assert spoken[-1] == content.prompt("goodbye")


def test_silent_mode_shows_big_titles_and_the_words_and_ends_at_end_of_input(
    talk: Callable[..., tuple[int, str]], content: Content
) -> None:
    code, output = talk("--silent", keys="2\n")
    assert code == 0, output
    assert "|_|" in output  # the big-letter title
    assert "For symptoms to report, press 2." in output
    assert content.menus["symptoms"].texts["en"].intro.split(".")[0] in " ".join(output.split())


def test_an_unknown_language_is_refused(talk: Callable[..., tuple[int, str]]) -> None:
    code, output = talk("--silent", "--lang", "xx")
    assert code == 2 and "choose one of en" in output


def test_speech_goes_to_the_sound_card_when_no_folder_is_given(
    talk: Callable[..., tuple[int, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: Content
) -> None:
    captured = tmp_path / "played.raw"
    config = tmp_path / "asound.conf"
    config.write_text(ALSA_TO_FILE.format(target=captured))
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(config))
    code, output = talk(keys="q\n")
    assert code == 0, output
    words = sum(len(line.split()) for line in output.split("\n\n") if line.strip())
    seconds = captured.stat().st_size / (22050 * 2)
    # The opening names the keys as digits (9, 8, 0): short words, so the floor is 0.2 s each.
    assert 0.2 * words <= seconds <= 0.8 * words, (seconds, words)


def test_large_print_wraps_each_line_and_spaces_them() -> None:
    shown: list[str] = []
    LargePrint(shown.append, width=30, banner=False).show("Bones", ["word " * 12, "Press 9."])
    assert "BONES" in shown[1]
    assert all(len(click.unstyle(row)) <= 30 for block in shown[2:] for row in block.split("\n"))
    assert len(click.unstyle(shown[2]).split("\n")) == 2
    assert shown[-1] == "" and shown[-3] == ""


def test_when_speech_fails_the_reason_is_shown_once_and_the_menu_goes_on(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    app = make_app(speech_voices=(("en", "zz-no-such-voice"),))
    result = app.test_cli_runner().invoke(args=["talk", "--to-folder", str(tmp_path / "x")], input="1\nq\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Speech is not working") == 1
    assert "no installed voice matches 'zz-no-such-voice'" in result.output
    assert "For bones, press 1." in result.output


@pytest.mark.parametrize(
    ("typed", "rest", "entry"),
    [("2", "", "2"), ("\r", "", ""), ("l", "iver\n", "liver"), ("liver\r", "", "liver"), ("\x04", "", None)],
)
def test_at_a_keyboard_a_number_key_acts_at_once_and_a_word_waits_for_enter(
    monkeypatch: pytest.MonkeyPatch, typed: str, rest: str, entry: str | None
) -> None:
    import io
    import sys

    from service.speech import talk as talk_module

    class Keyboard(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Keyboard(rest))
    monkeypatch.setattr(click, "getchar", lambda: typed)
    assert talk_module.read_entry() == entry


def test_the_talking_menu_needs_no_twilio_token_or_app(
    monkeypatch: pytest.MonkeyPatch, content: Content
) -> None:
    from click.testing import CliRunner

    from service.web.speech_cli import standalone_talk_command

    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    monkeypatch.delenv("LOCAL_DEMO", raising=False)
    result = CliRunner().invoke(standalone_talk_command, ["--silent", "--plain"], input="3\nq\n")
    assert result.exit_code == 0, result.output
    assert content.label("treat-hormone") in result.output
    assert result.output.rstrip().endswith("Goodbye.")
