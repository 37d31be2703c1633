"""Phone numbers are never kept in clear: a keyed hash stands in for them everywhere."""

from __future__ import annotations

import hmac
import os
import re
import secrets
from pathlib import Path

KEY_FILE_NAME = "phone-hash.key"
_NOT_DIGITS = re.compile(r"[^0-9A-Za-z:]")


class PhoneHasher:
    """Turns a phone number into a stable, keyed, one-way id."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def __call__(self, number: str) -> str:
        """The id for a number; the same number in any formatting gives the same id."""
        digits = _NOT_DIGITS.sub("", number)[:64]
        return hmac.digest(self._key, digits.encode(), "sha256").hex()[:40]  # one-shot: no HMAC object


def load_hash_key(configured: str, instance_path: Path) -> bytes:
    """The configured key, or one made once and kept in the instance folder."""
    if configured:
        return configured.encode()
    path = instance_path / KEY_FILE_NAME
    if path.exists():
        return path.read_bytes().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode()
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(partial, path)  # atomic: the first worker to start wins, the others read its key
    except FileExistsError:
        pass
    finally:
        partial.unlink()
    return path.read_bytes().strip()
