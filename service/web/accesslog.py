"""gunicorn's access log without query strings or phone numbers: `logger_class` in gunicorn.conf.py."""

from __future__ import annotations

import re
from typing import Any

from gunicorn.glogging import Logger

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

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        """gunicorn's atoms with the path made safe and everything that can carry a number blanked."""
        found: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        path = safe_path(found.get("U") or "")
        safe = {key: value for key, value in found.items() if not key.startswith("{")}
        safe.update(U=path, q="-", f="-", a="-", r=f"{found.get('m')} {path} {found.get('H')}")
        return safe
