"""Public catalogue: merchants, Product.merchant, deactivated shops disappearing."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import Api, gid

MERCHANTS = """query($filter: MerchantFilterInput){ merchants(first: 10, filter: $filter){
  totalCount edges{ node{ name slug trade tradeLabel isActive clickAndCollect siret
  address{ postalCode city } openingHours{ weekday opens closes } } } } }"""
PRODUCTS = "query($n:Int){ products(first:$n){ edges{ node{ name merchant{ name slug } } } } }"


def names(data, key="products"):
    return sorted(edge["node"]["name"] for edge in data[key]["edges"])


def test_merchants_listing_and_filters(shops):
    data = Api().data(MERCHANTS)["merchants"]
    assert data["totalCount"] == 2
    a = data["edges"][0]["node"]
    assert a["slug"] == "boulangerie-a" and a["trade"] == "BAKERY" and a["tradeLabel"] == "Boulangerie"
    assert a["address"] == {"postalCode": "75016", "city": "PARIS"}
    assert a["openingHours"] == [{"weekday": 0, "opens": "09:00", "closes": "13:00"},
                                 {"weekday": 0, "opens": "14:00", "closes": "19:00"}]
    assert a["siret"] is None  # private to the operator and the shop
    wine = Api().data(MERCHANTS, {"filter": {"trade": "WINE"}})["merchants"]["edges"]
    assert [e["node"]["slug"] for e in wine] == ["cave-b"]
    found = Api().data(MERCHANTS, {"filter": {"search": "boulang"}})["merchants"]["edges"]
    assert [e["node"]["slug"] for e in found] == ["boulangerie-a"]


def test_merchant_by_slug_and_id_with_public_products_only(shops):
    query = """query($id:ID,$slug:String){ merchant(id:$id, slug:$slug){ name
      products(first: 10){ edges{ node{ name } } } } }"""
    by_slug = Api().data(query, {"slug": "boulangerie-a"})["merchant"]
    assert names(by_slug) == ["Baguette A"]
    by_id = Api().data(query, {"id": gid(shops.b)})["merchant"]
    assert by_id["name"] == "Cave B"
    # Its own shopkeeper sees the draft too; the other shop's shopkeeper does not.
    assert names(Api(shops.keeper_a).data(query, {"slug": "boulangerie-a"})["merchant"]) == [
        "Baguette A", "Brouillon A"]
    assert names(Api(shops.keeper_b).data(query, {"slug": "boulangerie-a"})["merchant"]) == [
        "Baguette A"]


def test_product_and_user_merchant(shops):
    data = Api().data(PRODUCTS, {"n": 10})
    assert {e["node"]["name"]: e["node"]["merchant"]["slug"] for e in data["products"]["edges"]} == {
        "Baguette A": "boulangerie-a", "Vin B": "cave-b"}
    me = Api(shops.keeper_a).data("{ me { merchant { slug siret } } }")["me"]["merchant"]
    assert me == {"slug": "boulangerie-a", "siret": "73282932000074"}
    assert Api(shops.customer).data("{ me { merchant { slug } } }")["me"]["merchant"] is None


def test_deactivated_shop_disappears_from_public_catalogue(shops):
    shops.b.is_active = False
    shops.b.save()
    anonymous, customer = Api(), Api(shops.customer)
    for api in (anonymous, customer):
        assert names(api.data(PRODUCTS, {"n": 10})) == ["Baguette A"]
        assert api.data("query($id:ID!){ product(id:$id){ name } }", {"id": gid(shops.pb)})["product"] is None
        assert names(api.data('{ products(first:10, filter:{search:"Vin"}){ edges{ node{ name } } } }')) == []
        category = api.data("query($id:ID!){ category(id:$id){ products(first:10){ edges{ node{ name } } } } }",
                            {"id": gid(shops.category)})["category"]
        assert names(category) == ["Baguette A"]
        assert api.data("query($s:String){ merchant(slug:$s){ name } }", {"s": "cave-b"})["merchant"] is None
        assert [e["node"]["slug"] for e in api.data(MERCHANTS)["merchants"]["edges"]] == ["boulangerie-a"]
    # The operator still sees and manages it.
    operator = Api(shops.operator)
    assert "Vin B" in names(operator.data(PRODUCTS, {"n": 10}))
    assert len(operator.data(MERCHANTS)["merchants"]["edges"]) == 2


def _count_queries(api, first):
    with CaptureQueriesContext(connection) as ctx:
        data = api.data(PRODUCTS, {"n": first})
        queries = len(ctx.captured_queries)
    return queries, len(data["products"]["edges"])


def test_product_merchant_costs_one_query_whatever_the_page_size(shops):
    from .test_isolation_cost import add_products

    add_products(shops, 30)
    small, small_rows = _count_queries(Api(), 2)
    large, large_rows = _count_queries(Api(), 24)
    assert (small_rows, large_rows) == (2, 24)
    # The page, whose products carry their shop links, then the shop directory: read from
    # the database here (this test's shops are uncommitted, never shared: shops with their
    # addresses, opening hours, closures), from the worker's memory once committed.
    assert small == large == 1 + 3


MERCHANT_PAGE = """query($n:Int){ merchants(first:$n){ edges{ node{ slug address{ streetAddress1 }
  openingHours{ weekday opens } products(first: 3){ totalCount edges{ node{ name } } } } } } }"""


def test_merchants_page_costs_the_same_queries_whatever_its_size(shops):
    from plugins.local_merchants.onboarding import create_merchant

    from .conftest import ADDRESS, _product

    for index in range(20):
        merchant = create_merchant(
            name=f"Boutique {index:02d}", slug=f"boutique-{index:02d}", trade="OTHER",
            email=f"boutique-{index:02d}@paris16.example", siret="73282932000074", address=ADDRESS,
            opening_hours=[(1, "09:00", "19:00")],
        )
        for rank in range(4):
            _product(merchant, shops.product_type, shops.category, f"Article {index:02d} {rank}",
                     published=rank != 3)
    for api in (Api(), Api(shops.keeper_a), Api(shops.operator)):
        counts = {}
        for first in (5, 20):
            with CaptureQueriesContext(connection) as ctx:
                edges = api.data(MERCHANT_PAGE, {"n": first})["merchants"]["edges"]
                counts[first] = len(ctx.captured_queries)
            assert len(edges) == first
            assert all(len(e["node"]["products"]["edges"]) <= 3 and e["node"]["openingHours"] is not None
                       for e in edges)
            shop = next(e["node"] for e in edges if e["node"]["slug"] == "boutique-00")
            # Residents see the 3 published articles of 4; the page stops at 3 either way.
            assert [p["node"]["name"] for p in shop["products"]["edges"]] == [
                "Article 00 0", "Article 00 1", "Article 00 2"]
        assert counts[5] == counts[20], counts
