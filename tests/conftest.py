"""Shared fixtures: an app factory on a temporary store, and a client that signs as Twilio."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from flask import Flask

from service.checker import load_checked
from service.config import PROJECT_ROOT, Settings
from service.content import Content
from service.web.app import create_app
from service.web.twilio.simulate import TwilioSimulator

CONTENT_DIR = PROJECT_ROOT / "content"
TEST_TOKEN = "0123456789abcdef0123456789abcdef"  # the shape of a real Twilio auth token

AppFactory = Callable[..., Flask]
# The day the shipped content was last checked against its sources (its newest `reviewed:` date).
REVIEW_DAY = max(
    dt.date.fromisoformat(found)
    for path in (CONTENT_DIR / "topics").glob("*.yaml")
    for found in re.findall(r"^reviewed:\s*(\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8"), re.M)
)
pytest_plugins = ["tests.twilio_api"]  # the twilio_api fixture: a local stand-in for the REST API


@pytest.fixture(scope="session")
def content() -> Content:
    """The real content, loaded once."""
    return load_checked(CONTENT_DIR)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for a test: a real SQLite file in a temporary folder.

    Tests walk whole menus from one phone in well under a minute, so the per-phone rate limits are
    raised here; tests/web/twilio/test_ratelimit.py sets real ones.
    """
    return Settings(
        twilio_auth_token=TEST_TOKEN,
        state_url=f"sqlite:///{tmp_path}/state.db",
        phone_hash_key="5e" * 8 + "0123456789abcdef" * 3,  # 64 characters, as `openssl rand -hex 32`
        content_dir=CONTENT_DIR,
        rate_limit_texts="100000/minute",
        rate_limit_calls="100000/minute",
    )


@pytest.fixture
def make_app(settings: Settings, content: Content, tmp_path: Path) -> AppFactory:
    """Build an app on the content loaded once; keyword arguments override settings.

    Calling it twice is a restart. Overriding `content_dir` makes the app read that folder itself.
    """

    def factory(**overrides: object) -> Flask:
        shared = None if "content_dir" in overrides else content
        return create_app(
            replace(settings, **overrides), instance_path=str(tmp_path / "instance"), content=shared
        )

    return factory


@pytest.fixture
def app(make_app: AppFactory) -> Flask:
    return make_app()


@pytest.fixture
def twilio(app: Flask) -> TwilioSimulator:
    """A phone that calls and texts the app, with requests signed as Twilio signs them; as a caller
    it picks English at the opening's language choice (tests of the choice make their own)."""
    return TwilioSimulator(app, lang="en")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the real content folder, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def on_review_day() -> Iterator[dt.date]:
    """Noon in UTC on REVIEW_DAY: tests that judge the shipped content's review dates pass at any date."""
    with time_machine.travel(dt.datetime.combine(REVIEW_DAY, dt.time(12), ZoneInfo("UTC")), tick=True):
        yield REVIEW_DAY
