"""A phone number that must be kept for a while (a queued "text me this") is kept sealed, never in clear.

Fernet (from the cryptography package: AES-128 in CBC mode with an HMAC-SHA256 tag and a timestamp)
encrypts and authenticates it with a key derived from the phone-hash key (PhoneHasher.key_for). So a
copy of the store, its backups or Redis alone reveal no number, and a sealed number altered there
does not open. Each sealing is random (two seals of one number differ), so seals cannot be compared.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken

PURPOSE = "sealed phone numbers"


class SealError(Exception):
    """A sealed number did not open: altered, too old, or sealed with another key."""


class NumberSealer:
    """Seals and opens phone numbers with one key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("a sealing key has 32 bytes")
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, number: str) -> str:
        """The number encrypted and authenticated, as text."""
        return self._fernet.encrypt(number.encode()).decode("ascii")

    def open(self, sealed: str, max_age_seconds: int) -> str:
        """The number a seal holds, if it was sealed with this key within `max_age_seconds`."""
        try:
            return self._fernet.decrypt(sealed.encode("ascii"), ttl=max_age_seconds).decode()
        except (InvalidToken, UnicodeError, ValueError) as error:
            raise SealError("a sealed number did not open") from error
