"""Pick the state store from STATE_URL by its scheme: sqlite:///path (the default), redis://, memory://."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from service.errors import ConfigError, StoreError
from service.store.base import Store
from service.store.memory import MemoryStore
from service.store.sqlite import SqliteStore

__all__ = ["Store", "open_store", "register_scheme"]

Opener = Callable[[str, Path], Store]
_OPENERS: dict[str, Opener] = {}


def register_scheme(*schemes: str) -> Callable[[Opener], Opener]:
    """Name the URL schemes an opener serves; a backend registers itself once, here or in its module."""

    def register(opener: Opener) -> Opener:
        for scheme in schemes:
            _OPENERS[scheme] = opener
        return opener

    return register


def open_store(url: str, instance_path: Path) -> Store:
    """Open the store a URL names; an unknown scheme stops the start with a clear error."""
    if not url:
        return SqliteStore(instance_path / "state.sqlite3")
    scheme = urlsplit(url).scheme
    opener = _OPENERS.get(scheme)
    if opener is None:
        known = ", ".join(f"{name}://" for name in sorted(_OPENERS))
        raise ConfigError(f"STATE_URL scheme {scheme!r} is not supported; use one of {known}")
    return opener(url, instance_path)


@register_scheme("sqlite")
def _sqlite(url: str, instance_path: Path) -> Store:
    """sqlite:///relative/path.db or sqlite:////absolute/path.db."""
    path = url[len("sqlite://"):]
    if path.startswith("/") and not path.startswith("//"):
        path = path[1:]  # sqlite:///relative.db -> relative.db, sqlite:////abs -> /abs
    elif path.startswith("//"):
        path = path[1:]
    if not path:
        raise ConfigError("STATE_URL sqlite:/// needs a file path, e.g. sqlite:///state.db")
    return SqliteStore(Path(path))


@register_scheme("redis", "rediss")
def _redis(url: str, instance_path: Path) -> Store:
    """redis://host:port/db or rediss:// (TLS); a server that does not answer stops the start."""
    from service.store.redis import RedisStore  # redis-py is loaded only when a Redis URL is used

    store = RedisStore(url)
    try:
        store.ping()
    except StoreError as error:
        raise StoreError(
            f"STATE_URL names a Redis that cannot be reached ({error}). Start Redis, or fix STATE_URL."
        ) from error
    return store


@register_scheme("memory")
def _memory(url: str, instance_path: Path) -> Store:
    """memory:// keeps everything in this process: for tests and demos only."""
    return MemoryStore()
