"""The web layer's `flask` commands: call and text (demo), audio and talk (speech), usage."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the commands that run inside the app; imported here so `flask usage` loads only its own."""
    from service.web.cli import demo, speech

    demo.init_app(app)
    speech.init_app(app)
