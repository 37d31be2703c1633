"""Metrics an operator scrapes: off the public path, behind a token, counting what matters, never a number."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
import yaml
from flask import Flask
from prometheus_client.parser import text_string_to_metric_families

from service.config import PROJECT_ROOT
from service.web.ops.metrics import METRICS_PATH
from service.web.runtime import runtime_of
from service.web.twilio.simulate import DEMO_CALLER, TwilioSimulator
from service.web.webhooks import outbox
from tests.conftest import AppFactory
from tests.twilio_api import ACCOUNT_SID, StandIn, deliver

TOKEN = "metrics-token-for-tests-0123456789"
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(app: Flask) -> Samples:
    """Every sample the metrics route shows, read with prometheus-client's own parser."""
    answer = app.test_client().get(METRICS_PATH, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200 and answer.content_type.startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(answer.get_data(as_text=True))
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


class Counted:
    """The scrapes before and after a `with` block, and how much a sample grew between them."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.before: Samples = {}
        self.after: Samples = {}

    def __enter__(self) -> Counted:
        self.before = scrape(self.app)
        return self

    def __exit__(self, *exc: object) -> None:
        self.after = scrape(self.app)

    def grew(self, name: str, **labels: str) -> float:
        return value(self.after, name, **labels) - value(self.before, name, **labels)


@pytest.fixture
def app(make_app: AppFactory) -> Flask:
    return make_app(metrics_token=TOKEN)


def test_without_a_token_setting_there_is_no_metrics_route(make_app: AppFactory) -> None:
    assert make_app().test_client().get(METRICS_PATH).status_code == 404


@pytest.mark.parametrize("sent", [None, "", f"Bearer {TOKEN}x", TOKEN, f"Basic {TOKEN}", "Bearer é"])
def test_without_the_token_the_metrics_are_refused(app: Flask, sent: str | None) -> None:
    headers = {} if sent is None else {"Authorization": sent}
    answer = app.test_client().get(METRICS_PATH, headers=headers)
    assert answer.status_code == 403 and b"mbc_" not in answer.data


def test_requests_are_counted_and_timed_by_route_and_status(app: Flask) -> None:
    with Counted(app) as counted:
        phone = TwilioSimulator(app, lang="en")
        phone.text("bones")
        phone.text("liver")
        phone.dial()
        phone.post("/sms", {"From": DEMO_CALLER, "Body": "x"}, sign=False)
    assert counted.grew("mbc_requests_total", route="/sms", status="200") == 2
    assert counted.grew("mbc_requests_total", route="/sms", status="403") == 1
    assert counted.grew("mbc_request_seconds_count", route="/voice") == 1
    assert value(counted.after, "mbc_request_seconds_bucket", route="/sms", le="+Inf") >= 3
    assert value(counted.after, "mbc_request_seconds_bucket", route="/sms", le="15.0") >= 3


def test_triage_classes_are_counted_by_channel(app: Flask) -> None:
    with Counted(app) as counted:
        phone = TwilioSimulator(app, lang="en")
        phone.text("i cant feel my legs")
        phone.text("im so scared")
        phone.dial()
        phone.speak("my husband collapsed")
    for channel, concern in (("sms", "urgent"), ("sms", "distress"), ("voice", "urgent")):
        labels = {"channel": channel, "concern": concern}
        assert counted.grew("mbc_triage_total", **labels) == 1


def test_opt_outs_are_counted_with_where_they_were_kept(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Counted(app) as counted:
        phone = TwilioSimulator(app)
        phone.text("STOP", sender="+15555550111")

        def broken(subscriber: str, opted_out: bool) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(runtime_of(app).store, "set_opted_out", broken)
        phone.text("STOP", sender="+15555550112")
    for kept in ("store", "journal"):
        labels = {"source": "sms", "kept": kept}
        assert counted.grew("mbc_opt_outs_total", **labels) == 1


def test_texts_from_a_call_are_counted_queued_then_by_outcome(
    make_app: AppFactory, twilio_api: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox, "LEASE_SECONDS", 0.0)  # a failed text is tried again at once
    monkeypatch.setattr(outbox, "PAGE_SECONDS", -10.0)
    app = make_app(metrics_token=TOKEN, twilio_account_sid=ACCOUNT_SID, twilio_api_base_url=twilio_api.url)
    with Counted(app) as counted:
        caller = TwilioSimulator(app, lang="en")
        caller.dial()
        caller.speak("bones")
        caller.press("2")
        deliver(app)
        twilio_api.status = 500
        caller.press("2")
        deliver(app)
    for outcome, times in (("queued", 2), ("sent", 1), ("failed", 1)):
        assert counted.grew("mbc_sends_total", outcome=outcome) == times


def test_store_errors_are_counted_by_backend(app: Flask, tmp_path: Path) -> None:
    with Counted(app) as counted:
        with sqlite3.connect(tmp_path / "state.db") as db:  # someone breaks the file under the line
            db.execute("DROP TABLE state")
        assert TwilioSimulator(app, lang="en").text("bones").status == 200
    assert counted.grew("mbc_store_errors_total", backend="sqlite") >= 1


def test_calls_over_the_limit_are_counted(make_app: AppFactory) -> None:
    app = make_app(metrics_token=TOKEN, rate_limit_calls="1/minute")
    with Counted(app) as counted:
        phone = TwilioSimulator(app)
        phone.dial("+15555550113")
        phone.dial("+15555550113")
    assert counted.grew("mbc_rate_limited_total", scope="calls") == 1


def test_the_metrics_never_show_a_phone_number_or_its_hash(app: Flask) -> None:
    number = "+15555550177"
    phone = TwilioSimulator(app)
    phone.text("bones", sender=number)
    phone.text("STOP", sender=number)
    app.test_client().post(f"/sms/{number}")
    app.test_client().get(f"/{number}")
    answer = app.test_client().get(METRICS_PATH, headers={"Authorization": f"Bearer {TOKEN}"})
    shown = answer.get_data(as_text=True)
    hashed = runtime_of(app).hash_phone(number)
    assert number[2:] not in shown and hashed[:8] not in shown
    assert 'route="(none)"' in shown


def test_the_proxy_never_serves_the_metrics_on_the_public_name(tmp_path: Path) -> None:
    """deploy/Caddyfile, as caddy reads it: /ops/* answers 404 before anything is proxied to the line."""
    adapted = subprocess.run(
        ["caddy", "adapt", "--adapter", "caddyfile", "--config", str(PROJECT_ROOT / "deploy" / "Caddyfile")],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, check=True,
        env={"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
             "PATH": "/usr/bin:/bin"},
    )
    site = json.loads(adapted.stdout)["apps"]["http"]["servers"]["srv0"]["routes"][0]["handle"][0]["routes"]
    handlers = [(route.get("match", [{}])[0].get("path"), route["handle"][0]) for route in site]
    refused = next(i for i, (paths, handle) in enumerate(handlers)
                   if paths == ["/ops/*"] and handle == {"handler": "static_response", "status_code": 404})
    proxied = next(i for i, (_, handle) in enumerate(handlers) if handle["handler"] == "reverse_proxy")
    assert refused < proxied and METRICS_PATH.startswith("/ops/")


def test_the_readmes_scrape_job_and_alert_rules_name_what_the_line_serves(app: Flask) -> None:
    """The YAML in the README parses, scrapes this route, and each rule counts a metric the line has."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", readme, flags=re.DOTALL)]
    job = next(b for b in blocks if "scrape_configs" in b)["scrape_configs"][0]
    assert job["metrics_path"] == METRICS_PATH and job["authorization"]["type"] == "Bearer"
    rules = next(b for b in blocks if "groups" in b)["groups"][0]["rules"]
    served = _families(app)
    named = {rule["alert"]: set(re.findall(r"\bmbc_[a-z_]+", rule["expr"])) for rule in rules}
    assert named == {"LineStoreErrors": {"mbc_store_errors_total"}, "LineSendFailures": {"mbc_sends_total"},
                     "LineSlowerThanTwilioWaits": {"mbc_request_seconds_bucket"}}
    assert set().union(*named.values()) <= served
    assert "> 15" in next(r["expr"] for r in rules if r["alert"] == "LineSlowerThanTwilioWaits")


def _families(app: Flask) -> set[str]:
    """Every sample name the scrape declares, with or without samples yet (a counter's _total, ...)."""
    answer = app.test_client().get(METRICS_PATH, headers={"Authorization": f"Bearer {TOKEN}"})
    families = text_string_to_metric_families(answer.get_data(as_text=True))
    suffixes = ("", "_total", "_bucket", "_count", "_sum")
    return {f"{family.name}{suffix}" for family in families for suffix in suffixes}
