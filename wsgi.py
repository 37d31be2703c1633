"""The WSGI entry point: `gunicorn -c gunicorn.conf.py wsgi:app` or `flask --app wsgi:app run`."""

import sys

from service.web.serving import REFUSALS, worker_app

# gunicorn's Arbiter.WORKER_BOOT_ERROR: a worker exiting with it stops the whole server, where any
# other exit code only makes gunicorn boot another worker, forever.
WORKER_BOOT_ERROR = 3

try:
    app = worker_app()
except REFUSALS as error:
    print(f"The line cannot start: {error}", file=sys.stderr)
    raise SystemExit(WORKER_BOOT_ERROR) from error
