"""The failure counters hold when attempts arrive at once from several connections
(as from several gunicorn workers or servers): Redis, and PostgreSQL without Redis."""
import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from plugins.api_guard.throttle_store import PostgresCounters, RedisCounters

pytestmark = pytest.mark.django_db


def stores():
    yield "postgresql", PostgresCounters()
    if os.environ.get("REDIS_URL"):
        yield "redis", RedisCounters(os.environ["REDIS_URL"])


@pytest.fixture(params=[name for name, _ in stores()])
def store(request):
    return dict(stores())[request.param]


def reserve_in_own_connection(store, keys, window):
    try:
        return store.reserve(keys, window)
    finally:
        connection.close()  # each thread had its own connection, like a worker


def test_simultaneous_attempts_get_distinct_counts(store):
    keys = [f"test:{uuid.uuid4().hex}", f"test:{uuid.uuid4().hex}"]
    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(lambda _: reserve_in_own_connection(store, keys, 60), range(12)))
    for key in keys:
        assert sorted(result[key][0] for result in results) == list(range(1, 13))
        assert all(0 < result[key][1] <= 60 for result in results)


def test_a_release_gives_the_place_back_and_never_goes_below_zero(store):
    key = f"test:{uuid.uuid4().hex}"
    store.reserve([key], 60)
    store.reserve([key], 60)
    store.release([key])
    assert store.reserve([key], 60)[key][0] == 2
    for _ in range(5):
        store.release([key])
    assert store.reserve([key], 60)[key][0] == 1


def test_a_new_window_starts_from_one(store):
    key = f"test:{uuid.uuid4().hex}"
    for _ in range(3):
        store.reserve([key], 1)
    time.sleep(2.1)
    assert store.reserve([key], 60)[key][0] == 1
