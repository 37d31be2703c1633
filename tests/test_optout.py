"""Which messages opt a number out or back in."""

from __future__ import annotations

import pytest

from service.core.optout import control_word


@pytest.mark.parametrize(
    "body",
    ["STOP", "stop", " sToP ", "STOP!", "STOPALL", "stop all", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
     "REVOKE", "OPTOUT", "opt-out", "Opt out", "stop please", "please stop", "STOP texting me"],
)
def test_stop_words(body: str) -> None:
    assert control_word(body) == "stop"


@pytest.mark.parametrize("body", ["START", "start", "Yes", "YES!", "UNSTOP", "un stop"])
def test_start_words(body: str) -> None:
    assert control_word(body) == "start"


@pytest.mark.parametrize(
    "body",
    ["how to stop bone pain", "will the pain end", "cancel my appointment", "yes liver", "starting chemo",
     "stopped", "", "menu", "help"],
)
def test_other_messages_are_not_control_words(body: str) -> None:
    assert control_word(body) is None
