"""Every worker of every server learns of a change from its next request on, without
Redis (the `make run` default): two gunicorns of two workers each on one database.
The operator deactivates a shop through one server; from then on every checkoutCreate
with its products is refused on every worker of both servers; reactivated through the
other server, every one is accepted again."""
from concurrent.futures import ThreadPoolExecutor

import pytest
from graphql_relay import to_global_id

from tests.conftest import serve
from tests.live.test_foundation_checkout import RESIDENT_ADDRESS
from tests.live.test_merchant_deactivation import CREATE, UPDATE, in_stock_variant

pytestmark = [pytest.mark.live]

TRIES_PER_SERVER = 12


@pytest.fixture(scope="module")
def two_servers(demo_district, tmp_path_factory):
    # One thread per worker: a worker busy with one request leaves the next, sent at the
    # same time, to the other worker.
    with serve(tmp_path_factory.mktemp("mail-a"), workers=2, redis_url=None, threads=1) as a, \
            serve(tmp_path_factory.mktemp("mail-b"), workers=2, redis_url=None, threads=1) as b:
        yield a, b


@pytest.fixture
def shop(django_db_blocker):
    from plugins.local_merchants.models import Merchant

    with django_db_blocker.unblock():
        merchant = Merchant.objects.filter(is_active=True).order_by("slug")[7]
        return merchant, in_stock_variant(merchant)


def baskets(servers, variant) -> list:
    """The codes of TRIES_PER_SERVER checkoutCreate per server, sent two at a time to each
    server (so to both of its workers), each on a new connection."""
    lines = [{"variantId": to_global_id("ProductVariant", variant.pk), "quantity": 1}]

    def create(server):
        payload = server.client().data(CREATE, {"input": {
            "email": "resident@exemple.fr", "lines": lines,
            "shippingAddress": RESIDENT_ADDRESS, "billingAddress": RESIDENT_ADDRESS,
        }})["checkoutCreate"]
        return tuple(e["code"] for e in payload["checkoutErrors"]) or "OK"

    calls = [server for server in servers for _ in range(TRIES_PER_SERVER)]
    with ThreadPoolExecutor(max_workers=2 * len(servers)) as pool:
        return list(pool.map(create, calls))


def test_a_deactivated_shop_is_refused_by_every_worker_of_every_server(two_servers, shop):
    a, b = two_servers
    merchant, variant = shop
    merchant_id = to_global_id("Merchant", merchant.pk)
    everyone = TRIES_PER_SERVER * 2
    assert baskets(two_servers, variant) == ["OK"] * everyone  # every worker knows the shop

    try:
        closed = a.login("admin@paris16.example").data(
            UPDATE, {"id": merchant_id, "active": False})["merchantUpdate"]
        assert closed["merchantErrors"] == []
        assert baskets(two_servers, variant) == [("PRODUCT_NOT_PUBLISHED",)] * everyone
    finally:
        reopened = b.login("admin@paris16.example").data(
            UPDATE, {"id": merchant_id, "active": True})["merchantUpdate"]
        assert reopened["merchantErrors"] == []
    assert baskets(two_servers, variant) == ["OK"] * everyone
