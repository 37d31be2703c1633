"""The instance folder the app uses, for commands that must work without starting the app."""

from __future__ import annotations

from pathlib import Path

from flask import Flask


def instance_folder() -> Path:
    """Where `create_app` keeps state, keys and the opt-out journal by default (Flask's rule)."""
    return Path(Flask("service.web.app").instance_path)
