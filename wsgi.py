"""The WSGI entry point: `gunicorn wsgi:app` or `flask --app wsgi:app run`."""

import sys

from service.content import ContentError
from service.errors import ConfigError, StoreError
from service.web.app import create_app

try:
    app = create_app()
except (ConfigError, ContentError, StoreError) as error:
    print(f"The line cannot start: {error}", file=sys.stderr)
    raise SystemExit(1) from error
