"""The keyed hash that stands in for phone numbers."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from service.store.privacy import PhoneHasher, load_hash_key


def test_the_same_number_in_any_format_hashes_alike_and_hides_the_digits() -> None:
    hasher = PhoneHasher(b"key")
    assert hasher("+1 (415) 555-0123") == hasher("+14155550123")
    assert "4155550123" not in hasher("+14155550123")
    assert PhoneHasher(b"other")("+14155550123") != hasher("+14155550123")


def test_a_made_key_is_kept_and_reused(tmp_path: Path) -> None:
    first = load_hash_key("", tmp_path)
    assert load_hash_key("", tmp_path) == first
    assert load_hash_key("configured", tmp_path) == b"configured"


def test_workers_starting_together_agree_on_one_key(tmp_path: Path) -> None:
    with ProcessPoolExecutor(max_workers=4) as pool:
        keys = set(pool.map(load_hash_key, [""] * 8, [tmp_path] * 8))
    assert len(keys) == 1
