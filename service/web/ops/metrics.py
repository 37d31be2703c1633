"""Metrics an operator can scrape, in Prometheus's text format, off the public path and behind a token.

prometheus-client does the counting and the format (a well-kept library: its multiprocess mode is
what gunicorn's several workers need, and we would otherwise write both ourselves). Under gunicorn
each worker writes its values to files in PROMETHEUS_MULTIPROC_DIR, which gunicorn.conf.py makes
and empties before the first worker starts; a scrape answered by any worker adds them all up.

Every label is a fixed word: a route's rule, an HTTP status, a channel, a triage class, a source,
an outcome, a store backend. Never a phone number, its hash, a call id or anything typed or said.
`GET /ops/metrics` answers only with `Authorization: Bearer <METRICS_TOKEN>` (403 otherwise), and
is not there at all (404) when METRICS_TOKEN is not set; deploy/Caddyfile keeps it off the public
address, so Prometheus scrapes the line's own port.
"""

from __future__ import annotations

import hmac
import logging
import os
import time

from flask import Flask, Response, abort, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

from service.content.prompts import Prompt
from service.core.calls import Turn
from service.core.texts import Show, TextReply
from service.safety.triage import Concern
from service.store import base as store_base

log = logging.getLogger(__name__)
METRICS_PATH = "/ops/metrics"
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
NO_ROUTE = "(none)"  # a request that matched no route: its path is never a label
# Up to and past Twilio's 15 s wait for a webhook, so "p99 over 15 s" can be read off the buckets.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 15.0, 30.0)
STARTED = "metrics_started"
PERSON_NOTICES = frozenset({Prompt.PERSON_THANKS, Prompt.PERSON_NO_ANSWER, Prompt.PERSON_CLOSED})

REQUESTS = Counter("mbc_requests", "Requests answered, by route rule and HTTP status", ["route", "status"])
LATENCY = Histogram("mbc_request_seconds", "Seconds to answer a request, by route rule", ["route"],
                    buckets=LATENCY_BUCKETS)
TRIAGE = Counter("mbc_triage", "Urgent and distress answers given, by channel and class",
                 ["channel", "concern"])
OPT_OUTS = Counter("mbc_opt_outs", "STOPs received, by source and where they were kept (store, journal, "
                   "lost)", ["source", "kept"])
SENDS = Counter("mbc_sends", "Texts from a call (text me this): queued or refused, then sent or not, by "
                "outcome", ["outcome"])
STORE_ERRORS = Counter("mbc_store_errors", "Store operations that failed, by backend", ["backend"])
RATE_LIMITED = Counter("mbc_rate_limited", "Requests refused over the per-phone limits, by scope", ["scope"])


def init_app(app: Flask, token: str) -> None:
    """Time and count every request; serve the metrics only when a token is set."""
    app.before_request(_start)
    app.after_request(_finish)
    if token:
        app.add_url_rule(METRICS_PATH, "metrics", lambda: _scrape(token), methods=["GET"])


def _start() -> None:
    setattr(g, STARTED, time.perf_counter())


def _finish(response: Response) -> Response:
    """Count a request by its route's rule (never its path) and status; time it."""
    try:
        rule = request.url_rule.rule if request.url_rule is not None else NO_ROUTE
        REQUESTS.labels(rule, str(response.status_code)).inc()
        started = g.get(STARTED)
        if started is not None:
            LATENCY.labels(rule).observe(time.perf_counter() - started)
    except Exception:  # counting must never cost a caller their answer
        log.exception("metrics: could not count a request")
    return response


def _scrape(token: str) -> Response:
    """The metrics of every worker, for a scraper that sends the token."""
    sent = request.headers.get("Authorization", "")
    if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        abort(403)
    return Response(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST,
                    headers={"Cache-Control": "no-store"})


def _registry() -> CollectorRegistry:
    """Under gunicorn, a registry that adds up every worker's files; else this process's own."""
    if not os.environ.get(MULTIPROCESS_DIR):
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return registry


def count_turn(channel: str, turn: Turn) -> None:
    """A call turn's triage class, if it gave one: an urgent sign's answer, or a person's."""
    if Prompt.URGENT_NOW in turn.notices:
        _inc(TRIAGE, channel, Concern.URGENT)
    elif Prompt.DISTRESS in turn.notices and PERSON_NOTICES.isdisjoint(turn.notices):
        _inc(TRIAGE, channel, Concern.DISTRESS)  # not the public lines after a helpline that did not answer


def count_reply(reply: TextReply, channel: str = "sms") -> None:
    """A text reply's triage class, if it gave one."""
    if reply.show is Show.URGENT:
        _inc(TRIAGE, channel, Concern.URGENT)
    elif reply.show is Show.DISTRESS:
        _inc(TRIAGE, channel, Concern.DISTRESS)


def count_opt_out(source: str, kept: str) -> None:
    """A STOP from `source` (sms), kept in the store, the journal, or lost."""
    _inc(OPT_OUTS, source, kept)


def count_send(outcome: str) -> None:
    """What became of a text from a call: queued or why not (the webhook), then sent, failed, opted_out
    or paused (the outbox's thread)."""
    _inc(SENDS, outcome)


def count_rate_limited(scope: str) -> None:
    """A text or call refused over its phone's limits."""
    _inc(RATE_LIMITED, scope)


def _inc(counter: Counter, *labels: str) -> None:
    try:
        counter.labels(*labels).inc()
    except Exception:
        log.exception("metrics: could not count %s", counter)


def _store_error(backend: str) -> None:
    _inc(STORE_ERRORS, backend)


store_base.on_error(_store_error)

