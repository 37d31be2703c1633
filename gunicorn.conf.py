"""gunicorn settings for the line: `make run` is `gunicorn -c gunicorn.conf.py wsgi:app`.

HOST, PORT and WORKERS come from the environment, checked as strictly as every setting, THREADS
and REQUEST_READ_SECONDS through service/config.py. Each worker answers with many threads
(service/web/worker.py), and a request must arrive whole within REQUEST_READ_SECONDS, so slow
clients cannot hold the line. The master checks the line before it binds the port (a refused start
exits non-zero with the reason); `kill -HUP <master>` reloads the content gracefully and keeps the
old content serving if the new one is broken. The workers' metrics go to PROMETHEUS_MULTIPROC_DIR,
made and emptied here.
"""

import sys

from gunicorn.arbiter import Arbiter
from gunicorn.glogging import Logger
from gunicorn.workers.base import Worker

from service.config import Server, Settings, SettingsError
from service.errors import ConfigError
from service.web.ops import folder as metrics_folder

try:
    server_settings = Server.from_env()
except SettingsError as error:
    print(f"The line cannot start: {error}", file=sys.stderr)
    raise SystemExit(1) from None
try:
    _settings = Settings.from_env()
except ConfigError:
    _settings = Settings()  # on_starting refuses the start, with the reason
# Before anything imports prometheus-client, which picks its multiprocess mode on import.
metrics_dir = metrics_folder.prepare(server_settings.metrics_dir)

from service.web import serving  # noqa: E402
from service.web.ops.accesslog import FORMAT, AccessLog  # noqa: E402

bind = server_settings.bind
workers = server_settings.workers
worker_class = "service.web.worker.DeadlineWorker"  # gthread, with a read deadline a request
threads = _settings.server_threads  # a thread a request: dozens of slow clients still leave some free
timeout = 30  # a worker silent this long is killed and replaced; Twilio itself waits 15 s
graceful_timeout = 30  # on HUP or TERM, old workers finish their requests for up to this long
keepalive = 5

accesslog = "-"
errorlog = "-"
logger_class = AccessLog
access_log_format = FORMAT
control_socket_disable = True  # gunicornc's socket in $HOME would be shared by every server here


def on_starting(server: Arbiter) -> None:
    """Before the port is bound: refuse the start, with the reason, when the line cannot serve."""
    try:
        serving.check_start()
    except serving.REFUSALS as error:
        _log(server).error("The line cannot start: %s", error)
        server.halt(reason="the line cannot start (see above)", exit_status=1)
    except Exception:
        _log(server).exception("The line cannot start: an unexpected fault")
        server.halt(reason="the line cannot start (see above)", exit_status=1)


def on_reload(server: Arbiter) -> None:
    """On HUP, before new workers boot: check the new content; keep the old one if it is broken."""
    serving.reload_content(_log(server))


def child_exit(server: Arbiter, worker: Worker) -> None:
    """A worker is gone: its metric files stay counted, as prometheus-client's multiprocess mode asks."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def on_exit(server: Arbiter) -> None:
    """The server stops: remove the metrics folder if gunicorn.conf.py made it."""
    metrics_folder.remove_own(metrics_dir)


def _log(server: Arbiter) -> Logger:
    """The master's logger: gunicorn sets it before any hook runs (its attribute starts as None)."""
    if server.log is None:
        raise RuntimeError("gunicorn's master has no logger yet")
    return server.log
