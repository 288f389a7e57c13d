"""The catalogue list without Saleor's SELECT DISTINCT (plugins/local_merchants/catalogue.py):
the same products, in the same order, each once, page after page."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import Api
from .test_isolation_cost import add_products

PAGE = """query($after: String, $sort: ProductOrder, $filter: ProductFilterInput) {
  products(first: 7, after: $after, sortBy: $sort, filter: $filter) {
    edges { node { name merchant { slug } } } pageInfo { hasNextPage endCursor } } }"""
# Any filter keeps Saleor's DISTINCT: this one keeps every public product.
EVERY_PUBLISHED = {"isPublished": True}


def walk(api, **variables) -> list:
    names, after = [], None
    while True:
        page = api.data(PAGE, dict(variables, after=after))["products"]
        names += [edge["node"]["name"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return names
        after = page["pageInfo"]["endCursor"]


def test_every_public_product_once_in_the_same_order_as_with_distinct(shops):
    add_products(shops, 30)
    for sort in (None, {"field": "NAME", "direction": "ASC"}, {"field": "PRICE", "direction": "DESC"}):
        plain = walk(Api(), sort=sort)
        assert plain == walk(Api(), sort=sort, filter=EVERY_PUBLISHED)
        assert len(plain) == len(set(plain)) == 30 + 2  # and "Baguette A", "Vin B"
    assert "Brouillon A" not in walk(Api())  # unpublished


def test_a_closed_shop_leaves_the_plain_list_too(shops):
    add_products(shops, 4)
    shops.b.is_active = False
    shops.b.save()
    assert "Vin B" not in walk(Api()) and "Baguette A" in walk(Api())


def _sql_of(query, variables=None):
    with CaptureQueriesContext(connection) as captured:
        Api().data(query, variables)
    return next(q["sql"] for q in captured if 'FROM "product_product"' in q["sql"])


def test_only_lists_that_can_repeat_a_product_ask_for_distinct(shops):
    assert "DISTINCT" not in _sql_of(PAGE)
    assert "DISTINCT" in _sql_of(PAGE, {"filter": {"stockAvailability": "IN_STOCK"}})
    # plugins/search: one document per product, a search alone cannot repeat one either.
    assert "DISTINCT" not in _sql_of(PAGE, {"filter": {"search": "vin"}})
