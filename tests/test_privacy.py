"""The keyed hash that stands in for phone numbers."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from service.errors import ConfigError
from service.store.privacy import PhoneHasher, load_hash_key
from tests.conftest import AppFactory
from tests.servers import redis_instance, redis_url  # noqa: F401 (fixtures: a real redis-server)


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


STRONG = "3f9a0c7e1b5d8f2a" * 4  # 64 hexadecimal characters, as `openssl rand -hex 32` makes


def test_a_key_file_outside_the_instance_folder_is_used(tmp_path: Path) -> None:
    key_file = tmp_path / "secrets" / "phone-hash.key"
    key_file.parent.mkdir()
    key_file.write_text(STRONG + "\n")
    instance = tmp_path / "instance"
    assert load_hash_key("", instance, key_file, shared=True) == STRONG.encode()
    assert not (instance / "phone-hash.key").exists()


@pytest.mark.parametrize(
    ("key", "key_file", "said"),
    [("", None, "PHONE_HASH_KEY is not set"), ("x", None, "1 characters"),
     ("shared-hash-key", None, "15 characters"), ("ab" * 20, None, "only 2 different"),
     ("", "missing.key", "cannot be read"), (STRONG, "missing.key", "not both")],
)
def test_a_shared_store_refuses_a_missing_or_weak_key(
    tmp_path: Path, key: str, key_file: str | None, said: str
) -> None:
    with pytest.raises(ConfigError, match=said) as refused:
        load_hash_key(key, tmp_path, tmp_path / key_file if key_file else None, shared=True)
    assert "openssl rand -hex 32" in str(refused.value) or "not both" in said


def test_the_line_with_redis_will_not_start_without_a_strong_key(
    make_app: AppFactory, request: pytest.FixtureRequest
) -> None:
    url = str(request.getfixturevalue("redis_url"))  # a real redis-server the tests started
    with pytest.raises(ConfigError, match="each host would hash"):
        make_app(state_url=url, phone_hash_key="")
    with pytest.raises(ConfigError, match="32 random bytes"):
        make_app(state_url=url, phone_hash_key="x")
    assert make_app(state_url=url, phone_hash_key=STRONG)
