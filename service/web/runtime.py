"""What the webhooks share for the app's life: settings, content, navigators, store and hasher."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask, current_app, g, request

from service.config import Settings
from service.content import Content
from service.core.calls import CallNavigator
from service.core.texts import TextNavigator
from service.store import Store
from service.store.optouts import OptOuts
from service.store.privacy import PhoneHasher
from service.web.rendered import RenderedTwiml

EXTENSION = "mbc_line"


@dataclass(frozen=True)
class Runtime:
    """The app's long-lived parts, kept in `app.extensions` (never on a global)."""

    settings: Settings
    auth_token: str  # the token webhooks are signed with: the configured one, or the local demo's
    content: Content
    calls: CallNavigator
    texts: TextNavigator
    store: Store
    optouts: OptOuts
    hash_phone: PhoneHasher
    rendered: RenderedTwiml = field(default_factory=RenderedTwiml)  # TwiML of turns heard before


def runtime_of(app: Flask) -> Runtime:
    """An app's runtime: the one way code and tests outside a request reach the line's parts."""
    found: Runtime = app.extensions[EXTENSION]
    return found


def runtime() -> Runtime:
    """The current app's runtime, inside a request or an app context."""
    return runtime_of(current_app)


def sender_id(rt: Runtime) -> str:
    """This request's From number as its keyed hash, computed once a request (limits, then the view)."""
    found: str | None = g.get("sender_id")
    if found is None:
        found = g.sender_id = rt.hash_phone(request.values.get("From", ""))
    return found
