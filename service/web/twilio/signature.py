"""Every webhook proves it came from Twilio: X-Twilio-Signature checked with RequestValidator.

The check comes before anything else answers: a request's method, then its signature, then its
size. A body too large to serve is still read (up to READ_LIMIT_BYTES) so its signature can be
checked; only a signed one gets the polite "too long" TwiML, anything else gets 403.
"""

from __future__ import annotations

import base64
import functools
import hmac
import io
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, quote, urlparse

from flask import abort, g, request
from twilio.request_validator import (
    HMAC_SHA1,
    HMAC_SHA256,
    RequestValidator,
    add_port,
    get_signature_algorithm,
    remove_port,
)
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser

from service.core.kept import Kept
from service.web.runtime import runtime

log = logging.getLogger(__name__)
FORM_LIMIT_BYTES = 1024 * 1024  # the largest request served; Twilio's are a few kilobytes
READ_LIMIT_BYTES = 2 * FORM_LIMIT_BYTES  # read this much at most to check a signature; beyond: 403
SIGNED = "twilio_signed"
PATH_SAFE = "!$&'()*+,/:;=@%"  # what werkzeug leaves unquoted in a path, as request.url does
QUERY_SAFE = "!$&'()*+,/:;=?@%"
# What request.url is made of, as the WSGI server gives it.
URL_ENVIRON = ("wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME", "PATH_INFO",
               "QUERY_STRING")
_KNOWN_URLS: Kept[tuple[str, ...], str] = Kept(1024)
URLENCODED = "application/x-www-form-urlencoded"  # how Twilio posts every webhook
SUPPORTED_ALGORITHMS = {HMAC_SHA1: "sha1", HMAC_SHA256: "sha256"}  # what RequestValidator can compute
MAX_SIGNATURE_CHARS = 128  # base64 of an HMAC-SHA1 is 28 characters, of an HMAC-SHA256 44
# Twilio's webhooks carry a few dozen fields (a text with 10 pictures about 60); a body with this many
# separators is refused before it is parsed, so 100,000 tiny fields cost a byte count, not a parse.
MAX_FIELDS = 1000


def public_url(base: str) -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL (`base`) plus path and query when behind a proxy."""
    if not base:
        return _request_uri()
    query = request.query_string.decode("latin-1")
    return f"{base}{request.path}" + (f"?{query}" if query else "")


def _request_uri() -> str:
    """request.url as sent, percent-encoded: Twilio signs that, and it skips werkzeug's IRI decoding.

    Worked out once per distinct scheme, host and path (Twilio posts to a handful of them).
    """
    environ = request.environ
    return _KNOWN_URLS.get(tuple(environ.get(name, "") for name in URL_ENVIRON), _build_request_uri)


def _build_request_uri() -> str:
    root = quote(request.root_path.rstrip("/"), safe=PATH_SAFE)
    url = f"{request.scheme}://{request.host}{root}/{quote(request.path.lstrip('/'), safe=PATH_SAFE)}"
    return f"{url}?{quote(request.query_string, safe=QUERY_SAFE)}" if request.query_string else url


def valid_signature(
    validator: RequestValidator, url: str, params: MultiDict[str, str], signature: str, algorithm: str
) -> bool:
    """RequestValidator.validate, stopping at the first form of the URL that matches.

    Twilio may sign the URL with or without its port, so the library computes both signatures on
    every request; here the URL as it came (one of those two forms) is tried first, and the other
    only when that fails.
    """
    digest = SUPPORTED_ALGORITHMS.get((algorithm or HMAC_SHA1).upper())
    if "bodySHA256" in url or digest is None:
        return bool(validator.validate(url, params, signature, algorithm))  # JSON bodies; refusals logged
    fields = "".join(name + value for name, values in sorted(params.lists()) for value in sorted(set(values)))
    if _matches(_signature(validator.token, url + fields, digest), signature):
        return True
    parsed = urlparse(url)
    others = [other for other in dict.fromkeys((remove_port(parsed), add_port(parsed))) if other != url]
    return any(_matches(_signature(validator.token, other + fields, digest), signature) for other in others)


def _signature(token: bytes, signed: str, digest: str) -> str:
    """RequestValidator.compute_signature's HMAC of the URL and the sorted fields, in one C call: the
    library builds the same string field by field and hashes it through hmac.new (about 15 us more)."""
    return base64.b64encode(hmac.digest(token, signed.encode(), digest)).decode()


def _matches(computed: str, signature: str) -> bool:
    """Constant-time, like the library's compare, in C; bytes, since a header may hold any character."""
    return hmac.compare_digest(computed.encode(), signature.encode())


def signed_by_twilio() -> bool:
    """Whether this request's signature has been checked and is good."""
    return bool(g.get(SIGNED, False))


def twilio_signed(view: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse a request not POSTed (405), or whose signature is missing, wrong or for other params (403)."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        rt = runtime()
        if request.method != "POST" and not rt.settings.webhook_allow_get:
            log.warning("refused %s %s: webhooks take POST only (WEBHOOK_ALLOW_GET=1 allows GET)",
                        request.method, request.path)
            abort(405, valid_methods=["POST"])
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature or len(signature) > MAX_SIGNATURE_CHARS:
            _refuse("no Twilio signature, or not the shape of one")
        params, oversized = _params()
        validator = _validator(rt.auth_token)
        algorithm = get_signature_algorithm(request.headers.get("X-Twilio-Webhooks-Signature-Settings", ""))
        url = public_url(rt.settings.public_base_url)
        if not valid_signature(validator, url, params, signature, algorithm):
            _refuse("bad Twilio signature")
        setattr(g, SIGNED, True)
        if oversized:
            log.warning("signed %s %s is too large to serve: the polite reply", request.method, request.path)
            abort(413)
        return view(*args, **kwargs)

    return wrapper


@functools.lru_cache(maxsize=4)
def _validator(token: str) -> RequestValidator:
    """One validator per token (it only holds the token's bytes)."""
    return RequestValidator(token)


def _refuse(why: str) -> None:
    log.warning("rejected %s %s: %s", request.method, request.path, why)
    abort(403)


def _params() -> tuple[MultiDict[str, str], bool]:
    """The form as signed, and whether it is over the serving limits; 403 when it cannot be read."""
    try:
        raw = _body()
    except RequestEntityTooLarge:
        _refuse(f"too large to check its signature (over {READ_LIMIT_BYTES} bytes)")
    if raw.count(b"&") >= MAX_FIELDS or raw.count(b"\r\n--") >= MAX_FIELDS:
        _refuse(f"over {MAX_FIELDS} fields: no Twilio webhook has so many (not parsed)")
    if request.mimetype == URLENCODED and len(raw) <= FORM_LIMIT_BYTES:
        return _urlencoded_form(raw), False
    try:
        form = request.form
    except RequestEntityTooLarge:  # too many parts, or a part too large, for the normal parser
        return _parse_unlimited(raw), True
    return form, len(raw) > FORM_LIMIT_BYTES


def _body() -> bytes:
    """The body, read straight from the server when its length is given and servable.

    werkzeug's stream reads a few hundred bytes through a fresh 64 KB buffer; anything unusual
    (no length, chunked, too large) goes that general way, with its limits.
    """
    length = request.content_length
    if length is None or length > FORM_LIMIT_BYTES:
        return bytes(request.get_data(cache=True))
    current = request._get_current_object()  # type: ignore[attr-defined]
    raw: bytes = current.environ["wsgi.input"].read(length)
    if len(raw) < length:  # the client stopped sending, or was too slow (service/web/worker.py)
        log.warning("refused %s %s: the body was cut short (%d of %d bytes)", request.method, request.path,
                    len(raw), length)
        abort(400)
    current._cached_data = raw  # where werkzeug's get_data keeps what it read, should anything ask
    return raw


def _urlencoded_form(raw: bytes) -> MultiDict[str, str]:
    """Twilio's url-encoded form, parsed as werkzeug does and kept as `request.form`.

    werkzeug's general form parser (content-type dispatch, stream wrapping) costs as much again as
    the parsing itself; this is its url-encoded branch alone. An undecodable body is an empty form,
    as there.
    """
    try:
        form = MultiDict(parse_qsl(raw.decode(), keep_blank_values=True, errors="werkzeug.url_quote"))
    except ValueError:
        form = MultiDict()
    current = request._get_current_object()  # type: ignore[attr-defined]
    current.__dict__["form"] = form  # what werkzeug's own _load_form_data does with its result
    current.__dict__["files"] = MultiDict()
    return form


def _parse_unlimited(raw: bytes) -> MultiDict[str, str]:
    """Parse an oversized body (already bounded by READ_LIMIT_BYTES) just to check its signature."""
    parser = FormDataParser(max_form_memory_size=READ_LIMIT_BYTES, max_form_parts=None, silent=True)
    _, form, _ = parser.parse(io.BytesIO(raw), request.mimetype, len(raw), request.mimetype_params)
    return form
