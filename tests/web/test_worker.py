"""Slow clients cannot hold the line: under gunicorn as `make run` starts it, 50 clients dripping a
body a byte every 2 s neither delay a signed webhook past 1 s nor stay connected past the read time."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from twilio.request_validator import RequestValidator

from service.config import PROJECT_ROOT
from tests.conftest import TEST_TOKEN
from tests.web.test_gunicorn import Gunicorn, free_port, gunicorn  # noqa: F401 (the fixture)

SLOW_CLIENTS = 50
DRIP_SECONDS = 2.0
READ_SECONDS = 3  # REQUEST_READ_SECONDS for this server: short, so the test stays short
WEBHOOK_BUDGET = 1.0
CADDY_READ_SECONDS = 10  # deploy/Caddyfile's read_body


class Drippers:
    """Many sockets that each send a request's head, then its body a byte at a time, every 2 s."""

    def __init__(self, port: int, count: int, slow_head: int = 0) -> None:
        self.socks: list[socket.socket] = []
        self.closed_after: dict[int, float] = {}
        self.started = time.monotonic()
        head = (b"POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Twilio-Signature: x\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n")
        for n in range(count):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.setblocking(False)
            if n >= slow_head:
                sock.sendall(head)
            self.socks.append(sock)
        self._head = head
        self._slow_head = slow_head
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._drip, daemon=True)
        self._thread.start()

    def _drip(self) -> None:
        sent = 0
        while not self._stop.wait(DRIP_SECONDS):
            for n, sock in enumerate(self.socks):
                if n in self.closed_after:
                    continue
                byte = self._head[sent:sent + 1] if n < self._slow_head else b"a"
                try:
                    sock.send(byte or b"a")
                    if sock.recv(4096) == b"":
                        self.closed_after[n] = time.monotonic() - self.started
                except BlockingIOError:
                    continue
                except OSError:
                    self.closed_after[n] = time.monotonic() - self.started
            sent += 1

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for sock in self.socks:
            sock.close()


def under_slow_clients(port: int, read_seconds: float) -> tuple[list[float], dict[int, float]]:
    """Signed webhooks to `port` while 50 slow clients drip, about 6 s; their waits, and when each slow
    client was cut off (seconds after it started)."""
    drippers = Drippers(port, SLOW_CLIENTS, slow_head=10)  # 10 drip their headers, 40 their bodies
    try:
        waits = []
        for _ in range(6):
            start = time.monotonic()
            assert "<Message>" in _signed_text(port, "bones")
            waits.append(time.monotonic() - start)
            time.sleep(1.0)
        deadline = time.monotonic() + read_seconds + 3 * DRIP_SECONDS
        while len(drippers.closed_after) < SLOW_CLIENTS and time.monotonic() < deadline:
            time.sleep(0.2)
        return waits, dict(drippers.closed_after)
    finally:
        drippers.stop()


def test_fifty_slow_clients_neither_delay_a_webhook_nor_stay_connected(
    gunicorn: Callable[[dict[str, str]], Gunicorn],  # noqa: F811
) -> None:
    server = gunicorn({"TWILIO_AUTH_TOKEN": TEST_TOKEN, "WORKERS": "2",
                       "REQUEST_READ_SECONDS": str(READ_SECONDS)})
    server.wait_until_serving()
    waits, cut_off = under_slow_clients(server.port, READ_SECONDS)
    print(f"signed webhook waits with {SLOW_CLIENTS} slow clients: max {max(waits) * 1000:.0f} ms; "
          f"slow clients cut off after at most {max(cut_off.values(), default=0):.1f} s")
    assert max(waits) < WEBHOOK_BUDGET, waits
    assert len(cut_off) == SLOW_CLIENTS, f"{SLOW_CLIENTS - len(cut_off)} slow clients still connected"
    assert max(cut_off.values()) <= READ_SECONDS + 2 * DRIP_SECONDS + 1


def test_a_body_cut_short_is_refused_before_it_is_parsed(
    gunicorn: Callable[[dict[str, str]], Gunicorn], tmp_path: Path  # noqa: F811
) -> None:
    server = gunicorn({"TWILIO_AUTH_TOKEN": TEST_TOKEN, "REQUEST_READ_SECONDS": "1"})
    server.wait_until_serving()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Twilio-Signature: x\r\n"
                     b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nBody=hi")
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 400")
    assert "the body was cut short" in server.log


def _signed_text(port: int, body: str) -> str:
    """A text signed as Twilio signs it for this address; the TwiML answer."""
    url = f"http://127.0.0.1:{port}/sms"
    params = {"From": "+14155550123", "To": "+15555550199", "Body": body, "MessageSid": "SM1"}
    signature = RequestValidator(TEST_TOKEN).compute_signature(url, params)
    request = urllib.request.Request(url, data=urllib.parse.urlencode(params).encode(),
                                     headers={"X-Twilio-Signature": signature})
    with urllib.request.urlopen(request, timeout=15) as answer:
        return answer.read().decode()


def _caddy_in_front(folder: Path, upstream: int) -> tuple[subprocess.Popen[bytes], int]:
    """deploy/Caddyfile as it is, on a loopback port over plain http, in front of `upstream`: the site
    and the line named through the environment, as compose.yaml's caddy service names them."""
    port = free_port()
    text = (PROJECT_ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    text = text.replace("{\n\tservers {", "{\n\tadmin off\n\tauto_https off\n\tservers {", 1)
    config = folder / "Caddyfile"
    config.write_text(text, encoding="utf-8")
    with (folder / "caddy.log").open("wb") as log:
        command = ["caddy", "run", "--config", str(config), "--adapter", "caddyfile"]
        caddy = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                 env={**os.environ, "HOME": str(folder),
                                      "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
                                      "LINE_UPSTREAM": f"127.0.0.1:{upstream}"})
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return caddy, port
        time.sleep(0.1)
    caddy.kill()
    raise AssertionError(f"caddy did not listen:\n{(folder / 'caddy.log').read_text()}")


def test_behind_the_deploy_caddy_slow_clients_wait_in_caddy_not_in_the_line(
    gunicorn: Callable[[dict[str, str]], Gunicorn], tmp_path: Path  # noqa: F811
) -> None:
    server = gunicorn({"TWILIO_AUTH_TOKEN": TEST_TOKEN, "WORKERS": "2"})
    server.wait_until_serving()
    caddy, port = _caddy_in_front(tmp_path, server.port)
    try:
        waits, cut_off = under_slow_clients(port, CADDY_READ_SECONDS)
    finally:
        caddy.terminate()
        caddy.wait(timeout=15)
    print(f"behind Caddy: signed webhook waits max {max(waits) * 1000:.0f} ms; "
          f"slow clients cut off after at most {max(cut_off.values(), default=0):.1f} s")
    assert max(waits) < WEBHOOK_BUDGET, waits
    assert len(cut_off) == SLOW_CLIENTS, f"{SLOW_CLIENTS - len(cut_off)} slow clients still connected"
    assert "POST /sms" not in server.log.replace('"POST /sms HTTP/1.1" 200', "")  # none reached the line
