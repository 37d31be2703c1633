"""Real servers for tests, on free loopback ports in temporary folders: redis-server and gunicorn."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis
from twilio.request_validator import RequestValidator

from service.config import PROJECT_ROOT

GUNICORN = PROJECT_ROOT / ".venv" / "bin" / "gunicorn"


def free_port() -> int:
    """A loopback port nothing listens on (the kernel picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, seconds: float = 20.0) -> None:
    """Return once something accepts connections on a loopback port."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


class RedisServer:
    """One redis-server process in a folder of its own; can be stopped and started on the same port."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start it with an fsync-always append-only file, as a line that keeps opt-outs should."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "yes", "--appendfsync", "always"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def pause(self) -> None:
        """Freeze it (SIGSTOP): connections stay open and nothing answers, as a hung server."""
        if self._proc is not None:
            self._proc.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self._proc is not None:
            self._proc.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self._proc is not None:
            self.resume()  # a frozen server cannot act on its TERM
            self._proc.terminate()
            self._proc.wait(timeout=10)
            self._proc = None


@contextmanager
def redis_server(folder: Path) -> Iterator[RedisServer]:
    """A running redis-server for the length of a `with`."""
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class Gunicorn:
    """The line under gunicorn as `make run` starts it, on a free loopback port.

    The app is built by `worker_app` (as wsgi.py builds it, with the thread that sends queued texts)
    with an instance folder of its own (as on a host of its own),
    so a test never writes into the project's instance folder.
    """

    def __init__(self, env: Mapping[str, str], instance: Path, workers: int = 2) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.instance = instance
        instance.mkdir(parents=True, exist_ok=True)
        log = instance / "gunicorn.log"
        app = f"service.web.serving:worker_app(instance_path={str(instance)!r})"  # as wsgi.py serves
        command = [str(GUNICORN), "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), app]
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env={**os.environ, **env}, stdout=out, stderr=out,
                start_new_session=True,
            )
        self._wait_healthy()

    def _wait_healthy(self, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode} before it answered")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"gunicorn on port {self.port} not healthy after {seconds} s")

    def post(self, path: str, params: dict[str, str], token: str) -> tuple[int, str]:
        """POST a form signed with `token` as Twilio signs it; the status and the body."""
        url = f"{self.base_url}{path}"
        signature = RequestValidator(token).compute_signature(url, params)
        request = urllib.request.Request(
            url, data=urlencode(params).encode(), headers={"X-Twilio-Signature": signature}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def worker_pids(self) -> list[int]:
        """The master's children: its worker processes."""
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def kill(self) -> None:
        """SIGKILL the master and every worker, as a power cut would end them."""
        pids = self.worker_pids()
        for pid in [self.proc.pid, *pids]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        """A graceful stop (SIGTERM), waiting for the workers to finish."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=30)


@pytest.fixture(scope="session")
def redis_instance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """One redis-server for the whole run."""
    with redis_server(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture
def redis_url(redis_instance: RedisServer) -> str:
    """The shared server, emptied for this test."""
    client = redis.Redis.from_url(redis_instance.url)
    client.flushall()
    client.close()
    return redis_instance.url


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A server of this test's own, which the test may stop and start (an outage)."""
    with redis_server(tmp_path / "redis") as server:
        yield server
