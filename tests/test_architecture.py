"""The layers hold: the channel-free core and the speech worker start without the web stack."""

from __future__ import annotations

import subprocess
import sys

import pytest

from service.config import PROJECT_ROOT

WEB_STACK = ("flask", "werkzeug", "twilio")


@pytest.mark.parametrize(
    "module",
    ["service.core.calls", "service.core.texts", "service.core.wording", "service.core.matching",
     "service.safety.triage", "service.words.fold",
     "service.speech.worker", "service.speech.talk", "service.checker", "service.store"],
)
def test_a_core_module_imports_without_flask_or_twilio(module: str) -> None:
    code = f"import sys, {module}; print(','.join(m for m in {WEB_STACK!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "", f"importing {module} loaded {loaded}"


def test_the_app_factory_still_builds_the_web_app() -> None:
    code = "import sys, service.web.app; print('flask' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "True"
