"""One contract for every store backend (memory, SQLite, Redis): what the webhooks rely on."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import time
from pathlib import Path

import pytest
import redis

from service.store import Store, open_store

BACKENDS = ("memory", "sqlite", "redis")
SHARED_BACKENDS = ("sqlite", "redis")  # memory:// is one process by design: for tests and demos only


def _url(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if name == "redis":
        return str(request.getfixturevalue("redis_url"))  # a real redis-server the tests started
    return "memory://" if name == "memory" else f"sqlite:///{tmp_path}/state.db"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A STATE_URL for each backend."""
    return _url(request.param, request, tmp_path)


@pytest.fixture(params=SHARED_BACKENDS)
def shared_backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A STATE_URL for each backend that several processes or hosts can share."""
    return _url(request.param, request, tmp_path)


@pytest.fixture
def store(backend: str, tmp_path: Path) -> Store:
    return open_store(backend, tmp_path)


def test_state_round_trips_and_a_missing_key_is_none(store: Store) -> None:
    store.put("voice:CA1", {"node": "spread", "trail": ["main"], "slow": True}, 60)
    assert store.get("voice:CA1") == {"node": "spread", "trail": ["main"], "slow": True}
    assert store.get("voice:CA2") is None


def test_a_new_state_replaces_the_old(store: Store) -> None:
    store.put("sms:a", {"menu": "main"}, 60)
    assert store.get("sms:a") == {"menu": "main"}
    store.put("sms:a", {"menu": "spread"}, 60)
    assert store.get("sms:a") == {"menu": "spread"}


def test_a_place_and_an_answer_saved_together_are_both_there(store: Store) -> None:
    store.put("sms:a", {"menu": "main"}, 60)
    store.put_many([("sms:a", {"menu": "spread"}, 60), ("once:sms:SM1", {"reply": "<Response/>"}, 60)])
    assert store.get("sms:a") == {"menu": "spread"}
    assert store.get("once:sms:SM1") == {"reply": "<Response/>"}


def test_saving_together_keeps_each_time_to_live(store: Store) -> None:
    store.put_many([("sms:short", {"menu": "main"}, 1), ("sms:long", {"menu": "main"}, 60)])
    time.sleep(1.1)
    assert store.get("sms:short") is None
    assert store.get("sms:long") == {"menu": "main"}


def test_an_unchanged_state_is_still_there_after_saving_it_again(store: Store) -> None:
    store.put("sms:a", {"menu": "main"}, 60)
    store.put("sms:a", store.get("sms:a") or {}, 60)
    assert store.get("sms:a") == {"menu": "main"}


def test_a_change_after_another_writer_is_saved(shared_backend: str, tmp_path: Path) -> None:
    store, other = open_store(shared_backend, tmp_path), open_store(shared_backend, tmp_path)
    store.put("sms:a", {"menu": "main"}, 60)
    seen = store.get("sms:a")
    other.put("sms:a", {"menu": "spread"}, 60)
    store.put("sms:a", {"menu": "treatment"}, 60)
    assert seen == {"menu": "main"}
    assert other.get("sms:a") == {"menu": "treatment"}


def test_opt_outs_are_per_number_and_can_be_undone(store: Store) -> None:
    store.set_opted_out("hash-a", True)
    store.set_opted_out("hash-a", True)  # twice is the same as once
    assert store.is_opted_out("hash-a")
    assert not store.is_opted_out("hash-b")
    store.set_opted_out("hash-a", False)
    assert not store.is_opted_out("hash-a")
    store.set_opted_out("hash-b", False)  # opting in a number that never opted out is harmless
    assert not store.is_opted_out("hash-b")


def test_ping_answers(store: Store) -> None:
    store.ping()


def test_a_second_store_on_the_same_url_sees_the_first_ones_writes(shared_backend: str,
                                                                   tmp_path: Path) -> None:
    first, second = open_store(shared_backend, tmp_path), open_store(shared_backend, tmp_path)
    first.put("voice:CA1", {"node": "liver"}, 60)
    first.set_opted_out("hash-a", True)
    assert second.get("voice:CA1") == {"node": "liver"}
    assert second.is_opted_out("hash-a")


def test_state_expires(store: Store, backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store.put("sms:x", {"menu": "main"}, 30)
    assert store.get("sms:x") == {"menu": "main"}
    if backend.startswith("redis"):
        ttl = redis.Redis.from_url(backend).ttl("mbc:sms:x")
        assert 0 < ttl <= 30  # the server expires the key itself
        return
    later = time.time() + 31
    monkeypatch.setattr(time, "time", lambda: later)
    assert store.get("sms:x") is None


def test_usage_counts_add_up_per_day_and_labels_and_read_back_by_range(store: Store) -> None:
    store.add_counts("2026-11-23", {("topic", "sms", "en", "spread-bones"): 2})
    store.add_counts("2026-11-23", {("topic", "sms", "en", "spread-bones"): 3})
    store.add_counts("2026-11-23", {("call", "voice", "es", ""): 1})
    store.add_counts("2026-11-25", {("topic", "voice", "en", "spread-liver"): 4})
    rows = store.counts("2026-11-23", "2026-11-24")
    assert sorted((r.day, r.event, r.channel, r.lang, r.node, r.count) for r in rows) == [
        ("2026-11-23", "call", "voice", "es", "", 1),
        ("2026-11-23", "topic", "sms", "en", "spread-bones", 5),
    ]
    assert [r.count for r in store.counts("2026-11-25", "2026-11-25")] == [4]
    assert store.counts("2026-12-01", "2026-12-31") == []


def test_a_texter_is_read_with_their_opt_out_in_one_call(store: Store) -> None:
    assert store.texter("sms:a", "hash-a") == (None, False)
    store.put("sms:a", {"menu": "spread"}, 60)
    store.set_opted_out("hash-a", True)
    assert store.texter("sms:a", "hash-a") == ({"menu": "spread"}, True)
    assert store.texter("sms:a", "hash-b") == ({"menu": "spread"}, False)
    assert store.texter("sms:new", "hash-a") == (None, True)


def test_a_claim_is_won_once_and_then_shows_what_the_winner_saved(store: Store) -> None:
    assert store.claim("once:sms:SM1", {"pending": True}, 60) is None
    assert store.claim("once:sms:SM1", {"pending": True}, 60) == {"pending": True}
    store.put("once:sms:SM1", {"reply": "<Response/>"}, 60)
    assert store.claim("once:sms:SM1", {"pending": True}, 60) == {"reply": "<Response/>"}
    assert store.claim("once:sms:SM2", {"pending": True}, 60) is None


def test_of_two_stores_on_one_url_only_one_wins_a_claim(shared_backend: str, tmp_path: Path) -> None:
    first, second = open_store(shared_backend, tmp_path), open_store(shared_backend, tmp_path)
    assert first.claim("once:voice:CA1:3", {"at": 1.0}, 60) is None
    assert second.claim("once:voice:CA1:3", {"at": 2.0}, 60) == {"at": 1.0}


def test_an_expired_claim_can_be_won_again(
    store: Store, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.claim("once:sms:SM9", {"at": 1.0}, 30) is None
    if backend.startswith("redis"):
        assert 0 < redis.Redis.from_url(backend).ttl("mbc:once:sms:SM9") <= 30
        return
    later = time.time() + 31
    monkeypatch.setattr(time, "time", lambda: later)
    assert store.claim("once:sms:SM9", {"at": 2.0}, 30) is None
    assert store.get("once:sms:SM9") == {"at": 2.0}


def test_a_claim_won_takes_its_counts_in_order_until_one_is_refused(store: Store) -> None:
    store.take("t:day", 1, 60)  # the day's one turn is used already
    takes = [("t:minute", 5, 60, 1), ("t:day", 1, 60, 1), ("t:never", 5, 60, 1)]
    found, taken = store.claim_taking("once:sms:SM1", {"at": 1.0}, 60, takes)
    assert found is None and taken == (True, False)
    assert store.take("t:minute", 5, 60, cost=4) and not store.take("t:minute", 5, 60)  # counted once
    assert store.take("t:never", 1, 60)  # not tried after the refusal: still unused


def test_a_claim_won_takes_counts_all_within_their_limits_each_once(
    store: Store, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    takes = [("t:m", 2, 60, 1), ("t:d", 3, 60, 1)]
    assert store.claim_taking("once:sms:SM4", {"at": 1.0}, 60, takes) == (None, (True, True))
    assert store.claim_taking("once:sms:SM5", {"at": 1.0}, 60, takes) == (None, (True, True))
    assert store.claim_taking("once:sms:SM6", {"at": 1.0}, 60, takes) == (None, (False,))
    assert store.take("t:d", 3, 60) and not store.take("t:d", 3, 60)  # 2, and the refused turn counted none
    if backend.startswith("redis"):
        return
    later = time.time() + 61  # both windows over: they start again at this turn's count
    monkeypatch.setattr(time, "time", lambda: later)
    assert store.claim_taking("once:sms:SM7", {"at": 1.0}, 60, takes) == (None, (True, True))
    assert store.take("t:m", 2, 60) and not store.take("t:m", 2, 60)


def test_a_claim_lost_takes_no_count(store: Store) -> None:
    assert store.claim("once:sms:SM2", {"at": 1.0}, 60) is None
    found, taken = store.claim_taking("once:sms:SM2", {"at": 2.0}, 60, [("t:retry", 1, 60, 1)])
    assert found == {"at": 1.0} and taken == ()
    assert store.take("t:retry", 1, 60)  # the retry counted nothing


def test_of_two_stores_claiming_with_takes_one_wins_and_counts_once(
    shared_backend: str, tmp_path: Path
) -> None:
    first, second = open_store(shared_backend, tmp_path), open_store(shared_backend, tmp_path)
    assert first.claim_taking("once:sms:SM3", {"at": 1.0}, 60, [("t:both", 2, 60, 1)]) == (None, (True,))
    assert second.claim_taking("once:sms:SM3", {"at": 2.0}, 60, [("t:both", 2, 60, 1)]) == ({"at": 1.0}, ())
    assert second.take("t:both", 2, 60) and not first.take("t:both", 2, 60)


def test_take_counts_up_to_the_limit_then_refuses(store: Store) -> None:
    assert [store.take("t:a", 3, 60) for _ in range(5)] == [True, True, True, False, False]
    assert store.take("t:b", 3, 60)  # another key counts apart
    assert store.take("t:c", 10, 60, cost=7) and not store.take("t:c", 10, 60, cost=4)
    assert store.take("t:c", 10, 60, cost=-2) and store.take("t:c", 10, 60, cost=4)  # given back, then used


def test_a_taken_count_starts_again_when_its_time_is_up(store: Store) -> None:
    assert store.take("t:short", 1, 1) and not store.take("t:short", 1, 1)
    time.sleep(1.2)
    assert store.take("t:short", 1, 1)


def _take_many(url: str, folder: str, key: str, tries: int) -> int:
    """In another process (another worker or host): how many takes it was given."""
    store = open_store(url, Path(folder))
    return sum(store.take(key, 25, 60) for _ in range(tries))


def test_parallel_takes_from_many_processes_never_pass_the_limit(shared_backend: str, tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(4, mp_context=context) as pool:
        runs = [pool.submit(_take_many, shared_backend, str(tmp_path), "t:shared", 20) for _ in range(4)]
        given = [run.result() for run in runs]
    assert sum(given) == 25


def test_take_on_a_redis_that_refuses_writes_raises(redis_url: str, tmp_path: Path) -> None:
    from service.errors import StoreError

    store = open_store(redis_url, tmp_path)
    admin = redis.Redis.from_url(redis_url)
    admin.config_set("min-replicas-to-write", 1)  # as a primary that lost its replicas refuses writes
    try:
        with pytest.raises(StoreError):
            store.take("t:refused", 5, 60)
    finally:
        admin.config_set("min-replicas-to-write", 0)


def test_a_queued_item_is_claimed_oldest_first_and_held_for_its_lease(store: Store) -> None:
    store.enqueue("texts", "first", {"pages": ["a"], "sent": 0}, 60)
    store.enqueue("texts", "second", {"pages": ["b"], "sent": 0}, 60)
    store.enqueue("other", "elsewhere", {"pages": ["c"]}, 60)
    first = store.claim_next("texts", 60)
    second = store.claim_next("texts", 60)
    assert first is not None and second is not None
    assert (first.item, first.value, first.attempts) == ("first", {"pages": ["a"], "sent": 0}, 1)
    assert second.item == "second"
    assert store.claim_next("texts", 60) is None  # both are held


def test_a_settled_item_is_gone_and_progress_is_kept_for_the_next_claim(store: Store) -> None:
    store.enqueue("texts", "a", {"sent": 0}, 60)
    store.enqueue("texts", "b", {"sent": 0}, 60)
    done, going = store.claim_next("texts", 0.3), store.claim_next("texts", 0.3)
    assert done is not None and going is not None
    assert store.settle("texts", done, None)
    assert store.settle("texts", going, {"sent": 1})
    time.sleep(0.4)  # the leases end
    again = store.claim_next("texts", 60)
    assert again is not None and (again.item, again.value, again.attempts) == ("b", {"sent": 1}, 2)
    assert store.claim_next("texts", 60) is None


def test_a_claim_whose_lease_ended_cannot_settle_once_another_holds_it(store: Store) -> None:
    store.enqueue("texts", "a", {"sent": 0}, 60)
    old = store.claim_next("texts", 0.2)
    time.sleep(0.3)
    new = store.claim_next("texts", 60)
    assert old is not None and new is not None and new.token != old.token
    assert not store.settle("texts", old, {"sent": 5}) and not store.settle("texts", old, None)
    assert store.settle("texts", new, None)


def test_a_queued_item_not_settled_in_its_time_is_dropped(store: Store) -> None:
    store.enqueue("texts", "a", {"sent": 0}, 1)
    time.sleep(1.1)
    assert store.claim_next("texts", 60) is None


def test_a_queue_survives_reopening_the_store(shared_backend: str, tmp_path: Path) -> None:
    open_store(shared_backend, tmp_path).enqueue("texts", "a", {"sent": 0}, 60)
    claimed = open_store(shared_backend, tmp_path).claim_next("texts", 60)
    assert claimed is not None and claimed.item == "a"


def _claim_all(url: str, folder: str, queue: str) -> list[str]:
    """Claim items until none is left, from a process of its own; the items it got."""
    store = open_store(url, Path(folder))
    got = []
    while (claimed := store.claim_next(queue, 60)) is not None:
        got.append(claimed.item)
    return got


def test_many_processes_claiming_at_once_each_get_different_items(
    shared_backend: str, tmp_path: Path
) -> None:
    store = open_store(shared_backend, tmp_path)
    items = [f"item-{number}" for number in range(60)]
    for item in items:
        store.enqueue("race", item, {"sent": 0}, 60)
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(4, mp_context=context) as pool:
        claims = list(pool.map(_claim_all, [shared_backend] * 4, [str(tmp_path)] * 4, ["race"] * 4))
    everything = [item for got in claims for item in got]
    assert sorted(everything) == sorted(items)  # every item once, none twice
