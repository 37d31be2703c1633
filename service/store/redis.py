"""Redis store: state and opt-outs shared by any number of app hosts (STATE_URL=redis:// or rediss://)."""

from __future__ import annotations

import json
import secrets
import socket
import struct
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from service.errors import StoreError
from service.store.base import Claimed, CountKey, Take, UsageRow, report_error

PREFIX = "mbc:"
OPT_OUTS = PREFIX + "opt-outs"
USAGE = PREFIX + "usage:"  # one hash a day of usage totals
USAGE_DAYS = PREFIX + "usage-days"  # the days that have totals
CONNECT_TIMEOUT_SECONDS = 1.0
COMMAND_TIMEOUT_SECONDS = 1.0
ALLOWANCE = PREFIX + "allowance:"
# Add to a counter only within its limit, in one step on the server (every host counts on one key).
TAKE_SCRIPT = """
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local cost = tonumber(ARGV[2])
if used + cost > tonumber(ARGV[1]) then return 0 end
if redis.call('INCRBY', KEYS[1], cost) == cost then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
return 1
"""
# A claim (SET NX) and, only when it is won, each take in order until one is refused: one step on the
# server. Answers {1, "", taken...} when won (1 taken, 0 refused), else {0, what the key holds}.
CLAIM_TAKING_SCRIPT = """
if not redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2], 'NX') then
  return {0, redis.call('GET', KEYS[1])}
end
local answer = {1, ''}
for i = 2, #KEYS do
  local at = 3 + (i - 2) * 3
  local limit, cost = tonumber(ARGV[at]), tonumber(ARGV[at + 1])
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used + cost > limit then
    answer[#answer + 1] = 0
    return answer
  end
  if redis.call('INCRBY', KEYS[i], cost) == cost then redis.call('EXPIRE', KEYS[i], ARGV[at + 2]) end
  answer[#answer + 1] = 1
end
return answer
"""
# A state and what is left of its time to live (ms) and, given a set and a member (a texter's opt-out),
# whether it holds the member: one command (EVALSHA) for redis-py to pack and read, not a pipeline of three.
READ_SCRIPT = """
local answer = {redis.call('GET', KEYS[1]), redis.call('PTTL', KEYS[1])}
if #KEYS > 1 then answer[3] = redis.call('SISMEMBER', KEYS[2], ARGV[1]) end
return answer
"""
# Several states, each with its own time to live (ARGV: value, seconds, value, seconds...): atomic as a
# MULTI/EXEC is (no other client's command runs between the writes), in one command instead of 2 + n.
PUT_MANY_SCRIPT = """
for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[2 * i - 1], 'EX', ARGV[2 * i]) end
return 1
"""
# A queue is three keys: a sorted set of its items by the time each is ready (claimable), a hash of
# their values, and a hash of "expires:attempts:token". Times are the Redis server's own (TIME), so
# hosts whose clocks differ still agree when a lease ends.
QUEUE = PREFIX + "queue:"
ENQUEUE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], string.format('%.6f', now + tonumber(ARGV[3])) .. ':0:')
redis.call('ZADD', KEYS[1], now, ARGV[1])
return 1
"""
# Take the oldest ready item (dropping expired ones on the way) and lease it, in one step on the server.
CLAIM_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
for _, item in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 20)) do
  local meta = redis.call('HGET', KEYS[3], item)
  local expires, attempts
  if meta then expires, attempts = string.match(meta, '^([^:]*):([^:]*):') end
  if not meta or tonumber(expires) <= now then
    redis.call('ZREM', KEYS[1], item)
    redis.call('HDEL', KEYS[2], item)
    redis.call('HDEL', KEYS[3], item)
  else
    attempts = tonumber(attempts) + 1
    redis.call('HSET', KEYS[3], item, expires .. ':' .. attempts .. ':' .. ARGV[2])
    redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), item)
    return {item, redis.call('HGET', KEYS[2], item), attempts}
  end
end
return false
"""
# Remove (ARGV[2] empty) or update an item, only while the claim's token still holds it.
SETTLE_SCRIPT = """
local meta = redis.call('HGET', KEYS[3], ARGV[1])
if not meta or string.match(meta, ':([^:]*)$') ~= ARGV[3] then return 0 end
if ARGV[2] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
else
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
end
return 1
"""
# An unchanged state is rewritten only when less than this share of its time to live is left.
REFRESH_SHARE = 0.5


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[-1]
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + netloc))


class RedisStore:
    """Conversation state as keys with a time to live, opt-outs as one set, on a shared Redis.

    Every command has a short timeout and one retry (a pooled connection may be stale after Redis
    restarts), so an outage turns into StoreError quickly and the webhooks still answer. Opt-outs are
    as durable as the server makes them: run Redis with `appendonly yes` and `appendfsync always`.
    """

    def __init__(self, url: str) -> None:
        self.url = redacted(url)
        try:
            self._client = redis.Redis.from_url(
                url, socket_connect_timeout=CONNECT_TIMEOUT_SECONDS, retry=Retry(NoBackoff(), 1),
                **_timeouts(url),
            )
        except ValueError as error:
            raise StoreError(f"STATE_URL {self.url} is not a usable Redis URL: {error}") from error
        self._local = threading.local()
        self._take = self._client.register_script(TAKE_SCRIPT)
        self._claim_taking = self._client.register_script(CLAIM_TAKING_SCRIPT)
        self._enqueue = self._client.register_script(ENQUEUE_SCRIPT)
        self._claim = self._client.register_script(CLAIM_SCRIPT)
        self._settle = self._client.register_script(SETTLE_SCRIPT)
        self._read = self._client.register_script(READ_SCRIPT)
        self._put_many = self._client.register_script(PUT_MANY_SCRIPT)

    def get(self, key: str) -> dict[str, Any] | None:
        with self._guard():
            raw, ttl_ms = self._read(keys=[PREFIX + key])
        return self._seen(key, raw, ttl_ms)

    def texter(self, key: str, subscriber: str) -> tuple[dict[str, Any] | None, bool]:
        """One command for both (a text's two reads)."""
        with self._guard():
            raw, ttl_ms, opted_out = self._read(keys=[PREFIX + key, OPT_OUTS], args=[subscriber])
        return self._seen(key, raw, ttl_ms), bool(opted_out)

    def _seen(self, key: str, raw: bytes | None, ttl_ms: int) -> dict[str, Any] | None:
        """Remember what this thread read (so an unchanged put is skipped) and decode it."""
        self._local.seen = {key: (raw, ttl_ms / 1000)} if raw is not None else {}
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any], ttl_seconds: int) -> None:
        text = json.dumps(value).encode()
        seen = getattr(self._local, "seen", {}).get(key)
        if seen is not None and seen[0] == text and seen[1] >= ttl_seconds * REFRESH_SHARE:
            return  # this thread just read the same state, with long enough left to live
        with self._guard():
            self._client.set(PREFIX + key, text, ex=ttl_seconds)
        self._local.seen = {key: (text, float(ttl_seconds))}

    def put_many(self, values: list[tuple[str, dict[str, Any], int]]) -> None:
        """One command (a script, atomic as MULTI/EXEC is) for all of them."""
        texts = [(key, json.dumps(value).encode(), ttl_seconds) for key, value, ttl_seconds in values]
        args: list[bytes | int] = []
        for _, text, ttl_seconds in texts:
            args += [text, ttl_seconds]
        with self._guard():
            self._put_many(keys=[PREFIX + key for key, _, _ in texts], args=args)
        self._local.seen = {key: (text, float(ttl_seconds)) for key, text, ttl_seconds in texts}

    def claim(self, key: str, value: dict[str, Any], ttl_seconds: int) -> dict[str, Any] | None:
        """SET NX with the time to live, and the value there when it was not set: one script."""
        return self.claim_taking(key, value, ttl_seconds, ())[0]

    def claim_taking(
        self, key: str, value: dict[str, Any], ttl_seconds: int, takes: Sequence[Take]
    ) -> tuple[dict[str, Any] | None, tuple[bool, ...]]:
        """One script on the server: the claim, then the takes (a new counter gets its time to live)."""
        keys = [PREFIX + key, *(ALLOWANCE + take_key for take_key, _, _, _ in takes)]
        args: list[Any] = [json.dumps(value), ttl_seconds]
        for _, limit, take_ttl, cost in takes:
            args += [limit, cost, take_ttl]
        with self._guard():
            answer = self._claim_taking(keys=keys, args=args)
        if not answer[0]:
            return _found(answer[1] if len(answer) > 1 else None), ()
        return None, tuple(bool(taken) for taken in answer[2:])

    def set_opted_out(self, subscriber: str, opted_out: bool) -> None:
        with self._guard():
            if opted_out:
                self._client.sadd(OPT_OUTS, subscriber)
            else:
                self._client.srem(OPT_OUTS, subscriber)

    def is_opted_out(self, subscriber: str) -> bool:
        with self._guard():
            return bool(self._client.sismember(OPT_OUTS, subscriber))

    def ping(self) -> None:
        with self._guard():
            self._client.ping()

    def take(self, key: str, limit: int, ttl_seconds: int, cost: int = 1) -> bool:
        with self._guard():
            return bool(self._take(keys=[ALLOWANCE + key], args=[limit, cost, ttl_seconds]))

    def enqueue(self, queue: str, item: str, value: dict[str, Any], ttl_seconds: int) -> None:
        with self._guard():
            self._enqueue(keys=_queue_keys(queue), args=[item, json.dumps(value), ttl_seconds])

    def claim_next(self, queue: str, lease_seconds: float) -> Claimed | None:
        token = secrets.token_hex(8)
        with self._guard():
            found = self._claim(keys=_queue_keys(queue), args=[lease_seconds, token])
        if not found:
            return None
        item, raw, attempts = found
        return Claimed(_text(item), json.loads(raw), token, int(attempts))

    def settle(self, queue: str, claimed: Claimed, value: dict[str, Any] | None) -> bool:
        text = "" if value is None else json.dumps(value)
        with self._guard():
            return bool(self._settle(keys=_queue_keys(queue), args=[claimed.item, text, claimed.token]))

    def add_counts(self, day: str, counts: Mapping[CountKey, int]) -> None:
        """One hash a day ("event|channel|lang|node" -> total), added to in one round trip."""
        with self._guard():
            pipe = self._client.pipeline(transaction=False)
            pipe.sadd(USAGE_DAYS, day)
            for key, number in counts.items():
                pipe.hincrby(f"{USAGE}{day}", "|".join(key), number)
            pipe.execute()

    def counts(self, since: str, until: str) -> list[UsageRow]:
        """Each counted day's hash in the range, read in one round trip."""
        with self._guard():
            counted = {_text(day) for day in self._client.smembers(USAGE_DAYS)}
            days = sorted(day for day in counted if since <= day <= until)
            pipe = self._client.pipeline(transaction=False)
            for day in days:
                pipe.hgetall(f"{USAGE}{day}")
            found = pipe.execute()
        rows = []
        for day, totals in zip(days, found, strict=True):
            for field, total in totals.items():
                event, channel, lang, node = _text(field).split("|", 3)  # as add_counts joined them
                rows.append(UsageRow(day, event, channel, lang, node, int(total)))
        return sorted(rows)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn redis-py's errors into StoreError naming the server (never its password)."""
        try:
            yield
        except redis.RedisError as error:
            report_error("redis")
            raise StoreError(f"Redis store {self.url}: {error}") from error


class KernelTimedConnection(redis.connection.Connection):
    """A plain TCP connection whose socket blocks, with the kernel timing out each send and receive.

    With a Python socket timeout every send and receive first waits in poll(), and each of those
    system calls hands Python's lock to another request thread: under eight threads a text's three
    store calls cost 880 us of CPU, against 666 with SO_SNDTIMEO and SO_RCVTIMEO doing the timing. A
    Redis that stops answering still fails a command after COMMAND_TIMEOUT_SECONDS.
    """

    def _connect(self) -> socket.socket:
        sock: socket.socket = super()._connect()  # type: ignore[no-untyped-call]
        whole = int(COMMAND_TIMEOUT_SECONDS)
        limit = struct.pack("ll", whole, int((COMMAND_TIMEOUT_SECONDS - whole) * 1_000_000))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, limit)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, limit)
        return sock


def _timeouts(url: str) -> dict[str, Any]:
    """How commands are timed: by the kernel on plain redis://, by Python over TLS or a unix socket
    (whose connection classes the URL picks, and which keep them)."""
    if urlsplit(url).scheme == "redis":
        return {"socket_timeout": None, "connection_class": KernelTimedConnection}
    return {"socket_timeout": COMMAND_TIMEOUT_SECONDS}


def _found(raw: bytes | None) -> dict[str, Any]:
    """What a claimed key holds, as a dict ({} when it is gone or unreadable)."""
    try:
        found = json.loads(raw) if raw is not None else {}
    except ValueError:
        found = {}
    return found if isinstance(found, dict) else {}


def _queue_keys(queue: str) -> list[str]:
    """A queue's keys: its items by ready time, their values, their expiry, attempts and claim."""
    return [f"{QUEUE}{queue}:ready", f"{QUEUE}{queue}:values", f"{QUEUE}{queue}:meta"]


def _text(value: bytes | str) -> str:
    """A key or field as text: this client answers bytes, though redis-py's types allow either."""
    return value.decode() if isinstance(value, bytes) else value
