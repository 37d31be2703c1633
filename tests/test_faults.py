"""Crash test: kill -9 a gunicorn worker under load, then the master; no acknowledged opt-out is lost.

Opt-outs come from all three sources at once: STOP in words, an operator's keyword Twilio names
with OptOutType=STOP (Advanced Opt-Out), and a status callback with error 21610.
"""

from __future__ import annotations

import http.client
import itertools
import os
import secrets
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from service.config import PROJECT_ROOT, Settings
from service.store.privacy import PhoneHasher
from service.web.app import create_app
from service.web.runtime import runtime_of
from tests.servers import Gunicorn, redis_instance, redis_url  # noqa: F401 (fixtures: a real redis-server)

TOKEN = "c0ffee42" * 4  # the shape of a real Twilio auth token: 32 hexadecimal characters
HASH_KEY = "c4a5e8b1d0f2973e" * 4  # 64 hexadecimal characters, as `openssl rand -hex 32` makes
CLIENTS = 6
LOAD_SECONDS_BEFORE_EACH_KILL = 0.8


class Load:
    """Client threads sending STOPs from new numbers, and ordinary texts, until told to stop."""

    def __init__(self, server: Gunicorn) -> None:
        self.server = server
        self.acknowledged: list[str] = []
        self.errors = 0
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._threads = [threading.Thread(target=self._run, daemon=True) for _ in range(CLIENTS)]

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        for thread in self._threads:
            thread.join(timeout=15)

    def _text(self, number: str, body: str, **extra: str) -> tuple[int, str]:
        message_sid = "SM" + secrets.token_hex(16)
        text = {"From": number, "To": "+15555550199", "Body": body, "MessageSid": message_sid}
        return self.server.post("/sms", {**text, **extra}, TOKEN)

    def _opt_out(self, number: str, source: int) -> int:
        """One opt-out, from words, from Twilio's OptOutType, or from a 21610 status callback."""
        if source == 0:
            return self._text(number, "STOP")[0]
        if source == 1:
            return self._text(number, "ARRET", OptOutType="STOP")[0]
        status = {"MessageSid": "SM" + secrets.token_hex(16), "MessageStatus": "failed", "ErrorCode": "21610",
                  "From": "+15555550199", "To": number}
        return self.server.post("/sms/status", status, TOKEN)[0]

    def _run(self) -> None:
        while not self._done.is_set():
            with self._lock:
                serial = next(self._numbers)
            number = f"+1555{serial:07d}"
            try:
                status = self._opt_out(number, serial % 3)
                self._text("+15555550100", "bones")
            except (OSError, http.client.HTTPException):  # a killed worker cuts its answer short
                with self._lock:
                    self.errors += 1
                continue
            if status == 200:
                with self._lock:
                    self.acknowledged.append(number)


@pytest.fixture(params=["sqlite", "redis"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "redis":
        return str(request.getfixturevalue("redis_url"))
    return f"sqlite:///{tmp_path}/state.db"


def test_no_acknowledged_opt_out_is_lost_when_processes_are_killed(state_url: str, tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    server = Gunicorn({"TWILIO_AUTH_TOKEN": TOKEN, "STATE_URL": state_url, "PHONE_HASH_KEY": HASH_KEY},
                      instance, workers=2)
    try:
        with Load(server) as load:
            time.sleep(LOAD_SECONDS_BEFORE_EACH_KILL)
            os.kill(server.worker_pids()[0], signal.SIGKILL)
            time.sleep(LOAD_SECONDS_BEFORE_EACH_KILL)
            server.kill()  # the master, and every worker it had
    finally:
        server.stop()
    assert len(load.acknowledged) >= 12, "the load never got going"
    assert {int(n[-7:]) % 3 for n in load.acknowledged} == {0, 1, 2}, "each source was acknowledged"

    settings = Settings(twilio_auth_token=TOKEN, state_url=state_url, phone_hash_key=HASH_KEY,
                        content_dir=PROJECT_ROOT / "content")
    restarted = runtime_of(create_app(settings, instance_path=str(instance)))  # replays any journal
    hasher = PhoneHasher(HASH_KEY.encode())
    lost = [n for n in load.acknowledged if not restarted.store.is_opted_out(hasher(n))]
    assert lost == []
    if state_url.startswith("sqlite"):
        with sqlite3.connect(state_url[len("sqlite:///"):]) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
