"""The emergency-signs list: loaded in file order, and every mistake in it named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.content import Content, ContentError, load_content
from service.content.loader import read_folder
from service.content.signs import CALL_911, CARE_TEAM_NOW, REQUIRED_SIGNS


def errors_after(root: Path, old: str, new: str, name: str = "signs.yaml") -> list[str]:
    """Change one unique piece of a content file and return the loader's errors."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return [str(p) for p in read_folder(root).problems if p.severity == "error"]


def line_of(root: Path, snippet: str, name: str = "signs.yaml") -> int:
    lines = (root / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if snippet in line)


def test_every_sign_of_the_interface_is_loaded_911_signs_first(content: Content) -> None:
    ids = [sign.id for sign in content.signs]
    assert set(REQUIRED_SIGNS) <= set(ids)
    actions = [sign.action for sign in content.signs]
    assert actions == sorted(actions, key=lambda a: a != CALL_911)  # no 911 sign after a care-team one
    assert content.sign("chest-pain").action == CALL_911
    assert content.sign("fever").action == CARE_TEAM_NOW


def test_each_sign_says_what_to_do_in_both_languages(content: Content) -> None:
    for sign in content.signs:
        assert set(sign.says) == set(sign.names) == set(sign.words) == {"en", "es"}, sign.id
        if sign.action == CALL_911:
            assert all("911" in said for said in sign.says.values()), sign.id
    assert "38 C" in content.sign("fever").says["en"] and "fiebre" in content.sign("fever").words["es"]


def test_an_unknown_sign_is_a_key_error(content: Content) -> None:
    with pytest.raises(KeyError):
        content.sign("hiccups")


def test_an_unknown_action_names_the_line(content_copy: Path) -> None:
    line = line_of(content_copy, "action: call-911")
    errors = errors_after(content_copy, "seizure\n    action: call-911", "seizure\n    action: call-912")
    assert errors == [
        f"content/signs.yaml:{line}: signs[0].action: 'call-912' must be one of call-911, care-team-now"
    ]


def test_a_911_sign_after_a_care_team_sign_is_refused(content_copy: Path) -> None:
    line = line_of(content_copy, "- id: fracture") + 1
    old, new = "fracture\n    action: care-team-now", "fracture\n    action: call-911"
    errors = errors_after(content_copy, old, new)
    assert errors == [
        f"content/signs.yaml:{line}: signs[13].action: "
        "a call-911 sign must come before every care-team-now sign"
    ]


def test_words_must_be_lowercase_and_belong_to_one_sign(content_copy: Path) -> None:
    errors = errors_after(content_copy, "words: [chest pain, chest pains,", "words: [Chest pain, seizure,")
    line = line_of(content_copy, "words: [Chest pain")
    assert errors == [
        f"content/signs.yaml:{line}: signs[3].en.words[0]: 'Chest pain' must be lowercase and not empty",
        f"content/signs.yaml:{line}: signs[3].en.words[1]: 'seizure' also names the sign 'seizure'",
    ]


def test_a_missing_language_block_and_a_missing_sign(content_copy: Path) -> None:
    text = (content_copy / "signs.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: belly")
    end = text.index("  - id: calcium")
    (content_copy / "signs.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    errors = errors_after(content_copy, "name: un hueso que puede estar roto\n", "nombre: hueso\n")
    nombre = line_of(content_copy, "nombre: hueso")
    assert errors == [
        f"content/signs.yaml:{nombre}: signs[12].es.nombre: is not a sign text field (name, words, action)",
        f"content/signs.yaml:{nombre}: signs[12].es.name: is missing or empty (text expected)",
        f"content/signs.yaml:{line_of(content_copy, '- id: seizure')}: signs: "
        "is missing the sign(s) belly (triage names them)",
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "sources.yaml", '    url: "https://www.cdc.gov/cancer/preventinfections/fever.htm"\n', "",
            "'ref-cdc-fever-chemo' needs its address (url) and the day it was read",
        ),
        (
            "signs.yaml", "[ref-cdc-fever-chemo, ref-acs-fever]", "[ref-cdc-nowhere, ref-acs-fever]",
            "unknown source 'ref-cdc-nowhere' (not in sources.yaml)",
        ),
    ],
)
def test_a_sign_names_known_sources_with_address_and_day_read(
    content_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    errors = errors_after(content_copy, old, new, file)
    line = line_of(content_copy, "  - id: fever") + 2
    assert errors == [f"content/signs.yaml:{line}: signs[9].sources[0]: {message}"]


def test_the_line_will_not_start_without_the_signs(content_copy: Path) -> None:
    (content_copy / "signs.yaml").unlink()
    with pytest.raises(ContentError, match=r"content/signs.yaml:1: \(file\): is missing"):
        load_content(content_copy)
