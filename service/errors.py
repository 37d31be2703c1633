"""Error types that carry what a person needs to fix the problem."""

from __future__ import annotations


class ConfigError(Exception):
    """A setting is missing or wrong; the message names the variable."""


class StoreError(Exception):
    """The state store cannot be reached or used."""
