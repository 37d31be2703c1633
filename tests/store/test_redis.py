"""STATE_URL=redis://: a clear refusal to start, valid TwiML through an outage, no opt-out lost."""

from __future__ import annotations

import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import redis
from redis.utils import HIREDIS_AVAILABLE

from service.errors import StoreError
from service.store import open_store
from service.store.redis import COMMAND_TIMEOUT_SECONDS, USAGE_DAYS, RedisStore, redacted
from service.web.runtime import runtime_of
from service.web.twilio.simulate import TwilioSimulator
from tests.conftest import AppFactory
from tests.servers import RedisServer, free_port, redis_server

STOPPED_PHONE = "+15555550123"


def test_an_unreachable_redis_stops_the_start_with_a_clear_message(make_app: AppFactory) -> None:
    url = f"redis://:secret-password@127.0.0.1:{free_port()}/0"
    with pytest.raises(StoreError) as raised:
        make_app(state_url=url)
    message = str(raised.value)
    assert "cannot be reached" in message and f"127.0.0.1:{url.rsplit(':', 1)[1]}" in message
    assert "secret-password" not in message


def test_the_password_never_shows_in_messages() -> None:
    assert redacted("rediss://user:pw@host:6380/2") == "rediss://user:***@host:6380/2"
    assert redacted("redis://host:6379/0") == "redis://host:6379/0"


def test_a_malformed_redis_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="not a usable Redis URL"):
        RedisStore("redis://127.0.0.1:not-a-port/0")


def test_an_outage_still_answers_twiml_and_keeps_an_opt_out(make_app: AppFactory,
                                                            own_redis: RedisServer) -> None:
    app = make_app(state_url=own_redis.url)
    phone = TwilioSimulator(app)
    assert phone.text("bones").messages
    own_redis.stop()

    during = [phone.text("liver"), phone.dial(), phone.press("1")]
    assert all(heard.status == 200 and heard.root is not None for heard in during)
    assert phone.dial().gathers  # a caller still hears the menu
    stop = phone.text("STOP", sender=STOPPED_PHONE)
    assert stop.status == 200 and ET.fromstring(stop.xml) is not None
    assert phone.text("bones", sender=STOPPED_PHONE).messages == []  # silenced from the journal

    own_redis.start()
    assert phone.text("bones", sender=STOPPED_PHONE).messages == []
    other_host = make_app(state_url=own_redis.url)  # a restart, or another host: replays the journal
    assert TwilioSimulator(other_host).text("bones", sender=STOPPED_PHONE).messages == []
    assert TwilioSimulator(other_host).text("bones").messages  # others are still answered


def test_opt_outs_replayed_from_the_journal_reach_redis(make_app: AppFactory, own_redis: RedisServer) -> None:
    app = make_app(state_url=own_redis.url)
    own_redis.stop()
    TwilioSimulator(app).text("STOP", sender=STOPPED_PHONE)
    own_redis.start()
    make_app(state_url=own_redis.url)  # the start replays the journal into Redis
    store = open_store(own_redis.url, Path(app.instance_path))
    assert store.is_opted_out(runtime_of(app).hash_phone(STOPPED_PHONE))


def test_an_unchanged_state_is_not_written_again(redis_url: str) -> None:
    store = RedisStore(redis_url)
    client = redis.Redis.from_url(redis_url)
    store.put("sms:x", {"menu": "main"}, 100)
    client.expire("mbc:sms:x", 90)  # as if ten seconds had passed
    store.put("sms:x", store.get("sms:x") or {}, 100)
    assert client.ttl("mbc:sms:x") <= 90  # not written again
    client.expire("mbc:sms:x", 40)  # past half its life
    store.put("sms:x", store.get("sms:x") or {}, 100)
    assert client.ttl("mbc:sms:x") > 90  # kept alive
    store.put("sms:x", {"menu": "spread"}, 100)
    assert store.get("sms:x") == {"menu": "spread"}


def _commands_sent(url: str, action: Callable[[], object]) -> list[str]:
    """The commands Redis got from its clients (not those its scripts ran) while `action` ran, as MONITOR
    shows them; the usage totals, added in batches every half minute rather than per request, left out."""
    marker, watcher = redis.Redis.from_url(url), redis.Redis.from_url(url)
    marker.ping()  # its connection opened (HELLO) before watching
    end = f"end-{time.monotonic_ns()}"
    seen: list[str] = []
    with watcher.monitor() as monitor:
        action()
        marker.echo(end)  # MONITOR shows it after everything the action sent
        for command in monitor.listen():
            if end in command["command"]:
                break
            if command["client_address"] != "lua" and USAGE_DAYS not in command["command"]:
                seen.append(command["command"].split()[0])
    return seen


def test_each_webhook_costs_redis_three_commands(make_app: AppFactory, redis_url: str) -> None:
    """A text, a call start and a key press send Redis three commands each, one round trip each (the claim
    with its counts, the reads, the writes of place and answer): under load every command and round trip
    costs the worker CPU (packing, parsing, a thread switch), so one more is a slower line for everyone."""
    phone = TwilioSimulator(make_app(state_url=redis_url))
    phone.text("bones")  # this texter's first text: the scripts are loaded, the state is there
    assert _commands_sent(redis_url, lambda: phone.text("liver")) == ["EVALSHA"] * 3
    assert len(_commands_sent(redis_url, phone.dial)) == 3
    assert len(_commands_sent(redis_url, lambda: phone.press("1"))) == 3  # English: the language kept
    assert _commands_sent(redis_url, lambda: phone.press("2")) == ["EVALSHA"] * 3


def test_the_redis_client_parses_replies_in_c() -> None:
    """hiredis is installed with the line (pyproject.toml, every lock) and redis-py picks it up by itself:
    without it each reply is parsed in Python, about a tenth more of the worker's CPU per store call."""
    assert HIREDIS_AVAILABLE


def test_a_redis_that_stops_answering_fails_a_call_within_seconds_and_serves_again(tmp_path: Path) -> None:
    """A hung Redis (frozen, its connections open) must not hang the request threads: each command is
    timed out (by the kernel, on redis://) and tried once more, then the webhook goes on without it."""
    with redis_server(tmp_path / "redis") as server:
        store = RedisStore(server.url)
        store.put("sms:x", {"menu": "main"}, 60)
        failures: list[StoreError] = []

        def webhook_call() -> None:
            try:
                store.get("sms:x")
            except StoreError as error:
                failures.append(error)

        server.pause()
        call = threading.Thread(target=webhook_call, daemon=True)
        call.start()
        call.join(3 * COMMAND_TIMEOUT_SECONDS)  # a try and a retry, each cut off; a hung call fails here
        answered_in_time = not call.is_alive()
        server.resume()
        assert answered_in_time and len(failures) == 1
        assert store.get("sms:x") == {"menu": "main"}


@pytest.mark.parametrize("url, connection", [
    ("rediss://127.0.0.1:6380/0", redis.SSLConnection),
    ("unix:///run/redis/redis.sock", redis.UnixDomainSocketConnection),
])
def test_tls_and_unix_sockets_keep_their_own_connections_and_timeouts(url: str, connection: type) -> None:
    """Only plain TCP is timed by the kernel: TLS and unix socket URLs keep the connection the URL asks
    for (TLS stays TLS), timed out by Python."""
    pool = RedisStore(url)._client.connection_pool
    assert pool.connection_class is connection
    assert pool.connection_kwargs["socket_timeout"] == COMMAND_TIMEOUT_SECONDS
