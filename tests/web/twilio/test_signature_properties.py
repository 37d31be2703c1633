"""The line's own signature check answers as twilio's RequestValidator does, on any request.

service/web/signature.py re-implements the library's check for speed (the URL rebuilt from the WSGI
environ, the form parsed in one step, the URL's other port form tried only on a miss). Here any URL
(scheme, host, port, path prefix behind PUBLIC_BASE_URL, query), any form with repeated fields, any
algorithm header and any tampering go through the app, and its accept or refuse must be the
library's `validate` of the URL as sent, the form as sent and the signature.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import HMAC_SHA1, HMAC_SHA256, RequestValidator
from werkzeug.datastructures import MultiDict

from tests.conftest import TEST_TOKEN, AppFactory

OTHER_TOKEN = "fedcba9876543210fedcba9876543210"
PATHS = ("/voice/status", "/sms")
BOUNDS = settings(max_examples=300, deadline=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture])

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
NAMES = st.one_of(st.sampled_from(["CallSid", "From", "To", "Body", "Digits", "AccountSid"]), TEXT)
PAIRS = st.lists(st.tuples(NAMES, TEXT), max_size=8)
# What may stand in a query string as sent: unreserved and sub-delimiter characters, and escapes.
QUERY = st.lists(st.one_of(
    st.sampled_from(list("abcXYZ019-._~!$&'()*+,;=:@/?")),
    st.integers(0, 255).map(lambda n: f"%{n:02X}"),
    st.integers(0, 255).map(lambda n: f"%{n:02x}"),
), max_size=12).map("".join)
HOSTS = st.sampled_from(["line.example.org", "localhost", "127.0.0.1", "xn--lnea-6qa.example"])
PORTS = st.sampled_from([None, 80, 443, 8000, 8443])


@dataclass(frozen=True)
class Request:
    """A webhook request as sent: where it went, its form, and its headers."""

    scheme: str
    host: str
    port: int | None
    prefix: str  # PUBLIC_BASE_URL's path, when the line sits behind a proxy under one
    path: str
    query: str
    pairs: list[tuple[str, str]]
    algorithm: str | None

    @property
    def url(self) -> str:
        port = f":{self.port}" if self.port else ""
        query = f"?{self.query}" if self.query else ""
        return f"{self.scheme}://{self.host}{port}{self.prefix}{self.path}{query}"


REQUESTS = st.builds(
    Request, scheme=st.sampled_from(["https", "http"]), host=HOSTS, port=PORTS,
    prefix=st.sampled_from(["", "/line", "/a%20b"]), path=st.sampled_from(PATHS), query=QUERY, pairs=PAIRS,
    algorithm=st.sampled_from([None, HMAC_SHA1, HMAC_SHA256, "HMAC_MD5"]),
)
TAMPERING = st.sampled_from([
    "none", "other token", "flip port", "drop a field", "add a field", "change a value", "repeat a value",
    "other scheme", "other host", "other query", "signature cut", "signature flipped", "signature empty",
    "signature not ascii", "other algorithm",
])


def signed(request: Request, token: str) -> str:
    """The signature Twilio sends: over the URL it called and the form it posted."""
    form = MultiDict(request.pairs)
    if request.algorithm not in (None, HMAC_SHA1, HMAC_SHA256):
        return "anything"  # an algorithm the library cannot compute is refused whatever is sent
    return RequestValidator(token).compute_signature(request.url, form, request.algorithm or HMAC_SHA1)


def tamper(request: Request, signature: str, how: str) -> tuple[Request, str]:
    """The request as it arrives after someone changed one thing (or nothing)."""
    pairs = list(request.pairs)
    changes = {
        "flip port": lambda: (replace(request, port=None if request.port else 443), signature),
        "drop a field": lambda: (replace(request, pairs=pairs[1:]), signature),
        "add a field": lambda: (replace(request, pairs=[*pairs, ("Body", "STOP")]), signature),
        "change a value": lambda: (replace(request, pairs=[(k, v + "x") for k, v in pairs[:1]] + pairs[1:]),
                                   signature),
        "repeat a value": lambda: (replace(request, pairs=pairs + pairs[:1]), signature),
        "other scheme": lambda: (replace(request, scheme="http" if request.scheme == "https" else "https"),
                                 signature),
        "other host": lambda: (replace(request, host="evil.example"), signature),
        "other query": lambda: (replace(request, query=request.query + "&x=1"), signature),
        "signature cut": lambda: (request, signature[:-1]),
        "signature flipped": lambda: (request, signature[::-1]),
        "signature empty": lambda: (request, ""),
        "signature not ascii": lambda: (request, signature[:-1] + "é"),
        "other algorithm": lambda: (replace(request, algorithm=HMAC_SHA256 if request.algorithm != HMAC_SHA256
                                            else HMAC_SHA1), signature),
    }
    return changes[how]() if how in changes else (request, signature)


def answer(app: Flask, request: Request, signature: str) -> int:
    """The status the line gives the request (the test client sends the query string as written)."""
    headers = {"X-Twilio-Signature": signature}
    if request.algorithm:
        headers["X-Twilio-Webhooks-Signature-Settings"] = f"key=sharedkey_1,algorithm={request.algorithm}"
    port = f":{request.port}" if request.port else ""
    response = app.test_client().post(
        request.path, base_url=f"{request.scheme}://{request.host}{port}", query_string=request.query,
        data=urlencode(request.pairs), content_type="application/x-www-form-urlencoded", headers=headers,
    )
    return response.status_code


def library_accepts(request: Request, signature: str) -> bool:
    return bool(RequestValidator(TEST_TOKEN).validate(request.url, MultiDict(request.pairs), signature,
                                                     request.algorithm or HMAC_SHA1))


@BOUNDS
@given(sent=REQUESTS, how=TAMPERING)
def test_the_check_accepts_and_refuses_what_the_library_does_at_the_address_requests_arrive(
    make_app: AppFactory, sent: Request, how: str
) -> None:
    app = _app(make_app, "")
    sent = replace(sent, prefix="")  # no proxy: the URL is the one the request arrived at
    token = OTHER_TOKEN if how == "other token" else TEST_TOKEN
    arrived, signature = tamper(sent, signed(sent, token), how)
    assert (answer(app, arrived, signature) != 403) == library_accepts(arrived, signature)


@BOUNDS
@given(sent=REQUESTS, how=TAMPERING)
def test_behind_a_proxy_the_check_answers_as_the_library_does_for_the_public_url(
    make_app: AppFactory, sent: Request, how: str
) -> None:
    port = f":{sent.port}" if sent.port else ""
    app = _app(make_app, f"{sent.scheme}://{sent.host}{port}{sent.prefix}")
    token = OTHER_TOKEN if how == "other token" else TEST_TOKEN
    arrived, signature = tamper(sent, signed(sent, token), how)
    behind = replace(arrived, scheme="http", host="127.0.0.1", port=8000, prefix="")  # what the proxy sends
    public = replace(arrived, scheme=sent.scheme, host=sent.host, port=sent.port, prefix=sent.prefix)
    assert (answer(app, behind, signature) != 403) == library_accepts(public, signature)


_apps: dict[str, Flask] = {}


def _app(make_app: AppFactory, public_base_url: str) -> Flask:
    """One app per PUBLIC_BASE_URL for the whole run: building one costs far more than a request."""
    if public_base_url not in _apps:
        _apps[public_base_url] = make_app(public_base_url=public_base_url, state_url="memory://")
    return _apps[public_base_url]
