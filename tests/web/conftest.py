"""Fixtures shared by the web rooms' tests: the app sending through the REST API stand-in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from tests.twilio_api import ACCOUNT_SID, StandIn


@pytest.fixture
def texting_app(make_app: Callable[..., Flask], twilio_api: StandIn) -> Flask:
    """The app with Twilio account settings, sending through the REST API stand-in."""
    return make_app(twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url)
