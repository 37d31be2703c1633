"""The line under a real gunicorn on loopback: a refused start stops, a reload keeps good content."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from twilio.request_validator import RequestValidator

from service.config import PROJECT_ROOT
from service.web.ops.accesslog import safe_path
from tests.conftest import TEST_TOKEN

SECONDS = 15  # the longest any one wait here may take
PHONE = "+14155550123"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Gunicorn:
    """`gunicorn -c gunicorn.conf.py wsgi:app` on a free loopback port, its log in a file."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.port = free_port()
        self.log_path = folder / "gunicorn.log"
        self.env = {
            "PATH": os.environ.get("PATH", ""), "HOME": str(folder), "HOST": "127.0.0.1",
            "PORT": str(self.port), "WORKERS": "1", "PHONE_HASH_KEY": "k",
            "STATE_URL": f"sqlite:///{folder}/state.db", "AUDIO_DIR": str(folder / "audio"), **env,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Gunicorn:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
                cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, text: str, count: int = 1) -> None:
        deadline = time.monotonic() + SECONDS
        while self.log.count(text) < count:
            assert time.monotonic() < deadline, f"no {text!r} (x{count}) in the log:\n{self.log}"
            assert self.process and self.process.poll() is None, f"gunicorn stopped:\n{self.log}"
            time.sleep(0.05)

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            assert time.monotonic() < deadline, f"gunicorn never served:\n{self.log}"
            assert self.process and self.process.poll() is None, f"gunicorn stopped:\n{self.log}"
            time.sleep(0.1)

    def text(self, body: str) -> str:
        """A text signed as Twilio signs it; the TwiML answer."""
        url = f"http://127.0.0.1:{self.port}/sms"
        message_sid = "SM" + secrets.token_hex(16)  # each text its own, as Twilio's are
        params = {"From": PHONE, "To": "+15555550199", "Body": body, "MessageSid": message_sid}
        signature = RequestValidator(TEST_TOKEN).compute_signature(url, params)
        request = urllib.request.Request(
            url, data=urllib.parse.urlencode(params).encode(), headers={"X-Twilio-Signature": signature}
        )
        with urllib.request.urlopen(request, timeout=SECONDS) as answer:
            return answer.read().decode()

    def reload(self) -> None:
        """kill -HUP the master, then wait until the new worker has replaced the old."""
        booted, exited = self.log.count("Booting worker"), self.log.count("Worker exiting")
        assert self.process
        self.process.send_signal(signal.SIGHUP)
        self.wait_for_log("Booting worker", booted + 1)
        self.wait_for_log("Worker exiting", exited + 1)
        self.wait_until_serving()


@pytest.fixture
def gunicorn(tmp_path: Path) -> Iterator[Callable[[dict[str, str]], Gunicorn]]:
    started: list[Gunicorn] = []

    def start(env: dict[str, str]) -> Gunicorn:
        server = Gunicorn(tmp_path, env).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def break_content(content: Path) -> None:
    topic = content / "topics" / "spread-liver.yaml"
    topic.write_text(topic.read_text().replace("id: spread-liver", "id: liver"))


def reword_liver(content: Path, old: str, new: str) -> None:
    topic = content / "topics" / "spread-liver.yaml"
    text = topic.read_text()
    assert old in text
    topic.write_text(text.replace(old, new))


def unreachable_store(folder: Path) -> dict[str, str]:
    (folder / "blocker").write_text("a file where a folder should be")
    return {"TWILIO_AUTH_TOKEN": TEST_TOKEN, "STATE_URL": f"sqlite:///{folder}/blocker/state.db"}


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("no token", "TWILIO_AUTH_TOKEN is not set"),
        ("a token of quotation marks", "TWILIO_AUTH_TOKEN is only quotation marks"),
        ("broken content", "spread-liver.yaml:1: id: must be 'spread-liver'"),
        ("an unreachable store", "cannot open the SQLite store"),
    ],
)
def test_a_refused_start_stops_the_server_with_the_reason_and_frees_the_port(
    gunicorn, content_copy: Path, tmp_path: Path, case: str, reason: str
) -> None:
    env = {"TWILIO_AUTH_TOKEN": TEST_TOKEN, "CONTENT_DIR": str(content_copy)}
    if case == "no token":
        del env["TWILIO_AUTH_TOKEN"]
    elif case == "a token of quotation marks":
        env["TWILIO_AUTH_TOKEN"] = '""'
    elif case == "broken content":
        break_content(content_copy)
    else:
        env.update(unreachable_store(tmp_path))
    server = gunicorn(env)
    exit_code = server.process.wait(SECONDS)
    assert exit_code != 0
    assert reason in server.log and "The line cannot start" in server.log
    assert "Booting worker" not in server.log
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", server.port)) != 0, "the port is still bound"


@pytest.mark.parametrize(
    ("env", "reason"),
    [({"AUDIO_ENABLED": "ture"}, "AUDIO_ENABLED is 'ture': use 1, true, yes, on to turn it on"),
     ({"WORKERS": "two"}, "WORKERS is 'two': use a whole number of worker processes")],
)
def test_a_setting_not_understood_stops_the_server_with_its_name_and_no_traceback(
    gunicorn, env: dict[str, str], reason: str
) -> None:
    server = gunicorn({"TWILIO_AUTH_TOKEN": TEST_TOKEN, **env})
    assert server.process.wait(SECONDS) != 0
    assert f"The line cannot start: {reason}" in server.log
    assert "Traceback" not in server.log and "Booting worker" not in server.log


def test_metrics_add_up_every_workers_counts_and_their_folder_goes_at_exit(gunicorn, tmp_path: Path) -> None:
    token = "metrics-token-for-tests-0123456789"
    server = gunicorn({"TWILIO_AUTH_TOKEN": TEST_TOKEN, "WORKERS": "2", "METRICS_TOKEN": token,
                      "TMPDIR": str(tmp_path)})
    server.wait_until_serving()
    for word in ("bones", "liver", "lungs", "brain", "menu", "help"):
        assert "<Message>" in server.text(word)
    folder = next(tmp_path.glob("mbc-line-metrics-*"))
    assert len(list(folder.glob("counter_*.db"))) >= 1
    for _ in range(6):  # whichever worker answers the scrape, it adds up both
        request = urllib.request.Request(f"http://127.0.0.1:{server.port}/ops/metrics",
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=SECONDS) as answer:
            shown = answer.read().decode()
        assert 'mbc_requests_total{route="/sms",status="200"} 6.0' in shown, shown
    server.stop()
    assert not folder.exists()


def test_a_reload_serves_good_new_content_and_keeps_the_old_when_the_new_is_broken(
    gunicorn, content_copy: Path
) -> None:
    server = gunicorn({"TWILIO_AUTH_TOKEN": TEST_TOKEN, "CONTENT_DIR": str(content_copy)})
    server.wait_until_serving()
    assert "a very common place" in server.text("liver")

    reword_liver(content_copy, "a very common place", "a common place")
    server.reload()
    assert "a common place" in server.text("liver"), "a good content edit was not picked up"

    reword_liver(content_copy, "a common place", "a frequent place")
    break_content(content_copy)
    server.reload()
    answer = server.text("liver")
    assert "a common place" in answer and "frequent" not in answer
    assert "the line keeps serving the content it had" in server.log
    assert "spread-liver.yaml:1: id: must be 'spread-liver'" in server.log
    assert server.process.poll() is None


def test_the_access_log_has_paths_without_query_strings_or_numbers(gunicorn, content_copy: Path) -> None:
    server = gunicorn({"TWILIO_AUTH_TOKEN": TEST_TOKEN, "CONTENT_DIR": str(content_copy)})
    server.wait_until_serving()
    server.text("liver")
    base = f"http://127.0.0.1:{server.port}"
    for url in (f"{base}/sms?From=%2B14155550123&Body=STOP", f"{base}/sms/%2B14155550123"):
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(url, timeout=SECONDS)
    server.wait_for_log('"GET /sms HTTP/1.1" 405')
    server.wait_for_log('"POST /sms HTTP/1.1" 200')
    server.wait_for_log('"GET /sms/+########### HTTP/1.1" 404')
    for form in ("4155550123", "14155550123", "Body=", "From="):
        assert form not in server.log


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/sms", "/sms"),
        ("/voice/input", "/voice/input"),
        ("/audio/0123456789abcdef0123456789abcdef.wav", "/audio/0123456789abcdef0123456789abcdef.wav"),
        ("/sms/+1 (415) 555-0123", "/sms/+# (###) ###-####"),
        ("/audio/14155550123.wav", "/audio/###########.wav"),
        ("/" + "9" * 500, "/" + "#" * 99),
    ],
)
def test_a_logged_path_never_shows_a_number_unless_it_is_one_of_the_lines_own(path: str, logged: str) -> None:
    assert safe_path(path) == logged
