"""Load benchmark: the line under gunicorn, as `make run` starts it, against bare Flask in one run.

    .venv/bin/python bench/load.py [--store sqlite|redis|memory] [--profile mixed|one-phone]
                                   [--seconds 6] [--rounds 3] [--connections 16] [--workers 2]

Needs `wrk` (Debian: `apt-get install wrk`) and, for --store redis, `redis-server`. Both servers
run `gunicorn --bind 127.0.0.1:PORT --workers 2` (plus gunicorn.conf.py when there is one) on a
free loopback port, both up at once; wrk measures them in turn, round by round, so that other
load on the machine hits both alike. wrk (one thread, 16 connections) rotates pre-signed
requests: in the mixed profile about 600 from 400 phones (texts in people's own wording, call starts
and key presses); in one-phone, one number texting "bone" over and over. Prints requests/s,
p50/p99 and errors per run, and the median ratio line/bare. Not a test: compare ratios, not absolute numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
TOKEN = "be0c4a11" * 4  # the shape of a real Twilio auth token: 32 hexadecimal characters
LINE = "+15555550199"
TEXTS = [
    "bone", "bones", "brian", "livr", "liver", "lungs", "my bones hurt", "what is herceptin",
    "bone mets", "headache", "I have a headache that wont go away", "MORE", "MENU", "1", "2", "3",
    "hi", "HELP", "treatment", "what treatments are there", "clinical trials", "pain", "tired",
    "short of breath", "is it curable", "chemo", "side effects of chemo", "hospice", "scan",
    "what does metastatic mean", "back pain", "yellow skin", "Thanks", "ok", "help me",
]
KEYS = "1234567890"


def free_port() -> int:
    """A free loopback port (the kernel picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def signed_lines(port: int, profile: str, seed: int = 10) -> list[str]:
    """Request lines for load.lua: path, Twilio signature, form body."""
    validator = RequestValidator(TOKEN)
    rng = random.Random(seed)
    lines: list[str] = []

    def add(path: str, params: dict[str, str]) -> None:
        signature = validator.compute_signature(f"http://127.0.0.1:{port}{path}", params)
        lines.append(f"{path}\t{signature}\t{urlencode(params)}")

    def text(phone: str, body: str) -> None:
        add("/sms", {"MessageSid": f"SM{rng.getrandbits(128):032x}", "AccountSid": "AC" + "0" * 32,
                     "From": phone, "To": LINE, "Body": body, "NumMedia": "0"})

    if profile == "one-phone":
        for _ in range(50):
            text("+15555550100", "bone")
        return lines
    phone_number = 0
    while len(lines) < 600:
        phone = f"+1555{1000000 + phone_number % 400:07d}"
        phone_number += 1
        if rng.random() < 0.6:
            for _ in range(rng.choice((1, 1, 2))):
                text(phone, rng.choice(TEXTS))
            continue
        call = {"CallSid": f"CA{rng.getrandbits(128):032x}", "AccountSid": "AC" + "0" * 32,
                "From": phone, "To": LINE, "CallStatus": "in-progress", "Direction": "inbound"}
        add("/voice", call)
        add("/voice/input", {**call, "Digits": rng.choice(KEYS)})
    return lines


@contextmanager
def redis_server(folder: Path, fsync: str = "always") -> Iterator[str]:
    """A throwaway redis-server on a free loopback port; by default fsyncing every write, as advised."""
    port = free_port()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
         "--save", "", "--appendonly", "yes", "--appendfsync", fsync],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def gunicorn(app: str, port: int, env: dict[str, str], log: Path, workers: int,
             root: Path = ROOT) -> Iterator[None]:
    """gunicorn as `make run` starts it, on a loopback port; stopped (SIGTERM) afterwards."""
    command = [str(GUNICORN), "--bind", f"127.0.0.1:{port}", "--workers", str(workers), app]
    with log.open("ab") as out:
        proc = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=out, start_new_session=True)
    try:
        _wait_http(f"http://127.0.0.1:{port}/healthz" if app == "wsgi:app" else None, port)
        yield
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def _wait_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def _wait_http(url: str | None, port: int) -> None:
    _wait_port(port, 60)
    if url:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 (loopback only)
            assert answer.status == 200, answer.status


def run_wrk(port: int, requests_file: Path, seconds: int, connections: int) -> dict[str, float]:
    """One wrk run; returns the numbers load.lua prints."""
    env = {**os.environ, "BENCH_REQUESTS": str(requests_file)}
    base = ["wrk", "-t1", f"-c{connections}", "-s", str(Path(__file__).with_name("load.lua"))]
    url = f"http://127.0.0.1:{port}"
    out = subprocess.run([*base, f"-d{seconds}s", url], env=env, check=True, capture_output=True, text=True)
    found = [line for line in out.stdout.splitlines() if line.startswith("BENCH ")]
    result: dict[str, float] = json.loads(found[-1][len("BENCH "):])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=("sqlite", "redis", "memory"), default="sqlite")
    parser.add_argument("--profile", choices=("mixed", "one-phone"), default="mixed")
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis-fsync", choices=("always", "everysec"), default="always",
                        help="redis-server's appendfsync for --store redis (the README advises always)")
    parser.add_argument("--line-root", type=Path, default=ROOT,
                        help="serve the line from another checkout (e.g. `git archive` of an older commit)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("bench/load.py needs wrk: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="mbc-bench-") as folder_name:
        folder = Path(folder_name)
        with _state_url(args.store, folder, args.redis_fsync) as state_url:
            results = _measure(args, folder, state_url)
    _report(args, results)


@contextmanager
def _state_url(store: str, folder: Path, redis_fsync: str) -> Iterator[str]:
    if store == "redis":
        with redis_server(folder, redis_fsync) as url:
            yield url
    else:
        yield f"sqlite:///{folder}/state.db" if store == "sqlite" else "memory://"


def _measure(args: argparse.Namespace, folder: Path, state_url: str) -> dict[str, list[dict[str, float]]]:
    """Both servers up at once; wrk alternates between them, round by round, so noise hits both."""
    env = {**os.environ, "TWILIO_AUTH_TOKEN": TOKEN, "STATE_URL": state_url,
           "PHONE_HASH_KEY": "b3e1c9a7d5f20864" * 4, "RATE_LIMIT_TEXTS": "100000/second",
           "RATE_LIMIT_CALLS": "100000/second"}
    for name in ("LOCAL_DEMO", "PUBLIC_BASE_URL"):
        env.pop(name, None)
    servers = {"bare": ("bare_app:app", {"PYTHONPATH": str(ROOT / "bench")}), "line": ("wsgi:app", {})}
    ports = {name: free_port() for name in servers}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in servers}
    with ExitStack() as stack:
        for name, (app, extra) in servers.items():
            requests_file = folder / f"{name}.requests"
            requests_file.write_text("\n".join(signed_lines(ports[name], args.profile)) + "\n")
            root = args.line_root.resolve() if name == "line" else ROOT
            stack.enter_context(gunicorn(app, ports[name], {**env, **extra}, folder / f"{name}.log",
                                         args.workers, root))
            run_wrk(ports[name], requests_file, 2, args.connections)  # warm-up
        for _ in range(args.rounds):
            for name in servers:
                requests_file = folder / f"{name}.requests"
                results[name].append(run_wrk(ports[name], requests_file, args.seconds, args.connections))
    if any(r["errors"] for r in results["line"]):
        sys.stderr.write((folder / "line.log").read_text()[-3000:])
    return results


def _report(args: argparse.Namespace, results: dict[str, list[dict[str, float]]]) -> None:
    store = f"redis (appendfsync {args.redis_fsync})" if args.store == "redis" else args.store
    print(f"line from {args.line_root}  store={store} profile={args.profile} workers={args.workers} "
          f"connections={args.connections} rounds={args.rounds}x{args.seconds}s")
    print(f"{'round':5} {'server':6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
    for index in range(args.rounds):
        for name, runs in results.items():
            r = runs[index]
            print(f"{index + 1:5} {name:6} {r['rps']:8.0f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} "
                  f"{r['max_ms']:8.1f} {int(r['errors']):7d}")
    ratios = [line["rps"] / bare["rps"] for line, bare in zip(results["line"], results["bare"], strict=True)]
    line_p99 = statistics.median(r["p99_ms"] for r in results["line"])
    errors = sum(int(r["errors"]) for r in results["line"])
    print(f"ratio line/bare (median of rounds): {statistics.median(ratios):.2f}  "
          f"[{', '.join(f'{r:.2f}' for r in ratios)}]   line p99 (median): {line_p99:.1f} ms   "
          f"line errors: {errors}")


if __name__ == "__main__":
    main()
