"""What the webhooks share for the app's life: content, navigators, store and hasher."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from service.config import Settings
from service.content import Content
from service.journal import OptOutJournal
from service.navigation import CallNavigator
from service.privacy import PhoneHasher
from service.store import Store
from service.texting import TextNavigator

EXTENSION = "mbc_line"


@dataclass(frozen=True)
class Runtime:
    """The app's long-lived parts, kept in `app.extensions` (never on a global)."""

    settings: Settings
    content: Content
    calls: CallNavigator
    texts: TextNavigator
    store: Store
    hash_phone: PhoneHasher
    journal: OptOutJournal


def runtime() -> Runtime:
    """The current app's runtime."""
    return current_app.extensions[EXTENSION]
