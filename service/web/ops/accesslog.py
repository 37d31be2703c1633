"""gunicorn's access log without query strings or phone numbers: `logger_class` in gunicorn.conf.py."""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any, cast

from gunicorn.glogging import Logger

if TYPE_CHECKING:  # names from gunicorn's typing stubs only
    from gunicorn.glogging import _AtomsDict
    from gunicorn.http import Request
    from gunicorn.http.wsgi import Response

KNOWN_PATH = re.compile(r"/(sms|voice|voice/input|healthz|audio/[0-9a-f]{32}\.wav)")
FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
PATH_CHARS = 100


def safe_path(path: str) -> str:
    """The line's own paths as they are; any other path with its digits masked, so no number shows."""
    if KNOWN_PATH.fullmatch(path):
        return path
    return re.sub(r"[0-9]", "#", path[:PATH_CHARS])


class AccessLog(Logger):
    """Logs method, path, status, size and time: never the query string, headers or a number in a path."""

    def atoms(
        self, resp: Response, req: Request, environ: MutableMapping[str, Any], request_time: timedelta
    ) -> _AtomsDict:
        """gunicorn's atoms with the path made safe and everything that can carry a number blanked."""
        found = super().atoms(resp, req, environ, request_time)
        path = safe_path(found.get("U") or "")
        # gunicorn adds "{header}i"-style atoms beyond its typed ones: they go, the typed ones stay.
        safe = cast("_AtomsDict", {key: value for key, value in found.items() if not key.startswith("{")})
        safe["U"], safe["q"], safe["f"], safe["a"] = path, "-", "-", "-"
        safe["r"] = f"{found.get('m')} {path} {found.get('H')}"
        return safe
