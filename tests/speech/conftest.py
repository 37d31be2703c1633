"""Speech fixtures: the real content rendered once with the real engine, and apps that play it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from service.config import Settings
from service.content import Content
from service.speech.cache import AudioCache
from service.speech.render import AudioJob, RenderReport, plan_audio, render_audio

AudioAppFactory = Callable[..., Flask]


@pytest.fixture(scope="session")
def audio_jobs(content: Content) -> list[AudioJob]:
    """Every recording the default settings call for."""
    return plan_audio(content, Settings())


@pytest.fixture(scope="session")
def first_render(
    audio_jobs: list[AudioJob], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, RenderReport]:
    """All content rendered once, cold, into a folder no test changes."""
    folder = tmp_path_factory.mktemp("audio-rendered")
    report = render_audio(audio_jobs, AudioCache(folder))
    assert not report.failed, report.failed
    return folder, report


@pytest.fixture
def rendered(first_render: tuple[Path, RenderReport]) -> Path:
    """The folder of the one full render (read only)."""
    return first_render[0]


@pytest.fixture
def audio_copy(rendered: Path, tmp_path: Path) -> Path:
    """A copy of the full render, for tests that change the cache."""
    target = tmp_path / "audio"
    shutil.copytree(rendered, target)
    return target


@pytest.fixture
def audio_app(make_app: Callable[..., Flask], rendered: Path) -> AudioAppFactory:
    """An app with audio on that plays the full render; keyword arguments override settings."""

    def factory(**overrides: object) -> Flask:
        settings = {"audio_enabled": True, "audio_dir": rendered, **overrides}
        return make_app(**settings)

    return factory


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a speech test: `-m 'not speech'` leaves them out locally."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.speech)
