"""The talking menu, end to end: keys and words typed in, speech written to files (or a sound card)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import pytest
from flask import Flask

from service.content import Content
from service.content.prompts import TALK_IN_PLACE_OF, Prompt
from service.core.calls import CallNavigator
from service.core.wording import topic_parts, turn_lines
from service.speech.audio import check_speech
from service.speech.engine import engine_text
from service.speech.lines import reachable_turns
from service.speech.talk import LargePrint, talk_wording

ALSA_TO_FILE = """
pcm.!default {{
  type file
  slave.pcm "null"
  file "|cat >> {target}"
  format "raw"
}}
pcm.null {{ type null }}
"""
# A default device that cannot be opened, as on a computer with no sound card.
ALSA_BROKEN = "pcm.!default { type hw card 9 }\n"

Talk = Callable[..., tuple[int, str]]
SENTENCE_WORDS = 5


def transcript(folder: Path) -> list[tuple[str, int, int, str]]:
    """(file name, rate, volume in per cent, words) for each utterance written."""
    rows = (line.split("\t") for line in (folder / "transcript.tsv").read_text().splitlines())
    return [(name, int(rate), int(volume), text) for name, rate, volume, _, text in rows]


def voiced(folder: Path) -> list[tuple[str, str]]:
    """(engine voice, words) for each utterance written: the language each line was heard in."""
    rows = (line.split("\t") for line in (folder / "transcript.tsv").read_text().splitlines())
    return [(voice, text) for *_, voice, text in rows]


def flat(output: str) -> str:
    """The output with every run of spaces and line ends made one space."""
    return " ".join(output.split())


@pytest.fixture
def talk(app: Flask) -> Talk:
    def run(*args: str, keys: str = "") -> tuple[int, str]:
        result = app.test_cli_runner().invoke(args=["talk", *args], input=keys)
        return result.exit_code, result.output

    return run


def test_a_session_on_files_speaks_every_line_shown_slower_after_7(
    talk: Talk, tmp_path: Path, content: Content
) -> None:
    folder = tmp_path / "spoken"
    code, output = talk("--to-folder", str(folder), "--plain", "--lang", "en", keys="3\n1\n7\nliver\nq\n")
    assert code == 0, output
    rows = transcript(folder)
    assert [name for name, *_ in rows] == [f"{n:04d}.wav" for n in range(1, len(rows) + 1)]
    spoken = [text for *_, text in rows]
    assert spoken[:2] == [content.prompt(Prompt.TALK_EMERGENCY), content.prompt(Prompt.TALK_KEYS)]
    assert spoken.index(content.prompt(Prompt.TALK_WELCOME)) > spoken.index("For urgent signs, press 1.")
    assert topic_parts(content, "spread-bones", "en")[0] in spoken
    slower_at = spoken.index(content.prompt(Prompt.TALK_SLOWER))
    assert {rate for _, rate, _, _ in rows[:slower_at]} == {150}
    assert {rate for _, rate, _, _ in rows[slower_at:]} == {120}
    assert topic_parts(content, "spread-liver", "en")[0] in spoken[slower_at:]
    for name, rate, _, text in rows:
        facts = check_speech(folder / name, len(text.split()), rate, sample_rate=22050)
        assert facts.channels == 1
    for text in spoken:
        assert text in flat(output)
    assert "Bones." in output and output.rstrip().endswith("Goodbye.")


def test_speed_goes_down_and_up_in_steps_within_100_to_200_and_back_to_normal(
    talk: Talk, tmp_path: Path, content: Content
) -> None:
    folder = tmp_path / "spoken"
    code, output = talk("--to-folder", str(folder), "--lang", "en", keys="-\n-\n-\n+\n+\n+\n+\n+\n*\nq\n")
    assert code == 0, output
    rows = transcript(folder)
    said = {content.prompt(p): p for p in (Prompt.TALK_SLOWER, Prompt.TALK_FASTER, Prompt.TALK_SLOWEST,
                                           Prompt.TALK_FASTEST, Prompt.TALK_NORMAL_SPEED)}
    notices = [(rate, said[text]) for _, rate, _, text in rows if text in said]
    assert notices == [
        (125, Prompt.TALK_SLOWER), (100, Prompt.TALK_SLOWER), (100, Prompt.TALK_SLOWEST),
        (125, Prompt.TALK_FASTER), (150, Prompt.TALK_FASTER), (175, Prompt.TALK_FASTER),
        (200, Prompt.TALK_FASTER), (200, Prompt.TALK_FASTEST), (150, Prompt.TALK_NORMAL_SPEED),
    ]
    # Words a minute heard (911 is three: "nine one one"), over the lines of a sentence or more said
    # at each rate (in "Medicines, 2." the pauses weigh more than the words): slower really is slower,
    # within bounds.
    heard: dict[int, list[float]] = {}
    for name, rate, _, text in rows:
        count = len(engine_text(text).split())
        facts = check_speech(folder / name, len(text.split()), rate)
        words, seconds = heard.setdefault(rate, [0.0, 0.0])
        if count >= SENTENCE_WORDS:
            heard[rate] = [words + count, seconds + facts.seconds]
    per_minute = {rate: 60 * words / seconds for rate, (words, seconds) in sorted(heard.items())}
    assert list(per_minute) == [100, 125, 150, 175, 200]
    assert sorted(per_minute.values()) == list(per_minute.values()), per_minute
    assert 80 <= per_minute[100] <= 125 and 160 <= per_minute[200] <= 240, per_minute


def test_louder_and_softer_change_the_loudness_heard(talk: Talk, tmp_path: Path, content: Content) -> None:
    import numpy as np
    import soundfile

    folder = tmp_path / "spoken"
    code, output = talk("--to-folder", str(folder), "--lang", "en",
                        keys="softer\nlouder\nlouder\nnormal\nq\n")
    assert code == 0, output
    rows = transcript(folder)
    first = content.menus["main"].target("1")
    line = content.prompt(Prompt.OPTION, label=content.label(first), key="1")  # said on every turn here
    levels = {}
    for name, _, volume, text in rows:
        if text == line:
            data, _ = soundfile.read(str(folder / name))
            levels[volume] = float(np.sqrt(np.mean(np.square(data))))
    assert list(levels) == [100, 60, 150]
    assert levels[60] < 0.7 * levels[100] and levels[150] > 1.2 * levels[100], levels
    assert rows[-1][2] == 100  # normal speed is normal loudness too


def test_three_silences_end_the_session_in_the_computer_s_own_words(
    talk: Talk, tmp_path: Path, content: Content
) -> None:
    folder = tmp_path / "spoken"
    code, output = talk("--to-folder", str(folder), "--lang", "en", keys="\n\n\n")
    assert code == 0, output
    spoken = [text for *_, text in transcript(folder)]
    assert spoken.count(content.prompt(Prompt.TALK_SILENCE)) == 2
    assert spoken[-1] == content.prompt(Prompt.TALK_GOODBYE)
    assert "call" not in flat(spoken[-1]).lower()


def test_silent_mode_shows_big_titles_and_the_words_and_ends_at_end_of_input(
    talk: Talk, content: Content
) -> None:
    code, output = talk("--silent", "--lang", "en", keys="4\n")
    assert code == 0, output
    assert "|_|" in output  # the big-letter title
    assert "Symptoms, 4." in output
    assert content.menus["symptoms"].texts["en"].intro.split(".")[0] in flat(output)
    assert "hang up" not in output and "Make the terminal's text bigger" in output
    assert "press minus" not in output and "while I am speaking" not in output  # nothing is spoken


def test_large_body_shows_every_line_in_big_letters(talk: Talk) -> None:
    code, output = talk("--silent", "--large-body", keys="q\n")
    assert code == 0, output
    assert "press 2" not in output  # every line is letter art now
    assert output.count("|_|") > 10


def test_plain_is_for_screen_readers_no_letter_art_no_styling_one_sentence_a_line(
    talk: Talk, content: Content
) -> None:
    code, output = talk("--silent", "--plain", "--lang", "en", keys="3\nq\n")
    assert code == 0, output
    lines = output.splitlines()
    assert f"{content.title('spread')}." in lines
    assert content.prompt(Prompt.TALK_SAY_ALSO) in lines
    assert "Make the terminal's text bigger" not in output
    for line in lines:
        assert "|_|" not in line and "===" not in line and "\x1b" not in line
        assert line.count(". ") == 0, line  # one sentence a line


def test_the_talking_menu_never_says_what_only_fits_a_phone(content: Content) -> None:
    words = talk_wording(content)
    navigator = CallNavigator(content)
    heard = {line for turn in reachable_turns(navigator, "en") for line in turn_lines(words, turn)}
    # Key 7 switches the speed at a computer too, so "press 7" is not phone-only.
    phone_only = ("hang up", "this call", "call again", "say what you want")
    assert not [line for line in heard if any(phrase in line.lower() for phrase in phone_only)]
    for phone, talk in TALK_IN_PLACE_OF.items():
        assert content.prompt(talk) != content.prompt(phone)
        assert content.prompt(phone) not in heard, phone
    assert content.prompt(Prompt.TALK_KEYS_FULL, repeat="9", back="8", main="0") in heard


def test_plain_and_large_body_together_are_refused(talk: Talk) -> None:
    code, output = talk("--plain", "--large-body")
    assert code == 2 and "do not go together" in output


def test_an_unknown_language_is_refused(talk: Talk) -> None:
    code, output = talk("--silent", "--lang", "xx")
    assert code == 2 and "choose one of en" in output


def test_speech_goes_to_the_sound_card_when_no_folder_is_given(
    talk: Talk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured = tmp_path / "played.raw"
    config = tmp_path / "asound.conf"
    config.write_text(ALSA_TO_FILE.format(target=captured))
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(config))
    code, output = talk("--lang", "en", keys="q\n")
    assert code == 0, output
    assert "No sound" not in output
    shown = output.split("\n\n", 2)[2].split("Press a number key")[0]  # after the tip and the title
    words = len(shown.split())
    seconds = captured.stat().st_size / (22050 * 2)
    # The opening names the keys as digits (9, 8, 0): short words, so the floor is 0.2 s each.
    assert 0.2 * words <= seconds <= 0.8 * words, (seconds, words)


@pytest.mark.parametrize("plain", [False, True])
def test_with_no_working_sound_output_it_says_so_in_large_print_with_the_fix(
    talk: Talk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plain: bool
) -> None:
    config = tmp_path / "asound.conf"
    config.write_text(ALSA_BROKEN)
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(config))
    code, output = talk(*(["--plain"] if plain else []), keys="3\nq\n")
    assert code == 0, output
    warning = flat(output.split("Press a number key")[0])
    assert "This computer cannot play sound: aplay: audio open error: No such file" in warning
    assert "--device NAME" in warning and "aplay -L" in warning and "flask talk --silent" in warning
    assert ("| \\ | |" in output) is not plain  # "No sound" in big letters, but never for screen readers
    assert "For bones, press 1." in output  # the menu goes on with words
    assert "Speech is not working" not in output


def test_with_no_sound_player_installed_it_says_to_install_alsa_utils(
    talk: Talk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    code, output = talk(keys="q\n")
    assert code == 0, output
    warning = flat(output)
    assert "no sound player was found" in warning
    assert "sudo apt-get install alsa-utils" in warning


def test_large_print_wraps_each_line_and_spaces_them() -> None:
    shown: list[str] = []
    LargePrint(shown.append, width=30).show("Bones", ["word " * 12, "Press 9."])
    assert "|_)" in shown[1]  # the B of the big title
    assert all(len(click.unstyle(row)) <= 30 for block in shown[2:] for row in block.split("\n"))
    assert len(click.unstyle(shown[2]).split("\n")) == 2
    assert shown[-1] == "" and shown[-3] == ""


def test_when_speech_fails_the_reason_is_shown_once_and_the_menu_goes_on(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    app = make_app(speech_voices=(("en", "zz-no-such-voice"),))
    result = app.test_cli_runner().invoke(args=["talk", "--to-folder", str(tmp_path / "x")], input="3\nq\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Speech is not working") == 1
    assert "no installed voice matches 'zz-no-such-voice'" in result.output
    assert "For bones, press 1." in result.output


def test_the_talking_menu_needs_no_twilio_token_or_app(
    monkeypatch: pytest.MonkeyPatch, content: Content
) -> None:
    from click.testing import CliRunner

    from service.web.cli.speech import standalone_talk_command

    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    monkeypatch.delenv("LOCAL_DEMO", raising=False)
    result = CliRunner().invoke(standalone_talk_command, ["--silent", "--plain", "--lang", "en"],
                                input="2\nq\n")
    assert result.exit_code == 0, result.output
    assert content.label("treat-hormone") in result.output
    assert result.output.rstrip().endswith("Goodbye.")


@pytest.mark.parametrize(("args", "keys"), [
    (["--lang", "es"], "q\n"), ([], "2\nq\n"), (["--lang", "en"], "español\nq\n"),
])
def test_the_talking_menu_says_goodbye_in_the_language_it_ended_in(
    monkeypatch: pytest.MonkeyPatch, args: list[str], keys: str
) -> None:
    from click.testing import CliRunner

    from service.web.cli.speech import standalone_talk_command

    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    monkeypatch.delenv("LOCAL_DEMO", raising=False)
    result = CliRunner().invoke(standalone_talk_command, ["--silent", "--plain", *args], input=keys)
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("Adiós."), result.output[-300:]


def session(talk: Talk, folder: Path, *args: str, keys: str) -> tuple[list[tuple[str, str]], str]:
    """A talking-menu session spoken to files: (engine voice, words) for each line, and the screen."""
    code, output = talk("--to-folder", str(folder), "--plain", *args, keys=keys)
    assert code == 0, output
    return voiced(folder), output


@pytest.mark.parametrize("choice", ["2", "español"])
def test_without_lang_it_opens_as_a_new_call_911_in_each_language_then_spanish_by_key_or_word(
    talk: Talk, tmp_path: Path, content: Content, choice: str
) -> None:
    said, output = session(talk, tmp_path / "spoken", keys=f"{choice}\n1\nq\n")
    english, spanish = said[0], said[1]
    assert english[0] == "en-us" and english[1].startswith("In an emergency, call 911")
    assert spanish[0] == "es-419" and spanish[1].startswith("En una emergencia, llame al 911")
    assert "Para español, oprima 2." in spanish[1]
    rest = said[2:]
    assert {voice for voice, _ in rest} == {"es-419"}  # after the choice, every line in Spanish
    heard = [text for _, text in rest]
    assert heard.index(content.prompt(Prompt.TALK_KEYS, "es")) < heard.index("Señales urgentes, oprima 1.")
    assert topic_parts(content, "symptoms-urgent", "es")[0] in heard  # 1: the urgent signs, in Spanish
    assert content.prompt(Prompt.TALK_KEYS, "en") not in heard
    assert content.prompt(Prompt.TALK_ENTRY, "es") in output  # what to type next: in Spanish too


def test_without_lang_1_or_a_menu_key_at_the_opening_goes_on_in_english(talk: Talk, tmp_path: Path) -> None:
    said, _ = session(talk, tmp_path / "spoken", keys="3\nq\n")
    rest = said[2:]
    assert {voice for voice, _ in rest} == {"en-us"}
    assert "For bones, press 1." in [text for _, text in rest]  # 3 at the opening: where it spreads


def test_with_lang_it_starts_in_that_language_911_first_and_asks_nothing(
    talk: Talk, tmp_path: Path, content: Content
) -> None:
    said, output = session(talk, tmp_path / "spoken", "--lang", "es", keys="q\n")
    assert said[0] == ("es-419", content.prompt(Prompt.TALK_EMERGENCY, "es"))
    assert "Para español, oprima 2." not in output and "For English, press 1." not in output
    assert {voice for voice, _ in said} == {"es-419"}
