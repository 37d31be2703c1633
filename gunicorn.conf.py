"""gunicorn settings for the line: `make run` is `gunicorn -c gunicorn.conf.py wsgi:app`.

HOST, PORT and WORKERS come from the environment, THREADS and REQUEST_READ_SECONDS through
service/config.py. Each worker answers with many threads (service/web/worker.py), and a request
must arrive whole within REQUEST_READ_SECONDS, so slow clients cannot hold the line. The master
checks the line before it binds the port (a refused start exits non-zero with the reason);
`kill -HUP <master>` reloads the content gracefully and keeps the old content serving if the new
one is broken.
"""

import os

from gunicorn.arbiter import Arbiter
from gunicorn.glogging import Logger

from service.config import Settings
from service.errors import ConfigError
from service.web import serving
from service.web.accesslog import FORMAT, AccessLog

try:
    _settings = Settings.from_env()
except ConfigError:
    _settings = Settings()  # on_starting refuses the start, with the reason

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "2"))
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


def _log(server: Arbiter) -> Logger:
    """The master's logger: gunicorn sets it before any hook runs (its attribute starts as None)."""
    if server.log is None:
        raise RuntimeError("gunicorn's master has no logger yet")
    return server.log
