"""The install is pinned: .venv holds exactly the lock, and both locks hold what pyproject.toml asks for."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from service.config import PROJECT_ROOT

REQUIREMENTS = PROJECT_ROOT / "requirements"
DEV_LOCK, SERVE_LOCK = REQUIREMENTS / "dev.txt", REQUIREMENTS / "serve.txt"
PROJECT = "mbc-line"
DEV_TOOLS = ("pytest", "mypy", "ruff", "playwright", "hypothesis", "uv")
# One pin: `name==version \` then its `--hash=sha256:...` lines.
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", re.M)


def pins(lock: Path) -> dict[str, tuple[str, int]]:
    """Each package of a lock file: its version and how many hashes it may install with."""
    text = lock.read_text(encoding="utf-8")
    return {canonicalize_name(n): (v, hashes.count("--hash=")) for n, v, hashes in _PIN.findall(text)}


def wanted(extras: bool) -> list[Requirement]:
    """What pyproject.toml and requirements/build.in ask for (with every extra, or serving alone)."""
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    if extras:
        lines += [line for group in project["optional-dependencies"].values() for line in group]
    build = (REQUIREMENTS / "build.in").read_text(encoding="utf-8").splitlines()
    lines += [line for line in build if line.strip() and not line.startswith("#")]
    return [Requirement(line) for line in lines]


@pytest.mark.parametrize("lock", [DEV_LOCK, SERVE_LOCK], ids=["dev", "serve"])
def test_every_pin_has_its_hashes(lock: Path) -> None:
    found = pins(lock)
    assert len(found) == lock.read_text(encoding="utf-8").count("==")
    assert [name for name, (_, hashes) in found.items() if hashes == 0] == []


@pytest.mark.parametrize(("lock", "extras"), [(DEV_LOCK, True), (SERVE_LOCK, False)], ids=["dev", "serve"])
def test_the_lock_holds_what_pyproject_asks_for(lock: Path, extras: bool) -> None:
    found = pins(lock)
    missing = [
        str(req) for req in wanted(extras)
        if canonicalize_name(req.name) not in found
        or not req.specifier.contains(found[canonicalize_name(req.name)][0], prereleases=True)
    ]
    assert missing == [], f"run `make lock`: {lock.name} does not hold {missing}"


def test_serving_gets_the_same_versions_and_no_development_tools() -> None:
    dev, serve = pins(DEV_LOCK), pins(SERVE_LOCK)
    assert {name: dev.get(name) for name in serve} == serve
    assert [tool for tool in DEV_TOOLS if tool in serve] == []
    assert all(tool in dev for tool in DEV_TOOLS)


def test_every_package_in_the_venv_is_pinned_at_its_installed_version() -> None:
    """scripts/setup installs the dev lock and removes the rest: nothing by hand, nothing stale."""
    locked = {name: version for name, (version, _) in pins(DEV_LOCK).items()}
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in distributions()}
    installed.pop(PROJECT)
    assert {name: version for name, version in installed.items() if locked.get(name) != version} == {}
