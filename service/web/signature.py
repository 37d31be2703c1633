"""Every webhook proves it came from Twilio: X-Twilio-Signature checked with RequestValidator."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from flask import abort, request
from twilio.request_validator import RequestValidator, get_signature_algorithm

from service.web.runtime import runtime

log = logging.getLogger(__name__)


def public_url() -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL plus path and query when behind a proxy."""
    base = runtime().settings.public_base_url
    if not base:
        return request.url
    query = request.query_string.decode("latin-1")
    return f"{base}{request.path}" + (f"?{query}" if query else "")


def twilio_signed(view: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse (403) any request whose signature is missing, wrong or for other parameters."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        validator = RequestValidator(runtime().auth_token)
        signature = request.headers.get("X-Twilio-Signature", "")
        algorithm = get_signature_algorithm(
            request.headers.get("X-Twilio-Webhooks-Signature-Settings", "")
        )
        if not signature or not validator.validate(public_url(), request.form, signature, algorithm):
            log.warning("rejected %s %s: bad or missing Twilio signature", request.method, request.path)
            abort(403)
        return view(*args, **kwargs)

    return wrapper
