"""Benchmark: what each part of a webhook costs, in microseconds, for a text, a call start and a key press.

    .venv/bin/python bench/costs.py [--passes 5] [--people 400] [--store sqlite|memory] [--markdown]

The real app in-process (temporary SQLite store, real content, gc frozen as a worker freezes it)
answers bench/traffic.py's fresh signed requests, each timed from the WSGI call to the last byte of
its answer. The parts are timed by wrapping the functions that do them; a part's time excludes the
parts inside it (the store writes of the retry record count as the record, the classifier is not
counted in triage's rules). "Flask, werkzeug and the rest" is what is left of the request. Each cell
is the mean per request of one pass, the median of the passes. The same requests answered by bare
Flask (bench/bare_app.py, fixed TwiML) are the baseline, and one line of gunicorn's access log,
which both servers write under load, is timed on its own. "text, reply worked out" is a text
whose reply is not kept from an earlier identical text (the text core's memo and triage's memo of
findings emptied first, for that text).
Not a test: compare parts with each other and with the baseline, not absolute numbers.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bare_app import app as bare_app  # beside this file
from flask import Flask
from traffic import TOKEN, Request, Traffic
from werkzeug.test import EnvironBuilder

from service.config import PROJECT_ROOT, Settings
from service.core.calls import CallNavigator
from service.core.kept import Kept
from service.core.matching import Matcher
from service.core.texts import KEPT_REPLIES, TextNavigator
from service.core.understand.meaning import SiteFinder
from service.core.understand.medicines import MedicineFinder
from service.safety import triage as triage_module
from service.safety.model import Model
from service.safety.triage import Finding
from service.web.app import create_app
from service.web.runtime import runtime_of

REST = "Flask, werkzeug and the rest"
# Each part: where its functions live (module or class) and their names. Order is the table's.
PARTS: dict[str, list[tuple[str | type, tuple[str, ...]]]] = {
    "signature and form": [("service.web.twilio.signature", ("_params", "valid_signature", "public_url"))],
    "retry record (claim; answer if apart)": [("service.web.twilio.once", ("_earlier_answer", "_keep"))],
    "rate limits (store take)": [("service.web.twilio.ratelimit", ("_over",))],
    "opt-out words (folding)": [("service.web.twilio.controls", ("control_word",)),
                                ("service.web.twilio.ratelimit", ("control_word",))],
    "state read and write (with the answer)": [],  # the app's own store's get, texter, put, put_many
    "triage rules": [("service.core.texts", ("triage",)), ("service.core.calls", ("triage",))],
    "safety classifier": [(Model, ("scores",))],
    "matching": [(Matcher, ("match",)), (MedicineFinder, ("find",)), (SiteFinder, ("topic",))],
    "text and call cores (navigation)": [(TextNavigator, ("reply", "keyword")),
                                         (CallNavigator, ("start", "press", "say", "silence", "offered"))],
    "TwiML": [("service.web.webhooks.sms", ("_message", "_opted_out", "twiml_response")),
              ("service.web.webhooks.voice", ("render", "_numbered", "twiml_response")),
              ("service.web.twilio.once", ("twiml_response",))],
    "usage counts": [("service.web.webhooks.usage", ("count", "count_text", "count_call"))],
    "metrics": [("service.web.ops.metrics", ("_start", "_finish", "count_reply", "count_turn"))],
}
STORE_READS_WRITES = ("get", "texter", "put", "put_many")
STATE = "state read and write (with the answer)"
OWNS_ITS_STORE_CALLS = ("retry record (claim; answer if apart)", "rate limits (store take)")
KINDS = ("text", "text, reply worked out", "call start", "key press")


@dataclass
class Clock:
    """Exclusive time per part for the request being timed: a part's time stops while another runs."""

    spent: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    stack: list[str] = field(default_factory=list)

    def timed(self, part: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if self.stack and self.stack[-1] in OWNS_ITS_STORE_CALLS and part == STATE:
                return function(*args, **kwargs)  # the record's own store calls are the record's cost
            self.stack.append(part)
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                self.stack.pop()
                self.spent[part] += elapsed
                if self.stack:
                    self.spent[self.stack[-1]] -= elapsed

        wrapper.__wrapped__ = function  # type: ignore[attr-defined]
        return wrapper


def instrument(clock: Clock) -> None:
    """Wrap every part's functions (before the app is built: metrics hooks are taken by reference)."""
    for part, places in PARTS.items():
        for place, names in places:
            owner = importlib.import_module(place) if isinstance(place, str) else place
            for name in names:
                setattr(owner, name, clock.timed(part, getattr(owner, name)))


def build_app(folder: Path, store: str, clock: Clock) -> Flask:
    settings = Settings(
        twilio_auth_token=TOKEN, phone_hash_key="b3e1c9a7d5f20864" * 4, content_dir=PROJECT_ROOT / "content",
        state_url=f"sqlite:///{folder}/state.db" if store == "sqlite" else "memory://",
        rate_limit_texts="100000/second", rate_limit_calls="100000/second",
    )
    app = create_app(settings, instance_path=str(folder / "instance"))
    found = runtime_of(app).store
    for name in STORE_READS_WRITES:
        setattr(found, name, clock.timed(STATE, getattr(found, name)))
    return app


def kind_of(request: Request) -> str:
    if request.path == "/sms":
        return "text"
    return "call start" if request.path == "/voice" else "key press"


def environ_of(request: Request) -> dict[str, Any]:
    builder = EnvironBuilder(path=request.path, method="POST", data=request.params, base_url="http://localhost",
                             headers=[("X-Twilio-Signature", request.signature)])
    try:
        return builder.get_environ()
    finally:
        builder.close()


def answer(app: Callable[..., Iterable[bytes]], environ: dict[str, Any]) -> float:
    """Seconds from the WSGI call to the last byte of the answer."""
    environ = {**environ, "wsgi.input": io.BytesIO(environ["wsgi.input"].getvalue())}
    start = time.perf_counter()
    body = app(environ, lambda status, headers, exc_info=None: None)
    for _ in body:
        pass
    getattr(body, "close", lambda: None)()
    return time.perf_counter() - start


def _read_afresh(message: str, command: bool) -> Finding | None:
    """Triage without its memo of short messages' findings: a text read for the first time."""
    return triage_module._finding(message, None, command)


def one_pass(app: Flask, clock: Clock, traffic: Traffic, people: int) -> dict[str, dict[str, float]]:
    """Means per kind of request (microseconds): each part, the rest, the whole, and bare Flask."""
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: dict[str, int] = defaultdict(int)
    texts = runtime_of(app).texts
    for number, request in enumerate(traffic.take(people * 3)):
        kind = kind_of(request)
        environ = environ_of(request)
        clock.spent.clear()
        if kind == "text" and number % 4 == 3:  # its reply worked out: empty memos, for this text only
            kind, kept, texts._replies = "text, reply worked out", texts._replies, Kept(KEPT_REPLIES)
            kept_finding = triage_module._kept_finding
            triage_module._kept_finding = _read_afresh  # type: ignore[assignment]  # the memo, set aside
            whole = answer(app, environ)
            texts._replies, triage_module._kept_finding = kept, kept_finding
        else:
            whole = answer(app, environ)
        row = sums[kind]
        for part, seconds in clock.spent.items():
            row[part] += seconds * 1e6
        row[REST] += (whole - sum(clock.spent.values())) * 1e6
        row["whole request"] += whole * 1e6
        row["bare Flask, same request"] += answer(bare_app, environ) * 1e6
        counts[kind] += 1
    return {kind: {part: total / counts[kind] for part, total in row.items()} for kind, row in sums.items()}


def access_log_line(rounds: int = 2000) -> float:
    """Microseconds for one line of the project's gunicorn access log (written to nowhere)."""
    import logging

    from gunicorn.config import Config

    from service.web.ops.accesslog import FORMAT, AccessLog

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", FORMAT)
    log = AccessLog(config)
    for handler in log.access_log.handlers:
        handler.setStream(io.StringIO()) if isinstance(handler, logging.StreamHandler) else None
    response = SimpleNamespace(status="200 OK", sent=300, headers=[("Content-Type", "text/xml")],
                               response_length=300)
    request = SimpleNamespace(headers=[("HOST", "127.0.0.1")], uri="/sms", path="/sms", query="",
                              method="POST", version=(1, 1), peer_addr=("127.0.0.1", 5000))
    environ = {"REMOTE_ADDR": "127.0.0.1", "RAW_URI": "/sms", "REQUEST_METHOD": "POST",
               "SERVER_PROTOCOL": "HTTP/1.1", "PATH_INFO": "/sms", "QUERY_STRING": ""}
    took = timedelta(microseconds=900)
    start = time.perf_counter()
    for _ in range(rounds):
        log.access(response, request, environ, took)  # type: ignore[arg-type]
    return (time.perf_counter() - start) / rounds * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--people", type=int, default=400, help="people (texters and callers) a pass")
    parser.add_argument("--store", choices=("sqlite", "memory"), default="sqlite")
    parser.add_argument("--markdown", action="store_true", help="print the table as the README shows it")
    args = parser.parse_args()
    clock = Clock()
    instrument(clock)
    with tempfile.TemporaryDirectory(prefix="mbc-costs-") as folder:
        app = build_app(Path(folder), args.store, clock)
        gc.freeze()
        traffic = Traffic("http://localhost")
        one_pass(app, clock, traffic, 50)  # warm-up: first imports, first content lookups
        passes = [one_pass(app, clock, traffic, args.people) for _ in range(args.passes)]
    table = {kind: {part: statistics.median(p.get(kind, {}).get(part, 0.0) for p in passes)
                    for part in (*PARTS, REST, "whole request", "bare Flask, same request")}
             for kind in KINDS}
    _print(table, access_log_line(), args.markdown)


def _print(table: dict[str, dict[str, float]], access_log: float, markdown: bool) -> None:
    parts = [*PARTS, REST, "whole request", "bare Flask, same request"]
    if markdown:
        print("| part (µs a request) | " + " | ".join(KINDS) + " |")
        print("|---|" + "---|" * len(KINDS))
        for part in parts:
            print(f"| {part} | " + " | ".join(f"{table[kind][part]:.0f}" for kind in KINDS) + " |")
    else:
        print(f"{'part (us a request)':34}" + "".join(f"{kind:>24}" for kind in KINDS))
        for part in parts:
            print(f"{part:34}" + "".join(f"{table[kind][part]:24.0f}" for kind in KINDS))
    print(f"one line of gunicorn's access log (both servers write it): {access_log:.0f} us")


if __name__ == "__main__":
    main()
