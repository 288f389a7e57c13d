"""Database queries per request must not grow with what a resident asks for: the
catalogue listing costs the same at 12, 24 or 48 products, and checkoutComplete costs
at most a constant more per shop in the basket (the same 5 lines from 1, 3 or 5 shops).

Counted in-process (django.test.Client + CaptureQueriesContext) on the demo district,
with the requests `make bench` sends — including our additions once the schema has them.
"""
import random

import pytest

from bench import flows, queries
from bench.dataset import sample
from bench.inprocess import CountingAPI

pytestmark = pytest.mark.django_db

# A shop more in the basket may cost this many queries more at checkoutComplete (its
# part of the order, its stock allocation, its e-mail), never a query per line or per
# product of the catalogue.
PER_SHOP_QUERIES = 4


@pytest.fixture
def api(demo_district) -> CountingAPI:
    return CountingAPI()


@pytest.fixture
def features(api) -> queries.Features:
    return queries.Features.from_introspection(api.execute("features", queries.FEATURES_QUERY, {}))


def test_the_listing_costs_the_same_whatever_the_page_size(api, features):
    api.execute("warm-up", *queries.listing(features, first=12))
    counts = {}
    for size in (12, 24, 48):
        data = api.execute(f"listing {size}", *queries.listing(features, first=size))
        assert len(data["products"]["edges"]) == size
        counts[size] = api.counts[-1][1]
    assert counts[24] <= counts[12] and counts[48] <= counts[12], (
        f"the catalogue listing's queries grow with the page size: {counts}"
    )


def test_the_listing_shows_each_products_merchant_when_the_schema_has_it(api, features):
    if not features.product_merchant:
        pytest.skip("Product.merchant is not in the schema yet")
    data = api.execute("listing", *queries.listing(features, first=48))
    merchants = [edge["node"]["merchant"] for edge in data["products"]["edges"]]
    assert all(m and m["name"] for m in merchants)


def test_checkout_complete_costs_at_most_a_constant_more_per_shop(api, features):
    shops = sample()["shops"]
    rng = random.Random(16)
    completes = {}
    for shop_count in (1, 3, 5):
        lines = flows.baskets(shops, shop_count, 1, rng)[0]
        api.counts.clear()
        flows.checkout(api.execute, lines, features, f"discipline-{shop_count}@exemple.fr", rng)
        completes[shop_count] = dict(api.counts)["checkoutComplete"]
    assert completes[5] - completes[1] <= 4 * PER_SHOP_QUERIES, (
        f"checkoutComplete's queries by number of shops: {completes}"
    )
    # Linear at worst: the 4th and 5th shops cost no more than the 2nd and 3rd.
    assert completes[5] - completes[3] <= completes[3] - completes[1] + 1, completes


# Issue 13: the two checkout steps that cost more than stock Saleor 2.10.1. Measured
# against stock with `python -m bench.sql_steps` on the same 5-line baskets (README,
# « Coût d'une commande ») and pinned here: any change shows, either way.
PINNED = {"shippingAddress": 37, "checkoutComplete": 108}


def test_address_and_completion_cost_a_pinned_number_of_queries_whatever_the_shops(api, features):
    shops = sample()["shops"]
    rng = random.Random(13)
    counts = {}
    # The first flow of a worker also reads the shops, settings and methods it keeps.
    for shop_count in (2, 1, 3, 5):
        lines = flows.baskets(shops, shop_count, 1, rng)[0]
        api.counts.clear()
        flows.checkout(api.execute, lines, features, f"pinned-{shop_count}@exemple.fr", rng)
        steps = dict(api.counts)
        counts[shop_count] = {step: steps[step] for step in PINNED}
    assert counts[1] == counts[3] == counts[5] == PINNED, counts
