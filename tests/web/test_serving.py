"""Serving under gunicorn: workers get the master's checked content; a bad reload keeps it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from service.web import serving
from service.web.runtime import runtime_of
from tests.conftest import TEST_TOKEN

LOG = logging.getLogger("test-serving")


@pytest.fixture
def master(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content_copy: Path) -> Path:
    """The environment of a master process, and a clean slate of checked content."""
    for name, value in {
        "TWILIO_AUTH_TOKEN": TEST_TOKEN, "STATE_URL": f"sqlite:///{tmp_path}/s.db",
        "PHONE_HASH_KEY": "k", "CONTENT_DIR": str(content_copy),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(serving, "_last_good", {})
    return content_copy


def test_a_worker_serves_the_content_the_master_checked(master: Path) -> None:
    serving.check_start()
    checked = serving._last_good["content"]
    (master / "topics" / "spread-liver.yaml").write_text("broken: [")
    assert runtime_of(serving.worker_app()).content is checked


def test_a_fault_while_checking_a_reload_keeps_the_old_content_and_never_escapes(
    master: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    serving.check_start()
    checked = serving._last_good["content"]

    def broken(root: Path) -> None:
        raise RuntimeError("a bug in the checker")

    monkeypatch.setattr(serving, "load_checked", broken)
    assert serving.reload_content(LOG) is False
    assert serving._last_good["content"] is checked
    assert "keeps serving the content it had" in caplog.text
