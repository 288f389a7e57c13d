"""Zone check, delivery options, and the stock shipping-method list and mutation obeying them."""
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plugins.grouped_delivery.domain.kinds import KINDS

from .conftest import IN_ZONE, OUTSIDE, Api, basket, gid

ZONE = """query($a: AddressInput!){ deliveryZoneCheck(address:$a){
  inZone code normalizedPostalCode message } }"""
OPTIONS = """query($id: UUID!){ checkout(token:$id){ deliveryOptions{ kind label needsSlot merchant{ name }
  price{ amount currency } shippingMethod{ id name } }
  availableShippingMethods{ id name price{ amount } } } }"""
SET_METHOD = """mutation($c: ID!, $m: ID!){ checkoutShippingMethodUpdate(checkoutId:$c, shippingMethodId:$m){
  checkout{ shippingMethod{ id } shippingPrice{ gross{ amount } net{ amount } } totalPrice{ gross{ amount } } }
  checkoutErrors{ field message code } } }"""
SET_ADDRESS = """mutation($c: ID!, $a: AddressInput!){ checkoutShippingAddressUpdate(checkoutId:$c, shippingAddress:$a){
  checkout{ shippingAddress{ postalCode } } checkoutErrors{ field message code } } }"""


def options(checkout):
    return Api().data(OPTIONS, {"id": str(checkout.token)})["checkout"]


@pytest.mark.parametrize("address, code", [
    ({"streetAddress1": "5 rue de Passy", "country": "FR", "city": "Paris 16e", "postalCode": "75 016"}, "IN_ZONE"),
    ({"streetAddress1": "5 rue de Passy", "country": "FR", "city": "PARIS", "postalCode": "75116"}, "IN_ZONE"),
    ({"streetAddress1": "5 rue de Passy", "country": "FR", "city": "Paris", "postalCode": "75017"}, "OUTSIDE_ZONE"),
    ({"streetAddress1": "5 rue de Passy", "country": "FR", "city": "Boulogne-Billancourt", "postalCode": "92100"}, "OUTSIDE_ZONE"),
    ({"streetAddress1": "5 rue de Passy", "country": "FR", "city": "Paris CEDEX 16", "postalCode": "75016"}, "CEDEX"),
    ({"streetAddress1": "5 rue de Passy", "country": "BE", "city": "Bruxelles", "postalCode": "1000"}, "WRONG_COUNTRY"),
    ({"streetAddress1": "5 rue de Passy", "country": "FR", "city": "", "postalCode": "75016"}, "MISSING_FIELD"),
    ({"streetAddress1": "", "country": "FR", "city": "Paris", "postalCode": "75016"}, "MISSING_FIELD"),
    ({"country": "FR", "city": "Paris", "postalCode": "75016"}, "MISSING_FIELD"),
    ({"streetAddress1": "BP 1234", "country": "FR", "city": "Paris", "postalCode": "75016"}, "PO_BOX"),
    ({"streetAddress1": "TSA 12345", "country": "FR", "city": "Paris", "postalCode": "75116"}, "PO_BOX"),
])
def test_zone_check_over_graphql(db, address, code):
    check = Api().data(ZONE, {"a": address})["deliveryZoneCheck"]
    assert check["code"] == code
    assert check["inZone"] is (code == "IN_ZONE")
    assert check["message"].endswith(".")


def test_in_zone_multi_shop_basket_gets_one_grouped_fee_and_a_pickup_per_shop(district):
    checkout = basket(district.a, district.b)
    data = options(checkout)
    kinds = [(o["kind"], (o["merchant"] or {}).get("name"), o["price"]["amount"])
             for o in data["deliveryOptions"]]
    assert kinds == [("GROUPED_DELIVERY", None, 5.9), ("CLICK_AND_COLLECT", "Alpha", 0.0),
                     ("CLICK_AND_COLLECT", "Beta", 0.0)]
    assert "1 rue Alpha" in data["deliveryOptions"][1]["label"]
    assert "tournée" in data["deliveryOptions"][1]["label"]  # Beta's part is brought to Alpha
    # The stock list shows exactly the same methods: never shop Gamma's pickup.
    offered = {o["shippingMethod"]["id"] for o in data["deliveryOptions"]}
    assert {m["id"] for m in data["availableShippingMethods"]} == offered
    assert not any("Gamma" in m["name"] for m in data["availableShippingMethods"])

    grouped = data["deliveryOptions"][0]["shippingMethod"]["id"]
    chosen = Api().data(SET_METHOD, {"c": gid(checkout), "m": grouped})
    result = chosen["checkoutShippingMethodUpdate"]
    assert result["checkoutErrors"] == []
    # One fee for the whole basket, VAT split by the French VAT plugin (20 %).
    assert result["checkout"]["shippingPrice"]["gross"]["amount"] == 5.9
    assert Decimal(str(result["checkout"]["shippingPrice"]["net"]["amount"])) == Decimal("4.92")
    assert result["checkout"]["totalPrice"]["gross"]["amount"] == 10 + 7.5 + 5.9


def operator_product(district):
    """A product the operator sells itself (no shop), stocked in A's warehouse."""
    from types import SimpleNamespace

    from saleor.product.models import Product, ProductVariant
    from saleor.warehouse.models import Stock

    shop_product = district.a.variant.product
    product = Product.objects.create(
        name="Sac réutilisable", slug="sac-reutilisable", product_type=shop_product.product_type,
        category=shop_product.category, price_amount=Decimal("2.00"), is_published=True,
    )
    variant = ProductVariant.objects.create(product=product, sku="sac-16")
    Stock.objects.create(product_variant=variant, warehouse=district.a.warehouse, quantity=50)
    return SimpleNamespace(variant=variant)


def test_the_api_says_which_options_need_a_slot(district):
    """Collecting in a shop rides no round only when that shop is the whole basket: another
    shop's articles or the operator's own products are brought by the round."""
    def needs_slot(*sellers):
        found = options(basket(*sellers))["deliveryOptions"]
        # The shops' pickups come in no particular order.
        return sorted((o["kind"], (o["merchant"] or {}).get("name") or "", o["needsSlot"])
                      for o in found)

    assert needs_slot(district.a) == [
        ("CLICK_AND_COLLECT", "Alpha", False), ("GROUPED_DELIVERY", "", True)]
    assert needs_slot(district.a, district.b) == [
        ("CLICK_AND_COLLECT", "Alpha", True), ("CLICK_AND_COLLECT", "Beta", True),
        ("GROUPED_DELIVERY", "", True)]
    assert needs_slot(district.a, operator_product(district)) == [
        ("CLICK_AND_COLLECT", "Alpha", True), ("GROUPED_DELIVERY", "", True)]


def test_grouped_delivery_is_free_from_the_threshold(district):
    checkout = basket(district.a, district.b, quantity=4)  # 70 EUR
    grouped = options(checkout)["deliveryOptions"][0]
    assert grouped["kind"] == "GROUPED_DELIVERY" and grouped["price"]["amount"] == 0
    assert "offerte" in grouped["label"]


def test_too_heavy_basket_gets_no_grouped_delivery(district):
    from measurement.measures import Weight

    district.a.variant.weight = Weight(kg=10)
    district.a.variant.save()
    checkout = basket(district.a, quantity=3)
    kinds = [o["kind"] for o in options(checkout)["deliveryOptions"]]
    assert kinds == ["CLICK_AND_COLLECT"]


def test_outside_zone_address_is_kept_but_grouped_delivery_refused(district):
    checkout = basket(district.a, address=OUTSIDE)
    data = options(checkout)
    assert [o["kind"] for o in data["deliveryOptions"]] == ["CLICK_AND_COLLECT"]
    grouped_name = KINDS["GROUPED_DELIVERY"].method_name()
    assert grouped_name not in [m["name"] for m in data["availableShippingMethods"]]

    from plugins.grouped_delivery.models import DeliveryMethod

    grouped = DeliveryMethod.objects.get(kind="GROUPED_DELIVERY")
    forced = Api().data(SET_METHOD, {"c": gid(checkout), "m": gid(grouped.shipping_method)})
    errors = forced["checkoutShippingMethodUpdate"]["checkoutErrors"]
    assert errors == [{"field": "shippingMethod", "code": "SHIPPING_METHOD_NOT_APPLICABLE",
                       "message": errors[0]["message"]}]
    assert "16e" in errors[0]["message"]
    checkout.refresh_from_db()
    assert checkout.shipping_method_id is None


def test_pickup_at_a_shop_not_in_the_basket_is_refused(district):
    checkout = basket(district.a)
    from plugins.grouped_delivery.models import DeliveryMethod

    gamma = DeliveryMethod.objects.get(merchant=district.c)  # written when C was created
    result = Api().data(SET_METHOD, {"c": gid(checkout), "m": gid(gamma.shipping_method)})
    errors = result["checkoutShippingMethodUpdate"]["checkoutErrors"]
    assert [e["code"] for e in errors] == ["SHIPPING_METHOD_NOT_APPLICABLE"]
    assert "boutique de votre panier" in errors[0]["message"]
    checkout.refresh_from_db()
    assert checkout.shipping_method_id is None


def test_moving_out_of_the_zone_after_choosing_grouped_delivery_is_refused(district):
    checkout = basket(district.a)
    grouped = options(checkout)["deliveryOptions"][0]["shippingMethod"]["id"]
    Api().data(SET_METHOD, {"c": gid(checkout), "m": grouped})
    result = Api().data(SET_ADDRESS, {"c": gid(checkout), "a": OUTSIDE})
    errors = result["checkoutShippingAddressUpdate"]["checkoutErrors"]
    assert [e["field"] for e in errors] == ["shippingAddress"]
    assert "retrait en boutique" in errors[0]["message"]
    checkout.refresh_from_db()
    assert checkout.shipping_address.postal_code == "75016"

    # Without grouped delivery chosen, an outside address is saved (click & collect stays).
    other = basket(district.a)
    saved = Api().data(SET_ADDRESS, {"c": gid(other), "a": OUTSIDE})["checkoutShippingAddressUpdate"]
    assert saved["checkoutErrors"] == [] and saved["checkout"]["shippingAddress"]["postalCode"] == "75015"


def test_delivery_options_query_count_does_not_grow_with_shops(district):
    query = """query($id: UUID!){ checkout(token:$id){ deliveryOptions{ kind label
      merchant{ name } price{ amount } shippingMethod{ id name } } } }"""
    small, large = basket(district.a), basket(district.a, district.b, district.c)
    for checkout in (small, large):  # methods created on first sight
        Api().data(query, {"id": str(checkout.token)})
    with CaptureQueriesContext(connection) as one_shop:
        Api().data(query, {"id": str(small.token)})
    with CaptureQueriesContext(connection) as three_shops:
        assert len(Api().data(query, {"id": str(large.token)})["checkout"]["deliveryOptions"]) == 4
    assert len(three_shops) == len(one_shop)


def test_saleor_reads_only_the_methods_of_the_baskets_shops(district):
    """Saleor's own list (what its checkout steps check the chosen method against) holds
    the pickups of the basket's shops only: the same rows however many shops the
    district has, not one per shop (issue 13: 1,500 at ×10 at every step)."""
    from prices import Money
    from saleor.shipping.models import ShippingMethod

    from plugins.grouped_delivery.models import DeliveryMethod

    checkout = basket(district.a)
    options(checkout)  # the methods exist once seen

    def saleor_list():
        with CaptureQueriesContext(connection) as queries:
            methods = ShippingMethod.objects.applicable_shipping_methods_for_instance(
                checkout, price=Money(10, "EUR"))
            names = sorted(m.name for m in methods)
        return names, len(queries)

    saleor_list()  # the first one also reads the plugin's switch, kept for later requests
    names, count = saleor_list()
    pickups = {m.merchant.name: m.shipping_method.name
               for m in DeliveryMethod.objects.filter(merchant__isnull=False)}
    assert set(pickups) == {"Alpha", "Beta", "Gamma"}
    assert pickups["Alpha"] in names
    assert pickups["Beta"] not in names and pickups["Gamma"] not in names
    assert set(names) - {pickups["Alpha"]} == {
        m.shipping_method.name for m in DeliveryMethod.objects.filter(merchant__isnull=True)}
    # Every shop's pickup outside the basket stays out, in as many queries.
    from .conftest import _shop
    from saleor.product.models import Category, ProductType
    for n in range(5):
        _shop(f"shop-x{n}", f"Extra{n}", ProductType.objects.first(), Category.objects.first(), "2.00")
    assert saleor_list() == (names, count)


def test_a_shops_pickup_left_when_its_lines_go_is_replaced_as_stock_replaces_a_method(district):
    """Saleor swaps a method that no longer applies for the cheapest one that does:
    a pickup at a shop the basket no longer holds is such a method."""
    LINES_DELETE = """mutation($c: ID!, $l: ID){ checkoutLineDelete(checkoutId:$c, lineId:$l){
      checkout{ shippingMethod{ id } } checkoutErrors{ field code } } }"""
    checkout = basket(district.a, district.b)
    beta = next(o["shippingMethod"]["id"] for o in options(checkout)["deliveryOptions"]
                if (o["merchant"] or {}).get("name") == "Beta")
    assert Api().data(SET_METHOD, {"c": gid(checkout), "m": beta})[
        "checkoutShippingMethodUpdate"]["checkoutErrors"] == []
    line = checkout.lines.get(variant=district.b.variant)
    result = Api().data(LINES_DELETE, {"c": gid(checkout), "l": gid(line)})["checkoutLineDelete"]
    assert result["checkoutErrors"] == []
    now = result["checkout"]["shippingMethod"]["id"]
    offered = options(checkout)["deliveryOptions"]
    assert now != beta and now in {o["shippingMethod"]["id"] for o in offered}
    assert [o["merchant"]["name"] for o in offered if o["merchant"]] == ["Alpha"]
