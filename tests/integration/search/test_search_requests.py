"""Search requests a client may send: bad input answered quickly with nothing or a
sensible result and never an error; costs that do not grow with the page size;
suggestions as one types."""
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.integration.api import Api

pytestmark = pytest.mark.django_db

SEARCH = """query($q: String!, $n: Int) {
  products(first: $n, filter: {search: $q}) { totalCount edges { node { name merchant { name } } } }
  merchants(first: 20, filter: {search: $q}) { edges { node { name } } }
  searchSuggestions(query: $q) { kind text merchant { slug } }
}"""

BAD_INPUT = [
    "", " ", "a", "é", "%", "_", "%%", "__", "x" * 1000,
    "pain " * 200, "'; DROP TABLE product_product; --", "\" OR 1=1 --", "pain & !beurre",
    "brie:*", "<->", "\\", "😀", "🥖 baguette", "ﷺ", "\u202e", "\t\n",
]


@pytest.mark.parametrize("term", BAD_INPUT)
def test_bad_input_is_answered_fast_without_error(demo_district, term):
    started = time.perf_counter()
    body = Api().execute(SEARCH, {"q": term, "n": 24})
    elapsed = time.perf_counter() - started
    assert not body.get("errors"), body["errors"]
    data = body["data"]
    assert elapsed < 2, f"{term[:20]!r}: {elapsed:.2f} s"
    if term.strip() in ("", "a", "é", "%", "_", "%%", "__", "😀", "<->", "\\"):
        assert data["products"]["totalCount"] == 0 or term.strip() == ""
        assert data["searchSuggestions"] == []


def test_bad_input_with_words_still_finds_them(demo_district):
    data = Api().data(SEARCH, {"q": "🥖 baguette", "n": 5})
    assert data["products"]["edges"][0]["node"]["name"].startswith("Baguette")


@pytest.mark.parametrize("term", ["\x00", "pain\x00", "\x00" * 50])
def test_a_nul_character_is_refused_whole_with_a_code(demo_district, term):
    # The API refuses a NUL in any text before running anything (PostgreSQL stores none):
    # a clear code and a French sentence, never an error page. The storefront drops it.
    body = Api().execute(SEARCH, {"q": term, "n": 24})
    assert body.get("data") is None
    assert [error["extensions"]["code"] for error in body["errors"]] == ["INVALID_REQUEST"]


def test_a_search_costs_the_same_queries_whatever_the_page_size(demo_district):
    query = """query($q: String!, $n: Int) { products(first: $n, filter: {search: $q}) {
      totalCount edges { node { name thumbnail { url } merchant { name slug } } } } }"""
    counts = {}
    Api().data(query, {"q": "pain", "n": 12})
    for size in (12, 24, 48):
        with CaptureQueriesContext(connection) as captured:
            data = Api().data(query, {"q": "pain", "n": size})
        assert len(data["products"]["edges"]) == size
        counts[size] = len(captured)
    assert counts[24] == counts[12] and counts[48] == counts[12], counts


def test_pages_of_a_ranked_search_follow_each_other(demo_district):
    query = """query($q: String!, $after: String) { products(first: 7, after: $after,
      filter: {search: $q}) { totalCount edges { node { slug } }
      pageInfo { hasNextPage endCursor } } }"""
    slugs, after = [], None
    while True:
        page = Api().data(query, {"q": "fromage", "after": after})["products"]
        slugs += [e["node"]["slug"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(slugs) == len(set(slugs)) == page["totalCount"]


SUGGEST = "query($q: String!) { searchSuggestions(query: $q, first: 8) { kind text merchant { slug name } } }"


def test_suggestions_complete_what_is_typed(demo_district):
    texts = [s["text"] for s in Api().data(SUGGEST, {"q": "camem"})["searchSuggestions"]]
    assert texts[0] == "Camembert de Normandie AOP"
    assert len(texts) == len(set(texts))  # a product sold by several shops, once


def test_suggestions_put_shops_first(demo_district):
    found = Api().data(SUGGEST, {"q": "fromagerie"})["searchSuggestions"]
    assert found[0]["kind"] == "MERCHANT" and found[0]["merchant"]["slug"]
    kinds = [s["kind"] for s in found]
    assert kinds == sorted(kinds, key=lambda k: k != "MERCHANT")


def test_suggestions_cost_a_bounded_number_of_queries(demo_district):
    counts = []
    for term in ("p", "pa", "pai", "pain", "pain au choc"):
        with CaptureQueriesContext(connection) as captured:
            Api().data(SUGGEST, {"q": term})
        counts.append(len(captured))
    assert max(counts) <= 4, counts


def test_a_search_combines_with_other_filters_and_sorts(demo_district):
    from graphql_relay import to_global_id
    from saleor.product.models import Category

    cheese = to_global_id("Category", Category.objects.get(slug="fromages-cremerie").pk)
    query = """query($f: ProductFilterInput, $s: ProductOrder) { products(first: 50, filter: $f,
      sortBy: $s) { totalCount edges { node { name category { slug } } } } }"""
    alone = Api().data(query, {"f": {"search": "comté"}})["products"]
    narrowed = Api().data(query, {"f": {"search": "comté", "categories": [cheese]}})["products"]
    assert 0 < narrowed["totalCount"] < alone["totalCount"]  # not the book "Le Comte de…"
    assert {e["node"]["category"]["slug"] for e in narrowed["edges"]} == {"fromages-cremerie"}
    in_stock = Api().data(query, {"f": {"search": "comté", "stockAvailability": "IN_STOCK"}})
    assert in_stock["products"]["totalCount"] > 0
    by_name = Api().data(query, {"f": {"search": "comté"}, "s": {"field": "NAME", "direction": "ASC"}})
    names = [e["node"]["name"] for e in by_name["products"]["edges"]]
    assert names == sorted(names) and len(names) == alone["totalCount"]
