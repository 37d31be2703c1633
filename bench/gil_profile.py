"""Where the line's workers spend Python's lock under gunicorn: py-spy's --gil samples, as a table.

    .venv/bin/python bench/gil_profile.py [--seconds 8] [--out bench/profile-gil.txt] [--store sqlite|memory]

The line as bench/load.py serves it (gunicorn.conf.py, 2 workers, a temporary SQLite store), under
wrk's mixed fresh signed load. py-spy (not in the lock: `pip install py-spy` into any venv, and put
it on PATH) samples each worker 200 times a second, only the thread holding the GIL, so the table is
where the workers' Python runs, not where their threads wait. Prints and writes each function's share
of the samples including what it calls, then its own. Not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from load import (  # beside this file
    _env,
    _state_url,
    free_port,
    gunicorn,
    run_wrk,
    worker_stats,
    write_requests,
)
from traffic import Traffic

RATE = 200  # samples a second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--store", choices=("sqlite", "memory"), default="sqlite")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("profile-gil.txt"))
    parser.add_argument("--rows", type=int, default=60)
    args = parser.parse_args()
    spy = shutil.which("py-spy")
    if not spy:
        raise SystemExit("bench/gil_profile.py needs py-spy on PATH (pip install py-spy, in any venv)")
    with tempfile.TemporaryDirectory(prefix="mbc-gil-") as name:
        folder = Path(name)
        with _state_url(args.store, folder, "always") as url:
            port = free_port()
            traffic = Traffic(f"http://127.0.0.1:{port}", "mixed")
            warm = write_requests(folder / "warm.requests", traffic, 9000 * 2)
            load = write_requests(folder / "load.requests", traffic, 9000 * (args.seconds + 2))
            with gunicorn("wsgi:app", port, _env(url), folder / "line.log", 2) as master:
                run_wrk(port, warm, 2, 16)
                record = [spy, "record", "--gil", "--nonblocking", "-r", str(RATE), "-f", "raw"]
                spies = [subprocess.Popen([*record, "-o", str(folder / f"{pid}.txt"), "-p", str(pid)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                         for pid in worker_stats(master)]
                time.sleep(1)
                result = run_wrk(port, load, args.seconds, 16)
                for proc in spies:
                    proc.send_signal(2)
                    proc.wait(timeout=30)
            table = _table(sorted(folder.glob("[0-9]*.txt")), args.rows)
    head = (f"py-spy --gil of 2 line workers under bench/load.py's mixed fresh signed load, "
            f"store={args.store}, {args.seconds} s at {result['rps']:.0f} req/s, "
            f"{time.strftime('%Y-%m-%d', time.gmtime())}, {os.cpu_count()} cores\n")
    args.out.write_text(head + table)
    print(head + table)


def _table(files: list[Path], rows: int) -> str:
    """Each function's share of the samples: including its callees, then on its own."""
    including: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for path in files:
        for line in path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if not stack or not count.isdigit():
                continue  # blank, or py-spy's own words (0.4 ends its file with a note)
            samples = int(count)
            total += samples
            frames = [_name(frame) for frame in stack.split(";")]
            for frame in dict.fromkeys(frames):
                including[frame] += samples
            own[frames[-1]] += samples
    lines = [f"{total} samples holding the GIL", "", "including callees:"]
    lines += [f"{count / total:6.1%}  {frame}" for frame, count in including.most_common(rows)]
    lines += ["", "own:"]
    lines += [f"{count / total:6.1%}  {frame}" for frame, count in own.most_common(rows // 2)]
    return "\n".join(lines) + "\n"


def _name(frame: str) -> str:
    """'function (path/to/file.py:12)' without the line: one row per function."""
    function, _, where = frame.partition(" (")
    return f"{function} ({where.split(':')[0].rstrip(')')})" if where else function


if __name__ == "__main__":
    main()
