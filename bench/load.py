"""Load benchmark: the line under gunicorn, as `make run` starts it, against bare Flask in one run.

    .venv/bin/python bench/load.py [--store sqlite|redis|memory] [--profile mixed|one-phone]
                                   [--seconds 6] [--rounds 3] [--connections 16] [--workers 2]
    .venv/bin/python bench/load.py --memory [--store ...]     # RSS per worker after 1,000 and 50,000

Needs `wrk` (Debian: `apt-get install wrk`) and, for --store redis, `redis-server`. Both servers run
`gunicorn -c gunicorn.conf.py --bind 127.0.0.1:PORT --workers 2`: the project's own settings (its
threaded worker with a read deadline, its threads, its access log), each on a free loopback port,
both up at once; wrk measures them in turn, round by round, so that other load on the machine hits
both alike. wrk (one thread, 16 connections) sends fresh signed requests from bench/traffic.py, each
once (a new MessageSid per text, a new CallSid per call, the next step per key press): in the mixed
profile people texting and calling from 400 phones; in one-phone, one number texting "bone" over and
over. Each round has its own file of requests, the same for both servers (bare Flask checks no
signature). A round that ran out of requests and repeated some is marked and does not count. Prints
requests/s, p50/p99 and errors per round, and the median ratio line/bare. Not a test: compare
ratios, not absolute numbers.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pstats
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

from traffic import PROFILES, TOKEN, Traffic  # beside this file

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
MAX_RATE = 9000  # requests a second a file must hold for a round: more than either server answers here
WARM_SECONDS = 2


def free_port() -> int:
    """A free loopback port (the kernel picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_requests(path: Path, traffic: Traffic, count: int) -> Path:
    """The next `count` fresh requests of `traffic`, as bench/load.lua reads them."""
    path.write_text("".join(request.line() + "\n" for request in traffic.take(count)))
    return path


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
             root: Path = ROOT, conf: Path | None = None) -> Iterator[int]:
    """gunicorn as `make run` starts it on a loopback port (yields its master's pid); stopped afterwards."""
    conf = conf or root / "gunicorn.conf.py"
    config = ["-c", str(conf)] if conf.exists() else []
    command = [str(GUNICORN), *config, "--bind", f"127.0.0.1:{port}", "--workers", str(workers), app]
    with log.open("ab") as out:
        proc = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=out, start_new_session=True)
    try:
        _wait_http(f"http://127.0.0.1:{port}/healthz" if app == "wsgi:app" else None, port)
        yield proc.pid
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


def run_wrk(
    port: int, requests_file: Path, seconds: int, connections: int, limit: int = 0
) -> dict[str, float]:
    """One wrk run (stopped after `limit` answers, if given); returns the numbers load.lua prints."""
    env = {**os.environ, "BENCH_REQUESTS": str(requests_file)}
    if limit:
        env["BENCH_LIMIT"] = str(limit)
    base = ["wrk", "-t1", f"-c{connections}", "-s", str(Path(__file__).with_name("load.lua"))]
    url = f"http://127.0.0.1:{port}"
    out = subprocess.run([*base, f"-d{seconds}s", url], env=env, check=True, capture_output=True, text=True)
    found = [line for line in out.stdout.splitlines() if line.startswith("BENCH ")]
    result: dict[str, float] = json.loads(found[-1][len("BENCH "):])
    result["rps"] = result["requests"] / result["seconds"] if result["seconds"] else 0.0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=("sqlite", "redis", "memory"), default="sqlite")
    parser.add_argument("--profile", choices=PROFILES, default="mixed")
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis-fsync", choices=("always", "everysec"), default="always",
                        help="redis-server's appendfsync for --store redis (the README advises always)")
    parser.add_argument("--line-root", type=Path, default=ROOT,
                        help="serve the line from another checkout (e.g. `git archive` of an older commit)")
    parser.add_argument("--bare-as-line", action="store_true",
                        help="bare Flask under --line-root's gunicorn.conf.py too: the ratio as it was "
                             "under that checkout's own server settings")
    parser.add_argument("--cprofile", type=Path, metavar="FILE",
                        help="profile the line's workers (bench/gunicorn_profile.py), the table to FILE")
    parser.add_argument("--memory", action="store_true",
                        help="the line alone: RSS per worker after 1,000 and after 50,000 mixed requests")
    args = parser.parse_args()
    args.load_before = os.getloadavg()[0]  # the machine's load before this benchmark added its own
    if not shutil.which("wrk"):
        raise SystemExit("bench/load.py needs wrk: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="mbc-bench-") as folder_name:
        folder = Path(folder_name)
        with _state_url(args.store, folder, args.redis_fsync) as state_url:
            if args.memory:
                _memory(args, folder, _env(state_url))
                return
            results = _measure(args, folder, _env(state_url))
    _report(args, results)


@contextmanager
def _state_url(store: str, folder: Path, redis_fsync: str) -> Iterator[str]:
    if store == "redis":
        with redis_server(folder, redis_fsync) as url:
            yield url
    else:
        yield f"sqlite:///{folder}/state.db" if store == "sqlite" else "memory://"


def _env(state_url: str) -> dict[str, str]:
    """The line's settings for a benchmark: the benchmark's token, its store, limits no load reaches."""
    env = {**os.environ, "TWILIO_AUTH_TOKEN": TOKEN, "STATE_URL": state_url,
           "PHONE_HASH_KEY": "b3e1c9a7d5f20864" * 4, "RATE_LIMIT_TEXTS": "100000/second",
           "RATE_LIMIT_CALLS": "100000/second"}
    for name in ("LOCAL_DEMO", "PUBLIC_BASE_URL", "PROMETHEUS_MULTIPROC_DIR"):
        env.pop(name, None)
    return env


Results = dict[str, list[dict[str, float]]]


def _measure(args: argparse.Namespace, folder: Path, env: dict[str, str]) -> Results:
    """Both servers up at once; wrk alternates between them, round by round, so noise hits both."""
    servers = {"bare": ("bare_app:app", {"PYTHONPATH": str(ROOT / "bench")}), "line": ("wsgi:app", {})}
    ports = {name: free_port() for name in servers}
    traffic = Traffic(f"http://127.0.0.1:{ports['line']}", args.profile)
    warm = write_requests(folder / "warm.requests", traffic, MAX_RATE * WARM_SECONDS)
    rounds = [write_requests(folder / f"round{index}.requests", traffic, MAX_RATE * args.seconds)
              for index in range(args.rounds)]
    results: Results = {name: [] for name in servers}
    masters: dict[str, int] = {}
    profiles = folder / "profiles"
    profiles.mkdir()
    with ExitStack() as stack:
        for name, (app, extra) in servers.items():
            root = args.line_root.resolve() if name == "line" else ROOT
            profiled = name == "line" and args.cprofile
            conf = Path(__file__).with_name("gunicorn_profile.py") if profiled else None
            if name == "bare" and args.bare_as_line:
                root, conf = args.line_root.resolve(), args.line_root.resolve() / "gunicorn.conf.py"
            extra = {**extra, "BENCH_PROFILE_DIR": str(profiles)} if profiled else extra
            masters[name] = stack.enter_context(gunicorn(app, ports[name], {**env, **extra},
                                                         folder / f"{name}.log", args.workers, root, conf))
            run_wrk(ports[name], warm, WARM_SECONDS, args.connections)
        for requests_file in rounds:
            for name in servers:
                cpu = _workers_cpu(masters[name])
                result = run_wrk(ports[name], requests_file, args.seconds, args.connections)
                used = _workers_cpu(masters[name]) - cpu
                result["cpu_us"] = used * 1e6 / result["requests"] if result["requests"] else 0.0
                results[name].append(result)
    if any(r["errors"] for r in results["line"]):
        sys.stderr.write((folder / "line.log").read_text()[-3000:])
    if args.cprofile:
        _write_profile(profiles, args.cprofile, args)
    return results


def _write_profile(profiles: Path, out: Path, args: argparse.Namespace) -> None:
    """The workers' profiles added up: the functions by own time, then by time including callees."""
    found = sorted(profiles.glob("*.prof"))
    if not found:
        raise SystemExit(f"no worker wrote a profile in {profiles}")
    text = io.StringIO()
    text.write(f"cProfile of {len(found)} line workers under bench/load.py --profile {args.profile} "
               f"--store {args.store} ({args.rounds + 1} runs, warm-up included), "
               f"{time.strftime('%Y-%m-%d', time.gmtime())}, {os.cpu_count()} cores\n")
    stats = pstats.Stats(*map(str, found), stream=text)
    stats.strip_dirs()
    for order in ("tottime", "cumulative"):
        stats.sort_stats(order).print_stats(45)
    out.write_text(text.getvalue())
    print(f"profile written to {out}")


def _memory(args: argparse.Namespace, folder: Path, env: dict[str, str]) -> None:
    """RSS of each line worker after 1,000 mixed requests and after 50,000 (the memos must stay bounded)."""
    port = free_port()
    traffic = Traffic(f"http://127.0.0.1:{port}", "mixed")
    marks = (1_000, 50_000)
    root = args.line_root.resolve()
    with gunicorn("wsgi:app", port, env, folder / "line.log", args.workers, root) as master:
        sent = 0
        before: dict[int, int] = {}
        for mark in marks:
            # One request more a connection than answers counted: wrk asks for the next request of each
            # connection before the last answers arrive, and these spares keep it from repeating one.
            spared = mark - sent + args.connections
            requests_file = write_requests(folder / f"to{mark}.requests", traffic, spared)
            result = run_wrk(port, requests_file, 600, args.connections, limit=mark - sent)
            sent += int(result["requests"])
            rss = _worker_rss(master)
            sizes = ", ".join(f"{kb / 1024:.1f} MB" for kb in rss.values())
            print(f"after {sent:6d} requests: RSS per worker {sizes}  (errors {int(result['errors'])}, "
                  f"repeated {int(result['repeated'])})", flush=True)
            if before:
                growth = [rss[pid] / before[pid] - 1 for pid in rss if pid in before]
                grown = ", ".join(f"{g:+.1%}" for g in growth)
                print(f"growth per worker: {grown} (the bound: +10 %)", flush=True)
            before = rss


def worker_stats(master: int) -> dict[int, list[str]]:
    """The master's workers (its children): each one's /proc stat fields after its name, by pid."""
    found: dict[int, list[str]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(master):
            found[int(stat.parent.name)] = fields
    return dict(sorted(found.items()))


def _workers_cpu(master: int) -> float:
    """CPU seconds (user and system) the master's workers have used so far, read from /proc."""
    ticks = sum(int(fields[11]) + int(fields[12]) for fields in worker_stats(master).values())  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _worker_rss(master: int) -> dict[int, int]:
    """Each worker's resident memory in kB (the master's children, read from /proc)."""
    found: dict[int, int] = {}
    for pid in worker_stats(master):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        rss = [line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")]
        if rss:
            found[pid] = int(rss[0])
    return found


def _report(args: argparse.Namespace, results: Results) -> None:
    store = f"redis (appendfsync {args.redis_fsync})" if args.store == "redis" else args.store
    bare = f"bare under {args.line_root}'s server settings  " if args.bare_as_line else ""
    print(f"line from {args.line_root}  {bare}store={store} profile={args.profile} workers={args.workers} "
          f"connections={args.connections} rounds={args.rounds}x{args.seconds}s  cores={os.cpu_count()} "
          f"load average before: {args.load_before:.2f}")
    print(f"{'round':5} {'server':6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7} "
          f"{'CPU us/req':>10}")
    for index in range(args.rounds):
        for name, runs in results.items():
            r = runs[index]
            again = "  REPEATED requests: not counted" if name == "line" and r["repeated"] else ""
            print(f"{index + 1:5} {name:6} {r['rps']:8.0f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} "
                  f"{r['max_ms']:8.1f} {int(r['errors']):7d} {r['cpu_us']:10.0f}{again}")
    pairs = zip(results["line"], results["bare"], strict=True)
    ratios = [line["rps"] / bare["rps"] for line, bare in pairs if not line["repeated"]]
    if not ratios:
        raise SystemExit("every round ran out of fresh requests: raise MAX_RATE in bench/load.py")
    line_p99 = statistics.median(r["p99_ms"] for r in results["line"])
    errors = sum(int(r["errors"]) for r in results["line"])
    print(f"ratio line/bare (median of rounds): {statistics.median(ratios):.2f}  "
          f"[{', '.join(f'{r:.2f}' for r in ratios)}]   line p99 (median): {line_p99:.1f} ms   "
          f"line errors: {errors}")


if __name__ == "__main__":
    main()
