"""gunicorn settings for `bench/load.py --cprofile`: the project's gunicorn.conf.py, each worker profiled.

cProfile watches one thread, so each thread of a worker (the main loop and every request thread of
the threaded worker) gets its own profiler when it starts; at exit the worker writes them all, added
up, to BENCH_PROFILE_DIR/<pid>.prof. py-spy would see the same without the profiler's overhead but
is not in the lock file; cProfile's overhead makes Python-heavy parts look larger than they are.
"""

import cProfile
import os
import pstats
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from gunicorn.arbiter import Arbiter
from gunicorn.workers.base import Worker

_project = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"
exec(compile(_project.read_text(), str(_project), "exec"))  # noqa: S102 (the project's own settings)

_profilers: list[cProfile.Profile] = []


def _profile_this_thread(frame: FrameType, event: str, arg: Any) -> None:
    """The first event of a new thread: hand the thread to a profiler of its own."""
    sys.setprofile(None)
    profiler = cProfile.Profile()
    _profilers.append(profiler)
    profiler.enable()


def post_worker_init(worker: Worker) -> None:
    """Profile the worker's main thread now and each thread it starts from here on."""
    threading.setprofile(_profile_this_thread)
    profiler = cProfile.Profile()
    _profilers.append(profiler)
    profiler.enable()


def worker_exit(server: Arbiter, worker: Worker) -> None:
    """All of this worker's threads' profiles, added up, in one file."""
    for profiler in _profilers:
        profiler.disable()
    stats = pstats.Stats(*_profilers)
    stats.dump_stats(Path(os.environ["BENCH_PROFILE_DIR"]) / f"{os.getpid()}.prof")
