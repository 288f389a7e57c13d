"""The stock dashboard's recorded requests as a shopkeeper and as the operator (in-process,
real PostgreSQL): every page answers, orders and home figures are the shop's own."""
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.integration.api import gid
from tests.recorded_dashboard import document, fill, pages

from .conftest import OPERATOR_EMAIL, shopkeeper_email

PAGES = pages()


def names_for(shop, order):
    merchant, variant = shop
    return {"own_order": gid(order), "own_order_number": str(order.pk),
            "own_product": gid(variant.product), "own_category": gid(variant.product.category),
            "own_warehouse": gid(merchant.warehouse)}


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("who", ["shopkeeper", "operator"])
def test_every_page_answers_without_errors(api, keepers, two_shop_order, page, who):
    client = api.login(shopkeeper_email(keepers[0][0]) if who == "shopkeeper" else OPERATOR_EMAIL)
    for request in PAGES[page]:
        body = client.execute(document(request["document"]),
                              fill(request["variables"], names_for(keepers[0], two_shop_order)))
        assert not body.get("errors"), (request["document"], body["errors"])


ORDER = document("orderDetailsQuery")


def test_an_order_shows_only_the_shops_lines_amounts_and_no_contact(api, keepers, two_shop_order):
    shop_1 = api.login(shopkeeper_email(keepers[0][0]))
    order = shop_1.data(ORDER, {"id": gid(two_shop_order)})["order"]
    assert [line["productSku"] for line in order["lines"]] == ["SKU-1"]
    assert Decimal(str(order["total"]["gross"]["amount"])) == Decimal("20.00")
    assert Decimal(str(order["subtotal"]["gross"]["amount"])) == Decimal("20.00")
    assert order["shippingPrice"]["gross"]["amount"] == 0
    assert order["status"] == "UNFULFILLED" and order["actions"] == []
    assert order["billingAddress"] is None and order["shippingAddress"] is None
    assert order["userEmail"] is None and order["user"] is None and order["events"] == []
    assert order["shippingMethodName"].startswith("Livraison groupée")
    text = str(order)
    for private in ("camille", "Camille", "Passy", "SKU-2", "Martin"):
        assert private not in text
    # The operator sees the whole order.
    whole = api.login(OPERATOR_EMAIL).data(ORDER, {"id": gid(two_shop_order)})["order"]
    assert sorted(line["productSku"] for line in whole["lines"]) == ["SKU-1", "SKU-2"]
    assert whole["userEmail"] == "camille.martin@exemple.fr"


def test_a_shop_without_a_part_does_not_find_the_order(api, keepers, two_shop_order):
    shop_3 = api.login(shopkeeper_email(keepers[2][0]))
    assert shop_3.data(ORDER, {"id": gid(two_shop_order)})["order"] is None
    listed = shop_3.data(document("orderListQuery"), {"first": 20, "filter": {}})["orders"]
    assert listed["edges"] == []


def test_order_search_never_matches_the_residents_name_or_email(api, keepers, two_shop_order):
    shop_1 = api.login(shopkeeper_email(keepers[0][0]))
    search = document("orderListQuery")

    def found(filter_):
        return [e["node"]["number"] for e in shop_1.data(search, {"first": 20, "filter": filter_})["orders"]["edges"]]

    number = str(two_shop_order.pk)
    assert found({"search": number}) == [number]
    assert found({"search": "Pain de la boutique 1"}) == [number]
    for probe in ({"search": "camille"}, {"search": "exemple.fr"}, {"customer": "Martin"},
                  {"search": "Pain de la boutique 2"}):
        assert found(probe) == []


FULFIL = document("fulfillOrder")


def _fulfil_input(line_pk, warehouse, quantity):
    from graphql_relay import to_global_id

    return {"lines": [{"orderLineId": to_global_id("OrderLine", line_pk),
                       "stocks": [{"quantity": quantity, "warehouse": gid(warehouse)}]}]}


def test_fulfilling_the_shops_lines_makes_its_part_ready(api, keepers, two_shop_order):
    from plugins.local_merchants.orders.models import MerchantOrder

    (merchant_1, _), (merchant_2, _), _ = keepers
    line_1 = two_shop_order.lines.get(product_sku="SKU-1")
    shop_1 = api.login(shopkeeper_email(merchant_1))
    payload = shop_1.data(FULFIL, {"orderId": gid(two_shop_order),
                                   "input": _fulfil_input(line_1.pk, merchant_1.warehouse, 2)})["orderFulfill"]
    assert payload["errors"] == []
    assert payload["order"]["status"] == "FULFILLED"
    assert MerchantOrder.objects.get(order=two_shop_order, merchant=merchant_1).status == "READY"
    assert MerchantOrder.objects.get(order=two_shop_order, merchant=merchant_2).status == "TO_PREPARE"
    listed = shop_1.data(document("orderListQuery"), {"first": 20, "filter": {"status": ["UNFULFILLED"]}})
    assert listed["orders"]["edges"] == []
    # Shop 2 still has it to prepare; no e-mail went to the resident for shop 1's preparation.
    shop_2 = api.login(shopkeeper_email(merchant_2))
    assert shop_2.data(ORDER, {"id": gid(two_shop_order)})["order"]["status"] == "UNFULFILLED"


@pytest.mark.parametrize("attack", ["foreign line", "foreign warehouse", "foreign order"])
def test_fulfilling_another_shops_lines_is_not_found_and_changes_nothing(api, keepers, two_shop_order, attack):
    from plugins.local_merchants.orders.models import MerchantOrder
    from saleor.order.models import Fulfillment

    (merchant_1, _), (merchant_2, _), (merchant_3, _) = keepers
    line_1 = two_shop_order.lines.get(product_sku="SKU-1")
    line_2 = two_shop_order.lines.get(product_sku="SKU-2")
    variables = {
        "foreign line": (merchant_1, line_2, merchant_1.warehouse),
        "foreign warehouse": (merchant_1, line_1, merchant_2.warehouse),
        "foreign order": (merchant_3, line_1, merchant_3.warehouse),
    }[attack]
    keeper, line, warehouse = variables
    body = api.login(shopkeeper_email(keeper)).execute(
        FULFIL, {"orderId": gid(two_shop_order), "input": _fulfil_input(line.pk, warehouse, 1)})
    assert not body.get("errors"), body
    errors = body["data"]["orderFulfill"]["errors"]
    assert [e["code"] for e in errors] == ["NOT_FOUND"]
    assert not Fulfillment.objects.filter(order=two_shop_order).exists()
    assert set(MerchantOrder.objects.filter(order=two_shop_order).values_list("status", flat=True)) == {"TO_PREPARE"}


HOME = document("home")


def test_home_shows_the_shops_figures_only(api, keepers, two_shop_order):
    (merchant_1, _), _, (merchant_3, _) = keepers
    home = api.login(shopkeeper_email(merchant_1)).data(HOME)
    assert Decimal(str(home["salesToday"]["gross"]["amount"])) == Decimal("20.00")
    assert home["ordersToday"]["totalCount"] == 1
    assert home["ordersToFulfill"]["totalCount"] == 1
    assert home["ordersToCapture"]["totalCount"] == 0
    assert [e["node"]["product"]["name"] for e in home["productTopToday"]["edges"]] == ["Pain de la boutique 1"]
    events = [e["node"] for e in home["activities"]["edges"]]
    assert events and all(e["email"] is None and e["user"] is None and e["amount"] is None for e in events)
    assert {e["orderNumber"] for e in events} == {str(two_shop_order.pk)}
    empty = api.login(shopkeeper_email(merchant_3)).data(HOME)
    assert empty["salesToday"]["gross"]["amount"] == 0
    assert empty["ordersToday"]["totalCount"] == 0 and empty["activities"]["edges"] == []
    assert empty["productTopToday"]["edges"] == []


def test_customer_search_answers_empty_for_a_shop(api, keepers, two_shop_order):
    found = api.login(shopkeeper_email(keepers[0][0])).data(
        document("searchCustomers"), {"first": 5, "query": "camille"})
    assert found["search"]["edges"] == []


def test_categories_count_and_list_only_the_shops_products(api, keepers):
    (merchant_1, variant_1), _, _ = keepers
    category = variant_1.product.category
    details = api.login(shopkeeper_email(merchant_1)).data(
        document("categoryDetails"), {"id": gid(category), "first": 20})["category"]
    assert [e["node"]["name"] for e in details["products"]["edges"]] == ["Pain de la boutique 1"]
    roots = api.login(shopkeeper_email(merchant_1)).data(document("rootCategories"), {"first": 20})
    counts = {e["node"]["name"]: e["node"]["products"]["totalCount"] for e in roots["categories"]["edges"]}
    assert counts["Alimentation"] == 1
    operator = api.login(OPERATOR_EMAIL).data(document("rootCategories"), {"first": 20})
    assert {e["node"]["name"]: e["node"]["products"]["totalCount"]
            for e in operator["categories"]["edges"]}["Alimentation"] == 3


def test_order_list_scoping_adds_a_constant_number_of_queries(api, keepers):
    """The shop's order list against the operator's same request, for 1 and 6 orders."""
    from .conftest import place_order

    (merchant_1, variant_1), (_, variant_2), _ = keepers
    shop_1 = api.login(shopkeeper_email(merchant_1))
    operator = api.login(OPERATOR_EMAIL)
    listing, variables = document("orderListQuery"), {"first": 20, "filter": {}}

    def count(client):
        client.data(listing, variables)  # warm: the actor's shop is looked up once per request
        with CaptureQueriesContext(connection) as ctx:
            client.data(listing, variables)
        return len(ctx.captured_queries)

    place_order([(variant_1, 1), (variant_2, 1)])
    one = (count(shop_1), count(operator))
    for _ in range(5):
        place_order([(variant_1, 1), (variant_2, 1)])
    six = (count(shop_1), count(operator))
    print(f"\norder list queries, shop vs operator: 1 order {one}, 6 orders {six}")
    # Stock Saleor's list grows with the orders (addresses, payments); the shop's scoping
    # adds a constant few queries (its part and lines, batched) and never grows faster.
    assert six[0] - one[0] <= six[1] - one[1]
    assert one[0] - one[1] <= 4


def test_click_and_collect_shows_the_residents_first_name_only(api, keepers, two_shop_order):
    from plugins.local_merchants.orders.models import MerchantOrder

    merchant_1 = keepers[0][0]
    MerchantOrder.objects.filter(order=two_shop_order).update(is_click_and_collect=True)
    order = api.login(shopkeeper_email(merchant_1)).data(ORDER, {"id": gid(two_shop_order)})["order"]
    address = order["billingAddress"]
    assert address["firstName"] == "Camille"
    assert address["lastName"] == "" and address["streetAddress1"] == "" and address["phone"] in ("", None)
    assert order["shippingAddress"] is None and order["userEmail"] is None
    assert order["shippingMethodName"].startswith("Retrait en boutique")


def test_collections_count_and_list_only_the_shops_products(api, keepers):
    from saleor.product.models import Collection

    (merchant_1, variant_1), (_, variant_2), _ = keepers
    collection = Collection.objects.create(name="Fêtes", slug="fetes", is_published=True)
    collection.products.add(variant_1.product, variant_2.product)
    keeper = api.login(shopkeeper_email(merchant_1))
    listed = keeper.data(document("collectionList"), {"first": 20, "filter": {}})["collections"]["edges"]
    assert [e["node"]["products"]["totalCount"] for e in listed if e["node"]["name"] == "Fêtes"] == [1]
    details = keeper.data(document("collectionDetails"), {"id": gid(collection), "first": 20})["collection"]
    assert [e["node"]["name"] for e in details["products"]["edges"]] == ["Pain de la boutique 1"]
    operator = api.login(OPERATOR_EMAIL).data(document("collectionDetails"), {"id": gid(collection), "first": 20})
    assert len(operator["collection"]["products"]["edges"]) == 2


def test_hiding_an_orders_metadata_leaves_other_types_metadata_alone(api, keepers, two_shop_order):
    """Order's metadata fields come from an interface shared with Product: scoping the
    order's must not empty the product's (regression)."""
    (merchant_1, variant_1), _, _ = keepers
    product = variant_1.product
    product.store_value_in_private_metadata({"note": "à commander lundi"})
    product.store_value_in_metadata({"origine": "Île-de-France"})
    product.save(update_fields=["private_metadata", "metadata"])
    two_shop_order.store_value_in_metadata({"source": "camille.martin@exemple.fr"})
    two_shop_order.save(update_fields=["metadata"])
    keeper = api.login(shopkeeper_email(merchant_1))
    found = keeper.data("query($id: ID!){ product(id: $id){ privateMetadata{ key value } metadata{ key } } }",
                        {"id": gid(product)})["product"]
    assert found["privateMetadata"] == [{"key": "note", "value": "à commander lundi"}]
    assert found["metadata"] == [{"key": "origine"}]
    order = keeper.data("query($id: ID!){ order(id: $id){ metadata{ key value } } }",
                        {"id": gid(two_shop_order)})["order"]
    assert order["metadata"] == []
