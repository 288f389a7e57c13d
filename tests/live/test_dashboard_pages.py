"""The stock Saleor Dashboard 2.10.1's requests (tests/live/dashboard/) over real HTTP,
as shopkeeper A, shopkeeper B and the operator: no errors, only A's data for A, B's
private fields absent, refused saves shown in their payload and never half applied."""
import json

import pytest
from graphql_relay import to_global_id

from tests.recorded_dashboard import document, fill, pages

pytestmark = [pytest.mark.live]

PAGES = pages()
RESIDENT_PRIVATE = ("camille.martin@exemple.fr", "12 rue de Passy", "Martin")


class Shop:
    def __init__(self, merchant, variant):
        self.merchant, self.variant = merchant, variant
        self.email = f"{merchant.slug}@paris16.example"
        self.product = to_global_id("Product", variant.product_id)
        self.warehouse = to_global_id("Warehouse", merchant.warehouse_id)
        self.category = to_global_id("Category", variant.product.category_id)


@pytest.fixture(scope="module")
def district_order(site_server, django_db_blocker):
    """Shops A and B of the demo district and a paid order holding a line of each (committed)."""
    from django.db import transaction

    from plugins.local_merchants.models import Merchant
    from saleor.product.models import ProductVariant
    from tests.integration.local_merchants_orders.conftest import place_order

    with django_db_blocker.unblock():
        shops = []
        for merchant in Merchant.objects.filter(is_active=True).order_by("slug")[2:]:
            variant = ProductVariant.objects.filter(
                product__merchant_link__merchant=merchant, product__is_published=True,
                stocks__warehouse=merchant.warehouse, stocks__quantity__gte=5,
            ).select_related("product").order_by("pk").first()
            if variant:
                shops.append(Shop(merchant, variant))
            if len(shops) == 2:
                break
        with transaction.atomic():  # as checkoutComplete does
            order = place_order([(shops[0].variant, 1), (shops[1].variant, 2)])
    return shops[0], shops[1], order


def names_for(shop, order):
    return {"own_order": to_global_id("Order", order.pk), "own_order_number": str(order.pk),
            "own_product": shop.product, "own_category": shop.category, "own_warehouse": shop.warehouse}


@pytest.mark.parametrize("who", ["A", "B", "operator"])
def test_every_page_answers_without_errors(site_server, district_order, who):
    a, b, order = district_order
    shop = {"A": a, "B": b, "operator": a}[who]
    client = site_server.login(shop.email if who != "operator" else "admin@paris16.example")
    for page, requests in PAGES.items():
        for request in requests:
            body = client.execute(document(request["document"]), fill(request["variables"], names_for(shop, order)))
            assert not body.get("errors"), (who, page, request["document"], body["errors"])


def test_shop_a_sees_its_part_only_and_nothing_of_the_resident(site_server, district_order):
    a, b, order = district_order
    keeper = site_server.login(a.email)
    details = keeper.data(document("orderDetailsQuery"), {"id": to_global_id("Order", order.pk)})["order"]
    assert [line["productSku"] for line in details["lines"]] == [a.variant.sku]
    assert details["userEmail"] is None and details["shippingAddress"] is None
    listed = keeper.data(document("orderListQuery"), {"first": 100, "filter": {}})["orders"]["edges"]
    assert str(order.pk) in [edge["node"]["number"] for edge in listed]
    text = json.dumps([details, listed])
    for private in RESIDENT_PRIVATE + (b.variant.sku,):
        assert private not in text
    # The operator sees the whole order, the resident included.
    whole = site_server.login("admin@paris16.example").data(
        document("orderDetailsQuery"), {"id": to_global_id("Order", order.pk)})["order"]
    assert sorted(line["productSku"] for line in whole["lines"]) == sorted([a.variant.sku, b.variant.sku])
    assert whole["userEmail"] == "camille.martin@exemple.fr"


def test_b_private_objects_are_absent_for_a(site_server, district_order):
    a, b, _ = district_order
    keeper = site_server.login(a.email)
    assert keeper.data(document("productDetailsQuery"), {"id": b.product})["product"] is None
    assert keeper.data(document("warehouseDetails"), {"id": b.warehouse})["warehouse"] is None
    warehouses = keeper.data(document("warehouseList"), {"first": 100, "filter": {}})["warehouses"]["edges"]
    assert [edge["node"]["id"] for edge in warehouses] == [a.warehouse]
    products = keeper.data(document("productListQuery"), {"first": 100, "filter": {}})["products"]["edges"]
    assert b.product not in json.dumps(products)


def test_a_save_touching_b_is_refused_in_the_payload_and_not_half_applied(site_server, district_order, django_db_blocker):
    from saleor.product.models import Product
    from saleor.warehouse.models import Stock

    a, b, _ = district_order
    variables = {
        "id": a.product, "name": "Renommé par la sauvegarde refusée", "chargeTaxes": True,
        "isPublished": True, "basePrice": "10.00", "collections": [], "attributes": [],
        "descriptionJson": "{}", "productVariantId": to_global_id("ProductVariant", a.variant.pk),
        "productVariantInput": {"sku": a.variant.sku, "trackInventory": True},
        "addStocks": [{"warehouse": b.warehouse, "quantity": 3}], "deleteStocks": [], "updateStocks": [],
    }
    body = site_server.login(a.email).execute(document("simpleProductUpdateMutation"), variables)
    assert not body.get("errors"), body
    assert all(payload["errors"] and {e["code"] for e in payload["errors"]} == {"NOT_FOUND"}
               for payload in body["data"].values()), body["data"]
    with django_db_blocker.unblock():
        assert Product.objects.get(pk=a.variant.product_id).name == a.variant.product.name
        assert not Stock.objects.filter(warehouse_id=b.merchant.warehouse_id, product_variant=a.variant).exists()
