"""Serving under gunicorn: the master checks the line once before it binds, and keeps good content.

A refused start raised inside a worker only made gunicorn's master boot another worker, forever,
with the port bound. So the master builds the app once, before it binds the port (`check_start`
from the `on_starting` hook), and stops the whole server with the reason when it cannot. Workers are
forked from the master and build their app on the content it checked (`worker_app`); a reload (HUP)
checks the content again and keeps the last good content when the new one is broken.
"""

from __future__ import annotations

import gc
from typing import Protocol

from flask import Flask

from service.checker import load_checked
from service.config import Settings
from service.content import Content, ContentError
from service.errors import ConfigError, StoreError
from service.web.app import create_app
from service.web.runtime import runtime_of
from service.web.webhooks.textme import outbox_of

REFUSALS = (ConfigError, ContentError, StoreError)
_last_good: dict[str, Content] = {}  # the content the master checked, inherited by forked workers


class Log(Protocol):
    """What reload_content says through: a logging.Logger, or gunicorn's master's logger."""

    def error(self, msg: object, *args: object) -> None: ...
    def exception(self, msg: object, *args: object) -> None: ...
    def info(self, msg: object, *args: object) -> None: ...


def check_start() -> None:
    """Build the app as a worker will (settings, token, content, store); raise what refuses it."""
    app = create_app()
    _last_good["content"] = runtime_of(app).content


def reload_content(log: Log) -> bool:
    """Check the content again for a reload; when it is broken, keep the last good one and say why."""
    try:
        content = load_checked(Settings.from_env().content_dir)
    except (ConfigError, ContentError) as error:
        log.error(
            "reload: the new content is refused, so the line keeps serving the content it had. "
            "Fix this and reload again: %s", error,
        )
        return False
    except Exception:  # anything escaping an on_reload hook would stop gunicorn's master
        log.exception("reload: checking the new content failed, so the line keeps serving the content it had")
        return False
    _last_good["content"] = content
    log.info("reload: the new content is checked; new workers serve it")
    return True


def worker_app(instance_path: str | None = None) -> Flask:
    """The app a worker serves: on the master's checked content under gunicorn, else read here;
    with its thread that sends queued texts (text me this), one a worker.

    Everything built so far (content, matchers, word lists) lives as long as the worker, so it is
    moved out of the garbage collector's sight: each collection then walks only what requests make.
    """
    app = create_app(instance_path=instance_path, content=_last_good.get("content"))
    outbox = outbox_of(app)
    if outbox is not None:
        outbox.start()
    gc.freeze()
    return app
