"""Pick the state store from STATE_URL: sqlite:///path (default in the instance folder)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from service.errors import ConfigError
from service.store.base import Store
from service.store.sqlite import SqliteStore

__all__ = ["Store", "open_store"]


def open_store(url: str, instance_path: Path) -> Store:
    """Open the store a URL names; an unknown scheme stops the start with a clear error."""
    if not url:
        return SqliteStore(instance_path / "state.sqlite3")
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        path = url[len("sqlite://"):]
        if path.startswith("/") and not path.startswith("//"):
            path = path[1:]  # sqlite:///relative.db -> relative.db, sqlite:////abs -> /abs
        elif path.startswith("//"):
            path = path[1:]
        if not path:
            raise ConfigError("STATE_URL sqlite:/// needs a file path, e.g. sqlite:///state.db")
        return SqliteStore(Path(path))
    raise ConfigError(
        f"STATE_URL scheme {scheme!r} is not supported; use sqlite:///path/to/state.db"
    )
