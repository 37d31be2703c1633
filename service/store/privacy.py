"""Phone numbers are never kept in clear: a keyed hash stands in for them everywhere."""

from __future__ import annotations

import hmac
import os
import re
import secrets
from pathlib import Path

from service.errors import ConfigError

KEY_FILE_NAME = "phone-hash.key"
MIN_KEY_CHARS = 32  # secrets.token_hex(32) gives 64
MIN_KEY_DISTINCT = 12  # a key of few different characters ("aaaa...", "passwordpassword...") is guessable
MAKE_A_KEY = (
    "make one with `openssl rand -hex 32` (or `python3 -c 'import secrets; print(secrets.token_hex(32))'`)"
)
_NOT_DIGITS = re.compile(r"[^0-9A-Za-z:]")


class PhoneHasher:
    """Turns a phone number into a stable, keyed, one-way id."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def __call__(self, number: str) -> str:
        """The id for a number; the same number in any formatting gives the same id."""
        digits = _NOT_DIGITS.sub("", number)[:64]
        return hmac.digest(self._key, digits.encode(), "sha256").hex()[:40]  # one-shot: no HMAC object

    def key_for(self, purpose: str) -> bytes:
        """A 32-byte key for another use of the same secret (HMAC as the key derivation), so the hash
        key itself is used for nothing else and needs no second secret to keep."""
        return hmac.digest(self._key, f"mbc-line key for {purpose}".encode(), "sha256")


def weak_key(key: str) -> str:
    """Why a key is too weak to share between hosts ("" when it is fine)."""
    if len(key) < MIN_KEY_CHARS:
        return f"it has {len(key)} characters, fewer than {MIN_KEY_CHARS}"
    if len(set(key)) < MIN_KEY_DISTINCT:
        return f"it has only {len(set(key))} different characters, so it is not random"
    return ""


def load_hash_key(configured: str, instance_path: Path, key_file: Path | None = None,
                  shared: bool = False) -> bytes:
    """The configured key (PHONE_HASH_KEY or the file PHONE_HASH_KEY_FILE names), or one made once and
    kept in the instance folder. A store shared by hosts (`shared`) needs a strong configured key: each
    host would otherwise hash numbers its own way, and a STOP on one would be unknown to the others."""
    if configured and key_file is not None:
        raise ConfigError("Set PHONE_HASH_KEY or PHONE_HASH_KEY_FILE, not both: which should hash numbers?")
    if key_file is not None:
        configured = read_key_file(key_file)
    if shared:
        _check_shared_key(configured)
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


def read_key_file(path: Path) -> str:
    """PHONE_HASH_KEY_FILE's key: the file must be readable and hold a key."""
    try:
        key = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"PHONE_HASH_KEY_FILE {path} cannot be read ({error}); {MAKE_A_KEY}") from None
    if not key:
        raise ConfigError(f"PHONE_HASH_KEY_FILE {path} is empty; {MAKE_A_KEY}")
    return key


def _check_shared_key(key: str) -> None:
    """With a shared store, refuse to start without a strong key, saying how to make one."""
    if not key:
        raise ConfigError(
            "STATE_URL is shared by hosts (redis://), but PHONE_HASH_KEY is not set: each host would hash "
            "phone numbers with its own key, and a STOP taken by one would be unknown to the others. Set "
            f"the same PHONE_HASH_KEY (or PHONE_HASH_KEY_FILE) on every host; {MAKE_A_KEY}. Keep it apart "
            "from the database."
        )
    why = weak_key(key)
    if why:
        raise ConfigError(
            f"PHONE_HASH_KEY must be at least 32 random bytes to be shared by hosts ({why}), or anyone "
            f"with the store could find the numbers behind its hashes; {MAKE_A_KEY}."
        )
