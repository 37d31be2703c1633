"""`flask doctor` finds what operators get wrong, says how to fix it, and fails when calls would break."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from service.config import PROJECT_ROOT
from service.doctor import checks
from service.doctor.checks import Finding, Level, examine
from service.doctor.cli import doctor_command

pytestmark = pytest.mark.usefixtures("on_review_day")  # the doctor checks the shipped content's review dates

TOKEN = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def good_env(tmp_path: Path) -> dict[str, str]:
    return {
        "TWILIO_AUTH_TOKEN": TOKEN,
        "PUBLIC_BASE_URL": "https://line.example.org",
        "LINE_PHONE": "+15551234567",
        "PHONE_HASH_KEY": "a-long-random-key-for-tests",
        "STATE_URL": f"sqlite:///{tmp_path}/state.db",
        "CONTENT_DIR": str(PROJECT_ROOT / "content"),
    }


def findings(env: dict[str, str], tmp_path: Path, *only: checks.Check) -> list[Finding]:
    return examine(env, tmp_path / "instance", only or checks.CHECKS)


def problems(found: list[Finding]) -> list[str]:
    return [f.what for f in found if f.level is Level.FAIL]


def doctor(env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.setattr("service.doctor.cli.instance_folder", lambda: tmp_path / "instance")
    for name in ("TWILIO_AUTH_TOKEN", "LOCAL_DEMO", "PUBLIC_BASE_URL", "LINE_PHONE", "PHONE_HASH_KEY",
                 "STATE_URL", "AUDIO_ENABLED"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner().invoke(doctor_command, [], env=env)


def test_a_good_set_up_passes_and_prints_the_urls_to_paste(
    good_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = doctor(good_env, tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "PROBLEM" not in result.output
    assert "Ready for real calls" in result.output
    assert "answers a signed test call and a test text" in result.output
    assert "espeak-ng renders speech" in result.output
    for url in ("https://line.example.org/voice\n", "https://line.example.org/voice/status\n",
                "https://line.example.org/sms\n", "GET https://line.example.org/healthz"):
        assert url in result.output


def test_no_token_is_reported_with_its_fix_instead_of_crashing(
    good_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    del good_env["TWILIO_AUTH_TOKEN"]
    result = doctor(good_env, tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert "PROBLEM  TWILIO_AUTH_TOKEN is not set" in result.output
    assert "Fix: Set TWILIO_AUTH_TOKEN" in result.output
    assert "https://line.example.org/voice" in result.output


def test_the_local_demo_is_no_set_up_for_real_calls(good_env: dict[str, str], tmp_path: Path) -> None:
    del good_env["TWILIO_AUTH_TOKEN"]
    found = findings({**good_env, "LOCAL_DEMO": "1"}, tmp_path, checks.check_token)
    assert any("every real Twilio request is refused" in p for p in problems(found))


def test_a_token_that_is_not_one_is_a_warning(good_env: dict[str, str], tmp_path: Path) -> None:
    found = findings({**good_env, "TWILIO_AUTH_TOKEN": "AC" + "0" * 32}, tmp_path, checks.check_token)
    assert [f.level for f in found[1:]] == [Level.WARN] and "account SID" in found[1].fix


@pytest.mark.parametrize(("url", "level", "words"), [
    ("http://line.example.org", Level.FAIL, "must start with https://"),
    ("https://localhost:8000", Level.FAIL, "cannot reach"),
    ("https://line.example.org/?x=1", Level.FAIL, "? or #"),
    ("https://line.example.org/", Level.WARN, "PUBLIC_BASE_URL=https://line.example.org"),
    ("", Level.WARN, "behind a proxy"),
])
def test_public_base_url_must_be_https_without_a_trailing_slash(
    good_env: dict[str, str], tmp_path: Path, url: str, level: Level, words: str
) -> None:
    found = findings({**good_env, "PUBLIC_BASE_URL": url}, tmp_path, checks.check_public_url)[1:]
    assert found[0].level is level
    assert words in found[0].what + found[0].fix


@pytest.mark.parametrize("phone", ["555-1234", "+1 555 123 4567", "15551234567", "+0123456789"])
def test_the_line_phone_must_be_e164(good_env: dict[str, str], tmp_path: Path, phone: str) -> None:
    found = findings({**good_env, "LINE_PHONE": phone}, tmp_path, checks.check_line_phone)
    assert problems(found) == [f"A setting is not understood, so the line will not start: LINE_PHONE is "
                               f"{phone!r}: use a phone number in E.164 form: + country code and number, "
                               "no spaces, e.g. +18005550100."]


def test_a_shared_store_without_a_hash_key_would_lose_opt_outs(
    good_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**good_env, "STATE_URL": "redis://redis:6379/0"}
    del env["PHONE_HASH_KEY"]
    assert any("STOP" in p for p in problems(findings(env, tmp_path, checks.check_hash_key)))


def test_a_store_that_cannot_be_written_is_a_problem(good_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    env = {**good_env, "STATE_URL": f"sqlite:///{tmp_path}/file/state.db"}
    found = findings(env, tmp_path, checks.check_store)
    assert any("cannot be used" in p for p in problems(found))
    assert "Check STATE_URL" in found[-1].fix


def test_the_memory_store_is_not_for_a_real_line(good_env: dict[str, str], tmp_path: Path) -> None:
    found = findings({**good_env, "STATE_URL": "memory://"}, tmp_path, checks.check_store)
    assert any("lost at every restart" in p for p in problems(found))


def test_an_instance_folder_that_cannot_be_written_is_a_problem(
    good_env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("not a folder")
    found = examine(good_env, tmp_path / "file" / "instance", (checks.check_instance,))
    assert any("opt-out journal" in p for p in problems(found))


def test_broken_content_is_a_problem_that_names_the_file(
    good_env: dict[str, str], tmp_path: Path, content_copy: Path
) -> None:
    (content_copy / "topics" / "spread-bones.yaml").write_text("id: spread-bones\nen: [", encoding="utf-8")
    found = findings({**good_env, "CONTENT_DIR": str(content_copy)}, tmp_path, checks.check_content)
    assert any("spread-bones.yaml" in p for p in problems(found))


def test_a_topic_past_its_review_date_is_a_warning_not_a_line_that_will_not_start(
    good_env: dict[str, str], tmp_path: Path, content_copy: Path
) -> None:
    topic = content_copy / "topics" / "spread-bones.yaml"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(re.sub(r"reviewed: [0-9-]+", "reviewed: 2020-01-02", text, count=1), encoding="utf-8")
    found = findings({**good_env, "CONTENT_DIR": str(content_copy)}, tmp_path, checks.check_content)
    assert found[-1].level is Level.WARN and "spread-bones.yaml" in found[-1].what
    assert "will not start" not in found[-1].what and "still serves" in found[-1].what


def test_missing_recordings_are_a_warning_when_audio_is_on(good_env: dict[str, str], tmp_path: Path) -> None:
    env = {**good_env, "AUDIO_ENABLED": "1", "AUDIO_DIR": str(tmp_path / "audio")}
    found = findings(env, tmp_path, checks.check_audio)
    assert found[-1].level is Level.WARN and "recordings are missing" in found[-1].what
    assert "flask audio render" in found[-1].fix


def test_a_bad_setting_is_reported_and_the_other_checks_still_run(
    good_env: dict[str, str], tmp_path: Path
) -> None:
    found = findings({**good_env, "SPEECH_RATE": "fast"}, tmp_path)
    assert "SPEECH_RATE is 'fast': use a whole number" in problems(found)[0]
    assert any("PUBLIC_BASE_URL is https://line.example.org" in f.what for f in found)


def test_a_check_that_crashes_is_reported_not_fatal(good_env: dict[str, str], tmp_path: Path) -> None:
    def broken(setup: checks.Setup) -> list[Finding]:
        """a broken check"""
        raise RuntimeError("boom")

    found = findings(good_env, tmp_path, broken, checks.check_line_phone)
    assert "'a broken check' itself failed" in problems(found)[0]
    assert found[-1].level is Level.OK


def test_doctor_names_each_value_not_understood_as_the_start_would(
    good_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = doctor({**good_env, "AUDIO_ENABLED": "ture", "WORKERS": "two"}, tmp_path, monkeypatch)
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "AUDIO_ENABLED is 'ture': use 1, true, yes, on to turn it on, or 0, false, no, off" in said
    assert "WORKERS is 'two': use a whole number of worker processes" in said


def test_a_misspelt_setting_is_a_warning_naming_the_real_one(
    good_env: dict[str, str], tmp_path: Path
) -> None:
    found = findings({**good_env, "AUDIO_ENABLE": "1"}, tmp_path, checks.check_line_phone)
    assert [(f.level, f.what) for f in found if f.level is Level.WARN] == [
        (Level.WARN, "AUDIO_ENABLE is set, but the line reads no such setting: it reads AUDIO_ENABLED.")]
