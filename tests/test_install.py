"""The install is pinned: .venv holds exactly the lock, each lock holds what pyproject.toml asks for,
and the serving install (`make run`, the container) holds no extra yet serves the line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from service.config import PROJECT_ROOT

REQUIREMENTS = PROJECT_ROOT / "requirements"
DEV_LOCK, SPEECH_LOCK, SERVE_LOCK = (REQUIREMENTS / f"{name}.txt" for name in ("dev", "speech", "serve"))
PROJECT = "mbc-line"
DEV_TOOLS = ("pytest", "mypy", "ruff", "playwright", "hypothesis", "uv")
SPEECH = ("pyttsx3", "soundfile", "soxr", "pyfiglet")
REPORTS = ("matplotlib",)
# The modules of the extras: the serving install has none of them.
EXTRA_MODULES = ("pyttsx3", "soundfile", "soxr", "pyfiglet", "matplotlib", "pytest", "hypothesis",
                 "playwright", "mypy", "xmlschema", "wordfreq", "time_machine", "importlinter")
# One pin: `name==version \` then its `--hash=sha256:...` lines.
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", re.M)


def pins(lock: Path) -> dict[str, tuple[str, int]]:
    """Each package of a lock file: its version and how many hashes it may install with."""
    text = lock.read_text(encoding="utf-8")
    return {canonicalize_name(n): (v, hashes.count("--hash=")) for n, v, hashes in _PIN.findall(text)}


def wanted(extras: tuple[str, ...]) -> list[Requirement]:
    """What pyproject.toml and requirements/build.in ask for, with the named extras."""
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    lines += [line for name in extras for line in project["optional-dependencies"][name]]
    build = (REQUIREMENTS / "build.in").read_text(encoding="utf-8").splitlines()
    lines += [line for line in build if line.strip() and not line.startswith("#")]
    return [Requirement(line) for line in lines]


@pytest.mark.parametrize("lock", [DEV_LOCK, SPEECH_LOCK, SERVE_LOCK], ids=["dev", "speech", "serve"])
def test_every_pin_has_its_hashes(lock: Path) -> None:
    found = pins(lock)
    assert len(found) == lock.read_text(encoding="utf-8").count("==")
    assert [name for name, (_, hashes) in found.items() if hashes == 0] == []


@pytest.mark.parametrize(
    ("lock", "extras"),
    [(DEV_LOCK, ("speech", "reports", "dev")), (SPEECH_LOCK, ("speech",)), (SERVE_LOCK, ())],
    ids=["dev", "speech", "serve"],
)
def test_the_lock_holds_what_pyproject_asks_for(lock: Path, extras: tuple[str, ...]) -> None:
    found = pins(lock)
    missing = [
        str(req) for req in wanted(extras)
        if canonicalize_name(req.name) not in found
        or not req.specifier.contains(found[canonicalize_name(req.name)][0], prereleases=True)
    ]
    assert missing == [], f"run `make lock`: {lock.name} does not hold {missing}"


def test_every_extra_is_named_in_pyproject() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = {name: {Requirement(line).name for line in group}
              for name, group in project["optional-dependencies"].items()}
    assert set(extras) == {"speech", "reports", "dev"}
    assert set(SPEECH) <= extras["speech"] and set(REPORTS) <= extras["reports"]
    assert set(DEV_TOOLS) <= extras["dev"]
    serving = {Requirement(line).name for line in project["dependencies"]}
    assert serving.isdisjoint({*SPEECH, *REPORTS, *DEV_TOOLS})


def test_serving_gets_the_same_versions_and_no_extra() -> None:
    dev, speech, serve = pins(DEV_LOCK), pins(SPEECH_LOCK), pins(SERVE_LOCK)
    assert {name: dev.get(name) for name in serve} == serve
    assert {name: dev.get(name) for name in speech} == speech
    assert [name for name in (*DEV_TOOLS, *SPEECH, *REPORTS) if name in serve] == []
    assert [name for name in (*DEV_TOOLS, *REPORTS) if name in speech] == []
    assert all(name in speech for name in SPEECH)
    assert all(name in dev for name in (*DEV_TOOLS, *SPEECH, *REPORTS))
    assert len(serve) < len(speech) < len(dev)


# Run in a fresh interpreter where the extras' modules cannot be imported, as in the serving install.
WITHOUT_EXTRAS = textwrap.dedent("""
    import importlib.abc, sys

    class NoExtras(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {blocked!r}:
                raise ImportError(f"{{name}} is in an extra, not in the serving install")
            return None

    sys.meta_path.insert(0, NoExtras())
    import runpy
    target = sys.argv.pop(1)
    sys.argv[0] = target
    if target.endswith(".py"):
        runpy.run_path(target, run_name="__main__")
    else:
        runpy.run_module(target, run_name="__main__", alter_sys=True)
""").format(blocked=EXTRA_MODULES)

SERVE_A_CALL_AND_A_TEXT = textwrap.dedent("""
    from service.web.twilio.simulate import TwilioSimulator
    from wsgi import app

    simulator = TwilioSimulator(app)
    print("CALL", simulator.dial().gathers)
    print("TEXT", "bone" in " ".join(simulator.text("bones").messages).lower())
""")


def _without_extras(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOCAL_DEMO": "1", "STATE_URL": f"sqlite:///{tmp_path}/state.db",
           "PHONE_HASH_KEY": "7f" * 32, "PYTHONPATH": str(PROJECT_ROOT)}
    env.pop("TWILIO_AUTH_TOKEN", None)
    return subprocess.run([sys.executable, "-c", WITHOUT_EXTRAS, *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, env=env, timeout=120)


def test_the_line_serves_a_call_and_a_text_without_any_extra(tmp_path: Path) -> None:
    script = tmp_path / "serve_once.py"
    script.write_text(SERVE_A_CALL_AND_A_TEXT, encoding="utf-8")
    result = _without_extras(tmp_path, str(script))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "CALL True" in result.stdout and "TEXT True" in result.stdout, result.stdout


def test_the_content_check_runs_without_any_extra(tmp_path: Path) -> None:
    result = _without_extras(tmp_path, "flask", "--app", "wsgi:app", "content", "check")
    assert result.returncode == 0, result.stderr[-3000:]


def _fake_checkout(tmp_path: Path) -> Path:
    """scripts/setup, the locks and pyproject.toml in a folder whose .venv/bin/python only notes its calls."""
    root = tmp_path / "checkout"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "scripts" / "setup", root / "scripts" / "setup")
    shutil.copytree(REQUIREMENTS, root / "requirements")
    shutil.copy(PROJECT_ROOT / "pyproject.toml", root / "pyproject.toml")
    python = root / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text('#!/bin/sh\necho "$*" >> "$(dirname "$0")/../calls"\n', encoding="utf-8")
    python.chmod(0o755)
    return root


def _setup(root: Path, *install: str) -> tuple[str, str]:
    """Run the checkout's scripts/setup; what it said, and what it asked .venv's python to do."""
    result = subprocess.run([str(root / "scripts" / "setup"), *install], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "LOCK": ""})
    assert result.returncode == 0, result.stderr
    calls = root / ".venv" / "calls"
    said = calls.read_text(encoding="utf-8") if calls.exists() else ""
    calls.unlink(missing_ok=True)
    return result.stdout, said


def test_run_installs_the_serving_lock_and_test_then_installs_everything(tmp_path: Path) -> None:
    root = _fake_checkout(tmp_path)
    _, said = _setup(root, "serve")
    assert "--require-hashes -r requirements/serve.txt" in said
    assert "requirements/dev.txt" not in said
    _, said = _setup(root, "serve")
    assert said == "", "an install that is there is not done again"
    _, said = _setup(root)
    assert "--require-hashes -r requirements/dev.txt" in said, "the tests need every extra"
    assert "scripts/venv_sync.py requirements/dev.txt" in said


def test_run_after_test_keeps_the_fuller_install(tmp_path: Path) -> None:
    root = _fake_checkout(tmp_path)
    _setup(root)
    out, said = _setup(root, "serve")
    assert said == "" and "already holds the dev install" in out
    (root / "requirements" / "dev.txt").write_text("# changed\n", encoding="utf-8")
    _, said = _setup(root, "serve")
    assert "-r requirements/serve.txt" in said, "a fuller install that is out of date is not reused"


def test_every_package_in_the_venv_is_pinned_at_its_installed_version() -> None:
    """scripts/setup installs the dev lock and removes the rest: nothing by hand, nothing stale."""
    locked = {name: version for name, (version, _) in pins(DEV_LOCK).items()}
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in distributions()}
    installed.pop(PROJECT)
    assert {name: version for name, version in installed.items() if locked.get(name) != version} == {}
