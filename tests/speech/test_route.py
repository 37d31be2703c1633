"""The audio route serves cached recordings by hash name only, with caching headers for Twilio."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.speech.render import AudioJob
from tests.speech.conftest import AudioAppFactory


@pytest.fixture
def client(audio_app: AudioAppFactory):
    return audio_app().test_client()


@pytest.fixture
def name(audio_jobs: list[AudioJob]) -> str:
    return audio_jobs[0].name


def test_a_recording_is_served_whole_as_wav_with_long_lived_caching(
    client, name: str, rendered: Path
) -> None:
    with client.get(f"/audio/{name}.wav") as response:
        assert response.status_code == 200
        assert response.mimetype == "audio/wav"
        assert response.data == (rendered / f"{name}.wav").read_bytes()
        assert response.headers["ETag"] == f'"{name}"'
        cache_control = response.headers["Cache-Control"]
    assert "public" in cache_control and "max-age=31536000" in cache_control and "immutable" in cache_control


def test_a_repeat_fetch_with_its_etag_gets_304_and_no_body(client, name: str) -> None:
    with client.get(f"/audio/{name}.wav", headers={"If-None-Match": f'"{name}"'}) as response:
        assert response.status_code == 304 and response.data == b""


def test_head_answers_without_the_body(client, name: str) -> None:
    with client.head(f"/audio/{name}.wav") as response:
        assert response.status_code == 200 and response.data == b""
        assert int(response.headers["Content-Length"]) > 1000


def test_an_unknown_hash_is_404(client) -> None:
    assert client.get(f"/audio/{'0' * 32}.wav").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/audio/..%2f..%2fstate.db.wav",
        "/audio/../instance/state.db",
        "/audio/%2e%2e%2fsecret.wav",
        "/audio/..%5cstate.wav",
        "/audio/" + "A" * 32 + ".wav",
        "/audio/" + "0" * 31 + ".wav",
        "/audio/" + "0" * 33 + ".wav",
        "/audio/" + "0" * 32 + "%00.wav",
        "/audio/.render-x.wav",
        "/audio/" + "0" * 32 + ".partial",
    ],
)
def test_anything_but_a_hash_name_is_404_and_never_reaches_the_disk(client, path: str) -> None:
    assert client.get(path).status_code == 404


def test_files_outside_the_cache_are_not_reachable_even_when_they_exist(
    audio_app: AudioAppFactory, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (tmp_path / f"{'a' * 32}.wav").write_bytes(b"outside")
    client = audio_app(audio_dir=cache).test_client()
    assert client.get(f"/audio/{'a' * 32}.wav").status_code == 404


@pytest.mark.parametrize("target", ["outside", "inside"])
def test_a_symlink_named_like_a_recording_is_not_followed(
    audio_app: AudioAppFactory, tmp_path: Path, name: str, rendered: Path, target: str
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    secret = tmp_path / "phone-hash.key"
    secret.write_bytes(b"the key")
    real = cache / f"{'b' * 32}.wav"
    real.write_bytes((rendered / f"{name}.wav").read_bytes())
    (cache / f"{'a' * 32}.wav").symlink_to(secret if target == "outside" else real)
    client = audio_app(audio_dir=cache).test_client()
    with client.get(f"/audio/{'a' * 32}.wav") as followed, client.get(f"/audio/{'b' * 32}.wav") as real_one:
        assert followed.status_code == 404 and b"the key" not in followed.data
        assert real_one.status_code == 200


def test_an_audio_folder_that_is_itself_a_symlink_still_serves(
    audio_app: AudioAppFactory, tmp_path: Path, name: str, rendered: Path
) -> None:
    link = tmp_path / "audio-link"
    link.symlink_to(rendered, target_is_directory=True)
    with audio_app(audio_dir=link).test_client().get(f"/audio/{name}.wav") as response:
        assert response.status_code == 200


def test_recordings_are_404_when_audio_is_off(audio_app: AudioAppFactory, name: str) -> None:
    with audio_app(audio_enabled=False).test_client().get(f"/audio/{name}.wav") as response:
        assert response.status_code == 404
