"""Finished TwiML kept by what decided it, so a turn heard before is not built again."""

from __future__ import annotations

from collections.abc import Hashable

from service.core.kept import Kept

MAX_ENTRIES = 4096  # each a few kilobytes: at most some megabytes a worker


class RenderedTwiml(Kept[Hashable, str]):
    """TwiML by its render's inputs (the turn or text reply, and what of the request it uses).

    Building TwiML (wording, twilio's builders, ElementTree) is the largest part of a webhook's
    own work, and most turns repeat: every call opens the same way, menus are heard again and again.
    Content and settings are fixed for an app, so they stay out of the key.
    """

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        super().__init__(max_entries)
